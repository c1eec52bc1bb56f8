// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite for the resource table parser (lib/rsc_parse.c).
 *
 * Every table is laid out byte by byte with the shared amp_tb_*() builder,
 * so each case reads like the firmware's table definition and the parser
 * is fed the exact little-endian bytes a remote would provide.
 */

#include <kunit/test.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/internal/compat.h>
#include <amp/internal/rsc_parse.h>
#include <amp/abi/rsc_table.h>

#include "amp_kunit_util.h"

#define TB_ANY AMP_RSC_ADDR_ANY
#define TB_RPMSG AMP_RSC_VIRTIO_ID_RPMSG

/**
 * struct tb_result - what one parse produced
 * @ret: the parser's return value
 * @e: the parsed entries
 * @err: the error report
 */
struct tb_result {
	int ret;
	struct rsc_parse_entry *e;
	struct rsc_parse_error err;
};

static struct tb_result *tb_parse_size(struct amp_tb *t, u32 size)
{
	struct tb_result *r = kunit_kzalloc(t->test, sizeof(*r), GFP_KERNEL);
	u32 max = t->slots ? t->slots : 1;

	KUNIT_ASSERT_NOT_NULL(t->test, r);
	r->e = kunit_kcalloc(t->test, max, sizeof(*r->e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(t->test, r->e);
	r->ret = rsc_parse_table(t->buf, size, r->e, max, &r->err);
	return r;
}

static struct tb_result *tb_parse(struct amp_tb *t)
{
	return tb_parse_size(t, t->size);
}

/* Parses @t, expecting success with all its entries. */
static struct rsc_parse_entry *tb_ok(struct amp_tb *t)
{
	struct tb_result *r = tb_parse(t);

	KUNIT_EXPECT_EQ_MSG(t->test, r->ret, (int)t->slots, "%s", r->err.msg);
	return r->e;
}

/* Checks a failure report: errno, where, and a phrase of the message. */
static void tb_expect_err(struct kunit *test, const struct tb_result *r,
			  int err, s32 index, u32 type, const char *phrase)
{
	KUNIT_EXPECT_EQ(test, r->ret, err);
	KUNIT_EXPECT_EQ(test, r->err.err, err);
	KUNIT_EXPECT_EQ(test, r->err.index, index);
	KUNIT_EXPECT_EQ(test, r->err.type, type);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(r->err.msg, phrase),
				  "message \"%s\" lacks \"%s\"",
				  r->err.msg, phrase);
}

static void tb_bad(struct amp_tb *t, s32 index, u32 type, const char *phrase)
{
	tb_expect_err(t->test, tb_parse(t), -EINVAL, index, type, phrase);
}

/* Test that the ST Cortex-M table (rpmsg vdev + "cm4_log" trace) parses. */
static void rsc_valid_st_cm4(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	struct rsc_parse_entry *e;
	struct rsc_parse_vdev *v;
	u32 voff, toff;

	voff = amp_tb_vdev(t, TB_RPMSG, 0, 1, 0, 2);
	amp_tb_vring(t, TB_ANY, 0x1000, 8, 1);
	amp_tb_vring(t, TB_ANY, 0x1000, 8, 2);
	toff = amp_tb_trace(t, 0x10040000, 0x800, "cm4_log");

	e = tb_ok(t);
	v = &e[0].vdev;
	KUNIT_EXPECT_EQ(test, e[0].index, 0);
	KUNIT_EXPECT_EQ(test, e[0].type, AMP_RSC_VDEV);
	KUNIT_EXPECT_EQ(test, e[0].kind, RSC_PARSE_KIND_VDEV);
	KUNIT_EXPECT_EQ(test, e[0].version, 1);
	KUNIT_EXPECT_EQ(test, e[0].offset, voff);
	KUNIT_EXPECT_EQ(test, e[0].body_offset, voff + 4);
	KUNIT_EXPECT_EQ(test, e[0].body_len, 24 + 2 * 20);
	KUNIT_EXPECT_EQ(test, v->id, TB_RPMSG);
	KUNIT_EXPECT_EQ(test, v->notifyid, 0);
	KUNIT_EXPECT_EQ(test, v->dfeatures, 1);
	KUNIT_EXPECT_EQ(test, v->gfeatures, 0);
	KUNIT_EXPECT_EQ(test, v->gfeatures_offset, voff + 4 + 12);
	KUNIT_EXPECT_EQ(test, v->status_offset, voff + 4 + 20);
	KUNIT_EXPECT_EQ(test, v->num_vrings, 2);
	KUNIT_EXPECT_EQ(test, v->vring[0].da, (u64)TB_ANY);
	KUNIT_EXPECT_EQ(test, v->vring[0].align, 0x1000);
	KUNIT_EXPECT_EQ(test, v->vring[0].num, 8);
	KUNIT_EXPECT_EQ(test, v->vring[0].notifyid, 1);
	KUNIT_EXPECT_EQ(test, v->vring[0].offset, voff + 4 + 24);
	KUNIT_EXPECT_EQ(test, v->vring[1].da, (u64)TB_ANY);
	KUNIT_EXPECT_EQ(test, v->vring[1].notifyid, 2);
	KUNIT_EXPECT_EQ(test, v->vring[1].offset, voff + 4 + 44);
	KUNIT_EXPECT_EQ(test, v->config_offset, voff + 4 + 64);
	KUNIT_EXPECT_EQ(test, v->config_len, 0);

	KUNIT_EXPECT_EQ(test, e[1].index, 1);
	KUNIT_EXPECT_EQ(test, e[1].kind, RSC_PARSE_KIND_TRACE);
	KUNIT_EXPECT_EQ(test, e[1].offset, toff);
	KUNIT_EXPECT_EQ(test, e[1].body_len, 44);
	KUNIT_EXPECT_EQ(test, e[1].trace.da, 0x10040000);
	KUNIT_EXPECT_EQ(test, e[1].trace.len, 0x800);
	KUNIT_EXPECT_STREQ(test, e[1].trace.name, "cm4_log");
}

/* Layout of the NuttX rpmsg config space (struct fw_rsc_config). */
struct tb_nuttx_config {
	__le32 h2r_buf_size;
	__le32 r2h_buf_size;
	__le32 reserved[14];
} __packed;

/* Test that a NuttX RPTUN table exposes its config space exactly. */
static void rsc_valid_nuttx(struct kunit *test)
{
	struct tb_nuttx_config cfg = {
		.h2r_buf_size = cpu_to_le32(2048),
		.r2h_buf_size = cpu_to_le32(1024),
	};
	struct amp_tb *t = amp_tb_new(test, 3);
	struct rsc_parse_entry *e;
	u32 voff;

	BUILD_BUG_ON(sizeof(cfg) != 64);
	amp_tb_trace(t, 0x20000000, 0x1000, "remote_log");
	/* NS, ACK and BUFSZ (bit 2) */
	voff = amp_tb_vdev(t, TB_RPMSG, 0xffffffff, 0x7, sizeof(cfg), 2);
	amp_tb_vring(t, 0, 8, 16, 0xffffffff);
	amp_tb_vring(t, 0, 8, 16, 0xffffffff);
	amp_tb_bytes(t, &cfg, sizeof(cfg));
	amp_tb_carveout(t, 0x30000000, TB_ANY, 0x40000, "rpmsg-shm");

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[1].kind, RSC_PARSE_KIND_VDEV);
	KUNIT_EXPECT_EQ(test, e[1].vdev.dfeatures, 0x7);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[0].da, 0);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[0].align, 8);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[1].num, 16);
	KUNIT_EXPECT_EQ(test, e[1].vdev.config_offset, voff + 4 + 24 + 40);
	KUNIT_EXPECT_EQ(test, e[1].vdev.config_len, 64);
	KUNIT_EXPECT_EQ(test, e[1].body_len, 24 + 40 + 64);
	KUNIT_EXPECT_EQ(test,
			get_unaligned_le32(t->buf + e[1].vdev.config_offset), 2048);
	KUNIT_EXPECT_EQ(test,
			get_unaligned_le32(t->buf + e[1].vdev.config_offset + 4),
			1024);
	KUNIT_EXPECT_EQ(test, e[2].kind, RSC_PARSE_KIND_CARVEOUT);
	KUNIT_EXPECT_EQ(test, e[2].offset, e[1].vdev.config_offset + 64);
	KUNIT_EXPECT_EQ(test, e[2].mem.da, 0x30000000);
	KUNIT_EXPECT_EQ(test, e[2].mem.pa, (u64)TB_ANY);
	KUNIT_EXPECT_EQ(test, e[2].mem.len, 0x40000);
	KUNIT_EXPECT_STREQ(test, e[2].mem.name, "rpmsg-shm");
}

