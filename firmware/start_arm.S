/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Entry of the remote CPU on arm (A32). PSCI CPU_ON enters here in SVC
 * mode with the MMU off and IRQ, FIQ and aborts masked; r0 holds the
 * context id. Interrupts stay masked: the firmware waits for them with
 * wfi and acknowledges them by polling the GIC.
 */

#define MODE_MASK	0x1f
#define MODE_SVC	0x13
#define SCTLR_M		(1 << 0)
#define SCTLR_C		(1 << 2)
#define SCTLR_I		(1 << 12)
#define SCTLR_V		(1 << 13)

	.syntax unified
	.arm

	.section .text.start, "ax"
	.global	_start
_start:
	cpsid	aif
	mov	r4, r0
	/* HYP entry (virtualization=on) is not supported: stop here. */
	mrs	r1, cpsr
	and	r1, r1, #MODE_MASK
	cmp	r1, #MODE_SVC
	bne	fw_hang

	/* MMU and caches off, vectors at VBAR: every access is Device. */
	mrc	p15, 0, r1, c1, c0, 0
	bic	r1, r1, #(SCTLR_M | SCTLR_C)
	bic	r1, r1, #(SCTLR_I | SCTLR_V)
	mcr	p15, 0, r1, c1, c0, 0
	ldr	r1, =fw_vectors
	mcr	p15, 0, r1, c12, c0, 0
	isb

	ldr	sp, =__stack_top
	ldr	r1, =__bss_start
	ldr	r2, =__bss_end
	mov	r3, #0
1:	cmp	r1, r2
	strlo	r3, [r1], #4
	blo	1b

	mov	r0, r4
	bl	fw_main
fw_hang:
	wfi
	b	fw_hang

	/* Every exception: r0 = vector number, r1 = return address. */
	.section .text.vectors, "ax"
	.balign	32
fw_vectors:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7
	b	fw_vector_\n
	.endr
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7
fw_vector_\n:
	mov	r0, #\n
	b	fw_vector_common
	.endr
fw_vector_common:
	mov	r1, lr
	mrc	p15, 0, r2, c6, c0, 0		/* DFAR */
	cps	#MODE_SVC
	ldr	sp, =__stack_top
	bl	fw_exception
	b	fw_hang
