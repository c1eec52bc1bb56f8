// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Resource table with two rpmsg vdevs, each with two vrings the host
 * places (in the board's vdev<N>vring<M> regions) and numbers 0 to 3 in
 * table order, and the trace buffer. vdev1's vrings kick on mailbox
 * channels 5 and 6 (amp_vmbox_ch_vq()).
 */

#include <stddef.h>

#include <amp/abi/rsc_table.h>
#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/rsc.h>

#define RSC_2V_VRING_NUM	16
#define RSC_2V_VRING_ALIGN	0x1000
/* rpmsg's name service, the only rpmsg feature there is. */
#define RSC_2V_RPMSG_F_NS	1

/**
 * struct rsc_2v_vdev - a vdev entry with its two vrings
 * @type: type word
 * @vdev: the rpmsg vdev
 * @vring: its vrings: 0 to the host, 1 from the host
 */
struct rsc_2v_vdev {
	__u32 type;
	struct amp_rsc_vdev vdev;
	struct amp_rsc_vring vring[2];
} AMP_RSC_PACKED;

/**
 * struct rsc_2v_table - the table's layout
 * @hdr: table header
 * @offset: offsets of the entries
 * @rpmsg: the two rpmsg vdevs
 * @trace_type: type word of the trace entry
 * @trace: the trace buffer
 */
struct rsc_2v_table {
	struct amp_rsc_table hdr;
	__u32 offset[3];
	struct rsc_2v_vdev rpmsg[2];
	__u32 trace_type;
	struct amp_rsc_trace trace;
} AMP_RSC_PACKED;

#define RSC_2V_RPMSG(nid, nid0, nid1) {					\
	.type = AMP_RSC_VDEV,						\
	.vdev = {							\
		.id = 7,						\
		.notifyid = (nid),					\
		.dfeatures = RSC_2V_RPMSG_F_NS,				\
		.num_of_vrings = 2,					\
	},								\
	.vring = {							\
		{ AMP_RSC_ADDR_ANY, RSC_2V_VRING_ALIGN,			\
		  RSC_2V_VRING_NUM, (nid0), 0 },			\
		{ AMP_RSC_ADDR_ANY, RSC_2V_VRING_ALIGN,			\
		  RSC_2V_VRING_NUM, (nid1), 0 },			\
	},								\
}

/* Not const: the host writes vring addresses and status into it. */
static struct rsc_2v_table rsc_2v_table
__used __section(AMP_RSC_SECTION) __aligned(8) = {
	.hdr = { .ver = AMP_RSC_TABLE_V1, .num = 3 },
	.offset = {
		offsetof(struct rsc_2v_table, rpmsg[0]),
		offsetof(struct rsc_2v_table, rpmsg[1]),
		offsetof(struct rsc_2v_table, trace_type),
	},
	/* The vdevs' own ids clear of the vrings' 0 to 3 the host sets. */
	.rpmsg = { RSC_2V_RPMSG(4, 0, 1), RSC_2V_RPMSG(5, 2, 3) },
	.trace_type = AMP_RSC_TRACE,
	.trace = {
		.da = AMP_VIRT_FW_TRACE_BASE,
		.len = AMP_VIRT_FW_TRACE_SIZE,
		.name = "fw_trace",
	},
};

void *const fw_rsc_table = &rsc_2v_table;
