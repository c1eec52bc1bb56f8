// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_rproc_board_stm32: the STM32MP1 profile binds a node written
 * as the mainline st,stm32mp1-m4 node of SCMI boards (unnamed memory
 * regions, resets mcu_rst and hold_boot, st,syscfg-* registers; providers
 * replaced by fakes and a syscon page)
 * and boots a firmware carrying ST's Cortex-M4 resource table (one rpmsg
 * vdev, vrings at FW_RSC_ADDR_ANY, align 0x1000, 8 buffers, notify ids 1
 * and 2, a "cm4_log" trace), handled by amp_rsc.
 */

#include <kunit/test.h>
#include <linux/io.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include <amp/internal/compat.h>
#include <amp/internal/rsc_parse.h>

#include "amp_kunit_util.h"
#include "amp_rproc_board.h"
#include "../drivers/rproc/amp_rproc.h"

#define AMP_RPROC_BOARD_STM32_NODE	"/amp-rproc-kunit-m4"
#define AMP_RPROC_BOARD_STM32_FW	"amp-rproc-kunit-st.elf"
#define AMP_RPROC_BOARD_STM32_RSC_DA	(AMP_RPROC_BOARD_FW_DA + 0x1000)
#define AMP_RPROC_BOARD_STM32_TRACE_DA (AMP_RPROC_BOARD_FW_DA + 0x2000)

/*
 * ST's table (shared/seeds/001, with __LOG_TRACE_IO_ defined): an rpmsg
 * vdev with two vrings the host places, notify ids 1 and 2, and the
 * "cm4_log" trace.
 */
static struct amp_tb *amp_rproc_board_stm32_table(struct kunit *test,
						  u32 *vring0, u32 *vring1)
{
	struct amp_tb *t = amp_tb_new(test, 2);

	amp_tb_vdev(t, AMP_RSC_VIRTIO_ID_RPMSG, 0, 1, 0, 2);
	*vring0 = amp_tb_vring(t, AMP_RSC_ADDR_ANY, 0x1000, 8, 1);
	*vring1 = amp_tb_vring(t, AMP_RSC_ADDR_ANY, 0x1000, 8, 2);
	amp_tb_trace(t, AMP_RPROC_BOARD_STM32_TRACE_DA, 0x1000, "cm4_log");
	return t;
}

/* Test that the mainline node binds with the STM32MP1 profile. */
static void amp_rproc_board_stm32_probe(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_find(test, AMP_RPROC_BOARD_STM32_NODE);
	struct amp_rproc *ar = rproc->priv;

	KUNIT_EXPECT_STREQ(test, ar->profile->name, "stm32mp1");
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_OFFLINE);
	KUNIT_ASSERT_EQ(test, ar->num_regions, 4U);
	/* Unnamed regions take their node names, as on stm32mp157c-dk2. */
	KUNIT_EXPECT_STREQ(test, ar->regions[0].name, "amp-rproc-kunit-fw");
	KUNIT_EXPECT_STREQ(test, ar->regions[1].name, "vdev0vring0");
	KUNIT_EXPECT_STREQ(test, ar->regions[2].name, "vdev0vring1");
	KUNIT_EXPECT_STREQ(test, ar->regions[3].name, "vdev0buffer");
	KUNIT_EXPECT_NOT_NULL(test, ar->hold_boot_rst);
	if (IS_ENABLED(CONFIG_MFD_SYSCON)) {
		KUNIT_EXPECT_NOT_NULL(test, ar->state_syscon.map);
		KUNIT_EXPECT_EQ(test, ar->state_syscon.reg, 0x148U);
		KUNIT_EXPECT_NOT_NULL(test, ar->rsc_table_syscon.map);
	}
	KUNIT_EXPECT_NOT_NULL(test, ar->vq[0].chan);
	KUNIT_EXPECT_NOT_NULL(test, ar->vq[1].chan);
	KUNIT_EXPECT_NOT_NULL(test, ar->shutdown.chan);
	KUNIT_EXPECT_NOT_NULL(test, ar->detach.chan);
}

/* Test that ST's firmware boots: table handled, hold-boot released, then stopped. */
static void amp_rproc_board_stm32_boot(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_find(test,
						   AMP_RPROC_BOARD_STM32_NODE);
	struct amp_elf_image_seg segs[] = {
		{ .da = AMP_RPROC_BOARD_FW_DA, .filesz = 0x100,
		  .memsz = 0x1000, .fill = 0x33 },
		{ .da = AMP_RPROC_BOARD_STM32_RSC_DA },
	};
	struct amp_elf_image elf;
	u32 vring0, vring1;
	struct amp_tb *tb;
	const char *log;
	u8 *table;
	int ret;

	tb = amp_rproc_board_stm32_table(test, &vring0, &vring1);
	segs[1].filesz = tb->size;
	segs[1].memsz = tb->size;
	amp_elf_image_build(test, &elf, false, AMP_RPROC_BOARD_FW_DA, segs,
			    ARRAY_SIZE(segs), tb->buf, tb->size,
			    AMP_RPROC_BOARD_STM32_RSC_DA);
	/* The table segment's bytes are the .resource_table section's. */
	amp_elf_image_set(&elf, AMP_ELF_P_OFFSET, 1, elf.rsc_off);
	amp_rproc_board_write_fw(test, AMP_RPROC_BOARD_STM32_FW, elf.data,
				 elf.size);

	ret = rproc_boot(rproc);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "boot failed: see the kernel log");
	KUNIT_EXPECT_EQ(test, rproc->state, RPROC_RUNNING);
	/* mcu_rst deasserted, then the hold-boot released. */
	log = amp_rproc_board_log(test);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "rst4- rst5- "));

	/* amp_rsc placed the vrings and wrote their addresses back. */
	table = rproc_da_to_va(rproc, AMP_RPROC_BOARD_STM32_RSC_DA, tb->size,
			       NULL);
	KUNIT_ASSERT_NOT_NULL(test, table);
	KUNIT_EXPECT_NE(test, get_unaligned_le32(table + vring0), AMP_RSC_ADDR_ANY);
	KUNIT_EXPECT_NE(test, get_unaligned_le32(table + vring1), AMP_RSC_ADDR_ANY);

	amp_rproc_board_log_clear();
	KUNIT_EXPECT_EQ(test, rproc_shutdown(rproc), 0);
	log = amp_rproc_board_log(test);
	KUNIT_EXPECT_NOT_NULL(test, strstr(log, "mbox10:93 rst5+ rst4+ "));
}

static struct kunit_case amp_rproc_board_stm32_cases[] = {
	KUNIT_CASE(amp_rproc_board_stm32_probe),
	KUNIT_CASE(amp_rproc_board_stm32_boot),
	{ }
};

struct kunit_suite amp_rproc_board_stm32_suite = {
	.name = "amp_rproc_board_stm32",
	.suite_init = amp_rproc_board_suite_init,
	.suite_exit = amp_rproc_board_suite_exit,
	.init = amp_rproc_board_init,
	.exit = amp_rproc_board_exit,
	.test_cases = amp_rproc_board_stm32_cases,
};
