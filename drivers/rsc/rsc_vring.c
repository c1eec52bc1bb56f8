// SPDX-License-Identifier: GPL-2.0-only
/*
 * Vring placement and notify ids of the resource table handler.
 *
 * A vring with da 0 or AMP_RSC_ADDR_ANY is placed by the host, in order:
 * the vdev's carveout (NuttX lays one out right after the vdev, or names
 * it "vdev<N>"), packing the vrings from its start, since firmware that
 * gives its vdev a carveout expects its vrings in it; the platform region
 * "vdev<N>vring<M>"; memory allocated with the DMA API. A vring at a fixed da
 * must lie inside a carveout or a platform memory region. Chosen addresses
 * and notify ids are written into the loaded table before the remote
 * starts. An attached remote keeps the addresses and ids it already uses.
 */

#include <linux/align.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include "rsc_priv.h"

/*
 * Bytes of a split vring of @num descriptors whose used ring is aligned to
 * @align, in u64 so a 2 GiB alignment cannot wrap on 32-bit hosts.
 */
u64 amp_rsc_vring_bytes(u32 num, u32 align)
{
	u64 desc_avail = 16ULL * num + 2ULL * (3 + num);
	u64 used = 2ULL * 3 + 8ULL * num;

	return round_up(desc_avail, (u64)align) + used;
}
EXPORT_SYMBOL_IF_KUNIT(amp_rsc_vring_bytes);

/*
 * v1 semantics, as the kernel's core has always had them: the host numbers
 * the vrings of all vdevs 0, 1, 2... in table order and writes each id
 * back. Firmware in the field depends on it: ST's tables say 1 and 2 while
 * its device trees name the doorbells vq0 and vq1, and the remote reads
 * the ids once the host set DRIVER_OK. A running remote (attach) already
 * uses the ids its table holds, so those are kept.
 */
static int amp_rsc_vring_nid(struct rsc_vring *vr,
			     const struct rsc_parse_vring *p)
{
	struct rsc_vdev *rv = vr->rv;
	struct amp_rsc *rsc = rv->rsc;
	u32 i, id = vr->index;

	if (rsc->mode != AMP_RSC_MODE_LOAD) {
		if (p->notifyid == AMP_RSC_NOTIFYID_ANY) {
			dev_err(rsc->dev, "resource table: entry %u (vdev): vring %u notify id not set by the running remote\n",
				rv->e->index, vr->index);
			return -EINVAL;
		}
		vr->notifyid = (u32)p->notifyid;
		return 0;
	}
	for (i = 0; i < rv->index; i++)
		id += rsc->vdevs[i].e->vdev.num_vrings;
	vr->notifyid = id;
	amp_rsc_table_write32(rsc, p->notifyid_offset, id);
	return 0;
}

static int amp_rsc_vring_bad(struct rsc_vring *vr, const char *problem,
			     u64 val)
{
	struct rsc_vdev *rv = vr->rv;

	dev_err(rv->rsc->dev, "resource table: entry %u (vdev) vring %u: %s 0x%llx\n",
		rv->e->index, vr->index, problem, (unsigned long long)val);
	return -EINVAL;
}

/* The carveout holding vdev @rv's vrings, or NULL. */
static struct rsc_carveout *amp_rsc_vring_carveout(struct rsc_vdev *rv)
{
	struct amp_rsc *rsc = rv->rsc;
	char name[AMP_RSC_NAME_LEN];
	u32 i;

	snprintf(name, sizeof(name), "vdev%u", rv->index);
	for (i = 0; i < rsc->num_carveouts; i++)
		if (!strcmp(rsc->carveouts[i].e->mem.name, name))
			return &rsc->carveouts[i];
	for (i = 0; i < rsc->num_carveouts; i++)
		if (rsc->carveouts[i].e->index == rv->e->index + 1)
			return &rsc->carveouts[i];
	return NULL;
}

static int amp_rsc_vring_dynamic(struct rsc_vring *vr,
				 struct rsc_carveout *co, u64 *co_used)
{
	struct amp_rsc *rsc = vr->rv->rsc;
	const struct amp_rsc_region *reg;
	char name[AMP_RSC_NAME_LEN];
	u64 off;

	/* The firmware's own carveout for the vdev: it expects them there. */
	if (co && co->mem && co->va) {
		off = round_up(*co_used, (u64)vr->align);
		if (off > co->len || co->len - off < vr->size)
			return amp_rsc_vring_bad(vr, "does not fit its carveout, len",
						 co->len);
		*co_used = off + vr->size;
		vr->va = co->va + off;
		vr->pa = co->pa + off;
		vr->da = co->da + off;
		return 0;
	}

