// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the resource handlers of amp_rsc: carveouts, devmem,
 * traces, vring placement, write-back into the loaded table, vendor
 * entries and the unwinding of every failure.
 *
 * Tables are laid out byte by byte, handed over as parse_fw would
 * (amp_rsc_load()), and the prepare step the core runs after the ELF
 * loader is called directly. "Device memory" is kzalloc'd: the remote's
 * memory window through the fake da_to_va(), and platform regions whose pa
 * is the buffer's physical address.
 */

#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/io.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/remoteproc.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/internal/compat.h>
#include <amp/rsc.h>
#include <amp/abi/rsc_table.h>

#include "../drivers/rsc/rsc_priv.h"
#include "amp_rsc_kunit.h"

#define RH_REGION_DA 0x30000000U
#define RH_REGION_SIZE 0x4000U

/**
 * struct rh_region - a platform region backed by kernel memory
 * @buf: the memory
 * @r: its description
 */
struct rh_region {
	u8 *buf;
	struct amp_rsc_region r;
};

static void rh_region(struct rt *t, struct rh_region *reg, const char *name,
		      u32 da, u32 size, unsigned int flags)
{
	reg->buf = kunit_kzalloc(t->test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t->test, reg->buf);
	reg->r = (struct amp_rsc_region){
		.pa = virt_to_phys(reg->buf),
		.da = da,
		.size = size,
		.va = reg->buf,
		.flags = flags,
	};
	strscpy(reg->r.name, name, sizeof(reg->r.name));
}

static u32 rh_pa(struct rh_region *reg, u32 off)
{
	return (u32)(reg->r.pa + off);
}

/* Test that a carveout named like a platform region is placed in it. */
static void rh_carveout_by_name(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;
	struct rsc_carveout *co;
	bool iomem = true;
	u32 body;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	body = amp_tb_body(amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY,
					   AMP_RSC_ADDR_ANY, 0x1000, "shm"));
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);

	co = &t->rsc->carveouts[0];
	KUNIT_ASSERT_NOT_NULL(test, co->mem);
	KUNIT_EXPECT_PTR_EQ(test, co->va, (void *)reg.buf);
	KUNIT_EXPECT_EQ(test, co->da, (u64)RH_REGION_DA);
	KUNIT_EXPECT_PTR_EQ(test, rproc_da_to_va(t->rproc, RH_REGION_DA + 0x10,
						 4, &iomem),
			    (void *)(reg.buf + 0x10));
	KUNIT_EXPECT_FALSE(test, iomem);
	KUNIT_EXPECT_STREQ(test, co->mem->name, "shm");

	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body), RH_REGION_DA);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body + 4), rh_pa(&reg, 0));
	rt_unprepare(t);
}

/* Test that a carveout with a fixed da lands in the region holding it. */
static void rh_carveout_by_da(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;
	u32 body;

	rh_region(t, &reg, "ddr", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	body = amp_tb_body(amp_tb_carveout(t->tb, RH_REGION_DA + 0x2000,
					   AMP_RSC_ADDR_ANY, 0x800, "text"));
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_EXPECT_PTR_EQ(test, t->rsc->carveouts[0].va,
			    (void *)(reg.buf + 0x2000));
	KUNIT_EXPECT_PTR_EQ(test, rproc_da_to_va(t->rproc,
						 RH_REGION_DA + 0x2000, 0x800,
						 NULL),
			    (void *)(reg.buf + 0x2000));

	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body), RH_REGION_DA + 0x2000);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body + 4), rh_pa(&reg, 0x2000));
	rt_unprepare(t);
}

