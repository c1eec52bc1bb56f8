// SPDX-License-Identifier: GPL-2.0-only
/*
 * Mailbox channels of the amp_rproc driver.
 *
 * Two styles of doorbell exist: one channel per virtqueue ("vq0", "vq1",
 * ...: the channel is the notify id, the payload means nothing, as on
 * STM32 IPCC) or one "tx"/"rx" pair whose 32-bit payload is the notify id
 * (as OMAP and K3 do). Optional channels ask the remote to shut down or
 * tell it the host detaches; a "crash" channel reports a remote crash.
 *
 * Received kicks are recorded in a bitmap from the mailbox's (possibly
 * atomic) context and handled from a work item, because the virtqueue
 * callbacks of rpmsg sleep.
 *
 * Kicks on a per-virtqueue channel coalesce: the remote drains the whole
 * vring on each one, so one in flight plus one sent after it completes
 * says all a burst of them would. Queuing each would overflow the
 * framework's queue while the remote is busy.
 */

#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mailbox_client.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/remoteproc.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "amp_rproc.h"

/*
 * Payload of a kick on a per-virtqueue channel, which means nothing to the
 * remote. Not 0: 6.1's mailbox core never completes a NULL message.
 */
#define AMP_RPROC_MBOX_KICK_MSG		1

/* Payload of the shutdown and detach requests (the remote ignores it). */
#define AMP_RPROC_MBOX_SHUTDOWN_MSG	0x5d
#define AMP_RPROC_MBOX_DETACH_MSG	0xde

static unsigned int shutdown_timeout_ms = 500;
module_param(shutdown_timeout_ms, uint, 0644);
MODULE_PARM_DESC(shutdown_timeout_ms,
		 "time the remote has to acknowledge a shutdown or detach request (ms, default 500)");

static void amp_rproc_mbox_mark(struct amp_rproc *ar, u32 notifyid)
{
	if (notifyid < AMP_RPROC_NOTIFY_BITS)
		set_bit(notifyid, ar->pending);
	else
		set_bit(AMP_RPROC_NOTIFY_ALL_BIT, ar->pending);
	queue_work(system_highpri_wq, &ar->notify_work);
}

static void amp_rproc_mbox_vq_rx(struct mbox_client *cl, void *msg)
{
	struct amp_rproc_chan *c = container_of(cl, struct amp_rproc_chan, cl);

	amp_rproc_mbox_mark(c->ar, c->notifyid);
}

static void amp_rproc_mbox_send_kick(struct amp_rproc_chan *c)
{
	unsigned long flags;
	int ret;

	ret = mbox_send_message(c->chan, (void *)AMP_RPROC_MBOX_KICK_MSG);
	if (ret >= 0)
		return;
	spin_lock_irqsave(&c->lock, flags);
	c->in_flight = false;
	spin_unlock_irqrestore(&c->lock, flags);
	dev_err_ratelimited(c->ar->dev, "kick of notify id %u failed: %d\n",
			    c->notifyid, ret);
}

static void amp_rproc_mbox_kick_vq(struct amp_rproc_chan *c)
{
	unsigned long flags;
	bool send;

	spin_lock_irqsave(&c->lock, flags);
	send = !c->in_flight;
	if (send)
		c->in_flight = true;
	else
		c->again = true;
	spin_unlock_irqrestore(&c->lock, flags);
	if (send)
		amp_rproc_mbox_send_kick(c);
}

static void amp_rproc_mbox_vq_tx_done(struct mbox_client *cl, void *msg,
				      int r)
{
	struct amp_rproc_chan *c = container_of(cl, struct amp_rproc_chan, cl);
	unsigned long flags;
	bool send;

	spin_lock_irqsave(&c->lock, flags);
	send = c->again;
	c->again = false;
	if (!send)
		c->in_flight = false;
	spin_unlock_irqrestore(&c->lock, flags);
	if (send)
		amp_rproc_mbox_send_kick(c);
}

static void amp_rproc_mbox_rx_rx(struct mbox_client *cl, void *msg)
{
	struct amp_rproc_chan *c = container_of(cl, struct amp_rproc_chan, cl);

	amp_rproc_mbox_mark(c->ar, lower_32_bits((uintptr_t)msg));
}