/* Test that several vdevs are parsed with their own vrings. */
static void rsc_valid_several_vdevs(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 3);
	struct rsc_parse_entry *e;

	amp_tb_rpmsg(t, 1, 2);
	amp_tb_rpmsg(t, 3, 4);
	amp_tb_vdev(t, 4, 5, 0, 0, 1);	/* virtio-rng */
	amp_tb_vring(t, 0x1000, 16, 4, 6);

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[0].vdev.vring[1].notifyid, 2);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[0].notifyid, 3);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[1].notifyid, 4);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[0].offset, e[1].offset + 28);
	KUNIT_EXPECT_EQ(test, e[2].vdev.id, 4);
	KUNIT_EXPECT_EQ(test, e[2].vdev.notifyid, 5);
	KUNIT_EXPECT_EQ(test, e[2].vdev.num_vrings, 1);
	KUNIT_EXPECT_EQ(test, e[2].vdev.vring[0].da, 0x1000);
	KUNIT_EXPECT_EQ(test, e[2].vdev.vring[0].num, 4);
	KUNIT_EXPECT_STREQ(test, rsc_parse_vdev_id_name(e[2].vdev.id), "rng");
	KUNIT_EXPECT_EQ(test, rsc_parse_find(e, 3, RSC_PARSE_KIND_VDEV, 1), 1);
	KUNIT_EXPECT_EQ(test, rsc_parse_find(e, 3, RSC_PARSE_KIND_TRACE, 0), -1);
}

/* Test that several traces are parsed, including one ending at 4 GiB. */
static void rsc_valid_several_traces(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 3);
	struct rsc_parse_entry *e;

	amp_tb_trace(t, 0x1000, 0x100, "log0");
	amp_tb_trace(t, 0x2000, 0x200, "log1");
	amp_tb_trace(t, 0xfffff000, 0x1000, "top");

	e = tb_ok(t);
	KUNIT_EXPECT_STREQ(test, e[0].trace.name, "log0");
	KUNIT_EXPECT_EQ(test, e[1].trace.da, 0x2000);
	KUNIT_EXPECT_EQ(test, e[1].trace.len, 0x200);
	KUNIT_EXPECT_STREQ(test, e[1].trace.name, "log1");
	KUNIT_EXPECT_EQ(test, e[2].trace.da + e[2].trace.len, 1ULL << 32);
}

