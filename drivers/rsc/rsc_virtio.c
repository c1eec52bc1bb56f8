// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtio transport of the resource table handler: one virtio device per
 * vdev entry, its config space, status and features living in the table
 * the remote reads, its virtqueues on the vrings rsc_vring.c placed.
 *
 * virtio_rpmsg_bus allocates its buffers with dma_alloc_coherent() on the
 * virtio device's parent. That parent is a device of our own per vdev,
 * under the rproc device: it takes the DMA mask and ops of the rproc's
 * parent and, when the platform lists a "vdev<N>buffer" region backed by a
 * shared-dma-pool reserved-memory node, that pool, so the buffers land
 * where the remote can reach them.
 */

#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/mutex.h>
#include <linux/of_reserved_mem.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include <amp/internal/compat.h>

#include "rsc_priv.h"

/**
 * struct amp_rsc_virtio_dev - a virtio device of a vdev entry
 * @vdev: the virtio device; its release frees this struct
 * @rv: the vdev entry's state
 */
struct amp_rsc_virtio_dev {
	struct virtio_device vdev;
	struct rsc_vdev *rv;
};

static struct rsc_vdev *amp_rsc_virtio_rv(struct virtio_device *vdev)
{
	return container_of(vdev, struct amp_rsc_virtio_dev, vdev)->rv;
}

/* Is [@offset, @offset + @len) inside the config space? */
static bool amp_rsc_virtio_config_ok(struct rsc_vdev *rv, unsigned int offset,
				     unsigned int len, const char *op)
{
	unsigned int end;

	if (!check_add_overflow(offset, len, &end) &&
	    end <= rv->e->vdev.config_len)
		return true;
	dev_err(rv->rsc->dev, "vdev%u: config %s of %u bytes at %u outside the %u-byte config space\n",
		rv->index, op, len, offset, rv->e->vdev.config_len);
	return false;
}

static void amp_rsc_virtio_get(struct virtio_device *vdev, unsigned int offset,
			       void *buf, unsigned int len)
{
	struct rsc_vdev *rv = amp_rsc_virtio_rv(vdev);

	if (!amp_rsc_virtio_config_ok(rv, offset, len, "read")) {
		memset(buf, 0, len);
		return;
	}
	amp_rsc_table_read(rv->rsc, rv->e->vdev.config_offset + offset, buf,
			   len);
}

static void amp_rsc_virtio_set(struct virtio_device *vdev, unsigned int offset,
			       const void *buf, unsigned int len)
{
	struct rsc_vdev *rv = amp_rsc_virtio_rv(vdev);

	if (!amp_rsc_virtio_config_ok(rv, offset, len, "write"))
		return;
	amp_rsc_table_write(rv->rsc, rv->e->vdev.config_offset + offset, buf,
			    len);
}

static u8 amp_rsc_virtio_get_status(struct virtio_device *vdev)
{
	return amp_rsc_virtio_rv(vdev)->status;
}

/*
 * The remote polls the status byte in the table for DRIVER_OK; so does a
 * remote a boot loader started, which Linux then attaches to. Detaching
 * puts back the byte found at attach time (amp_rsc_stop()).
 *
 * A driver may set DRIVER_OK before it kicks the buffers it added (as
 * virtio_rpmsg_bus does with its receive buffers); the remote sees only
 * what was published, and starts using the rings on DRIVER_OK, so
 * everything added so far is published first.
 */
static void amp_rsc_virtio_set_status(struct virtio_device *vdev, u8 status)
{
	struct rsc_vdev *rv = amp_rsc_virtio_rv(vdev);
	unsigned int i;

	if (status & VIRTIO_CONFIG_S_DRIVER_OK)
		for (i = 0; i < rv->e->vdev.num_vrings; i++)
			if (rv->vring[i].vq)
				amp_rsc_ring_publish(&rv->vring[i]);
	rv->status = status;
	amp_rsc_table_write8(rv->rsc, rv->e->vdev.status_offset, status);
}

static void amp_rsc_virtio_reset(struct virtio_device *vdev)
{
	amp_rsc_virtio_set_status(vdev, 0);
}

static u64 amp_rsc_virtio_get_features(struct virtio_device *vdev)
{
	return amp_rsc_virtio_rv(vdev)->e->vdev.dfeatures;
}

static int amp_rsc_virtio_finalize_features(struct virtio_device *vdev)
{
	struct rsc_vdev *rv = amp_rsc_virtio_rv(vdev);

	vring_transport_features(vdev);
	/*
	 * The virtio core runs on the host's own copy of each ring
	 * (rsc_ring.c): event indices there would never come from the
	 * remote, and indirect tables would be in memory it cannot reach.
	 */
	__virtio_clear_bit(vdev, VIRTIO_RING_F_EVENT_IDX);
	__virtio_clear_bit(vdev, VIRTIO_RING_F_INDIRECT_DESC);
	if (rv->e->version == AMP_RSC_TABLE_V1 && upper_32_bits(vdev->features)) {
		dev_err(rv->rsc->dev, "vdev%u: features 0x%llx do not fit the 32 bits of a v1 table\n",
			rv->index, (unsigned long long)vdev->features);
		return -EINVAL;
	}
	amp_rsc_table_write32(rv->rsc, rv->e->vdev.gfeatures_offset,
			      lower_32_bits(vdev->features));
	return 0;
}

