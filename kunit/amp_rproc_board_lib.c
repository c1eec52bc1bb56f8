// SPDX-License-Identifier: GPL-2.0-only
/*
 * Common parts of the amp_rproc KUnit suites: a fake mailbox controller and
 * a fake reset controller that record every message and every assert and
 * deassert in one log, so a case can check the exact sequence a driver
 * operation produced; the DT overlay; binding through driver_override;
 * firmware files and an ELF32/ELF64 image builder.
 */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/jiffies.h>
#include <linux/kmod.h>
#include <linux/kthread.h>
#include <linux/mailbox_controller.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>
#include <linux/reset-controller.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include <amp/internal/compat.h>

#include "amp_rproc_board.h"

#define AMP_RPROC_BOARD_LOG_LEN 512

static DEFINE_SPINLOCK(amp_rproc_board_lock);
static char amp_rproc_board_events[AMP_RPROC_BOARD_LOG_LEN];
static bool amp_rproc_board_muted[AMP_RPROC_BOARD_NR_CHANS];
static bool amp_rproc_board_asserted[AMP_RPROC_BOARD_NR_RESETS];

/**
 * struct amp_rproc_board_mbox - the fake mailbox controller
 * @ctrl: the registered controller
 * @chans: its channels
 */
struct amp_rproc_board_mbox {
	struct mbox_controller ctrl;
	struct mbox_chan chans[AMP_RPROC_BOARD_NR_CHANS];
};

static struct amp_rproc_board_mbox *amp_rproc_board_mbox_dev;

/* Appends one event; called from atomic context by the mailbox core. */
static __printf(1, 2) void amp_rproc_board_event(const char *fmt, ...)
{
	unsigned long flags;
	size_t len;
	va_list args;

	spin_lock_irqsave(&amp_rproc_board_lock, flags);
	len = strlen(amp_rproc_board_events);
	va_start(args, fmt);
	vsnprintf(amp_rproc_board_events + len,
		  sizeof(amp_rproc_board_events) - len, fmt, args);
	va_end(args);
	spin_unlock_irqrestore(&amp_rproc_board_lock, flags);
}

void amp_rproc_board_log_clear(void)
{
	unsigned long flags;

	spin_lock_irqsave(&amp_rproc_board_lock, flags);
	amp_rproc_board_events[0] = '\0';
	spin_unlock_irqrestore(&amp_rproc_board_lock, flags);
}