	snprintf(name, sizeof(name), "vdev%uvring%u", vr->rv->index,
		 vr->index);
	reg = amp_rsc_mem_region(rsc, name);
	if (reg) {
		if (reg->size < vr->size)
			return amp_rsc_vring_bad(vr, "region too small, size",
						 reg->size);
		if (!reg->va)
			return amp_rsc_vring_bad(vr, "region is not mapped for the CPU, pa",
						 reg->pa);
		vr->va = reg->va;
		vr->pa = reg->pa;
		vr->da = reg->da;
		return 0;
	}

	vr->va = dma_alloc_coherent(rsc->dev, vr->size, &vr->pa,
				    GFP_KERNEL | __GFP_NOWARN);
	if (!vr->va) {
		dev_err(rsc->dev, "resource table: entry %u (vdev) vring %u: cannot allocate its 0x%zx bytes\n",
			vr->rv->e->index, vr->index, vr->size);
		return -ENOMEM;
	}
	vr->dma = true;
	vr->da = vr->pa;
	if (!IS_ALIGNED(vr->pa, vr->align))
		return amp_rsc_vring_bad(vr, "allocation not aligned, pa",
					 vr->pa);
	return 0;
}

static int amp_rsc_vring_place_one(struct rsc_vring *vr,
				   struct rsc_carveout *co, u64 *co_used)
{
	struct rsc_vdev *rv = vr->rv;
	struct amp_rsc *rsc = rv->rsc;
	const struct rsc_parse_vring *p = &rv->e->vdev.vring[vr->index];
	bool load = rsc->mode == AMP_RSC_MODE_LOAD;
	u64 bytes;
	int ret;

	vr->num = (u32)p->num;
	vr->align = (u32)p->align;
	bytes = amp_rsc_vring_bytes(vr->num, vr->align);
	if (bytes > SIZE_MAX)
		return amp_rsc_vring_bad(vr, "too large, align", vr->align);
	vr->size = bytes;

	ret = amp_rsc_vring_nid(vr, p);
	if (ret)
		return ret;

	if (load && (!p->da || p->da == AMP_RSC_ADDR_ANY)) {
		ret = amp_rsc_vring_dynamic(vr, co, co_used);
		if (ret)
			return ret;
	} else {
		vr->da = p->da;
		ret = amp_rsc_mem_translate(rsc, vr->da, vr->size, &vr->va,
					    &vr->pa);
		if (ret)
			return amp_rsc_vring_bad(vr, "not inside a carveout or platform region, da",
						 vr->da);
	}
	if (!load)
		return 0;
	if (vr->da + vr->size > rv->e->addr_end ||
	    (u64)vr->pa + vr->size > rv->e->addr_end)
		return amp_rsc_vring_bad(vr, "ends past what the table's address fields hold, pa",
					 vr->pa);
	amp_rsc_table_write32(rsc, p->da_offset, (u32)vr->da);
	amp_rsc_table_write32(rsc, p->pa_offset, (u32)vr->pa);
	return 0;
}

int amp_rsc_vring_place(struct rsc_vdev *rv)
{
	const struct rsc_parse_vdev *v = &rv->e->vdev;
	struct rsc_carveout *co = amp_rsc_vring_carveout(rv);
	u64 co_used = 0;
	u32 i;
	int ret;

	for (i = 0; i < AMP_RSC_MAX_VRINGS; i++) {
		rv->vring[i].rv = rv;
		rv->vring[i].index = i;
		rv->vring[i].notifyid = AMP_RSC_NOTIFYID_ANY;
	}
	rv->placed = true;

	for (i = 0; i < v->num_vrings; i++) {
		ret = amp_rsc_vring_place_one(&rv->vring[i], co, &co_used);
		if (ret)
			goto fail;
	}
	return 0;

fail:
	amp_rsc_vring_release(rv);
	return ret;
}

void amp_rsc_vring_release(struct rsc_vdev *rv)
{
	u32 i;

	if (!rv->placed)
		return;
	for (i = 0; i < AMP_RSC_MAX_VRINGS; i++) {
		struct rsc_vring *vr = &rv->vring[i];

		if (vr->dma)
			dma_free_coherent(rv->rsc->dev, vr->size, vr->va,
					  vr->pa);
		memset(vr, 0, sizeof(*vr));
		vr->notifyid = AMP_RSC_NOTIFYID_ANY;
	}
	rv->placed = false;
}
