// SPDX-License-Identifier: GPL-2.0-only
/*
 * JSON dump of a validated resource table, one object on stdout. Numbers
 * are plain JSON integers (every v1 field fits 32 bits); byte blobs are
 * lowercase hex strings. Strings are escaped byte by byte so any file name
 * yields valid JSON, bytes above 0x7f included.
 */

#include <stdio.h>

#include "dump.h"

static void json_str(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	putchar('"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static void json_hex(const u8 *p, size_t len)
{
	size_t i;

	putchar('"');
	for (i = 0; i < len; i++)
		printf("%02x", p[i]);
	putchar('"');
}

static void json_vdev(const struct rsctool_image *im,
		      const struct rsc_parse_vdev *v)
{
	const char *id_name = rsc_parse_vdev_id_name(v->id);
	const struct rsc_parse_vring *r;
	u32 i;

	printf(", \"id\": %u, \"id_name\": ", v->id);
	if (id_name)
		json_str(id_name);
	else
		printf("null");
	printf(", \"notifyid\": %u, \"dfeatures\": %llu", v->notifyid,
	       ULL(v->dfeatures));
	printf(", \"gfeatures\": %llu, \"status\": %u, \"vrings\": [",
	       ULL(v->gfeatures), v->status);
	for (i = 0; i < v->num_vrings; i++) {
		r = &v->vring[i];
		printf("%s\n        {\"da\": %llu, \"align\": %llu",
		       i ? "," : "", ULL(r->da), ULL(r->align));
		printf(", \"num\": %llu, \"notifyid\": %llu, \"pa\": %llu}",
		       ULL(r->num), ULL(r->notifyid), ULL(r->pa));
	}
	printf("%s], \"config_offset\": %u, \"config_len\": %u, \"config\": ",
	       v->num_vrings ? "\n      " : "", v->config_offset,
	       v->config_len);
	json_hex(im->table + v->config_offset, v->config_len);
}

static void json_entry(const struct rsctool_image *im,
		       const struct rsc_parse_entry *e)
{
	printf("      {\"index\": %u, \"offset\": %u, \"type\": %u, \"kind\": ",
	       e->index, e->offset, e->type);
	json_str(rsc_parse_kind_name(e->kind));
	switch (e->kind) {
	case RSC_PARSE_KIND_CARVEOUT:
	case RSC_PARSE_KIND_DEVMEM:
		printf(", \"name\": ");
		json_str(e->mem.name);
		printf(", \"da\": %llu, \"pa\": %llu, \"len\": %llu, \"flags\": %llu",
		       ULL(e->mem.da), ULL(e->mem.pa), ULL(e->mem.len), ULL(e->mem.flags));
		break;
	case RSC_PARSE_KIND_TRACE:
		printf(", \"name\": ");
		json_str(e->trace.name);
		printf(", \"da\": %llu, \"len\": %llu",
		       ULL(e->trace.da), ULL(e->trace.len));
		break;
	case RSC_PARSE_KIND_VDEV:
		json_vdev(im, &e->vdev);
		break;
	default:
		printf(", \"body_offset\": %u, \"body_len\": %llu, \"body\": ",
		       e->body_offset, ULL(e->body_len));
		json_hex(im->table + e->body_offset, e->body_len);
		break;
	}
	printf("}");
}

void rsctool_dump_json(const struct rsctool_image *im)
{
	u32 i;

	printf("{\n  \"file\": ");
	json_str(im->path);
	printf(",\n  \"format\": \"%s\",\n", im->is_elf ? "elf" : "raw");
	if (im->is_elf) {
		printf("  \"elf\": {\"class\": %u, \"machine\": %u, \"machine_name\": ",
		       im->elf.info.bits, im->elf.info.machine);
		json_str(rsctool_machine_name(im->elf.info.machine));
		printf(", \"entry\": %llu, \"segments\": %u},\n",
		       ULL(im->elf.info.entry), im->elf.info.nr_load);
	}
	if (!im->has_table) {
		printf("  \"table\": null\n}\n");
		return;
	}
	printf("  \"table\": {\n    \"file_offset\": %llu,\n",
	       ULL(im->table_offset));
	if (im->is_elf)
		printf("    \"da\": %llu,\n", ULL(im->table_addr));
	printf("    \"size\": %zu,\n    \"version\": %u,\n    \"num\": %u,\n    \"entries\": [",
	       im->table_size, get_unaligned_le32(im->table), im->num);
	for (i = 0; i < im->num; i++) {
		printf("%s\n", i ? "," : "");
		json_entry(im, &im->entries[i]);
	}
	printf("%s]\n  }\n}\n", im->num ? "\n    " : "");
}
