/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Layout of a firmware image in the remote's firmware region
 * (AMP_VIRT_FW_BASE, AMP_VIRT_FW_SIZE): code and data from the reset
 * vector up, then at the end of the region the stack and the trace
 * buffer. Stack and trace are NOLOAD: the start-up code and
 * fw_trace_init() prepare them, the loader need not.
 *
 * The resource table is a segment of its own in the board's rsc-table
 * region (AMP_VIRT_RSC_TABLE_BASE): a host that attaches to the running
 * remote finds it there without reading the image.
 */

#include <amp/abi/rsc_table.h>
#include <amp/abi/virt_board.h>

#define FW_IMAGE_SIZE \
	(AMP_VIRT_FW_SIZE - AMP_VIRT_FW_STACK_SIZE - AMP_VIRT_FW_TRACE_SIZE)

ENTRY(_start)

MEMORY
{
	image (rwx) : ORIGIN = AMP_VIRT_FW_BASE, LENGTH = FW_IMAGE_SIZE
	stack (rw) : ORIGIN = AMP_VIRT_FW_BASE + FW_IMAGE_SIZE,
		     LENGTH = AMP_VIRT_FW_STACK_SIZE
	trace (rw) : ORIGIN = AMP_VIRT_FW_TRACE_BASE,
		     LENGTH = AMP_VIRT_FW_TRACE_SIZE
	rsc (rw) : ORIGIN = AMP_VIRT_RSC_TABLE_BASE,
		   LENGTH = AMP_VIRT_RSC_TABLE_SIZE
}

SECTIONS
{
	.text : {
		KEEP(*(.text.start))
		KEEP(*(.text.vectors))
		*(.text .text.*)
	} > image
	.rodata : ALIGN(8) { *(.rodata .rodata.*) } > image
	.data : ALIGN(8) { *(.data .data.*) } > image
	.bss (NOLOAD) : ALIGN(8) {
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > image
	.stack (NOLOAD) : {
		. += AMP_VIRT_FW_STACK_SIZE;
		__stack_top = .;
	} > stack
	AMP_RSC_SECTION_NAME : ALIGN(8) { KEEP(*(AMP_RSC_SECTION_NAME)) } > rsc
	.trace (NOLOAD) : {
		fw_trace_buf = .;
		. += AMP_VIRT_FW_TRACE_SIZE;
	} > trace

	/DISCARD/ : {
		*(.comment) *(.note .note.*) *(.ARM.exidx*) *(.eh_frame*)
		*(.interp) *(.dynamic) *(.dynsym) *(.dynstr) *(.hash)
		*(.gnu.hash)
	}
}

ASSERT(_start == AMP_VIRT_FW_BASE, "_start must be at the reset vector")
