/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * rpmsg over one virtio device, remote side. vring 0 carries messages to
 * the host (the host's receive queue), vring 1 messages from the host.
 * Every message starts with a 16-byte header (source and destination
 * addresses, payload length); the host's name service at address 53 learns
 * of the remote's endpoints from announcements.
 */
#ifndef FW_RPMSG_H
#define FW_RPMSG_H

#include <fw/vring.h>

#define FW_RPMSG_HDR_LEN	16
#define FW_RPMSG_NS_ADDR	53
#define FW_RPMSG_NAME_LEN	32

/* fw_rpmsg_send() and handlers: no buffer free now, try again later. */
#define FW_RPMSG_BUSY		1

/**
 * struct fw_rpmsg - one rpmsg virtio device
 * @to_host: vring 0, buffers the host posts for the remote to fill
 * @from_host: vring 1, the host's messages
 * @to_host_ch: mailbox channel that kicks @to_host on the host
 * @from_host_ch: mailbox channel that kicks @from_host on the host
 * @bad_len: fault test: report this used length instead of the real one
 */
struct fw_rpmsg {
	struct fw_vring to_host;
	struct fw_vring from_host;
	unsigned int to_host_ch;
	unsigned int from_host_ch;
	unsigned int bad_len;
};

/**
 * struct fw_rpmsg_msg - a message from the host
 * @src: the host endpoint that sent it
 * @dst: the remote endpoint it is for
 * @data: its payload, in the host's buffer
 * @len: payload length
 */
struct fw_rpmsg_msg {
	unsigned int src;
	unsigned int dst;
	uintptr_t data;
	unsigned int len;
};

/*
 * Handles one message; returns FW_RPMSG_BUSY to leave it in the ring (it
 * is offered again on the next fw_rpmsg_poll()), anything else consumes it.
 */
typedef int (*fw_rpmsg_handler)(struct fw_rpmsg *r,
				const struct fw_rpmsg_msg *msg, void *ctx);

int fw_rpmsg_send(struct fw_rpmsg *r, unsigned int src, unsigned int dst,
		  uintptr_t data, unsigned int len);
int fw_rpmsg_announce(struct fw_rpmsg *r, const char *name,
		      unsigned int addr);
int fw_rpmsg_poll(struct fw_rpmsg *r, fw_rpmsg_handler handler, void *ctx);

#endif /* FW_RPMSG_H */
