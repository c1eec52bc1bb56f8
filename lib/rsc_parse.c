// SPDX-License-Identifier: GPL-2.0-only
/*
 * Resource table parser and validator, shared by the kernel modules and the
 * host tools. The table comes from firmware and is hostile input: every
 * read is bounds-checked against the caller's size before it happens, all
 * offset arithmetic is done in u64 with overflow checks, and bytes from the
 * table reach a message only through rsc_parse_copy_name().
 *
 * Decisions beyond what the Linux core checks:
 * - Entry offsets must be 4-byte aligned. Every table the remote stacks
 *   emit is (they are C structs of u32), and the host writes vring
 *   addresses, notify ids and status back into the table, which may live
 *   in device-mapped remote memory where unaligned accesses fault on
 *   arm/arm64.
 * - Entries must not overlap each other, the header or the offset array;
 *   two entries at one offset are an overlap. Otherwise a write-back into
 *   one entry would silently change another.
 * - Vendor and unknown entries carry no length in v1; their body is taken
 *   to run up to the next entry by offset, or to the end of the table.
 * - Notify ids of all vdevs and vrings share one namespace and must be
 *   unique, except %AMP_RSC_NOTIFYID_ANY: the remote uses them as bit
 *   positions of one doorbell.
 * - Fixed device address ranges of carveouts and devmems must not overlap
 *   each other; carveouts with a da of %AMP_RSC_ADDR_ANY are placed by
 *   the host and are not compared. The same holds of their fixed physical
 *   ranges, and a vring at a fixed device address must not lie in a
 *   devmem window (device registers, not memory the host writes).
 * - A trace buffer may lie inside a carveout: the remote writes its log
 *   in its own memory and the host only reads it.
 * - A table is at most %RSC_PARSE_MAX_SIZE bytes, and a vring's alignment
 *   at most %AMP_RSC_MAX_VRING_ALIGN: what a remote asks for is bounded
 *   before the host allocates anything for it.
 */

#include <amp/internal/portable.h>
#include <amp/abi/rsc_table.h>
#include <amp/internal/rsc_parse.h>

#define RSC_PARSE_V1 1

/* Sizes of the v1 records; the structs are packed. */
#define RSC_PARSE_HDR_LEN ((u32)sizeof(struct amp_rsc_table))
#define RSC_PARSE_TYPE_LEN ((u32)sizeof(struct amp_rsc_hdr))
#define RSC_PARSE_MEM_LEN ((u32)sizeof(struct amp_rsc_carveout))
#define RSC_PARSE_TRACE_LEN ((u32)sizeof(struct amp_rsc_trace))
#define RSC_PARSE_VDEV_LEN ((u32)sizeof(struct amp_rsc_vdev))
#define RSC_PARSE_VRING_LEN ((u32)sizeof(struct amp_rsc_vring))

/*
 * Field offsets inside the v1 records, taken from the firmware ABI's
 * structs so the layout is written down once. Everything else in the
 * project learns where a field sits from the parsed entries.
 */
#define RSC_FIELD(type, field) ((u32)offsetof(struct type, field))

/* Carveout and devmem share one layout. */
static_assert(sizeof(struct amp_rsc_carveout) == sizeof(struct amp_rsc_devmem));
#define RSC_MEM_DA RSC_FIELD(amp_rsc_carveout, da)
#define RSC_MEM_PA RSC_FIELD(amp_rsc_carveout, pa)
#define RSC_MEM_LEN RSC_FIELD(amp_rsc_carveout, len)
#define RSC_MEM_FLAGS RSC_FIELD(amp_rsc_carveout, flags)
#define RSC_MEM_RESERVED RSC_FIELD(amp_rsc_carveout, reserved)
#define RSC_MEM_NAME RSC_FIELD(amp_rsc_carveout, name)

#define RSC_TRACE_DA RSC_FIELD(amp_rsc_trace, da)
#define RSC_TRACE_LEN RSC_FIELD(amp_rsc_trace, len)
#define RSC_TRACE_RESERVED RSC_FIELD(amp_rsc_trace, reserved)
#define RSC_TRACE_NAME RSC_FIELD(amp_rsc_trace, name)

