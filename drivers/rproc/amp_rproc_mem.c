// SPDX-License-Identifier: GPL-2.0-only
/*
 * Memory regions of the amp_rproc driver: read from memory-region, given a
 * device address through amp,address-map or the bus's dma-ranges, mapped
 * once at probe, and offered to the ELF loader, to rproc_da_to_va(), to
 * coredumps and, as they are, to the resource table handler.
 */

#include <linux/device.h>
#include <linux/dma-direct.h>
#include <linux/io.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "amp_rproc.h"

/* Device address of @pa through the amp,address-map triplets. */
static int amp_rproc_mem_map_da(struct amp_rproc *ar, phys_addr_t pa,
				size_t size, u64 *da)
{
	unsigned int i;

	for (i = 0; i < ar->address_map_len; i++) {
		u64 mda = ar->address_map[3 * i];
		u64 mpa = ar->address_map[3 * i + 1];
		u64 msize = ar->address_map[3 * i + 2];

		if (pa >= mpa && size <= msize && pa - mpa <= msize - size) {
			*da = mda + (pa - mpa);
			return 0;
		}
	}
	return -EINVAL;
}

static int amp_rproc_mem_translate(struct amp_rproc *ar,
				   struct amp_rsc_region *r)
{
	struct device *dev = ar->dev;
	dma_addr_t dma;

	if (ar->address_map)
		return amp_rproc_mem_map_da(ar, r->pa, r->size, &r->da);

	/* The bus's dma-ranges, as of_dma_configure() recorded them. */
	if (dev->dma_range_map) {
		dma = translate_phys_to_dma(dev, r->pa);
		if (dma == DMA_MAPPING_ERROR)
			return -EINVAL;
		r->da = dma;
		return 0;
	}

	r->da = r->pa;
	return 0;
}

static int amp_rproc_mem_parse_map(struct amp_rproc *ar)
{
	struct device_node *np = ar->dev->of_node;
	u32 *cells;
	int n, i, ret;

	n = of_property_count_u32_elems(np, "amp,address-map");
	if (n == -EINVAL)
		return 0;
	if (n <= 0 || n % 3)
		return dev_err_probe(ar->dev, -EINVAL,
				     "amp,address-map: expected (da pa size) triplets of 32-bit cells\n");

	cells = kcalloc(n, sizeof(*cells), GFP_KERNEL);
	ar->address_map = devm_kcalloc(ar->dev, n, sizeof(u64), GFP_KERNEL);
	if (!cells || !ar->address_map) {
		kfree(cells);
		return -ENOMEM;
	}
	ret = of_property_read_u32_array(np, "amp,address-map", cells, n);
	for (i = 0; !ret && i < n; i++)
		ar->address_map[i] = cells[i];
	kfree(cells);
	ar->address_map_len = n / 3;
	return ret;
}

/*
 * Maps region @r for the CPU. A no-map region is not kernel RAM and the
 * remote does not snoop caches: write-combined keeps both sides coherent.
 * A DMA pool is left to its allocator: neither mapped here nor loaded.
 */
static int amp_rproc_mem_map(struct amp_rproc *ar, struct amp_rsc_region *r,
			     bool no_map)
{
	void *va;

	if (r->flags & AMP_RSC_REGION_DMA_POOL)
		return 0;
	va = devm_memremap(ar->dev, r->pa, r->size,
			   no_map ? MEMREMAP_WC : MEMREMAP_WB);
	if (IS_ERR(va))
		return dev_err_probe(ar->dev, PTR_ERR(va),
				     "region %s: cannot map pa %pa size %#zx\n",
				     r->name, &r->pa, r->size);
	r->va = va;
	return 0;
}

