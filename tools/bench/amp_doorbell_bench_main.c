// SPDX-License-Identifier: GPL-2.0-only
/*
 * amp_doorbell_bench: the raw doorbell round trip of the virtual AMP board,
 * the floor under any rpmsg latency. Loading the module applies a DT
 * overlay adding a consumer of the board's mailbox and reset line, loads
 * board-test.elf (which echoes every mailbox message) into the remote's
 * memory, starts CPU1, times @count messages Linux -> remote -> Linux on
 * one channel, stops the remote and undoes everything. The result is one
 * kernel message:
 *
 *   amp_doorbell_bench: round trip: N messages, p50 X.X us, p99 Y.Y us
 *
 * The module fails to load when any step fails. The remote must be free:
 * amp_rproc unloaded or unbound.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/elf.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/jiffies.h>
#include <linux/kmod.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/mailbox_client.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_platform.h>
#include <linux/overflow.h>
#include <linux/platform_device.h>
#include <linux/reset.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include <amp/compat.h>
#include <amp/virt_board.h>

#include "amp_doorbell_bench.h"

#define ADB_FW			"board-test.elf"
#define ADB_UP			"board-test: up"
#define ADB_BOOT_TIMEOUT_MS	1000
#define ADB_RX_TIMEOUT_MS	1000
#define ADB_TX_TIMEOUT_MS	500
#define ADB_SHUTDOWN_MSG	0x5d

static unsigned int count = 10000;
module_param(count, uint, 0444);
MODULE_PARM_DESC(count, "round trips to time (default 10000)");

/**
 * struct adb_chan - one mailbox channel
 * @cl: the client bound to @chan
 * @chan: the channel
 * @rx: completed by each received message
 * @msg: payload of the last received message
 */
struct adb_chan {
	struct mbox_client cl;
	struct mbox_chan *chan;
	struct completion rx;
	u32 msg;
};

/**
 * struct adb_ctx - what the benchmark holds
 * @ovcs_id: the applied overlay, or -1
 * @np: the overlay's consumer node
 * @pdev: the platform device OF created for @np
 * @rst: the remote CPU's reset line
 * @fw: the remote's firmware region, mapped
 * @fw_base: physical address of @fw
 * @fw_size: size of @fw
 * @ping: the channel the round trips use
 * @shutdown: the channel asking the remote to power off
 */
struct adb_ctx {
	int ovcs_id;
	struct device_node *np;
	struct platform_device *pdev;
	struct reset_control *rst;
	void *fw;
	phys_addr_t fw_base;
	size_t fw_size;
	struct adb_chan ping;
	struct adb_chan shutdown;
};

static void adb_rx(struct mbox_client *cl, void *msg)
{
	struct adb_chan *c = container_of(cl, struct adb_chan, cl);

	WRITE_ONCE(c->msg, lower_32_bits((uintptr_t)msg));
	complete(&c->rx);
}

/* Copies one PT_LOAD segment into the firmware region, zeroing its tail. */
static int adb_load_seg(struct adb_ctx *ctx, const u8 *data, size_t size,
			u64 off, u64 pa, u64 filesz, u64 memsz)
{
	void *dst;

	if (filesz > memsz || off > size || filesz > size - off)
		return -EINVAL;
	if (pa < ctx->fw_base || pa - ctx->fw_base > ctx->fw_size ||
	    memsz > ctx->fw_size - (pa - ctx->fw_base))
		return -EINVAL;
	dst = ctx->fw + (pa - ctx->fw_base);
	memcpy(dst, data + off, filesz);
	memset(dst + filesz, 0, memsz - filesz);
	return 0;
}

