// SPDX-License-Identifier: GPL-2.0-only
/*
 * Resource table handler: the exported API, the cached table and the
 * subdevice hooks the remoteproc core calls.
 *
 * Phases, and why they sit where they do:
 * - amp_rsc_load() runs from parse_fw, before the ELF loader: carveouts are
 *   allocated and registered there, so rproc_da_to_va() finds them when the
 *   loader copies segments into them.
 * - prepare runs after the loader and before ops->start: the validated
 *   snapshot is copied over the loaded table (so the remote reads exactly
 *   what was checked), then carveout and vring addresses and notify ids are
 *   written into it, traces appear in debugfs and vendor entries are
 *   handed to the platform.
 * - start runs after ops->start: virtio devices are registered; the remote
 *   polls the status byte for DRIVER_OK.
 * - stop and unprepare undo start and prepare. Carveouts stay registered
 *   until the core's resource cleanup (shutdown) releases them: crash
 *   recovery dumps them after unprepare and restarts in them.
 */

#include <linux/device.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/internal/compat.h>

#include "rsc_priv.h"

/* Is any carveout of the cached table still registered with the core? */
static bool amp_rsc_carveouts_registered(struct amp_rsc *rsc)
{
	u32 i;

	for (i = 0; i < rsc->num_carveouts; i++)
		if (rsc->carveouts[i].mem)
			return true;
	return false;
}

/* Drops the cached table; its carveouts must be released already. */
static void amp_rsc_free_state(struct amp_rsc *rsc)
{
	kfree(rsc->carveouts);
	kfree(rsc->traces);
	kfree(rsc->vdevs);
	kfree(rsc->entries);
	kfree(rsc->snap);
	rsc->carveouts = NULL;
	rsc->traces = NULL;
	rsc->vdevs = NULL;
	rsc->entries = NULL;
	rsc->snap = NULL;
	rsc->num_carveouts = 0;
	rsc->num_traces = 0;
	rsc->num_vdevs = 0;
	rsc->num = 0;
	rsc->size = 0;
	rsc->attach_table = NULL;
	rsc->mode = AMP_RSC_MODE_NONE;
}

static u32 amp_rsc_count(struct amp_rsc *rsc, enum rsc_parse_kind kind)
{
	u32 i, n = 0;

	for (i = 0; i < rsc->num; i++)
		n += rsc->entries[i].kind == kind;
	return n;
}

/* Sets up the per-kind state arrays from the parsed entries. */
static int amp_rsc_build(struct amp_rsc *rsc)
{
	u32 i, c = 0, t = 0, v = 0;

	rsc->num_carveouts = amp_rsc_count(rsc, RSC_PARSE_KIND_CARVEOUT);
	rsc->num_traces = amp_rsc_count(rsc, RSC_PARSE_KIND_TRACE);
	rsc->num_vdevs = amp_rsc_count(rsc, RSC_PARSE_KIND_VDEV);
	rsc->carveouts = kcalloc(rsc->num_carveouts, sizeof(*rsc->carveouts),
				 GFP_KERNEL);
	rsc->traces = kcalloc(rsc->num_traces, sizeof(*rsc->traces),
			      GFP_KERNEL);
	rsc->vdevs = kcalloc(rsc->num_vdevs, sizeof(*rsc->vdevs), GFP_KERNEL);
	if ((rsc->num_carveouts && !rsc->carveouts) ||
	    (rsc->num_traces && !rsc->traces) ||
	    (rsc->num_vdevs && !rsc->vdevs))
		return -ENOMEM;

	for (i = 0; i < rsc->num; i++) {
		const struct rsc_parse_entry *e = &rsc->entries[i];

		switch (e->kind) {
		case RSC_PARSE_KIND_CARVEOUT:
			rsc->carveouts[c].rsc = rsc;
			rsc->carveouts[c++].e = e;
			break;
		case RSC_PARSE_KIND_TRACE:
			rsc->traces[t].rsc = rsc;
			rsc->traces[t].index = t;
			rsc->traces[t++].e = e;
			break;
		case RSC_PARSE_KIND_VDEV:
			rsc->vdevs[v].rsc = rsc;
			rsc->vdevs[v].index = v;
			rsc->vdevs[v++].e = e;
			break;
		default:
			break;
		}
	}
	return 0;
}

/*
 * Places every carveout, then registers them all with the core: until the
 * last one is placed a failure is undone here, and the core never holds a
 * carveout of a table that was refused.
 */
