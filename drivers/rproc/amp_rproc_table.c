// SPDX-License-Identifier: GPL-2.0-only
/*
 * Who handles a firmware's resource table for the amp_rproc driver:
 * amp_rsc.ko by default, or, with the module parameter core_rsc_table, the
 * remoteproc core itself as it does for in-tree drivers, so that the two
 * can be compared on the same board and firmware. Everything that differs
 * between the two is here; probe picks one, once.
 */

#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/list.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>

#include <amp/rsc.h>
#include <amp/abi/rsc_table.h>
#include <amp/internal/compat.h>
#include <amp/internal/fw_elf.h>

#include "amp_rproc.h"

static const struct amp_rsc_ops amp_rproc_table_rsc_ops = {
	.kick = amp_rproc_mbox_rsc_kick,
};

static int amp_rproc_table_rsc_init(struct amp_rproc *ar)
{
	ar->rsc = devm_amp_rsc_create(ar->dev, ar->rproc,
				      &amp_rproc_table_rsc_ops, ar->regions,
				      ar->num_regions);
	if (IS_ERR(ar->rsc))
		return dev_err_probe(ar->dev, PTR_ERR(ar->rsc),
				     "cannot create the resource table handler\n");
	return 0;
}

/* Leaves rproc->table_ptr NULL: the core stays out of the table. */
static int amp_rproc_table_rsc_parse_fw(struct amp_rproc *ar,
					const struct firmware *fw)
{
	const struct fw_elf_image *im = amp_rproc_elf_image(ar, fw);
	struct fw_elf_error err = {};
	struct fw_elf_section sec;
	int ret;

	if (IS_ERR(im))
		return PTR_ERR(im);
	ret = fw_elf_find_section(im, AMP_RSC_SECTION, &sec, &err);
	if (ret == -ENOENT) {
		dev_dbg(ar->dev, "no resource table, booting without one\n");
		return 0;
	}
	if (ret) {
		dev_err(ar->dev, "%s: %s\n", ar->rproc->firmware, err.msg);
		return ret;
	}
	return amp_rsc_load(ar->rsc, im->data + sec.offset, sec.size,
			    sec.addr);
}

/* NULL: amp_rsc has the table, the core must leave it alone. */
static struct resource_table *
amp_rproc_table_rsc_attach(struct amp_rproc *ar, void *table, size_t size)
{
	int ret;

	ret = amp_rsc_attach(ar->rsc, table, size, false);
	return ret ? ERR_PTR(ret) : NULL;
}

static void amp_rproc_table_rsc_notify(struct amp_rproc *ar, u32 notifyid)
{
	amp_rsc_notify(ar->rsc, notifyid);
}

static const struct amp_rproc_table_ops amp_rproc_table_rsc = {
	.name = "amp_rsc",
	.init = amp_rproc_table_rsc_init,
	.parse_fw = amp_rproc_table_rsc_parse_fw,
	.attach = amp_rproc_table_rsc_attach,
	.notify = amp_rproc_table_rsc_notify,
};

static int amp_rproc_table_core_parse_fw(struct amp_rproc *ar,
					 const struct firmware *fw)
{
	int ret;

	ret = rproc_elf_load_rsc_table(ar->rproc, fw);
	if (ret == -EINVAL) {
		dev_info(ar->dev, "no usable resource table, booting without one\n");
		return 0;
	}
	return ret;
}

static struct resource_table *
amp_rproc_table_core_attach(struct amp_rproc *ar, void *table, size_t size)
{
	return table;
}

/* The core's virtqueues: vring interrupts are per notify id too. */
static void amp_rproc_table_core_notify(struct amp_rproc *ar, u32 notifyid)
{
	int id;

	if (notifyid != AMP_RSC_NOTIFY_ALL) {
		rproc_vq_interrupt(ar->rproc, notifyid);
		return;
	}
	for (id = 0; id <= ar->rproc->max_notifyid; id++)
		rproc_vq_interrupt(ar->rproc, id);
}

static const struct amp_rproc_table_ops amp_rproc_table_core = {
	.name = "core-table",
	.prepare = amp_rproc_mem_add_carveouts,
	.parse_fw = amp_rproc_table_core_parse_fw,
	.attach = amp_rproc_table_core_attach,
	.find_loaded = rproc_elf_find_loaded_rsc_table,
	.notify = amp_rproc_table_core_notify,
};

int amp_rproc_table_init(struct amp_rproc *ar, bool core)
{
	ar->table = core ? &amp_rproc_table_core : &amp_rproc_table_rsc;
	return ar->table->init ? ar->table->init(ar) : 0;
}
