// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_board: the virtual AMP board's mailbox (amp_mbox) and
 * reset (amp_psci_reset) drivers, driving the real remote CPU.
 *
 * Each case applies a DT overlay adding a consumer of the board's mailbox
 * channels, reset line and firmware memory, loads board-test.elf into that
 * memory, starts CPU1 through the reset line and talks to it: the firmware
 * echoes every doorbell with its payload plus one, and powers itself off
 * when asked to on the shutdown channel.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/mailbox_client.h>
#include <linux/module.h>
#include <linux/reset.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/abi/virt_board.h>

#include "amp_board_harness.h"

#define AMP_BOARD_BOOT_TIMEOUT_MS	1000
#define AMP_BOARD_RX_TIMEOUT_MS		1000
#define AMP_BOARD_PINGS			500

/* Returns a copy of the remote's trace log, NUL-terminated. */
static char *amp_board_trace(struct kunit *test, struct amp_board_harness *h)
{
	char *buf;

	buf = kunit_kzalloc(test, AMP_VIRT_FW_TRACE_SIZE + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	return amp_board_harness_trace(h, buf, AMP_VIRT_FW_TRACE_SIZE + 1);
}

static unsigned int amp_board_count(const char *s, const char *needle)
{
	unsigned int n = 0;

	while ((s = strstr(s, needle))) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/* Starts the remote, which must have been off and come up exactly once. */
static void amp_board_start(struct kunit *test, struct amp_board_harness *h)
{
	KUNIT_ASSERT_EQ_MSG(test, reset_control_status(h->rst), 1,
			    "remote not off before start");
	KUNIT_ASSERT_EQ(test,
			amp_board_harness_start(h, AMP_BOARD_BOOT_TIMEOUT_MS),
			0);
	KUNIT_EXPECT_EQ(test, reset_control_status(h->rst), 0);
}

/* Asks the remote to stop, then waits for it through the reset line. */
static void amp_board_stop(struct kunit *test, struct amp_board_harness *h)
{
	KUNIT_ASSERT_EQ(test, amp_board_harness_stop(h), 0);
	KUNIT_EXPECT_EQ(test, reset_control_status(h->rst), 1);
	KUNIT_EXPECT_TRUE(test, strstr(amp_board_trace(test, h),
				       "board-test: shutdown"));
}

/* Sends @payload on @ch and expects @payload + 1 back. */
static void amp_board_ping(struct kunit *test, struct amp_board_harness *h,
			   enum amp_board_harness_ch ch, u32 payload)
{
	KUNIT_EXPECT_EQ_MSG(test,
			    amp_board_harness_ping(h, ch, payload,
						   AMP_BOARD_RX_TIMEOUT_MS),
			    0, "no echo of 0x%x on channel %d", payload, ch);
}

static int amp_board_init(struct kunit *test)
{
	struct amp_board_harness *h;
	const char *what;
	int ret;

	h = kunit_kzalloc(test, sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	test->priv = h;
	ret = amp_board_harness_get(h, &what);
	if (ret)
		/* amp_board_exit() undoes what was done. */
		kunit_err(test, "%s failed: %d\n", what, ret);
	return ret;
}

static void amp_board_exit(struct kunit *test)
{
	if (test->priv)
		amp_board_harness_put(test->priv);
}

/* Test that the remote starts, reports running, traces, and stops. */
static void amp_board_boots_and_stops(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;
	char *trace;

	amp_board_start(test, h);
	trace = amp_board_trace(test, h);
	KUNIT_EXPECT_EQ(test, amp_board_count(trace, AMP_BOARD_HARNESS_UP), 1);
	KUNIT_EXPECT_TRUE(test, strstr(trace, "psci 1.1"));
	amp_board_stop(test, h);
}

/* Test that stop and start cycles work, with a fresh boot each time. */
static void amp_board_restarts(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;
	int i;

	for (i = 0; i < 3; i++) {
		amp_board_start(test, h);
		amp_board_ping(test, h, AMP_BOARD_HARNESS_VQ0, 0x100 + i);
		amp_board_stop(test, h);
	}
}

/* Test that doorbells on several channels come back with their payloads. */
static void amp_board_doorbells_echo(struct kunit *test)
{
	static const enum amp_board_harness_ch chans[] = {
		AMP_BOARD_HARNESS_VQ0, AMP_BOARD_HARNESS_VQ1,
		AMP_BOARD_HARNESS_FREE,
	};
	struct amp_board_harness *h = test->priv;
	char line[48];
	unsigned int i, n;

	amp_board_start(test, h);
	for (n = 0; n < 4; n++) {
		for (i = 0; i < ARRAY_SIZE(chans); i++) {
			u32 payload = 0x1000 * (n + 1) + chans[i];

			amp_board_ping(test, h, chans[i], payload);
		}
	}
	/* The remote saw each one on its channel: channel 5 for "free". */
	snprintf(line, sizeof(line), "ch 5 data 0x%x",
		 0x4000 + AMP_BOARD_HARNESS_FREE);
	KUNIT_EXPECT_TRUE(test, strstr(amp_board_trace(test, h), line));
	amp_board_stop(test, h);
}

/* Test that many doorbells in a row are each echoed with their payload. */
static void amp_board_round_trip(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;
	int i;

	amp_board_start(test, h);
	for (i = 0; i < AMP_BOARD_PINGS; i++)
		amp_board_ping(test, h, AMP_BOARD_HARNESS_VQ1, i + 1);
	amp_board_stop(test, h);
}

/* Test that deasserting a running remote leaves it running untouched. */
static void amp_board_deassert_running(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;

	amp_board_start(test, h);
	KUNIT_EXPECT_EQ(test, reset_control_deassert(h->rst), 0);
	KUNIT_EXPECT_EQ(test, reset_control_status(h->rst), 0);
	amp_board_ping(test, h, AMP_BOARD_HARNESS_VQ0, 0x77);
	KUNIT_EXPECT_EQ(test, amp_board_count(amp_board_trace(test, h),
					      AMP_BOARD_HARNESS_UP), 1);
	amp_board_stop(test, h);
}

/* Test that asserting a remote that does not stop fails with -ETIMEDOUT. */
static void amp_board_assert_timeout(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;

	amp_board_start(test, h);
	KUNIT_EXPECT_EQ(test, reset_control_assert(h->rst), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, reset_control_status(h->rst), 0);
	/* Still alive and still answering. */
	amp_board_ping(test, h, AMP_BOARD_HARNESS_FREE, 0x99);
	amp_board_stop(test, h);
}

/* The "unhandled" count of /proc/irq/@irq/spurious, or -1. */
static int amp_board_unhandled(struct kunit *test, int irq)
{
	char path[48], *buf, *p;
	unsigned int n;
	struct file *f;
	loff_t pos = 0;
	ssize_t len;

	buf = kunit_kzalloc(test, 256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	snprintf(path, sizeof(path), "/proc/irq/%d/spurious", irq);
	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return -1;
	len = kernel_read(f, buf, 255, &pos);
	filp_close(f, NULL);
	if (len <= 0)
		return -1;
	p = strstr(buf, "\nunhandled ");
	if (!p || sscanf(p, "\nunhandled %u", &n) != 1)
		return -1;
	return n;
}

/*
 * Test that a doorbell with nothing in any slot is not taken as handled:
 * the kernel counts it, and shuts the line off if the remote keeps firing.
 */
static void amp_board_empty_doorbell_unhandled(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;
	int irq = amp_board_harness_mbox_irq(h);
	int before, after, i;

	KUNIT_ASSERT_GT(test, irq, 0);
	before = amp_board_unhandled(test, irq);
	KUNIT_ASSERT_GE(test, before, 0);
	/* 1 ms apart: the kernel forgets unhandled ones 100 ms apart. */
	for (i = 0; i < 10; i++) {
		KUNIT_ASSERT_EQ(test,
				irq_set_irqchip_state(irq, IRQCHIP_STATE_PENDING,
						      true), 0);
		usleep_range(1000, 2000);
	}
	after = amp_board_unhandled(test, irq);
	KUNIT_EXPECT_EQ(test, after - before, 10);
}

/* Test that a channel index beyond the controller's fails with -EINVAL. */
static void amp_board_channel_out_of_range(struct kunit *test)
{
	struct amp_board_harness *h = test->priv;
	struct mbox_client cl = { .dev = h->dev };
	struct mbox_chan *chan;

	chan = mbox_request_channel_byname(&cl, "out-of-range");
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(chan), -EINVAL);
	if (!IS_ERR(chan))
		mbox_free_channel(chan);
}

static struct kunit_case amp_board_cases[] = {
	KUNIT_CASE(amp_board_boots_and_stops),
	KUNIT_CASE(amp_board_restarts),
	KUNIT_CASE(amp_board_doorbells_echo),
	KUNIT_CASE(amp_board_round_trip),
	KUNIT_CASE(amp_board_deassert_running),
	KUNIT_CASE(amp_board_assert_timeout),
	KUNIT_CASE(amp_board_channel_out_of_range),
	KUNIT_CASE(amp_board_empty_doorbell_unhandled),
	{ }
};

static struct kunit_suite amp_board_suite = {
	.name = "amp_board",
	.init = amp_board_init,
	.exit = amp_board_exit,
	.test_cases = amp_board_cases,
};

kunit_test_suite(amp_board_suite);

MODULE_DESCRIPTION("KUnit tests of the virtual AMP board's drivers on CPU1");
MODULE_LICENSE("GPL");