/* Test that a carveout no region matches is allocated with the DMA API. */
static void rh_carveout_alloc(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rsc_carveout *co;
	u32 body;

	rt_create(t, NULL, 0);
	rt_table(t, 1);
	body = amp_tb_body(amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY,
					   AMP_RSC_ADDR_ANY, 0x2000, "heap"));
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);

	co = &t->rsc->carveouts[0];
	KUNIT_ASSERT_NOT_NULL(test, co->mem);
	KUNIT_EXPECT_TRUE(test, co->dma);
	KUNIT_EXPECT_EQ(test, co->da, (u64)co->pa);
	KUNIT_EXPECT_PTR_EQ(test, rproc_da_to_va(t->rproc, co->da + 0x100,
						 0x100, NULL),
			    co->va + 0x100);

	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body), (u32)co->pa);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body + 4), (u32)co->pa);
	rt_unprepare(t);

	/* The core's cleanup at shutdown releases it through our callback. */
	rproc_resource_cleanup(t->rproc);
	KUNIT_EXPECT_NULL(test, co->mem);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/* Test that a fixed da no region holds and allocation misses is refused. */
static void rh_carveout_fixed_da_refused(struct kunit *test)
{
	struct rt *t = test->priv;

	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000, "first");
	amp_tb_carveout(t->tb, 0x10, AMP_RSC_ADDR_ANY, 0x1000, "fixed");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
	KUNIT_EXPECT_EQ(test, t->rsc->num_carveouts, 0U);
	KUNIT_EXPECT_EQ(test, (int)t->rsc->mode, (int)AMP_RSC_MODE_NONE);
}

/* Test that a fixed pa other than the named region's is refused. */
static void rh_carveout_fixed_pa_refused(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, rh_pa(&reg, 0x1000), 0x1000, "shm");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/* Test that a fixed pa matching the region's pa at the da is accepted. */
static void rh_carveout_fixed_pa_fits(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, RH_REGION_DA + 0x1000, rh_pa(&reg, 0x1000),
			0x1000, "shm");
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_EXPECT_PTR_EQ(test, t->rsc->carveouts[0].va,
			    (void *)(reg.buf + 0x1000));
}

/* Test that a carveout longer than its named region is refused. */
static void rh_carveout_too_long(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY,
			RH_REGION_SIZE + 1, "shm");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/* Test that devmem inside a region flagged for devmem is accepted. */
static void rh_devmem_accepted(struct kunit *test)
{
	struct rt *t = test->priv;
	const struct amp_rsc_region reg = {
		.name = "periph", .pa = 0x0a000000, .da = 0x4a000000,
		.size = 0x10000, .flags = AMP_RSC_REGION_DEVMEM,
	};

	rt_create(t, &reg, 1);
	rt_table(t, 1);
	amp_tb_mem(t->tb, AMP_RSC_DEVMEM, 0x4a001000, 0x0a001000, 0x1000, "uart");
	KUNIT_EXPECT_EQ(test, rt_load(t), 0);
}

/* Test that devmem outside any devmem region is refused, unwinding all. */
static void rh_devmem_refused(struct kunit *test)
{
	struct rt *t = test->priv;
	const struct amp_rsc_region regs[] = {
		{ .name = "periph", .pa = 0x0a000000, .da = 0x4a000000,
		  .size = 0x10000, .flags = AMP_RSC_REGION_DEVMEM },
		/* Memory, not a devmem window, even though it holds the range. */
		{ .name = "ram", .pa = 0x0b000000, .da = 0x4b000000,
		  .size = 0x10000 },
	};

	rt_create(t, regs, ARRAY_SIZE(regs));
	rt_table(t, 3);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000, "heap");
	amp_tb_mem(t->tb, AMP_RSC_DEVMEM, 0x4a001000, 0x0a001000, 0x1000, "uart");
	amp_tb_mem(t->tb, AMP_RSC_DEVMEM, 0x4b000000, 0x0b000000, 0x1000, "ram");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EPERM);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));

	/* Right da, wrong pa. */
	rt_table(t, 1);
	amp_tb_mem(t->tb, AMP_RSC_DEVMEM, 0x4a001000, 0x0a002000, 0x1000, "uart");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EPERM);
}

/* Test that a table the parser rejects leaves nothing behind. */
static void rh_bad_table(struct kunit *test)
{
	struct rt *t = test->priv;

	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000, "heap");
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0, "empty");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_NULL(test, t->rsc->snap);
	KUNIT_EXPECT_NULL(test, t->rsc->entries);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
	/* Without a table, prepare has nothing to do. */
	KUNIT_EXPECT_EQ(test, rt_prepare(t), 0);
}