const char *amp_rproc_board_log(struct kunit *test)
{
	unsigned long flags;
	char *copy;

	copy = kunit_kzalloc(test, AMP_RPROC_BOARD_LOG_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	spin_lock_irqsave(&amp_rproc_board_lock, flags);
	strscpy(copy, amp_rproc_board_events, AMP_RPROC_BOARD_LOG_LEN);
	spin_unlock_irqrestore(&amp_rproc_board_lock, flags);
	return copy;
}

bool amp_rproc_board_log_is(const char *expected)
{
	unsigned long flags;
	bool same;

	spin_lock_irqsave(&amp_rproc_board_lock, flags);
	same = !strcmp(amp_rproc_board_events, expected);
	spin_unlock_irqrestore(&amp_rproc_board_lock, flags);
	return same;
}

static int amp_rproc_board_mbox_send(struct mbox_chan *chan, void *data)
{
	struct amp_rproc_board_mbox *mb = container_of(chan->mbox,
						       struct amp_rproc_board_mbox,
						       ctrl);

	amp_rproc_board_event("mbox%td:%u ", chan - mb->chans,
			      lower_32_bits((uintptr_t)data));
	return 0;
}

/* A muted channel is a remote that never acknowledges. */
static bool amp_rproc_board_mbox_done(struct mbox_chan *chan)
{
	struct amp_rproc_board_mbox *mb = container_of(chan->mbox,
						       struct amp_rproc_board_mbox,
						       ctrl);

	return !READ_ONCE(amp_rproc_board_muted[chan - mb->chans]);
}

/*
 * A remote that rings at a chosen moment of the driver's life: when
 * channel amp_rproc_board_ring.trigger is taken (probe) or given back
 * (unbind), channel amp_rproc_board_ring.target receives a doorbell, and
 * the driver gets time to handle it before the fake returns.
 */
static struct {
	int trigger;
	int target;
	bool on_startup;
	unsigned int rung;
} amp_rproc_board_ring = { .trigger = -1 };

static void amp_rproc_board_mbox_ring_now(struct mbox_chan *chan,
					  bool startup)
{
	struct amp_rproc_board_mbox *mb = container_of(chan->mbox,
						       struct amp_rproc_board_mbox,
						       ctrl);
	int target = READ_ONCE(amp_rproc_board_ring.target);

	if (chan - mb->chans != READ_ONCE(amp_rproc_board_ring.trigger) ||
	    startup != READ_ONCE(amp_rproc_board_ring.on_startup) ||
	    !mb->chans[target].cl)
		return;
	amp_rproc_board_mbox_rx(target, 0);
	WRITE_ONCE(amp_rproc_board_ring.rung,
		   READ_ONCE(amp_rproc_board_ring.rung) + 1);
	/* Long enough for the driver's notify work to run. */
	msleep(50);
}

/*
 * A remote that rings all the time: a thread raises a doorbell on every
 * channel of a mask, as an interrupt handler would, while the channel is
 * started (from the controller's startup to its shutdown, when a real
 * controller's interrupt is enabled).
 */
static struct {
	spinlock_t lock;	/* started against the thread's doorbells */
	unsigned long started;
	unsigned long mask;
	unsigned int rung;
	struct task_struct *thread;
} amp_rproc_board_ringer = {
	.lock = __SPIN_LOCK_UNLOCKED(amp_rproc_board_ringer.lock),
};

static void amp_rproc_board_ringer_set(struct mbox_chan *chan, bool started)
{
	struct amp_rproc_board_mbox *mb = container_of(chan->mbox,
						       struct amp_rproc_board_mbox,
						       ctrl);
	unsigned long flags;

	spin_lock_irqsave(&amp_rproc_board_ringer.lock, flags);
	if (started)
		__set_bit(chan - mb->chans, &amp_rproc_board_ringer.started);
	else
		__clear_bit(chan - mb->chans, &amp_rproc_board_ringer.started);
	spin_unlock_irqrestore(&amp_rproc_board_ringer.lock, flags);
}

static int amp_rproc_board_ringer_fn(void *data)
{
	unsigned long flags, ring;
	unsigned int ch;

	while (!kthread_should_stop()) {
		spin_lock_irqsave(&amp_rproc_board_ringer.lock, flags);
		ring = amp_rproc_board_ringer.started &
		       READ_ONCE(amp_rproc_board_ringer.mask);
		for_each_set_bit(ch, &ring, AMP_RPROC_BOARD_NR_CHANS) {
			mbox_chan_received_data(&amp_rproc_board_mbox_dev->chans[ch],
						NULL);
			amp_rproc_board_ringer.rung++;
		}
		spin_unlock_irqrestore(&amp_rproc_board_ringer.lock, flags);
		usleep_range(20, 50);
	}
	return 0;
}

static int amp_rproc_board_mbox_startup(struct mbox_chan *chan)
{
	amp_rproc_board_mbox_ring_now(chan, true);
	amp_rproc_board_ringer_set(chan, true);
	return 0;
}

static void amp_rproc_board_mbox_shutdown(struct mbox_chan *chan)
{
	/* Once this returns the thread rings the channel no more. */
	amp_rproc_board_ringer_set(chan, false);
	amp_rproc_board_mbox_ring_now(chan, false);
}

static const struct mbox_chan_ops amp_rproc_board_mbox_ops = {
	.send_data = amp_rproc_board_mbox_send,
	.startup = amp_rproc_board_mbox_startup,
	.shutdown = amp_rproc_board_mbox_shutdown,
	.last_tx_done = amp_rproc_board_mbox_done,
};

/*
 * Makes channel @target ring when channel @trigger is taken (@on_startup)
 * or given back; a negative @trigger turns it off. Returns how many
 * doorbells rang since the last call.
 */
unsigned int amp_rproc_board_mbox_ring_at(int trigger, int target,
					  bool on_startup)
{
	unsigned int rung = READ_ONCE(amp_rproc_board_ring.rung);

	WRITE_ONCE(amp_rproc_board_ring.trigger, -1);
	WRITE_ONCE(amp_rproc_board_ring.target, target);
	WRITE_ONCE(amp_rproc_board_ring.on_startup, on_startup);
	WRITE_ONCE(amp_rproc_board_ring.rung, 0);
	WRITE_ONCE(amp_rproc_board_ring.trigger, trigger);
	return rung;
}

/*
 * Makes the channels of @mask ring all the time while they are started,
 * from a thread; 0 stops it. Returns how many doorbells rang since the
 * last call.
 */
unsigned int amp_rproc_board_mbox_ring_always(struct kunit *test,
					      unsigned long mask)
{
	struct task_struct *t;
	unsigned long flags;
	unsigned int rung;

	t = amp_rproc_board_ringer.thread;
	if (mask && !t) {
		t = kthread_run(amp_rproc_board_ringer_fn, NULL,
				"amp-kunit-ringer");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		amp_rproc_board_ringer.thread = t;
	}
	WRITE_ONCE(amp_rproc_board_ringer.mask, mask);
	if (!mask && t) {
		kthread_stop(t);
		amp_rproc_board_ringer.thread = NULL;
	}
	spin_lock_irqsave(&amp_rproc_board_ringer.lock, flags);
	rung = amp_rproc_board_ringer.rung;
	amp_rproc_board_ringer.rung = 0;
	spin_unlock_irqrestore(&amp_rproc_board_ringer.lock, flags);
	return rung;
}

void amp_rproc_board_mbox_mute(unsigned int ch, bool mute)
{
	WRITE_ONCE(amp_rproc_board_muted[ch], mute);
}

void amp_rproc_board_mbox_rx(unsigned int ch, u32 msg)
{
	unsigned long flags;

	/* As a controller's interrupt handler would. */
	local_irq_save(flags);
	mbox_chan_received_data(&amp_rproc_board_mbox_dev->chans[ch],
				(void *)(uintptr_t)msg);
	local_irq_restore(flags);
}

static void amp_rproc_board_mbox_gone(void *data)
{
	amp_rproc_board_mbox_dev = NULL;
}

static int amp_rproc_board_mbox_probe(struct platform_device *pdev)
{
	struct amp_rproc_board_mbox *mb;
	int ret;

	mb = devm_kzalloc(&pdev->dev, sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	mb->ctrl.dev = &pdev->dev;
	mb->ctrl.ops = &amp_rproc_board_mbox_ops;
	mb->ctrl.chans = mb->chans;
	mb->ctrl.num_chans = AMP_RPROC_BOARD_NR_CHANS;
	mb->ctrl.txdone_poll = true;
	mb->ctrl.txpoll_period = 1;
	memset(amp_rproc_board_muted, 0, sizeof(amp_rproc_board_muted));
	ret = devm_mbox_controller_register(&pdev->dev, &mb->ctrl);
	if (ret)
		return ret;
	amp_rproc_board_mbox_dev = mb;
	return devm_add_action_or_reset(&pdev->dev, amp_rproc_board_mbox_gone,
					NULL);
}

static const struct of_device_id amp_rproc_board_mbox_match[] = {
	{ .compatible = "amp,kunit-fake-mbox" },
	{ }
};

static struct platform_driver amp_rproc_board_mbox_driver = {
	.probe = amp_rproc_board_mbox_probe,
	.driver = {
		.name = "amp_rproc_board_mbox",
		.of_match_table = amp_rproc_board_mbox_match,
	},
};

static int amp_rproc_board_reset_assert(struct reset_controller_dev *rcdev,
					unsigned long id)
{
	WRITE_ONCE(amp_rproc_board_asserted[id], true);
	amp_rproc_board_event("rst%lu+ ", id);
	return 0;
}

static int amp_rproc_board_reset_deassert(struct reset_controller_dev *rcdev,
					  unsigned long id)
{
	WRITE_ONCE(amp_rproc_board_asserted[id], false);
	amp_rproc_board_event("rst%lu- ", id);
	return 0;
}

static int amp_rproc_board_reset_status(struct reset_controller_dev *rcdev,
					unsigned long id)
{
	return READ_ONCE(amp_rproc_board_asserted[id]);
}

static const struct reset_control_ops amp_rproc_board_reset_ops = {
	.assert = amp_rproc_board_reset_assert,
	.deassert = amp_rproc_board_reset_deassert,
	.status = amp_rproc_board_reset_status,
};

void amp_rproc_board_reset_set(unsigned int id, bool asserted)
{
	WRITE_ONCE(amp_rproc_board_asserted[id], asserted);
}

bool amp_rproc_board_reset_asserted(unsigned int id)
{
	return READ_ONCE(amp_rproc_board_asserted[id]);
}

static int amp_rproc_board_reset_probe(struct platform_device *pdev)
{
	struct reset_controller_dev *rcdev;
	unsigned int i;

	rcdev = devm_kzalloc(&pdev->dev, sizeof(*rcdev), GFP_KERNEL);
	if (!rcdev)
		return -ENOMEM;
	rcdev->owner = THIS_MODULE;
	rcdev->ops = &amp_rproc_board_reset_ops;
	rcdev->of_node = pdev->dev.of_node;
	rcdev->of_reset_n_cells = 1;
	rcdev->nr_resets = AMP_RPROC_BOARD_NR_RESETS;
	rcdev->dev = &pdev->dev;
	/* Every remote starts held in reset. */
	for (i = 0; i < AMP_RPROC_BOARD_NR_RESETS; i++)
		amp_rproc_board_asserted[i] = true;
	return devm_reset_controller_register(&pdev->dev, rcdev);
}

static const struct of_device_id amp_rproc_board_reset_match[] = {
	{ .compatible = "amp,kunit-fake-reset" },
	{ }
};

static struct platform_driver amp_rproc_board_reset_driver = {
	.probe = amp_rproc_board_reset_probe,
	.driver = {
		.name = "amp_rproc_board_reset",
		.of_match_table = amp_rproc_board_reset_match,
	},
};

int amp_rproc_board_suite_init(struct kunit_suite *suite)
{
	int ret;

	/*
	 * The suites reach amp_rproc through the driver core only, so no
	 * symbol makes modprobe load it: ask for it (the softdep below does
	 * the same for modprobe).
	 */
	ret = request_module("amp_rproc");
	if (ret)
		pr_warn("amp_rproc_kunit: request_module(amp_rproc): %d\n", ret);

	/*
	 * Registered without an owner: 6.1's KUnit runs a module's suites
	 * while the module is still coming up (MODULE_STATE_COMING; 6.12
	 * waits until it is live), before its sysfs directory exists, and a
	 * driver with an owner links itself there. The fakes never leave
	 * this module, so nothing needs the link.
	 */
	ret = __platform_driver_register(&amp_rproc_board_mbox_driver, NULL);
	if (ret)
		return ret;
	ret = __platform_driver_register(&amp_rproc_board_reset_driver, NULL);
	if (ret)
		platform_driver_unregister(&amp_rproc_board_mbox_driver);
	return ret;
}

void amp_rproc_board_suite_exit(struct kunit_suite *suite)
{
	platform_driver_unregister(&amp_rproc_board_reset_driver);
	platform_driver_unregister(&amp_rproc_board_mbox_driver);
}

int amp_rproc_board_init(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx;
	u32 size = __dtb_amp_rproc_board_overlay_end -
		   __dtb_amp_rproc_board_overlay_begin;
	int ret;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	test->priv = ctx;
	amp_rproc_board_log_clear();
	amp_rproc_board_mbox_ring_at(-1, 0, false);
	ret = amp_of_overlay_fdt_apply(__dtb_amp_rproc_board_overlay_begin,
				       size, &ctx->ovcs_id);
	if (ret) {
		kunit_err(test, "cannot apply the overlay: %d\n", ret);
		return ret;
	}
	if (!amp_rproc_board_mbox_dev) {
		kunit_err(test, "the fake mailbox did not probe\n");
		of_overlay_remove(&ctx->ovcs_id);
		return -ENODEV;
	}
	return 0;
}

void amp_rproc_board_exit(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;

	amp_rproc_board_mbox_ring_always(test, 0);
	/* Unbind first: the remote must stop while its fakes still exist. */
	if (ctx->pdev) {
		device_release_driver(&ctx->pdev->dev);
		put_device(&ctx->pdev->dev);
	}
	of_overlay_remove(&ctx->ovcs_id);
}

static struct platform_device *amp_rproc_board_pdev(struct kunit *test,
						    const char *path)
{
	struct platform_device *pdev;
	struct device_node *np;

	np = of_find_node_by_path(path);
	KUNIT_ASSERT_NOT_NULL_MSG(test, np, "no node %s", path);
	pdev = of_find_device_by_node(np);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, pdev, "no device for %s", path);
	return pdev;
}

/* Writes @size bytes of @data to the file at @path, from its start. */
static void amp_rproc_board_write_file(struct kunit *test, const char *path,
				       int flags, const void *data,
				       size_t size)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	f = filp_open(path, O_WRONLY | flags, 0644);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "cannot open %s: %ld", path,
			       PTR_ERR(f));
	n = kernel_write(f, data, size, &pos);
	filp_close(f, NULL);
	/*
	 * A kthread's last fput() is deferred to a work item; until it runs
	 * the file counts as open for writing and the firmware loader gets
	 * -ETXTBSY.
	 */
	flush_delayed_fput();
	KUNIT_ASSERT_EQ_MSG(test, n, (ssize_t)size, "writing %s", path);
}

