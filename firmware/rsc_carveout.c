// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Resource table in the style of NuttX's RPTUN: the rpmsg vdev is followed
 * by a carveout named after it ("vdev0"), at a fixed address in the
 * board's carveouts region, and its vrings (da 0) are placed by the host
 * inside that carveout, packed from its start. Then the trace buffer.
 */

#include <stddef.h>

#include <amp/abi/rsc_table.h>
#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/rsc.h>

#define RSC_CO_VRING_NUM	16
#define RSC_CO_VRING_ALIGN	0x1000
/* Room for both vrings and more: a shared heap in NuttX. */
#define RSC_CO_LEN		0x10000
/* rpmsg's name service, the only rpmsg feature there is. */
#define RSC_CO_RPMSG_F_NS	1

/**
 * struct rsc_co_table - the table's layout
 * @hdr: table header
 * @offset: offsets of the entries
 * @vdev_type: type word of the vdev entry
 * @vdev: the rpmsg vdev
 * @vring: its vrings: 0 to the host, 1 from the host
 * @co_type: type word of the carveout entry
 * @co: the vdev's carveout
 * @trace_type: type word of the trace entry
 * @trace: the trace buffer
 */
struct rsc_co_table {
	struct amp_rsc_table hdr;
	__u32 offset[3];
	__u32 vdev_type;
	struct amp_rsc_vdev vdev;
	struct amp_rsc_vring vring[2];
	__u32 co_type;
	struct amp_rsc_carveout co;
	__u32 trace_type;
	struct amp_rsc_trace trace;
} AMP_RSC_PACKED;

/* Not const: the host writes vring addresses and status into it. */
static struct rsc_co_table rsc_co_table
__used __section(AMP_RSC_SECTION) __aligned(8) = {
	.hdr = { .ver = AMP_RSC_TABLE_V1, .num = 3 },
	.offset = {
		offsetof(struct rsc_co_table, vdev_type),
		offsetof(struct rsc_co_table, co_type),
		offsetof(struct rsc_co_table, trace_type),
	},
	.vdev_type = AMP_RSC_VDEV,
	.vdev = {
		.id = 7,
		/* Not one of the vrings' ids, which the host sets to 0 and 1. */
		.notifyid = 2,
		.dfeatures = RSC_CO_RPMSG_F_NS,
		.num_of_vrings = 2,
	},
	.vring = {
		{ 0, RSC_CO_VRING_ALIGN, RSC_CO_VRING_NUM, 0, 0 },
		{ 0, RSC_CO_VRING_ALIGN, RSC_CO_VRING_NUM, 1, 0 },
	},
	.co_type = AMP_RSC_CARVEOUT,
	.co = {
		.da = AMP_VIRT_CARVEOUTS_BASE,
		.pa = AMP_VIRT_CARVEOUTS_BASE,
		.len = RSC_CO_LEN,
		.name = "vdev0",
	},
	.trace_type = AMP_RSC_TRACE,
	.trace = {
		.da = AMP_VIRT_FW_TRACE_BASE,
		.len = AMP_VIRT_FW_TRACE_SIZE,
		.name = "fw_trace",
	},
};

void *const fw_rsc_table = &rsc_co_table;
