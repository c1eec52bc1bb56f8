// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * PSCI through the hvc conduit (what QEMU's virt DT names in /psci
 * "method"). Only 32-bit function ids are used, valid for both arches.
 */

#include <fw/psci.h>

#define PSCI_VERSION		0x84000000u
#define PSCI_CPU_OFF		0x84000002u

static long fw_psci_call(unsigned long fn)
{
#ifdef __aarch64__
	register unsigned long x0 __asm__("x0") = fn;

	/* SMCCC v1.0 leaves x4..x17 unpredictable on return. */
	__asm__ volatile("hvc #0"
			 : "+r" (x0)
			 :
			 : "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8",
			   "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			   "x16", "x17", "memory");
	return (long)(int)x0;
#else
	register unsigned long r0 __asm__("r0") = fn;

	__asm__ volatile(".arch_extension virt\n\thvc #0"
			 : "+r" (r0)
			 :
			 : "r1", "r2", "r3", "memory");
	return (long)(int)r0;
#endif
}

unsigned int fw_psci_version(void)
{
	return (unsigned int)fw_psci_call(PSCI_VERSION);
}

int fw_psci_cpu_off(void)
{
	return (int)fw_psci_call(PSCI_CPU_OFF);
}
