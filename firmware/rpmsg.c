// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * rpmsg, remote side: messages to the host are written into the buffers it
 * posted on vring 0, messages from the host are read from vring 1 and the
 * buffers handed back. A header whose length does not fit its buffer is
 * the host's bug: the message is dropped with a trace line.
 */

#include <fw/arch.h>
#include <fw/mbox.h>
#include <fw/rpmsg.h>
#include <fw/string.h>
#include <fw/trace.h>

/* Doorbells are coalesced by the host; the payload carries nothing. */
#define FW_RPMSG_KICK		1

static void fw_rpmsg_kick(const struct fw_vring *vr, unsigned int ch)
{
	if (!fw_vring_wants_kick(vr))
		return;
	/* A busy slot already holds a kick the host has yet to see. */
	fw_mbox_send(ch, FW_RPMSG_KICK);
	fw_mbox_ring();
}

/**
 * fw_rpmsg_send() - send a message to a host endpoint
 * @r: the rpmsg device
 * @src: the remote endpoint sending it
 * @dst: the host endpoint it is for
 * @data: the payload
 * @len: payload length
 *
 * Return: 0, FW_RPMSG_BUSY when the host has no buffer posted, -1 when
 * the payload does not fit a buffer or the ring is broken.
 */
int fw_rpmsg_send(struct fw_rpmsg *r, unsigned int src, unsigned int dst,
		  uintptr_t data, unsigned int len)
{
	struct fw_vring_buf buf;
	int ret;

	ret = fw_vring_peek(&r->to_host, 1, &buf);
	if (ret <= 0)
		return ret ? -1 : FW_RPMSG_BUSY;
	if (len > buf.len - FW_RPMSG_HDR_LEN || buf.len < FW_RPMSG_HDR_LEN) {
		fw_trace("rpmsg: %u bytes do not fit a %u-byte buffer\n", len,
			 buf.len);
		return -1;
	}

	fw_write32(buf.addr, src);
	fw_write32(buf.addr + 4, dst);
	fw_write32(buf.addr + 8, 0);
	fw_write32(buf.addr + 12, len);	/* length, then flags 0 */
	memcpy((void *)(buf.addr + FW_RPMSG_HDR_LEN), (const void *)data, len);
	fw_vring_put(&r->to_host, &buf,
		     r->bad_len ? r->bad_len : FW_RPMSG_HDR_LEN + len);
	fw_rpmsg_kick(&r->to_host, r->to_host_ch);
	return 0;
}

/**
 * fw_rpmsg_announce() - tell the host's name service about an endpoint
 * @r: the rpmsg device
 * @name: the service name, which selects the host driver
 * @addr: the remote endpoint's address
 *
 * Return: as for fw_rpmsg_send().
 */
int fw_rpmsg_announce(struct fw_rpmsg *r, const char *name,
		      unsigned int addr)
{
	/* name[32], addr, flags (0: create), as the host reads it */
	unsigned int ns[FW_RPMSG_NAME_LEN / 4 + 2] = { 0 };
	char *p = (char *)ns;
	unsigned int i;

	for (i = 0; i < FW_RPMSG_NAME_LEN - 1 && name[i]; i++)
		p[i] = name[i];
	ns[FW_RPMSG_NAME_LEN / 4] = addr;
	return fw_rpmsg_send(r, addr, FW_RPMSG_NS_ADDR, (uintptr_t)ns,
			     sizeof(ns));
}

/**
 * fw_rpmsg_poll() - handle the messages the host sent
 * @r: the rpmsg device
 * @handler: called for each message
 * @ctx: passed to @handler
 *
 * Return: the number of messages consumed, or -1 when the ring is broken.
 */
int fw_rpmsg_poll(struct fw_rpmsg *r, fw_rpmsg_handler handler, void *ctx)
{
	struct fw_vring_buf buf;
	struct fw_rpmsg_msg msg;
	int done = 0;
	int ret;

	while ((ret = fw_vring_peek(&r->from_host, 0, &buf)) > 0) {
		msg.len = buf.len < FW_RPMSG_HDR_LEN ? ~0u :
			  fw_read16(buf.addr + 12);
		if (msg.len > buf.len - FW_RPMSG_HDR_LEN) {
			fw_trace("rpmsg: dropped a message claiming %u bytes in a %u-byte buffer\n",
				 msg.len, buf.len);
		} else {
			msg.src = fw_read32(buf.addr);
			msg.dst = fw_read32(buf.addr + 4);
			msg.data = buf.addr + FW_RPMSG_HDR_LEN;
			if (handler(r, &msg, ctx) == FW_RPMSG_BUSY)
				break;
		}
		fw_vring_put(&r->from_host, &buf, 0);
		done++;
	}
	if (done)
		fw_rpmsg_kick(&r->from_host, r->from_host_ch);
	return ret < 0 ? -1 : done;
}
