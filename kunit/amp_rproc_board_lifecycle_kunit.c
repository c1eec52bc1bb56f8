// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_rproc_board_lifecycle: what amp_rproc does to its mailbox
 * channels and reset lines when the remoteproc core starts, stops, kicks,
 * recovers, attaches to and detaches from a remote processor. The fake
 * controllers log every message ("mbox<channel>:<payload>") and every
 * reset assert ("rst<id>+") and deassert ("rst<id>-") in order.
 *
 * Node amp-rproc-kunit-vq: channels vq0 0, vq1 1, shutdown 2, detach 3,
 * crash 4; resets core 0, hold-boot 1. Node amp-rproc-kunit-txrx: tx 5,
 * rx 6; reset core 2. Node amp-rproc-kunit-boot-address: vq0 12, reset
 * core 6, boot address register at syscon offset 0x20. Node
 * amp-rproc-kunit-consumer: "rproc", a phandle to amp-rproc-kunit-vq, as
 * another driver's device would have.
 */

#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/delay.h>
#include <linux/io.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/elf.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include "amp_kunit_util.h"
#include "amp_rproc_board.h"

#define AMP_RPROC_LC_VQ		"/amp-rproc-kunit-vq"
#define AMP_RPROC_LC_TXRX	"/amp-rproc-kunit-txrx"
#define AMP_RPROC_LC_BOOT_ADDR	"/amp-rproc-kunit-boot-address"
#define AMP_RPROC_LC_CONSUMER	"/amp-rproc-kunit-consumer"
#define AMP_RPROC_LC_ENTRY	(AMP_RPROC_BOARD_FW_DA + 0x40)

static void amp_rproc_board_lifecycle_fw(struct kunit *test)
{
	static const struct amp_elf_image_seg seg = {
		.da = AMP_RPROC_BOARD_FW_DA, .filesz = 0x100, .memsz = 0x1000,
		.fill = 0x5a,
	};
	struct amp_elf_image elf;

	amp_elf_image_build(test, &elf, false, AMP_RPROC_LC_ENTRY, &seg, 1,
			    NULL, 0, 0);
	amp_rproc_board_write_fw(test, AMP_RPROC_BOARD_FW, elf.data, elf.size);
}

static struct rproc *amp_rproc_board_lifecycle_boot(struct kunit *test, const char *path)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	amp_rproc_board_lifecycle_fw(test);
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, path), 0);
	KUNIT_ASSERT_EQ(test, rproc_boot(ctx->rproc), 0);
	KUNIT_ASSERT_EQ(test, ctx->rproc->state, RPROC_RUNNING);
	return ctx->rproc;
}

/* Test that start deasserts the core reset, then releases the hold-boot. */
static void amp_rproc_board_lifecycle_start(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);

	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "rst0- rst1- ");
	KUNIT_EXPECT_EQ(test, rproc->bootaddr, AMP_RPROC_LC_ENTRY);
	amp_rproc_board_log_clear();
	rproc_shutdown(rproc);
}

static int amp_rproc_board_lifecycle_subdev_fails(struct rproc_subdev *subdev)
{
	return -EIO;
}

/*
 * Test that a start failing after the remote was started (a subdevice
 * refusing to start, the core's state still "offline") asks the remote
 * to shut down before holding and resetting it: a CPU that only powers
 * itself off would otherwise keep running.
 */
static void amp_rproc_board_lifecycle_start_fails_late(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct rproc_subdev failing = {
		.start = amp_rproc_board_lifecycle_subdev_fails,
	};

	amp_rproc_board_lifecycle_fw(test);
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	rproc_add_subdev(ctx->rproc, &failing);
	KUNIT_EXPECT_EQ(test, rproc_boot(ctx->rproc), -EIO);
	rproc_remove_subdev(ctx->rproc, &failing);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "rst0- rst1- mbox2:93 rst1+ rst0+ ");
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));
}

/* Test that an acknowledged stop asks the remote, then holds and resets it. */
static void amp_rproc_board_lifecycle_stop(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);

	amp_rproc_board_log_clear();
	KUNIT_EXPECT_EQ(test, rproc_shutdown(rproc), 0);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox2:93 rst1+ rst0+ ");
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));
}