static int amp_rsc_carveouts_setup(struct amp_rsc *rsc)
{
	u32 i;
	int ret;

	for (i = 0; i < rsc->num_carveouts; i++) {
		ret = amp_rsc_mem_carveout_place(&rsc->carveouts[i]);
		if (!ret) {
			ret = amp_rsc_mem_carveout_check_alias(rsc, i);
			if (ret)
				amp_rsc_mem_carveout_unplace(&rsc->carveouts[i]);
		}
		if (ret) {
			while (i--)
				amp_rsc_mem_carveout_unplace(&rsc->carveouts[i]);
			return ret;
		}
	}
	for (i = 0; i < rsc->num_carveouts; i++)
		amp_rsc_mem_carveout_register(&rsc->carveouts[i]);
	return 0;
}

/*
 * What load and attach share: snapshot, parse, policy, carveouts. Called
 * with rsc->lock held: the state it replaces is what amp_rsc_notify()
 * walks.
 */
static int amp_rsc_take(struct amp_rsc *rsc, enum amp_rsc_mode mode,
			const void *table, size_t size, bool is_iomem)
{
	struct rsc_parse_error perr;
	u32 num, i;
	int ret;

	if (rsc->prepared)
		return -EBUSY;
	/*
	 * The core releases a table's carveouts on every path that ends a
	 * boot or an attach; one still registered means it has not, and
	 * still points into the state freed below.
	 */
	if (amp_rsc_carveouts_registered(rsc)) {
		dev_err(rsc->dev, "resource table: the previous table's carveouts are still registered\n");
		return -EBUSY;
	}
	amp_rsc_free_state(rsc);

	if (!table || !size) {
		dev_err(rsc->dev, "resource table: none given\n");
		return -EINVAL;
	}
	/*
	 * A running remote's table is somewhere in the memory the platform
	 * named for it, which may be larger than any table: look at no more
	 * than a table may be. An image's section is the table, whole.
	 */
	if (mode == AMP_RSC_MODE_ATTACH)
		size = min_t(size_t, size, RSC_PARSE_MAX_SIZE);
	if (size > RSC_PARSE_MAX_SIZE) {
		dev_err(rsc->dev, "resource table: %zu bytes, more than the %u a table may have\n",
			size, RSC_PARSE_MAX_SIZE);
		return -E2BIG;
	}
	rsc->snap = kmalloc(size, GFP_KERNEL);
	if (!rsc->snap)
		return -ENOMEM;
	/* One copy, parsed and used from then on: the remote cannot race. */
	if (is_iomem)
		memcpy_fromio(rsc->snap, (const void __iomem __force *)table,
			      size);
	else
		memcpy(rsc->snap, table, size);
	rsc->size = size;

	ret = rsc_parse_header(rsc->snap, size, &num, &perr);
	if (ret)
		goto bad;
	rsc->entries = kcalloc(num, sizeof(*rsc->entries), GFP_KERNEL);
	if (num && !rsc->entries) {
		ret = -ENOMEM;
		goto fail;
	}
	ret = rsc_parse_table(rsc->snap, size, rsc->entries, num, &perr);
	if (ret < 0)
		goto bad;
	rsc->num = ret;
	rsc->mode = mode;

	ret = amp_rsc_build(rsc);
	if (ret)
		goto fail;

	if (rsc->num_vdevs && !rsc->ops->kick) {
		dev_err(rsc->dev, "resource table: has a vdev but the platform has no kick callback\n");
		ret = -EINVAL;
		goto fail;
	}

	for (i = 0; i < rsc->num; i++) {
		if (rsc->entries[i].kind != RSC_PARSE_KIND_DEVMEM)
			continue;
		ret = amp_rsc_mem_check_devmem(rsc, &rsc->entries[i]);
		if (ret)
			goto fail;
	}
	ret = amp_rsc_carveouts_setup(rsc);
	if (ret)
		goto fail;
	return 0;

bad:
	dev_err(rsc->dev, "resource table: %s\n", perr.msg);
fail:
	amp_rsc_free_state(rsc);
	return ret;
}

