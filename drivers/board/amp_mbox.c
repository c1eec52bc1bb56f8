// SPDX-License-Identifier: GPL-2.0-only
/*
 * Doorbell mailbox between Linux and a remote CPU of the same GIC.
 *
 * A shared page in the remote's reserved memory holds, per channel and
 * direction, a status word and a payload word (layout in
 * <amp/abi/virt_board.h>). Linux rings the remote with an SGI sent to the
 * remote's CPU interface through GICD_SGIR, the only distributor register
 * this driver maps; the remote rings Linux by pending an SPI that this
 * driver requests.
 *
 * A message is the u32 carried in the message pointer itself, as OMAP and
 * K3 clients do: mbox_send_message(chan, (void *)(uintptr_t)vqid). The
 * received payload reaches rx_callback the same way. A client that only
 * needs doorbells sends any value and ignores what it receives.
 *
 * TX is done when the remote clears the slot's status word: it pends the
 * SPI after doing so, which completes the transfer here (txdone_irq), so
 * back-to-back kicks do not wait for a poll period.
 */

#include <linux/bitmap.h>
#include <linux/bits.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/mailbox_controller.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/platform_device.h>
#include <linux/spinlock.h>

#include <amp/abi/virt_board.h>

/* GICD_SGIR fields: CPU target list at bit 16, interrupt id in [3:0]. */
#define AMP_MBOX_SGIR_TARGET(cpu)	BIT(16 + (cpu))
#define AMP_MBOX_SGI_MIN		8
#define AMP_MBOX_SGI_MAX		15
#define AMP_MBOX_GIC_MAX_CPU		7

/**
 * struct amp_mbox - one doorbell mailbox instance
 * @ctrl: the mailbox controller registered with the framework
 * @chans: the channels, indexed by the single mailbox specifier cell
 * @shm: the shared page holding both directions' slots
 * @sgir: GICD_SGIR, to ring the remote
 * @sgir_val: what to write to @sgir: target CPU and SGI number
 * @irq: the SPI the remote pends to ring Linux
 * @lock: serialises @active and @tx_busy and the slot accesses that
 *	decide on them, between senders and the interrupt handler
 * @active: channels with a client bound; others drop received messages
 * @tx_busy: channels whose last message the remote has not acknowledged
 */
struct amp_mbox {
	struct mbox_controller ctrl;
	struct mbox_chan chans[AMP_VMBOX_CHANNELS];
	void __iomem *shm;
	void __iomem *sgir;
	u32 sgir_val;
	int irq;
	spinlock_t lock; /* guards active, tx_busy and their slots */
	unsigned long active;
	unsigned long tx_busy;
};

static struct amp_mbox *amp_mbox_of(struct mbox_chan *chan)
{
	return container_of(chan->mbox, struct amp_mbox, ctrl);
}

static unsigned int amp_mbox_index(struct amp_mbox *mb, struct mbox_chan *chan)
{
	return chan - mb->chans;
}

static u32 amp_mbox_rd(struct amp_mbox *mb, unsigned int off)
{
	return readl(mb->shm + off);
}

static void amp_mbox_wr(struct amp_mbox *mb, unsigned int off, u32 val)
{
	writel(val, mb->shm + off);
}

static int amp_mbox_send_data(struct mbox_chan *chan, void *data)
{
	struct amp_mbox *mb = amp_mbox_of(chan);
	unsigned int ch = amp_mbox_index(mb, chan);
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&mb->lock, flags);
	/*
	 * The framework sends one message at a time, but the slot may still
	 * hold one the remote never took (sent while it was off, or by an
	 * earlier client). Refuse then: the remote's acknowledgment of that
	 * one retries this one through mbox_chan_txdone().
	 */
	if (amp_mbox_rd(mb, AMP_VMBOX_STATUS(AMP_VMBOX_H2R, ch))) {
		ret = -EBUSY;
	} else {
		amp_mbox_wr(mb, AMP_VMBOX_DATA(AMP_VMBOX_H2R, ch),
			    lower_32_bits((uintptr_t)data));
		amp_mbox_wr(mb, AMP_VMBOX_STATUS(AMP_VMBOX_H2R, ch), 1);
	}
	__set_bit(ch, &mb->tx_busy);
	/* writel() orders the slot writes before the doorbell. */
	writel(mb->sgir_val, mb->sgir);
	spin_unlock_irqrestore(&mb->lock, flags);

	return ret;
}

