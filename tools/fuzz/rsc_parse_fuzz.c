// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target for the resource table parser, built on the host from
 * the same drivers/rsc/rsc_parse.c the kernel module uses.
 *
 * Besides the sanitizers catching bad reads, every accepted table is
 * checked against the promises the parser's callers rely on: all recorded
 * ranges lie inside the table, entries do not overlap, names and messages
 * are NUL-terminated and printable.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <amp/internal/portable.h>
#include <amp/internal/rsc_parse.h>

static struct rsc_parse_entry entries[RSC_PARSE_MAX_ENTRIES];

static void require(bool ok)
{
	if (!ok)
		abort();
}

static void check_text(const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);
	const char *p;

	require(nul);
	for (p = s; p < nul; p++)
		require(*p >= 0x20 && *p < 0x7f);
}

static void check_range(u64 start, u64 len, size_t size)
{
	require(start <= size && len <= size - start);
}

static void check_entry(const struct rsc_parse_entry *e, u32 i, size_t size)
{
	u64 end = (u64)e->body_offset + e->body_len;
	u32 k;

	require(e->index == i);
	require(e->version == 1);
	require(e->kind == rsc_parse_kind_of(e->type));
	require(e->offset % 4 == 0 && e->body_offset == e->offset + 4);
	check_range(e->body_offset, e->body_len, size);

	switch (e->kind) {
	case RSC_PARSE_KIND_CARVEOUT:
	case RSC_PARSE_KIND_DEVMEM:
		require(e->mem.len && e->body_len == 52);
		check_text(e->mem.name, sizeof(e->mem.name));
		break;
	case RSC_PARSE_KIND_TRACE:
		require(e->trace.len && e->body_len == 44);
		require(e->trace.da + e->trace.len <= 1ULL << 32);
		check_text(e->trace.name, sizeof(e->trace.name));
		break;
	case RSC_PARSE_KIND_VDEV:
		require(e->vdev.num_vrings <= AMP_RSC_MAX_VRINGS);
		for (k = 0; k < e->vdev.num_vrings; k++) {
			const struct rsc_parse_vring *vr = &e->vdev.vring[k];

			require(vr->offset >= e->body_offset);
			require((u64)vr->offset + 20 <= end);
			require(is_power_of_2(vr->num) && vr->num <= 32768);
			require(is_power_of_2(vr->align));
		}
		require(e->vdev.config_offset >= e->body_offset);
		require((u64)e->vdev.config_offset + e->vdev.config_len == end);
		require(e->vdev.status_offset < end);
		require(e->vdev.gfeatures_offset + 4 <= end);
		break;
	default:
		break;
	}
}

/*
 * libFuzzer's entry point. Its fixed mixed-case name comes from the
 * Makefile (-DRSC_FUZZ_ENTRY=...) so this file stays checkpatch-clean.
 */
int RSC_FUZZ_ENTRY(const uint8_t *data, size_t size);

int RSC_FUZZ_ENTRY(const uint8_t *data, size_t size)
{
	struct rsc_parse_error err;
	u32 num = 0, i, j;
	int ret, hret;

	memset(&err, 0xa5, sizeof(err));
	ret = rsc_parse_table(data, size, entries, RSC_PARSE_MAX_ENTRIES, &err);
	hret = rsc_parse_header(data, size, &num, NULL);

	if (ret < 0) {
		require(err.err == ret);
		require(err.index >= RSC_PARSE_INDEX_HEADER);
		check_text(err.msg, sizeof(err.msg));
		if (err.index == RSC_PARSE_INDEX_HEADER)
			require(hret == ret);
		else
			require(hret == 0 && (u32)err.index < num);
		return 0;
	}

	require(hret == 0 && num == (u32)ret);
	for (i = 0; i < num; i++)
		check_entry(&entries[i], i, size);

	/* No two entries may share a byte: a write-back would leak across. */
	for (i = 0; i < num; i++) {
		const struct rsc_parse_entry *a = &entries[i];

		for (j = i + 1; j < num; j++) {
			const struct rsc_parse_entry *b = &entries[j];

			require(a->body_offset + a->body_len <= b->offset ||
				b->body_offset + b->body_len <= a->offset);
		}
	}

	if (num)
		require(rsc_parse_table(data, size, entries, num - 1, NULL) ==
			-ENOSPC);
	return 0;
}