/* Test that prepare fails when the table was not loaded where promised. */
static void rh_table_not_loaded(struct kunit *test)
{
	struct rt *t = test->priv;

	rt_create(t, NULL, 0);
	rt_table(t, 0);
	KUNIT_ASSERT_EQ(test, amp_rsc_load(t->rsc, t->tb->buf, t->tb->size,
					   RT_FW_DA + RT_FW_SIZE), 0);
	KUNIT_EXPECT_EQ(test, rt_prepare(t), -EINVAL);
	KUNIT_EXPECT_FALSE(test, t->rsc->prepared);
}

/* Test that host-placed vrings are packed into the vdev's carveout. */
static void rh_vring_in_carveout(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;
	u32 vdev, vr0, vr1, size0;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 2);
	vdev = amp_tb_body(amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2));
	vr0 = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	vr1 = amp_tb_vring(t->tb, 0, 16, 8, 2);
	/* NuttX: the carveout right after the vdev holds its vrings. */
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000, "shm");
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);

	/* 8 descriptors, align 16: 160 bytes to the used ring, 70 of it. */
	size0 = (u32)amp_rsc_vring_bytes(8, 16);
	KUNIT_EXPECT_EQ(test, size0, 230U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0), RH_REGION_DA);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0 + 16), rh_pa(&reg, 0));
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1), RH_REGION_DA + 240);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1 + 16), rh_pa(&reg, 240));
	/* The host's ids replace the table's 1 and 2 (v1 semantics). */
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0 + 12), 0U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1 + 12), 1U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vdev + 4), 0U);
	KUNIT_EXPECT_PTR_EQ(test, t->rsc->vdevs[0].vring[1].va,
			    (void *)(reg.buf + 240));
	rt_unprepare(t);
}

/* Test that regions named vdev<N>vring<M> take host-placed vrings. */
static void rh_vring_named_region(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg[2];
	struct amp_rsc_region r[2];
	u32 vr0, vr1;

	rh_region(t, &reg[0], "vdev0vring0", RH_REGION_DA, 0x1000, 0);
	rh_region(t, &reg[1], "vdev0vring1", RH_REGION_DA + 0x1000, 0x1000, 0);
	r[0] = reg[0].r;
	r[1] = reg[1].r;
	rt_create(t, r, 2);
	rt_table(t, 1);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	vr0 = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 0x100, 8, 1);
	vr1 = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 0x100, 8, 2);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0), RH_REGION_DA);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1), RH_REGION_DA + 0x1000);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1 + 16), rh_pa(&reg[1], 0));
	KUNIT_EXPECT_PTR_EQ(test, t->rsc->vdevs[0].vring[1].va,
			    (void *)reg[1].buf);
	rt_unprepare(t);
}

/*
 * Test that a vdev's own carveout takes its vrings even where regions
 * named vdev<N>vring<M> exist.
 */
static void rh_vring_carveout_before_named_region(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg[3];
	struct amp_rsc_region r[3];
	u32 vr0, vr1;

	rh_region(t, &reg[0], "vdev0vring0", RH_REGION_DA, 0x1000, 0);
	rh_region(t, &reg[1], "vdev0vring1", RH_REGION_DA + 0x1000, 0x1000, 0);
	rh_region(t, &reg[2], "vdev0", RH_REGION_DA + 0x2000, 0x1000, 0);
	r[0] = reg[0].r;
	r[1] = reg[1].r;
	r[2] = reg[2].r;
	rt_create(t, r, 3);
	rt_table(t, 2);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 3, 1, 0, 2);
	vr0 = amp_tb_vring(t->tb, 0, 0x100, 8, 0);
	vr1 = amp_tb_vring(t->tb, 0, 0x100, 8, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000, "vdev0");
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	/* Align 0x100: ring 0 takes 326 bytes, ring 1 starts at 0x200. */
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0), RH_REGION_DA + 0x2000);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1), RH_REGION_DA + 0x2200);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1 + 16), rh_pa(&reg[2], 0x200));
	KUNIT_EXPECT_PTR_EQ(test, t->rsc->vdevs[0].vring[1].va,
			    (void *)(reg[2].buf + 0x200));
	rt_unprepare(t);
}

