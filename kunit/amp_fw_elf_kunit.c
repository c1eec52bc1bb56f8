// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite amp_fw_elf: the firmware image validator (lib/fw_elf.c) on
 * ELF32 and ELF64 images built by the test: what it reports of a valid
 * image, and a corpus of malformed ones (field-facts "Bad input" 8), each
 * refused with the header or segment at fault and the reason. Pure: no
 * device, no memory of a remote, no files.
 */

#include <kunit/test.h>
#include <linux/elf.h>
#include <linux/module.h>
#include <linux/string.h>

#include <amp/abi/rsc_table.h>
#include <amp/internal/fw_elf.h>

#include "amp_kunit_util.h"

#define AFE_TEXT_DA	0x10000000ULL
#define AFE_DATA_DA	0x10100000ULL
#define AFE_REGION_SIZE	0x10000ULL
#define AFE_ENTRY	(AFE_TEXT_DA + 0x100)

static const struct amp_elf_image_seg afe_segs[] = {
	{ .da = AFE_TEXT_DA + 0x100, .filesz = 0x80, .memsz = 0x200,
	  .fill = 0x11 },
	{ .da = AFE_DATA_DA, .filesz = 0x10, .memsz = 0x1000, .fill = 0x22 },
};

static const u8 afe_table[16] = { 1 };

/* The remote's memory as the ownership check sees it: two regions. */
static bool afe_owns(void *ctx, u64 da, u64 len)
{
	static const u64 starts[] = { AFE_TEXT_DA, AFE_DATA_DA };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(starts); i++)
		if (da >= starts[i] && len <= AFE_REGION_SIZE &&
		    da - starts[i] <= AFE_REGION_SIZE - len)
			return true;
	return false;
}

static void afe_build(struct kunit *test, struct amp_elf_image *elf,
		      bool is64)
{
	amp_elf_image_build(test, elf, is64, AFE_ENTRY, afe_segs,
			    ARRAY_SIZE(afe_segs), afe_table,
			    sizeof(afe_table), AFE_TEXT_DA + 0x1000);
}

/**
 * struct afe_walk - what a walk over the segments saw
 * @n: segments walked
 * @seg: the first two of them
 */
struct afe_walk {
	unsigned int n;
	struct fw_elf_segment seg[2];
};

static int afe_walk_one(void *ctx, const struct fw_elf_segment *seg)
{
	struct afe_walk *w = ctx;

	if (w->n < ARRAY_SIZE(w->seg))
		w->seg[w->n] = *seg;
	w->n++;
	return 0;
}

static void afe_valid(struct kunit *test, bool is64)
{
	struct amp_elf_image elf;
	struct fw_elf_error err = {};
	struct fw_elf_section sec;
	struct fw_elf_image im;
	struct afe_walk w = {};
	unsigned int i;

	afe_build(test, &elf, is64);
	KUNIT_ASSERT_EQ_MSG(test, fw_elf_parse(elf.data, elf.size, &im, &err),
			    0, "%s", err.msg);
	KUNIT_EXPECT_EQ(test, im.info.bits, is64 ? 64U : 32U);
	KUNIT_EXPECT_EQ(test, im.info.machine, is64 ? EM_AARCH64 : EM_ARM);
	KUNIT_EXPECT_EQ(test, im.info.entry, AFE_ENTRY);
	KUNIT_EXPECT_EQ(test, im.info.phnum, 2);
	KUNIT_EXPECT_EQ(test, im.info.nr_load, 2);
	KUNIT_EXPECT_TRUE(test, im.info.has_names);

	KUNIT_EXPECT_EQ(test, fw_elf_walk_segments(&im, afe_walk_one, &w), 0);
	KUNIT_ASSERT_EQ(test, w.n, 2U);
	for (i = 0; i < 2; i++) {
		KUNIT_EXPECT_EQ(test, w.seg[i].index, i);
		KUNIT_EXPECT_EQ(test, w.seg[i].da, afe_segs[i].da);
		KUNIT_EXPECT_EQ(test, w.seg[i].offset, (u64)elf.seg_off[i]);
		KUNIT_EXPECT_EQ(test, w.seg[i].filesz, afe_segs[i].filesz);
		KUNIT_EXPECT_EQ(test, w.seg[i].memsz, afe_segs[i].memsz);
	}

	KUNIT_EXPECT_EQ(test, fw_elf_check_owned(&im, afe_owns, NULL, &err),
			0);
	KUNIT_ASSERT_EQ(test,
			fw_elf_find_section(&im, AMP_RSC_SECTION, &sec, &err),
			0);
	KUNIT_EXPECT_EQ(test, sec.offset, (u64)elf.rsc_off);
	KUNIT_EXPECT_EQ(test, sec.size, sizeof(afe_table));
	KUNIT_EXPECT_EQ(test, sec.addr, AFE_TEXT_DA + 0x1000);
	KUNIT_EXPECT_EQ(test, fw_elf_find_section(&im, ".data", &sec, &err),
			-ENOENT);
	KUNIT_EXPECT_STREQ(test, err.msg, "no section named .data");
}

