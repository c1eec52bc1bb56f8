// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the virtio transport of amp_rsc: features, config space,
 * status, virtqueues on the written-back vrings, kicks and notifications,
 * the kernel's rpmsg driver binding to a vdev, and attaching to a running
 * remote.
 *
 * Most cases register a vdev of an id no driver claims and drive the
 * transport through the virtio core's helpers, playing the remote by
 * writing the used rings in "device memory" themselves.
 */

#include <kunit/test.h>
#include <linux/module.h>
#include <linux/remoteproc.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include <amp/internal/compat.h>
#include <amp/rsc.h>
#include <amp/abi/rsc_table.h>

#include "../drivers/rsc/rsc_priv.h"
#include "amp_rsc_kunit.h"

/* A virtio device id no driver in the test kernel claims. */
#define RV_ID_NONE 0xabcdU
#define RV_REGION_DA 0x30000000U
#define RV_REGION_SIZE 0x4000U
#define RV_CONFIG_LEN 8U
#define RV_GUARD 0xa5

/**
 * struct rv - a vdev laid out for the transport cases
 * @t: the fixture
 * @shm: memory of the "vdev0" carveout holding the vrings
 * @vdev: offset of the vdev body in the table
 * @vr: offsets of the two vring records
 * @config: offset of the config space
 * @vqs: queues found by rv_find()
 */
struct rv {
	struct rt *t;
	u8 *shm;
	u32 vdev;
	u32 vr[2];
	u32 config;
	struct virtqueue *vqs[2];
};

static unsigned int rv_calls[2];

static void rv_cb(struct virtqueue *vq)
{
	unsigned int len;

	rv_calls[vq->index]++;
	while (virtqueue_get_buf(vq, &len))
		;
}

/*
 * Table: carveout "vdev0" (backed by a platform region), then the vdev with
 * two host-placed vrings and an 8-byte config space 01..08 at the table's
 * end; guard bytes follow the table in device memory.
 */
static struct rv *rv_layout(struct kunit *test, u32 id, u32 dfeatures)
{
	struct rt *t = test->priv;
	struct amp_rsc_region reg;
	struct rv *v;
	u32 i;

	v = kunit_kzalloc(test, sizeof(*v), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	v->t = t;
	v->shm = kunit_kzalloc(test, RV_REGION_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v->shm);
	reg = (struct amp_rsc_region){
		.name = "vdev0", .pa = virt_to_phys(v->shm), .da = RV_REGION_DA,
		.size = RV_REGION_SIZE, .va = v->shm,
	};
	rt_create(t, &reg, 1);

	rt_table(t, 2);
	amp_tb_carveout(t->tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY,
			RV_REGION_SIZE, "vdev0");
	v->vdev = amp_tb_body(amp_tb_vdev(t->tb, id, 0, dfeatures, RV_CONFIG_LEN, 2));
	v->vr[0] = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	v->vr[1] = amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	v->config = t->tb->size;
	for (i = 0; i < RV_CONFIG_LEN; i++)
		amp_tb_u8(t->tb, i + 1);
	return v;
}

static struct virtio_device *rv_start(struct rv *v)
{
	struct kunit *test = v->t->test;
	struct amp_rsc *rsc = v->t->rsc;

