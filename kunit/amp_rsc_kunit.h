/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixture shared by the KUnit suites of the resource table handler: a real
 * struct rproc on a platform device the test registers, fake rproc ops
 * whose da_to_va() maps a kzalloc'd "device memory" window, a recording
 * kick callback and a builder laying out v1 tables byte by byte.
 */
#ifndef AMP_RSC_KUNIT_H
#define AMP_RSC_KUNIT_H

#include <kunit/test.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/compat.h>
#include <amp/rsc.h>
#include <amp/rsc_table.h>

#include "../drivers/rsc/rsc_priv.h"

/* The remote's memory as the test fakes it. */
#define RT_FW_DA 0x20000000U
#define RT_FW_SIZE 0x10000U
/* Where the "ELF loader" puts the table in it. */
#define RT_TABLE_OFF 0x100U
#define RT_TABLE_DA (RT_FW_DA + RT_TABLE_OFF)
#define RT_TABLE_MAX 1024U
#define RT_HDR_LEN 16U

/**
 * struct rt - one test's fixture
 * @test: the running test
 * @pdev: the platform device the rproc hangs off
 * @rproc: the remote processor
 * @rsc: the handler, created by rt_create()
 * @fw: the remote's memory, at device address %RT_FW_DA
 * @tbl: table being laid out
 * @size: bytes of @tbl laid out
 * @num: entries added
 * @slots: entries the header declares
 * @ops: platform callbacks handed to the handler
 * @kicks: kick callback calls
 * @last_kick: notify id of the last kick
 */
struct rt {
	struct kunit *test;
	struct platform_device *pdev;
	struct rproc *rproc;
	struct amp_rsc *rsc;
	u8 *fw;
	u8 *tbl;
	u32 size;
	u32 num;
	u32 slots;
	struct amp_rsc_ops ops;
	unsigned int kicks;
	u32 last_kick;
};

static inline struct rt *rt_of(struct rproc *rproc)
{
	return *(struct rt **)rproc->priv;
}