static int amp_mbox_startup(struct mbox_chan *chan)
{
	struct amp_mbox *mb = amp_mbox_of(chan);
	unsigned long flags;

	spin_lock_irqsave(&mb->lock, flags);
	__set_bit(amp_mbox_index(mb, chan), &mb->active);
	spin_unlock_irqrestore(&mb->lock, flags);

	return 0;
}

static void amp_mbox_shutdown(struct mbox_chan *chan)
{
	struct amp_mbox *mb = amp_mbox_of(chan);
	unsigned int ch = amp_mbox_index(mb, chan);
	unsigned long flags;

	spin_lock_irqsave(&mb->lock, flags);
	__clear_bit(ch, &mb->active);
	__clear_bit(ch, &mb->tx_busy);
	/*
	 * Withdraw a message the remote never took: left in the slot, it
	 * would reach a remote started later, which must not act on a
	 * request meant for an earlier run (a shutdown, typically).
	 */
	amp_mbox_wr(mb, AMP_VMBOX_STATUS(AMP_VMBOX_H2R, ch), 0);
	spin_unlock_irqrestore(&mb->lock, flags);
	/* The framework clears chan->cl next: no handler may still use it. */
	synchronize_irq(mb->irq);
}

static const struct mbox_chan_ops amp_mbox_ops = {
	.send_data = amp_mbox_send_data,
	.startup = amp_mbox_startup,
	.shutdown = amp_mbox_shutdown,
};

static irqreturn_t amp_mbox_irq(int irq, void *data)
{
	struct amp_mbox *mb = data;
	u32 msg[AMP_VMBOX_CHANNELS];
	unsigned long rx = 0, done = 0;
	bool found = false;
	unsigned int ch;

	spin_lock(&mb->lock);
	for (ch = 0; ch < AMP_VMBOX_CHANNELS; ch++) {
		if (amp_mbox_rd(mb, AMP_VMBOX_STATUS(AMP_VMBOX_R2H, ch))) {
			found = true;
			msg[ch] = amp_mbox_rd(mb,
					      AMP_VMBOX_DATA(AMP_VMBOX_R2H, ch));
			/* Acknowledge: the remote may send again. */
			amp_mbox_wr(mb, AMP_VMBOX_STATUS(AMP_VMBOX_R2H, ch), 0);
			if (test_bit(ch, &mb->active))
				__set_bit(ch, &rx);
		}
		if (test_bit(ch, &mb->tx_busy) &&
		    !amp_mbox_rd(mb, AMP_VMBOX_STATUS(AMP_VMBOX_H2R, ch))) {
			found = true;
			__clear_bit(ch, &mb->tx_busy);
			if (test_bit(ch, &mb->active))
				__set_bit(ch, &done);
		}
	}
	spin_unlock(&mb->lock);

	/* Outside the lock: both may send the client's next message. */
	for_each_set_bit(ch, &done, AMP_VMBOX_CHANNELS)
		mbox_chan_txdone(&mb->chans[ch], 0);
	for_each_set_bit(ch, &rx, AMP_VMBOX_CHANNELS)
		mbox_chan_received_data(&mb->chans[ch],
					(void *)(uintptr_t)msg[ch]);

	/*
	 * Doorbells coalesce, so a second SPI may find the work already
	 * done; that is rare. A remote that keeps ringing with nothing in
	 * any slot is not: IRQ_NONE lets the kernel count it and, past its
	 * threshold, shut the line off instead of spending the CPU on it.
	 */
	return found ? IRQ_HANDLED : IRQ_NONE;
}