	KUNIT_ASSERT_EQ(test, rt_load(v->t), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(v->t), 0);
	memset(v->t->fw + RT_TABLE_OFF + v->t->tb->size, RV_GUARD, 16);
	KUNIT_ASSERT_EQ(test, rt_start(v->t), 0);
	KUNIT_ASSERT_NOT_NULL(test, rsc->vdevs[0].vdev);
	return rsc->vdevs[0].vdev;
}

static void rv_stop(struct rv *v)
{
	rt_stop(v->t);
	rt_unprepare(v->t);
}

static u8 rv_loaded8(struct rv *v, u32 off)
{
	return v->t->fw[RT_TABLE_OFF + off];
}

static int rv_find(struct virtio_device *vdev, struct virtqueue *vqs[2])
{
	const struct amp_vq_info info[2] = {
		{ .name = "rx", .callback = rv_cb },
		{ .name = "tx", .callback = rv_cb },
	};

	return amp_virtio_find_vqs(vdev, 2, vqs, info);
}

/* The shared ring of queue @q: what the remote reads and writes. */
static struct vring *rv_shared(struct rv *v, unsigned int q)
{
	return &v->t->rsc->vdevs[0].vring[q].shared;
}

/*
 * Plays the remote: returns the buffer at descriptor @head of queue @q as
 * used, @len bytes written.
 */
static void rv_used_len(struct rv *v, unsigned int q, u32 head, u32 len)
{
	struct virtio_device *vdev = v->t->rsc->vdevs[0].vdev;
	struct vring *r = rv_shared(v, q);
	u16 idx = virtio16_to_cpu(vdev, r->used->idx);

	r->used->ring[idx % 8].id = cpu_to_virtio32(vdev, head);
	r->used->ring[idx % 8].len = cpu_to_virtio32(vdev, len);
	r->used->idx = cpu_to_virtio16(vdev, idx + 1);
}

static void rv_used(struct rv *v, unsigned int q, u32 head)
{
	rv_used_len(v, q, head, 0);
}

/* Adds a 64-byte receive buffer and tells the remote, as a driver does. */
static void rv_add_buf(struct kunit *test, struct virtqueue *vq)
{
	struct scatterlist sg;
	void *buf = kunit_kzalloc(test, 64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	sg_init_one(&sg, buf, 64);
	KUNIT_ASSERT_EQ(test, virtqueue_add_inbuf(vq, &sg, 1, buf, GFP_KERNEL),
			0);
	virtqueue_kick(vq);
}

/* Test that features are offered, written back and bits above 31 refused. */
static void rv_features(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0x5);
	struct virtio_device *vdev = rv_start(v);

	KUNIT_EXPECT_EQ(test, vdev->config->get_features(vdev), 0x5ULL);
	vdev->features = 0x4;
	KUNIT_EXPECT_EQ(test, vdev->config->finalize_features(vdev), 0);
	KUNIT_EXPECT_EQ(test, rt_loaded32(v->t, v->vdev + 12), 0x4U);

	vdev->features = 0x5 | BIT_ULL(32);
	KUNIT_EXPECT_EQ(test, vdev->config->finalize_features(vdev), -EINVAL);
	KUNIT_EXPECT_EQ(test, rt_loaded32(v->t, v->vdev + 12), 0x4U);
	rv_stop(v);
}

/* Test that config reads and writes inside the config space reach it. */
static void rv_config_in_bounds(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	const u8 val[4] = { 0xaa, 0xbb, 0xcc, 0xdd };
	u8 buf[4];

	vdev->config->get(vdev, 2, buf, 4);
	KUNIT_EXPECT_EQ(test, buf[0], 3);
	KUNIT_EXPECT_EQ(test, buf[3], 6);
	vdev->config->set(vdev, 4, val, 4);
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->config + 3), 4);
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->config + 4), 0xaa);
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->config + 7), 0xdd);
	KUNIT_EXPECT_EQ(test, virtio_cread8(vdev, 7), 0xdd);
	rv_stop(v);
}

/* Test that out-of-bounds config accesses touch no memory. */
static void rv_config_out_of_bounds(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	const u8 val[4] = { 0xaa, 0xbb, 0xcc, 0xdd };
	u8 buf[4] = { 0x11, 0x11, 0x11, 0x11 };
	u32 i;

	vdev->config->get(vdev, 6, buf, 4);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[3], 0);
	vdev->config->set(vdev, 6, val, 4);
	vdev->config->set(vdev, RV_CONFIG_LEN, val, 1);
	vdev->config->set(vdev, UINT_MAX, val, 2);
	vdev->config->get(vdev, UINT_MAX - 1, buf, 4);

	for (i = 0; i < RV_CONFIG_LEN; i++)
		KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->config + i), i + 1);
	for (i = 0; i < 16; i++)
		KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->t->tb->size + i), RV_GUARD);
	rv_stop(v);
}

