/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Fixture of the resource table handler's KUnit suites (amp_rsc_handlers,
 * amp_rsc_virtio; one module, amp_rsc_kunit.ko): a real struct rproc on a
 * platform device the test registers, fake rproc ops whose da_to_va() maps
 * a kzalloc'd "device memory" window, a recording kick callback, and the
 * core's subdevice calls. Tables are laid out with the shared amp_tb
 * builder. Nothing here needs the virtual board.
 */
#ifndef AMP_RSC_KUNIT_H
#define AMP_RSC_KUNIT_H

#include <kunit/test.h>
#include <linux/types.h>

#include <amp/rsc.h>

#include "amp_kunit_util.h"

struct platform_device;
struct rproc;

/* The remote's memory as the test fakes it. */
#define RT_FW_DA 0x20000000U
#define RT_FW_SIZE 0x10000U
/* Where the "ELF loader" puts the table in it. */
#define RT_TABLE_OFF 0x100U
#define RT_TABLE_DA (RT_FW_DA + RT_TABLE_OFF)
#define RT_TABLE_MAX 1024U

/**
 * struct rt - one test's fixture
 * @test: the running test
 * @pdev: the platform device the rproc hangs off
 * @rproc: the remote processor
 * @rsc: the handler, created by rt_create()
 * @fw: the remote's memory, at device address %RT_FW_DA
 * @tb: the table this case lays out and loads
 * @ops: platform callbacks handed to the handler
 * @kicks: kick callback calls
 * @last_kick: notify id of the last kick
 */
struct rt {
	struct kunit *test;
	struct platform_device *pdev;
	struct rproc *rproc;
	struct amp_rsc *rsc;
	u8 *fw;
	struct amp_tb *tb;
	struct amp_rsc_ops ops;
	unsigned int kicks;
	u32 last_kick;
};

int rt_init(struct kunit *test);
void rt_exit(struct kunit *test);
struct amp_rsc *rt_create(struct rt *t, const struct amp_rsc_region *regions,
			  unsigned int num);
void rt_table(struct rt *t, u32 slots);
int rt_load(struct rt *t);
u32 rt_loaded32(struct rt *t, u32 off);
void *rt_fw_va(struct rt *t, u32 da);
int rt_prepare(struct rt *t);
int rt_start(struct rt *t);
void rt_stop(struct rt *t);
void rt_unprepare(struct rt *t);

#endif /* AMP_RSC_KUNIT_H */
