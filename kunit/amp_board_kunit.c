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
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/elf.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/kmod.h>
#include <linux/mailbox_client.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/overflow.h>
#include <linux/reset.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/compat.h>
#include <amp/virt_board.h>

#include "amp_board_kunit.h"

#define AMP_BOARD_FW			"board-test.elf"
#define AMP_BOARD_BOOT_TIMEOUT_MS	1000
#define AMP_BOARD_RX_TIMEOUT_MS		1000
#define AMP_BOARD_TX_TIMEOUT_MS		500
#define AMP_BOARD_PINGS			500
#define AMP_BOARD_UP			"board-test: up"
#define AMP_BOARD_SHUTDOWN_MSG		0x5d

/* Channels the overlay names, in the order of enum amp_board_ch. */
static const char * const amp_board_ch_names[] = {
	"vq0", "vq1", "shutdown", "free",
};

enum amp_board_ch {
	AMP_BOARD_VQ0,
	AMP_BOARD_VQ1,
	AMP_BOARD_SHUTDOWN,
	AMP_BOARD_FREE,
	AMP_BOARD_NR_CH,
};

/**
 * struct amp_board_chan - one mailbox channel the test holds
 * @cl: the client bound to @chan
 * @chan: the channel
 * @rx: completed by each received message
 * @msg: payload of the last received message
 */
struct amp_board_chan {
	struct mbox_client cl;
	struct mbox_chan *chan;
	struct completion rx;
	u32 msg;
};

/**
 * struct amp_board_ctx - what each case works with
 * @ovcs_id: the applied overlay
 * @np: the overlay's consumer node
 * @pdev: the platform device OF created for @np
 * @dev: &@pdev->dev, the consumer
 * @rst: the remote CPU's reset line
 * @fw: the remote's firmware region, mapped
 * @fw_base: physical address of @fw
 * @fw_size: size of @fw
 * @chans: the mailbox channels, by enum amp_board_ch
 */
struct amp_board_ctx {
	int ovcs_id;
	struct device_node *np;
	struct platform_device *pdev;
	struct device *dev;
	struct reset_control *rst;
	void *fw;
	phys_addr_t fw_base;
	size_t fw_size;
	struct amp_board_chan chans[AMP_BOARD_NR_CH];
};

static void amp_board_rx(struct mbox_client *cl, void *msg)
{
	struct amp_board_chan *c = container_of(cl, struct amp_board_chan, cl);

	WRITE_ONCE(c->msg, lower_32_bits((uintptr_t)msg));
	complete(&c->rx);
}

