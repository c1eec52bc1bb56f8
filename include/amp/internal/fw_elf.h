/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Firmware image validator for ELF32 and ELF64 little-endian executables.
 *
 * The same code runs in the platform driver (sanity check and load) and in
 * the host tool rsctool, so both always agree about an image. Nothing here
 * trusts a field of the image: every offset, count and size is checked
 * against the file size with overflow-checked arithmetic before it is used.
 */
#ifndef AMP_FW_ELF_H
#define AMP_FW_ELF_H

#include <amp/internal/portable.h>

/* Room for one message naming the header, segment or section at fault. */
#define FW_ELF_MSG_LEN 160

/**
 * struct fw_elf_error - why an image was rejected
 * @err: negative errno, also returned by the failing call
 * @index: index of the segment or section at fault, -1 for the ELF header
 * @msg: NUL-terminated description, e.g. "segment 2: offset 0x1000 +
 *	 filesz 0x4000 is past the end of the file (0x2000 bytes)"
 */
struct fw_elf_error {
	int err;
	int index;
	char msg[FW_ELF_MSG_LEN];
};

/**
 * struct fw_elf_info - summary of a valid image
 * @bits: 32 for ELF32, 64 for ELF64
 * @type: e_type (always ET_EXEC for an accepted image)
 * @machine: e_machine, recorded but not restricted
 * @flags: e_flags
 * @entry: entry point (boot address)
 * @phnum: number of program headers
 * @shnum: number of section headers, 0 when the image has none
 * @nr_load: number of PT_LOAD segments with a non-zero memsz
 * @has_names: the image has a section name table
 */
struct fw_elf_info {
	unsigned int bits;
	u16 type;
	u16 machine;
	u32 flags;
	u64 entry;
	u16 phnum;
	u16 shnum;
	u16 nr_load;
	bool has_names;
};

/**
 * struct fw_elf_segment - one PT_LOAD segment of a valid image
 * @index: index of its program header
 * @flags: p_flags (PF_X 1, PF_W 2, PF_R 4)
 * @da: p_paddr, the device address the loader copies the segment to
 * @vaddr: p_vaddr, for display only
 * @offset: file offset of its bytes; @offset + @filesz is inside the file
 * @filesz: bytes to copy from the file, never more than @memsz
 * @memsz: bytes the segment occupies at @da; the loader zeroes the tail
 */
struct fw_elf_segment {
	unsigned int index;
	u32 flags;
	u64 da;
	u64 vaddr;
	u64 offset;
	u64 filesz;
	u64 memsz;
};

/**
 * struct fw_elf_section - one section of a valid image
 * @index: index of its section header
 * @type: sh_type
 * @flags: sh_flags
 * @addr: sh_addr, the device address of the section once loaded
 * @offset: file offset; @offset + @size is inside the file
 * @size: size in bytes
 */
struct fw_elf_section {
	unsigned int index;
	u32 type;
	u64 flags;
	u64 addr;
	u64 offset;
	u64 size;
};

/**
 * typedef fw_elf_owns_fn - does the remote own a range of device memory
 * @ctx: the caller's context
 * @da: device address of the first byte
 * @len: length in bytes, never 0; @da + @len does not wrap
 *
 * Return: true when [@da, @da + @len) lies inside one region the remote owns.
 */
typedef bool (*fw_elf_owns_fn)(void *ctx, u64 da, u64 len);

/**
 * typedef fw_elf_segment_fn - called for each loadable segment
 * @ctx: the caller's context
 * @seg: the segment, already validated
 *
 * Return: 0 to continue, anything else stops the walk and is returned.
 */
typedef int (*fw_elf_segment_fn)(void *ctx, const struct fw_elf_segment *seg);

struct fw_elf_layout;