int amp_rsc_load(struct amp_rsc *rsc, const void *table, size_t size, u64 da)
{
	int ret;

	mutex_lock(&rsc->lock);
	ret = amp_rsc_take(rsc, AMP_RSC_MODE_LOAD, table, size, false);
	if (!ret)
		rsc->table_da = da;
	mutex_unlock(&rsc->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(amp_rsc_load);

int amp_rsc_attach(struct amp_rsc *rsc, void *table, size_t size,
		   bool is_iomem)
{
	int ret;

	mutex_lock(&rsc->lock);
	ret = amp_rsc_take(rsc, AMP_RSC_MODE_ATTACH, table, size, is_iomem);
	if (!ret) {
		rsc->attach_table = table;
		rsc->attach_iomem = is_iomem;
	}
	mutex_unlock(&rsc->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(amp_rsc_attach);

/* Finds the table the remote reads. */
static int amp_rsc_locate(struct amp_rsc *rsc)
{
	bool iomem = false;
	void *va;

	if (rsc->mode == AMP_RSC_MODE_ATTACH) {
		rsc->table = rsc->attach_table;
		rsc->table_iomem = rsc->attach_iomem;
		return 0;
	}

	va = rproc_da_to_va(rsc->rproc, rsc->table_da, rsc->size, &iomem);
	if (!va) {
		dev_err(rsc->dev, "resource table: da 0x%llx + 0x%zx is not in the remote's memory\n",
			(unsigned long long)rsc->table_da, rsc->size);
		return -EINVAL;
	}
	rsc->table = va;
	rsc->table_iomem = iomem;
	/* The remote must read the bytes that were validated. */
	if (iomem)
		memcpy_toio((void __iomem __force *)va, rsc->snap, rsc->size);
	else
		memcpy(va, rsc->snap, rsc->size);
	return 0;
}

/*
 * The platform's callback gets a copy of the entry's body as it was
 * validated, never the table the remote can rewrite while it runs; what
 * the callback wrote into the copy is then written into that table.
 */
static int amp_rsc_vendor(struct amp_rsc *rsc, const struct rsc_parse_entry *e)
{
	size_t len = e->body_len;
	void *body;
	int ret;

	if (!rsc->ops->handle_vendor) {
		dev_dbg(rsc->dev, "resource table: entry %u (vendor type %u) ignored\n",
			e->index, e->type);
		return 0;
	}
	body = kmemdup(rsc->snap + e->body_offset, len, GFP_KERNEL);
	if (len && !body)
		return -ENOMEM;
	ret = rsc->ops->handle_vendor(rsc->rproc, e->type, body, len);
	if (ret)
		dev_err(rsc->dev, "resource table: entry %u (vendor type %u) refused by the platform: %d\n",
			e->index, e->type, ret);
	else if (memcmp(body, rsc->snap + e->body_offset, len))
		amp_rsc_table_write(rsc, e->body_offset, body, len);
	kfree(body);
	return ret;
}

static void amp_rsc_unprepare(struct rproc_subdev *subdev)
{
	struct amp_rsc *rsc = container_of(subdev, struct amp_rsc, subdev);
	u32 i;

	for (i = 0; i < rsc->num_traces; i++)
		amp_rsc_trace_remove(&rsc->traces[i]);
	for (i = 0; i < rsc->num_vdevs; i++)
		amp_rsc_vring_release(&rsc->vdevs[i]);
	rsc->table = NULL;
	rsc->table_iomem = false;
	rsc->prepared = false;
}

static int amp_rsc_prepare(struct rproc_subdev *subdev)
{
	struct amp_rsc *rsc = container_of(subdev, struct amp_rsc, subdev);
	u32 i;
	int ret;

	if (rsc->mode == AMP_RSC_MODE_NONE)
		return 0;
	rsc->frozen = false;
	ret = amp_rsc_locate(rsc);
	if (ret)
		return ret;

	for (i = 0; i < rsc->num_carveouts; i++) {
		ret = amp_rsc_mem_carveout_write_back(&rsc->carveouts[i]);
		if (ret)
			goto fail;
	}
	for (i = 0; i < rsc->num_vdevs; i++) {
		ret = amp_rsc_vring_place(&rsc->vdevs[i]);
		if (ret)
			goto fail;
	}
	for (i = 0; i < rsc->num; i++) {
		const struct rsc_parse_entry *e = &rsc->entries[i];

		if (e->kind == RSC_PARSE_KIND_VENDOR) {
			ret = amp_rsc_vendor(rsc, e);
			if (ret)
				goto fail;
		} else if (e->kind == RSC_PARSE_KIND_UNKNOWN) {
			dev_dbg(rsc->dev, "resource table: entry %u (type %u) unknown, ignored\n",
				e->index, e->type);
		}
	}
	for (i = 0; i < rsc->num_traces; i++)
		amp_rsc_trace_add(&rsc->traces[i]);
	rsc->prepared = true;
	return 0;

fail:
	amp_rsc_unprepare(subdev);
	return ret;
}

static int amp_rsc_start(struct rproc_subdev *subdev)
{
	struct amp_rsc *rsc = container_of(subdev, struct amp_rsc, subdev);
	u32 i;
	int ret;

	if (!rsc->prepared)
		return 0;
	for (i = 0; i < rsc->num_vdevs; i++) {
		ret = amp_rsc_virtio_add(&rsc->vdevs[i]);
		if (ret)
			goto fail;
	}
	return 0;

fail:
	while (i--)
		amp_rsc_virtio_remove(&rsc->vdevs[i]);
	return ret;
}

/*
 * A remote that keeps running after a detach gets back the status and
 * features it had when Linux attached, as the remoteproc core restores its
 * clean copy of the table: the next host starts from the same table.
 */
static void amp_rsc_restore_attached(struct amp_rsc *rsc)
{
	u32 i;

	for (i = 0; i < rsc->num_vdevs; i++) {
		const struct rsc_parse_vdev *v = &rsc->vdevs[i].e->vdev;

		amp_rsc_table_write(rsc, v->status_offset,
				    rsc->snap + v->status_offset, 1);
		amp_rsc_table_write(rsc, v->gfeatures_offset,
				    rsc->snap + v->gfeatures_offset, 4);
	}
}

/*
 * A remote the host loaded sees each virtio device reset as it goes away
 * (DRIVER_OK gone from the status in its table, as with the core's own
 * transport), before the platform asks it to stop: one that is sending
 * learns the host is gone instead of waiting for buffers that will not
 * come back. A remote that was attached to keeps the table as it was
 * found, for the next host. From then on nothing is written: the remote
 * is halted, or runs on and owns its table.
 */
static void amp_rsc_stop(struct rproc_subdev *subdev, bool crashed)
{
	struct amp_rsc *rsc = container_of(subdev, struct amp_rsc, subdev);
	u32 i = rsc->num_vdevs;

	if (rsc->mode == AMP_RSC_MODE_ATTACH) {
		amp_rsc_restore_attached(rsc);
		rsc->frozen = true;
	}
	while (i--)
		amp_rsc_virtio_remove(&rsc->vdevs[i]);
	rsc->frozen = true;
}

struct amp_rsc *amp_rsc_create(struct rproc *rproc,
			       const struct amp_rsc_ops *ops,
			       const struct amp_rsc_region *regions,
			       unsigned int num_regions)
{
	struct amp_rsc *rsc;

	if (!rproc || !ops || (num_regions && !regions))
		return ERR_PTR(-EINVAL);

	rsc = kzalloc(sizeof(*rsc), GFP_KERNEL);
	if (!rsc)
		return ERR_PTR(-ENOMEM);
	rsc->rproc = rproc;
	rsc->dev = rproc->dev.parent;
	rsc->ops = ops;
	rsc->regions = regions;
	rsc->num_regions = num_regions;
	mutex_init(&rsc->lock);

	rsc->subdev.prepare = amp_rsc_prepare;
	rsc->subdev.start = amp_rsc_start;
	rsc->subdev.stop = amp_rsc_stop;
	rsc->subdev.unprepare = amp_rsc_unprepare;
	rproc_add_subdev(rproc, &rsc->subdev);
	return rsc;
}
EXPORT_SYMBOL_GPL(amp_rsc_create);

void amp_rsc_destroy(struct amp_rsc *rsc)
{
	u32 i;

	if (!rsc)
		return;
	rproc_remove_subdev(rsc->rproc, &rsc->subdev);
	/*
	 * Still prepared: rproc_del() did not stop the remote (another user
	 * still held it) and removed the rproc's debugfs directory, trace
	 * files included. Finish the stop sequence without them, then
	 * release what the core's shutdown would have.
	 */
	if (rsc->prepared) {
		for (i = 0; i < rsc->num_traces; i++)
			rsc->traces[i].file = NULL;
		amp_rsc_stop(&rsc->subdev, true);
		amp_rsc_unprepare(&rsc->subdev);
	}
	/*
	 * And whatever else the core left registered: a recovery that failed
	 * to restart the remote releases nothing (the rproc stays "offline"
	 * with its carveouts and coredump segments, and rproc_del() does
	 * not shut an offline remote down). Empty lists cost nothing.
	 */
	rproc_resource_cleanup(rsc->rproc);
	mutex_lock(&rsc->lock);
	amp_rsc_free_state(rsc);
	mutex_unlock(&rsc->lock);
	mutex_destroy(&rsc->lock);
	kfree(rsc);
}
EXPORT_SYMBOL_GPL(amp_rsc_destroy);

static void amp_rsc_devm_destroy(void *rsc)
{
	amp_rsc_destroy(rsc);
}

struct amp_rsc *devm_amp_rsc_create(struct device *dev, struct rproc *rproc,
				    const struct amp_rsc_ops *ops,
				    const struct amp_rsc_region *regions,
				    unsigned int num_regions)
{
	struct amp_rsc *rsc;
	int ret;

	rsc = amp_rsc_create(rproc, ops, regions, num_regions);
	if (IS_ERR(rsc))
		return rsc;
	ret = devm_add_action_or_reset(dev, amp_rsc_devm_destroy, rsc);
	if (ret)
		return ERR_PTR(ret);
	return rsc;
}
EXPORT_SYMBOL_GPL(devm_amp_rsc_create);

MODULE_DESCRIPTION("AMP remoteproc resource table handler for platform drivers");
MODULE_LICENSE("GPL");
