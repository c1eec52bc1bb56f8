// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory of the resource table handler: the platform's regions, carveout
 * placement and registration with the core, and the devmem policy.
 *
 * A carveout goes into the platform region of the same name, else into
 * the region holding its fixed da, else into memory allocated with the
 * DMA API on the rproc's parent device. Without an IOMMU the remote sees
 * DMA addresses as they are, so an allocated carveout's da is its DMA
 * address and a fixed da or pa that allocation cannot honour is refused.
 *
 * The platform maps its regions; this file never maps one again.
 */

#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "rsc_priv.h"

static bool amp_rsc_mem_inside(u64 start, u64 size, u64 da, u64 len)
{
	u64 end;

	if (da < start || check_add_overflow(da, len, &end))
		return false;
	return end <= start + size;
}

const struct amp_rsc_region *amp_rsc_mem_region(struct amp_rsc *rsc,
						const char *name)
{
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++)
		if (!strcmp(rsc->regions[i].name, name))
			return &rsc->regions[i];
	return NULL;
}

/* A memory region (not a devmem window) holding [da, da + len). */
static const struct amp_rsc_region *
amp_rsc_mem_region_by_da(struct amp_rsc *rsc, u64 da, u64 len)
{
	const struct amp_rsc_region *reg;
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++) {
		reg = &rsc->regions[i];
		if (reg->flags & AMP_RSC_REGION_DEVMEM)
			continue;
		if (amp_rsc_mem_inside(reg->da, reg->size, da, len))
			return reg;
	}
	return NULL;
}

/*
 * Translates a fixed device address range to CPU and physical addresses
 * through the carveouts, then the platform's mapped memory regions.
 */
int amp_rsc_mem_translate(struct amp_rsc *rsc, u64 da, size_t len, void **va,
			  dma_addr_t *pa)
{
	const struct amp_rsc_region *reg;
	u32 i;

	for (i = 0; i < rsc->num_carveouts; i++) {
		struct rsc_carveout *co = &rsc->carveouts[i];

		if (!co->mem || !co->va ||
		    !amp_rsc_mem_inside(co->da, co->len, da, len))
			continue;
		*va = co->va + (da - co->da);
		*pa = co->pa + (da - co->da);
		return 0;
	}
	reg = amp_rsc_mem_region_by_da(rsc, da, len);
	if (!reg || !reg->va)
		return -ERANGE;
	*va = reg->va + (da - reg->da);
	*pa = reg->pa + (da - reg->da);
	return 0;
}

/*
 * The core maps any devmem entry it is given; here firmware only gets
 * device memory the platform lists as such, at the matching pa.
 */
int amp_rsc_mem_check_devmem(struct amp_rsc *rsc,
			     const struct rsc_parse_entry *e)
{
	const struct rsc_parse_mem *m = &e->mem;
	const struct amp_rsc_region *r;
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++) {
		r = &rsc->regions[i];
		if (!(r->flags & AMP_RSC_REGION_DEVMEM))
			continue;
		if (!amp_rsc_mem_inside(r->da, r->size, m->da, m->len))
			continue;
		if (m->pa - (u64)r->pa != m->da - r->da)
			continue;
		dev_dbg(rsc->dev, "resource table: entry %u (devmem) %s accepted in region %s\n",
			e->index, m->name, r->name);
		return 0;
	}
	dev_err(rsc->dev, "resource table: entry %u (devmem) da 0x%llx pa 0x%llx len 0x%llx: not inside a devmem region of the platform\n",
		e->index, (unsigned long long)m->da, (unsigned long long)m->pa,
		(unsigned long long)m->len);
	return -EPERM;
}

static void amp_rsc_mem_free(struct rsc_carveout *co)
{
	if (co->dma)
		dma_free_coherent(co->rsc->dev, co->len, co->va, co->pa);
	co->va = NULL;
	co->dma = false;
}

/* Called by the core's resource cleanup for a registered carveout. */
static int amp_rsc_mem_core_release(struct rproc *rproc,
				    struct rproc_mem_entry *mem)
{
	struct rsc_carveout *co = mem->priv;

	amp_rsc_mem_free(co);
	co->mem = NULL;
	return 0;
}

