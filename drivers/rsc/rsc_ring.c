// SPDX-License-Identifier: GPL-2.0-only
/*
 * The boundary between the vrings the remote reads and writes and the ones
 * the virtio core runs on.
 *
 * The remote can rewrite any byte of a shared vring at any moment, and the
 * virtio core trusts what it reads there: it follows the NEXT flags of the
 * descriptor table when it frees a chain (a remote setting NEXT on every
 * descriptor keeps it walking), and it believes the used index. So the
 * virtio core never sees the shared ring. Each virtqueue runs on a ring in
 * host memory; on every kick the buffers it made available since the last
 * one are copied to the shared ring (descriptors, then avail entries, then
 * the avail index), and on every notification the entries the remote
 * returned are read once from the shared used ring, checked against what
 * the host itself made available, and only then copied into the host's
 * used ring. The work of one notification is bounded by the ring's size.
 *
 * The host's notion of what is outstanding is private: @published (avail
 * index shown to the remote), @consumed (used index taken from it) and,
 * per descriptor head, whether it is in flight and how many bytes its
 * chain holds. A used index more than the outstanding count ahead, an id
 * that is not a head in flight, or a length beyond its chain is the remote
 * corrupting the ring.
 */

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include "rsc_priv.h"

/* Sets up the host's ring and clears the shared one: both start empty. */
int amp_rsc_ring_init(struct rsc_vring *vr)
{
	size_t bytes = vring_size(vr->num, vr->align);

	vr->ring = kvzalloc(bytes, GFP_KERNEL);
	vr->in_flight = bitmap_zalloc(vr->num, GFP_KERNEL);
	vr->chain_len = kvcalloc(vr->num, sizeof(*vr->chain_len), GFP_KERNEL);
	if (!vr->ring || !vr->in_flight || !vr->chain_len) {
		amp_rsc_ring_free(vr);
		return -ENOMEM;
	}
	spin_lock_init(&vr->ring_lock);
	vr->published = 0;
	vr->consumed = 0;
	memset(vr->va, 0, vr->size);
	vring_init(&vr->shared, vr->num, vr->va, vr->align);
	return 0;
}

void amp_rsc_ring_free(struct rsc_vring *vr)
{
	kvfree(vr->ring);
	bitmap_free(vr->in_flight);
	kvfree(vr->chain_len);
	vr->ring = NULL;
	vr->in_flight = NULL;
	vr->chain_len = NULL;
}

/*
 * Copies the chain at @head from the host's descriptor table to the shared
 * one; returns its length in bytes. The host wrote the chain: it ends
 * within num descriptors, the bound only guards against a host bug.
 */
static u32 amp_rsc_ring_copy_chain(struct rsc_vring *vr,
				   const struct vring *host, u16 head)
{
	struct virtio_device *vdev = vr->vq->vdev;
	u32 n, total = 0;
	u16 i = head;

	for (n = 0; n < vr->num; n++) {
		const struct vring_desc *d = &host->desc[i];

		memcpy(&vr->shared.desc[i], d, sizeof(*d));
		total += virtio32_to_cpu(vdev, d->len);
		if (!(d->flags & cpu_to_virtio16(vdev, VRING_DESC_F_NEXT)))
			break;
		i = virtio16_to_cpu(vdev, d->next) & (vr->num - 1);
	}
	return total;
}

/*
 * Shows the remote the buffers the virtio core made available since the
 * last call. Called from the queue's notify callback, in any context.
 */
void amp_rsc_ring_publish(struct rsc_vring *vr)
{
	const struct vring *host = virtqueue_get_vring(vr->vq);
	struct virtio_device *vdev = vr->vq->vdev;
	u16 idx, avail, slot, head;
	unsigned long flags;

	spin_lock_irqsave(&vr->ring_lock, flags);
	avail = virtio16_to_cpu(vdev, READ_ONCE(host->avail->idx));
	/* The core wrote the entries before the index. */
	virt_rmb();
	for (idx = vr->published; idx != avail; idx++) {
		slot = idx & (vr->num - 1);
		head = virtio16_to_cpu(vdev, host->avail->ring[slot]) &
		       (vr->num - 1);
		vr->chain_len[head] = amp_rsc_ring_copy_chain(vr, host, head);
		set_bit(head, vr->in_flight);
		vr->shared.avail->ring[slot] = cpu_to_virtio16(vdev, head);
	}
	/*
	 * The avail flags stay 0 in the shared ring: the virtio core turns
	 * interrupts back on in its own ring without telling the transport
	 * and then waits for one, so the remote is always asked for them.
	 */
	/* The remote must see descriptors and entries before the index. */
	virt_wmb();
	WRITE_ONCE(vr->shared.avail->idx, cpu_to_virtio16(vdev, avail));
	vr->published = avail;
	spin_unlock_irqrestore(&vr->ring_lock, flags);
}