/* Test that status writes and reset go through to the table's byte. */
static void rv_status(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	u32 status = v->vdev + 20;

	/* Registration reset the device and acknowledged it. */
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, status),
			VIRTIO_CONFIG_S_ACKNOWLEDGE);
	vdev->config->set_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE |
				 VIRTIO_CONFIG_S_DRIVER);
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, status), 3);
	KUNIT_EXPECT_EQ(test, vdev->config->get_status(vdev), 3);
	vdev->config->reset(vdev);
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, status), 0);
	KUNIT_EXPECT_EQ(test, vdev->config->get_status(vdev), 0);

	/* After stop the remote owns the table: no more writes. */
	vdev->config->set_status(vdev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	rt_stop(v->t);
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, status), 1);
	rt_unprepare(v->t);
}

/* Test that find_vqs builds the rings at the addresses written back. */
static void rv_find_vqs(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	u32 da0, da1;

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	da0 = rt_loaded32(v->t, v->vr[0]);
	da1 = rt_loaded32(v->t, v->vr[1]);
	KUNIT_EXPECT_EQ(test, da0, RV_REGION_DA);
	KUNIT_EXPECT_EQ(test, da1, RV_REGION_DA + 240);
	/* The remote's rings are where the table says ... */
	KUNIT_EXPECT_PTR_EQ(test, (void *)rv_shared(v, 0)->desc,
			    (void *)(v->shm + (da0 - RV_REGION_DA)));
	KUNIT_EXPECT_PTR_EQ(test, (void *)rv_shared(v, 1)->desc,
			    (void *)(v->shm + (da1 - RV_REGION_DA)));
	/* ... and the virtio core runs on rings of its own. */
	KUNIT_EXPECT_PTR_NE(test, (void *)virtqueue_get_vring(v->vqs[0])->desc,
			    (void *)rv_shared(v, 0)->desc);
	KUNIT_EXPECT_PTR_NE(test, (void *)virtqueue_get_vring(v->vqs[1])->desc,
			    (void *)rv_shared(v, 1)->desc);
	KUNIT_EXPECT_EQ(test, virtqueue_get_vring_size(v->vqs[1]), 8U);
	KUNIT_EXPECT_PTR_EQ(test, v->t->rsc->vdevs[0].vring[1].vq, v->vqs[1]);
	vdev->config->del_vqs(vdev);
	KUNIT_EXPECT_NULL(test, v->t->rsc->vdevs[0].vring[1].vq);
	rv_stop(v);
}

/* Test that notifying a queue calls the kick callback with its id. */
static void rv_kick(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	v->t->kicks = 0;
	KUNIT_EXPECT_TRUE(test, virtqueue_notify(v->vqs[1]));
	KUNIT_EXPECT_EQ(test, v->t->kicks, 1U);
	KUNIT_EXPECT_EQ(test, v->t->last_kick, 1U);
	KUNIT_EXPECT_TRUE(test, virtqueue_notify(v->vqs[0]));
	KUNIT_EXPECT_EQ(test, v->t->last_kick, 0U);
	vdev->config->del_vqs(vdev);
	rv_stop(v);
}

/*
 * Test that buffers a driver added but did not kick yet are shown to the
 * remote when it sets DRIVER_OK, which the remote starts from (as
 * virtio_rpmsg_bus posts its receive buffers, then sets DRIVER_OK, then
 * kicks).
 */
