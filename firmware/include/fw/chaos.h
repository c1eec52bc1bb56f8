/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Chaos mode of the reference remote: from a seed, one of the things a
 * broken or hostile remote does to the memory it shares with the host and
 * to the doorbells, so that tests can check the host survives each.
 */
#ifndef FW_CHAOS_H
#define FW_CHAOS_H

#include <fw/rpmsg.h>
#include <fw/rsc.h>

/**
 * enum fw_chaos_kind - what a seed makes the remote do
 * @FW_CHAOS_USED_IDX: move the used index of the host's receive ring far
 *	past the buffers the host made available
 * @FW_CHAOS_USED_ID: return an id that names no descriptor
 * @FW_CHAOS_USED_LEN: claim more bytes than a buffer holds, from then on
 * @FW_CHAOS_DESC: set NEXT on every descriptor of the host's receive
 *	ring, in a loop, then return a buffer
 * @FW_CHAOS_AVAIL: rewrite the available index of the host's transmit
 *	ring
 * @FW_CHAOS_TABLE: rewrite the vdev's status, features and vrings and
 *	the trace entry's length in the resource table
 * @FW_CHAOS_TRACE: fill the rest of the trace buffer, with no terminator
 * @FW_CHAOS_FLOOD: ring the host 100000 times with nothing to say
 * @FW_CHAOS_CRASH: report a crash while messages are in flight
 * @FW_CHAOS_DEAF: ignore shutdown requests for 6 s
 * @FW_CHAOS_NR: number of kinds
 */
enum fw_chaos_kind {
	FW_CHAOS_USED_IDX,
	FW_CHAOS_USED_ID,
	FW_CHAOS_USED_LEN,
	FW_CHAOS_DESC,
	FW_CHAOS_AVAIL,
	FW_CHAOS_TABLE,
	FW_CHAOS_TRACE,
	FW_CHAOS_FLOOD,
	FW_CHAOS_CRASH,
	FW_CHAOS_DEAF,
	FW_CHAOS_NR,
};

/**
 * struct fw_chaos - what the caller must keep doing after fw_chaos_run()
 * @hang: stop serving messages
 * @deaf_seconds: ignore shutdown requests for this long
 */
struct fw_chaos {
	int hang;
	unsigned int deaf_seconds;
};

enum fw_chaos_kind fw_chaos_run(unsigned int seed, struct fw_rpmsg *r,
				const struct fw_rsc_vdev *vdev,
				struct fw_chaos *out);
const char *fw_chaos_name(enum fw_chaos_kind kind);

#endif /* FW_CHAOS_H */
