// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fixture of amp_rsc_kunit.ko (see amp_rsc_kunit.h), and the module's
 * glue: its two suites are in amp_rsc_handlers_kunit.c and
 * amp_rsc_virtio_kunit.c.
 */

#include <kunit/test.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/internal/compat.h>

#include "../drivers/rsc/rsc_priv.h"
#include "amp_rsc_kunit.h"

static struct rt *rt_of(struct rproc *rproc)
{
	return *(struct rt **)rproc->priv;
}

static void *rt_da_to_va(struct rproc *rproc, u64 da, size_t len,
			 bool *is_iomem)
{
	struct rt *t = rt_of(rproc);

	if (da < RT_FW_DA || da - RT_FW_DA > RT_FW_SIZE ||
	    len > RT_FW_SIZE - (da - RT_FW_DA))
		return NULL;
	if (is_iomem)
		*is_iomem = false;
	return t->fw + (da - RT_FW_DA);
}

static int rt_nop(struct rproc *rproc)
{
	return 0;
}

static const struct rproc_ops rt_rproc_ops = {
	.start = rt_nop,
	.stop = rt_nop,
	.da_to_va = rt_da_to_va,
};

static void rt_kick(struct rproc *rproc, u32 notifyid)
{
	struct rt *t = rt_of(rproc);

	t->kicks++;
	t->last_kick = notifyid;
}

/**
 * rt_init() - suite init: platform device, rproc, device memory
 * @test: the test
 *
 * Return: 0 or a negative errno.
 */
int rt_init(struct kunit *test)
{
	struct rt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	t->test = test;
	t->fw = kunit_kzalloc(test, RT_FW_SIZE, GFP_KERNEL);
	if (!t->fw)
		return -ENOMEM;
	t->pdev = platform_device_register_simple("amp-rsc-test",
						  PLATFORM_DEVID_AUTO, NULL, 0);
	if (IS_ERR(t->pdev))
		return PTR_ERR(t->pdev);
	t->rproc = rproc_alloc(&t->pdev->dev, "amp-rsc-test", &rt_rproc_ops,
			       NULL, sizeof(t));
	if (!t->rproc) {
		platform_device_unregister(t->pdev);
		return -ENOMEM;
	}
	*(struct rt **)t->rproc->priv = t;
	t->ops.kick = rt_kick;
	test->priv = t;
	return 0;
}

/**
 * rt_exit() - suite exit: everything the handler holds goes, then the rproc
 * @test: the test
 */
void rt_exit(struct kunit *test)
{
	struct rt *t = test->priv;

	if (!t)
		return;
	amp_rsc_destroy(t->rsc);
	rproc_free(t->rproc);
	platform_device_unregister(t->pdev);
}

/**
 * rt_create() - create the handler under test
 * @t: the fixture
 * @regions: the platform's regions; the handler gets a copy that outlives
 *	the case, since it keeps them
 * @num: number of @regions
 *
 * Return: the handler.
 */
struct amp_rsc *rt_create(struct rt *t, const struct amp_rsc_region *regions,
			  unsigned int num)
{
	struct amp_rsc_region *copy = NULL;

	if (num) {
		copy = kunit_kmalloc_array(t->test, num, sizeof(*copy),
					   GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(t->test, copy);
		memcpy(copy, regions, num * sizeof(*copy));
	}
	t->rsc = amp_rsc_create(t->rproc, &t->ops, copy, num);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(t->test, t->rsc);
	return t->rsc;
}

/**
 * rt_table() - start the table this case loads, declaring @slots entries
 * @t: the fixture
 * @slots: entries
 */
void rt_table(struct rt *t, u32 slots)
{
	t->tb = amp_tb_new(t->test, slots);
}

/**
 * rt_load() - hand the table to the handler as parse_fw does
 * @t: the fixture
 *
 * Return: what amp_rsc_load() returned.
 */
int rt_load(struct rt *t)
{
	KUNIT_ASSERT_LE(t->test, t->tb->size, RT_TABLE_MAX);
	return amp_rsc_load(t->rsc, t->tb->buf, t->tb->size, RT_TABLE_DA);
}

/**
 * rt_loaded32() - a u32 of the table as the remote sees it in its memory
 * @t: the fixture
 * @off: offset in the table
 *
 * Return: the value.
 */
u32 rt_loaded32(struct rt *t, u32 off)
{
	return get_unaligned_le32(t->fw + RT_TABLE_OFF + off);
}

/**
 * rt_fw_va() - host-side address of device address @da in the remote's memory
 * @t: the fixture
 * @da: a device address inside the fake window
 *
 * Return: the address.
 */
void *rt_fw_va(struct rt *t, u32 da)
{
	return t->fw + (da - RT_FW_DA);
}

/**
 * rt_prepare() - the core's prepare of the subdevice
 * @t: the fixture
 *
 * Return: what the hook returned.
 */
int rt_prepare(struct rt *t)
{
	return t->rsc->subdev.prepare(&t->rsc->subdev);
}

/**
 * rt_start() - the core's start of the subdevice
 * @t: the fixture
 *
 * Return: what the hook returned.
 */
int rt_start(struct rt *t)
{
	return t->rsc->subdev.start(&t->rsc->subdev);
}

/**
 * rt_stop() - the core's stop of the subdevice, the remote not crashed
 * @t: the fixture
 */
void rt_stop(struct rt *t)
{
	t->rsc->subdev.stop(&t->rsc->subdev, false);
}

/**
 * rt_unprepare() - the core's unprepare of the subdevice
 * @t: the fixture
 */
void rt_unprepare(struct rt *t)
{
	t->rsc->subdev.unprepare(&t->rsc->subdev);
}

AMP_IMPORT_KUNIT_NS();
MODULE_DESCRIPTION("KUnit tests of the amp_rsc resource handlers and virtio transport");
MODULE_LICENSE("GPL");