static void amp_rproc_mbox_crash_rx(struct mbox_client *cl, void *msg)
{
	struct amp_rproc_chan *c = container_of(cl, struct amp_rproc_chan, cl);

	amp_rproc_report_crash(c->ar, RPROC_FATAL_ERROR,
			       "it reports a crash");
}

static void amp_rproc_mbox_work(struct work_struct *work)
{
	struct amp_rproc *ar = container_of(work, struct amp_rproc,
					    notify_work);
	unsigned int id;

	if (test_and_clear_bit(AMP_RPROC_NOTIFY_ALL_BIT, ar->pending)) {
		/* Draining everything covers the single ids seen so far. */
		bitmap_zero(ar->pending, AMP_RPROC_NOTIFY_BITS);
		ar->table->notify(ar, AMP_RSC_NOTIFY_ALL);
		return;
	}
	for (id = 0; id < AMP_RPROC_NOTIFY_BITS; id++)
		if (test_and_clear_bit(id, ar->pending))
			ar->table->notify(ar, id);
}

static void amp_rproc_mbox_free(void *data)
{
	struct amp_rproc_chan *c = data;

	mbox_free_channel(c->chan);
	c->chan = NULL;
}

static void amp_rproc_mbox_cancel(void *data)
{
	struct amp_rproc *ar = data;

	cancel_work_sync(&ar->notify_work);
}

static int amp_rproc_mbox_get(struct amp_rproc *ar, struct amp_rproc_chan *c,
			      const char *name,
			      void (*rx)(struct mbox_client *cl, void *msg),
			      bool blocking)
{
	struct device *dev = ar->dev;

	if (c->chan)
		return dev_err_probe(dev, -EINVAL,
				     "mbox-names: channel %s named twice\n",
				     name);
	c->ar = ar;
	c->name = name;
	spin_lock_init(&c->lock);
	c->cl.dev = dev;
	c->cl.rx_callback = rx;
	c->cl.tx_block = blocking;
	c->cl.tx_tout = shutdown_timeout_ms;
	c->cl.knows_txdone = false;
	c->chan = mbox_request_channel_byname(&c->cl, name);
	if (IS_ERR(c->chan)) {
		int ret = PTR_ERR(c->chan);

		c->chan = NULL;
		return dev_err_probe(dev, ret, "mailbox channel %s: cannot get it\n",
				     name);
	}
	return devm_add_action_or_reset(dev, amp_rproc_mbox_free, c);
}

/*
 * Maps an STM32-style or generic channel name to its slot. Returns the
 * channel, or NULL for an unknown name.
 */
static struct amp_rproc_chan *amp_rproc_mbox_slot(struct amp_rproc *ar,
						  const char *name,
						  void (**rx)(struct mbox_client *,
							      void *),
						  bool *blocking)
{
	unsigned int vq;

	*rx = NULL;
	*blocking = false;
	if (!strncmp(name, "vq", 2) && !kstrtouint(name + 2, 10, &vq) &&
	    vq < AMP_RPROC_MAX_VQS) {
		ar->vq[vq].notifyid = vq;
		ar->vq[vq].cl.tx_done = amp_rproc_mbox_vq_tx_done;
		*rx = amp_rproc_mbox_vq_rx;
		return &ar->vq[vq];
	}
	if (!strcmp(name, "tx"))
		return &ar->tx;
	if (!strcmp(name, "rx")) {
		*rx = amp_rproc_mbox_rx_rx;
		return &ar->rx;
	}
	*blocking = true;
	if (!strcmp(name, "shutdown"))
		return &ar->shutdown;
	if (!strcmp(name, "detach"))
		return &ar->detach;
	if (!strcmp(name, "crash")) {
		*rx = amp_rproc_mbox_crash_rx;
		*blocking = false;
		return &ar->crash;
	}
	return NULL;
}

