/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * What the start-up code and the linker script give an image: its entry
 * point, the trace buffer, the exception hook.
 */
#ifndef FW_PLATFORM_H
#define FW_PLATFORM_H

/* The trace buffer, placed by link.ld.S at AMP_VIRT_FW_TRACE_BASE. */
extern char fw_trace_buf[];

/*
 * The image's main function, entered with the MMU off, interrupts masked,
 * .bss cleared and a stack; @ctx is the context id of CPU_ON.
 */
void fw_main(unsigned long ctx);

/* Called by the exception vectors: traces the fault, then waits forever. */
void fw_exception(unsigned long kind, unsigned long pc, unsigned long info);

#endif /* FW_PLATFORM_H */
