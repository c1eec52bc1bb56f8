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
 */

#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/list.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/compat.h>
#include <amp/rsc.h>
#include <amp/rsc_parse.h>

#include "rsc_priv.h"

/* v1 tables carry 32-bit addresses. */
#define RSC_MEM_V1_END BIT_ULL(32)

/* Field offsets in a v1 carveout body. */
#define RSC_MEM_OFF_DA 0
#define RSC_MEM_OFF_PA 4

static bool rsc_mem_inside(u64 start, u64 size, u64 da, u64 len)
{
	u64 end;

	if (da < start || check_add_overflow(da, len, &end))
		return false;
	return end <= start + size;
}

struct rsc_region *rsc_mem_region_by_name(struct amp_rsc *rsc,
					  const char *name)
{
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++)
		if (!strcmp(rsc->regions[i].r.name, name))
			return &rsc->regions[i];
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_region_by_name);

/* A memory region (not a devmem window) holding [da, da + len). */
static struct rsc_region *rsc_mem_region_by_da(struct amp_rsc *rsc, u64 da,
					       u64 len)
{
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++) {
		struct rsc_region *reg = &rsc->regions[i];

		if (reg->r.flags & AMP_RSC_REGION_DEVMEM)
			continue;
		if (rsc_mem_inside(reg->r.da, reg->r.size, da, len))
			return reg;
	}
	return NULL;
}

void *rsc_mem_region_va(struct amp_rsc *rsc, struct rsc_region *reg)
{
	if (reg->va)
		return reg->va;
	if (reg->r.flags & (AMP_RSC_REGION_NOMAP | AMP_RSC_REGION_DEVMEM))
		return NULL;
	/* Shared with the remote: write-combined, never cached. */
	reg->va = memremap(reg->r.pa, reg->r.size, MEMREMAP_WC);
	if (!reg->va) {
		dev_err(rsc->dev, "region %s: cannot map pa %pa\n",
			reg->r.name, &reg->r.pa);
		return NULL;
	}
	reg->mapped = true;
	return reg->va;
}
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_region_va);

void rsc_mem_unmap_regions(struct amp_rsc *rsc)
{
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++) {
		struct rsc_region *reg = &rsc->regions[i];

		if (!reg->mapped)
			continue;
		memunmap(reg->va);
		reg->va = NULL;
		reg->mapped = false;
	}
}

/*
 * Translates a fixed device address range to CPU and physical addresses
 * through the carveouts, then the platform's memory regions.
 */
int rsc_mem_translate(struct amp_rsc *rsc, u64 da, size_t len, void **va,
		      dma_addr_t *pa)
{
	struct rsc_region *reg;
	u32 i;

	for (i = 0; i < rsc->num_carveouts; i++) {
		struct rsc_carveout *co = &rsc->carveouts[i];

		if (!co->mem || !co->va ||
		    !rsc_mem_inside(co->da, co->len, da, len))
			continue;
		*va = co->va + (da - co->da);
		*pa = co->pa + (da - co->da);
		return 0;
	}
	reg = rsc_mem_region_by_da(rsc, da, len);
	if (!reg || !rsc_mem_region_va(rsc, reg))
		return -ERANGE;
	*va = reg->va + (da - reg->r.da);
	*pa = reg->r.pa + (da - reg->r.da);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_translate);

/*
 * The core maps any devmem entry it is given; here firmware only gets
 * device memory the platform lists as such, at the matching pa.
 */