/*
 * Does the chain at @head read in the shared descriptor table as the host
 * wrote it? The descriptor table is the driver's: a device never writes
 * it, so a difference is the remote corrupting the ring. @budget counts
 * down the descriptors compared, so one notification compares at most num
 * of them however the chains were made. Returns the index of the first
 * descriptor that differs, or -1.
 */
static int amp_rsc_ring_chain_changed(struct rsc_vring *vr,
				      const struct vring *host, u16 head,
				      u32 *budget)
{
	struct virtio_device *vdev = vr->vq->vdev;
	struct vring_desc d;
	u16 i = head;

	while (*budget) {
		(*budget)--;
		memcpy(&d, &vr->shared.desc[i], sizeof(d));
		if (memcmp(&d, &host->desc[i], sizeof(d)))
			return i;
		if (!(host->desc[i].flags &
		      cpu_to_virtio16(vdev, VRING_DESC_F_NEXT)))
			break;
		i = virtio16_to_cpu(vdev, host->desc[i].next) & (vr->num - 1);
	}
	return -1;
}

static int amp_rsc_ring_bad(struct rsc_vring *vr, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	dev_err(vr->rv->rsc->dev, "vdev%u vring%u: %pV\n", vr->rv->index,
		vr->index, &vaf);
	va_end(args);
	return -EPROTO;
}

/*
 * Takes the entries the remote returned since the last call into the
 * host's used ring, each read once and checked. Returns 0, or -EPROTO
 * after a message naming what the remote did wrong: the caller then stops
 * the device, whose ring is no longer consistent.
 */
int amp_rsc_ring_take_used(struct rsc_vring *vr)
{
	struct vring *host = (struct vring *)virtqueue_get_vring(vr->vq);
	struct virtio_device *vdev = vr->vq->vdev;
	u16 used, fresh, outstanding, k, slot;
	u32 id, len, budget = vr->num;
	unsigned long flags;
	int ret = 0, bad;

	used = virtio16_to_cpu(vdev, READ_ONCE(vr->shared.used->idx));
	/* Entries are read after the index that covers them. */
	virt_rmb();

	spin_lock_irqsave(&vr->ring_lock, flags);
	outstanding = vr->published - vr->consumed;
	fresh = used - vr->consumed;
	if (fresh > outstanding) {
		ret = amp_rsc_ring_bad(vr,
				       "used index %u is not within the %u buffers made available (avail index %u)",
				       used, outstanding, vr->published);
		goto out;
	}
	for (k = 0; k < fresh; k++) {
		slot = (vr->consumed + k) & (vr->num - 1);
		id = virtio32_to_cpu(vdev,
				     READ_ONCE(vr->shared.used->ring[slot].id));
		len = virtio32_to_cpu(vdev,
				      READ_ONCE(vr->shared.used->ring[slot].len));
		if (id >= vr->num || !test_bit(id, vr->in_flight)) {
			ret = amp_rsc_ring_bad(vr,
					       "used entry %u names descriptor %u, not a buffer made available",
					       (u16)(vr->consumed + k), id);
			goto out;
		}
		if (len > vr->chain_len[id]) {
			ret = amp_rsc_ring_bad(vr,
					       "used entry %u claims %u bytes of the %u-byte buffer %u",
					       (u16)(vr->consumed + k), len,
					       vr->chain_len[id], id);
			goto out;
		}
		bad = amp_rsc_ring_chain_changed(vr, host, id, &budget);
		if (bad >= 0) {
			ret = amp_rsc_ring_bad(vr,
					       "descriptor %d of buffer %u was changed by the remote",
					       bad, id);
			goto out;
		}
		/* Taken off now: a second entry for it is refused. */
		clear_bit(id, vr->in_flight);
		host->used->ring[slot].id = cpu_to_virtio32(vdev, id);
		host->used->ring[slot].len = cpu_to_virtio32(vdev, len);
	}
	vr->consumed = used;
	/* The virtio core reads the entries after the index. */
	virt_wmb();
	WRITE_ONCE(host->used->idx, cpu_to_virtio16(vdev, used));
out:
	spin_unlock_irqrestore(&vr->ring_lock, flags);
	return ret;
}
