// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_rproc_probe: amp_rproc refuses device tree nodes it
 * cannot drive, releasing everything it took (kmemleak and the mailbox
 * channels being free again tell), and accepts a complete node.
 */

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>

#include "amp_rproc_kunit.h"

/* Test that a complete node binds and registers an offline remote. */
static void amp_rproc_probe_ok(struct kunit *test)
{
	struct amp_rproc_kunit_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, amp_rproc_kunit_bind(test, "/amp-rproc-kunit-vq"),
			0);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_STREQ(test, ctx->rproc->firmware, AMP_RPROC_KUNIT_FW);
	KUNIT_EXPECT_FALSE(test, ctx->rproc->auto_boot);
}

/* Test that a node without mailbox is refused. */
static void amp_rproc_probe_no_mbox(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test,
			amp_rproc_kunit_bind(test, "/amp-rproc-kunit-no-mbox"),
			-ENODEV);
}

/* Test that a node without reset line is refused. */
static void amp_rproc_probe_no_reset(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test,
			amp_rproc_kunit_bind(test, "/amp-rproc-kunit-no-reset"),
			-ENODEV);
}

/* Test that a memory-region without reg is refused. */
static void amp_rproc_probe_bad_region(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test,
			amp_rproc_kunit_bind(test, "/amp-rproc-kunit-bad-region"),
			-ENODEV);
}

/* Test that unbinding frees the channels: a rebind gets them again. */
static void amp_rproc_probe_rebind(struct kunit *test)
{
	struct amp_rproc_kunit_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, amp_rproc_kunit_bind(test, "/amp-rproc-kunit-vq"),
			0);
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_EQ(test, device_attach(&ctx->pdev->dev), 1);
}

static struct kunit_case amp_rproc_probe_cases[] = {
	KUNIT_CASE(amp_rproc_probe_ok),
	KUNIT_CASE(amp_rproc_probe_no_mbox),
	KUNIT_CASE(amp_rproc_probe_no_reset),
	KUNIT_CASE(amp_rproc_probe_bad_region),
	KUNIT_CASE(amp_rproc_probe_rebind),
	{ }
};

struct kunit_suite amp_rproc_probe_suite = {
	.name = "amp_rproc_probe",
	.suite_init = amp_rproc_kunit_suite_init,
	.suite_exit = amp_rproc_kunit_suite_exit,
	.init = amp_rproc_kunit_init,
	.exit = amp_rproc_kunit_exit,
	.test_cases = amp_rproc_probe_cases,
};
