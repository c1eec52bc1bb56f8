// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_rproc_elf: amp_rproc loads ELF32 and ELF64 images built
 * by the test to their device addresses, zeroing memsz beyond filesz, and
 * rejects a corpus of malformed images (field-facts "Bad input" 8) in both
 * sanity_check and load without writing a byte of remote memory.
 */

#include <kunit/test.h>
#include <linux/elf.h>
#include <linux/firmware.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include "amp_rproc_kunit.h"

#define AMP_RPROC_ELF_PATTERN	0xa5
#define AMP_RPROC_ELF_ENTRY	(AMP_RPROC_KUNIT_FW_DA + 0x100)

static const struct amp_rproc_kunit_seg amp_rproc_elf_segs[] = {
	{ .da = AMP_RPROC_KUNIT_FW_DA + 0x100, .filesz = 0x80,
	  .memsz = 0x200, .fill = 0x11 },
	{ .da = AMP_RPROC_KUNIT_DATA_DA, .filesz = 0x10, .memsz = 0x1000,
	  .fill = 0x22 },
};

/* Binds the remote, maps its regions and fills them with the pattern. */
static struct rproc *amp_rproc_elf_setup(struct kunit *test)
{
	struct amp_rproc_kunit_ctx *ctx = test->priv;
	struct rproc *rproc;
	u8 *fw, *data;

	KUNIT_ASSERT_EQ(test, amp_rproc_kunit_bind(test, "/amp-rproc-kunit-vq"),
			0);
	rproc = ctx->rproc;
	KUNIT_ASSERT_EQ(test, rproc->ops->prepare(rproc), 0);
	fw = rproc_da_to_va(rproc, AMP_RPROC_KUNIT_FW_DA,
			    AMP_RPROC_KUNIT_FW_SIZE, NULL);
	data = rproc_da_to_va(rproc, AMP_RPROC_KUNIT_DATA_DA,
			      AMP_RPROC_KUNIT_DATA_SIZE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, fw);
	KUNIT_ASSERT_NOT_NULL(test, data);
	memset(fw, AMP_RPROC_ELF_PATTERN, AMP_RPROC_KUNIT_FW_SIZE);
	memset(data, AMP_RPROC_ELF_PATTERN, AMP_RPROC_KUNIT_DATA_SIZE);
	return rproc;
}

/* Number of bytes in [@da, @da + @len) that are not @val. */
static size_t amp_rproc_elf_diff(struct rproc *rproc, u64 da, size_t len,
				 u8 val)
{
	const u8 *p = rproc_da_to_va(rproc, da, len, NULL);
	size_t i, n = 0;

	if (!p)
		return len;
	for (i = 0; i < len; i++)
		n += p[i] != val;
	return n;
}

static void amp_rproc_elf_load_one(struct kunit *test, bool is64)
{
	struct rproc *rproc = amp_rproc_elf_setup(test);
	const struct amp_rproc_kunit_seg *s = amp_rproc_elf_segs;
	struct amp_rproc_kunit_elf elf;
	struct firmware fw = {};
	unsigned int i;

	amp_rproc_kunit_build_elf(test, &elf, is64, AMP_RPROC_ELF_ENTRY, s,
				  ARRAY_SIZE(amp_rproc_elf_segs), NULL, 0, 0);
	fw.data = elf.data;
	fw.size = elf.size;
	KUNIT_ASSERT_EQ(test, rproc->ops->sanity_check(rproc, &fw), 0);
	KUNIT_ASSERT_EQ(test, rproc->ops->load(rproc, &fw), 0);
	KUNIT_EXPECT_EQ(test, rproc->ops->get_boot_addr(rproc, &fw),
			AMP_RPROC_ELF_ENTRY);
	KUNIT_EXPECT_EQ(test, rproc->elf_class, is64 ? ELFCLASS64 : ELFCLASS32);

	for (i = 0; i < ARRAY_SIZE(amp_rproc_elf_segs); i++) {
		KUNIT_EXPECT_EQ(test, amp_rproc_elf_diff(rproc, s[i].da,
							 s[i].filesz,
							 s[i].fill), 0);
		KUNIT_EXPECT_EQ(test, amp_rproc_elf_diff(rproc,
							 s[i].da + s[i].filesz,
							 s[i].memsz - s[i].filesz,
							 0), 0);
		/* Nothing past memsz. */
		KUNIT_EXPECT_EQ(test, amp_rproc_elf_diff(rproc,
							 s[i].da + s[i].memsz,
							 0x100,
							 AMP_RPROC_ELF_PATTERN),
				0);
	}
	/* Nothing before the first segment either. */
	KUNIT_EXPECT_EQ(test, amp_rproc_elf_diff(rproc, AMP_RPROC_KUNIT_FW_DA,
						 0x100, AMP_RPROC_ELF_PATTERN),
			0);
	rproc->ops->unprepare(rproc);
}