/* Test that a remote never acknowledging the stop is forced off after the timeout. */
static void amp_rproc_board_lifecycle_stop_timeout(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);
	ktime_t t0;
	s64 ms;

	amp_rproc_board_mbox_mute(2, true);
	amp_rproc_board_log_clear();
	t0 = ktime_get();
	KUNIT_EXPECT_EQ(test, rproc_shutdown(rproc), 0);
	ms = ktime_ms_delta(ktime_get(), t0);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox2:93 rst1+ rst0+ ");
	KUNIT_EXPECT_GE(test, ms, 450);
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(1));
}

/* Test that a kick goes to the per-virtqueue channel of its notify id. */
static void amp_rproc_board_lifecycle_kick_vq(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	ctx->rproc->ops->kick(ctx->rproc, 1);
	ctx->rproc->ops->kick(ctx->rproc, 0);
	/* The channel says which vring; the payload is a constant. */
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox1:1 mbox0:1 ");
}

static bool amp_rproc_board_lifecycle_kick_followed(void *arg)
{
	return amp_rproc_board_log_is("mbox1:1 mbox1:1 ");
}

/*
 * Test that kicks on a channel coalesce while one is in flight, and that
 * exactly one more follows once it completes.
 */
static void amp_rproc_board_lifecycle_kick_coalesce(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	int i;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	amp_rproc_board_mbox_mute(1, true);
	for (i = 0; i < 50; i++)
		ctx->rproc->ops->kick(ctx->rproc, 1);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "mbox1:1 ");
	amp_rproc_board_mbox_mute(1, false);
	KUNIT_EXPECT_TRUE(test,
			  amp_rproc_board_wait(amp_rproc_board_lifecycle_kick_followed,
					       NULL, 1000));
	/* Nothing more: the follow-up covered every kick before it. */
	msleep(20);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "mbox1:1 mbox1:1 ");
}

static bool amp_rproc_board_lifecycle_two_kicks(void *arg)
{
	return amp_rproc_board_log_is("mbox5:3 mbox5:0 ");
}

/* Test that with a tx channel a kick carries its notify id as payload. */
static void amp_rproc_board_lifecycle_kick_tx(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_TXRX), 0);
	ctx->rproc->ops->kick(ctx->rproc, 3);
	ctx->rproc->ops->kick(ctx->rproc, 0);
	/* The second waits in the channel's queue until the first is done. */
	amp_rproc_board_wait(amp_rproc_board_lifecycle_two_kicks, NULL, 1000);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox5:3 mbox5:0 ");
}

/* Test that start writes the ELF entry into the boot address register. */
static void amp_rproc_board_lifecycle_boot_addr(struct kunit *test)
{
	struct rproc *rproc;
	void *syscon;

	if (!IS_ENABLED(CONFIG_MFD_SYSCON))
		kunit_skip(test, "CONFIG_MFD_SYSCON is not set");
	syscon = memremap(AMP_RPROC_BOARD_SYSCON_PA, 0x100, MEMREMAP_WC);
	KUNIT_ASSERT_NOT_NULL(test, syscon);
	WRITE_ONCE(*(u32 *)(syscon + 0x20), 0);
	rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_BOOT_ADDR);
	KUNIT_EXPECT_EQ(test, READ_ONCE(*(u32 *)(syscon + 0x20)),
			(u32)AMP_RPROC_LC_ENTRY);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "rst6- ");
	memunmap(syscon);
	rproc_shutdown(rproc);
}

static bool amp_rproc_board_lifecycle_recovered(void *arg)
{
	struct rproc *rproc = arg;

	return rproc->state == RPROC_RUNNING &&
	       amp_rproc_board_log_is("mbox2:93 rst1+ rst0+ rst0- rst1- ");
}

/* Test that a crash message makes the core recover the remote: stop, then start. */
static void amp_rproc_board_lifecycle_crash(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);

	rproc->dump_conf = RPROC_COREDUMP_DISABLED;
	amp_rproc_board_log_clear();
	amp_rproc_board_mbox_rx(4, 0);
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_wait(amp_rproc_board_lifecycle_recovered,
						     rproc, 3000));
	/* Asked to shut down all the same: its crash handler may answer. */
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox2:93 rst1+ rst0+ rst0- rst1- ");
	rproc_shutdown(rproc);
}