static inline void *rt_da_to_va(struct rproc *rproc, u64 da, size_t len,
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

static inline int rt_nop(struct rproc *rproc)
{
	return 0;
}

static const struct rproc_ops rt_rproc_ops = {
	.start = rt_nop,
	.stop = rt_nop,
	.da_to_va = rt_da_to_va,
};

static inline void rt_kick(struct rproc *rproc, u32 notifyid)
{
	struct rt *t = rt_of(rproc);

	t->kicks++;
	t->last_kick = notifyid;
}

/* Suite init: platform device, rproc, device memory. */
static inline int rt_init(struct kunit *test)
{
	struct rt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	t->test = test;
	t->fw = kunit_kzalloc(test, RT_FW_SIZE, GFP_KERNEL);
	t->tbl = kunit_kzalloc(test, RT_TABLE_MAX, GFP_KERNEL);
	if (!t->fw || !t->tbl)
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

/* Suite exit: everything the handler holds goes, then the rproc. */
static inline void rt_exit(struct kunit *test)
{
	struct rt *t = test->priv;

	if (!t)
		return;
	amp_rsc_destroy(t->rsc);
	rproc_free(t->rproc);
	platform_device_unregister(t->pdev);
}

static inline struct amp_rsc *rt_create(struct rt *t,
					const struct amp_rsc_region *regions,
					unsigned int num)
{
	t->rsc = amp_rsc_create(t->rproc, &t->ops, regions, num);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(t->test, t->rsc);
	return t->rsc;
}

static inline void rt_put32(struct rt *t, u32 off, u32 val)
{
	KUNIT_ASSERT_LE(t->test, off + 4, RT_TABLE_MAX);
	put_unaligned_le32(val, t->tbl + off);
}

static inline void rt_u32(struct rt *t, u32 val)
{
	rt_put32(t, t->size, val);
	t->size += 4;
}

static inline void rt_u8(struct rt *t, u8 val)
{
	KUNIT_ASSERT_LT(t->test, t->size, RT_TABLE_MAX);
	t->tbl[t->size++] = val;
}

static inline void rt_name(struct rt *t, const char *name)
{
	KUNIT_ASSERT_LE(t->test, t->size + AMP_RSC_NAME_LEN, RT_TABLE_MAX);
	memset(t->tbl + t->size, 0, AMP_RSC_NAME_LEN);
	memcpy(t->tbl + t->size, name,
	       min_t(size_t, strlen(name), AMP_RSC_NAME_LEN - 1));
	t->size += AMP_RSC_NAME_LEN;
}

/* A v1 header declaring @slots entries and its offset array. */
static inline void rt_table(struct rt *t, u32 slots)
{
	memset(t->tbl, 0, RT_TABLE_MAX);
	t->size = 0;
	t->num = 0;
	t->slots = slots;
	rt_u32(t, AMP_RSC_TABLE_V1);
	rt_u32(t, slots);
	rt_u32(t, 0);
	rt_u32(t, 0);
	t->size += 4 * slots;
}

/* Starts an entry; returns the offset of its body. */
static inline u32 rt_entry(struct rt *t, u32 type)
{
	KUNIT_ASSERT_LT(t->test, t->num, t->slots);
	rt_put32(t, RT_HDR_LEN + 4 * t->num++, t->size);
	rt_u32(t, type);
	return t->size;
}

static inline u32 rt_mem(struct rt *t, u32 type, u32 da, u32 pa, u32 len,
			 const char *name)
{
	u32 body = rt_entry(t, type);

	rt_u32(t, da);
	rt_u32(t, pa);
	rt_u32(t, len);
	rt_u32(t, 0);
	rt_u32(t, 0);
	rt_name(t, name);
	return body;
}

static inline u32 rt_carveout(struct rt *t, u32 da, u32 pa, u32 len,
			      const char *name)
{
	return rt_mem(t, AMP_RSC_CARVEOUT, da, pa, len, name);
}

static inline u32 rt_trace(struct rt *t, u32 da, u32 len, const char *name)
{
	u32 body = rt_entry(t, AMP_RSC_TRACE);

	rt_u32(t, da);
	rt_u32(t, len);
	rt_u32(t, 0);
	rt_name(t, name);
	return body;
}

/* A vdev header; its vrings follow with rt_vring(), then config bytes. */
static inline u32 rt_vdev(struct rt *t, u32 id, u32 notifyid, u32 dfeatures,
			  u32 config_len, u8 num_vrings)
{
	u32 body = rt_entry(t, AMP_RSC_VDEV);

	rt_u32(t, id);
	rt_u32(t, notifyid);
	rt_u32(t, dfeatures);
	rt_u32(t, 0);
	rt_u32(t, config_len);
	rt_u8(t, 0);
	rt_u8(t, num_vrings);
	rt_u8(t, 0);
	rt_u8(t, 0);
	return body;
}

/* Returns the offset of the vring record. */
static inline u32 rt_vring(struct rt *t, u32 da, u32 align, u32 num,
			   u32 notifyid)
{
	u32 off = t->size;

	rt_u32(t, da);
	rt_u32(t, align);
	rt_u32(t, num);
	rt_u32(t, notifyid);
	rt_u32(t, 0);
	return off;
}

/* A u32 of the table as the remote sees it in its memory. */
static inline u32 rt_loaded32(struct rt *t, u32 off)
{
	return get_unaligned_le32(t->fw + RT_TABLE_OFF + off);
}

static inline int rt_load(struct rt *t)
{
	return amp_rsc_load(t->rsc, t->tbl, t->size, RT_TABLE_DA);
}

/* Host-side address of device address @da in the remote's memory. */
static inline void *rt_fw_va(struct rt *t, u32 da)
{
	return t->fw + (da - RT_FW_DA);
}

#endif /* AMP_RSC_KUNIT_H */
