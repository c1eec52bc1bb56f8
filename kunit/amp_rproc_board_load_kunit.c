// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_rproc_board_load: amp_rproc loads ELF32 and ELF64 images
 * built by the test to their device addresses in the board's reserved
 * memory, zeroing memsz beyond filesz, and refuses images it must not
 * load in both sanity_check and load without writing a byte of remote
 * memory; a region in kernel RAM is used through the driver's cacheable
 * mapping. The validator's own corpus of malformed images is the pure
 * amp_fw_elf suite's.
 */

#include <kunit/test.h>
#include <linux/elf.h>
#include <linux/firmware.h>
#include <linux/list.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include <amp/rsc.h>

#include "amp_kunit_util.h"
#include "amp_rproc_board.h"

#define AMP_RPROC_BOARD_LOAD_PATTERN	0xa5
#define AMP_RPROC_BOARD_LOAD_ENTRY	(AMP_RPROC_BOARD_FW_DA + 0x100)

static const struct amp_elf_image_seg amp_rproc_board_load_segs[] = {
	{ .da = AMP_RPROC_BOARD_FW_DA + 0x100, .filesz = 0x80,
	  .memsz = 0x200, .fill = 0x11 },
	{ .da = AMP_RPROC_BOARD_DATA_DA, .filesz = 0x10, .memsz = 0x1000,
	  .fill = 0x22 },
};

/* Binds the remote and fills its regions with the pattern. */
static struct rproc *amp_rproc_board_load_setup(struct kunit *test)
{
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct rproc *rproc;
	u8 *fw, *data;

	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, "/amp-rproc-kunit-vq"),
			0);
	rproc = ctx->rproc;
	fw = rproc_da_to_va(rproc, AMP_RPROC_BOARD_FW_DA,
			    AMP_RPROC_BOARD_FW_SIZE, NULL);
	data = rproc_da_to_va(rproc, AMP_RPROC_BOARD_DATA_DA,
			      AMP_RPROC_BOARD_DATA_SIZE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, fw);
	KUNIT_ASSERT_NOT_NULL(test, data);
	memset(fw, AMP_RPROC_BOARD_LOAD_PATTERN, AMP_RPROC_BOARD_FW_SIZE);
	memset(data, AMP_RPROC_BOARD_LOAD_PATTERN, AMP_RPROC_BOARD_DATA_SIZE);
	return rproc;
}

/* Number of bytes in [@da, @da + @len) that are not @val. */
static size_t amp_rproc_board_load_diff(struct rproc *rproc, u64 da,
					size_t len, u8 val)
{
	const u8 *p = rproc_da_to_va(rproc, da, len, NULL);
	size_t i, n = 0;

	if (!p)
		return len;
	for (i = 0; i < len; i++)
		n += p[i] != val;
	return n;
}

/* Is the remote's memory as amp_rproc_board_load_setup() left it? */
static void amp_rproc_board_load_untouched(struct kunit *test,
					   struct rproc *rproc)
{
	KUNIT_EXPECT_EQ(test,
			amp_rproc_board_load_diff(rproc, AMP_RPROC_BOARD_FW_DA,
						  AMP_RPROC_BOARD_FW_SIZE,
						  AMP_RPROC_BOARD_LOAD_PATTERN),
			0);
	KUNIT_EXPECT_EQ(test,
			amp_rproc_board_load_diff(rproc,
						  AMP_RPROC_BOARD_DATA_DA,
						  AMP_RPROC_BOARD_DATA_SIZE,
						  AMP_RPROC_BOARD_LOAD_PATTERN),
			0);
}

static void amp_rproc_board_load_build(struct kunit *test,
				       struct amp_elf_image *elf,
				       struct firmware *fw, bool is64)
{
	amp_elf_image_build(test, elf, is64, AMP_RPROC_BOARD_LOAD_ENTRY,
			    amp_rproc_board_load_segs,
			    ARRAY_SIZE(amp_rproc_board_load_segs), NULL, 0, 0);
	fw->data = elf->data;
	fw->size = elf->size;
}