#define RSC_VDEV_ID RSC_FIELD(amp_rsc_vdev, id)
#define RSC_VDEV_NOTIFYID RSC_FIELD(amp_rsc_vdev, notifyid)
#define RSC_VDEV_DFEATURES RSC_FIELD(amp_rsc_vdev, dfeatures)
#define RSC_VDEV_GFEATURES RSC_FIELD(amp_rsc_vdev, gfeatures)
#define RSC_VDEV_CONFIG_LEN RSC_FIELD(amp_rsc_vdev, config_len)
#define RSC_VDEV_STATUS RSC_FIELD(amp_rsc_vdev, status)
#define RSC_VDEV_NUM_VRINGS RSC_FIELD(amp_rsc_vdev, num_of_vrings)
#define RSC_VDEV_RESERVED RSC_FIELD(amp_rsc_vdev, reserved)

#define RSC_VRING_DA RSC_FIELD(amp_rsc_vring, da)
#define RSC_VRING_ALIGN RSC_FIELD(amp_rsc_vring, align)
#define RSC_VRING_NUM RSC_FIELD(amp_rsc_vring, num)
#define RSC_VRING_NOTIFYID RSC_FIELD(amp_rsc_vring, notifyid)
#define RSC_VRING_PA RSC_FIELD(amp_rsc_vring, pa)

/* The 32-bit address fields of v1 hold ranges ending at, not past, 4 GiB. */
#define RSC_PARSE_V1_ADDR_END BIT_ULL(32)

static const char * const rsc_parse_kind_names[] = {
	[RSC_PARSE_KIND_CARVEOUT] = "carveout",
	[RSC_PARSE_KIND_DEVMEM] = "devmem",
	[RSC_PARSE_KIND_TRACE] = "trace",
	[RSC_PARSE_KIND_VDEV] = "vdev",
	[RSC_PARSE_KIND_VENDOR] = "vendor",
	[RSC_PARSE_KIND_UNKNOWN] = "unknown",
};

enum rsc_parse_kind rsc_parse_kind_of(u32 type)
{
	switch (type) {
	case AMP_RSC_CARVEOUT:
		return RSC_PARSE_KIND_CARVEOUT;
	case AMP_RSC_DEVMEM:
		return RSC_PARSE_KIND_DEVMEM;
	case AMP_RSC_TRACE:
		return RSC_PARSE_KIND_TRACE;
	case AMP_RSC_VDEV:
		return RSC_PARSE_KIND_VDEV;
	}
	if (type >= AMP_RSC_VENDOR_START && type < AMP_RSC_VENDOR_END)
		return RSC_PARSE_KIND_VENDOR;
	return RSC_PARSE_KIND_UNKNOWN;
}
EXPORT_SYMBOL_GPL(rsc_parse_kind_of);

const char *rsc_parse_kind_name(enum rsc_parse_kind kind)
{
	if ((unsigned int)kind >= ARRAY_SIZE(rsc_parse_kind_names))
		return "unknown";
	return rsc_parse_kind_names[kind];
}
EXPORT_SYMBOL_GPL(rsc_parse_kind_name);

const char *rsc_parse_type_name(u32 type)
{
	return rsc_parse_kind_name(rsc_parse_kind_of(type));
}
EXPORT_SYMBOL_GPL(rsc_parse_type_name);