/* Test that a named vring region too small for the ring is refused. */
static void rh_vring_region_too_small(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;

	rh_region(t, &reg, "vdev0vring0", RH_REGION_DA, 64, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_EXPECT_EQ(test, rt_prepare(t), -EINVAL);
	KUNIT_EXPECT_FALSE(test, t->rsc->vdevs[0].placed);
}

/* Test that vrings with nowhere else to go are DMA-allocated. */
static void rh_vring_dma(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rsc_vring *v0, *v1;
	u32 vr0, vr1;

	rt_create(t, NULL, 0);
	rt_table(t, 1);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	vr0 = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 0x1000, 16, 1);
	vr1 = amp_tb_vring(t->tb, 0, 0x1000, 16, 2);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);

	v0 = &t->rsc->vdevs[0].vring[0];
	v1 = &t->rsc->vdevs[0].vring[1];
	KUNIT_EXPECT_TRUE(test, v0->dma);
	KUNIT_EXPECT_TRUE(test, v1->dma);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0), (u32)v0->pa);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr1), (u32)v1->pa);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0) & 0xfffU, 0U);
	KUNIT_EXPECT_NE(test, rt_loaded32(t, vr0), rt_loaded32(t, vr1));
	KUNIT_EXPECT_EQ(test, (u64)v0->size, amp_rsc_vring_bytes(16, 0x1000));
	rt_unprepare(t);
	KUNIT_EXPECT_FALSE(test, v0->dma);
}

/* Test that a fixed vring da inside a platform region is translated. */
static void rh_vring_fixed_inside(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;
	u32 vr0;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	vr0 = amp_tb_vring(t->tb, RH_REGION_DA + 0x1000, 16, 8, 1);
	amp_tb_vring(t->tb, RH_REGION_DA + 0x2000, 16, 8, 2);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_PTR_EQ(test, t->rsc->vdevs[0].vring[0].va,
			    (void *)(reg.buf + 0x1000));
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0), RH_REGION_DA + 0x1000);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0 + 16), rh_pa(&reg, 0x1000));
	rt_unprepare(t);
}

/* Test that a fixed vring da outside every region fails and unwinds. */
static void rh_vring_fixed_outside(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 1);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	/* vring 0 is DMA-allocated, then vring 1 fails. */
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	/* Straddles the end of the region. */
	amp_tb_vring(t->tb, RH_REGION_DA + RH_REGION_SIZE - 64, 16, 8, 2);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_EXPECT_EQ(test, rt_prepare(t), -EINVAL);
	KUNIT_EXPECT_FALSE(test, t->rsc->vdevs[0].placed);
	KUNIT_EXPECT_FALSE(test, t->rsc->vdevs[0].vring[0].dma);
	KUNIT_EXPECT_FALSE(test, t->rsc->prepared);
}

/*
 * Test that the host numbers vrings 0, 1, 2... across vdevs in table
 * order and writes the ids back, whatever the table said (v1 semantics).
 */
static void rh_notifyid_v1(struct kunit *test)
{
	struct rt *t = test->priv;
	u32 vdev0, vdev1, vr[4];

	rt_create(t, NULL, 0);
	rt_table(t, 2);
	vdev0 = amp_tb_body(amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2));
	vr[0] = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	vr[1] = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	vdev1 = amp_tb_body(amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 7, 1, 0, 2));
	vr[2] = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, AMP_RSC_NOTIFYID_ANY);
	vr[3] = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 9);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr[0] + 12), 0U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr[1] + 12), 1U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr[2] + 12), 2U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr[3] + 12), 3U);
	KUNIT_EXPECT_EQ(test, t->rsc->vdevs[1].vring[1].notifyid, 3U);
	/* The vdevs' own ids are the remote's business, as in the core. */
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vdev0 + 4), 0U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, vdev1 + 4), 7U);
	rt_unprepare(t);
}