static void amp_rproc_board_load_one(struct kunit *test, bool is64)
{
	struct rproc *rproc = amp_rproc_board_load_setup(test);
	const struct amp_elf_image_seg *s = amp_rproc_board_load_segs;
	struct amp_elf_image elf;
	struct firmware fw = {};
	unsigned int i;

	amp_rproc_board_load_build(test, &elf, &fw, is64);
	KUNIT_ASSERT_EQ(test, rproc->ops->sanity_check(rproc, &fw), 0);
	KUNIT_EXPECT_EQ(test, rproc->ops->get_boot_addr(rproc, &fw),
			AMP_RPROC_BOARD_LOAD_ENTRY);
	KUNIT_ASSERT_EQ(test, rproc->ops->load(rproc, &fw), 0);
	KUNIT_EXPECT_EQ(test, rproc->elf_class, is64 ? ELFCLASS64 : ELFCLASS32);

	for (i = 0; i < ARRAY_SIZE(amp_rproc_board_load_segs); i++) {
		KUNIT_EXPECT_EQ(test,
				amp_rproc_board_load_diff(rproc, s[i].da,
							  s[i].filesz,
							  s[i].fill), 0);
		KUNIT_EXPECT_EQ(test,
				amp_rproc_board_load_diff(rproc,
							  s[i].da + s[i].filesz,
							  s[i].memsz - s[i].filesz,
							  0), 0);
		/* Nothing past memsz. */
		KUNIT_EXPECT_EQ(test,
				amp_rproc_board_load_diff(rproc,
							  s[i].da + s[i].memsz,
							  0x100,
							  AMP_RPROC_BOARD_LOAD_PATTERN),
				0);
	}
	/* Nothing before the first segment either. */
	KUNIT_EXPECT_EQ(test,
			amp_rproc_board_load_diff(rproc, AMP_RPROC_BOARD_FW_DA,
						  0x100,
						  AMP_RPROC_BOARD_LOAD_PATTERN),
			0);
}

/* Test that an ELF32 image lands at its addresses with its bss zeroed. */
static void amp_rproc_board_load32(struct kunit *test)
{
	amp_rproc_board_load_one(test, false);
}

/* Test that an ELF64 image lands at its addresses with its bss zeroed. */
static void amp_rproc_board_load64(struct kunit *test)
{
	amp_rproc_board_load_one(test, true);
}

/**
 * struct amp_rproc_board_load_bad - an image amp_rproc must not load
 * @name: what is wrong with it
 * @paddr: p_paddr of its second segment; 0 to leave it
 * @phnum: e_phnum; 0 to leave it
 */
struct amp_rproc_board_load_bad {
	const char *name;
	u64 paddr;
	u16 phnum;
};

static const struct amp_rproc_board_load_bad amp_rproc_board_load_corpus[] = {
	{ "segment outside remote memory", .paddr = 0x1000 },
	{ "segment past its region's end",
	  .paddr = AMP_RPROC_BOARD_DATA_DA + AMP_RPROC_BOARD_DATA_SIZE - 0x10 },
	{ "segment across two regions", .paddr = AMP_RPROC_BOARD_DATA_DA - 0x10 },
	{ "program headers past the file", .phnum = 200 },
};