const char *rsc_parse_vdev_id_name(u32 id)
{
	/* Virtio device ids from the virtio specification. */
	switch (id) {
	case 1:
		return "net";
	case 2:
		return "block";
	case 3:
		return "console";
	case 4:
		return "rng";
	case 5:
		return "balloon";
	case 7:
		return "rpmsg";
	case 8:
		return "scsi";
	case 9:
		return "9p";
	case 16:
		return "gpu";
	case 18:
		return "input";
	case 19:
		return "vsock";
	case 20:
		return "crypto";
	case 26:
		return "fs";
	case 34:
		return "i2c";
	case 41:
		return "gpio";
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(rsc_parse_vdev_id_name);

int rsc_parse_find(const struct rsc_parse_entry *entries, u32 num,
		   enum rsc_parse_kind kind, u32 from)
{
	u32 i;

	for (i = from; i < num; i++)
		if (entries[i].kind == kind)
			return i;
	return -1;
}
EXPORT_SYMBOL_GPL(rsc_parse_find);

static __printf(6, 0)
int rsc_parse_vfail(struct rsc_parse_error *err, s32 index, u32 type,
		    u32 offset, int errnum, const char *fmt, va_list args)
{
	int n;

	if (!err)
		return errnum;

	err->index = index;
	err->type = type;
	err->offset = offset;
	err->err = errnum;

	if (index == RSC_PARSE_INDEX_HEADER)
		n = snprintf(err->msg, sizeof(err->msg), "header: ");
	else if (type == RSC_PARSE_TYPE_NONE)
		n = snprintf(err->msg, sizeof(err->msg), "entry %d at 0x%x: ",
			     index, offset);
	else
		n = snprintf(err->msg, sizeof(err->msg),
			     "entry %d (%s) at 0x%x: ", index,
			     rsc_parse_type_name(type), offset);
	if (n >= 0 && (size_t)n < sizeof(err->msg))
		vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, args);
	return errnum;
}

static __printf(6, 7)
int rsc_parse_fail(struct rsc_parse_error *err, s32 index, u32 type,
		   u32 offset, int errnum, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	rsc_parse_vfail(err, index, type, offset, errnum, fmt, args);
	va_end(args);
	return errnum;
}

/* A problem in entry @e, whose type is known. */
static __printf(3, 4)
int rsc_parse_bad(struct rsc_parse_error *err,
		  const struct rsc_parse_entry *e, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	rsc_parse_vfail(err, (s32)e->index, e->type, e->offset, -EINVAL, fmt,
			args);
	va_end(args);
	return -EINVAL;
}

static u32 rsc_parse_le32(const u8 *table, u64 offset)
{
	return get_unaligned_le32(table + offset);
}

/*
 * Copies a name field of AMP_RSC_NAME_LEN bytes into @dst, replacing
 * bytes that are not printable ASCII so that the name is safe to print
 * with "%s". Returns false if the field holds no NUL.
 */
static bool rsc_parse_copy_name(char *dst, const u8 *src)
{
	u32 i;

	for (i = 0; i < AMP_RSC_NAME_LEN; i++) {
		if (!src[i]) {
			dst[i] = '\0';
			return true;
		}
		dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? (char)src[i] : '?';
	}
	dst[AMP_RSC_NAME_LEN - 1] = '\0';
	return false;
}

/* True if [@da, @da + @len) ends past 4 GiB. @len is not 0. */
static bool rsc_parse_wraps(u64 da, u64 len)
{
	return len > RSC_PARSE_V1_ADDR_END || da > RSC_PARSE_V1_ADDR_END - len;
}

int rsc_parse_header(const void *table, size_t size, u32 *num,
		     struct rsc_parse_error *err)
{
	const u8 *t = table;
	u64 need;
	u32 ver, n, i;

	if (size < RSC_PARSE_HDR_LEN)
		return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
				      RSC_PARSE_TYPE_NONE, 0, -EINVAL,
				      "table is %zu bytes, shorter than the %u-byte header",
				      size, RSC_PARSE_HDR_LEN);

	if (size > RSC_PARSE_MAX_SIZE)
		return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
				      RSC_PARSE_TYPE_NONE, 0, -E2BIG,
				      "table is %zu bytes, more than the %u a table may have",
				      size, RSC_PARSE_MAX_SIZE);

	ver = rsc_parse_le32(t, 0);
	if (ver != RSC_PARSE_V1)
		return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
				      RSC_PARSE_TYPE_NONE, 0, -EPROTONOSUPPORT,
				      "version %u is not supported (only %u)",
				      ver, RSC_PARSE_V1);

	for (i = 0; i < 2; i++) {
		u32 r = rsc_parse_le32(t, 8 + 4 * i);

		if (r)
			return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
					      RSC_PARSE_TYPE_NONE, 8 + 4 * i,
					      -EINVAL,
					      "reserved[%u] is 0x%x, not 0", i, r);
	}

	/* Too many entries says more than a table too short for them. */
	n = rsc_parse_le32(t, 4);
	if (n > RSC_PARSE_MAX_ENTRIES)
		return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
				      RSC_PARSE_TYPE_NONE, 4, -E2BIG,
				      "num %u is more than %u entries", n,
				      RSC_PARSE_MAX_ENTRIES);

	if (check_mul_overflow((u64)n, (u64)sizeof(u32), &need) ||
	    check_add_overflow(need, (u64)RSC_PARSE_HDR_LEN, &need) ||
	    need > size)
		return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
				      RSC_PARSE_TYPE_NONE, 4, -EINVAL,
				      "num %u needs %llu bytes of header and offsets, table has %zu",
				      n, (unsigned long long)need, size);

	*num = n;
	return 0;
}
EXPORT_SYMBOL_GPL(rsc_parse_header);