static int amp_mbox_map_shm(struct amp_mbox *mb, struct device *dev)
{
	struct device_node *np;
	struct resource res;
	int ret;

	np = of_parse_phandle(dev->of_node, "memory-region", 0);
	if (!np)
		return dev_err_probe(dev, -EINVAL, "no memory-region\n");
	ret = of_address_to_resource(np, 0, &res);
	of_node_put(np);
	if (ret)
		return dev_err_probe(dev, ret, "bad memory-region\n");
	if (resource_size(&res) < AMP_VMBOX_SHM_MIN_SIZE)
		return dev_err_probe(dev, -EINVAL,
				     "memory-region %pR smaller than %#x\n",
				     &res, AMP_VMBOX_SHM_MIN_SIZE);

	/*
	 * Device memory: the remote runs with its MMU off, so it neither
	 * caches the page nor sees Linux's caches.
	 */
	mb->shm = devm_ioremap(dev, res.start, AMP_VMBOX_SHM_MIN_SIZE);
	if (!mb->shm)
		return dev_err_probe(dev, -ENOMEM, "cannot map %pR\n", &res);

	return 0;
}

static int amp_mbox_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct amp_mbox *mb;
	u32 sgi, cpu;
	int ret, i;

	mb = devm_kzalloc(dev, sizeof(*mb), GFP_KERNEL);
	if (!mb)
		return -ENOMEM;
	spin_lock_init(&mb->lock);

	ret = of_property_read_u32(dev->of_node, "amp,doorbell-sgi", &sgi);
	if (ret || sgi < AMP_MBOX_SGI_MIN || sgi > AMP_MBOX_SGI_MAX)
		return dev_err_probe(dev, -EINVAL,
				     "amp,doorbell-sgi must be %d..%d\n",
				     AMP_MBOX_SGI_MIN, AMP_MBOX_SGI_MAX);
	ret = of_property_read_u32(dev->of_node, "amp,doorbell-cpu", &cpu);
	if (ret || cpu > AMP_MBOX_GIC_MAX_CPU)
		return dev_err_probe(dev, -EINVAL,
				     "amp,doorbell-cpu must be 0..%d\n",
				     AMP_MBOX_GIC_MAX_CPU);
	mb->sgir_val = AMP_MBOX_SGIR_TARGET(cpu) | sgi;

	mb->sgir = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(mb->sgir))
		return dev_err_probe(dev, PTR_ERR(mb->sgir),
				     "cannot map GICD_SGIR\n");

	ret = amp_mbox_map_shm(mb, dev);
	if (ret)
		return ret;

	mb->irq = platform_get_irq(pdev, 0);
	if (mb->irq < 0)
		return mb->irq;
	ret = devm_request_irq(dev, mb->irq, amp_mbox_irq, 0, dev_name(dev),
			       mb);
	if (ret)
		return dev_err_probe(dev, ret, "cannot request irq %d\n",
				     mb->irq);

	for (i = 0; i < AMP_VMBOX_CHANNELS; i++)
		mb->chans[i].con_priv = mb;
	mb->ctrl.dev = dev;
	mb->ctrl.ops = &amp_mbox_ops;
	mb->ctrl.chans = mb->chans;
	mb->ctrl.num_chans = AMP_VMBOX_CHANNELS;
	mb->ctrl.txdone_irq = true;

	ret = devm_mbox_controller_register(dev, &mb->ctrl);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register mailbox\n");

	platform_set_drvdata(pdev, mb);
	dev_dbg(dev, "%d channels, SGI %u to CPU %u, irq %d\n",
		AMP_VMBOX_CHANNELS, sgi, cpu, mb->irq);

	return 0;
}

static const struct of_device_id amp_mbox_of_match[] = {
	{ .compatible = "amp,virt-mbox" },
	{ }
};
MODULE_DEVICE_TABLE(of, amp_mbox_of_match);

static struct platform_driver amp_mbox_driver = {
	.probe = amp_mbox_probe,
	.driver = {
		.name = "amp-mbox",
		.of_match_table = amp_mbox_of_match,
	},
};
module_platform_driver(amp_mbox_driver);

MODULE_DESCRIPTION("Doorbell mailbox to a remote CPU through GIC SGIs and SPIs");
MODULE_LICENSE("GPL");
