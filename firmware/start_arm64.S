/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Entry of the remote CPU on arm64. PSCI CPU_ON enters here at EL1 with
 * the MMU off; x0 holds the context id. Interrupts stay masked: the
 * firmware waits for them with wfi and acknowledges them by polling the
 * GIC. FP/SIMD stays off (CPACR_EL1): the code is built without it.
 */

#define SCTLR_M		(1 << 0)
#define SCTLR_C		(1 << 2)
#define SCTLR_I		(1 << 12)
#define CURRENT_EL1	(1 << 2)

	.section .text.start, "ax"
	.global	_start
_start:
	msr	daifset, #0xf
	mov	x19, x0
	/* EL2 entry (virtualization=on) is not supported: stop here. */
	mrs	x1, CurrentEL
	cmp	x1, #CURRENT_EL1
	b.ne	fw_hang

	/* MMU and caches off: every access is Device. */
	mrs	x1, sctlr_el1
	bic	x1, x1, #SCTLR_M
	bic	x1, x1, #SCTLR_C
	bic	x1, x1, #SCTLR_I
	msr	sctlr_el1, x1
	ldr	x1, =fw_vectors
	msr	vbar_el1, x1
	isb

	ldr	x1, =__stack_top
	mov	sp, x1
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:
	mov	x0, x19
	bl	fw_main
fw_hang:
	wfi
	b	fw_hang

	/* Every exception: x0 = vector number, x1 = ELR, x2 = ESR. */
	.section .text.vectors, "ax"
	.balign	0x800
fw_vectors:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.balign	0x80
	mov	x0, #\n
	mrs	x1, elr_el1
	mrs	x2, esr_el1
	b	fw_vector_common
	.endr
fw_vector_common:
	ldr	x3, =__stack_top
	mov	sp, x3
	bl	fw_exception
	b	fw_hang