/* What the passes over one table share. */
struct rsc_parse_ctx {
	const u8 *t;
	u32 size;
	struct rsc_parse_entry *entries;
	u32 num;
	struct rsc_parse_error *err;
};

/*
 * Each entry's type word must lie inside the table, after the offset
 * array, aligned and at an offset no other entry uses.
 */
static int rsc_parse_offsets(struct rsc_parse_ctx *c)
{
	u32 hdr_end = RSC_PARSE_HDR_LEN + c->num * 4;
	u32 i, j;

	for (i = 0; i < c->num; i++) {
		struct rsc_parse_entry *e = &c->entries[i];
		u32 off = rsc_parse_le32(c->t, RSC_PARSE_HDR_LEN + 4 * i);
		u64 end;

		if (off < hdr_end)
			return rsc_parse_fail(c->err, i, RSC_PARSE_TYPE_NONE,
					      off, -EINVAL,
					      "offset points into the header or offset array (ending at 0x%x)",
					      hdr_end);
		if (off % 4)
			return rsc_parse_fail(c->err, i, RSC_PARSE_TYPE_NONE,
					      off, -EINVAL,
					      "offset is not 4-byte aligned");
		if (check_add_overflow((u64)off, (u64)RSC_PARSE_TYPE_LEN, &end) ||
		    end > c->size)
			return rsc_parse_fail(c->err, i, RSC_PARSE_TYPE_NONE,
					      off, -EINVAL,
					      "offset is past the end of the table (size 0x%x)",
					      c->size);
		for (j = 0; j < i; j++)
			if (c->entries[j].offset == off)
				return rsc_parse_fail(c->err, i,
						      RSC_PARSE_TYPE_NONE, off,
						      -EINVAL,
						      "offset is the same as entry %u's",
						      j);

		memset(e, 0, sizeof(*e));
		e->index = i;
		e->offset = off;
		e->type = rsc_parse_le32(c->t, off);
		e->kind = rsc_parse_kind_of(e->type);
		e->version = RSC_PARSE_V1;
		e->addr_end = RSC_PARSE_V1_ADDR_END;
		e->body_offset = off + RSC_PARSE_TYPE_LEN;
	}
	return 0;
}

/*
 * Bytes available to the body of @e: up to the nearest entry starting
 * after it, or to the end of the table. *@next is set to that entry's
 * index, or to c->num when the end of the table is the limit.
 */
static u32 rsc_parse_room(const struct rsc_parse_ctx *c,
			  const struct rsc_parse_entry *e, u32 *next)
{
	u32 limit = c->size;
	u32 i;

	*next = c->num;
	for (i = 0; i < c->num; i++) {
		u32 off = c->entries[i].offset;

		if (off > e->offset && off < limit) {
			limit = off;
			*next = i;
		}
	}
	return limit - e->body_offset;
}

/*
 * Checks that @len bytes of @e's body fit; @what names them with a verb
 * for the message, e.g. "vrings run".
 */
static int rsc_parse_fits(const struct rsc_parse_ctx *c,
			  const struct rsc_parse_entry *e, const char *what,
			  u64 len)
{
	u32 next, room = rsc_parse_room(c, e, &next);
	unsigned long long end = (unsigned long long)e->body_offset + len;

	if (len <= room)
		return 0;
	if (next == c->num)
		return rsc_parse_bad(c->err, e,
				     "%s to 0x%llx, past the end of the table (size 0x%x)",
				     what, end, c->size);
	return rsc_parse_bad(c->err, e, "%s to 0x%llx, into entry %u at 0x%x",
			     what, end, next, c->entries[next].offset);
}

/*
 * Checks shared by the named memory entries (carveout, devmem, trace):
 * the body fits, the reserved word is 0, the name is terminated and the
 * length is not 0. The arguments are field offsets inside the body.
 */