/* Test that a valid ELF32 image is described exactly. */
static void afe_valid32(struct kunit *test)
{
	afe_valid(test, false);
}

/* Test that a valid ELF64 image is described exactly. */
static void afe_valid64(struct kunit *test)
{
	afe_valid(test, true);
}

/* Test that a segment outside the remote's regions is named and refused. */
static void afe_not_owned(struct kunit *test)
{
	static const struct {
		u64 da;
		const char *msg;
	} cases[] = {
		{ 0x1000,
		  "segment 1: da 0x1000 memsz 0x1000 is not inside memory the remote owns" },
		/* Runs past its region's end. */
		{ AFE_DATA_DA + AFE_REGION_SIZE - 0x10, "segment 1: da 0x1010fff0" },
		/* Starts below the data region, ends inside it. */
		{ AFE_DATA_DA - 0x10, "segment 1: da 0x100ffff0" },
	};
	struct fw_elf_error err = {};
	struct amp_elf_image elf;
	struct fw_elf_image im;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		afe_build(test, &elf, false);
		amp_elf_image_set(&elf, AMP_ELF_P_PADDR, 1, cases[i].da);
		KUNIT_ASSERT_EQ(test, fw_elf_parse(elf.data, elf.size, &im,
						   &err), 0);
		KUNIT_EXPECT_EQ(test, fw_elf_check_owned(&im, afe_owns, NULL,
							 &err), -EINVAL);
		KUNIT_EXPECT_EQ(test, err.index, 1);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(err.msg, cases[i].msg),
					  "\"%s\"", err.msg);
	}
}

/**
 * struct afe_bad - one malformed image of the corpus
 * @name: what is wrong with it
 * @is64: built as ELF64
 * @mutate: breaks a valid image
 * @index: the header (-1) or segment or section the validator must name
 * @msg: a phrase its message must hold
 */
struct afe_bad {
	const char *name;
	bool is64;
	void (*mutate)(struct amp_elf_image *elf);
	int index;
	const char *msg;
};

static void afe_trunc_ident(struct amp_elf_image *e)
{
	e->size = 12;
}

static void afe_trunc_hdr32(struct amp_elf_image *e)
{
	e->size = sizeof(struct elf32_hdr) - 4;
}

static void afe_trunc_hdr64(struct amp_elf_image *e)
{
	e->size = sizeof(struct elf32_hdr);
}

static void afe_magic(struct amp_elf_image *e)
{
	e->data[1] = 'X';
}

static void afe_big_endian(struct amp_elf_image *e)
{
	e->data[EI_DATA] = ELFDATA2MSB;
}

static void afe_dyn(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_TYPE, 0, ET_DYN);
}

static void afe_phoff_past(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_PHOFF, 0, e->size - 8);
}

static void afe_phoff_wrap(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_PHOFF, 0, ~0ULL - 16);
}

static void afe_phnum_big(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_PHNUM, 0, 200);
}

static void afe_phentsize(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_PHENTSIZE, 0, 16);
}

static void afe_seg_past(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_OFFSET, 1, e->size - 4);
}

static void afe_seg_high32(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_OFFSET, 1, 0xfffffff8);
}

static void afe_seg_wrap(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_OFFSET, 1, ~0ULL - 4);
}

static void afe_filesz(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_MEMSZ, 1, 0x8);
}

static void afe_memsz_wrap(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_PADDR, 1, ~0ULL - 0x100);
}

static void afe_paddr_wrap32(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_PADDR, 1, 0xfffff800);
}

static void afe_shstrndx(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_SHSTRNDX, 0, 9);
}

static void afe_sh_name(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_SH_NAME, 1, 0x1000);
}

static void afe_shoff_past(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_E_SHOFF, 0, e->size - 8);
}

static void afe_overlap(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_PADDR, 1, AFE_TEXT_DA + 0x200);
}

static void afe_no_load(struct amp_elf_image *e)
{
	amp_elf_image_set(e, AMP_ELF_P_TYPE, 0, PT_NOTE);
	amp_elf_image_set(e, AMP_ELF_P_TYPE, 1, PT_NOTE);
}