/**
 * struct fw_elf_image - a validated image, as fw_elf_parse() leaves it
 * @data: the image bytes; they must not change while the image is in use
 * @size: number of bytes at @data
 * @l: field offsets of the image's class (private to the validator)
 * @info: the summary of the image
 * @phoff: file offset of the program headers, all inside the file
 * @shoff: file offset of the section headers, all inside the file
 * @names: the section name table inside @data, NUL-terminated, or NULL
 * @names_size: bytes at @names
 *
 * The functions taking a parsed image rely on what fw_elf_parse() checked
 * and never check it again, so an image is validated once however many
 * times it is walked.
 */
struct fw_elf_image {
	const u8 *data;
	size_t size;
	const struct fw_elf_layout *l;
	struct fw_elf_info info;
	u64 phoff;
	u64 shoff;
	const char *names;
	size_t names_size;
};

/**
 * fw_elf_parse() - validate a firmware image
 * @img: the image
 * @size: its size in bytes
 * @im: filled in with the validated image; unspecified on failure
 * @err: filled with the reason on failure; may be NULL
 *
 * Checks the ELF header (magic, class, little-endian data, version,
 * ET_EXEC), the program headers (inside the file, every PT_LOAD with
 * offset + filesz inside the file, filesz <= memsz, memsz fitting size_t,
 * da + memsz not wrapping, at least one with a non-zero memsz) and, when
 * present, the section headers (inside the file, a name table of type
 * SHT_STRTAB ending in a NUL byte, every sh_name inside it, every section
 * with file data inside the file).
 *
 * Return: 0 when valid, -EINVAL (or -EOVERFLOW for a memsz that does not
 * fit size_t) otherwise.
 */
int fw_elf_parse(const void *img, size_t size, struct fw_elf_image *im,
		 struct fw_elf_error *err);

/**
 * fw_elf_walk_segments() - walk the loadable segments of an image
 * @im: an image fw_elf_parse() accepted
 * @fn: called for each PT_LOAD segment with a non-zero memsz, in order
 * @ctx: passed to @fn
 *
 * Return: 0 when every segment was walked, else what @fn returned when it
 * stopped the walk.
 */
int fw_elf_walk_segments(const struct fw_elf_image *im, fw_elf_segment_fn fn,
			 void *ctx);

/**
 * fw_elf_check_owned() - check that the remote owns every segment
 * @im: an image fw_elf_parse() accepted
 * @owns: asked about [da, da + memsz) of each PT_LOAD segment
 * @ctx: passed to @owns
 * @err: filled with the reason when a segment is rejected; may be NULL
 *
 * A segment that is not entirely inside one region the remote owns would
 * make the loader write over memory that belongs to someone else, so it is
 * rejected, naming its index, device address and memsz.
 *
 * Return: 0 when every segment is owned, -EINVAL otherwise.
 */
int fw_elf_check_owned(const struct fw_elf_image *im, fw_elf_owns_fn owns,
		       void *ctx, struct fw_elf_error *err);

/**
 * fw_elf_find_section() - find a section by name
 * @im: an image fw_elf_parse() accepted
 * @name: section name, e.g. %AMP_RSC_SECTION
 * @sec: filled with the first section of that name when found
 * @err: filled with the reason on failure; may be NULL
 *
 * The section must hold data in the file (not SHT_NOBITS); its bytes are
 * then @im->data + @sec->offset, @sec->size of them, all inside the file.
 *
 * Return: 0 when found, -ENOENT when the image has no such section (or no
 * section names at all), -EINVAL when the section holds no data.
 */
int fw_elf_find_section(const struct fw_elf_image *im, const char *name,
			struct fw_elf_section *sec, struct fw_elf_error *err);

/**
 * fw_elf_is_elf() - does a buffer start with the ELF magic
 * @img: the buffer
 * @size: its size in bytes
 *
 * Return: true when @img starts with "\x7fELF"; says nothing about validity.
 */
bool fw_elf_is_elf(const void *img, size_t size);

#endif /* AMP_FW_ELF_H */
