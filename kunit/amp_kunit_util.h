/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the project's KUnit suites share, from amp_kunit_util.ko: one
 * resource table builder (amp_tb.c), one ELF32/ELF64 image builder
 * (amp_elf_image.c) and a way to read what the kernel logged after a
 * point of the test (amp_klog.c). Nothing here needs the virtual board.
 */
#ifndef AMP_KUNIT_UTIL_H
#define AMP_KUNIT_UTIL_H

#include <kunit/test.h>
#include <linux/types.h>

#include <amp/abi/rsc_table.h>

/* Bytes a built table may take: the header plus 257 offsets fit. */
#define AMP_TB_BUF_SIZE 2048

/* Length of a v1 table header, where the offset array starts. */
#define AMP_TB_HDR_LEN 16

/**
 * struct amp_tb - a resource table being laid out byte by byte
 * @test: the running test, for allocations and assertions
 * @buf: the table bytes, %AMP_TB_BUF_SIZE of them
 * @size: bytes laid out so far: the table's size
 * @num: entries added so far
 * @slots: entries the header declares
 *
 * Each case reads like the firmware's table definition, and what is
 * parsed or loaded is the exact little-endian bytes a remote provides.
 */
struct amp_tb {
	struct kunit *test;
	u8 *buf;
	u32 size;
	u32 num;
	u32 slots;
};

struct amp_tb *amp_tb_new(struct kunit *test, u32 slots);
void amp_tb_put32(struct amp_tb *t, u32 off, u32 val);
void amp_tb_u32(struct amp_tb *t, u32 val);
void amp_tb_u8(struct amp_tb *t, u8 val);
void amp_tb_bytes(struct amp_tb *t, const void *p, u32 len);
void amp_tb_name(struct amp_tb *t, const char *name);
u32 amp_tb_entry(struct amp_tb *t, u32 type);
u32 amp_tb_mem(struct amp_tb *t, u32 type, u32 da, u32 pa, u32 len,
	       const char *name);
u32 amp_tb_carveout(struct amp_tb *t, u32 da, u32 pa, u32 len,
		    const char *name);
u32 amp_tb_devmem(struct amp_tb *t, u32 da, u32 pa, u32 len,
		  const char *name);
u32 amp_tb_trace(struct amp_tb *t, u32 da, u32 len, const char *name);
u32 amp_tb_vdev(struct amp_tb *t, u32 id, u32 notifyid, u32 dfeatures,
		u32 config_len, u8 num_vrings);
u32 amp_tb_vring(struct amp_tb *t, u32 da, u32 align, u32 num, u32 notifyid);
u32 amp_tb_rpmsg(struct amp_tb *t, u32 notifyid0, u32 notifyid1);
void amp_tb_poke(struct amp_tb *t, u32 off, u32 field, u32 val);

/**
 * amp_tb_body() - offset of an entry's body
 * @off: the entry's offset, as amp_tb_entry() and its users return it
 *
 * Return: where the entry's fields start, after its type word.
 */
static inline u32 amp_tb_body(u32 off)
{
	return off + 4;
}

/**
 * enum amp_elf_field - a field of an ELF header, program header or
 *	section header, whatever its class
 * @AMP_ELF_E_TYPE: e_type
 * @AMP_ELF_E_MACHINE: e_machine
 * @AMP_ELF_E_VERSION: e_version
 * @AMP_ELF_E_ENTRY: e_entry
 * @AMP_ELF_E_PHOFF: e_phoff
 * @AMP_ELF_E_SHOFF: e_shoff
 * @AMP_ELF_E_EHSIZE: e_ehsize
 * @AMP_ELF_E_PHENTSIZE: e_phentsize
 * @AMP_ELF_E_PHNUM: e_phnum
 * @AMP_ELF_E_SHENTSIZE: e_shentsize
 * @AMP_ELF_E_SHNUM: e_shnum
 * @AMP_ELF_E_SHSTRNDX: e_shstrndx
 * @AMP_ELF_P_TYPE: p_type
 * @AMP_ELF_P_FLAGS: p_flags
 * @AMP_ELF_P_OFFSET: p_offset
 * @AMP_ELF_P_VADDR: p_vaddr
 * @AMP_ELF_P_PADDR: p_paddr
 * @AMP_ELF_P_FILESZ: p_filesz
 * @AMP_ELF_P_MEMSZ: p_memsz
 * @AMP_ELF_SH_NAME: sh_name
 * @AMP_ELF_SH_TYPE: sh_type
 * @AMP_ELF_SH_FLAGS: sh_flags
 * @AMP_ELF_SH_ADDR: sh_addr
 * @AMP_ELF_SH_OFFSET: sh_offset
 * @AMP_ELF_SH_SIZE: sh_size
 * @AMP_ELF_NR_FIELDS: number of fields
 */