static int amp_rsc_mem_bad(struct rsc_carveout *co, const char *problem,
			   u64 val)
{
	dev_err(co->rsc->dev, "resource table: entry %u (carveout) %s: %s 0x%llx\n",
		co->e->index, co->e->mem.name, problem,
		(unsigned long long)val);
	return -EINVAL;
}

/*
 * Regions named for a vdev's vrings or buffers are the host's to fill:
 * a carveout placed there would alias them.
 */
static bool amp_rsc_mem_region_reserved(const struct amp_rsc_region *reg)
{
	unsigned int n, m;
	int end = 0;

	if (reg->flags & AMP_RSC_REGION_DMA_POOL)
		return true;
	/* The whole name, not a prefix: "vdev0" is a vdev's own carveout. */
	if (sscanf(reg->name, "vdev%uvring%u%n", &n, &m, &end) == 2 && end &&
	    !reg->name[end])
		return true;
	end = 0;
	return sscanf(reg->name, "vdev%ubuffer%n", &n, &end) == 1 && end &&
	       !reg->name[end];
}

/* Places a carveout in the platform region @reg. */
static int amp_rsc_mem_in_region(struct rsc_carveout *co,
				 const struct amp_rsc_region *reg)
{
	const struct rsc_parse_mem *m = &co->e->mem;
	u64 off = 0;

	if (amp_rsc_mem_region_reserved(reg)) {
		dev_err(co->rsc->dev, "resource table: entry %u (carveout) %s: region %s holds vrings or buffers the host places\n",
			co->e->index, m->name, reg->name);
		return -EINVAL;
	}

	if (m->da != AMP_RSC_ADDR_ANY) {
		if (!amp_rsc_mem_inside(reg->da, reg->size, m->da, m->len))
			return amp_rsc_mem_bad(co, "fixed da outside its region, da",
					       m->da);
		off = m->da - reg->da;
	} else if (m->len > reg->size) {
		return amp_rsc_mem_bad(co, "longer than its region, len",
				       m->len);
	}
	if (m->pa != AMP_RSC_ADDR_ANY && m->pa != reg->pa + off)
		return amp_rsc_mem_bad(co, "fixed pa does not match its region, pa",
				       m->pa);
	if (!reg->va)
		return amp_rsc_mem_bad(co, "region is not mapped for the CPU, pa",
				       reg->pa);
	co->va = reg->va + off;
	co->pa = reg->pa + off;
	co->da = reg->da + off;
	return 0;
}

static int amp_rsc_mem_alloc(struct rsc_carveout *co)
{
	const struct rsc_parse_entry *e = co->e;
	const struct rsc_parse_mem *m = &e->mem;
	struct device *dev = co->rsc->dev;
	dma_addr_t dma;
	void *va;

	if (m->pa != AMP_RSC_ADDR_ANY)
		return amp_rsc_mem_bad(co, "fixed pa in no platform region, pa",
				       m->pa);
	if (m->len > AMP_RSC_MAX_CARVEOUT_ALLOC)
		return amp_rsc_mem_bad(co,
				       "in no platform region and more than the host allocates, len",
				       m->len);
	va = dma_alloc_coherent(dev, m->len, &dma, GFP_KERNEL | __GFP_NOWARN);
	if (!va) {
		dev_err(dev, "resource table: entry %u (carveout) %s: cannot allocate 0x%llx bytes\n",
			e->index, m->name, (unsigned long long)m->len);
		return -ENOMEM;
	}
	co->va = va;
	co->pa = dma;
	co->dma = true;
	co->da = dma;
	if (m->da != AMP_RSC_ADDR_ANY && m->da != dma) {
		amp_rsc_mem_free(co);
		return amp_rsc_mem_bad(co, "fixed da in no platform region, da",
				       m->da);
	}
	if ((u64)dma + m->len > e->addr_end) {
		dev_err(dev, "resource table: entry %u (carveout) %s: allocated at pa %pad, ending past 0x%llx, which its address fields cannot hold\n",
			e->index, m->name, &dma,
			(unsigned long long)e->addr_end);
		amp_rsc_mem_free(co);
		return -ERANGE;
	}
	return 0;
}