/* A minimal ELF32/ELF64 loader: the image must start at the region. */
static int adb_load_elf(struct adb_ctx *ctx, const u8 *data, size_t size)
{
	const struct elf64_hdr *e64 = (const void *)data;
	const struct elf32_hdr *e32 = (const void *)data;
	unsigned int i, phnum;
	size_t phsize, phend;
	u64 phoff, entry;
	bool is64;
	int ret;

	if (size < sizeof(*e64) || memcmp(data, ELFMAG, SELFMAG) ||
	    data[EI_DATA] != ELFDATA2LSB)
		return -EINVAL;
	is64 = data[EI_CLASS] == ELFCLASS64;
	if (!is64 && data[EI_CLASS] != ELFCLASS32)
		return -EINVAL;
	phoff = is64 ? e64->e_phoff : e32->e_phoff;
	phnum = is64 ? e64->e_phnum : e32->e_phnum;
	entry = is64 ? e64->e_entry : e32->e_entry;
	phsize = is64 ? sizeof(struct elf64_phdr) : sizeof(struct elf32_phdr);
	if ((is64 ? e64->e_phentsize : e32->e_phentsize) != phsize ||
	    (phoff & 3) || phoff > size ||
	    check_mul_overflow((size_t)phnum, phsize, &phend) ||
	    phend > size - phoff)
		return -EINVAL;
	/* The reset line starts the CPU at the region's start. */
	if (entry != ctx->fw_base)
		return -EINVAL;

	for (i = 0; i < phnum; i++) {
		const void *ph = data + phoff + (size_t)i * phsize;
		const struct elf64_phdr *p64 = ph;
		const struct elf32_phdr *p32 = ph;

		if ((is64 ? p64->p_type : p32->p_type) != PT_LOAD)
			continue;
		if (is64)
			ret = adb_load_seg(ctx, data, size, p64->p_offset,
					   p64->p_paddr, p64->p_filesz,
					   p64->p_memsz);
		else
			ret = adb_load_seg(ctx, data, size, p32->p_offset,
					   p32->p_paddr, p32->p_filesz,
					   p32->p_memsz);
		if (ret)
			return ret;
	}
	return 0;
}

static bool adb_remote_up(struct adb_ctx *ctx)
{
	const char *trace = ctx->fw + (AMP_VIRT_FW_TRACE_BASE - ctx->fw_base);

	return strnstr(trace, ADB_UP, AMP_VIRT_FW_TRACE_SIZE);
}

static int adb_start(struct adb_ctx *ctx)
{
	unsigned long timeout = jiffies + msecs_to_jiffies(ADB_BOOT_TIMEOUT_MS);
	const struct firmware *fw;
	int ret;

	if (reset_control_status(ctx->rst) != 1) {
		pr_err("the remote is not off (amp_rproc loaded?)\n");
		return -EBUSY;
	}
	ret = request_firmware(&fw, ADB_FW, &ctx->pdev->dev);
	if (ret)
		return ret;
	ret = adb_load_elf(ctx, fw->data, fw->size);
	release_firmware(fw);
	if (ret) {
		pr_err("%s is not a loadable image\n", ADB_FW);
		return ret;
	}
	/* The remote runs with its MMU off: the image must be in memory. */
	wmb();
	ret = reset_control_deassert(ctx->rst);
	if (ret)
		return ret;
	while (!adb_remote_up(ctx)) {
		if (time_after(jiffies, timeout)) {
			pr_err("no trace from the remote\n");
			return -ETIMEDOUT;
		}
		usleep_range(200, 500);
	}
	return 0;
}

static void adb_stop(struct adb_ctx *ctx)
{
	if (reset_control_status(ctx->rst) != 0)
		return;
	mbox_send_message(ctx->shutdown.chan, (void *)ADB_SHUTDOWN_MSG);
	if (reset_control_assert(ctx->rst))
		pr_err("the remote did not power off\n");
}

static int adb_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int adb_run(struct adb_ctx *ctx, u64 *lat)
{
	unsigned long timeout = msecs_to_jiffies(ADB_RX_TIMEOUT_MS);
	struct adb_chan *c = &ctx->ping;
	unsigned int i;
	u32 payload, p50_ns, p99_ns;
	u64 t, p50, p99;
	int ret;

	for (i = 0; i < count; i++) {
		payload = i + 1;
		reinit_completion(&c->rx);
		t = ktime_get_ns();
		ret = mbox_send_message(c->chan, (void *)(uintptr_t)payload);
		if (ret < 0)
			return ret;
		if (!wait_for_completion_timeout(&c->rx, timeout)) {
			pr_err("message %u: no echo\n", i);
			return -ETIMEDOUT;
		}
		lat[i] = ktime_get_ns() - t;
		if (READ_ONCE(c->msg) != payload + 1) {
			pr_err("message %u: echo 0x%x, expected 0x%x\n",
			       i, READ_ONCE(c->msg), payload + 1);
			return -EIO;
		}
	}
	sort(lat, count, sizeof(*lat), adb_cmp_u64, NULL);
	/* 32-bit CPUs divide no u64 themselves: div_u64_rem(). */
	p50 = div_u64_rem(lat[count / 2], 1000, &p50_ns);
	p99 = div_u64_rem(lat[mult_frac(count, 99, 100)], 1000, &p99_ns);
	pr_info("round trip: %u messages, p50 %llu.%u us, p99 %llu.%u us\n",
		count, p50, p50_ns / 100, p99, p99_ns / 100);
	return 0;
}

