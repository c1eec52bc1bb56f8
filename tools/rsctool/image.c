// SPDX-License-Identifier: GPL-2.0-only
/*
 * rsctool's input files: read whole, validated by the kernel's own image
 * validator and table parser, the table found in an ELF image's
 * .resource_table section or taken as the whole file.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "image.h"

/* Far above any firmware image; keeps a mistaken argument from eating RAM. */
#define RSCTOOL_MAX_FILE (512UL << 20)

const char *rsctool_machine_name(u16 machine)
{
	static const struct {
		u16 machine;
		const char *name;
	} names[] = {
		{ 3, "x86" },
		{ 8, "MIPS" },
		{ 40, "ARM" },
		{ 62, "x86-64" },
		{ 94, "Xtensa" },
		{ 140, "TI C6000" },
		{ 144, "TI PRU" },
		{ 164, "Hexagon" },
		{ 183, "AArch64" },
		{ 243, "RISC-V" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].machine == machine)
			return names[i].name;
	return "unknown";
}

static int rsctool_read_file(struct rsctool_image *im, char *msg, size_t len)
{
	struct stat st;
	size_t done = 0;
	ssize_t n;
	int fd;

	fd = open(im->path, O_RDONLY);
	if (fd < 0) {
		snprintf(msg, len, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		snprintf(msg, len, "not a regular file");
		goto err_close;
	}
	if ((u64)st.st_size > RSCTOOL_MAX_FILE) {
		snprintf(msg, len, "file too large (%lld bytes)",
			 (long long)st.st_size);
		goto err_close;
	}
	im->size = st.st_size;
	/* One spare byte so an empty file still gets a valid pointer. */
	im->data = malloc(im->size + 1);
	if (!im->data) {
		snprintf(msg, len, "out of memory");
		goto err_close;
	}
	while (done < im->size) {
		n = read(fd, im->data + done, im->size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(msg, len, "read error: %s",
				 n ? strerror(errno) : "file shrank");
			goto err_free;
		}
		done += n;
	}
	close(fd);
	return 0;

err_free:
	free(im->data);
	im->data = NULL;
err_close:
	close(fd);
	return -1;
}

/* Finds the table in an ELF image; a missing table is not an error. */
static int rsctool_find_table(struct rsctool_image *im, char *msg, size_t len)
{
	struct fw_elf_section sec;
	struct fw_elf_error err;
	int ret;

	ret = fw_elf_parse(im->data, im->size, &im->elf, &err);
	if (ret) {
		snprintf(msg, len, "ELF: %s", err.msg);
		return -1;
	}
	ret = fw_elf_find_section(&im->elf, AMP_RSC_SECTION, &sec, &err);
	if (ret == -ENOENT)
		return 0;
	if (ret) {
		snprintf(msg, len, "ELF: %s", err.msg);
		return -1;
	}
	im->has_table = true;
	im->table_offset = sec.offset;
	im->table_addr = sec.addr;
	im->table = im->data + sec.offset;
	im->table_size = sec.size;
	return 0;
}

int rsctool_load(struct rsctool_image *im, char *msg, size_t len)
{
	struct rsc_parse_error err;
	int ret;

	if (rsctool_read_file(im, msg, len))
		return -1;

	im->is_elf = fw_elf_is_elf(im->data, im->size);
	if (im->is_elf) {
		if (rsctool_find_table(im, msg, len))
			return -1;
	} else {
		im->has_table = true;
		im->table = im->data;
		im->table_size = im->size;
	}
	if (!im->has_table)
		return 0;

	im->entries = calloc(RSC_PARSE_MAX_ENTRIES, sizeof(*im->entries));
	if (!im->entries) {
		snprintf(msg, len, "out of memory");
		return -1;
	}
	ret = rsc_parse_table(im->table, im->table_size, im->entries,
			      RSC_PARSE_MAX_ENTRIES, &err);
	if (ret < 0) {
		snprintf(msg, len, "resource table: %s", err.msg);
		return -1;
	}
	im->num = ret;
	return 0;
}

void rsctool_unload(struct rsctool_image *im)
{
	free(im->entries);
	free(im->data);
}
