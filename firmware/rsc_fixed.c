// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Resource table with vrings at fixed device addresses: one rpmsg vdev
 * whose two vrings the firmware places itself, in the board's
 * vdev0vring0 and vdev0vring1 regions, and the trace buffer. The host
 * uses the addresses as they are and only assigns the notify ids.
 */

#include <stddef.h>

#include <amp/abi/rsc_table.h>
#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/rsc.h>

#define RSC_FIXED_VRING_NUM	16
#define RSC_FIXED_VRING_ALIGN	0x1000
/* rpmsg's name service, the only rpmsg feature there is. */
#define RSC_FIXED_RPMSG_F_NS	1

/**
 * struct rsc_fixed_table - the table's layout
 * @hdr: table header
 * @offset: offsets of the entries
 * @vdev_type: type word of the vdev entry
 * @vdev: the rpmsg vdev
 * @vring: its vrings: 0 to the host, 1 from the host
 * @trace_type: type word of the trace entry
 * @trace: the trace buffer
 */
struct rsc_fixed_table {
	struct amp_rsc_table hdr;
	__u32 offset[2];
	__u32 vdev_type;
	struct amp_rsc_vdev vdev;
	struct amp_rsc_vring vring[2];
	__u32 trace_type;
	struct amp_rsc_trace trace;
} AMP_RSC_PACKED;

/* Not const: the host writes notify ids and status into it. */
static struct rsc_fixed_table rsc_fixed_table
__used __section(AMP_RSC_SECTION) __aligned(8) = {
	.hdr = { .ver = AMP_RSC_TABLE_V1, .num = 2 },
	.offset = {
		offsetof(struct rsc_fixed_table, vdev_type),
		offsetof(struct rsc_fixed_table, trace_type),
	},
	.vdev_type = AMP_RSC_VDEV,
	.vdev = {
		.id = 7,
		/* Not one of the vrings' ids, which the host keeps 0 and 1. */
		.notifyid = 2,
		.dfeatures = RSC_FIXED_RPMSG_F_NS,
		.num_of_vrings = 2,
	},
	.vring = {
		{ AMP_VIRT_VRING_BASE(0, 0), RSC_FIXED_VRING_ALIGN,
		  RSC_FIXED_VRING_NUM, 0, 0 },
		{ AMP_VIRT_VRING_BASE(0, 1), RSC_FIXED_VRING_ALIGN,
		  RSC_FIXED_VRING_NUM, 1, 0 },
	},
	.trace_type = AMP_RSC_TRACE,
	.trace = {
		.da = AMP_VIRT_FW_TRACE_BASE,
		.len = AMP_VIRT_FW_TRACE_SIZE,
		.name = "fw_trace",
	},
};

void *const fw_rsc_table = &rsc_fixed_table;