/*
 * Binds @path to amp_rproc as a user would: the device's driver_override
 * file in sysfs, then a probe.
 */
int amp_rproc_board_bind(struct kunit *test, const char *path)
{
	static const char driver[] = "amp_rproc";
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct platform_device *pdev;
	char file[128];
	int ret;

	if (ctx->pdev) {
		device_release_driver(&ctx->pdev->dev);
		put_device(&ctx->pdev->dev);
	}
	pdev = amp_rproc_board_pdev(test, path);
	ctx->pdev = pdev;
	ctx->rproc = NULL;
	snprintf(file, sizeof(file),
		 "/sys/bus/platform/devices/%s/driver_override",
		 dev_name(&pdev->dev));
	amp_rproc_board_write_file(test, file, 0, driver, sizeof(driver) - 1);
	ret = device_attach(&pdev->dev);
	if (ret < 0)
		return ret;
	if (!ret || !pdev->dev.driver)
		return -ENODEV;
	ctx->rproc = platform_get_drvdata(pdev);
	KUNIT_ASSERT_NOT_NULL(test, ctx->rproc);
	return 0;
}

/* The remote processor of a node bound by its compatible. */
struct rproc *amp_rproc_board_find(struct kunit *test, const char *path)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct platform_device *pdev;

	pdev = amp_rproc_board_pdev(test, path);
	/* Bound by its compatible: only the reference is the case's. */
	ctx->pdev = pdev;
	KUNIT_ASSERT_NOT_NULL_MSG(test, pdev->dev.driver, "%s is not bound",
				  path);
	ctx->rproc = platform_get_drvdata(pdev);
	return ctx->rproc;
}

void amp_rproc_board_write_fw(struct kunit *test, const char *name,
			      const void *data, size_t size)
{
	char path[96];

	snprintf(path, sizeof(path), "/lib/firmware/%s", name);
	amp_rproc_board_write_file(test, path, O_CREAT | O_TRUNC, data,
				   size);
}

bool amp_rproc_board_wait(bool (*cond)(void *arg), void *arg, unsigned int ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	while (!cond(arg)) {
		if (time_after(jiffies, end))
			return cond(arg);
		msleep(20);
	}
	return true;
}

kunit_test_suites(&amp_rproc_board_lifecycle_suite, &amp_rproc_board_probe_suite,
		  &amp_rproc_board_load_suite, &amp_rproc_board_stm32_suite);

MODULE_SOFTDEP("pre: amp_rproc");
MODULE_DESCRIPTION("KUnit suites of the amp_rproc remoteproc platform driver");
MODULE_LICENSE("GPL");
