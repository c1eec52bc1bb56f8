// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Resource table in the style of ST's Cortex-M firmware: one rpmsg vdev
 * whose two vrings the host places (da = AMP_RSC_ADDR_ANY), and the trace
 * buffer.
 */

#include <stddef.h>

#include <amp/abi/rsc_table.h>
#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/rsc.h>

#define RSC_ST_VRING_NUM	16
#define RSC_ST_VRING_ALIGN	0x1000
/* rpmsg's name service, the only rpmsg feature there is. */
#define RSC_ST_RPMSG_F_NS	1

/**
 * struct rsc_st_table - the table's layout
 * @hdr: table header
 * @offset: offsets of the entries
 * @vdev_type: type word of the vdev entry
 * @vdev: the rpmsg vdev
 * @vring: its vrings: 0 to the host, 1 from the host
 * @trace_type: type word of the trace entry
 * @trace: the trace buffer
 */
struct rsc_st_table {
	struct amp_rsc_table hdr;
	__u32 offset[2];
	__u32 vdev_type;
	struct amp_rsc_vdev vdev;
	struct amp_rsc_vring vring[2];
	__u32 trace_type;
	struct amp_rsc_trace trace;
} AMP_RSC_PACKED;

/* Not const: the host writes vring addresses and status into it. */
static struct rsc_st_table rsc_st_table
__used __section(AMP_RSC_SECTION) __aligned(8) = {
	.hdr = { .ver = AMP_RSC_TABLE_V1, .num = 2 },
	.offset = {
		offsetof(struct rsc_st_table, vdev_type),
		offsetof(struct rsc_st_table, trace_type),
	},
	.vdev_type = AMP_RSC_VDEV,
	.vdev = {
		.id = 7,
		.dfeatures = RSC_ST_RPMSG_F_NS,
		.num_of_vrings = 2,
	},
	.vring = {
		/* ST's notify ids; the host assigns its own and writes them back. */
		{ AMP_RSC_ADDR_ANY, RSC_ST_VRING_ALIGN, RSC_ST_VRING_NUM, 1, 0 },
		{ AMP_RSC_ADDR_ANY, RSC_ST_VRING_ALIGN, RSC_ST_VRING_NUM, 2, 0 },
	},
	.trace_type = AMP_RSC_TRACE,
	.trace = {
		.da = AMP_VIRT_FW_TRACE_BASE,
		.len = AMP_VIRT_FW_TRACE_SIZE,
		.name = "fw_trace",
	},
};

void *const fw_rsc_table = &rsc_st_table;
