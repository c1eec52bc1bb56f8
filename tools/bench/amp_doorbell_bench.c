// SPDX-License-Identifier: GPL-2.0-only
/*
 * amp_doorbell_bench: the raw doorbell round trip of the virtual AMP board,
 * the floor under any rpmsg latency. Loading the module starts CPU1 on
 * board-test.elf (which echoes every mailbox message) through the board
 * harness, times @count messages Linux -> remote -> Linux on one channel,
 * stops the remote and undoes everything. The result is one kernel
 * message:
 *
 *   amp_doorbell_bench: round trip: N messages, p50 X.X us, p99 Y.Y us
 *
 * The module fails to load when any step fails. The remote must be free:
 * amp_rproc unloaded or unbound.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "../../kunit/amp_board_harness.h"

#define ADB_BOOT_TIMEOUT_MS	1000
#define ADB_RX_TIMEOUT_MS	1000

static unsigned int count = 10000;
module_param(count, uint, 0444);
MODULE_PARM_DESC(count, "round trips to time (default 10000)");

static int adb_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int adb_run(struct amp_board_harness *h, u64 *lat)
{
	unsigned int i;
	u32 p50_ns, p99_ns;
	u64 t, p50, p99;
	int ret;

	for (i = 0; i < count; i++) {
		t = ktime_get_ns();
		ret = amp_board_harness_ping(h, AMP_BOARD_HARNESS_VQ0, i + 1,
					     ADB_RX_TIMEOUT_MS);
		if (ret) {
			pr_err("message %u: no echo of its payload: %d\n", i,
			       ret);
			return ret;
		}
		lat[i] = ktime_get_ns() - t;
	}
	sort(lat, count, sizeof(*lat), adb_cmp_u64, NULL);
	/* 32-bit CPUs divide no u64 themselves: div_u64_rem(). */
	p50 = div_u64_rem(lat[count / 2], 1000, &p50_ns);
	p99 = div_u64_rem(lat[mult_frac(count, 99, 100)], 1000, &p99_ns);
	pr_info("round trip: %u messages, p50 %llu.%u us, p99 %llu.%u us\n",
		count, p50, p50_ns / 100, p99, p99_ns / 100);
	return 0;
}

static int __init adb_init(void)
{
	struct amp_board_harness *h;
	const char *what;
	u64 *lat;
	int ret;

	if (!count)
		return -EINVAL;
	h = kzalloc(sizeof(*h), GFP_KERNEL);
	lat = kvcalloc(count, sizeof(*lat), GFP_KERNEL);
	if (!h || !lat) {
		ret = -ENOMEM;
		goto out_free;
	}
	ret = amp_board_harness_get(h, &what);
	if (ret) {
		pr_err("%s failed: %d\n", what, ret);
		goto out_put;
	}
	ret = amp_board_harness_start(h, ADB_BOOT_TIMEOUT_MS);
	if (!ret)
		ret = adb_run(h, lat);
	/* amp_board_harness_put() stops a remote still running. */
out_put:
	amp_board_harness_put(h);
out_free:
	kvfree(lat);
	kfree(h);
	return ret;
}

static void __exit adb_exit(void)
{
}

module_init(adb_init);
module_exit(adb_exit);

MODULE_DESCRIPTION("Raw doorbell round trip of the virtual AMP board's remote CPU");
MODULE_LICENSE("GPL");
