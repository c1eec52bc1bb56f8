// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Exceptions the firmware does not expect (it runs with interrupts masked
 * and waits for them with wfi). Leave a trace for Linux and stop here
 * rather than power off: a remote that never powers off is what Linux
 * detects as a failed stop.
 */

#include <fw/arch.h>
#include <fw/platform.h>
#include <fw/trace.h>

void fw_exception(unsigned long kind, unsigned long pc, unsigned long info)
{
	fw_trace("fault: exception %lu at pc %lx, info %lx\n", kind, pc, info);
	for (;;)
		fw_wfi();
}