enum amp_elf_field {
	AMP_ELF_E_TYPE,
	AMP_ELF_E_MACHINE,
	AMP_ELF_E_VERSION,
	AMP_ELF_E_ENTRY,
	AMP_ELF_E_PHOFF,
	AMP_ELF_E_SHOFF,
	AMP_ELF_E_EHSIZE,
	AMP_ELF_E_PHENTSIZE,
	AMP_ELF_E_PHNUM,
	AMP_ELF_E_SHENTSIZE,
	AMP_ELF_E_SHNUM,
	AMP_ELF_E_SHSTRNDX,
	AMP_ELF_P_TYPE,
	AMP_ELF_P_FLAGS,
	AMP_ELF_P_OFFSET,
	AMP_ELF_P_VADDR,
	AMP_ELF_P_PADDR,
	AMP_ELF_P_FILESZ,
	AMP_ELF_P_MEMSZ,
	AMP_ELF_SH_NAME,
	AMP_ELF_SH_TYPE,
	AMP_ELF_SH_FLAGS,
	AMP_ELF_SH_ADDR,
	AMP_ELF_SH_OFFSET,
	AMP_ELF_SH_SIZE,
	AMP_ELF_NR_FIELDS,
};

/**
 * struct amp_elf_image_seg - one PT_LOAD segment of an image to build
 * @da: p_paddr (and p_vaddr)
 * @filesz: bytes in the file, all equal to @fill
 * @memsz: bytes at @da
 * @fill: byte the file data is made of
 */
struct amp_elf_image_seg {
	u64 da;
	u64 filesz;
	u64 memsz;
	u8 fill;
};

/**
 * struct amp_elf_image - a built image and where its parts are
 * @data: the image
 * @size: its size in bytes; a test may shrink it to truncate the image
 * @is64: ELF64
 * @phoff: file offset of the program headers
 * @shoff: file offset of the section headers
 * @rsc_off: file offset of the .resource_table data, 0 without one
 * @seg_off: file offset of each segment's data
 */
struct amp_elf_image {
	u8 *data;
	size_t size;
	bool is64;
	size_t phoff;
	size_t shoff;
	size_t rsc_off;
	size_t seg_off[4];
};

/* Most segments amp_elf_image_build() lays out. */
#define AMP_ELF_IMAGE_MAX_SEGS 4

void amp_elf_image_build(struct kunit *test, struct amp_elf_image *elf,
			 bool is64, u64 entry,
			 const struct amp_elf_image_seg *segs,
			 unsigned int nsegs, const void *rsc, size_t rsc_size,
			 u64 rsc_da);
void amp_elf_image_set(struct amp_elf_image *elf, enum amp_elf_field field,
		       unsigned int index, u64 val);

/**
 * struct amp_klog_mark - a point in the kernel's log
 * @seq: sequence number of the first record logged after the point
 */
struct amp_klog_mark {
	u64 seq;
};

void amp_klog_mark(struct kunit *test, struct amp_klog_mark *mark);
unsigned int amp_klog_count_since(const struct amp_klog_mark *mark,
				  const char *needle);

#endif /* AMP_KUNIT_UTIL_H */
