/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Device side of a split virtqueue in the layout rpmsg uses: the host
 * posts buffers in the available ring, the remote hands each back through
 * the used ring. Every value the host wrote is checked before use; a ring
 * caught lying is marked broken and no longer touched.
 */
#ifndef FW_VRING_H
#define FW_VRING_H

#include <stdint.h>

/* Descriptor flag: the buffer is for the device (the remote) to write. */
#define FW_VRING_DESC_F_WRITE	2

/**
 * struct fw_vring - the remote's view of one vring
 * @desc: address of the descriptor table
 * @avail: address of the available ring
 * @used: address of the used ring
 * @num: number of descriptors
 * @last_avail: next available ring entry the remote will take
 * @used_idx: the remote's copy of the used ring index
 * @broken: the host broke the ring's rules; it is left alone
 */
struct fw_vring {
	uintptr_t desc;
	uintptr_t avail;
	uintptr_t used;
	unsigned int num;
	unsigned short last_avail;
	unsigned short used_idx;
	int broken;
};

/**
 * struct fw_vring_buf - a buffer taken from the available ring
 * @head: its descriptor index, handed back with fw_vring_put()
 * @addr: its address
 * @len: its length in bytes
 */
struct fw_vring_buf {
	unsigned int head;
	uintptr_t addr;
	unsigned int len;
};

int fw_vring_init(struct fw_vring *vr, unsigned long long da,
		  unsigned int num, unsigned int align);
int fw_vring_peek(struct fw_vring *vr, unsigned int write,
		  struct fw_vring_buf *buf);
void fw_vring_put(struct fw_vring *vr, const struct fw_vring_buf *buf,
		  unsigned int len);
int fw_vring_wants_kick(const struct fw_vring *vr);
void fw_vring_corrupt_used_idx(struct fw_vring *vr, unsigned int jump);
int fw_vring_posted(const struct fw_vring *vr);
void fw_vring_forget(struct fw_vring *vr);

#endif /* FW_VRING_H */