int rsc_mem_check_devmem(struct amp_rsc *rsc, const struct rsc_parse_entry *e)
{
	const struct rsc_parse_mem *m = &e->mem;
	unsigned int i;

	for (i = 0; i < rsc->num_regions; i++) {
		const struct amp_rsc_region *r = &rsc->regions[i].r;

		if (!(r->flags & AMP_RSC_REGION_DEVMEM))
			continue;
		if (!rsc_mem_inside(r->da, r->size, m->da, m->len))
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
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_check_devmem);

static void rsc_mem_free(struct amp_rsc *rsc, struct rsc_carveout *co)
{
	if (co->dma)
		dma_free_coherent(rsc->dev, co->len, co->va, co->pa);
	else if (co->mapped)
		memunmap(co->va);
	co->va = NULL;
	co->dma = false;
	co->mapped = false;
}

/* Called by the core's resource cleanup, or by us through release. */
static int rsc_mem_core_release(struct rproc *rproc,
				struct rproc_mem_entry *mem)
{
	struct rsc_carveout *co = mem->priv;

	rsc_mem_free(co->rsc, co);
	co->mem = NULL;
	return 0;
}

static int rsc_mem_bad(struct amp_rsc *rsc, const struct rsc_parse_entry *e,
		       const char *problem, u64 val)
{
	dev_err(rsc->dev, "resource table: entry %u (carveout) %s: %s 0x%llx\n",
		e->index, e->mem.name, problem, (unsigned long long)val);
	return -EINVAL;
}

/* Places a carveout in the platform region @reg. */
static int rsc_mem_in_region(struct amp_rsc *rsc, struct rsc_carveout *co,
			     struct rsc_region *reg)
{
	const struct rsc_parse_mem *m = &co->e->mem;
	u64 off = 0;

	if (m->da != AMP_RSC_ADDR_ANY) {
		if (!rsc_mem_inside(reg->r.da, reg->r.size, m->da, m->len))
			return rsc_mem_bad(rsc, co->e,
					   "fixed da outside its region, da", m->da);
		off = m->da - reg->r.da;
	} else if (m->len > reg->r.size) {
		return rsc_mem_bad(rsc, co->e, "longer than its region, len",
				   m->len);
	}
	if (m->pa != AMP_RSC_ADDR_ANY && m->pa != reg->r.pa + off)
		return rsc_mem_bad(rsc, co->e,
				   "fixed pa does not match its region, pa", m->pa);
	if (!rsc_mem_region_va(rsc, reg))
		return rsc_mem_bad(rsc, co->e, "region cannot be mapped, pa",
				   reg->r.pa);
	co->va = reg->va + off;
	co->pa = reg->r.pa + off;
	co->da = reg->r.da + off;
	return 0;
}

static int rsc_mem_alloc(struct amp_rsc *rsc, struct rsc_carveout *co)
{
	const struct rsc_parse_mem *m = &co->e->mem;
	dma_addr_t dma;
	void *va;

	if (m->pa != AMP_RSC_ADDR_ANY)
		return rsc_mem_bad(rsc, co->e,
				   "fixed pa in no platform region, pa", m->pa);
	va = dma_alloc_coherent(rsc->dev, m->len, &dma, GFP_KERNEL);
	if (!va) {
		dev_err(rsc->dev, "resource table: entry %u (carveout) %s: cannot allocate 0x%llx bytes\n",
			co->e->index, m->name, (unsigned long long)m->len);
		return -ENOMEM;
	}
	co->va = va;
	co->pa = dma;
	co->dma = true;
	co->da = dma;
	if (m->da != AMP_RSC_ADDR_ANY && m->da != dma) {
		rsc_mem_free(rsc, co);
		return rsc_mem_bad(rsc, co->e,
				   "fixed da in no platform region, da", m->da);
	}
	if ((u64)dma + m->len > RSC_MEM_V1_END) {
		dev_err(rsc->dev, "resource table: entry %u (carveout) %s: allocated at pa %pad, above the 4 GiB a v1 table can hold\n",
			co->e->index, m->name, &dma);
		rsc_mem_free(rsc, co);
		return -ERANGE;
	}
	return 0;
}

/* Attach: the remote runs in memory it was given; map it, allocate none. */
static int rsc_mem_attach(struct amp_rsc *rsc, struct rsc_carveout *co)
{
	const struct rsc_parse_mem *m = &co->e->mem;

	if (m->pa == AMP_RSC_ADDR_ANY || m->da == AMP_RSC_ADDR_ANY)
		return rsc_mem_bad(rsc, co->e,
				   "no address set by the running remote, da", m->da);
	co->va = memremap(m->pa, m->len, MEMREMAP_WC);
	if (!co->va)
		return rsc_mem_bad(rsc, co->e, "cannot map pa", m->pa);
	co->mapped = true;
	co->pa = m->pa;
	co->da = m->da;
	return 0;
}

int rsc_mem_carveout_setup(struct amp_rsc *rsc, struct rsc_carveout *co)
{
	const struct rsc_parse_mem *m = &co->e->mem;
	struct rproc_mem_entry *mem;
	struct rsc_region *reg;
	int ret;

	co->len = m->len;
	reg = rsc_mem_region_by_name(rsc, m->name);
	if (reg && (reg->r.flags & AMP_RSC_REGION_DEVMEM))
		reg = NULL;
	if (!reg && m->da != AMP_RSC_ADDR_ANY)
		reg = rsc_mem_region_by_da(rsc, m->da, m->len);

	if (reg)
		ret = rsc_mem_in_region(rsc, co, reg);
	else if (rsc->mode == AMP_RSC_MODE_ATTACH)
		ret = rsc_mem_attach(rsc, co);
	else
		ret = rsc_mem_alloc(rsc, co);
	if (ret)
		return ret;

	/* The name goes through "%s": it came from firmware. */
	mem = rproc_mem_entry_init(rsc->dev, co->va, co->pa, co->len,
				   (u32)co->da, NULL, rsc_mem_core_release,
				   "%s", m->name);
	if (!mem) {
		rsc_mem_free(rsc, co);
		return -ENOMEM;
	}
	mem->priv = co;
	co->mem = mem;
	rproc_add_carveout(rsc->rproc, mem);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_carveout_setup);

/* Takes a still registered carveout back from the core and frees it. */
void rsc_mem_carveout_release(struct amp_rsc *rsc, struct rsc_carveout *co)
{
	struct rproc_mem_entry *mem = co->mem;

	if (!mem)
		return;
	list_del(&mem->node);
	rsc_mem_core_release(rsc->rproc, mem);
	kfree(mem);
}
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_carveout_release);

int rsc_mem_carveout_write_back(struct amp_rsc *rsc, struct rsc_carveout *co)
{
	const struct rsc_parse_entry *e = co->e;

	if (rsc->mode != AMP_RSC_MODE_LOAD)
		return 0;
	if (!co->mem) {
		dev_err(rsc->dev, "resource table: entry %u (carveout) %s: released, load the firmware again\n",
			e->index, e->mem.name);
		return -EINVAL;
	}
	if ((u64)co->pa + co->len > RSC_MEM_V1_END ||
	    co->da + co->len > RSC_MEM_V1_END)
		return rsc_mem_bad(rsc, e, "address above 4 GiB, pa", co->pa);
	amp_rsc_table_write32(rsc, e->body_offset + RSC_MEM_OFF_DA, (u32)co->da);
	amp_rsc_table_write32(rsc, e->body_offset + RSC_MEM_OFF_PA, (u32)co->pa);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(rsc_mem_carveout_write_back);