static bool amp_rsc_virtio_kick(struct virtqueue *vq)
{
	struct rsc_vring *vr = vq->priv;
	struct amp_rsc *rsc = vr->rv->rsc;

	amp_rsc_ring_publish(vr);
	rsc->ops->kick(rsc->rproc, vr->notifyid);
	return true;
}

static void amp_rsc_virtio_del_vqs(struct virtio_device *vdev)
{
	struct rsc_vdev *rv = amp_rsc_virtio_rv(vdev);
	struct virtqueue *vq, *n;

	list_for_each_entry_safe(vq, n, &vdev->vqs, list) {
		struct rsc_vring *vr = vq->priv;

		/* After this, amp_rsc_notify() no longer reaches the queue. */
		mutex_lock(&rv->rsc->lock);
		vr->vq = NULL;
		mutex_unlock(&rv->rsc->lock);
		vring_del_virtqueue(vq);
		amp_rsc_ring_free(vr);
	}
}

static int amp_rsc_virtio_find_vq(struct rsc_vdev *rv, unsigned int index,
				  const struct amp_vq_info *info,
				  struct virtqueue **vqp)
{
	struct rsc_vring *vr;
	struct virtqueue *vq;
	int ret;

	if (index >= rv->e->vdev.num_vrings || !rv->placed) {
		dev_err(rv->rsc->dev, "vdev%u: no vring %u for queue %s\n",
			rv->index, index, info->name);
		return -EINVAL;
	}
	vr = &rv->vring[index];
	/* The remote starts from empty rings. */
	ret = amp_rsc_ring_init(vr);
	if (ret)
		return ret;
	vq = vring_new_virtqueue(index, vr->num, vr->align, rv->vdev, false,
				 info->ctx, vr->ring, amp_rsc_virtio_kick,
				 info->callback, info->name);
	if (!vq) {
		dev_err(rv->rsc->dev, "vdev%u: cannot create queue %s\n",
			rv->index, info->name);
		amp_rsc_ring_free(vr);
		return -ENOMEM;
	}
	vq->priv = vr;
	mutex_lock(&rv->rsc->lock);
	vr->vq = vq;
	mutex_unlock(&rv->rsc->lock);
	*vqp = vq;
	return 0;
}

static int amp_rsc_virtio_find_vqs(struct virtio_device *vdev, unsigned int nvqs,
				   struct virtqueue *vqs[], AMP_FIND_VQS_PARAMS,
				   struct irq_affinity *desc)
{
	struct rsc_vdev *rv = amp_rsc_virtio_rv(vdev);
	unsigned int i, q = 0;
	int ret;

	for (i = 0; i < nvqs; i++) {
		struct amp_vq_info info = AMP_FIND_VQS_INFO(i);

		vqs[i] = NULL;
		if (!info.name)
			continue;
		ret = amp_rsc_virtio_find_vq(rv, q++, &info, &vqs[i]);
		if (ret) {
			amp_rsc_virtio_del_vqs(vdev);
			return ret;
		}
	}
	return 0;
}

static const char *amp_rsc_virtio_bus_name(struct virtio_device *vdev)
{
	return dev_name(amp_rsc_virtio_rv(vdev)->parent);
}

static const struct virtio_config_ops amp_rsc_virtio_config_ops = {
	.get = amp_rsc_virtio_get,
	.set = amp_rsc_virtio_set,
	.get_status = amp_rsc_virtio_get_status,
	.set_status = amp_rsc_virtio_set_status,
	.reset = amp_rsc_virtio_reset,
	.find_vqs = amp_rsc_virtio_find_vqs,
	.del_vqs = amp_rsc_virtio_del_vqs,
	.get_features = amp_rsc_virtio_get_features,
	.finalize_features = amp_rsc_virtio_finalize_features,
	.bus_name = amp_rsc_virtio_bus_name,
};

static void amp_rsc_virtio_parent_release(struct device *dev)
{
	kfree(dev);
}