static int rsc_parse_named(const struct rsc_parse_ctx *c,
			   struct rsc_parse_entry *e, u32 body_len,
			   u32 len_at, u32 reserved_at, u32 name_at,
			   char *name, u32 *len)
{
	const u8 *b = c->t + e->body_offset;
	u32 reserved;
	int ret;

	ret = rsc_parse_fits(c, e, "body runs", body_len);
	if (ret)
		return ret;
	e->body_len = body_len;

	reserved = rsc_parse_le32(b, reserved_at);
	if (reserved)
		return rsc_parse_bad(c->err, e, "reserved is 0x%x, not 0",
				     reserved);
	if (!rsc_parse_copy_name(name, b + name_at))
		return rsc_parse_bad(c->err, e,
				     "name is not NUL-terminated within %u bytes",
				     AMP_RSC_NAME_LEN);
	*len = rsc_parse_le32(b, len_at);
	if (!*len)
		return rsc_parse_bad(c->err, e, "len is 0");
	return 0;
}

/* A 32-bit address range must not wrap; @what names the address field. */
static int rsc_parse_range(const struct rsc_parse_ctx *c,
			   const struct rsc_parse_entry *e, const char *what,
			   u32 addr, u32 len)
{
	if (!rsc_parse_wraps(addr, len))
		return 0;
	return rsc_parse_bad(c->err, e, "%s 0x%x + len 0x%x ends past 4 GiB",
			     what, addr, len);
}

/* Carveout and devmem share one v1 layout. */
static int rsc_parse_mem(const struct rsc_parse_ctx *c,
			 struct rsc_parse_entry *e)
{
	const u8 *b = c->t + e->body_offset;
	struct rsc_parse_mem *m = &e->mem;
	bool devmem = e->kind == RSC_PARSE_KIND_DEVMEM;
	u32 da, pa, len;
	int ret;

	ret = rsc_parse_named(c, e, RSC_PARSE_MEM_LEN, RSC_MEM_LEN,
			      RSC_MEM_RESERVED, RSC_MEM_NAME, m->name, &len);
	if (ret)
		return ret;

	da = rsc_parse_le32(b, RSC_MEM_DA);
	pa = rsc_parse_le32(b, RSC_MEM_PA);
	/* A devmem maps fixed addresses; ANY has no meaning there. */
	if (devmem || da != AMP_RSC_ADDR_ANY) {
		ret = rsc_parse_range(c, e, "da", da, len);
		if (ret)
			return ret;
	}
	if (devmem || pa != AMP_RSC_ADDR_ANY) {
		ret = rsc_parse_range(c, e, "pa", pa, len);
		if (ret)
			return ret;
	}

	m->da = da;
	m->pa = pa;
	m->len = len;
	m->flags = rsc_parse_le32(b, RSC_MEM_FLAGS);
	m->da_offset = e->body_offset + RSC_MEM_DA;
	m->pa_offset = e->body_offset + RSC_MEM_PA;
	return 0;
}

static int rsc_parse_trace(const struct rsc_parse_ctx *c,
			   struct rsc_parse_entry *e)
{
	struct rsc_parse_trace *tr = &e->trace;
	u32 da, len;
	int ret;

	ret = rsc_parse_named(c, e, RSC_PARSE_TRACE_LEN, RSC_TRACE_LEN,
			      RSC_TRACE_RESERVED, RSC_TRACE_NAME, tr->name,
			      &len);
	if (ret)
		return ret;

	/* The remote writes the buffer where it is: da is always fixed. */
	da = rsc_parse_le32(c->t + e->body_offset, RSC_TRACE_DA);
	ret = rsc_parse_range(c, e, "da", da, len);
	if (ret)
		return ret;

	tr->da = da;
	tr->len = len;
	return 0;
}

static int rsc_parse_vring(const struct rsc_parse_ctx *c,
			   struct rsc_parse_entry *e, u32 i)
{
	struct rsc_parse_vring *vr = &e->vdev.vring[i];
	u32 off = e->body_offset + RSC_PARSE_VDEV_LEN + i * RSC_PARSE_VRING_LEN;
	const u8 *b = c->t + off;
	u32 align = rsc_parse_le32(b, RSC_VRING_ALIGN);
	u32 num = rsc_parse_le32(b, RSC_VRING_NUM);