/* Test that disjoint and host-placed carveouts are all accepted. */
static void rsc_valid_several_carveouts(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 4);
	struct rsc_parse_entry *e;

	amp_tb_carveout(t, 0x10000000, 0x90000000, 0x10000, "text");
	amp_tb_carveout(t, 0x10010000, 0x90010000, 0x10000, "data");
	amp_tb_carveout(t, TB_ANY, TB_ANY, 0x10000, "heap0");
	amp_tb_carveout(t, TB_ANY, TB_ANY, 0x10000, "heap1");

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[0].kind, RSC_PARSE_KIND_CARVEOUT);
	KUNIT_EXPECT_EQ(test, e[0].body_len, 52);
	KUNIT_EXPECT_EQ(test, e[1].mem.da, 0x10010000);
	KUNIT_EXPECT_EQ(test, e[1].mem.pa, 0x90010000);
	KUNIT_EXPECT_STREQ(test, e[1].mem.name, "data");
	KUNIT_EXPECT_EQ(test, e[3].mem.da, (u64)TB_ANY);
	KUNIT_EXPECT_STREQ(test, e[3].mem.name, "heap1");
}

/* Test that a devmem next to (not over) a carveout is accepted. */
static void rsc_valid_devmem(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	struct rsc_parse_entry *e;

	amp_tb_carveout(t, 0x10000000, TB_ANY, 0x1000, "fw");
	amp_tb_devmem(t, 0x10001000, 0x4a000000, 0x1000, "uart");

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[1].kind, RSC_PARSE_KIND_DEVMEM);
	KUNIT_EXPECT_EQ(test, e[1].mem.da, 0x10001000);
	KUNIT_EXPECT_EQ(test, e[1].mem.pa, 0x4a000000);
	KUNIT_EXPECT_STREQ(test, e[1].mem.name, "uart");
}

/* Test that vendor and unknown entries are recorded with bounded bodies. */
static void rsc_valid_vendor_unknown(struct kunit *test)
{
	static const u8 blob[12] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
	struct amp_tb *t = amp_tb_new(test, 5);
	struct rsc_parse_entry *e;
	u32 voff;

	voff = amp_tb_entry(t, 128);
	amp_tb_bytes(t, blob, sizeof(blob));
	amp_tb_entry(t, 4);
	amp_tb_u32(t, 0);
	amp_tb_trace(t, 0x1000, 0x100, "log");
	amp_tb_entry(t, 511);
	amp_tb_entry(t, 512);
	amp_tb_bytes(t, blob, 8);

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[0].kind, RSC_PARSE_KIND_VENDOR);
	KUNIT_EXPECT_EQ(test, e[0].type, 128);
	KUNIT_EXPECT_EQ(test, e[0].offset, voff);
	KUNIT_EXPECT_EQ(test, e[0].body_offset, voff + 4);
	KUNIT_EXPECT_EQ(test, e[0].body_len, sizeof(blob));
	KUNIT_EXPECT_EQ(test, e[1].kind, RSC_PARSE_KIND_UNKNOWN);
	KUNIT_EXPECT_EQ(test, e[1].type, 4);
	KUNIT_EXPECT_EQ(test, e[1].body_len, 4);
	KUNIT_EXPECT_EQ(test, e[2].kind, RSC_PARSE_KIND_TRACE);
	KUNIT_EXPECT_EQ(test, e[3].kind, RSC_PARSE_KIND_VENDOR);
	KUNIT_EXPECT_EQ(test, e[3].body_len, 0);
	KUNIT_EXPECT_EQ(test, e[4].kind, RSC_PARSE_KIND_UNKNOWN);
	KUNIT_EXPECT_EQ(test, e[4].type, 512);
	KUNIT_EXPECT_EQ(test, e[4].body_len, 8);
	KUNIT_EXPECT_STREQ(test, rsc_parse_type_name(300), "vendor");
	KUNIT_EXPECT_STREQ(test, rsc_parse_type_name(4), "unknown");
}

/* Test that a vendor body is bounded by the next entry in offset order. */
static void rsc_valid_vendor_out_of_order(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	struct rsc_parse_entry *e;
	u32 first, second;

	first = amp_tb_trace(t, 0x1000, 0x100, "log");
	second = amp_tb_entry(t, 200);
	amp_tb_u32(t, 0xdeadbeef);
	/* List the vendor entry first although it sits last. */
	amp_tb_put32(t, AMP_TB_HDR_LEN, second);
	amp_tb_put32(t, AMP_TB_HDR_LEN + 4, first);

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[0].kind, RSC_PARSE_KIND_VENDOR);
	KUNIT_EXPECT_EQ(test, e[0].offset, second);
	KUNIT_EXPECT_EQ(test, e[0].body_len, 4);
	KUNIT_EXPECT_EQ(test, e[1].kind, RSC_PARSE_KIND_TRACE);
	KUNIT_EXPECT_EQ(test, e[1].offset, first);
}