static void rv_driver_ok_publishes(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	struct scatterlist sg;
	void *buf = kunit_kzalloc(test, 64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	sg_init_one(&sg, buf, 64);
	KUNIT_ASSERT_EQ(test, virtqueue_add_inbuf(v->vqs[0], &sg, 1, buf,
						  GFP_KERNEL), 0);
	KUNIT_EXPECT_EQ(test, virtio16_to_cpu(vdev, rv_shared(v, 0)->avail->idx),
			0);
	virtio_device_ready(vdev);
	KUNIT_EXPECT_EQ(test, virtio16_to_cpu(vdev, rv_shared(v, 0)->avail->idx),
			1);
	KUNIT_EXPECT_EQ(test, virtio16_to_cpu(vdev, rv_shared(v, 0)->avail->ring[0]),
			0);
	KUNIT_EXPECT_EQ(test, virtio32_to_cpu(vdev, rv_shared(v, 0)->desc[0].len),
			64U);
	vdev->config->del_vqs(vdev);
	rv_stop(v);
}

/* Test that amp_rsc_notify() runs only the matching queue's callback. */
static void rv_notify_one(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	memset(rv_calls, 0, sizeof(rv_calls));
	rv_add_buf(test, v->vqs[0]);
	rv_add_buf(test, v->vqs[1]);
	rv_used(v, 0, 0);
	rv_used(v, 1, 0);

	amp_rsc_notify(v->t->rsc, 1);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 0U);
	KUNIT_EXPECT_EQ(test, rv_calls[1], 1U);
	/* An id nobody uses runs nothing. */
	amp_rsc_notify(v->t->rsc, 9);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 0U);
	amp_rsc_notify(v->t->rsc, 0);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 1U);
	KUNIT_EXPECT_EQ(test, rv_calls[1], 1U);
	vdev->config->del_vqs(vdev);
	rv_stop(v);
}

static void rv_set_used_idx(struct rv *v, unsigned int q, u16 idx)
{
	rv_shared(v, q)->used->idx =
		cpu_to_virtio16(v->t->rsc->vdevs[0].vdev, idx);
}

/*
 * One buffer made available on the rx queue, then the remote publishes
 * @used_idx: the device must stop without running the callback, and stay
 * stopped.
 */
static void rv_check_used_idx_refused(struct kunit *test, u16 used_idx)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	memset(rv_calls, 0, sizeof(rv_calls));
	rv_add_buf(test, v->vqs[0]);
	rv_used(v, 0, 0);
	rv_set_used_idx(v, 0, used_idx);

	amp_rsc_notify(v->t->rsc, 0);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 0U);
	KUNIT_EXPECT_TRUE(test, virtqueue_is_broken(v->vqs[0]));
	KUNIT_EXPECT_TRUE(test, virtqueue_is_broken(v->vqs[1]));
	/* Even a sane index later runs nothing on the stopped device. */
	rv_set_used_idx(v, 0, 1);
	amp_rsc_notify(v->t->rsc, AMP_RSC_NOTIFY_ALL);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 0U);
	vdev->config->del_vqs(vdev);
	rv_stop(v);
}

/* Test that a used index far ahead of the available one stops the device. */
static void rv_used_idx_ahead(struct kunit *test)
{
	rv_check_used_idx_refused(test, 1000);
}

/* Test that a used index more than num behind stops the device. */
static void rv_used_idx_behind(struct kunit *test)
{
	rv_check_used_idx_refused(test, (u16)(1 - 9));
}

/* Test that every buffer outstanding (used num behind avail) is accepted. */
static void rv_used_idx_window_full(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	unsigned int i;

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	memset(rv_calls, 0, sizeof(rv_calls));
	for (i = 0; i < 8; i++)
		rv_add_buf(test, v->vqs[0]);
	amp_rsc_notify(v->t->rsc, 0);
	KUNIT_EXPECT_FALSE(test, virtqueue_is_broken(v->vqs[0]));
	rv_used(v, 0, 3);
	amp_rsc_notify(v->t->rsc, 0);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 1U);
	KUNIT_EXPECT_FALSE(test, virtqueue_is_broken(v->vqs[0]));
	vdev->config->del_vqs(vdev);
	rv_stop(v);
}

/*
 * Two buffers made available on the rx queue, then @corrupt plays a remote
 * that returns them wrongly: the device must stop before the callback
 * runs, and nothing is handed to the driver.
 */