/*
 * First half of a carveout: its memory and the core's entry for it, which
 * amp_rsc_mem_carveout_register() hands to the core once every carveout
 * of the table is placed. Until then a failure is undone here alone, and
 * nothing has to be taken back from the core.
 */
int amp_rsc_mem_carveout_place(struct rsc_carveout *co)
{
	struct amp_rsc *rsc = co->rsc;
	const struct rsc_parse_mem *m = &co->e->mem;
	const struct amp_rsc_region *reg;
	struct rproc_mem_entry *mem;
	int ret;

	co->len = m->len;
	reg = amp_rsc_mem_region(rsc, m->name);
	if (reg && (reg->flags & AMP_RSC_REGION_DEVMEM))
		reg = NULL;
	if (!reg && m->da != AMP_RSC_ADDR_ANY)
		reg = amp_rsc_mem_region_by_da(rsc, m->da, m->len);

	if (reg)
		ret = amp_rsc_mem_in_region(co, reg);
	else if (rsc->mode == AMP_RSC_MODE_ATTACH)
		/*
		 * A running remote's memory is the platform's to name: the
		 * addresses its table holds are the remote's word only, and
		 * nothing is mapped on it.
		 */
		ret = amp_rsc_mem_bad(co,
				      "in no region of the platform, though the remote runs in it: pa",
				      m->pa);
	else
		ret = amp_rsc_mem_alloc(co);
	if (ret)
		return ret;

	/* The name goes through "%s": it came from firmware. */
	mem = rproc_mem_entry_init(rsc->dev, co->va, co->pa, co->len,
				   (u32)co->da, NULL, amp_rsc_mem_core_release,
				   "%s", m->name);
	if (!mem) {
		amp_rsc_mem_free(co);
		return -ENOMEM;
	}
	mem->priv = co;
	co->mem = mem;
	return 0;
}

/*
 * Carveout @i, just placed, must not share memory with one placed before
 * it: a fixed da in a region and another carveout of the region's name,
 * for one, would both land on the region's start.
 */
int amp_rsc_mem_carveout_check_alias(struct amp_rsc *rsc, u32 i)
{
	const struct rsc_carveout *a = &rsc->carveouts[i], *b;
	u32 j;

	for (j = 0; j < i; j++) {
		b = &rsc->carveouts[j];
		if ((u64)a->pa >= (u64)b->pa + b->len ||
		    (u64)b->pa >= (u64)a->pa + a->len)
			continue;
		dev_err(rsc->dev, "resource table: entry %u (carveout) %s: placed at pa %pad over entry %u (carveout) %s at pa %pad\n",
			a->e->index, a->e->mem.name, &a->pa, b->e->index,
			b->e->mem.name, &b->pa);
		return -EINVAL;
	}
	return 0;
}

/* Second half: the core owns the entry from now on and frees it. */
void amp_rsc_mem_carveout_register(struct rsc_carveout *co)
{
	rproc_add_carveout(co->rsc->rproc, co->mem);
}

/* Undoes amp_rsc_mem_carveout_place() of a carveout never registered. */
void amp_rsc_mem_carveout_unplace(struct rsc_carveout *co)
{
	if (!co->mem)
		return;
	amp_rsc_mem_free(co);
	kfree(co->mem);
	co->mem = NULL;
}

int amp_rsc_mem_carveout_write_back(struct rsc_carveout *co)
{
	struct amp_rsc *rsc = co->rsc;
	const struct rsc_parse_entry *e = co->e;

	if (rsc->mode != AMP_RSC_MODE_LOAD)
		return 0;
	if (!co->mem) {
		dev_err(rsc->dev, "resource table: entry %u (carveout) %s: released, load the firmware again\n",
			e->index, e->mem.name);
		return -EINVAL;
	}
	if ((u64)co->pa + co->len > e->addr_end ||
	    co->da + co->len > e->addr_end)
		return amp_rsc_mem_bad(co, "ends past what its address fields hold, pa",
				       co->pa);
	amp_rsc_table_write32(rsc, e->mem.da_offset, (u32)co->da);
	amp_rsc_table_write32(rsc, e->mem.pa_offset, (u32)co->pa);
	return 0;
}