/* Returns a copy of the remote's trace log, NUL-terminated. */
static char *amp_board_trace(struct kunit *test, struct amp_board_ctx *ctx)
{
	size_t off = AMP_VIRT_FW_TRACE_BASE - ctx->fw_base;
	char *buf;

	buf = kunit_kzalloc(test, AMP_VIRT_FW_TRACE_SIZE + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, ctx->fw + off, AMP_VIRT_FW_TRACE_SIZE);
	return buf;
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

/**
 * struct amp_board_seg - a program header of an ELF32 or ELF64 image
 * @type: p_type
 * @off: p_offset
 * @pa: p_paddr
 * @filesz: p_filesz
 * @memsz: p_memsz
 */
struct amp_board_seg {
	u32 type;
	u64 off;
	u64 pa;
	u64 filesz;
	u64 memsz;
};

static void amp_board_seg(bool is64, const void *ph, struct amp_board_seg *s)
{
	if (is64) {
		const struct elf64_phdr *p = ph;

		*s = (struct amp_board_seg){ p->p_type, p->p_offset, p->p_paddr,
					     p->p_filesz, p->p_memsz };
	} else {
		const struct elf32_phdr *p = ph;

		*s = (struct amp_board_seg){ p->p_type, p->p_offset, p->p_paddr,
					     p->p_filesz, p->p_memsz };
	}
}

/*
 * A minimal loader: copies every PT_LOAD segment to its physical address,
 * which must lie in the firmware region, and zeroes the rest of its size.
 */
static int amp_board_load_elf(struct amp_board_ctx *ctx, const u8 *data,
			      size_t size)
{
	const struct elf64_hdr *e64 = (const void *)data;
	const struct elf32_hdr *e32 = (const void *)data;
	size_t phsize, phend;
	unsigned int i, phnum, phentsize;
	u64 phoff, entry;
	bool is64;

	if (size < EI_NIDENT || memcmp(data, ELFMAG, SELFMAG) ||
	    data[EI_DATA] != ELFDATA2LSB)
		return -EINVAL;
	if (data[EI_CLASS] != ELFCLASS32 && data[EI_CLASS] != ELFCLASS64)
		return -EINVAL;
	is64 = data[EI_CLASS] == ELFCLASS64;
	if (size < (is64 ? sizeof(*e64) : sizeof(*e32)))
		return -EINVAL;

	phoff = is64 ? e64->e_phoff : e32->e_phoff;
	phnum = is64 ? e64->e_phnum : e32->e_phnum;
	phentsize = is64 ? e64->e_phentsize : e32->e_phentsize;
	entry = is64 ? e64->e_entry : e32->e_entry;
	phsize = is64 ? sizeof(struct elf64_phdr) : sizeof(struct elf32_phdr);
	if (phentsize != phsize || !phnum || (phoff & (is64 ? 7 : 3)))
		return -EINVAL;
	if (phoff > size || check_mul_overflow((size_t)phnum, phsize, &phend) ||
	    phend > size - phoff)
		return -EINVAL;
	/* The reset line starts the CPU at the region's start, nowhere else. */
	if (entry != ctx->fw_base)
		return -EINVAL;

	for (i = 0; i < phnum; i++) {
		struct amp_board_seg seg;
		void *dst;

		amp_board_seg(is64, data + phoff + (size_t)i * phsize, &seg);
		if (seg.type != PT_LOAD || !seg.memsz)
			continue;
		if (seg.filesz > seg.memsz || seg.off > size ||
		    seg.filesz > size - seg.off)
			return -EINVAL;
		if (seg.pa < ctx->fw_base || seg.pa - ctx->fw_base > ctx->fw_size ||
		    seg.memsz > ctx->fw_size - (seg.pa - ctx->fw_base))
			return -EINVAL;
		dst = ctx->fw + (seg.pa - ctx->fw_base);
		memcpy(dst, data + seg.off, seg.filesz);
		memset(dst + seg.filesz, 0, seg.memsz - seg.filesz);
	}
	return 0;
}

static void amp_board_load(struct kunit *test, struct amp_board_ctx *ctx)
{
	const struct firmware *fw;

	KUNIT_ASSERT_EQ_MSG(test, request_firmware(&fw, AMP_BOARD_FW, ctx->dev),
			    0, "no /lib/firmware/%s", AMP_BOARD_FW);
	KUNIT_EXPECT_EQ(test, amp_board_load_elf(ctx, fw->data, fw->size), 0);
	release_firmware(fw);
	/* The remote runs with its MMU off: the image must be in memory. */
	wmb();
}

/* Loads the firmware, starts the remote and waits for its first trace. */
/*
 * Whether the remote's start-up line is complete: the firmware writes the
 * trace a character at a time, so its prefix alone may come early.
 */
static bool amp_board_up(const char *trace)
{
	const char *line = strstr(trace, AMP_BOARD_UP);

	return line && strchr(line, '\n');
}

static void amp_board_start(struct kunit *test, struct amp_board_ctx *ctx)
{
	unsigned long timeout = jiffies +
				msecs_to_jiffies(AMP_BOARD_BOOT_TIMEOUT_MS);

	KUNIT_ASSERT_EQ_MSG(test, reset_control_status(ctx->rst), 1,
			    "remote not off before start");
	amp_board_load(test, ctx);
	KUNIT_ASSERT_EQ(test, amp_board_count(amp_board_trace(test, ctx),
					      AMP_BOARD_UP), 0);

	KUNIT_ASSERT_EQ(test, reset_control_deassert(ctx->rst), 0);
	while (!amp_board_up(amp_board_trace(test, ctx))) {
		KUNIT_ASSERT_TRUE_MSG(test, time_before(jiffies, timeout),
				      "no trace from the remote after %d ms",
				      AMP_BOARD_BOOT_TIMEOUT_MS);
		usleep_range(200, 500);
	}
	KUNIT_EXPECT_EQ(test, reset_control_status(ctx->rst), 0);
}

/* Asks the remote to stop, then waits for it through the reset line. */
static void amp_board_stop(struct kunit *test, struct amp_board_ctx *ctx)
{
	struct mbox_chan *chan = ctx->chans[AMP_BOARD_SHUTDOWN].chan;
	void *msg = (void *)(uintptr_t)AMP_BOARD_SHUTDOWN_MSG;

	/* tx_block: returns once the remote acknowledged the request. */
	KUNIT_ASSERT_GE(test, mbox_send_message(chan, msg), 0);
	KUNIT_ASSERT_EQ(test, reset_control_assert(ctx->rst), 0);
	KUNIT_EXPECT_EQ(test, reset_control_status(ctx->rst), 1);
	KUNIT_EXPECT_TRUE(test, strstr(amp_board_trace(test, ctx),
				       "board-test: shutdown"));
}

/* Sends @payload on @ch and expects @payload + 1 back. */
static void amp_board_ping(struct kunit *test, struct amp_board_ctx *ctx,
			   enum amp_board_ch ch, u32 payload)
{
	unsigned long timeout = msecs_to_jiffies(AMP_BOARD_RX_TIMEOUT_MS);
	struct amp_board_chan *c = &ctx->chans[ch];
	void *msg = (void *)(uintptr_t)payload;

	reinit_completion(&c->rx);
	KUNIT_ASSERT_GE(test, mbox_send_message(c->chan, msg), 0);
	KUNIT_ASSERT_NE_MSG(test, wait_for_completion_timeout(&c->rx, timeout),
			    0, "no echo on %s", amp_board_ch_names[ch]);
	KUNIT_EXPECT_EQ(test, READ_ONCE(c->msg), payload + 1);
}

/* Maps the firmware region the overlay's consumer names. */
static int amp_board_map_fw(struct kunit *test, struct amp_board_ctx *ctx)
{
	struct device_node *mem;
	struct resource res;
	int ret;

	mem = of_parse_phandle(ctx->np, "memory-region", 0);
	if (!mem)
		return -ENODEV;
	ret = of_address_to_resource(mem, 0, &res);
	of_node_put(mem);
	if (ret)
		return ret;
	if (res.start != AMP_VIRT_FW_BASE ||
	    resource_size(&res) != AMP_VIRT_FW_SIZE) {
		kunit_err(test, "firmware region %pR, not as in virt_board.h\n",
			  &res);
		return -EINVAL;
	}
	ctx->fw_base = res.start;
	ctx->fw_size = resource_size(&res);
	/* What the remote, with its MMU off, sees: no cache in between. */
	ctx->fw = memremap(ctx->fw_base, ctx->fw_size, MEMREMAP_WC);
	return ctx->fw ? 0 : -ENOMEM;
}

static int amp_board_get_chans(struct kunit *test, struct amp_board_ctx *ctx)
{
	int i;

	for (i = 0; i < AMP_BOARD_NR_CH; i++) {
		struct amp_board_chan *c = &ctx->chans[i];
		struct mbox_chan *chan;

		init_completion(&c->rx);
		c->cl.dev = ctx->dev;
		c->cl.rx_callback = amp_board_rx;
		c->cl.tx_block = true;
		c->cl.tx_tout = AMP_BOARD_TX_TIMEOUT_MS;
		chan = mbox_request_channel_byname(&c->cl,
						   amp_board_ch_names[i]);
		if (IS_ERR(chan)) {
			kunit_err(test, "no channel %s\n",
				  amp_board_ch_names[i]);
			return PTR_ERR(chan);
		}
		c->chan = chan;
	}
	return 0;
}

static int amp_board_init(struct kunit *test)
{
	struct amp_board_ctx *ctx;
	const char *what;
	const u8 *fdt;
	u32 size;
	int ret;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->ovcs_id = -1;
	test->priv = ctx;

	/* Nothing loads the board drivers for the overlay's consumer. */
	request_module("amp_mbox");
	request_module("amp_psci_reset");

	what = "applying the overlay";
	fdt = __dtb_amp_board_kunit_overlay_begin;
	size = __dtb_amp_board_kunit_overlay_end - fdt;
	ret = amp_of_overlay_fdt_apply(fdt, size, &ctx->ovcs_id);
	if (ret)
		goto fail;

	what = "finding the overlay's node";
	ret = -ENODEV;
	ctx->np = of_find_node_by_path("/amp-board-kunit");
	if (!ctx->np)
		goto fail;

	/* OF creates it as for any new node under the populated root. */
	what = "finding the node's platform device";
	ctx->pdev = of_find_device_by_node(ctx->np);
	if (!ctx->pdev)
		goto fail;
	ctx->dev = &ctx->pdev->dev;

	what = "mapping the firmware region";
	ret = amp_board_map_fw(test, ctx);
	if (ret)
		goto fail;

	what = "getting the reset line (amp_psci_reset)";
	ctx->rst = reset_control_get_exclusive(ctx->dev, NULL);
	if (IS_ERR(ctx->rst)) {
		ret = PTR_ERR(ctx->rst);
		ctx->rst = NULL;
		goto fail;
	}

	what = "getting the mailbox channels (amp_mbox)";
	ret = amp_board_get_chans(test, ctx);
	if (ret)
		goto fail;
	return 0;

fail:
	/* amp_board_exit() undoes what was done. */
	kunit_err(test, "%s failed: %d\n", what, ret);
	return ret;
}

static void amp_board_exit(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;
	int i;

	if (!ctx)
		return;
	/* A failed case may leave the remote running: stop it for the next. */
	if (ctx->rst && ctx->chans[AMP_BOARD_SHUTDOWN].chan &&
	    reset_control_status(ctx->rst) == 0) {
		mbox_send_message(ctx->chans[AMP_BOARD_SHUTDOWN].chan,
				  (void *)(uintptr_t)AMP_BOARD_SHUTDOWN_MSG);
		reset_control_assert(ctx->rst);
	}
	for (i = 0; i < AMP_BOARD_NR_CH; i++)
		if (ctx->chans[i].chan)
			mbox_free_channel(ctx->chans[i].chan);
	reset_control_put(ctx->rst);
	if (ctx->fw)
		memunmap(ctx->fw);
	if (ctx->pdev)
		put_device(&ctx->pdev->dev);
	of_node_put(ctx->np);
	if (ctx->ovcs_id >= 0)
		of_overlay_remove(&ctx->ovcs_id);
}

/* Test that the remote starts, reports running, traces, and stops. */
static void amp_board_boots_and_stops(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;
	char *trace;

	amp_board_start(test, ctx);
	trace = amp_board_trace(test, ctx);
	KUNIT_EXPECT_EQ(test, amp_board_count(trace, AMP_BOARD_UP), 1);
	KUNIT_EXPECT_TRUE(test, strstr(trace, "psci 1.1"));
	amp_board_stop(test, ctx);
}

/* Test that stop and start cycles work, with a fresh boot each time. */
static void amp_board_restarts(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;
	int i;

	for (i = 0; i < 3; i++) {
		amp_board_start(test, ctx);
		amp_board_ping(test, ctx, AMP_BOARD_VQ0, 0x100 + i);
		amp_board_stop(test, ctx);
	}
}

/* Test that doorbells on several channels come back with their payloads. */
static void amp_board_doorbells_echo(struct kunit *test)
{
	static const enum amp_board_ch chans[] = {
		AMP_BOARD_VQ0, AMP_BOARD_VQ1, AMP_BOARD_FREE,
	};
	struct amp_board_ctx *ctx = test->priv;
	char line[48];
	unsigned int i, n;

	amp_board_start(test, ctx);
	for (n = 0; n < 4; n++) {
		for (i = 0; i < ARRAY_SIZE(chans); i++) {
			u32 payload = 0x1000 * (n + 1) + chans[i];

			amp_board_ping(test, ctx, chans[i], payload);
		}
	}
	/* The remote saw each one on its channel: channel 5 for "free". */
	snprintf(line, sizeof(line), "ch 5 data 0x%x", 0x4000 + AMP_BOARD_FREE);
	KUNIT_EXPECT_TRUE(test, strstr(amp_board_trace(test, ctx), line));
	amp_board_stop(test, ctx);
}

/* Test that many doorbells in a row are each echoed with their payload. */
static void amp_board_round_trip(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;
	int i;

	amp_board_start(test, ctx);
	for (i = 0; i < AMP_BOARD_PINGS; i++)
		amp_board_ping(test, ctx, AMP_BOARD_VQ1, i + 1);
	amp_board_stop(test, ctx);
}

/* Test that deasserting a running remote leaves it running untouched. */
static void amp_board_deassert_running(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;

	amp_board_start(test, ctx);
	KUNIT_EXPECT_EQ(test, reset_control_deassert(ctx->rst), 0);
	KUNIT_EXPECT_EQ(test, reset_control_status(ctx->rst), 0);
	amp_board_ping(test, ctx, AMP_BOARD_VQ0, 0x77);
	KUNIT_EXPECT_EQ(test, amp_board_count(amp_board_trace(test, ctx),
					      AMP_BOARD_UP), 1);
	amp_board_stop(test, ctx);
}

/* Test that asserting a remote that does not stop fails with -ETIMEDOUT. */
static void amp_board_assert_timeout(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;

	amp_board_start(test, ctx);
	KUNIT_EXPECT_EQ(test, reset_control_assert(ctx->rst), -ETIMEDOUT);
	KUNIT_EXPECT_EQ(test, reset_control_status(ctx->rst), 0);
	/* Still alive and still answering. */
	amp_board_ping(test, ctx, AMP_BOARD_FREE, 0x99);
	amp_board_stop(test, ctx);
}

/* Test that a channel index beyond the controller's fails with -EINVAL. */
static void amp_board_channel_out_of_range(struct kunit *test)
{
	struct amp_board_ctx *ctx = test->priv;
	struct mbox_client cl = { .dev = ctx->dev };
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