static bool amp_rproc_board_lifecycle_crashed(void *arg)
{
	struct rproc *rproc = arg;

	return rproc->state == RPROC_CRASHED;
}

/*
 * Test that unbinding with the remote crashed and not recovered stops it,
 * so that the next probe does not find it running.
 */
static void amp_rproc_board_lifecycle_unbind_crashed(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);

	rproc->recovery_disabled = true;
	amp_rproc_board_mbox_rx(4, 0);
	KUNIT_ASSERT_TRUE(test, amp_rproc_board_wait(amp_rproc_board_lifecycle_crashed,
						     rproc, 3000));
	amp_rproc_board_log_clear();
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox2:93 rst1+ rst0+ ");
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));
}

/*
 * Test that unbinding stops a remote booted twice (the core's rproc_del()
 * only drops one of the two users, and leaves it running).
 */
static void amp_rproc_board_lifecycle_unbind_two_users(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);

	KUNIT_ASSERT_EQ(test, rproc_boot(rproc), 0);
	KUNIT_ASSERT_EQ(test, atomic_read(&rproc->power), 2);
	amp_rproc_board_log_clear();
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox2:93 rst1+ rst0+ ");
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));
}

/*
 * Test that a remote ringing 100 times on its crash channel is reported
 * once (one line of the driver's, one of the core's) and recovered once.
 */
static void amp_rproc_board_lifecycle_crash_flood(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);
	struct amp_klog_mark mark;
	unsigned int i;

	rproc->dump_conf = RPROC_COREDUMP_DISABLED;
	amp_rproc_board_log_clear();
	amp_klog_mark(test, &mark);
	/* All 100 before the core's crash work can run. */
	preempt_disable();
	for (i = 0; i < 100; i++)
		amp_rproc_board_mbox_rx(4, 0);
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_wait(amp_rproc_board_lifecycle_recovered,
						     rproc, 3000));
	KUNIT_EXPECT_EQ(test, amp_klog_count_since(&mark, "the remote crashed"),
			1U);
	KUNIT_EXPECT_EQ(test, amp_klog_count_since(&mark, "crash detected in"),
			1U);
	KUNIT_EXPECT_EQ(test, amp_klog_count_since(&mark, "handling crash #"),
			1U);
	rproc_shutdown(rproc);
}

/* Test that crash doorbells of a remote that is not running log nothing. */
static void amp_rproc_board_lifecycle_crash_offline(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct amp_klog_mark mark;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	amp_klog_mark(test, &mark);
	for (i = 0; i < 100; i++)
		amp_rproc_board_mbox_rx(4, 0);
	/* The core's crash work would run within this. */
	msleep(100);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_EQ(test, amp_klog_count_since(&mark, "crash"), 0U);
}

/*
 * Test that a doorbell arriving while the driver probes, once its first
 * mailbox channel is live, is handled without a resource handler missing.
 */
static void amp_rproc_board_lifecycle_doorbell_at_probe(struct kunit *test)
{
	/* vq0 rings when vq1 is requested, vq0 being live already. */
	amp_rproc_board_mbox_ring_at(1, 0, true);
	KUNIT_EXPECT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	KUNIT_EXPECT_EQ(test, amp_rproc_board_mbox_ring_at(-1, 0, false), 1U);
}

/*
 * Test that a doorbell arriving while the driver unbinds, its channels
 * going one by one, finds everything it reaches still there.
 */
static void amp_rproc_board_lifecycle_doorbell_at_unbind(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	amp_rproc_board_lifecycle_fw(test);
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	/* vq0, freed last, rings when crash, freed first, goes. */
	amp_rproc_board_mbox_ring_at(4, 0, false);
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_EQ(test, amp_rproc_board_mbox_ring_at(-1, 0, false), 1U);
}