int amp_rproc_mem_parse(struct amp_rproc *ar)
{
	struct device *dev = ar->dev;
	struct device_node *np = dev->of_node;
	struct amp_rsc_region *r;
	struct device_node *rnp;
	struct resource res;
	const char *name;
	bool no_map;
	int count, i, ret;

	ret = amp_rproc_mem_parse_map(ar);
	if (ret)
		return ret;

	count = of_count_phandle_with_args(np, "memory-region", NULL);
	if (count <= 0)
		return dev_err_probe(dev, -EINVAL,
				     "no memory-region: the remote owns no memory\n");
	if (count > AMP_RPROC_MAX_REGIONS)
		return dev_err_probe(dev, -EINVAL,
				     "memory-region: %d regions, at most %d supported\n",
				     count, AMP_RPROC_MAX_REGIONS);

	for (i = 0; i < count; i++) {
		r = &ar->regions[i];
		rnp = of_parse_phandle(np, "memory-region", i);
		if (!rnp)
			return dev_err_probe(dev, -EINVAL,
					     "memory-region %d: not a valid phandle\n",
					     i);
		ret = of_address_to_resource(rnp, 0, &res);
		if (ret) {
			dev_err(dev, "memory-region %d (%pOF): no usable reg\n",
				i, rnp);
			of_node_put(rnp);
			return ret;
		}
		if (of_property_read_string_index(np, "memory-region-names", i,
						  &name))
			snprintf(r->name, sizeof(r->name), "%pOFn", rnp);
		else
			strscpy(r->name, name, sizeof(r->name));
		r->pa = res.start;
		r->size = resource_size(&res);
		no_map = of_property_read_bool(rnp, "no-map");
		if (of_device_is_compatible(rnp, "shared-dma-pool"))
			r->flags |= AMP_RSC_REGION_DMA_POOL;
		r->of_resm_idx = i;
		of_node_put(rnp);

		if (!r->size)
			return dev_err_probe(dev, -EINVAL,
					     "memory-region %d (%s): size 0\n",
					     i, r->name);
		if (amp_rproc_mem_translate(ar, r))
			return dev_err_probe(dev, -EINVAL,
					     "memory-region %d (%s): pa %pa size %#zx has no device address (dma-ranges or amp,address-map)\n",
					     i, r->name, &r->pa, r->size);
		ret = amp_rproc_mem_map(ar, r, no_map);
		if (ret)
			return ret;
		if (!strcmp(r->name, "rsc-table"))
			ar->rsc_table = r;
		ar->num_regions++;
	}
	return 0;
}

/* The mapped region holding all of [da, da + len), or NULL. */
struct amp_rsc_region *amp_rproc_mem_find(struct amp_rproc *ar, u64 da,
					  size_t len)
{
	struct amp_rsc_region *r;
	unsigned int i;

	for (i = 0; i < ar->num_regions; i++) {
		r = &ar->regions[i];
		if (!r->va || da < r->da || len > r->size ||
		    da - r->da > r->size - len)
			continue;
		return r;
	}
	return NULL;
}

/* fw_elf_owns_fn: firmware may only be loaded into the remote's regions. */
bool amp_rproc_mem_owns(void *ctx, u64 da, u64 len)
{
	struct amp_rproc *ar = ctx;

	if (len > SIZE_MAX)
		return false;
	return amp_rproc_mem_find(ar, da, len);
}

void *amp_rproc_mem_da_to_va(struct rproc *rproc, u64 da, size_t len,
			     bool *is_iomem)
{
	struct amp_rproc *ar = rproc->priv;
	struct amp_rsc_region *r;

	r = amp_rproc_mem_find(ar, da, len ? len : 1);
	if (!r)
		return NULL;
	/* memremap() gives normal memory pointers, never __iomem ones. */
	if (is_iomem)
		*is_iomem = false;
	return r->va + (da - r->da);
}

/*
 * Called once the boot (or attach) has gone far enough that the core's
 * resource cleanup is sure to run, which also frees the segments.
 */
void amp_rproc_mem_add_coredump(struct amp_rproc *ar)
{
	struct amp_rsc_region *r;
	unsigned int i;

	for (i = 0; i < ar->num_regions; i++) {
		r = &ar->regions[i];
		if (r->flags & AMP_RSC_REGION_DMA_POOL)
			continue;
		if (rproc_coredump_add_segment(ar->rproc, r->da, r->size))
			dev_warn(ar->dev, "region %s left out of coredumps: no memory\n",
				 r->name);
	}
}

/*
 * With core_rsc_table the core places vrings and rpmsg buffers, looking for
 * carveouts named vdev<N>vring<M> and vdev<N>buffer first: register every
 * region under its name, so they land where the remote can reach them and
 * not in any memory the core would allocate. The core's resource cleanup
 * frees the entries. All are made before any is registered, so a failure
 * leaves the core's list untouched: the core does not clean up after a
 * failed prepare.
 */
int amp_rproc_mem_add_carveouts(struct amp_rproc *ar)
{
	struct rproc_mem_entry *mem[AMP_RPROC_MAX_REGIONS];
	struct amp_rsc_region *r;
	unsigned int i;

	for (i = 0; i < ar->num_regions; i++) {
		r = &ar->regions[i];
		if (r->flags & AMP_RSC_REGION_DMA_POOL)
			mem[i] = rproc_of_resm_mem_entry_init(ar->dev,
							      r->of_resm_idx,
							      r->size, r->da,
							      "%s", r->name);
		else
			mem[i] = rproc_mem_entry_init(ar->dev, r->va, r->pa,
						      r->size, r->da, NULL,
						      NULL, "%s", r->name);
		if (!mem[i])
			goto fail;
	}
	for (i = 0; i < ar->num_regions; i++)
		rproc_add_carveout(ar->rproc, mem[i]);
	return 0;

fail:
	dev_err(ar->dev, "region %s: cannot register it as a carveout\n",
		r->name);
	while (i--)
		kfree(mem[i]);
	return -ENOMEM;
}
