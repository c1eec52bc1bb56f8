/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rsctool's input: one firmware image or raw table file, loaded and
 * validated by the same code the kernel runs (image.c).
 */
#ifndef RSCTOOL_IMAGE_H
#define RSCTOOL_IMAGE_H

#include <amp/internal/portable.h>
#include <amp/internal/fw_elf.h>
#include <amp/internal/rsc_parse.h>

/* u64 is unsigned long on 64-bit hosts; %llx wants unsigned long long. */
#define ULL(x) ((unsigned long long)(x))

/* Room for "ELF: " or "resource table: " plus a validator message. */
#define RSCTOOL_MSG_LEN 200

/**
 * struct rsctool_image - a loaded and validated input file
 * @path: file name as given on the command line
 * @data: the whole file
 * @size: its size in bytes
 * @is_elf: the file starts with the ELF magic
 * @elf: the validated image when @is_elf
 * @has_table: a resource table was found (always true for a raw file)
 * @table_offset: file offset of the table
 * @table_addr: device address of the table once loaded (sh_addr)
 * @table: the table bytes, inside @data
 * @table_size: number of bytes at @table
 * @num: number of valid elements in @entries
 * @entries: the parsed entries
 */
struct rsctool_image {
	const char *path;
	u8 *data;
	size_t size;
	bool is_elf;
	struct fw_elf_image elf;
	bool has_table;
	u64 table_offset;
	u64 table_addr;
	const u8 *table;
	size_t table_size;
	u32 num;
	struct rsc_parse_entry *entries;
};

/**
 * rsctool_machine_name() - name of an ELF e_machine value
 * @machine: e_machine
 *
 * Return: a static string, "unknown" for machines rsctool does not know.
 */
const char *rsctool_machine_name(u16 machine);

/**
 * rsctool_load() - read, validate and parse one input file
 * @im: the image, with @im->path set and everything else zero
 * @msg: where the reason goes on failure
 * @len: size of @msg
 *
 * Return: 0, or -1 with @msg set; call rsctool_unload() either way.
 */
int rsctool_load(struct rsctool_image *im, char *msg, size_t len);

/**
 * rsctool_unload() - free what rsctool_load() allocated
 * @im: the image
 */
void rsctool_unload(struct rsctool_image *im);

#endif /* RSCTOOL_IMAGE_H */