/* Test that every region is a coredump segment once the remote is booted. */
static void amp_rproc_board_lifecycle_coredump(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_boot(test, AMP_RPROC_LC_VQ);
	struct rproc_dump_segment *seg;
	unsigned int n = 0;
	bool fw = false;

	list_for_each_entry(seg, &rproc->dump_segments, node) {
		n++;
		if (seg->da == AMP_RPROC_BOARD_FW_DA &&
		    seg->size == AMP_RPROC_BOARD_FW_SIZE)
			fw = true;
	}
	KUNIT_EXPECT_EQ(test, n, 3U);
	KUNIT_EXPECT_TRUE(test, fw);
	KUNIT_EXPECT_EQ(test, rproc->elf_class, ELFCLASS32);
	rproc_shutdown(rproc);
	KUNIT_EXPECT_TRUE(test, list_empty(&rproc->dump_segments));
}

static bool amp_rproc_board_lifecycle_attached(void *arg)
{
	struct rproc *rproc = arg;

	return rproc->state == RPROC_ATTACHED;
}

/* A valid resource table without entries, as a pre-booted remote keeps. */
static void amp_rproc_board_lifecycle_put_table(struct kunit *test)
{
	struct amp_tb *tb = amp_tb_new(test, 0);
	u8 *t = memremap(AMP_RPROC_BOARD_RSC_DA, 0x1000, MEMREMAP_WC);

	KUNIT_ASSERT_NOT_NULL(test, t);
	memset(t, 0, 0x1000);
	memcpy(t, tb->buf, tb->size);
	memunmap(t);
}

static struct rproc *amp_rproc_board_lifecycle_attach_one(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	amp_rproc_board_lifecycle_put_table(test);
	/* Deasserted core reset: the remote runs already. */
	amp_rproc_board_reset_set(0, false);
	amp_rproc_board_reset_set(1, false);
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	KUNIT_ASSERT_TRUE(test, amp_rproc_board_wait(amp_rproc_board_lifecycle_attached,
						     ctx->rproc, 3000));
	return ctx->rproc;
}

/*
 * Test that a remote found running is attached to without touching its
 * resets, with an ELF class set for its coredumps.
 */
static void amp_rproc_board_lifecycle_attach(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_attach_one(test);

	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "");
	KUNIT_EXPECT_FALSE(test, amp_rproc_board_reset_asserted(0));
	/* Coredumps of the attached remote: its regions are below 4 GiB. */
	KUNIT_EXPECT_EQ(test, rproc->elf_class, ELFCLASS32);
	KUNIT_EXPECT_EQ(test, rproc->elf_machine, EM_NONE);
	KUNIT_EXPECT_EQ(test, rproc_detach(rproc), 0);
}

/* Test that detach sends on the detach channel and leaves the remote running. */
static void amp_rproc_board_lifecycle_detach(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_lifecycle_attach_one(test);

	amp_rproc_board_log_clear();
	KUNIT_EXPECT_EQ(test, rproc_detach(rproc), 0);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "mbox3:222 ");
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_DETACHED);
	KUNIT_EXPECT_FALSE(test, amp_rproc_board_reset_asserted(0));
}

/*
 * Test that a remote ringing every channel but the crash one all the
 * time, from the moment the driver takes a channel until it gives it
 * back, changes nothing in probe, start, stop, unbind, attach and detach.
 */
static void amp_rproc_board_lifecycle_doorbells_throughout(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	amp_rproc_board_lifecycle_fw(test);
	amp_rproc_board_mbox_ring_always(test, GENMASK(3, 0));
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	KUNIT_EXPECT_EQ(test, rproc_boot(ctx->rproc), 0);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_RUNNING);
	KUNIT_EXPECT_EQ(test, rproc_shutdown(ctx->rproc), 0);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_EQ(test, rproc_boot(ctx->rproc), 0);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_RUNNING);
	/* Unbinding stops the running remote, doorbells going on. */
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));

	amp_rproc_board_lifecycle_attach_one(test);
	KUNIT_EXPECT_EQ(test, rproc_detach(ctx->rproc), 0);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_DETACHED);
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_FALSE(test, amp_rproc_board_reset_asserted(0));
	/* Doorbells came (how many depends on the timer's grain). */
	KUNIT_EXPECT_GT(test, amp_rproc_board_mbox_ring_always(test, 0), 0U);
}