static void rv_check_refused(struct kunit *test,
			     void (*corrupt)(struct rv *v))
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	unsigned int len;

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	memset(rv_calls, 0, sizeof(rv_calls));
	rv_add_buf(test, v->vqs[0]);
	rv_add_buf(test, v->vqs[0]);
	corrupt(v);

	amp_rsc_notify(v->t->rsc, 0);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 0U);
	KUNIT_EXPECT_NULL(test, virtqueue_get_buf(v->vqs[0], &len));
	KUNIT_EXPECT_TRUE(test, virtqueue_is_broken(v->vqs[0]));
	KUNIT_EXPECT_TRUE(test, virtqueue_is_broken(v->vqs[1]));
	vdev->config->del_vqs(vdev);
	rv_stop(v);
}

static void rv_corrupt_id(struct rv *v)
{
	rv_used(v, 0, 100);
}

/* Test that a used descriptor id out of range stops the device. */
static void rv_used_id_out_of_range(struct kunit *test)
{
	rv_check_refused(test, rv_corrupt_id);
}

static void rv_corrupt_id_not_given(struct rv *v)
{
	rv_used(v, 0, 5);
}

/* Test that a used id the host never made available stops the device. */
static void rv_used_id_not_made_available(struct kunit *test)
{
	rv_check_refused(test, rv_corrupt_id_not_given);
}

static void rv_corrupt_twice(struct rv *v)
{
	rv_used(v, 0, 0);
	rv_used(v, 0, 0);
}

/* Test that a buffer returned twice stops the device at the second. */
static void rv_used_twice(struct kunit *test)
{
	rv_check_refused(test, rv_corrupt_twice);
}

static void rv_corrupt_len(struct rv *v)
{
	rv_used_len(v, 0, 0, 65);
}

/* Test that a used length beyond the buffer stops the device. */
static void rv_used_len_too_long(struct kunit *test)
{
	rv_check_refused(test, rv_corrupt_len);
}

/*
 * The remote also moves the avail index it reads: 1000 buffers seem
 * available, 1000 are returned.
 */
static void rv_corrupt_both_indices(struct rv *v)
{
	struct vring *r = rv_shared(v, 0);

	r->avail->idx = cpu_to_virtio16(v->t->rsc->vdevs[0].vdev, 1002);
	rv_set_used_idx(v, 0, 1000);
}

/*
 * Test that the window of buffers the remote may return comes from what
 * the host made available, not from the avail index in shared memory.
 */
static void rv_avail_idx_moved(struct kunit *test)
{
	rv_check_refused(test, rv_corrupt_both_indices);
}

/* NEXT on every descriptor of the shared table: a chain that never ends. */
static void rv_corrupt_next(struct rv *v)
{
	struct virtio_device *vdev = v->t->rsc->vdevs[0].vdev;
	struct vring *r = rv_shared(v, 0);
	unsigned int i;

	for (i = 0; i < 8; i++) {
		r->desc[i].flags |= cpu_to_virtio16(vdev, VRING_DESC_F_NEXT);
		r->desc[i].next = cpu_to_virtio16(vdev, (i + 1) % 8);
	}
	rv_used(v, 0, 0);
}

/*
 * Test that descriptors the remote rewrote (NEXT on each, in a loop) are
 * refused without following them, the device stopped.
 */
static void rv_desc_next_loop(struct kunit *test)
{
	rv_check_refused(test, rv_corrupt_next);
}

/* Test that AMP_RSC_NOTIFY_ALL drains every vring. */
static void rv_notify_all(struct kunit *test)
{
	struct rv *v = rv_layout(test, RV_ID_NONE, 0);
	struct virtio_device *vdev = rv_start(v);
	unsigned int len;

	KUNIT_ASSERT_EQ(test, rv_find(vdev, v->vqs), 0);
	memset(rv_calls, 0, sizeof(rv_calls));
	rv_add_buf(test, v->vqs[0]);
	rv_add_buf(test, v->vqs[0]);
	rv_add_buf(test, v->vqs[1]);
	rv_used(v, 0, 0);
	rv_used(v, 0, 1);
	rv_used(v, 1, 0);

	amp_rsc_notify(v->t->rsc, AMP_RSC_NOTIFY_ALL);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 1U);
	KUNIT_EXPECT_EQ(test, rv_calls[1], 1U);
	KUNIT_EXPECT_NULL(test, virtqueue_get_buf(v->vqs[0], &len));
	KUNIT_EXPECT_NULL(test, virtqueue_get_buf(v->vqs[1], &len));
	vdev->config->del_vqs(vdev);
	/* No queue left: notifications reach nothing. */
	amp_rsc_notify(v->t->rsc, AMP_RSC_NOTIFY_ALL);
	KUNIT_EXPECT_EQ(test, rv_calls[0], 1U);
	rv_stop(v);
}