/* The virtio device's parent: DMA settings and the vdev's buffer pool. */
static int amp_rsc_virtio_parent_add(struct rsc_vdev *rv)
{
	struct amp_rsc *rsc = rv->rsc;
	struct device *pdev = rsc->dev;
	const struct amp_rsc_region *reg;
	char name[AMP_RSC_NAME_LEN];
	struct device *dev;
	int ret;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	device_initialize(dev);
	/*
	 * Under the rproc device once rproc_add() registered it (always, when
	 * the core starts subdevices); under the platform device before.
	 */
	dev->parent = device_is_registered(&rsc->rproc->dev) ?
		      &rsc->rproc->dev : pdev;
	dev->release = amp_rsc_virtio_parent_release;
	ret = dev_set_name(dev, "%s#vdev%u", dev_name(&rsc->rproc->dev),
			   rv->index);
	if (ret)
		goto put;

	set_dma_ops(dev, get_dma_ops(pdev));
	ret = dma_coerce_mask_and_coherent(dev, dma_get_mask(pdev));
	if (ret)
		goto put;

	ret = device_add(dev);
	if (ret)
		goto put;
	rv->parent = dev;

	snprintf(name, sizeof(name), "vdev%ubuffer", rv->index);
	reg = amp_rsc_mem_region(rsc, name);
	if (!reg)
		return 0;
	if (!(reg->flags & AMP_RSC_REGION_DMA_POOL) || !pdev->of_node) {
		dev_warn(pdev, "vdev%u: region %s is no reserved-memory pool; buffers come from %s\n",
			 rv->index, name, dev_name(pdev));
		return 0;
	}
	ret = of_reserved_mem_device_init_by_idx(dev, pdev->of_node,
						 reg->of_resm_idx);
	if (ret) {
		dev_err(pdev, "vdev%u: cannot use region %s as buffer pool: %d\n",
			rv->index, name, ret);
		device_unregister(dev);
		rv->parent = NULL;
		return ret;
	}
	return 0;

put:
	put_device(dev);
	return ret;
}

static void amp_rsc_virtio_release(struct device *dev)
{
	kfree(container_of(dev_to_virtio(dev), struct amp_rsc_virtio_dev, vdev));
}

int amp_rsc_virtio_add(struct rsc_vdev *rv)
{
	struct amp_rsc_virtio_dev *vd;
	int ret;

	ret = amp_rsc_virtio_parent_add(rv);
	if (ret)
		return ret;

	vd = kzalloc(sizeof(*vd), GFP_KERNEL);
	if (!vd) {
		ret = -ENOMEM;
		goto parent;
	}
	vd->rv = rv;
	vd->vdev.id.device = rv->e->vdev.id;
	vd->vdev.config = &amp_rsc_virtio_config_ops;
	vd->vdev.dev.parent = rv->parent;
	vd->vdev.dev.release = amp_rsc_virtio_release;
	rv->status = 0;
	rv->vdev = &vd->vdev;

	ret = register_virtio_device(&vd->vdev);
	if (ret) {
		dev_err(rv->rsc->dev, "vdev%u: cannot register virtio device: %d\n",
			rv->index, ret);
		rv->vdev = NULL;
		put_device(&vd->vdev.dev);
		goto parent;
	}
	return 0;

parent:
	of_reserved_mem_device_release(rv->parent);
	device_unregister(rv->parent);
	rv->parent = NULL;
	return ret;
}

void amp_rsc_virtio_remove(struct rsc_vdev *rv)
{
	if (rv->vdev) {
		unregister_virtio_device(rv->vdev);
		rv->vdev = NULL;
	}
	if (rv->parent) {
		of_reserved_mem_device_release(rv->parent);
		device_unregister(rv->parent);
		rv->parent = NULL;
	}
}

/*
 * A ring the remote corrupted stays unusable: the device is broken so its
 * driver stops using it, and the remote is reported as crashed so the
 * core's recovery policy (restart, or leave it crashed) applies.
 */
static void amp_rsc_virtio_ring_corrupted(struct rsc_vring *vr)
{
	struct rproc *rproc = vr->rv->rsc->rproc;

	dev_err(vr->rv->rsc->dev,
		"vdev%u vring%u: ring corrupted by the remote; device stopped\n",
		vr->rv->index, vr->index);
	virtio_break_device(vr->rv->vdev);
	if (rproc->state == RPROC_RUNNING || rproc->state == RPROC_ATTACHED)
		rproc_report_crash(rproc, RPROC_FATAL_ERROR);
}

static void amp_rsc_virtio_vring_interrupt(struct rsc_vring *vr)
{
	if (virtqueue_is_broken(vr->vq))
		return;
	if (amp_rsc_ring_take_used(vr)) {
		amp_rsc_virtio_ring_corrupted(vr);
		return;
	}
	vring_interrupt(0, vr->vq);
	/* The virtio core found a bad descriptor id or length. */
	if (virtqueue_is_broken(vr->vq))
		amp_rsc_virtio_ring_corrupted(vr);
}

void amp_rsc_notify(struct amp_rsc *rsc, u32 notifyid)
{
	u32 i, k;

	mutex_lock(&rsc->lock);
	for (i = 0; i < rsc->num_vdevs; i++) {
		struct rsc_vdev *rv = &rsc->vdevs[i];

		for (k = 0; k < rv->e->vdev.num_vrings; k++) {
			struct rsc_vring *vr = &rv->vring[k];

			if (!vr->vq)
				continue;
			if (notifyid == AMP_RSC_NOTIFY_ALL ||
			    vr->notifyid == notifyid)
				amp_rsc_virtio_vring_interrupt(vr);
		}
	}
	mutex_unlock(&rsc->lock);
}
EXPORT_SYMBOL_GPL(amp_rsc_notify);
