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

/* The kernel's attribute macros, so firmware code reads like the kernel's. */
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __section(s) __attribute__((__section__(s)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* "insn w0, [x1]" on arm64, "insn r0, [r1]" on arm: a 32-bit register. */
#ifdef __aarch64__
#define FW_W0(insn) insn " %w0, [%1]"
#else
#define FW_W0(insn) insn " %0, [%1]"
#endif

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

/*
 * In a polling loop: a hint that this CPU only waits. Emulators switch to
 * the other CPU on it (QEMU's TCG runs both CPUs in one thread), SMT cores
 * favour the sibling.
 */
static inline void fw_cpu_relax(void)
{
	__asm__ volatile("yield" : : : "memory");
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

static inline unsigned int fw_read16(uintptr_t addr)
{
	unsigned int val;

	__asm__ volatile(FW_W0("ldrh") : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void fw_write16(uintptr_t addr, unsigned int val)
{
	__asm__ volatile(FW_W0("strh") : : "r" (val), "r" (addr) : "memory");
}

static inline unsigned int fw_read8(uintptr_t addr)
{
	unsigned int val;

	__asm__ volatile(FW_W0("ldrb") : "=r" (val) : "r" (addr) : "memory");
	return val;
}

static inline void fw_write8(uintptr_t addr, unsigned int val)
{
	__asm__ volatile(FW_W0("strb") : : "r" (val), "r" (addr) : "memory");
}

/* The generic timer's virtual count, for timeouts. */
static inline unsigned long long fw_counter(void)
{
	unsigned long long cnt;

#ifdef __aarch64__
	__asm__ volatile("isb\n\tmrs %0, cntvct_el0" : "=r" (cnt));
#else
	__asm__ volatile("isb\n\tmrrc p15, 1, %Q0, %R0, c14" : "=r" (cnt));
#endif
	return cnt;
}

/* Ticks of fw_counter() per second. */
static inline unsigned int fw_counter_freq(void)
{
	unsigned int freq;

#ifdef __aarch64__
	unsigned long val;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r" (val));
	freq = val;
#else
	__asm__ volatile("mrc p15, 0, %0, c14, c0, 0" : "=r" (freq));
#endif
	return freq;
}

#endif /* FW_ARCH_H */