	if (!num)
		return rsc_parse_bad(c->err, e, "vring %u num is 0", i);
	if (!is_power_of_2(num))
		return rsc_parse_bad(c->err, e,
				     "vring %u num %u is not a power of two",
				     i, num);
	if (num > AMP_RSC_MAX_VRING_NUM)
		return rsc_parse_bad(c->err, e,
				     "vring %u num %u is more than %u",
				     i, num, AMP_RSC_MAX_VRING_NUM);
	if (!align)
		return rsc_parse_bad(c->err, e, "vring %u align is 0", i);
	if (!is_power_of_2(align))
		return rsc_parse_bad(c->err, e,
				     "vring %u align 0x%x is not a power of two",
				     i, align);
	if (align > AMP_RSC_MAX_VRING_ALIGN)
		return rsc_parse_bad(c->err, e,
				     "vring %u align 0x%x is more than 0x%x",
				     i, align, AMP_RSC_MAX_VRING_ALIGN);

	vr->da = rsc_parse_le32(b, RSC_VRING_DA);
	vr->align = align;
	vr->num = num;
	vr->notifyid = rsc_parse_le32(b, RSC_VRING_NOTIFYID);
	vr->pa = rsc_parse_le32(b, RSC_VRING_PA);
	vr->offset = off;
	vr->da_offset = off + RSC_VRING_DA;
	vr->notifyid_offset = off + RSC_VRING_NOTIFYID;
	vr->pa_offset = off + RSC_VRING_PA;
	return 0;
}

static int rsc_parse_vdev(const struct rsc_parse_ctx *c,
			  struct rsc_parse_entry *e)
{
	const u8 *b = c->t + e->body_offset;
	struct rsc_parse_vdev *v = &e->vdev;
	u32 nvr, config_len, i;
	u64 len;
	int ret;

	ret = rsc_parse_fits(c, e, "body runs", RSC_PARSE_VDEV_LEN);
	if (ret)
		return ret;

	v->id = rsc_parse_le32(b, RSC_VDEV_ID);
	nvr = b[RSC_VDEV_NUM_VRINGS];
	config_len = rsc_parse_le32(b, RSC_VDEV_CONFIG_LEN);

	if (b[RSC_VDEV_RESERVED] || b[RSC_VDEV_RESERVED + 1])
		return rsc_parse_bad(c->err, e,
				     "reserved bytes are 0x%02x 0x%02x, not 0",
				     b[RSC_VDEV_RESERVED],
				     b[RSC_VDEV_RESERVED + 1]);
	if (nvr > AMP_RSC_MAX_VRINGS)
		return rsc_parse_bad(c->err, e,
				     "num_of_vrings %u is more than %u",
				     nvr, AMP_RSC_MAX_VRINGS);
	if (v->id == AMP_RSC_VIRTIO_ID_RPMSG && nvr < AMP_RSC_RPMSG_VRINGS)
		return rsc_parse_bad(c->err, e,
				     "rpmsg needs %u vrings, num_of_vrings is %u",
				     AMP_RSC_RPMSG_VRINGS, nvr);

	len = RSC_PARSE_VDEV_LEN + (u64)nvr * RSC_PARSE_VRING_LEN;
	ret = rsc_parse_fits(c, e, "vrings run", len);
	if (ret)
		return ret;
	/* Cannot overflow (u32 + small), checked for the reader's sake. */
	if (check_add_overflow(len, (u64)config_len, &len))
		return rsc_parse_bad(c->err, e, "config_len overflows");
	ret = rsc_parse_fits(c, e, "config space runs", len);
	if (ret)
		return ret;
	e->body_len = len;

	for (i = 0; i < nvr; i++) {
		ret = rsc_parse_vring(c, e, i);
		if (ret)
			return ret;
	}