int amp_rproc_mbox_request(struct amp_rproc *ar)
{
	struct device *dev = ar->dev;
	void (*rx)(struct mbox_client *cl, void *msg);
	struct amp_rproc_chan *c;
	const char *name;
	bool blocking, kick = false;
	int count, i, ret;

	INIT_WORK(&ar->notify_work, amp_rproc_mbox_work);
	ret = devm_add_action_or_reset(dev, amp_rproc_mbox_cancel, ar);
	if (ret)
		return ret;

	count = of_property_count_strings(dev->of_node, "mbox-names");
	if (count <= 0)
		return dev_err_probe(dev, -EINVAL,
				     "no mailbox: mboxes and mbox-names are required\n");

	for (i = 0; i < count; i++) {
		ret = of_property_read_string_index(dev->of_node, "mbox-names",
						    i, &name);
		if (ret)
			return dev_err_probe(dev, ret, "mbox-names %d: unreadable\n",
					     i);
		c = amp_rproc_mbox_slot(ar, name, &rx, &blocking);
		if (!c)
			return dev_err_probe(dev, -EINVAL,
					     "mbox-names: unknown channel name \"%s\"\n",
					     name);
		ret = amp_rproc_mbox_get(ar, c, name, rx, blocking);
		if (ret)
			return ret;
		if (c == &ar->tx || (c >= ar->vq && c < ar->vq + AMP_RPROC_MAX_VQS))
			kick = true;
	}
	if (!kick)
		return dev_err_probe(dev, -EINVAL,
				     "no mailbox to kick the remote: need vq<N> channels or a tx channel\n");
	return 0;
}

/* amp_rsc_ops.kick: may run in atomic context, so never blocks. */
void amp_rproc_mbox_rsc_kick(struct rproc *rproc, u32 notifyid)
{
	struct amp_rproc *ar = rproc->priv;
	int ret;

	if (notifyid < AMP_RPROC_MAX_VQS && ar->vq[notifyid].chan) {
		amp_rproc_mbox_kick_vq(&ar->vq[notifyid]);
		return;
	}
	if (!ar->tx.chan) {
		dev_warn_ratelimited(ar->dev, "kick of notify id %u: no channel vq%u and no tx channel\n",
				     notifyid, notifyid);
		return;
	}
	ret = mbox_send_message(ar->tx.chan, (void *)(uintptr_t)notifyid);
	if (ret < 0)
		dev_err_ratelimited(ar->dev, "kick of notify id %u failed: %d\n",
				    notifyid, ret);
}

void amp_rproc_mbox_kick(struct rproc *rproc, int vqid)
{
	amp_rproc_mbox_rsc_kick(rproc, vqid);
}

/*
 * The framework keeps a blocking message that timed out queued and
 * delivers it later, and the controller may still hold it for the remote:
 * a shutdown request would then stop the remote's next run. Releasing the
 * channel drops both; it is requested again for the next request.
 */
static void amp_rproc_mbox_withdraw(struct amp_rproc_chan *c)
{
	struct mbox_chan *chan;

	mbox_free_channel(c->chan);
	chan = mbox_request_channel_byname(&c->cl, c->name);
	if (IS_ERR(chan)) {
		dev_err(c->ar->dev, "mailbox channel %s: cannot get it back: %ld\n",
			c->name, PTR_ERR(chan));
		chan = NULL;
	}
	c->chan = chan;
}

/*
 * Sends a request the remote must acknowledge on channel @c (none: nothing
 * to ask) and waits for the acknowledgment: the controller reports the
 * message consumed within shutdown_timeout_ms. @otherwise tells what
 * happens without one.
 */
static int amp_rproc_mbox_request_ack(struct amp_rproc_chan *c, u32 msg,
				      const char *otherwise)
{
	int ret;

	if (!c->chan)
		return 0;
	c->cl.tx_tout = shutdown_timeout_ms;
	ret = mbox_send_message(c->chan, (void *)(uintptr_t)msg);
	if (ret >= 0)
		return 0;
	dev_warn(c->ar->dev, "the remote did not acknowledge the %s request within %u ms (%d)%s\n",
		 c->name, shutdown_timeout_ms, ret, otherwise);
	amp_rproc_mbox_withdraw(c);
	return ret;
}

/* Asks the remote to stop; one that does not answer is forced off. */
int amp_rproc_mbox_shutdown(struct amp_rproc *ar)
{
	return amp_rproc_mbox_request_ack(&ar->shutdown,
					  AMP_RPROC_MBOX_SHUTDOWN_MSG,
					  ": forcing it off");
}

/* Tells the remote the host detaches; it keeps running either way. */
int amp_rproc_mbox_detach(struct amp_rproc *ar)
{
	return amp_rproc_mbox_request_ack(&ar->detach,
					  AMP_RPROC_MBOX_DETACH_MSG, "");
}
