// SPDX-License-Identifier: GPL-2.0-only
/*
 * The ELF image builder of the KUnit suites: ELF32 and ELF64 images laid
 * out from one description, every field written through one table giving
 * its offset and width in each class, so a test can also break any field
 * of either class the same way.
 *
 * Layout: ELF header, program headers, segment data, resource table data,
 * section name table, section headers ([0] null, [1] .shstrtab, [2]
 * .resource_table when there is one).
 */

#include <kunit/test.h>
#include <linux/align.h>
#include <linux/elf.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <amp/internal/compat.h>

#include "amp_kunit_util.h"

static const char amp_elf_image_shstrtab[] = "\0.shstrtab\0" AMP_RSC_SECTION;

/* sh_name of each section in amp_elf_image_shstrtab. */
#define AMP_ELF_IMAGE_NAME_SHSTRTAB 1
#define AMP_ELF_IMAGE_NAME_RSC 11

/**
 * struct amp_elf_image_field - where a field is in each class
 * @off: offset in the ELF32 and ELF64 structure
 * @len: width in bytes in the ELF32 and ELF64 structure
 */
struct amp_elf_image_field {
	u8 off[2];
	u8 len[2];
};

#define AMP_ELF_IMAGE_FIELD(s, f) {					\
	.off = { offsetof(struct elf32_##s, f), offsetof(struct elf64_##s, f) }, \
	.len = { sizeof_field(struct elf32_##s, f),			\
		 sizeof_field(struct elf64_##s, f) },			\
}

static const struct amp_elf_image_field amp_elf_image_fields[] = {
	[AMP_ELF_E_TYPE] = AMP_ELF_IMAGE_FIELD(hdr, e_type),
	[AMP_ELF_E_MACHINE] = AMP_ELF_IMAGE_FIELD(hdr, e_machine),
	[AMP_ELF_E_VERSION] = AMP_ELF_IMAGE_FIELD(hdr, e_version),
	[AMP_ELF_E_ENTRY] = AMP_ELF_IMAGE_FIELD(hdr, e_entry),
	[AMP_ELF_E_PHOFF] = AMP_ELF_IMAGE_FIELD(hdr, e_phoff),
	[AMP_ELF_E_SHOFF] = AMP_ELF_IMAGE_FIELD(hdr, e_shoff),
	[AMP_ELF_E_EHSIZE] = AMP_ELF_IMAGE_FIELD(hdr, e_ehsize),
	[AMP_ELF_E_PHENTSIZE] = AMP_ELF_IMAGE_FIELD(hdr, e_phentsize),
	[AMP_ELF_E_PHNUM] = AMP_ELF_IMAGE_FIELD(hdr, e_phnum),
	[AMP_ELF_E_SHENTSIZE] = AMP_ELF_IMAGE_FIELD(hdr, e_shentsize),
	[AMP_ELF_E_SHNUM] = AMP_ELF_IMAGE_FIELD(hdr, e_shnum),
	[AMP_ELF_E_SHSTRNDX] = AMP_ELF_IMAGE_FIELD(hdr, e_shstrndx),
	[AMP_ELF_P_TYPE] = AMP_ELF_IMAGE_FIELD(phdr, p_type),
	[AMP_ELF_P_FLAGS] = AMP_ELF_IMAGE_FIELD(phdr, p_flags),
	[AMP_ELF_P_OFFSET] = AMP_ELF_IMAGE_FIELD(phdr, p_offset),
	[AMP_ELF_P_VADDR] = AMP_ELF_IMAGE_FIELD(phdr, p_vaddr),
	[AMP_ELF_P_PADDR] = AMP_ELF_IMAGE_FIELD(phdr, p_paddr),
	[AMP_ELF_P_FILESZ] = AMP_ELF_IMAGE_FIELD(phdr, p_filesz),
	[AMP_ELF_P_MEMSZ] = AMP_ELF_IMAGE_FIELD(phdr, p_memsz),
	[AMP_ELF_SH_NAME] = AMP_ELF_IMAGE_FIELD(shdr, sh_name),
	[AMP_ELF_SH_TYPE] = AMP_ELF_IMAGE_FIELD(shdr, sh_type),
	[AMP_ELF_SH_FLAGS] = AMP_ELF_IMAGE_FIELD(shdr, sh_flags),
	[AMP_ELF_SH_ADDR] = AMP_ELF_IMAGE_FIELD(shdr, sh_addr),
	[AMP_ELF_SH_OFFSET] = AMP_ELF_IMAGE_FIELD(shdr, sh_offset),
	[AMP_ELF_SH_SIZE] = AMP_ELF_IMAGE_FIELD(shdr, sh_size),
};

static_assert(ARRAY_SIZE(amp_elf_image_fields) == AMP_ELF_NR_FIELDS);

/* Size of the ELF header, a program header and a section header. */
static size_t amp_elf_image_ehsize(bool is64)
{
	return is64 ? sizeof(struct elf64_hdr) : sizeof(struct elf32_hdr);
}

static size_t amp_elf_image_phsize(bool is64)
{
	return is64 ? sizeof(struct elf64_phdr) : sizeof(struct elf32_phdr);
}

static size_t amp_elf_image_shsize(bool is64)
{
	return is64 ? sizeof(struct elf64_shdr) : sizeof(struct elf32_shdr);
}

/**
 * amp_elf_image_set() - write one field of an image, in its class
 * @elf: the image
 * @field: the field
 * @index: the program or section header's index; ignored for ELF header
 *	fields
 * @val: the value, truncated to the field's width
 *
 * Writes into the headers wherever @elf->size now ends, so a test can
 * break a field of an image it has truncated.
 */
void amp_elf_image_set(struct amp_elf_image *elf, enum amp_elf_field field,
		       unsigned int index, u64 val)
{
	const struct amp_elf_image_field *f = &amp_elf_image_fields[field];
	unsigned int c = elf->is64;
	u8 *p = elf->data + f->off[c];

	if (field >= AMP_ELF_SH_NAME)
		p += elf->shoff + index * amp_elf_image_shsize(elf->is64);
	else if (field >= AMP_ELF_P_TYPE)
		p += elf->phoff + index * amp_elf_image_phsize(elf->is64);

	switch (f->len[c]) {
	case 2:
		put_unaligned_le16(val, p);
		break;
	case 4:
		put_unaligned_le32(val, p);
		break;
	default:
		put_unaligned_le64(val, p);
		break;
	}
}
EXPORT_SYMBOL_GPL(amp_elf_image_set);

/**
 * amp_elf_image_build() - lay out a little-endian executable
 * @test: the running test; the image lives as long as it
 * @elf: filled in with the image
 * @is64: ELF64 (EM_AARCH64) rather than ELF32 (EM_ARM)
 * @entry: e_entry
 * @segs: the PT_LOAD segments, at most %AMP_ELF_IMAGE_MAX_SEGS
 * @nsegs: number of @segs
 * @rsc: bytes of a .resource_table section, or NULL for none
 * @rsc_size: number of bytes at @rsc
 * @rsc_da: sh_addr of the .resource_table section
 */
void amp_elf_image_build(struct kunit *test, struct amp_elf_image *elf,
			 bool is64, u64 entry,
			 const struct amp_elf_image_seg *segs,
			 unsigned int nsegs, const void *rsc, size_t rsc_size,
			 u64 rsc_da)
{
	size_t ehsize = amp_elf_image_ehsize(is64);
	size_t phsize = amp_elf_image_phsize(is64);
	size_t shsize = amp_elf_image_shsize(is64);
	unsigned int shnum = rsc ? 3 : 2;
	size_t off, str_off;
	unsigned int i;

	KUNIT_ASSERT_LE(test, nsegs, AMP_ELF_IMAGE_MAX_SEGS);
	memset(elf, 0, sizeof(*elf));
	elf->is64 = is64;
	elf->phoff = ehsize;
	off = ALIGN(ehsize + nsegs * phsize, 16);
	for (i = 0; i < nsegs; i++) {
		elf->seg_off[i] = off;
		off = ALIGN(off + segs[i].filesz, 16);
	}
	elf->rsc_off = rsc ? off : 0;
	off = ALIGN(off + rsc_size, 16);
	str_off = off;
	off = ALIGN(off + sizeof(amp_elf_image_shstrtab), 16);
	elf->shoff = off;
	elf->size = off + shnum * shsize;
	elf->data = kunit_kzalloc(test, elf->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, elf->data);

	memcpy(elf->data, ELFMAG, SELFMAG);
	elf->data[EI_CLASS] = is64 ? ELFCLASS64 : ELFCLASS32;
	elf->data[EI_DATA] = ELFDATA2LSB;
	elf->data[EI_VERSION] = EV_CURRENT;
	amp_elf_image_set(elf, AMP_ELF_E_TYPE, 0, ET_EXEC);
	amp_elf_image_set(elf, AMP_ELF_E_MACHINE, 0,
			  is64 ? EM_AARCH64 : EM_ARM);
	amp_elf_image_set(elf, AMP_ELF_E_VERSION, 0, EV_CURRENT);
	amp_elf_image_set(elf, AMP_ELF_E_ENTRY, 0, entry);
	amp_elf_image_set(elf, AMP_ELF_E_PHOFF, 0, elf->phoff);
	amp_elf_image_set(elf, AMP_ELF_E_SHOFF, 0, elf->shoff);
	amp_elf_image_set(elf, AMP_ELF_E_EHSIZE, 0, ehsize);
	amp_elf_image_set(elf, AMP_ELF_E_PHENTSIZE, 0, phsize);
	amp_elf_image_set(elf, AMP_ELF_E_PHNUM, 0, nsegs);
	amp_elf_image_set(elf, AMP_ELF_E_SHENTSIZE, 0, shsize);
	amp_elf_image_set(elf, AMP_ELF_E_SHNUM, 0, shnum);
	amp_elf_image_set(elf, AMP_ELF_E_SHSTRNDX, 0, 1);

	for (i = 0; i < nsegs; i++) {
		memset(elf->data + elf->seg_off[i], segs[i].fill,
		       segs[i].filesz);
		amp_elf_image_set(elf, AMP_ELF_P_TYPE, i, PT_LOAD);
		amp_elf_image_set(elf, AMP_ELF_P_FLAGS, i, PF_R | PF_W | PF_X);
		amp_elf_image_set(elf, AMP_ELF_P_OFFSET, i, elf->seg_off[i]);
		amp_elf_image_set(elf, AMP_ELF_P_VADDR, i, segs[i].da);
		amp_elf_image_set(elf, AMP_ELF_P_PADDR, i, segs[i].da);
		amp_elf_image_set(elf, AMP_ELF_P_FILESZ, i, segs[i].filesz);
		amp_elf_image_set(elf, AMP_ELF_P_MEMSZ, i, segs[i].memsz);
	}

	memcpy(elf->data + str_off, amp_elf_image_shstrtab,
	       sizeof(amp_elf_image_shstrtab));
	amp_elf_image_set(elf, AMP_ELF_SH_NAME, 1, AMP_ELF_IMAGE_NAME_SHSTRTAB);
	amp_elf_image_set(elf, AMP_ELF_SH_TYPE, 1, SHT_STRTAB);
	amp_elf_image_set(elf, AMP_ELF_SH_OFFSET, 1, str_off);
	amp_elf_image_set(elf, AMP_ELF_SH_SIZE, 1,
			  sizeof(amp_elf_image_shstrtab));
	if (!rsc)
		return;
	memcpy(elf->data + elf->rsc_off, rsc, rsc_size);
	amp_elf_image_set(elf, AMP_ELF_SH_NAME, 2, AMP_ELF_IMAGE_NAME_RSC);
	amp_elf_image_set(elf, AMP_ELF_SH_TYPE, 2, SHT_PROGBITS);
	amp_elf_image_set(elf, AMP_ELF_SH_FLAGS, 2, SHF_ALLOC);
	amp_elf_image_set(elf, AMP_ELF_SH_ADDR, 2, rsc_da);
	amp_elf_image_set(elf, AMP_ELF_SH_OFFSET, 2, elf->rsc_off);
	amp_elf_image_set(elf, AMP_ELF_SH_SIZE, 2, rsc_size);
}
EXPORT_SYMBOL_GPL(amp_elf_image_build);
