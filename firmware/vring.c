// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Device side of a split virtqueue. Layout, for a ring of num entries at
 * address p aligned to align:
 *   descriptors  p, 16 bytes each: addr (64), len (32), flags, next (16)
 *   available    p + 16 * num: flags, idx, ring[num] (16 bits each)
 *   used         aligned up to align after the available ring and its
 *                event word: flags, idx (16), ring[num] of id, len (32)
 * Rings live in memory Linux writes concurrently: every field is read once
 * into a local before it is checked and used.
 */

#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/trace.h>
#include <fw/vring.h>

#define VRING_DESC_SIZE		16
#define VRING_MAX_NUM		32768
#define VRING_AVAIL_F_NO_INTERRUPT	1

static uintptr_t fw_vring_align(uintptr_t v, unsigned int align)
{
	return (v + align - 1) & ~(uintptr_t)(align - 1);
}

static int fw_vring_pow2(unsigned int v)
{
	return v && !(v & (v - 1));
}

/* [addr, addr + len) lies in RAM, where Linux's buffers are. */
static int fw_vring_in_ram(unsigned long long addr, unsigned long long len)
{
	unsigned long long end = addr + len;

	return end >= addr && addr >= AMP_VIRT_RAM_BASE &&
	       end <= (unsigned long long)AMP_VIRT_RAM_BASE + AMP_VIRT_RAM_SIZE;
}

static int fw_vring_fail(struct fw_vring *vr, const char *why,
			 unsigned int val)
{
	fw_trace("vring %lx: %s (%u); ring left alone\n",
		 (unsigned long)vr->desc, why, val);
	vr->broken = 1;
	return -1;
}

/**
 * fw_vring_init() - take over a vring the host placed
 * @vr: the ring state to fill in
 * @da: its address, as written into the resource table by the host
 * @num: number of descriptors
 * @align: alignment of the used ring
 *
 * Return: 0, or -1 when the geometry is invalid or the ring is not in RAM.
 */
int fw_vring_init(struct fw_vring *vr, unsigned long long da,
		  unsigned int num, unsigned int align)
{
	unsigned long long size;

	vr->desc = (uintptr_t)da;
	vr->broken = 0;
	if (!fw_vring_pow2(num) || num > VRING_MAX_NUM)
		return fw_vring_fail(vr, "bad num", num);
	if (!fw_vring_pow2(align) || align < 4)
		return fw_vring_fail(vr, "bad align", align);
	/* Descriptors, available ring and its event word, used ring. */
	size = fw_vring_align(VRING_DESC_SIZE * num + 6 + 2 * num, align) +
	       6 + 8 * num;
	if (!fw_vring_in_ram(da, size))
		return fw_vring_fail(vr, "not in RAM", (unsigned int)da);

	vr->num = num;
	vr->avail = vr->desc + VRING_DESC_SIZE * num;
	vr->used = fw_vring_align(vr->avail + 4 + 2 * num + 2, align);
	/* Every buffer taken is handed back in order: both start here. */
	vr->used_idx = fw_read16(vr->used + 2);
	vr->last_avail = vr->used_idx;
	return 0;
}

/**
 * fw_vring_peek() - look at the next buffer the host made available
 * @vr: the ring
 * @write: whether the remote is to write the buffer (host rx) or read it
 * @buf: filled in with the buffer
 *
 * The buffer stays in the ring until fw_vring_put() hands it back.
 *
 * Return: 1 with @buf filled in, 0 when none is available, -1 when the
 * host broke the ring's rules.
 */
int fw_vring_peek(struct fw_vring *vr, unsigned int write,
		  struct fw_vring_buf *buf)
{
	unsigned int avail_idx, pending, head, len, flags;
	unsigned long long addr;
	uintptr_t d;

	if (vr->broken)
		return -1;
	avail_idx = fw_read16(vr->avail + 2);
	pending = (avail_idx - vr->last_avail) & 0xffff;
	if (!pending)
		return 0;
	if (pending > vr->num)
		return fw_vring_fail(vr, "available index jumped", avail_idx);

	head = fw_read16(vr->avail + 4 + 2 * (vr->last_avail & (vr->num - 1)));
	if (head >= vr->num)
		return fw_vring_fail(vr, "descriptor out of range", head);
	d = vr->desc + VRING_DESC_SIZE * head;
	addr = fw_read32(d) | (unsigned long long)fw_read32(d + 4) << 32;
	len = fw_read32(d + 8);
	flags = fw_read16(d + 12);
	if ((flags & FW_VRING_DESC_F_WRITE) != (write ? FW_VRING_DESC_F_WRITE : 0))
		return fw_vring_fail(vr, "buffer of the wrong direction", head);
	if (!len || !fw_vring_in_ram(addr, len))
		return fw_vring_fail(vr, "buffer not in RAM", (unsigned int)addr);

	buf->head = head;
	buf->addr = (uintptr_t)addr;
	buf->len = len;
	return 1;
}

/**
 * fw_vring_put() - hand the buffer fw_vring_peek() returned back
 * @vr: the ring
 * @buf: the buffer
 * @len: bytes the remote wrote into it (0 for a buffer it only read)
 */
void fw_vring_put(struct fw_vring *vr, const struct fw_vring_buf *buf,
		  unsigned int len)
{
	uintptr_t e = vr->used + 4 + 8 * (vr->used_idx & (vr->num - 1));

	fw_write32(e, buf->head);
	fw_write32(e + 4, len);
	/* The entry must be visible before the index that publishes it. */
	fw_dsb();
	vr->used_idx++;
	vr->last_avail++;
	fw_write16(vr->used + 2, vr->used_idx);
	fw_dsb();
}

/**
 * fw_vring_wants_kick() - whether the host asked to be notified
 * @vr: the ring
 *
 * Return: non-zero unless the host suppressed interrupts for the ring.
 */
int fw_vring_wants_kick(const struct fw_vring *vr)
{
	return !vr->broken &&
	       !(fw_read16(vr->avail) & VRING_AVAIL_F_NO_INTERRUPT);
}

/**
 * fw_vring_corrupt_used_idx() - publish a used index that lies (fault test)
 * @vr: the ring
 * @jump: how far past the real index to jump
 */
void fw_vring_corrupt_used_idx(struct fw_vring *vr, unsigned int jump)
{
	vr->used_idx += jump;
	fw_write16(vr->used + 2, vr->used_idx);
	fw_dsb();
}

/**
 * fw_vring_posted() - whether the host has buffers waiting in the ring
 * @vr: the ring
 *
 * Return: non-zero when the available index is ahead of the remote.
 */
int fw_vring_posted(const struct fw_vring *vr)
{
	return !vr->broken && fw_read16(vr->avail + 2) != vr->last_avail;
}

/**
 * fw_vring_forget() - let go of a ring whose host went away
 * @vr: the ring
 *
 * No driver owns the ring any more: both indexes are set to 0, as a new
 * host leaves them before it posts buffers, so that fw_vring_posted()
 * on the ring only reports a host that posted again. The ring is then
 * left alone until fw_vring_init().
 */
void fw_vring_forget(struct fw_vring *vr)
{
	if (!vr->broken) {
		fw_write16(vr->avail + 2, 0);
		fw_write16(vr->used + 2, 0);
		fw_dsb();
	}
	vr->broken = 1;
}
