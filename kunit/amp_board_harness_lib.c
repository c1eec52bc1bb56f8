// SPDX-License-Identifier: GPL-2.0-only
/*
 * amp_board_harness.ko: the virtual AMP board's remote CPU driven through
 * the board's mailbox and reset drivers, shared by the amp_board KUnit
 * suite and the doorbell benchmark (see amp_board_harness.h).
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kmod.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/reset.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/abi/virt_board.h>
#include <amp/internal/compat.h>
#include <amp/internal/fw_elf.h>

#include "amp_board_harness.h"

/* How long the remote has to take a blocking request (shutdown). */
#define AMP_BOARD_HARNESS_TX_TIMEOUT_MS	500

static const char * const amp_board_harness_ch_names[] = {
	[AMP_BOARD_HARNESS_VQ0] = "vq0",
	[AMP_BOARD_HARNESS_VQ1] = "vq1",
	[AMP_BOARD_HARNESS_SHUTDOWN] = "shutdown",
	[AMP_BOARD_HARNESS_FREE] = "free",
};

static void amp_board_harness_rx(struct mbox_client *cl, void *msg)
{
	struct amp_board_harness_chan *c =
		container_of(cl, struct amp_board_harness_chan, cl);

	WRITE_ONCE(c->msg, lower_32_bits((uintptr_t)msg));
	complete(&c->rx);
}

/* Maps the firmware region the overlay's consumer names. */
static int amp_board_harness_map_fw(struct amp_board_harness *h)
{
	struct device_node *mem;
	struct resource res;
	int ret;

	mem = of_parse_phandle(h->np, "memory-region", 0);
	if (!mem)
		return -ENODEV;
	ret = of_address_to_resource(mem, 0, &res);
	of_node_put(mem);
	if (ret)
		return ret;
	if (res.start != AMP_VIRT_FW_BASE ||
	    resource_size(&res) != AMP_VIRT_FW_SIZE) {
		dev_err(h->dev, "firmware region %pR, not as in virt_board.h\n",
			&res);
		return -EINVAL;
	}
	h->fw_base = res.start;
	h->fw_size = resource_size(&res);
	/* What the remote, with its MMU off, sees: no cache in between. */
	h->fw = memremap(h->fw_base, h->fw_size, MEMREMAP_WC);
	return h->fw ? 0 : -ENOMEM;
}

static int amp_board_harness_get_chans(struct amp_board_harness *h)
{
	struct amp_board_harness_chan *c;
	struct mbox_chan *chan;
	int i;

	for (i = 0; i < AMP_BOARD_HARNESS_NR_CH; i++) {
		c = &h->chans[i];
		init_completion(&c->rx);
		c->cl.dev = h->dev;
		c->cl.rx_callback = amp_board_harness_rx;
		/* Only the shutdown request waits for the remote to take it. */
		c->cl.tx_block = i == AMP_BOARD_HARNESS_SHUTDOWN;
		c->cl.tx_tout = AMP_BOARD_HARNESS_TX_TIMEOUT_MS;
		chan = mbox_request_channel_byname(&c->cl,
						   amp_board_harness_ch_names[i]);
		if (IS_ERR(chan))
			return PTR_ERR(chan);
		c->chan = chan;
	}
	return 0;
}

/**
 * amp_board_harness_get() - apply the overlay and get what it names
 * @h: the harness, zeroed by the caller
 * @what: set to the step that failed, for the caller's message
 *
 * On failure, amp_board_harness_put() undoes what was done.
 *
 * Return: 0 or a negative errno.
 */
int amp_board_harness_get(struct amp_board_harness *h, const char **what)
{
	u32 size = __dtb_amp_board_harness_overlay_end -
		   __dtb_amp_board_harness_overlay_begin;
	int ret;

	h->ovcs_id = -1;
	/* Nothing loads the board drivers for the overlay's consumer. */
	request_module("amp_mbox");
	request_module("amp_psci_reset");

	*what = "applying the overlay";
	ret = amp_of_overlay_fdt_apply(__dtb_amp_board_harness_overlay_begin,
				       size, &h->ovcs_id);
	if (ret)
		return ret;

	*what = "finding the overlay's node and its platform device";
	h->np = of_find_node_by_path("/amp-board-harness");
	if (!h->np)
		return -ENODEV;
	/* OF creates it as for any new node under the populated root. */
	h->pdev = of_find_device_by_node(h->np);
	if (!h->pdev)
		return -ENODEV;
	h->dev = &h->pdev->dev;

	*what = "mapping the firmware region";
	ret = amp_board_harness_map_fw(h);
	if (ret)
		return ret;

	*what = "getting the reset line (amp_psci_reset)";
	h->rst = reset_control_get_exclusive(h->dev, NULL);
	if (IS_ERR(h->rst)) {
		ret = PTR_ERR(h->rst);
		h->rst = NULL;
		return ret;
	}

	*what = "getting the mailbox channels (amp_mbox)";
	return amp_board_harness_get_chans(h);
}
EXPORT_SYMBOL_GPL(amp_board_harness_get);