/* Test that an ELF32 image lands at its addresses with its bss zeroed. */
static void amp_rproc_elf_load32(struct kunit *test)
{
	amp_rproc_elf_load_one(test, false);
}

/* Test that an ELF64 image lands at its addresses with its bss zeroed. */
static void amp_rproc_elf_load64(struct kunit *test)
{
	amp_rproc_elf_load_one(test, true);
}

/**
 * struct amp_rproc_elf_bad - one malformed image of the corpus
 * @name: what is wrong with it
 * @is64: built as ELF64
 * @mutate: breaks a valid image
 */
struct amp_rproc_elf_bad {
	const char *name;
	bool is64;
	void (*mutate)(struct amp_rproc_kunit_elf *elf);
};

static struct elf32_hdr *amp_rproc_elf_eh32(struct amp_rproc_kunit_elf *e)
{
	return (struct elf32_hdr *)e->data;
}

static struct elf64_hdr *amp_rproc_elf_eh64(struct amp_rproc_kunit_elf *e)
{
	return (struct elf64_hdr *)e->data;
}

static struct elf32_phdr *amp_rproc_elf_ph32(struct amp_rproc_kunit_elf *e,
					     unsigned int i)
{
	return (struct elf32_phdr *)(e->data + e->phoff) + i;
}

static struct elf64_phdr *amp_rproc_elf_ph64(struct amp_rproc_kunit_elf *e,
					     unsigned int i)
{
	return (struct elf64_phdr *)(e->data + e->phoff) + i;
}

static struct elf32_shdr *amp_rproc_elf_sh32(struct amp_rproc_kunit_elf *e,
					     unsigned int i)
{
	return (struct elf32_shdr *)(e->data + e->shoff) + i;
}

static void amp_rproc_elf_trunc_ident(struct amp_rproc_kunit_elf *e)
{
	e->size = 12;
}

static void amp_rproc_elf_trunc_hdr32(struct amp_rproc_kunit_elf *e)
{
	e->size = sizeof(struct elf32_hdr) - 4;
}

static void amp_rproc_elf_trunc_hdr64(struct amp_rproc_kunit_elf *e)
{
	e->size = sizeof(struct elf32_hdr);
}

static void amp_rproc_elf_magic(struct amp_rproc_kunit_elf *e)
{
	e->data[1] = 'X';
}

static void amp_rproc_elf_big_endian(struct amp_rproc_kunit_elf *e)
{
	e->data[EI_DATA] = ELFDATA2MSB;
}

static void amp_rproc_elf_dyn(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh32(e)->e_type = ET_DYN;
}

static void amp_rproc_elf_phoff_past(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh32(e)->e_phoff = e->size - 8;
}

static void amp_rproc_elf_phoff_wrap64(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh64(e)->e_phoff = ~0ULL - 16;
}

static void amp_rproc_elf_phnum_big(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh32(e)->e_phnum = 200;
}

static void amp_rproc_elf_phentsize(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh32(e)->e_phentsize = 16;
}

static void amp_rproc_elf_seg_past(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph32(e, 1)->p_offset = e->size - 4;
}

static void amp_rproc_elf_seg_wrap32(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph32(e, 1)->p_offset = 0xfffffff8;
}

static void amp_rproc_elf_seg_wrap64(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph64(e, 1)->p_offset = ~0ULL - 4;
}

static void amp_rproc_elf_filesz(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph32(e, 1)->p_memsz = 0x8;
}

static void amp_rproc_elf_not_owned(struct amp_rproc_kunit_elf *e)
{
	/* The first segment is fine: it must not be written either. */
	amp_rproc_elf_ph32(e, 1)->p_paddr = 0x1000;
}

static void amp_rproc_elf_straddle(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph32(e, 1)->p_paddr = AMP_RPROC_KUNIT_DATA_DA +
					    AMP_RPROC_KUNIT_DATA_SIZE - 0x10;
}

static void amp_rproc_elf_between(struct amp_rproc_kunit_elf *e)
{
	/* Ends in the data region, starts in the firmware region. */
	amp_rproc_elf_ph32(e, 1)->p_paddr = AMP_RPROC_KUNIT_DATA_DA - 0x10;
}

static void amp_rproc_elf_memsz_wrap64(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph64(e, 1)->p_memsz = ~0ULL - 0x10;
}

static void amp_rproc_elf_shstrndx(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh32(e)->e_shstrndx = 9;
}

static void amp_rproc_elf_sh_name(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_sh32(e, 1)->sh_name = 0x1000;
}

