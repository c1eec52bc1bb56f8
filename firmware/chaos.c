// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Chaos mode of the reference remote (see fw/chaos.h). Seeds 0 to
 * FW_CHAOS_NR - 1 each pick their own kind, so a handful of seeds covers
 * every kind; larger seeds pick one at random, with random values.
 */

#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/chaos.h>
#include <fw/gic.h>
#include <fw/mbox.h>
#include <fw/platform.h>
#include <fw/string.h>
#include <fw/trace.h>
#include <fw/vring.h>

#define FW_CHAOS_FLOOD_RINGS	100000
#define FW_CHAOS_DEAF_SECONDS	6
#define FW_CHAOS_DESC_NEXT	1	/* VRING_DESC_F_NEXT */
/* Offsets in a vdev entry, from its type word. */
#define FW_CHAOS_VDEV_GFEATURES	16
#define FW_CHAOS_VDEV_STATUS	24
#define FW_CHAOS_VDEV_VRINGS	28

static const char *const fw_chaos_names[FW_CHAOS_NR] = {
	[FW_CHAOS_USED_IDX] = "used-idx",
	[FW_CHAOS_USED_ID] = "used-id",
	[FW_CHAOS_USED_LEN] = "used-len",
	[FW_CHAOS_DESC] = "desc",
	[FW_CHAOS_AVAIL] = "avail",
	[FW_CHAOS_TABLE] = "table",
	[FW_CHAOS_TRACE] = "trace",
	[FW_CHAOS_FLOOD] = "flood",
	[FW_CHAOS_CRASH] = "crash",
	[FW_CHAOS_DEAF] = "deaf",
};

const char *fw_chaos_name(enum fw_chaos_kind kind)
{
	return kind < FW_CHAOS_NR ? fw_chaos_names[kind] : "?";
}

/* xorshift32: reproducible from the seed, never 0. */
static unsigned int fw_chaos_next(unsigned int *state)
{
	unsigned int x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static void fw_chaos_kick(unsigned int ch)
{
	fw_mbox_send(ch, 1);
	fw_mbox_ring();
}

/* A used entry whose id names no descriptor. */
static void fw_chaos_used_id(struct fw_rpmsg *r, unsigned int id)
{
	struct fw_vring *vr = &r->to_host;
	uintptr_t e = vr->used + 4 + 8 * (vr->used_idx & (vr->num - 1));

	fw_write32(e, vr->num + id);
	fw_write32(e + 4, 16);
	fw_dsb();
	vr->used_idx++;
	fw_write16(vr->used + 2, vr->used_idx);
	fw_dsb();
	fw_chaos_kick(r->to_host_ch);
}

/* NEXT on every descriptor, each pointing at another: a chain in a loop. */
static void fw_chaos_desc(struct fw_rpmsg *r, unsigned int rnd)
{
	struct fw_vring *vr = &r->to_host;
	unsigned int i;

	for (i = 0; i < vr->num; i++) {
		uintptr_t d = vr->desc + 16 * i;

		fw_write16(d + 12, fw_read16(d + 12) | FW_CHAOS_DESC_NEXT);
		fw_write16(d + 14, (i + 1 + rnd) & (vr->num - 1));
	}
	fw_dsb();
}

static void fw_chaos_table(const struct fw_rsc_vdev *vdev,
			   unsigned int *rnd)
{
	uintptr_t v = vdev->entry;
	unsigned int i;

	fw_write8(v + FW_CHAOS_VDEV_STATUS, fw_chaos_next(rnd));
	fw_write32(v + FW_CHAOS_VDEV_GFEATURES, fw_chaos_next(rnd));
	for (i = 0; i < vdev->num_vrings; i++)
		fw_write32(v + FW_CHAOS_VDEV_VRINGS + 20 * i,
			   fw_chaos_next(rnd));
	fw_dsb();
}

/* The rest of the log, past the line that names the seed, unterminated. */
static void fw_chaos_trace(void)
{
	size_t used = fw_trace_used();

	memset(fw_trace_buf + used, 'x', AMP_VIRT_FW_TRACE_SIZE - used);
	fw_dsb();
}

/**
 * fw_chaos_run() - misbehave as seed @seed says
 * @seed: the seed
 * @r: the rpmsg device whose rings are played with
 * @vdev: its entry in the resource table
 * @out: what the caller keeps doing afterwards
 *
 * Return: the kind of misbehaviour, also traced with the seed.
 */
enum fw_chaos_kind fw_chaos_run(unsigned int seed, struct fw_rpmsg *r,
				const struct fw_rsc_vdev *vdev,
				struct fw_chaos *out)
{
	unsigned int rnd = seed * 2654435761u + 1;
	enum fw_chaos_kind kind;
	unsigned int i;

	fw_chaos_next(&rnd);
	kind = seed < FW_CHAOS_NR ? seed : fw_chaos_next(&rnd) % FW_CHAOS_NR;
	fw_trace("rpmsg-echo: chaos seed %u: %s\n", seed, fw_chaos_name(kind));
	memset(out, 0, sizeof(*out));

	switch (kind) {
	case FW_CHAOS_USED_IDX:
		fw_vring_corrupt_used_idx(&r->to_host,
					  17 + fw_chaos_next(&rnd) % 60000);
		fw_chaos_kick(r->to_host_ch);
		break;
	case FW_CHAOS_USED_ID:
		fw_chaos_used_id(r, fw_chaos_next(&rnd) % 1000);
		break;
	case FW_CHAOS_USED_LEN:
		r->bad_len = 0x1000 + fw_chaos_next(&rnd) % 0x100000;
		break;
	case FW_CHAOS_DESC:
		fw_chaos_desc(r, fw_chaos_next(&rnd));
		break;
	case FW_CHAOS_AVAIL:
		fw_write16(r->from_host.avail + 2, fw_chaos_next(&rnd));
		fw_dsb();
		break;
	case FW_CHAOS_TABLE:
		fw_chaos_table(vdev, &rnd);
		break;
	case FW_CHAOS_TRACE:
		fw_chaos_trace();
		break;
	case FW_CHAOS_FLOOD:
		for (i = 0; i < FW_CHAOS_FLOOD_RINGS; i++)
			fw_gic_raise_spi(AMP_VIRT_MBOX_SPI);
		break;
	case FW_CHAOS_CRASH:
		out->hang = 1;
		fw_mbox_send(AMP_VMBOX_CH_CRASH, 1);
		fw_mbox_ring();
		break;
	case FW_CHAOS_DEAF:
		out->deaf_seconds = FW_CHAOS_DEAF_SECONDS;
		break;
	default:
		break;
	}
	return kind;
}