static const struct afe_bad afe_corpus[] = {
	{ "truncated e_ident", false, afe_trunc_ident, -1,
	  "truncated ELF header: file is only 12 bytes" },
	{ "truncated ELF32 header", false, afe_trunc_hdr32, -1,
	  "truncated ELF32 header: file is only 48 bytes, need 52" },
	{ "truncated ELF64 header", true, afe_trunc_hdr64, -1,
	  "truncated ELF64 header: file is only 52 bytes, need 64" },
	{ "bad magic", false, afe_magic, -1, "not an ELF image (bad magic)" },
	{ "big-endian", false, afe_big_endian, -1, "big-endian image" },
	{ "ET_DYN", false, afe_dyn, -1, "e_type ET_DYN" },
	{ "e_phoff past the file", false, afe_phoff_past, -1,
	  "program headers: e_phoff" },
	{ "e_phoff wraps (ELF64)", true, afe_phoff_wrap, -1, "wraps around" },
	{ "e_phnum past the file", false, afe_phnum_big, -1,
	  "is past the end of the file" },
	{ "e_phentsize wrong", false, afe_phentsize, -1,
	  "e_phentsize 16 is not the ELF32 program header size 32" },
	{ "segment past the file", false, afe_seg_past, 1,
	  "segment 1: offset" },
	{ "segment offset near 4 GiB (ELF32)", false, afe_seg_high32, 1,
	  "segment 1: offset 0xfffffff8 + filesz 0x10 is past the end" },
	{ "segment offset wraps (ELF64)", true, afe_seg_wrap, 1,
	  "segment 1: offset 0xfffffffffffffffb + filesz 0x10 wraps around" },
	{ "filesz > memsz", false, afe_filesz, 1,
	  "segment 1: filesz 0x10 is larger than memsz 0x8" },
	{ "paddr + memsz wraps (ELF64)", true, afe_memsz_wrap, 1,
	  "paddr 0xfffffffffffffeff + memsz 0x1000 wraps around the 64-bit" },
	{ "paddr + memsz past 4 GiB (ELF32)", false, afe_paddr_wrap32, 1,
	  "wraps around the 32-bit address space" },
	{ "e_shstrndx out of bounds", false, afe_shstrndx, -1,
	  "e_shstrndx 9 is out of bounds (e_shnum 3)" },
	{ "sh_name out of bounds", false, afe_sh_name, 1,
	  "section 1: sh_name 0x1000 is outside the section name table" },
	{ "e_shoff past the file", false, afe_shoff_past, -1,
	  "section headers: e_shoff" },
	{ "no loadable segment", false, afe_no_load, -1,
	  "no loadable segment" },
	{ "overlapping segments", false, afe_overlap, 1,
	  "memsz 0x1000 overlaps segment 0 (paddr 0x10000100 memsz 0x200)" },
};

static void afe_corpus_desc(const struct afe_bad *bad, char *desc)
{
	strscpy(desc, bad->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(afe_corpus, afe_corpus, afe_corpus_desc);

/* Test that each malformed image is refused, naming what is wrong. */
static void afe_reject(struct kunit *test)
{
	const struct afe_bad *bad = test->param_value;
	struct fw_elf_error err = {};
	struct amp_elf_image elf;
	struct fw_elf_image im;

	afe_build(test, &elf, bad->is64);
	bad->mutate(&elf);
	KUNIT_EXPECT_LT(test, fw_elf_parse(elf.data, elf.size, &im, &err), 0);
	KUNIT_EXPECT_LT(test, err.err, 0);
	KUNIT_EXPECT_EQ(test, err.index, bad->index);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(err.msg, bad->msg),
				  "message \"%s\" lacks \"%s\"", err.msg,
				  bad->msg);
}

/* Test that a section of the name without data in the file is refused. */
static void afe_section_nobits(struct kunit *test)
{
	struct fw_elf_error err = {};
	struct amp_elf_image elf;
	struct fw_elf_section sec;
	struct fw_elf_image im;

	afe_build(test, &elf, true);
	amp_elf_image_set(&elf, AMP_ELF_SH_TYPE, 2, SHT_NOBITS);
	KUNIT_ASSERT_EQ(test, fw_elf_parse(elf.data, elf.size, &im, &err), 0);
	KUNIT_EXPECT_EQ(test, fw_elf_find_section(&im, AMP_RSC_SECTION, &sec,
						  &err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err.msg,
			   "section 2 (.resource_table): has no data in the file (type 8)");
}

static struct kunit_case afe_cases[] = {
	KUNIT_CASE(afe_valid32),
	KUNIT_CASE(afe_valid64),
	KUNIT_CASE(afe_not_owned),
	KUNIT_CASE_PARAM(afe_reject, afe_corpus_gen_params),
	KUNIT_CASE(afe_section_nobits),
	{ }
};

static struct kunit_suite afe_suite = {
	.name = "amp_fw_elf",
	.test_cases = afe_cases,
};

kunit_test_suite(afe_suite);

MODULE_DESCRIPTION("KUnit tests of the AMP firmware image validator");
MODULE_LICENSE("GPL");