	v->notifyid = rsc_parse_le32(b, RSC_VDEV_NOTIFYID);
	v->dfeatures = rsc_parse_le32(b, RSC_VDEV_DFEATURES);
	v->gfeatures = rsc_parse_le32(b, RSC_VDEV_GFEATURES);
	v->gfeatures_offset = e->body_offset + RSC_VDEV_GFEATURES;
	v->status = b[RSC_VDEV_STATUS];
	v->status_offset = e->body_offset + RSC_VDEV_STATUS;
	v->num_vrings = nvr;
	v->config_offset = e->body_offset + RSC_PARSE_VDEV_LEN +
			   nvr * RSC_PARSE_VRING_LEN;
	v->config_len = config_len;
	return 0;
}

/* Vendor and unknown entries have no length field in v1. */
static void rsc_parse_opaque(const struct rsc_parse_ctx *c,
			     struct rsc_parse_entry *e)
{
	u32 next;

	e->body_len = rsc_parse_room(c, e, &next);
}

static bool rsc_parse_has_fixed_da(const struct rsc_parse_entry *e)
{
	if (e->kind == RSC_PARSE_KIND_DEVMEM)
		return true;
	return e->kind == RSC_PARSE_KIND_CARVEOUT &&
	       e->mem.da != AMP_RSC_ADDR_ANY;
}

/*
 * Two fixed device address ranges that overlap would make the host map
 * one da to two places (or one region twice).
 */
static int rsc_parse_da_overlaps(const struct rsc_parse_ctx *c)
{
	u32 i, j;

	for (i = 0; i < c->num; i++) {
		const struct rsc_parse_entry *a = &c->entries[i];

		if (!rsc_parse_has_fixed_da(a))
			continue;
		for (j = 0; j < i; j++) {
			const struct rsc_parse_entry *b = &c->entries[j];

			if (!rsc_parse_has_fixed_da(b))
				continue;
			if (a->mem.da >= b->mem.da + b->mem.len ||
			    b->mem.da >= a->mem.da + a->mem.len)
				continue;
			return rsc_parse_bad(c->err, a,
					     "da [0x%llx, 0x%llx) overlaps %s entry %u [0x%llx, 0x%llx)",
					     (unsigned long long)a->mem.da,
					     (unsigned long long)(a->mem.da + a->mem.len),
					     rsc_parse_kind_name(b->kind), j,
					     (unsigned long long)b->mem.da,
					     (unsigned long long)(b->mem.da + b->mem.len));
		}
	}
	return 0;
}

static bool rsc_parse_has_fixed_pa(const struct rsc_parse_entry *e)
{
	if (e->kind == RSC_PARSE_KIND_DEVMEM)
		return true;
	return e->kind == RSC_PARSE_KIND_CARVEOUT &&
	       e->mem.pa != AMP_RSC_ADDR_ANY;
}

/*
 * Two fixed physical ranges that overlap would give the remote one piece
 * of memory twice, under two names (or as memory and as a device).
 */
static int rsc_parse_pa_overlaps(const struct rsc_parse_ctx *c)
{
	u32 i, j;

	for (i = 0; i < c->num; i++) {
		const struct rsc_parse_entry *a = &c->entries[i];

		if (!rsc_parse_has_fixed_pa(a))
			continue;
		for (j = 0; j < i; j++) {
			const struct rsc_parse_entry *b = &c->entries[j];

			if (!rsc_parse_has_fixed_pa(b))
				continue;
			if (a->mem.pa >= b->mem.pa + b->mem.len ||
			    b->mem.pa >= a->mem.pa + a->mem.len)
				continue;
			return rsc_parse_bad(c->err, a,
					     "pa [0x%llx, 0x%llx) overlaps %s entry %u [0x%llx, 0x%llx)",
					     (unsigned long long)a->mem.pa,
					     (unsigned long long)(a->mem.pa + a->mem.len),
					     rsc_parse_kind_name(b->kind), j,
					     (unsigned long long)b->mem.pa,
					     (unsigned long long)(b->mem.pa + b->mem.len));
		}
	}
	return 0;
}

/*
 * A vring lives in memory the host writes: one at a fixed device address
 * inside a devmem window would be a device's registers.
 */