static int adb_get_chan(struct adb_ctx *ctx, struct adb_chan *c,
			const char *name, bool block)
{
	struct mbox_chan *chan;

	init_completion(&c->rx);
	c->cl.dev = &ctx->pdev->dev;
	c->cl.rx_callback = adb_rx;
	c->cl.tx_block = block;
	c->cl.tx_tout = ADB_TX_TIMEOUT_MS;
	chan = mbox_request_channel_byname(&c->cl, name);
	if (IS_ERR(chan))
		return PTR_ERR(chan);
	c->chan = chan;
	return 0;
}

static int adb_map_fw(struct adb_ctx *ctx)
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
	    resource_size(&res) != AMP_VIRT_FW_SIZE)
		return -EINVAL;
	ctx->fw_base = res.start;
	ctx->fw_size = resource_size(&res);
	/* What the remote, with its MMU off, sees: no cache in between. */
	ctx->fw = memremap(ctx->fw_base, ctx->fw_size, MEMREMAP_WC);
	return ctx->fw ? 0 : -ENOMEM;
}

/* Applies the overlay and gets what its node names; see adb_put(). */
static int adb_get(struct adb_ctx *ctx, const char **what)
{
	u32 size = __dtb_amp_doorbell_bench_overlay_end -
		   __dtb_amp_doorbell_bench_overlay_begin;
	int ret;

	/* Nothing loads the board drivers for the overlay's consumer. */
	request_module("amp_mbox");
	request_module("amp_psci_reset");

	*what = "applying the overlay";
	ret = amp_of_overlay_fdt_apply(__dtb_amp_doorbell_bench_overlay_begin,
				       size, &ctx->ovcs_id);
	if (ret)
		return ret;
	*what = "finding the overlay's device";
	ctx->np = of_find_node_by_path("/amp-doorbell-bench");
	if (!ctx->np)
		return -ENODEV;
	ctx->pdev = of_find_device_by_node(ctx->np);
	if (!ctx->pdev)
		return -ENODEV;
	*what = "mapping the firmware region";
	ret = adb_map_fw(ctx);
	if (ret)
		return ret;
	*what = "getting the reset line";
	ctx->rst = reset_control_get_exclusive(&ctx->pdev->dev, NULL);
	if (IS_ERR(ctx->rst)) {
		ret = PTR_ERR(ctx->rst);
		ctx->rst = NULL;
		return ret;
	}
	*what = "getting the mailbox channels";
	ret = adb_get_chan(ctx, &ctx->ping, "ping", false);
	if (ret)
		return ret;
	return adb_get_chan(ctx, &ctx->shutdown, "shutdown", true);
}

static void adb_put(struct adb_ctx *ctx)
{
	if (ctx->shutdown.chan)
		mbox_free_channel(ctx->shutdown.chan);
	if (ctx->ping.chan)
		mbox_free_channel(ctx->ping.chan);
	reset_control_put(ctx->rst);
	if (ctx->fw)
		memunmap(ctx->fw);
	if (ctx->pdev)
		put_device(&ctx->pdev->dev);
	of_node_put(ctx->np);
	if (ctx->ovcs_id >= 0)
		of_overlay_remove(&ctx->ovcs_id);
}

static int __init adb_init(void)
{
	struct adb_ctx *ctx;
	const char *what;
	u64 *lat;
	int ret;

	if (!count)
		return -EINVAL;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	lat = kvcalloc(count, sizeof(*lat), GFP_KERNEL);
	if (!ctx || !lat) {
		ret = -ENOMEM;
		goto out_free;
	}
	ctx->ovcs_id = -1;

	ret = adb_get(ctx, &what);
	if (ret) {
		pr_err("%s failed: %d\n", what, ret);
		goto out_put;
	}
	ret = adb_start(ctx);
	if (!ret)
		ret = adb_run(ctx, lat);
	adb_stop(ctx);
out_put:
	adb_put(ctx);
out_free:
	kvfree(lat);
	kfree(ctx);
	return ret;
}

static void __exit adb_exit(void)
{
}

module_init(adb_init);
module_exit(adb_exit);

MODULE_DESCRIPTION("Raw doorbell round trip of the virtual AMP board's remote CPU");
MODULE_LICENSE("GPL");