/* Test that a trace read is bounded by len and stops at a NUL. */
static void rh_trace_read(struct kunit *test)
{
	struct rt *t = test->priv;
	u32 da = RT_FW_DA + 0x800;
	char *buf;

	buf = kunit_kzalloc(test, 64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	rt_create(t, NULL, 0);
	rt_table(t, 1);
	amp_tb_trace(t->tb, da, 16, "log");
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);

	/* No NUL anywhere in the buffer, and more text right after it. */
	memset(rt_fw_va(t, da), 'A', 32);
	memset(buf, 'x', 64);
	KUNIT_EXPECT_EQ(test, amp_rsc_trace_copy(&t->rsc->traces[0], buf, 64),
			(ssize_t)16);
	KUNIT_EXPECT_EQ(test, buf[15], 'A');
	KUNIT_EXPECT_EQ(test, buf[16], 'x');

	/* A caller's buffer shorter than the trace bounds it too. */
	KUNIT_EXPECT_EQ(test, amp_rsc_trace_copy(&t->rsc->traces[0], buf, 4),
			(ssize_t)4);

	memcpy(rt_fw_va(t, da), "boot\0AAA", 8);
	KUNIT_EXPECT_EQ(test, amp_rsc_trace_copy(&t->rsc->traces[0], buf, 64),
			(ssize_t)4);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "boot", 4), 0);
	rt_unprepare(t);
}

/**
 * struct rh_vendor - what the vendor callback saw
 * @calls: number of calls
 * @type: entry type
 * @len: body length
 * @body: first body bytes
 */
struct rh_vendor {
	unsigned int calls;
	u32 type;
	size_t len;
	u8 body[8];
};

static struct rh_vendor rh_vendor_seen;

static int rh_vendor_cb(struct rproc *rproc, u32 type, void *body, size_t len)
{
	rh_vendor_seen.calls++;
	rh_vendor_seen.type = type;
	rh_vendor_seen.len = len;
	memcpy(rh_vendor_seen.body, body, min(len, sizeof(rh_vendor_seen.body)));
	/* The handler may answer the remote in the entry. */
	put_unaligned_le32(0xfeedf00d, body);
	return 0;
}

/* Test that a vendor entry reaches the callback with its exact body. */
static void rh_vendor_callback(struct kunit *test)
{
	struct rt *t = test->priv;
	u32 body;

	memset(&rh_vendor_seen, 0, sizeof(rh_vendor_seen));
	t->ops.handle_vendor = rh_vendor_cb;
	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_trace(t->tb, RT_FW_DA + 0x800, 16, "log");
	body = amp_tb_body(amp_tb_entry(t->tb, 200));
	amp_tb_u32(t->tb, 0x11223344);
	amp_tb_u32(t->tb, 0x55667788);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);

	KUNIT_EXPECT_EQ(test, rh_vendor_seen.calls, 1U);
	KUNIT_EXPECT_EQ(test, rh_vendor_seen.type, 200U);
	KUNIT_EXPECT_EQ(test, rh_vendor_seen.len, (size_t)8);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(rh_vendor_seen.body),
			0x11223344U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(rh_vendor_seen.body + 4),
			0x55667788U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body), 0xfeedf00dU);
	rt_unprepare(t);
}

static int rh_vendor_refuse(struct rproc *rproc, u32 type, void *body,
			    size_t len)
{
	return -EOPNOTSUPP;
}

/* Test that a refusing vendor callback fails prepare and unwinds vrings. */
static void rh_vendor_refused(struct kunit *test)
{
	struct rt *t = test->priv;

	t->ops.handle_vendor = rh_vendor_refuse;
	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	amp_tb_entry(t->tb, 300);
	amp_tb_u32(t->tb, 0);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_EXPECT_EQ(test, rt_prepare(t), -EOPNOTSUPP);
	KUNIT_EXPECT_FALSE(test, t->rsc->vdevs[0].placed);
	KUNIT_EXPECT_FALSE(test, t->rsc->vdevs[0].vring[0].dma);
}