/* Test that a table with no entries is valid. */
static void rsc_valid_empty(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 0);
	struct tb_result *r = tb_parse(t);
	u32 num = 1;

	KUNIT_EXPECT_EQ(test, r->ret, 0);
	KUNIT_EXPECT_EQ(test, rsc_parse_header(t->buf, t->size, &num, NULL), 0);
	KUNIT_EXPECT_EQ(test, num, 0);
	KUNIT_EXPECT_EQ(test, rsc_parse_table(t->buf, t->size, NULL, 0, NULL), 0);
}

/* Test that a table at an odd address is read correctly. */
static void rsc_valid_unaligned_buffer(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	struct rsc_parse_entry e;
	u8 *copy;

	amp_tb_trace(t, 0x1234, 0x80, "odd");
	copy = kunit_kzalloc(test, t->size + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	memcpy(copy + 1, t->buf, t->size);

	KUNIT_EXPECT_EQ(test, rsc_parse_table(copy + 1, t->size, &e, 1, NULL), 1);
	KUNIT_EXPECT_EQ(test, e.trace.da, 0x1234);
	KUNIT_EXPECT_STREQ(test, e.trace.name, "odd");
}

/* Test that non-printable name bytes are replaced before anyone prints. */
static void rsc_valid_name_sanitised(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	struct rsc_parse_entry *e;

	amp_tb_carveout(t, TB_ANY, TB_ANY, 0x1000, "a%n\x1b[2J\xff");

	e = tb_ok(t);
	KUNIT_EXPECT_STREQ(test, e[0].mem.name, "a%n?[2J?");
}

/* Test that notify id ANY may repeat: the host assigns those. */
static void rsc_valid_notifyid_any(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	struct rsc_parse_entry *e;

	amp_tb_rpmsg(t, 0xffffffff, 0xffffffff);
	amp_tb_rpmsg(t, 0xffffffff, 0xffffffff);

	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[1].notifyid, 0xffffffff);
}

/* Test that a table shorter than its header is rejected. */
static void rsc_bad_header_truncated(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 0);
	struct tb_result *r = tb_parse_size(t, 15);

	tb_expect_err(test, r, -EINVAL, RSC_PARSE_INDEX_HEADER,
		      RSC_PARSE_TYPE_NONE, "shorter than the 16-byte header");
	r = tb_parse_size(t, 0);
	KUNIT_EXPECT_EQ(test, r->ret, -EINVAL);
}

/* Test that num too large for the table is rejected without overflow. */
static void rsc_bad_num_too_large(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	u32 num = 0;

	amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_trace(t, 0x2000, 0x10, "log");
	amp_tb_put32(t, 4, (t->size - AMP_TB_HDR_LEN) / 4 + 1);
	tb_bad(t, RSC_PARSE_INDEX_HEADER, RSC_PARSE_TYPE_NONE, "bytes of header and offsets");

	/* Beyond the most entries a table has, that is what is said. */
	amp_tb_put32(t, 4, 0xffffffff);
	tb_expect_err(test, tb_parse(t), -E2BIG, RSC_PARSE_INDEX_HEADER,
		      RSC_PARSE_TYPE_NONE, "num 4294967295 is more than 256 entries");
	amp_tb_put32(t, 4, 0x40000000);
	KUNIT_EXPECT_EQ(test, rsc_parse_header(t->buf, t->size, &num, NULL), -E2BIG);
	KUNIT_EXPECT_EQ(test, num, 0);
}

/* Test that more than 256 entries is -E2BIG even in a table too short for them. */
static void rsc_bad_too_many_and_short(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 0);

	amp_tb_put32(t, 4, 300);
	tb_expect_err(test, tb_parse(t), -E2BIG, RSC_PARSE_INDEX_HEADER,
		      RSC_PARSE_TYPE_NONE, "num 300 is more than 256 entries");
}

/* Test that a table larger than RSC_PARSE_MAX_SIZE is refused. */
static void rsc_bad_table_too_large(struct kunit *test)
{
	u8 *big = kunit_kzalloc(test, RSC_PARSE_MAX_SIZE + 1, GFP_KERNEL);
	struct rsc_parse_error err;
	u32 num = 7;

	KUNIT_ASSERT_NOT_NULL(test, big);
	put_unaligned_le32(AMP_RSC_TABLE_V1, big);
	KUNIT_EXPECT_EQ(test, rsc_parse_header(big, RSC_PARSE_MAX_SIZE, &num,
					       &err), 0);
	KUNIT_EXPECT_EQ(test, rsc_parse_header(big, RSC_PARSE_MAX_SIZE + 1,
					       &num, &err), -E2BIG);
	KUNIT_EXPECT_NOT_NULL(test, strstr(err.msg, "more than the 65536 a table may have"));
}

/* Test that more entries than RSC_PARSE_MAX_ENTRIES are refused. */
static void rsc_bad_too_many_entries(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, RSC_PARSE_MAX_ENTRIES + 1);
	struct tb_result *r = tb_parse(t);

	tb_expect_err(test, r, -E2BIG, RSC_PARSE_INDEX_HEADER,
		      RSC_PARSE_TYPE_NONE, "more than 256 entries");
}

/* Test that a caller array smaller than num gives -ENOSPC. */
static void rsc_bad_no_space(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	struct rsc_parse_entry e[1];
	struct rsc_parse_error err;

	amp_tb_rpmsg(t, 1, 2);
	amp_tb_trace(t, 0x1000, 0x10, "log");
	KUNIT_EXPECT_EQ(test, rsc_parse_table(t->buf, t->size, e, 1, &err),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, err.index, RSC_PARSE_INDEX_HEADER);
	KUNIT_EXPECT_NOT_NULL(test, strstr(err.msg, "num 2 is more than the 1"));
}