static void
amp_rproc_board_load_corpus_desc(const struct amp_rproc_board_load_bad *bad,
				 char *desc)
{
	strscpy(desc, bad->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(amp_rproc_board_load_corpus, amp_rproc_board_load_corpus,
		  amp_rproc_board_load_corpus_desc);

/*
 * Test that an image with a segment the remote does not own, or one the
 * validator refuses, is refused by sanity_check and by load alone (as
 * crash recovery calls it) with remote memory untouched.
 */
static void amp_rproc_board_load_reject(struct kunit *test)
{
	const struct amp_rproc_board_load_bad *bad = test->param_value;
	struct rproc *rproc = amp_rproc_board_load_setup(test);
	struct amp_elf_image elf;
	struct firmware fw = {};

	amp_rproc_board_load_build(test, &elf, &fw, false);
	if (bad->paddr)
		amp_elf_image_set(&elf, AMP_ELF_P_PADDR, 1, bad->paddr);
	if (bad->phnum)
		amp_elf_image_set(&elf, AMP_ELF_E_PHNUM, 0, bad->phnum);

	KUNIT_EXPECT_EQ(test, rproc->ops->sanity_check(rproc, &fw), -EINVAL);
	KUNIT_EXPECT_EQ(test, rproc->ops->load(rproc, &fw), -EINVAL);
	amp_rproc_board_load_untouched(test, rproc);
}

/*
 * Test that load validates a firmware it was not the last to see checked:
 * crash recovery requests the file again, which may have changed since.
 */
static void amp_rproc_board_load_revalidates(struct kunit *test)
{
	struct rproc *rproc = amp_rproc_board_load_setup(test);
	struct firmware fw_good = {}, fw_bad = {};
	struct amp_elf_image good, bad;

	amp_rproc_board_load_build(test, &good, &fw_good, false);
	amp_rproc_board_load_build(test, &bad, &fw_bad, false);
	amp_elf_image_set(&bad, AMP_ELF_P_PADDR, 1, 0x1000);

	KUNIT_ASSERT_EQ(test, rproc->ops->sanity_check(rproc, &fw_good), 0);
	KUNIT_EXPECT_EQ(test, rproc->ops->load(rproc, &fw_bad), -EINVAL);
	amp_rproc_board_load_untouched(test, rproc);
	/* A load that completed leaves no image behind for the next one. */
	KUNIT_ASSERT_EQ(test, rproc->ops->sanity_check(rproc, &fw_good), 0);
	KUNIT_ASSERT_EQ(test, rproc->ops->load(rproc, &fw_good), 0);
	memset(rproc_da_to_va(rproc, AMP_RPROC_BOARD_FW_DA,
			      AMP_RPROC_BOARD_FW_SIZE, NULL),
	       AMP_RPROC_BOARD_LOAD_PATTERN, AMP_RPROC_BOARD_FW_SIZE);
	memset(rproc_da_to_va(rproc, AMP_RPROC_BOARD_DATA_DA,
			      AMP_RPROC_BOARD_DATA_SIZE, NULL),
	       AMP_RPROC_BOARD_LOAD_PATTERN, AMP_RPROC_BOARD_DATA_SIZE);
	/* The same firmware, its bytes changed in place as a new file's. */
	amp_elf_image_set(&good, AMP_ELF_P_PADDR, 1, 0x1000);
	KUNIT_EXPECT_EQ(test, rproc->ops->load(rproc, &fw_good), -EINVAL);
	amp_rproc_board_load_untouched(test, rproc);
}

static bool amp_rproc_board_load_has_carveout(struct rproc *rproc,
					      const char *name, u32 da)
{
	struct rproc_mem_entry *m;

	list_for_each_entry(m, &rproc->carveouts, node)
		if (!strcmp(m->name, name) && m->da == da && m->va)
			return true;
	return false;
}

/*
 * Test that a region in kernel RAM (no no-map) takes the image and a
 * carveout of its name through the driver's one cacheable mapping: it is
 * never remapped write-combined, which the kernel refuses with a warning.
 */
static void amp_rproc_board_load_kernel_ram(struct kunit *test)
{
	static const struct amp_elf_image_seg seg = {
		.da = AMP_RPROC_BOARD_RAM_DA, .filesz = 0x100, .memsz = 0x1000,
		.fill = 0x33,
	};
	struct amp_rproc_board_ctx *ctx = test->priv;
	struct amp_tb *tb = amp_tb_new(test, 1);
	struct amp_elf_image elf;
	struct rproc *rproc;

	amp_tb_carveout(tb, AMP_RSC_ADDR_ANY, AMP_RSC_ADDR_ANY, 0x2000, "ram");
	amp_elf_image_build(test, &elf, false, AMP_RPROC_BOARD_RAM_DA, &seg, 1,
			    tb->buf, tb->size, AMP_RPROC_BOARD_FW_DA);
	amp_rproc_board_write_fw(test, AMP_RPROC_BOARD_FW, elf.data, elf.size);
	KUNIT_ASSERT_EQ(test, amp_rproc_board_bind(test, "/amp-rproc-kunit-ram"),
			0);
	rproc = ctx->rproc;
	KUNIT_ASSERT_EQ(test, rproc_boot(rproc), 0);
	KUNIT_EXPECT_EQ(test,
			amp_rproc_board_load_diff(rproc, seg.da, seg.filesz,
						  seg.fill), 0);
	KUNIT_EXPECT_EQ(test,
			amp_rproc_board_load_diff(rproc, seg.da + seg.filesz,
						  seg.memsz - seg.filesz, 0),
			0);
	KUNIT_EXPECT_TRUE(test,
			  amp_rproc_board_load_has_carveout(rproc, "ram",
							    AMP_RPROC_BOARD_RAM_DA));
	KUNIT_EXPECT_EQ(test, rproc_shutdown(rproc), 0);
}

static struct kunit_case amp_rproc_board_load_cases[] = {
	KUNIT_CASE(amp_rproc_board_load32),
	KUNIT_CASE(amp_rproc_board_load64),
	KUNIT_CASE_PARAM(amp_rproc_board_load_reject,
			 amp_rproc_board_load_corpus_gen_params),
	KUNIT_CASE(amp_rproc_board_load_revalidates),
	KUNIT_CASE(amp_rproc_board_load_kernel_ram),
	{ }
};

struct kunit_suite amp_rproc_board_load_suite = {
	.name = "amp_rproc_board_load",
	.suite_init = amp_rproc_board_suite_init,
	.suite_exit = amp_rproc_board_suite_exit,
	.init = amp_rproc_board_init,
	.exit = amp_rproc_board_exit,
	.test_cases = amp_rproc_board_load_cases,
};