/* Test that vendor and unknown entries without a callback are ignored. */
static void rh_vendor_ignored(struct kunit *test)
{
	struct rt *t = test->priv;

	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_entry(t->tb, 200);
	amp_tb_u32(t->tb, 1);
	amp_tb_entry(t->tb, 77);
	amp_tb_u32(t->tb, 2);
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_EXPECT_EQ(test, rt_prepare(t), 0);
	rt_unprepare(t);
}

/* Test that a vdev without a platform kick callback is refused. */
static void rh_vdev_needs_kick(struct kunit *test)
{
	struct rt *t = test->priv;

	t->ops.kick = NULL;
	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000, "heap");
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/* Test that a restart re-runs from the cached table and writes again. */
static void rh_restart(struct kunit *test)
{
	struct rt *t = test->priv;
	u32 body, vr0, pa;
	int i;

	rt_create(t, NULL, 0);
	rt_table(t, 2);
	amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	vr0 = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	body = amp_tb_body(amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY,
					   AMP_RSC_ADDR_ANY, 0x2000, "heap"));
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	pa = (u32)t->rsc->carveouts[0].pa;

	for (i = 0; i < 3; i++) {
		/* Recovery reloads the image: the table is fresh each time. */
		memset(t->fw + RT_TABLE_OFF, 0, RT_TABLE_MAX);
		KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
		KUNIT_EXPECT_EQ(test, rt_loaded32(t, body + 4), pa);
		/* The vdev's vrings go into the carveout after it. */
		KUNIT_EXPECT_EQ(test, rt_loaded32(t, vr0), pa);
		KUNIT_EXPECT_EQ(test, rt_loaded32(t, 0), (u32)AMP_RSC_TABLE_V1);
		rt_stop(t);
		rt_unprepare(t);
	}
}

/*
 * Test that attaching takes no memory from the remote's word: a carveout
 * in no region of the platform is refused, and nothing is mapped at the
 * physical address it names (kernel RAM here).
 */
static void rh_attach_unknown_memory(struct kunit *test)
{
	struct rt *t = test->priv;
	u8 *ram = kunit_kzalloc(test, 0x1000, GFP_KERNEL);
	u8 *table = t->fw + RT_TABLE_OFF;

	KUNIT_ASSERT_NOT_NULL(test, ram);
	rt_create(t, NULL, 0);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, 0x30000000, (u32)virt_to_phys(ram), 0x1000,
			"heap");
	memcpy(table, t->tb->buf, t->tb->size);
	KUNIT_EXPECT_EQ(test, amp_rsc_attach(t->rsc, table, t->tb->size, false),
			-EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/*
 * Test that a table larger than a table may be is refused before it is
 * copied, and that a running remote's is read only up to that size.
 */
static void rh_table_too_large(struct kunit *test)
{
	struct rt *t = test->priv;
	u8 *big = kunit_kzalloc(test, RSC_PARSE_MAX_SIZE + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, big);
	rt_create(t, NULL, 0);
	rt_table(t, 0);
	memcpy(big, t->tb->buf, t->tb->size);
	KUNIT_EXPECT_EQ(test, amp_rsc_load(t->rsc, big, RSC_PARSE_MAX_SIZE + 1,
					   RT_TABLE_DA), -E2BIG);
	KUNIT_EXPECT_EQ(test, amp_rsc_attach(t->rsc, big,
					     RSC_PARSE_MAX_SIZE + 1, false), 0);
	KUNIT_EXPECT_EQ(test, t->rsc->size, (size_t)RSC_PARSE_MAX_SIZE);
}

/* Test that a carveout no region holds, larger than the host allocates, is refused. */
static void rh_carveout_alloc_too_large(struct kunit *test)
{
	struct rt *t = test->priv;

	rt_create(t, NULL, 0);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0xfffff000,
			"huge");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/*
 * Test that a carveout is not placed in a region that holds a vdev's
 * vrings or buffers, by name or by da.
 */
static void rh_carveout_reserved_region(struct kunit *test)
{
	struct rt *t = test->priv;
	struct amp_rsc_region regs[2];
	struct rh_region vring;

	rh_region(t, &vring, "vdev0vring0", RH_REGION_DA, RH_REGION_SIZE, 0);
	regs[0] = vring.r;
	regs[1] = (struct amp_rsc_region){
		.name = "vdev0buffer", .pa = 0x0b000000, .da = 0x4b000000,
		.size = 0x10000, .flags = AMP_RSC_REGION_DMA_POOL,
	};
	rt_create(t, regs, ARRAY_SIZE(regs));
	rt_table(t, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000,
			"vdev0buffer");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000,
			"vdev0vring0");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, RH_REGION_DA + 0x1000, AMP_RSC_ADDR_ANY, 0x1000,
			"text");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/*
 * Test that amp_rsc never maps a region itself: one the platform gave no
 * mapping for (kernel RAM here) takes no carveout, and is not remapped.
 */