/* Test that a version other than 1 is refused as unsupported. */
static void rsc_bad_version(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 0);

	amp_tb_put32(t, 0, 2);
	tb_expect_err(test, tb_parse(t), -EPROTONOSUPPORT,
		      RSC_PARSE_INDEX_HEADER, RSC_PARSE_TYPE_NONE,
		      "version 2 is not supported");
}

/* Test that nonzero header reserved words are rejected. */
static void rsc_bad_header_reserved(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 0);
	struct tb_result *r;

	amp_tb_put32(t, 12, 0x5a);
	r = tb_parse(t);
	tb_expect_err(test, r, -EINVAL, RSC_PARSE_INDEX_HEADER,
		      RSC_PARSE_TYPE_NONE, "reserved[1] is 0x5a");
	KUNIT_EXPECT_EQ(test, r->err.offset, 12);
}

/* Test that an entry offset past the end of the table is rejected. */
static void rsc_bad_offset_past_end(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_put32(t, AMP_TB_HDR_LEN, t->size);
	tb_bad(t, 0, RSC_PARSE_TYPE_NONE, "past the end of the table");
	/* The type word itself must fit. */
	amp_tb_put32(t, AMP_TB_HDR_LEN, t->size - 4);
	tb_expect_err(test, tb_parse_size(t, t->size - 2), -EINVAL, 0,
		      RSC_PARSE_TYPE_NONE, "past the end of the table");
}

/* Test that offsets of 2^31 and above are plain out-of-range offsets. */
static void rsc_bad_offset_huge(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	struct tb_result *r;

	amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_put32(t, AMP_TB_HDR_LEN, 0x80000000);
	tb_bad(t, 0, RSC_PARSE_TYPE_NONE, "past the end");
	amp_tb_put32(t, AMP_TB_HDR_LEN, 0xfffffffc);
	r = tb_parse(t);
	tb_expect_err(test, r, -EINVAL, 0, RSC_PARSE_TYPE_NONE, "past the end");
	KUNIT_EXPECT_EQ(test, r->err.offset, 0xfffffffc);
}

/* Test that an offset into the header or offset array is rejected. */
static void rsc_bad_offset_into_header(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);

	amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_trace(t, 0x2000, 0x10, "log");
	amp_tb_put32(t, AMP_TB_HDR_LEN + 4, 20);
	tb_bad(t, 1, RSC_PARSE_TYPE_NONE, "points into the header or offset array");
	amp_tb_put32(t, AMP_TB_HDR_LEN + 4, 0);
	tb_bad(t, 1, RSC_PARSE_TYPE_NONE, "points into the header");
}

/* Test that an entry offset not aligned to 4 bytes is rejected. */
static void rsc_bad_offset_unaligned(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_put32(t, AMP_TB_HDR_LEN, AMP_TB_HDR_LEN + 4 + 2);
	tb_bad(t, 0, RSC_PARSE_TYPE_NONE, "not 4-byte aligned");
}

/* Test that two entries at the same offset are rejected. */
static void rsc_bad_offset_duplicate(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	u32 off;

	off = amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_trace(t, 0x2000, 0x10, "log");
	amp_tb_put32(t, AMP_TB_HDR_LEN + 4, off);
	tb_bad(t, 1, RSC_PARSE_TYPE_NONE, "same as entry 0");
}

/* Test that an entry whose body runs into the next entry is rejected. */
static void rsc_bad_entries_overlap(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	u32 second;

	amp_tb_carveout(t, TB_ANY, TB_ANY, 0x1000, "a");
	second = amp_tb_trace(t, 0x2000, 0x10, "log");
	/* Move the trace 8 bytes back, into the carveout's name. */
	memmove(t->buf + second - 8, t->buf + second, t->size - second);
	t->size -= 8;
	amp_tb_put32(t, AMP_TB_HDR_LEN + 4, second - 8);
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "into entry 1");
}

/* Test that a carveout cut short by the end of the table is rejected. */
static void rsc_bad_carveout_truncated(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_carveout(t, TB_ANY, TB_ANY, 0x1000, "a");
	t->size -= 1;
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "body runs to");
}

/* Test that a trace cut short by the end of the table is rejected. */
static void rsc_bad_trace_truncated(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_trace(t, 0x1000, 0x10, "log");
	t->size -= 4;
	tb_bad(t, 0, AMP_RSC_TRACE, "past the end of the table");
}

/* Test that a vdev whose fixed part is cut short is rejected. */
static void rsc_bad_vdev_truncated(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_vdev(t, 4, 0, 0, 0, 0);
	t->size -= 4;
	tb_bad(t, 0, AMP_RSC_VDEV, "body runs to");
}

/* Test that vrings running past the end of the table are rejected. */
static void rsc_bad_vdev_vrings_past_end(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_rpmsg(t, 1, 2);
	t->size -= 20;
	tb_bad(t, 0, AMP_RSC_VDEV, "vrings run to");
}

/* Test that a config space running past the end of the table is rejected. */
static void rsc_bad_vdev_config_past_end(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_rpmsg(t, 1, 2);
	amp_tb_poke(t, off, 16, 64);
	amp_tb_bytes(t, t->buf, 60);
	tb_bad(t, 0, AMP_RSC_VDEV, "config space runs to");
	amp_tb_poke(t, off, 16, 0xffffffff);
	tb_bad(t, 0, AMP_RSC_VDEV, "config space runs to");
}