/**
 * amp_board_harness_put() - undo amp_board_harness_get()
 * @h: the harness
 *
 * A remote still running (a failed case) is stopped first.
 */
void amp_board_harness_put(struct amp_board_harness *h)
{
	int i;

	if (h->rst && h->chans[AMP_BOARD_HARNESS_SHUTDOWN].chan &&
	    reset_control_status(h->rst) == 0)
		amp_board_harness_stop(h);
	for (i = 0; i < AMP_BOARD_HARNESS_NR_CH; i++)
		if (h->chans[i].chan)
			mbox_free_channel(h->chans[i].chan);
	reset_control_put(h->rst);
	if (h->fw)
		memunmap(h->fw);
	if (h->pdev)
		put_device(&h->pdev->dev);
	of_node_put(h->np);
	if (h->ovcs_id >= 0)
		of_overlay_remove(&h->ovcs_id);
}
EXPORT_SYMBOL_GPL(amp_board_harness_put);

/* fw_elf_owns_fn: every segment goes inside the firmware region. */
static bool amp_board_harness_owns(void *ctx, u64 da, u64 len)
{
	struct amp_board_harness *h = ctx;

	return da >= h->fw_base && len <= h->fw_size &&
	       da - h->fw_base <= h->fw_size - len;
}

/**
 * struct amp_board_harness_load_ctx - what each segment is loaded with
 * @h: the harness
 * @im: the validated image
 */
struct amp_board_harness_load_ctx {
	struct amp_board_harness *h;
	const struct fw_elf_image *im;
};

static int amp_board_harness_load_segment(void *ctx,
					  const struct fw_elf_segment *seg)
{
	struct amp_board_harness_load_ctx *lc = ctx;
	void *dst = lc->h->fw + (seg->da - lc->h->fw_base);

	memcpy(dst, lc->im->data + seg->offset, seg->filesz);
	/* .bss, stacks and the trace buffer start zeroed. */
	memset(dst + seg->filesz, 0, seg->memsz - seg->filesz);
	return 0;
}

/**
 * amp_board_harness_load() - load a firmware file into the remote's memory
 * @h: the harness
 * @name: the file, under /lib/firmware
 *
 * The image goes through the validator amp_rproc uses; its entry point
 * must be the start of the firmware region, where the reset line starts
 * the CPU.
 *
 * Return: 0 or a negative errno, after a message naming the problem.
 */
int amp_board_harness_load(struct amp_board_harness *h, const char *name)
{
	struct fw_elf_error err = {};
	struct amp_board_harness_load_ctx lc;
	const struct firmware *fw;
	struct fw_elf_image im;
	int ret;

	ret = request_firmware(&fw, name, h->dev);
	if (ret)
		return ret;
	ret = fw_elf_parse(fw->data, fw->size, &im, &err);
	if (!ret)
		ret = fw_elf_check_owned(&im, amp_board_harness_owns, h, &err);
	if (!ret && im.info.entry != h->fw_base) {
		snprintf(err.msg, sizeof(err.msg),
			 "entry 0x%llx is not the region's start",
			 im.info.entry);
		ret = -EINVAL;
	}
	if (ret) {
		dev_err(h->dev, "%s: %s\n", name, err.msg);
	} else {
		lc.h = h;
		lc.im = &im;
		ret = fw_elf_walk_segments(&im, amp_board_harness_load_segment,
					   &lc);
	}
	release_firmware(fw);
	/* The remote runs with its MMU off: the image must be in memory. */
	wmb();
	return ret;
}
EXPORT_SYMBOL_GPL(amp_board_harness_load);

/**
 * amp_board_harness_trace() - copy of the remote's trace log
 * @h: the harness
 * @buf: where the copy goes, NUL-terminated
 * @len: size of @buf, at least 1
 *
 * Return: @buf.
 */
char *amp_board_harness_trace(struct amp_board_harness *h, char *buf,
			      size_t len)
{
	size_t n = min_t(size_t, len - 1, AMP_VIRT_FW_TRACE_SIZE);

	memcpy(buf, h->fw + (AMP_VIRT_FW_TRACE_BASE - h->fw_base), n);
	buf[n] = '\0';
	return buf;
}
EXPORT_SYMBOL_GPL(amp_board_harness_trace);