/*
 * Test that another driver finds the remote by phandle, boots it (core
 * reset, then hold-boot released) and shuts it down, holding the driver's
 * module from rproc_get_by_phandle() to rproc_put().
 */
static void amp_rproc_board_lifecycle_by_phandle(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct device_node *np;
	struct module *owner;
	struct rproc *rproc;
	int refs = 0, ret;
	u32 ph;

	amp_rproc_board_lifecycle_fw(test);
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, AMP_RPROC_LC_VQ), 0);
	np = of_find_node_by_path(AMP_RPROC_LC_CONSUMER);
	KUNIT_ASSERT_NOT_NULL(test, np);
	ret = of_property_read_u32(np, "rproc", &ph);
	of_node_put(np);
	KUNIT_ASSERT_EQ(test, ret, 0);

	owner = ctx->pdev->dev.driver->owner;
	if (owner)
		refs = module_refcount(owner);
	rproc = rproc_get_by_phandle(ph);
	KUNIT_ASSERT_NOT_NULL(test, rproc);
	KUNIT_EXPECT_PTR_EQ(test, rproc, ctx->rproc);
	if (owner)
		KUNIT_EXPECT_EQ(test, module_refcount(owner), refs + 1);

	amp_rproc_board_log_clear();
	KUNIT_EXPECT_EQ(test, rproc_boot(rproc), 0);
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_RUNNING);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test), "rst0- rst1- ");
	KUNIT_EXPECT_FALSE(test, amp_rproc_board_reset_asserted(0));
	KUNIT_EXPECT_FALSE(test, amp_rproc_board_reset_asserted(1));

	amp_rproc_board_log_clear();
	KUNIT_EXPECT_EQ(test, rproc_shutdown(rproc), 0);
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_STREQ(test, amp_rproc_board_log(test),
			   "mbox2:93 rst1+ rst0+ ");
	KUNIT_EXPECT_TRUE(test, amp_rproc_board_reset_asserted(0));

	rproc_put(rproc);
	if (owner)
		KUNIT_EXPECT_EQ(test, module_refcount(owner), refs);
}

static struct kunit_case amp_rproc_board_lifecycle_cases[] = {
	KUNIT_CASE(amp_rproc_board_lifecycle_start),
	KUNIT_CASE(amp_rproc_board_lifecycle_start_fails_late),
	KUNIT_CASE(amp_rproc_board_lifecycle_stop),
	KUNIT_CASE(amp_rproc_board_lifecycle_stop_timeout),
	KUNIT_CASE(amp_rproc_board_lifecycle_kick_vq),
	KUNIT_CASE(amp_rproc_board_lifecycle_kick_coalesce),
	KUNIT_CASE(amp_rproc_board_lifecycle_kick_tx),
	KUNIT_CASE(amp_rproc_board_lifecycle_boot_addr),
	KUNIT_CASE(amp_rproc_board_lifecycle_crash),
	KUNIT_CASE(amp_rproc_board_lifecycle_crash_flood),
	KUNIT_CASE(amp_rproc_board_lifecycle_crash_offline),
	KUNIT_CASE(amp_rproc_board_lifecycle_unbind_crashed),
	KUNIT_CASE(amp_rproc_board_lifecycle_unbind_two_users),
	KUNIT_CASE(amp_rproc_board_lifecycle_doorbell_at_probe),
	KUNIT_CASE(amp_rproc_board_lifecycle_doorbell_at_unbind),
	KUNIT_CASE(amp_rproc_board_lifecycle_coredump),
	KUNIT_CASE(amp_rproc_board_lifecycle_attach),
	KUNIT_CASE(amp_rproc_board_lifecycle_detach),
	KUNIT_CASE(amp_rproc_board_lifecycle_doorbells_throughout),
	KUNIT_CASE(amp_rproc_board_lifecycle_by_phandle),
	{ }
};

struct kunit_suite amp_rproc_board_lifecycle_suite = {
	.name = "amp_rproc_board_lifecycle",
	.suite_init = amp_rproc_board_suite_init,
	.suite_exit = amp_rproc_board_suite_exit,
	.init = amp_rproc_board_init,
	.exit = amp_rproc_board_exit,
	.test_cases = amp_rproc_board_lifecycle_cases,
};