static void amp_rproc_elf_shoff_past(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_eh32(e)->e_shoff = e->size - 8;
}

static void amp_rproc_elf_no_load(struct amp_rproc_kunit_elf *e)
{
	amp_rproc_elf_ph32(e, 0)->p_type = PT_NOTE;
	amp_rproc_elf_ph32(e, 1)->p_type = PT_NOTE;
}

static const struct amp_rproc_elf_bad amp_rproc_elf_corpus[] = {
	{ "truncated e_ident", false, amp_rproc_elf_trunc_ident },
	{ "truncated ELF32 header", false, amp_rproc_elf_trunc_hdr32 },
	{ "truncated ELF64 header", true, amp_rproc_elf_trunc_hdr64 },
	{ "bad magic", false, amp_rproc_elf_magic },
	{ "big-endian", false, amp_rproc_elf_big_endian },
	{ "ET_DYN", false, amp_rproc_elf_dyn },
	{ "e_phoff past the file", false, amp_rproc_elf_phoff_past },
	{ "e_phoff wraps (ELF64)", true, amp_rproc_elf_phoff_wrap64 },
	{ "e_phnum past the file", false, amp_rproc_elf_phnum_big },
	{ "e_phentsize wrong", false, amp_rproc_elf_phentsize },
	{ "segment past the file", false, amp_rproc_elf_seg_past },
	{ "segment offset wraps (ELF32)", false, amp_rproc_elf_seg_wrap32 },
	{ "segment offset wraps (ELF64)", true, amp_rproc_elf_seg_wrap64 },
	{ "filesz > memsz", false, amp_rproc_elf_filesz },
	{ "segment outside remote memory", false, amp_rproc_elf_not_owned },
	{ "segment past its region's end", false, amp_rproc_elf_straddle },
	{ "segment across two regions", false, amp_rproc_elf_between },
	{ "memsz wraps (ELF64)", true, amp_rproc_elf_memsz_wrap64 },
	{ "e_shstrndx out of bounds", false, amp_rproc_elf_shstrndx },
	{ "sh_name out of bounds", false, amp_rproc_elf_sh_name },
	{ "e_shoff past the file", false, amp_rproc_elf_shoff_past },
	{ "no loadable segment", false, amp_rproc_elf_no_load },
};

static void amp_rproc_elf_corpus_desc(const struct amp_rproc_elf_bad *bad,
				      char *desc)
{
	strscpy(desc, bad->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(amp_rproc_elf_corpus, amp_rproc_elf_corpus,
		  amp_rproc_elf_corpus_desc);

/* Test that each malformed image is rejected with remote memory untouched. */
static void amp_rproc_elf_reject(struct kunit *test)
{
	const struct amp_rproc_elf_bad *bad = test->param_value;
	struct rproc *rproc = amp_rproc_elf_setup(test);
	struct amp_rproc_kunit_elf elf;
	struct firmware fw = {};

	amp_rproc_kunit_build_elf(test, &elf, bad->is64, AMP_RPROC_ELF_ENTRY,
				  amp_rproc_elf_segs,
				  ARRAY_SIZE(amp_rproc_elf_segs), NULL, 0, 0);
	bad->mutate(&elf);
	fw.data = elf.data;
	fw.size = elf.size;

	KUNIT_EXPECT_LT(test, rproc->ops->sanity_check(rproc, &fw), 0);
	KUNIT_EXPECT_LT(test, rproc->ops->load(rproc, &fw), 0);
	KUNIT_EXPECT_EQ(test, amp_rproc_elf_diff(rproc, AMP_RPROC_KUNIT_FW_DA,
						 AMP_RPROC_KUNIT_FW_SIZE,
						 AMP_RPROC_ELF_PATTERN), 0);
	KUNIT_EXPECT_EQ(test, amp_rproc_elf_diff(rproc, AMP_RPROC_KUNIT_DATA_DA,
						 AMP_RPROC_KUNIT_DATA_SIZE,
						 AMP_RPROC_ELF_PATTERN), 0);
	rproc->ops->unprepare(rproc);
}

static struct kunit_case amp_rproc_elf_cases[] = {
	KUNIT_CASE(amp_rproc_elf_load32),
	KUNIT_CASE(amp_rproc_elf_load64),
	KUNIT_CASE_PARAM(amp_rproc_elf_reject, amp_rproc_elf_corpus_gen_params),
	{ }
};

struct kunit_suite amp_rproc_elf_suite = {
	.name = "amp_rproc_elf",
	.suite_init = amp_rproc_kunit_suite_init,
	.suite_exit = amp_rproc_kunit_suite_exit,
	.init = amp_rproc_kunit_init,
	.exit = amp_rproc_kunit_exit,
	.test_cases = amp_rproc_elf_cases,
};