static void rh_region_unmapped(struct kunit *test)
{
	struct rt *t = test->priv;
	u8 *ram = kunit_kzalloc(test, 0x2000, GFP_KERNEL);
	struct amp_rsc_region reg = {
		.name = "ram", .da = RH_REGION_DA, .size = 0x2000,
	};

	KUNIT_ASSERT_NOT_NULL(test, ram);
	reg.pa = virt_to_phys(ram);
	rt_create(t, &reg, 1);
	rt_table(t, 1);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000,
			"ram");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/*
 * Test that two carveouts placed over the same memory are refused: a
 * fixed da in a region, and another carveout of the region's name.
 */
static void rh_carveout_alias(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;

	rh_region(t, &reg, "shm", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 2);
	amp_tb_carveout(t->tb, RH_REGION_DA, AMP_RSC_ADDR_ANY, 0x1000, "text");
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x1000,
			"shm");
	KUNIT_EXPECT_EQ(test, rt_load(t), -EINVAL);
	KUNIT_EXPECT_TRUE(test, list_empty(&t->rproc->carveouts));
}

/*
 * Test that a trace buffer inside a carveout is accepted: the remote
 * writes its log in its own memory, the host only reads it.
 */
static void rh_trace_in_carveout(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_region reg;
	char buf[8] = {};

	rh_region(t, &reg, "ddr", RH_REGION_DA, RH_REGION_SIZE, 0);
	rt_create(t, &reg.r, 1);
	rt_table(t, 2);
	amp_tb_carveout(t->tb, RH_REGION_DA + 0x1000, AMP_RSC_ADDR_ANY, 0x1000,
			"text");
	amp_tb_trace(t->tb, RH_REGION_DA + 0x1800, 0x100, "log");
	KUNIT_ASSERT_EQ(test, rt_load(t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	memcpy(reg.buf + 0x1800, "up\n", 4);
	KUNIT_EXPECT_EQ(test, amp_rsc_trace_copy(&t->rsc->traces[0], buf,
						 sizeof(buf)), 3);
	KUNIT_EXPECT_STREQ(test, buf, "up\n");
	rt_unprepare(t);
}

/*
 * Test that a vendor callback of an attached remote works on a copy of
 * what was validated, whatever the remote wrote in its table since, and
 * that its answer reaches the table.
 */
static void rh_vendor_snapshot(struct kunit *test)
{
	struct rt *t = test->priv;
	u8 *table = t->fw + RT_TABLE_OFF;
	u32 body;

	memset(&rh_vendor_seen, 0, sizeof(rh_vendor_seen));
	t->ops.handle_vendor = rh_vendor_cb;
	rt_create(t, NULL, 0);
	rt_table(t, 1);
	body = amp_tb_body(amp_tb_entry(t->tb, 200));
	amp_tb_u32(t->tb, 0x11223344);
	amp_tb_u32(t->tb, 0x55667788);
	memcpy(table, t->tb->buf, t->tb->size);
	KUNIT_ASSERT_EQ(test, amp_rsc_attach(t->rsc, table, t->tb->size, false),
			0);
	/* The running remote rewrites the entry after the snapshot. */
	put_unaligned_le32(0xbad0bad0, table + body + 4);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(rh_vendor_seen.body + 4),
			0x55667788U);
	KUNIT_EXPECT_EQ(test, rt_loaded32(t, body), 0xfeedf00dU);
	rt_unprepare(t);
}

/* A thread calling amp_rsc_notify() until told to stop. */
struct rh_notifier {
	struct amp_rsc *rsc;
	struct completion done;
	bool stop;
};

static int rh_notify_loop(void *data)
{
	struct rh_notifier *n = data;

	while (!READ_ONCE(n->stop)) {
		amp_rsc_notify(n->rsc, AMP_RSC_NOTIFY_ALL);
		cond_resched();
	}
	complete(&n->done);
	return 0;
}

/*
 * Test that amp_rsc_notify() running all the time while tables are
 * loaded and dropped never sees a half-built state (KASAN and lockdep
 * watch the race).
 */
static void rh_notify_races_load(struct kunit *test)
{
	struct rt *t = test->priv;
	struct rh_notifier n = {};
	struct task_struct *task;
	int i;

	rt_create(t, NULL, 0);
	n.rsc = t->rsc;
	init_completion(&n.done);
	task = kthread_run(rh_notify_loop, &n, "amp-rsc-notify");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	for (i = 0; i < 200; i++) {
		rt_table(t, 2);
		amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
		amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
		amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
		amp_tb_vdev(t->tb, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
		amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 3);
		amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 4);
		KUNIT_ASSERT_EQ(test, rt_load(t), 0);
		KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
		rt_unprepare(t);
	}
	WRITE_ONCE(n.stop, true);
	wait_for_completion(&n.done);
}