/* Test that the kernel's rpmsg driver binds to an rpmsg vdev and kicks. */
static void rv_rpmsg_binds(struct kunit *test)
{
	struct rv *v = rv_layout(test, AMP_RSC_VIRTIO_ID_RPMSG, 0x1);
	struct virtio_device *vdev;

	v->t->kicks = 0;
	vdev = rv_start(v);
	KUNIT_EXPECT_NOT_NULL(test, vdev->dev.driver);
	/* A legacy device (no VIRTIO_F_VERSION_1) skips FEATURES_OK. */
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->vdev + 20),
			VIRTIO_CONFIG_S_ACKNOWLEDGE | VIRTIO_CONFIG_S_DRIVER |
			VIRTIO_CONFIG_S_DRIVER_OK);
	/* VIRTIO_RPMSG_F_NS was offered and taken. */
	KUNIT_EXPECT_EQ(test, rt_loaded32(v->t, v->vdev + 12), 0x1U);
	/* The receive queue was filled and the remote told about it. */
	KUNIT_EXPECT_GE(test, v->t->kicks, 1U);
	KUNIT_EXPECT_EQ(test, v->t->last_kick, 0U);
	KUNIT_EXPECT_NOT_NULL(test, v->t->rsc->vdevs[0].vring[0].vq);

	rt_stop(v->t);
	KUNIT_EXPECT_NULL(test, v->t->rsc->vdevs[0].vdev);
	KUNIT_EXPECT_NULL(test, v->t->rsc->vdevs[0].vring[0].vq);
	/*
	 * The remote saw the device reset before it would be asked to stop
	 * (the virtio core then acknowledges it again, as it does on the
	 * core's own transport): one that is sending learns the host is gone.
	 */
	KUNIT_EXPECT_EQ(test, rv_loaded8(v, v->vdev + 20),
			VIRTIO_CONFIG_S_ACKNOWLEDGE);
	rt_unprepare(v->t);
}

/*
 * Test that attaching keeps the running remote's vrings, shows it the
 * host's status and features, and that detaching puts the table back
 * byte for byte.
 */