/* Test that more vrings than AMP_RSC_MAX_VRINGS are rejected. */
static void rsc_bad_vdev_too_many_vrings(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	int i;

	amp_tb_vdev(t, 4, 0, 0, 0, AMP_RSC_MAX_VRINGS + 1);
	for (i = 0; i <= AMP_RSC_MAX_VRINGS; i++)
		amp_tb_vring(t, TB_ANY, 16, 4, i + 1);
	tb_bad(t, 0, AMP_RSC_VDEV, "num_of_vrings 9 is more than 8");
}

/* Test that an rpmsg vdev without its two vrings is rejected. */
static void rsc_bad_rpmsg_few_vrings(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_vdev(t, TB_RPMSG, 0, 1, 0, 1);
	amp_tb_vring(t, TB_ANY, 0x1000, 8, 1);
	tb_bad(t, 0, AMP_RSC_VDEV, "rpmsg needs 2 vrings");
}

/* Test that nonzero vdev reserved bytes are rejected, as the core does. */
static void rsc_bad_vdev_reserved(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_rpmsg(t, 1, 2);
	t->buf[off + 4 + 23] = 1;
	tb_bad(t, 0, AMP_RSC_VDEV, "reserved bytes are 0x00 0x01");
}

/* Sets one field of vring @vring in an rpmsg vdev and expects @phrase. */
static void tb_bad_vring(struct kunit *test, u32 vring, u32 field, u32 val,
			 const char *phrase)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off = amp_tb_rpmsg(t, 1, 2);

	amp_tb_poke(t, off, 24 + 20 * vring + field, val);
	tb_bad(t, 0, AMP_RSC_VDEV, phrase);
}

#define TB_VRING_ALIGN 4
#define TB_VRING_NUM 8

/* Test that a vring with num 0 is rejected. */
static void rsc_bad_vring_num_zero(struct kunit *test)
{
	tb_bad_vring(test, 1, TB_VRING_NUM, 0, "vring 1 num is 0");
}

/* Test that a vring num that is not a power of two is rejected. */
static void rsc_bad_vring_num_not_pow2(struct kunit *test)
{
	tb_bad_vring(test, 1, TB_VRING_NUM, 6,
		     "vring 1 num 6 is not a power of two");
}

/* Test that a vring num above 32768 is rejected, 32768 itself is not. */
static void rsc_bad_vring_num_too_large(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off = amp_tb_rpmsg(t, 1, 2);

	amp_tb_poke(t, off, 24 + TB_VRING_NUM, 32768);
	KUNIT_EXPECT_EQ(test, tb_parse(t)->ret, 1);
	tb_bad_vring(test, 0, TB_VRING_NUM, 65536,
		     "vring 0 num 65536 is more than 32768");
}

/* Test that a vring align of 0 is rejected. */
static void rsc_bad_vring_align_zero(struct kunit *test)
{
	tb_bad_vring(test, 0, TB_VRING_ALIGN, 0, "vring 0 align is 0");
}

/* Test that a vring align that is not a power of two is rejected. */
static void rsc_bad_vring_align_not_pow2(struct kunit *test)
{
	tb_bad_vring(test, 1, TB_VRING_ALIGN, 0x1800,
		     "vring 1 align 0x1800 is not a power of two");
}

/* Test that a vring align beyond AMP_RSC_MAX_VRING_ALIGN is rejected. */
static void rsc_bad_vring_align_too_large(struct kunit *test)
{
	tb_bad_vring(test, 0, TB_VRING_ALIGN, 0x80000000,
		     "vring 0 align 0x80000000 is more than 0x10000");
}

/* Test that two vrings of one vdev sharing a notify id are rejected. */
static void rsc_bad_notifyid_same_vdev(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_rpmsg(t, 3, 3);
	tb_bad(t, 0, AMP_RSC_VDEV,
	       "vring 1 notifyid 3 is already used by entry 0 vring 0");
}

/* Test that notify ids colliding across vdevs are rejected. */
static void rsc_bad_notifyid_across_vdevs(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 3);

	amp_tb_rpmsg(t, 1, 2);
	amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_rpmsg(t, 3, 2);
	tb_bad(t, 2, AMP_RSC_VDEV,
	       "vring 1 notifyid 2 is already used by entry 0 vring 1");
}

/*
 * Test that a vdev notify id equal to a vring's is accepted: ST's table as
 * the host wrote it back (vdev 0, vrings numbered 0 and 1).
 */
static void rsc_valid_notifyid_vdev_vs_vring(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);
	struct rsc_parse_entry *e;

	amp_tb_vdev(t, TB_RPMSG, 0, 1, 0, 2);
	amp_tb_vring(t, 0x10000000, 0x1000, 8, 0);
	amp_tb_vring(t, 0x10001000, 0x1000, 8, 1);
	amp_tb_vdev(t, 4, 1, 0, 0, 1);
	amp_tb_vring(t, TB_ANY, 16, 4, 2);
	e = tb_ok(t);
	KUNIT_EXPECT_EQ(test, e[0].vdev.notifyid, 0);
	KUNIT_EXPECT_EQ(test, e[0].vdev.vring[0].notifyid, 0);
	KUNIT_EXPECT_EQ(test, e[1].vdev.notifyid, 1);
	KUNIT_EXPECT_EQ(test, e[1].vdev.vring[0].notifyid, 2);
}