static struct kunit_case amp_rsc_handlers_cases[] = {
	KUNIT_CASE(rh_carveout_by_name),
	KUNIT_CASE(rh_carveout_by_da),
	KUNIT_CASE(rh_carveout_alloc),
	KUNIT_CASE(rh_carveout_fixed_da_refused),
	KUNIT_CASE(rh_carveout_fixed_pa_refused),
	KUNIT_CASE(rh_carveout_fixed_pa_fits),
	KUNIT_CASE(rh_carveout_too_long),
	KUNIT_CASE(rh_devmem_accepted),
	KUNIT_CASE(rh_devmem_refused),
	KUNIT_CASE(rh_bad_table),
	KUNIT_CASE(rh_table_not_loaded),
	KUNIT_CASE(rh_vring_in_carveout),
	KUNIT_CASE(rh_vring_named_region),
	KUNIT_CASE(rh_vring_carveout_before_named_region),
	KUNIT_CASE(rh_vring_region_too_small),
	KUNIT_CASE(rh_vring_dma),
	KUNIT_CASE(rh_vring_fixed_inside),
	KUNIT_CASE(rh_vring_fixed_outside),
	KUNIT_CASE(rh_notifyid_v1),
	KUNIT_CASE(rh_trace_read),
	KUNIT_CASE(rh_vendor_callback),
	KUNIT_CASE(rh_vendor_refused),
	KUNIT_CASE(rh_vendor_snapshot),
	KUNIT_CASE(rh_attach_unknown_memory),
	KUNIT_CASE(rh_table_too_large),
	KUNIT_CASE(rh_carveout_alloc_too_large),
	KUNIT_CASE(rh_carveout_reserved_region),
	KUNIT_CASE(rh_region_unmapped),
	KUNIT_CASE(rh_carveout_alias),
	KUNIT_CASE(rh_trace_in_carveout),
	KUNIT_CASE(rh_notify_races_load),
	KUNIT_CASE(rh_vendor_ignored),
	KUNIT_CASE(rh_vdev_needs_kick),
	KUNIT_CASE(rh_restart),
	{}
};

static struct kunit_suite amp_rsc_handlers_suite = {
	.name = "amp_rsc_handlers",
	.init = rt_init,
	.exit = rt_exit,
	.test_cases = amp_rsc_handlers_cases,
};

kunit_test_suite(amp_rsc_handlers_suite);
