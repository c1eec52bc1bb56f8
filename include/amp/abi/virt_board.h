/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * The virtual AMP board as Linux and the remote firmware both see it:
 * QEMU's virt machine, Linux on CPU0, the remote on CPU1. Only constants
 * live here, so the header is usable from the kernel and from bare-metal
 * firmware alike. dts/virt-amp-board.dtso describes the same layout to
 * Linux; the two must agree.
 */
#ifndef AMP_VIRT_BOARD_H
#define AMP_VIRT_BOARD_H

/* GICv2 of the virt machine: distributor and CPU interface. */
#define AMP_VIRT_GICD_BASE		0x08000000
#define AMP_VIRT_GICC_BASE		0x08010000

/* The remote processor: GIC CPU interface number and MPIDR of CPU1. */
#define AMP_VIRT_REMOTE_CPU		1

/*
 * Remote memory: the top 16 MiB of RAM, reserved no-map for the remote
 * where dts/virt-amp-board.dtso lists a region.
 *
 *   0x7f000000  4 MiB    firmware image: code, data, bss (reset vector at
 *                        its start), then the stack and the trace buffer
 *                        at the end of the region
 *   0x7f400000  1 MiB    vrings: vdev<N>vring<M> regions of 64 KiB each
 *                        (four of them reserved: two vdevs)
 *   0x7f500000  2 MiB    vdev<N>buffer: each rpmsg device's DMA pool
 *   0x7f700000  1 MiB    carveouts: memory firmware asks for in its
 *                        resource table at a fixed address
 *   0x7f800000  7 MiB    not reserved (Linux RAM)
 *   0x7ff00000  1016 KiB spare: reserved, no use assigned yet
 *   0x7fffe000  4 KiB    rsc-table: the reference firmware's resource
 *                        table, where a host attaching finds it
 *   0x7ffff000  4 KiB    mailbox shared page
 */
#define AMP_VIRT_FW_BASE		0x7f000000
#define AMP_VIRT_FW_SIZE		0x00400000
#define AMP_VIRT_FW_STACK_SIZE		0x00010000
#define AMP_VIRT_FW_TRACE_SIZE		0x00010000
/* The reference firmware's trace buffer: the last 64 KiB of its region. */
#define AMP_VIRT_FW_TRACE_BASE \
	(AMP_VIRT_FW_BASE + AMP_VIRT_FW_SIZE - AMP_VIRT_FW_TRACE_SIZE)
#define AMP_VIRT_VRINGS_BASE		0x7f400000
#define AMP_VIRT_VRINGS_SIZE		0x00100000
/* Region vdev<vdev>vring<vring>, two vrings per vdev. */
#define AMP_VIRT_VRING_SIZE		0x00010000
#define AMP_VIRT_VRING_BASE(vdev, vring) \
	(AMP_VIRT_VRINGS_BASE + (2 * (vdev) + (vring)) * AMP_VIRT_VRING_SIZE)
#define AMP_VIRT_BUFFERS_BASE		0x7f500000
#define AMP_VIRT_BUFFERS_SIZE		0x00200000
#define AMP_VIRT_CARVEOUTS_BASE		0x7f700000
#define AMP_VIRT_CARVEOUTS_SIZE		0x00100000
#define AMP_VIRT_RSC_TABLE_BASE		0x7fffe000
#define AMP_VIRT_RSC_TABLE_SIZE		0x00001000
#define AMP_VIRT_MBOX_SHM_BASE		0x7ffff000
#define AMP_VIRT_MBOX_SHM_SIZE		0x00001000

/*
 * Mailbox doorbells. Linux rings the remote with SGI AMP_VIRT_MBOX_SGI
 * (8..15: Linux keeps 0..7 for its IPIs); the remote rings Linux by
 * pending SPI AMP_VIRT_MBOX_SPI, i.e. GIC interrupt id 32 + 250.
 */
#define AMP_VIRT_MBOX_SGI		8
#define AMP_VIRT_MBOX_SPI		250

/*
 * Mailbox shared page: one slot per channel and direction, each slot a
 * little-endian 32-bit status word followed by a 32-bit payload word.
 *
 * A sender waits for the slot's status to read 0, writes the payload,
 * then status = 1, then rings the other side. The receiver reads the
 * payload, then writes status = 0 (the acknowledgment), then rings the
 * sender back so that it learns the slot is free again: the remote raises
 * the SPI after acknowledging Linux's messages, Linux needs no doorbell
 * for its acknowledgments since the remote polls before sending.
 */
#define AMP_VMBOX_CHANNELS		16
#define AMP_VMBOX_H2R			0x000	/* host to remote slots */
#define AMP_VMBOX_R2H			0x100	/* remote to host slots */
#define AMP_VMBOX_SLOT_SIZE		8
#define AMP_VMBOX_STATUS(dir, ch)	((dir) + AMP_VMBOX_SLOT_SIZE * (ch))
#define AMP_VMBOX_DATA(dir, ch)		(AMP_VMBOX_STATUS(dir, ch) + 4)
#define AMP_VMBOX_SHM_MIN_SIZE		0x200

/*
 * Channel assignment by convention (stm32-style names): the kicks of the
 * two rpmsg vrings, a shutdown request the remote acknowledges before it
 * powers itself off, a detach request and the remote's crash report. The
 * vrings of further virtio devices (notify ids 2 and up) kick on channels
 * 5 and up; amp_vmbox_ch_vq() maps a vring's notify id to its channel.
 */
#define AMP_VMBOX_CH_VQ0		0
#define AMP_VMBOX_CH_VQ1		1
#define AMP_VMBOX_CH_SHUTDOWN		2
#define AMP_VMBOX_CH_DETACH		3
#define AMP_VMBOX_CH_CRASH		4

#ifndef __ASSEMBLER__	/* the firmware's linker script includes this file */
static inline unsigned int amp_vmbox_ch_vq(unsigned int notifyid)
{
	return notifyid < 2 ? notifyid : notifyid + 3;
}
#endif

/*
 * RAM of the virt machine as configured by scripts/lib.sh (1 GiB). Buffers
 * Linux hands the remote must lie in it; the remote checks every address
 * it reads from a vring against it.
 */
#define AMP_VIRT_RAM_BASE		0x40000000
#define AMP_VIRT_RAM_SIZE		0x40000000

#endif /* AMP_VIRT_BOARD_H */
