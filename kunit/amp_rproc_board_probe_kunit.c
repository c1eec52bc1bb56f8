// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_rproc_board_probe: amp_rproc refuses device tree nodes it
 * cannot drive, releasing everything it took (kmemleak and the mailbox
 * channels being free again tell), and accepts a complete node.
 */

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>

#include "amp_kunit_util.h"
#include "amp_rproc_board.h"

/* Test that a complete node binds and registers an offline remote. */
static void amp_rproc_board_probe_ok(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, "/amp-rproc-kunit-vq"),
			0);
	KUNIT_EXPECT_EQ(test, ctx->rproc->state, RPROC_OFFLINE);
	KUNIT_EXPECT_STREQ(test, ctx->rproc->firmware, AMP_RPROC_BOARD_FW);
	KUNIT_EXPECT_FALSE(test, ctx->rproc->auto_boot);
}

/*
 * Binds @path, expecting the probe to fail for the reason @why names: the
 * driver core turns any probe error into -ENODEV here, so the reason is
 * read from what the driver logged while binding.
 */
static void amp_rproc_board_probe_refused(struct kunit *test, const char *path,
					  const char *why)
{
	struct amp_klog_mark mark;

	amp_klog_mark(test, &mark);
	KUNIT_EXPECT_EQ(test, amp_rproc_board_bind(test, path), -ENODEV);
	KUNIT_EXPECT_EQ_MSG(test, amp_klog_count_since(&mark, why), 1U,
			    "no \"%s\" logged while binding %s", why, path);
}

/* Test that a node without mailbox is refused for that reason. */
static void amp_rproc_board_probe_no_mbox(struct kunit *test)
{
	amp_rproc_board_probe_refused(test, "/amp-rproc-kunit-no-mbox",
				      "no mailbox: mboxes and mbox-names are required");
}

/* Test that a node without reset line is refused for that reason. */
static void amp_rproc_board_probe_no_reset(struct kunit *test)
{
	amp_rproc_board_probe_refused(test, "/amp-rproc-kunit-no-reset",
				      "reset core: cannot get it");
}

/* Test that a memory-region without reg is refused for that reason. */
static void amp_rproc_board_probe_bad_region(struct kunit *test)
{
	amp_rproc_board_probe_refused(test, "/amp-rproc-kunit-bad-region",
				      "memory-region 1 (/reserved-memory/amp-rproc-kunit-noreg");
}

/* Test that unbinding frees the channels: a rebind gets them again. */
static void amp_rproc_board_probe_rebind(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, "/amp-rproc-kunit-vq"),
			0);
	device_release_driver(&ctx->pdev->dev);
	KUNIT_EXPECT_EQ(test, device_attach(&ctx->pdev->dev), 1);
}

static struct kunit_case amp_rproc_board_probe_cases[] = {
	KUNIT_CASE(amp_rproc_board_probe_ok),
	KUNIT_CASE(amp_rproc_board_probe_no_mbox),
	KUNIT_CASE(amp_rproc_board_probe_no_reset),
	KUNIT_CASE(amp_rproc_board_probe_bad_region),
	KUNIT_CASE(amp_rproc_board_probe_rebind),
	{ }
};

struct kunit_suite amp_rproc_board_probe_suite = {
	.name = "amp_rproc_board_probe",
	.suite_init = amp_rproc_board_suite_init,
	.suite_exit = amp_rproc_board_suite_exit,
	.init = amp_rproc_board_init,
	.exit = amp_rproc_board_exit,
	.test_cases = amp_rproc_board_probe_cases,
};