/*
 * Whether the remote's start-up line is complete: the firmware writes the
 * trace a character at a time, so its prefix alone may come early.
 */
static bool amp_board_harness_is_up(struct amp_board_harness *h, char *buf,
				    size_t len)
{
	const char *line;

	line = strstr(amp_board_harness_trace(h, buf, len),
		      AMP_BOARD_HARNESS_UP);
	return line && strchr(line, '\n');
}

/**
 * amp_board_harness_start() - load board-test.elf and start the remote
 * @h: the harness
 * @timeout_ms: how long the remote has to log its start-up line
 *
 * Return: 0 once the remote logged it, -EBUSY when the remote was not off,
 * -ETIMEDOUT when it stayed silent, or the error of a step.
 */
int amp_board_harness_start(struct amp_board_harness *h,
			    unsigned int timeout_ms)
{
	unsigned long timeout = jiffies + msecs_to_jiffies(timeout_ms);
	char *buf;
	int ret;

	if (reset_control_status(h->rst) != 1) {
		dev_err(h->dev, "the remote is not off (amp_rproc bound?)\n");
		return -EBUSY;
	}
	ret = amp_board_harness_load(h, AMP_BOARD_HARNESS_FW);
	if (ret)
		return ret;
	buf = kmalloc(AMP_VIRT_FW_TRACE_SIZE + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = reset_control_deassert(h->rst);
	while (!ret && !amp_board_harness_is_up(h, buf,
						AMP_VIRT_FW_TRACE_SIZE + 1)) {
		if (time_after(jiffies, timeout)) {
			dev_err(h->dev, "no trace from the remote after %u ms\n",
				timeout_ms);
			ret = -ETIMEDOUT;
			break;
		}
		usleep_range(200, 500);
	}
	kfree(buf);
	return ret;
}
EXPORT_SYMBOL_GPL(amp_board_harness_start);

/**
 * amp_board_harness_stop() - ask the remote to stop, then assert its reset
 * @h: the harness
 *
 * The shutdown request blocks until the remote took it; the reset line
 * then waits for the CPU to be off.
 *
 * Return: 0, or the error of the request or of the reset.
 */
int amp_board_harness_stop(struct amp_board_harness *h)
{
	void *msg = (void *)(uintptr_t)AMP_BOARD_HARNESS_SHUTDOWN_MSG;
	int ret;

	ret = mbox_send_message(h->chans[AMP_BOARD_HARNESS_SHUTDOWN].chan,
				msg);
	if (ret < 0)
		return ret;
	return reset_control_assert(h->rst);
}
EXPORT_SYMBOL_GPL(amp_board_harness_stop);

/**
 * amp_board_harness_mbox_irq() - the interrupt the remote rings Linux on
 * @h: the harness
 *
 * Return: the Linux interrupt number of the board mailbox's SPI, or a
 * negative errno.
 */
int amp_board_harness_mbox_irq(struct amp_board_harness *h)
{
	struct device_node *mbox;
	int irq;

	mbox = of_parse_phandle(h->np, "mboxes", 0);
	if (!mbox)
		return -ENODEV;
	irq = of_irq_get(mbox, 0);
	of_node_put(mbox);
	return irq;
}
EXPORT_SYMBOL_GPL(amp_board_harness_mbox_irq);

/**
 * amp_board_harness_ping() - send a doorbell and wait for its echo
 * @h: the harness
 * @ch: the channel
 * @payload: what to send; the echo carries @payload + 1
 * @timeout_ms: how long to wait for the echo
 *
 * Return: 0 when the echo carried @payload + 1, -ETIMEDOUT without one,
 * -EIO with another payload, or the error of the send.
 */
int amp_board_harness_ping(struct amp_board_harness *h,
			   enum amp_board_harness_ch ch, u32 payload,
			   unsigned int timeout_ms)
{
	struct amp_board_harness_chan *c = &h->chans[ch];
	int ret;

	reinit_completion(&c->rx);
	ret = mbox_send_message(c->chan, (void *)(uintptr_t)payload);
	if (ret < 0)
		return ret;
	if (!wait_for_completion_timeout(&c->rx,
					 msecs_to_jiffies(timeout_ms)))
		return -ETIMEDOUT;
	return READ_ONCE(c->msg) == payload + 1 ? 0 : -EIO;
}
EXPORT_SYMBOL_GPL(amp_board_harness_ping);

MODULE_DESCRIPTION("The virtual AMP board's remote CPU for tests and benchmarks");
MODULE_LICENSE("GPL");
