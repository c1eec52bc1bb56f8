/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * The few instructions the platform layer needs, for arm (A32) and arm64
 * (A64) alike. The remote runs with its MMU off: every access is to
 * Device memory, so single word accesses are ordered among themselves;
 * the barriers order them against the GIC's signalling.
 *
 * 32-bit registers and words are unsigned int: 32 bits on both ABIs.
 */
#ifndef FW_ARCH_H
#define FW_ARCH_H

#include <stdint.h>

/* The kernel's __printf(), for the same -Wformat checks. */
#define FW_FORMAT(a, b) format(printf, a, b)
#define __printf(a, b) __attribute__((FW_FORMAT(a, b)))

static inline void fw_dsb(void)
{
	__asm__ volatile("dsb sy" : : : "memory");
}

static inline void fw_wfi(void)
{
	__asm__ volatile("dsb sy\n\twfi" : : : "memory");
}

/* One 32-bit access each, never split or merged by the compiler. */
static inline unsigned int fw_read32(uintptr_t addr)
{
	unsigned int val;

#ifdef __aarch64__
	__asm__ volatile("ldr %w0, [%1]" : "=r" (val) : "r" (addr) : "memory");
#else
	__asm__ volatile("ldr %0, [%1]" : "=r" (val) : "r" (addr) : "memory");
#endif
	return val;
}

static inline void fw_write32(uintptr_t addr, unsigned int val)
{
#ifdef __aarch64__
	__asm__ volatile("str %w0, [%1]" : : "r" (val), "r" (addr) : "memory");
#else
	__asm__ volatile("str %0, [%1]" : : "r" (val), "r" (addr) : "memory");
#endif
}

#endif /* FW_ARCH_H */