static int rsc_parse_vrings_in_devmem(const struct rsc_parse_ctx *c)
{
	u32 i, j, k;

	for (i = 0; i < c->num; i++) {
		const struct rsc_parse_entry *a = &c->entries[i];

		if (a->kind != RSC_PARSE_KIND_VDEV)
			continue;
		for (k = 0; k < a->vdev.num_vrings; k++) {
			u64 da = a->vdev.vring[k].da;

			if (!da || da == AMP_RSC_ADDR_ANY)
				continue;
			for (j = 0; j < c->num; j++) {
				const struct rsc_parse_entry *d = &c->entries[j];

				if (d->kind != RSC_PARSE_KIND_DEVMEM ||
				    da < d->mem.da ||
				    da >= d->mem.da + d->mem.len)
					continue;
				return rsc_parse_bad(c->err, a,
						     "vring %u da 0x%llx is inside devmem entry %u [0x%llx, 0x%llx)",
						     k, (unsigned long long)da, j,
						     (unsigned long long)d->mem.da,
						     (unsigned long long)(d->mem.da + d->mem.len));
			}
		}
	}
	return 0;
}

/*
 * The remote turns vring notify ids into bit positions of one doorbell, so
 * two vrings sharing an id could not be told apart. A vdev's own notifyid
 * is left out: v1 hosts never signal it, and they number the vrings 0, 1,
 * ... when loading, so the table ST's firmware carries (vdev 0, vrings 1
 * and 2) holds vdev 0 and vring 0 once written back, which attaching must
 * accept.
 */
static int rsc_parse_notifyids(const struct rsc_parse_ctx *c)
{
	u32 i, j, k, l;

	for (i = 0; i < c->num; i++) {
		const struct rsc_parse_entry *a = &c->entries[i];

		if (a->kind != RSC_PARSE_KIND_VDEV)
			continue;
		for (k = 0; k < a->vdev.num_vrings; k++) {
			u32 id = a->vdev.vring[k].notifyid;

			if (id == AMP_RSC_NOTIFYID_ANY)
				continue;
			for (j = 0; j <= i; j++) {
				const struct rsc_parse_entry *b = &c->entries[j];
				u32 last;

				if (b->kind != RSC_PARSE_KIND_VDEV)
					continue;
				last = j < i ? b->vdev.num_vrings : k;
				for (l = 0; l < last; l++) {
					if (b->vdev.vring[l].notifyid != id)
						continue;
					return rsc_parse_bad(c->err, a,
							     "vring %u notifyid %u is already used by entry %u vring %u",
							     k, id, j, l);
				}
			}
		}
	}
	return 0;
}

int rsc_parse_table(const void *table, size_t size,
		    struct rsc_parse_entry *entries, u32 max,
		    struct rsc_parse_error *err)
{
	struct rsc_parse_ctx c = {
		.t = table,
		.entries = entries,
		.err = err,
	};
	u32 i;
	int ret;

	ret = rsc_parse_header(table, size, &c.num, err);
	if (ret)
		return ret;
	/* rsc_parse_header() refused anything larger than RSC_PARSE_MAX_SIZE. */
	c.size = (u32)size;

	if (c.num > max)
		return rsc_parse_fail(err, RSC_PARSE_INDEX_HEADER,
				      RSC_PARSE_TYPE_NONE, 4, -ENOSPC,
				      "num %u is more than the %u entries provided",
				      c.num, max);

	ret = rsc_parse_offsets(&c);
	if (ret)
		return ret;

	for (i = 0; i < c.num; i++) {
		struct rsc_parse_entry *e = &entries[i];

		switch (e->kind) {
		case RSC_PARSE_KIND_CARVEOUT:
		case RSC_PARSE_KIND_DEVMEM:
			ret = rsc_parse_mem(&c, e);
			break;
		case RSC_PARSE_KIND_TRACE:
			ret = rsc_parse_trace(&c, e);
			break;
		case RSC_PARSE_KIND_VDEV:
			ret = rsc_parse_vdev(&c, e);
			break;
		default:
			rsc_parse_opaque(&c, e);
			break;
		}
		if (ret)
			return ret;
	}

	ret = rsc_parse_da_overlaps(&c);
	if (ret)
		return ret;
	ret = rsc_parse_pa_overlaps(&c);
	if (ret)
		return ret;
	ret = rsc_parse_vrings_in_devmem(&c);
	if (ret)
		return ret;
	ret = rsc_parse_notifyids(&c);
	if (ret)
		return ret;

	return (int)c.num;
}
EXPORT_SYMBOL_GPL(rsc_parse_table);