/* Test that a carveout name without a NUL in 32 bytes is rejected. */
static void rsc_bad_carveout_name(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_carveout(t, TB_ANY, TB_ANY, 0x1000, "");
	memset(t->buf + off + 4 + 20, 'A', AMP_RSC_NAME_LEN);
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "name is not NUL-terminated");
}

/* Test that a trace name without a NUL in 32 bytes is rejected. */
static void rsc_bad_trace_name(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_trace(t, 0x1000, 0x10, "");
	memset(t->buf + off + 4 + 12, '%', AMP_RSC_NAME_LEN);
	tb_bad(t, 0, AMP_RSC_TRACE, "name is not NUL-terminated");
}

/* Test that a devmem name without a NUL in 32 bytes is rejected. */
static void rsc_bad_devmem_name(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_devmem(t, 0x1000, 0x1000, 0x1000, "");
	memset(t->buf + off + 4 + 20, 0xff, AMP_RSC_NAME_LEN);
	tb_bad(t, 0, AMP_RSC_DEVMEM, "name is not NUL-terminated");
}

/* Test that a carveout of length 0 is rejected. */
static void rsc_bad_carveout_len_zero(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_carveout(t, TB_ANY, TB_ANY, 0, "a");
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "len is 0");
}

/* Test that a devmem of length 0 is rejected. */
static void rsc_bad_devmem_len_zero(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_devmem(t, 0x1000, 0x1000, 0, "a");
	tb_bad(t, 0, AMP_RSC_DEVMEM, "len is 0");
}

/* Test that a trace of length 0 is rejected. */
static void rsc_bad_trace_len_zero(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_trace(t, 0x1000, 0, "log");
	tb_bad(t, 0, AMP_RSC_TRACE, "len is 0");
}

/* Test that a carveout da range wrapping past 4 GiB is rejected. */
static void rsc_bad_carveout_da_wraps(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_carveout(t, 0xfffff000, TB_ANY, 0x2000, "a");
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "da 0xfffff000 + len 0x2000 ends past 4 GiB");
}

/* Test that a carveout pa range wrapping past 4 GiB is rejected. */
static void rsc_bad_carveout_pa_wraps(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_carveout(t, TB_ANY, 0xfffffff0, 0x20, "a");
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "pa 0xfffffff0 + len 0x20");
}

/* Test that a devmem at da ANY is taken literally and so wraps. */
static void rsc_bad_devmem_da_wraps(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_devmem(t, TB_ANY, 0x1000, 0x10, "a");
	tb_bad(t, 0, AMP_RSC_DEVMEM, "da 0xffffffff + len 0x10 ends past 4 GiB");
}

/* Test that a trace range wrapping past 4 GiB is rejected. */
static void rsc_bad_trace_da_wraps(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);

	amp_tb_trace(t, 0x80000000, 0x80000001, "log");
	tb_bad(t, 0, AMP_RSC_TRACE, "ends past 4 GiB");
}

/* Test that nonzero carveout reserved words are rejected. */
static void rsc_bad_carveout_reserved(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_carveout(t, TB_ANY, TB_ANY, 0x1000, "a");
	amp_tb_poke(t, off, 16, 7);
	tb_bad(t, 0, AMP_RSC_CARVEOUT, "reserved is 0x7");
}

/* Test that a nonzero trace reserved word is rejected. */
static void rsc_bad_trace_reserved(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	u32 off;

	off = amp_tb_trace(t, 0x1000, 0x10, "log");
	amp_tb_poke(t, off, 8, 1);
	tb_bad(t, 0, AMP_RSC_TRACE, "reserved is 0x1");
}

/* Test that two carveouts with overlapping fixed da ranges are rejected. */
static void rsc_bad_carveouts_overlap(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 3);

	amp_tb_carveout(t, 0x10000000, TB_ANY, 0x2000, "a");
	amp_tb_carveout(t, TB_ANY, TB_ANY, 0x2000, "any");
	amp_tb_carveout(t, 0x10001000, TB_ANY, 0x2000, "b");
	tb_bad(t, 2, AMP_RSC_CARVEOUT,
	       "da [0x10001000, 0x10003000) overlaps carveout entry 0");
}

/* Test that a devmem over a carveout's fixed da range is rejected. */
static void rsc_bad_devmem_overlaps_carveout(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);

	amp_tb_devmem(t, 0x10000ff0, 0x4a000000, 0x1000, "uart");
	amp_tb_carveout(t, 0x10000000, TB_ANY, 0x1000, "fw");
	tb_bad(t, 1, AMP_RSC_CARVEOUT, "overlaps devmem entry 0");
}

/* Test that two host-placed carveouts at one fixed pa are rejected. */
static void rsc_bad_carveouts_same_pa(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);

	amp_tb_carveout(t, TB_ANY, 0x90000000, 0x1000, "a");
	amp_tb_carveout(t, TB_ANY, 0x90000800, 0x1000, "b");
	tb_bad(t, 1, AMP_RSC_CARVEOUT,
	       "pa [0x90000800, 0x90001800) overlaps carveout entry 0");
}

/* Test that a vring at a fixed da inside a devmem window is rejected. */
static void rsc_bad_vring_in_devmem(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);

	amp_tb_devmem(t, 0x4a000000, 0x0a000000, 0x10000, "uart");
	amp_tb_vdev(t, TB_RPMSG, 0, 1, 0, 2);
	amp_tb_vring(t, 0x4a001000, 0x1000, 8, 1);
	amp_tb_vring(t, TB_ANY, 0x1000, 8, 2);
	tb_bad(t, 1, AMP_RSC_VDEV,
	       "vring 0 da 0x4a001000 is inside devmem entry 0");
}

