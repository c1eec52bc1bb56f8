// SPDX-License-Identifier: GPL-2.0-only
/*
 * Human-readable dump of a validated resource table: one line per entry,
 * indented lines for its fields, and config space or vendor bodies as a
 * hex dump, so a table can be compared against the firmware's source.
 */

#include <stdio.h>

#include "dump.h"

#define DUMP_ROW 16

static void dump_hex(const u8 *p, size_t len, u64 base)
{
	size_t i, j;

	for (i = 0; i < len; i += DUMP_ROW) {
		printf("    %04llx ", ULL(base + i));
		for (j = i; j < i + DUMP_ROW; j++) {
			if (j < len)
				printf(" %02x", p[j]);
			else
				printf("   ");
		}
		printf("  |");
		for (j = i; j < i + DUMP_ROW && j < len; j++)
			putchar(p[j] >= 0x20 && p[j] < 0x7f ? p[j] : '.');
		printf("|\n");
	}
}

static void dump_vdev(const struct rsctool_image *im,
		      const struct rsc_parse_vdev *v)
{
	const char *id_name = rsc_parse_vdev_id_name(v->id);
	const struct rsc_parse_vring *r;
	u32 i;

	printf("  id %u (%s), notifyid %u, dfeatures 0x%llx, gfeatures 0x%llx, status 0x%02x\n",
	       v->id, id_name ? id_name : "unknown", v->notifyid,
	       ULL(v->dfeatures), ULL(v->gfeatures), v->status);
	printf("  vrings %u, config_len %u\n", v->num_vrings, v->config_len);
	for (i = 0; i < v->num_vrings; i++) {
		r = &v->vring[i];
		printf("  vring %u: da 0x%llx, align 0x%llx, num %llu, notifyid %llu, pa 0x%llx\n",
		       i, ULL(r->da), ULL(r->align), ULL(r->num), ULL(r->notifyid), ULL(r->pa));
	}
	if (v->config_len) {
		printf("  config space at 0x%x:\n", v->config_offset);
		dump_hex(im->table + v->config_offset, v->config_len, 0);
	}
}

static void dump_entry(const struct rsctool_image *im,
		       const struct rsc_parse_entry *e)
{
	printf("entry %u at 0x%x: %s", e->index, e->offset,
	       rsc_parse_kind_name(e->kind));
	switch (e->kind) {
	case RSC_PARSE_KIND_CARVEOUT:
	case RSC_PARSE_KIND_DEVMEM:
		printf(" \"%s\"\n", e->mem.name);
		printf("  da 0x%llx, pa 0x%llx, len 0x%llx, flags 0x%llx\n",
		       ULL(e->mem.da), ULL(e->mem.pa), ULL(e->mem.len), ULL(e->mem.flags));
		break;
	case RSC_PARSE_KIND_TRACE:
		printf(" \"%s\"\n", e->trace.name);
		printf("  da 0x%llx, len 0x%llx\n",
		       ULL(e->trace.da), ULL(e->trace.len));
		break;
	case RSC_PARSE_KIND_VDEV:
		printf("\n");
		dump_vdev(im, &e->vdev);
		break;
	default:
		printf(" (type %u)\n", e->type);
		printf("  body 0x%llx bytes at 0x%x:\n", ULL(e->body_len),
		       e->body_offset);
		dump_hex(im->table + e->body_offset, e->body_len, 0);
		break;
	}
}

void rsctool_dump_text(const struct rsctool_image *im)
{
	u32 i;

	if (im->is_elf)
		printf("%s: ELF%u %s, entry 0x%llx\n", im->path,
		       im->elf.info.bits, rsctool_machine_name(im->elf.info.machine),
		       ULL(im->elf.info.entry));
	if (!im->has_table) {
		printf("no resource table\n");
		return;
	}
	if (im->is_elf)
		printf("resource table: section %s, file offset 0x%llx, da 0x%llx, 0x%zx bytes\n",
		       AMP_RSC_SECTION, ULL(im->table_offset), ULL(im->table_addr),
		       im->table_size);
	else
		printf("%s: raw resource table, 0x%zx bytes\n", im->path,
		       im->table_size);
	printf("version %u, %u entr%s\n", get_unaligned_le32(im->table),
	       im->num, im->num == 1 ? "y" : "ies");
	for (i = 0; i < im->num; i++)
		dump_entry(im, &im->entries[i]);
}