static void rv_attach(struct kunit *test)
{
	struct rt *t = test->priv;
	struct amp_rsc_region reg;
	struct virtio_device *vdev;
	struct virtqueue *vqs[2];
	u8 *shm, *copy, *table = t->fw + RT_TABLE_OFF;
	u32 vdev_off;

	shm = kunit_kzalloc(test, RV_REGION_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, shm);
	reg = (struct amp_rsc_region){
		.name = "shm", .pa = virt_to_phys(shm), .da = RV_REGION_DA,
		.size = RV_REGION_SIZE, .va = shm,
	};
	rt_create(t, &reg, 1);
	rt_table(t, 1);
	vdev_off = amp_tb_body(amp_tb_vdev(t->tb, RV_ID_NONE, 0, 0x3, 0, 2));
	amp_tb_vring(t->tb, RV_REGION_DA + 0x1000, 16, 8, 1);
	amp_tb_vring(t->tb, RV_REGION_DA + 0x2000, 16, 8, 2);
	/* A remote a boot loader started: status and gfeatures still 0. */
	memcpy(table, t->tb->buf, t->tb->size);
	copy = kunit_kmalloc(test, t->tb->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	memcpy(copy, t->tb->buf, t->tb->size);

	KUNIT_ASSERT_EQ(test, amp_rsc_attach(t->rsc, table, t->tb->size, false), 0);
	KUNIT_ASSERT_EQ(test, rt_prepare(t), 0);
	KUNIT_ASSERT_EQ(test, rt_start(t), 0);
	vdev = t->rsc->vdevs[0].vdev;
	KUNIT_ASSERT_NOT_NULL(test, vdev);
	KUNIT_ASSERT_EQ(test, rv_find(vdev, vqs), 0);
	/* The remote's vring stays where its table has it. */
	KUNIT_EXPECT_PTR_EQ(test, (void *)t->rsc->vdevs[0].vring[1].shared.desc,
			    (void *)(shm + 0x2000));
	vdev->features = 0x1;
	KUNIT_EXPECT_EQ(test, vdev->config->finalize_features(vdev), 0);
	vdev->config->set_status(vdev, VIRTIO_CONFIG_S_DRIVER_OK);
	KUNIT_EXPECT_EQ(test, table[vdev_off + 20], VIRTIO_CONFIG_S_DRIVER_OK);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(table + vdev_off + 12), 0x1U);
	/* Nothing but status and gfeatures changed. */
	table[vdev_off + 20] = 0;
	put_unaligned_le32(0, table + vdev_off + 12);
	KUNIT_EXPECT_EQ(test, memcmp(table, copy, t->tb->size), 0);
	vdev->config->set_status(vdev, VIRTIO_CONFIG_S_DRIVER_OK);
	put_unaligned_le32(0x1, table + vdev_off + 12);

	vdev->config->del_vqs(vdev);
	rt_stop(t);
	rt_unprepare(t);
	KUNIT_EXPECT_EQ(test, memcmp(table, copy, t->tb->size), 0);
}

/* Test that attaching to a remote that left a vring unplaced fails. */
static void rv_attach_unplaced(struct kunit *test)
{
	struct rt *t = test->priv;
	u8 *table = t->fw + RT_TABLE_OFF;

	rt_create(t, NULL, 0);
	rt_table(t, 1);
	amp_tb_vdev(t->tb, RV_ID_NONE, 0, 0x1, 0, 2);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 1);
	amp_tb_vring(t->tb, AMP_RSC_ADDR_ANY, 16, 8, 2);
	memcpy(table, t->tb->buf, t->tb->size);
	KUNIT_ASSERT_EQ(test, amp_rsc_attach(t->rsc, table, t->tb->size, false), 0);
	KUNIT_EXPECT_EQ(test, rt_prepare(t), -EINVAL);
	KUNIT_EXPECT_EQ(test, memcmp(table, t->tb->buf, t->tb->size), 0);
}

static struct kunit_case amp_rsc_virtio_cases[] = {
	KUNIT_CASE(rv_features),
	KUNIT_CASE(rv_config_in_bounds),
	KUNIT_CASE(rv_config_out_of_bounds),
	KUNIT_CASE(rv_status),
	KUNIT_CASE(rv_find_vqs),
	KUNIT_CASE(rv_kick),
	KUNIT_CASE(rv_driver_ok_publishes),
	KUNIT_CASE(rv_notify_one),
	KUNIT_CASE(rv_notify_all),
	KUNIT_CASE(rv_used_idx_ahead),
	KUNIT_CASE(rv_used_idx_behind),
	KUNIT_CASE(rv_used_idx_window_full),
	KUNIT_CASE(rv_used_id_out_of_range),
	KUNIT_CASE(rv_used_id_not_made_available),
	KUNIT_CASE(rv_used_twice),
	KUNIT_CASE(rv_used_len_too_long),
	KUNIT_CASE(rv_avail_idx_moved),
	KUNIT_CASE(rv_desc_next_loop),
	KUNIT_CASE(rv_rpmsg_binds),
	KUNIT_CASE(rv_attach),
	KUNIT_CASE(rv_attach_unplaced),
	{}
};

static struct kunit_suite amp_rsc_virtio_suite = {
	.name = "amp_rsc_virtio",
	.init = rt_init,
	.exit = rt_exit,
	.test_cases = amp_rsc_virtio_cases,
};

kunit_test_suite(amp_rsc_virtio_suite);