/* Test that a trace buffer inside a carveout is accepted. */
static void rsc_valid_trace_in_carveout(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 2);

	amp_tb_carveout(t, 0x10000000, TB_ANY, 0x10000, "fw");
	amp_tb_trace(t, 0x1000f000, 0x1000, "log");
	tb_ok(t);
}

/* Test that error reports survive a NULL error pointer. */
static void rsc_bad_null_err(struct kunit *test)
{
	struct amp_tb *t = amp_tb_new(test, 1);
	struct rsc_parse_entry e;

	amp_tb_trace(t, 0x1000, 0, "log");
	KUNIT_EXPECT_EQ(test, rsc_parse_table(t->buf, t->size, &e, 1, NULL),
			-EINVAL);
}

static struct kunit_case amp_rsc_parser_cases[] = {
	KUNIT_CASE(rsc_valid_st_cm4),
	KUNIT_CASE(rsc_valid_nuttx),
	KUNIT_CASE(rsc_valid_several_vdevs),
	KUNIT_CASE(rsc_valid_several_traces),
	KUNIT_CASE(rsc_valid_several_carveouts),
	KUNIT_CASE(rsc_valid_devmem),
	KUNIT_CASE(rsc_valid_vendor_unknown),
	KUNIT_CASE(rsc_valid_vendor_out_of_order),
	KUNIT_CASE(rsc_valid_empty),
	KUNIT_CASE(rsc_valid_unaligned_buffer),
	KUNIT_CASE(rsc_valid_name_sanitised),
	KUNIT_CASE(rsc_valid_notifyid_any),
	KUNIT_CASE(rsc_bad_header_truncated),
	KUNIT_CASE(rsc_bad_num_too_large),
	KUNIT_CASE(rsc_bad_too_many_entries),
	KUNIT_CASE(rsc_bad_too_many_and_short),
	KUNIT_CASE(rsc_bad_table_too_large),
	KUNIT_CASE(rsc_bad_vring_align_too_large),
	KUNIT_CASE(rsc_bad_carveouts_same_pa),
	KUNIT_CASE(rsc_bad_vring_in_devmem),
	KUNIT_CASE(rsc_valid_trace_in_carveout),
	KUNIT_CASE(rsc_bad_no_space),
	KUNIT_CASE(rsc_bad_version),
	KUNIT_CASE(rsc_bad_header_reserved),
	KUNIT_CASE(rsc_bad_offset_past_end),
	KUNIT_CASE(rsc_bad_offset_huge),
	KUNIT_CASE(rsc_bad_offset_into_header),
	KUNIT_CASE(rsc_bad_offset_unaligned),
	KUNIT_CASE(rsc_bad_offset_duplicate),
	KUNIT_CASE(rsc_bad_entries_overlap),
	KUNIT_CASE(rsc_bad_carveout_truncated),
	KUNIT_CASE(rsc_bad_trace_truncated),
	KUNIT_CASE(rsc_bad_vdev_truncated),
	KUNIT_CASE(rsc_bad_vdev_vrings_past_end),
	KUNIT_CASE(rsc_bad_vdev_config_past_end),
	KUNIT_CASE(rsc_bad_vdev_too_many_vrings),
	KUNIT_CASE(rsc_bad_rpmsg_few_vrings),
	KUNIT_CASE(rsc_bad_vdev_reserved),
	KUNIT_CASE(rsc_bad_vring_num_zero),
	KUNIT_CASE(rsc_bad_vring_num_not_pow2),
	KUNIT_CASE(rsc_bad_vring_num_too_large),
	KUNIT_CASE(rsc_bad_vring_align_zero),
	KUNIT_CASE(rsc_bad_vring_align_not_pow2),
	KUNIT_CASE(rsc_bad_notifyid_same_vdev),
	KUNIT_CASE(rsc_bad_notifyid_across_vdevs),
	KUNIT_CASE(rsc_valid_notifyid_vdev_vs_vring),
	KUNIT_CASE(rsc_bad_carveout_name),
	KUNIT_CASE(rsc_bad_trace_name),
	KUNIT_CASE(rsc_bad_devmem_name),
	KUNIT_CASE(rsc_bad_carveout_len_zero),
	KUNIT_CASE(rsc_bad_devmem_len_zero),
	KUNIT_CASE(rsc_bad_trace_len_zero),
	KUNIT_CASE(rsc_bad_carveout_da_wraps),
	KUNIT_CASE(rsc_bad_carveout_pa_wraps),
	KUNIT_CASE(rsc_bad_devmem_da_wraps),
	KUNIT_CASE(rsc_bad_trace_da_wraps),
	KUNIT_CASE(rsc_bad_carveout_reserved),
	KUNIT_CASE(rsc_bad_trace_reserved),
	KUNIT_CASE(rsc_bad_carveouts_overlap),
	KUNIT_CASE(rsc_bad_devmem_overlaps_carveout),
	KUNIT_CASE(rsc_bad_null_err),
	{}
};

static struct kunit_suite amp_rsc_parser_suite = {
	.name = "amp_rsc_parser",
	.test_cases = amp_rsc_parser_cases,
};

kunit_test_suite(amp_rsc_parser_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for the AMP resource table parser");
