/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Resource table parser and validator.
 *
 * The parser turns the raw bytes of a resource table into an array of
 * struct rsc_parse_entry that no longer depends on the table layout version:
 * every address, length and feature word is widened to u64, every entry
 * records where it sits in the table so a handler can write results back,
 * and names are copied into NUL-terminated buffers. Nothing is allocated
 * and nothing is printed: the caller provides the entry array and gets a
 * struct rsc_parse_error describing the first problem found.
 *
 * The same code runs in the kernel and in host tools (rsctool, the fuzzer),
 * so this header depends only on <amp/internal/portable.h> and <amp/abi/rsc_table.h>.
 */
#ifndef AMP_RSC_PARSE_H
#define AMP_RSC_PARSE_H

#include <amp/internal/portable.h>
#include <amp/abi/rsc_table.h>

/* Most vrings one vdev entry may declare. */
#define AMP_RSC_MAX_VRINGS 8

/* Most descriptors one vring may declare (the virtio queue size limit). */
#define AMP_RSC_MAX_VRING_NUM 32768

/*
 * Largest alignment of a vring's used ring: a 64 KiB page. Larger ones
 * only make the ring, which the host allocates, larger.
 */
#define AMP_RSC_MAX_VRING_ALIGN 0x10000

/* A notify id the host chooses; exempt from the uniqueness check. */
#define AMP_RSC_NOTIFYID_ANY 0xffffffffU

/* Virtio device id of rpmsg, which needs a receive and a transmit vring. */
#define AMP_RSC_VIRTIO_ID_RPMSG 7

/* Vrings an rpmsg vdev needs: vq0 host rx, vq1 host tx. */
#define AMP_RSC_RPMSG_VRINGS 2

/*
 * Most entries one table may hold. Real tables hold a handful; the bound
 * keeps the pairwise overlap and notify id checks cheap on hostile input
 * and caps what a caller has to allocate.
 */
#define RSC_PARSE_MAX_ENTRIES 256

/*
 * Largest table, in bytes. Drivers in the field give a table 256 bytes
 * to 1 KiB; the bound keeps what the host copies and parses small
 * whatever an image or a running remote claims.
 */
#define RSC_PARSE_MAX_SIZE 0x10000

/* Size of the message buffer in struct rsc_parse_error, NUL included. */
#define RSC_PARSE_MSG_LEN 160

/* struct rsc_parse_error.index of a problem in the table header. */
#define RSC_PARSE_INDEX_HEADER (-1)

/* struct rsc_parse_error.type when no entry type applies or is readable. */
#define RSC_PARSE_TYPE_NONE 0xffffffffU

/**
 * enum rsc_parse_kind - what the parser understood an entry to be
 * @RSC_PARSE_KIND_CARVEOUT: %AMP_RSC_CARVEOUT, body in &rsc_parse_entry.mem
 * @RSC_PARSE_KIND_DEVMEM: %AMP_RSC_DEVMEM, body in &rsc_parse_entry.mem
 * @RSC_PARSE_KIND_TRACE: %AMP_RSC_TRACE, body in &rsc_parse_entry.trace
 * @RSC_PARSE_KIND_VDEV: %AMP_RSC_VDEV, body in &rsc_parse_entry.vdev
 * @RSC_PARSE_KIND_VENDOR: a type in [%AMP_RSC_VENDOR_START,
 *	%AMP_RSC_VENDOR_END), left to a platform callback
 * @RSC_PARSE_KIND_UNKNOWN: any other type; recorded and ignored
 */
enum rsc_parse_kind {
	RSC_PARSE_KIND_CARVEOUT,
	RSC_PARSE_KIND_DEVMEM,
	RSC_PARSE_KIND_TRACE,
	RSC_PARSE_KIND_VDEV,
	RSC_PARSE_KIND_VENDOR,
	RSC_PARSE_KIND_UNKNOWN,
};

/**
 * struct rsc_parse_mem - a carveout or devmem entry
 * @da: device address, or %AMP_RSC_ADDR_ANY (carveout only)
 * @pa: physical address, or %AMP_RSC_ADDR_ANY (carveout only)
 * @len: length in bytes, never 0
 * @flags: IOMMU protection flags
 * @name: the entry's name, NUL-terminated, non-printable bytes replaced
 *	by '?'
 * @da_offset: byte offset of the da field in the table
 * @pa_offset: byte offset of the pa field in the table, where the host
 *	writes back the addresses it chose
 */
struct rsc_parse_mem {
	u64 da;
	u64 pa;
	u64 len;
	u64 flags;
	char name[AMP_RSC_NAME_LEN];
	u32 da_offset;
	u32 pa_offset;
};

/**
 * struct rsc_parse_trace - a trace buffer entry
 * @da: device address of the buffer
 * @len: length in bytes, never 0
 * @name: the entry's name, NUL-terminated, non-printable bytes replaced
 *	by '?'
 */
struct rsc_parse_trace {
	u64 da;
	u64 len;
	char name[AMP_RSC_NAME_LEN];
};

/**
 * struct rsc_parse_vring - one vring of a vdev entry
 * @da: device address, or 0 / %AMP_RSC_ADDR_ANY for the host to choose
 * @align: alignment of the used ring, a power of two
 * @num: number of descriptors, a power of two no larger than
 *	%AMP_RSC_MAX_VRING_NUM
 * @notifyid: notify id, unique in the table unless %AMP_RSC_NOTIFYID_ANY
 * @pa: physical address as found in the table
 * @offset: byte offset of the vring's record in the table
 * @da_offset: byte offset of its da field, where the host writes back the
 *	address it chose
 * @notifyid_offset: byte offset of its notifyid field, written back too
 * @pa_offset: byte offset of its pa field, written back too
 */
struct rsc_parse_vring {
	u64 da;
	u64 align;
	u64 num;
	u64 notifyid;
	u64 pa;
	u32 offset;
	u32 da_offset;
	u32 notifyid_offset;
	u32 pa_offset;
};

/**
 * struct rsc_parse_vdev - a virtio device entry
 * @id: virtio device id
 * @notifyid: notify id of the device, unique in the table unless
 *	%AMP_RSC_NOTIFYID_ANY
 * @dfeatures: features the remote offers
 * @gfeatures: features as found in the table (the host writes them back)
 * @gfeatures_offset: byte offset of the gfeatures word in the table
 * @status: virtio status byte as found in the table
 * @status_offset: byte offset of the status byte in the table
 * @num_vrings: number of valid elements in @vring
 * @vring: the vrings, in table order (index i is virtqueue i)
 * @config_offset: byte offset of the config space in the table
 * @config_len: length of the config space in bytes; the whole range
 *	[@config_offset, @config_offset + @config_len) lies inside the table
 */
struct rsc_parse_vdev {
	u32 id;
	u32 notifyid;
	u64 dfeatures;
	u64 gfeatures;
	u32 gfeatures_offset;
	u8 status;
	u32 status_offset;
	u32 num_vrings;
	struct rsc_parse_vring vring[AMP_RSC_MAX_VRINGS];
	u32 config_offset;
	u32 config_len;
};

/**
 * struct rsc_parse_entry - one validated resource table entry
 * @index: position of the entry in the table's offset array
 * @type: the entry's raw type word
 * @kind: what the parser understood @type to be
 * @version: layout version the entry was read with; 1 for a v1 table
 * @addr_end: first address the entry's address fields cannot hold: a
 *	range written back must end at or below it (4 GiB for v1 entries)
 * @offset: byte offset of the entry (its type word) in the table
 * @body_offset: byte offset of the entry's body in the table
 * @body_len: length of the body in bytes. For a vdev it covers the vrings
 *	and the config space. Vendor and unknown entries have no length field
 *	in v1, so their body runs up to the next entry (by offset) or to the
 *	end of the table.
 * @mem: body of a carveout or devmem entry
 * @trace: body of a trace entry
 * @vdev: body of a vdev entry
 */
struct rsc_parse_entry {
	u32 index;
	u32 type;
	enum rsc_parse_kind kind;
	u32 version;
	u64 addr_end;
	u32 offset;
	u32 body_offset;
	u64 body_len;
	union {
		struct rsc_parse_mem mem;
		struct rsc_parse_trace trace;
		struct rsc_parse_vdev vdev;
	};
};

/**
 * struct rsc_parse_error - the first problem found in a table
 * @index: entry index in the offset array, or %RSC_PARSE_INDEX_HEADER
 * @type: raw type of the entry, or %RSC_PARSE_TYPE_NONE when it does not
 *	apply or could not be read
 * @offset: byte offset in the table where the problem is
 * @err: negative errno, the value the parse function returned
 * @msg: NUL-terminated description, e.g. "entry 2 (vdev) at 0x3c: vring 1
 *	num 6 is not a power of two"; bytes taken from the table only
 *	appear in it sanitised
 */
struct rsc_parse_error {
	s32 index;
	u32 type;
	u32 offset;
	int err;
	char msg[RSC_PARSE_MSG_LEN];
};

/**
 * rsc_parse_header() - validate a table's header and offset array bounds
 * @table: the table bytes; need not be aligned
 * @size: number of bytes readable at @table
 * @num: set to the number of entries on success
 * @err: filled in on failure; may be NULL
 *
 * Checks that the header fits, the version is supported, the reserved
 * words are zero and the offset array fits in @size. Entries themselves
 * are not looked at.
 *
 * Return: 0, -EINVAL for a malformed header, -EPROTONOSUPPORT for a layout
 * version other than %AMP_RSC_TABLE_V1, or -E2BIG when the table declares
 * more than %RSC_PARSE_MAX_ENTRIES entries (whatever its size) or is
 * larger than %RSC_PARSE_MAX_SIZE bytes.
 */
int rsc_parse_header(const void *table, size_t size, u32 *num,
		     struct rsc_parse_error *err);

/**
 * rsc_parse_table() - validate a whole table and describe its entries
 * @table: the table bytes; need not be aligned
 * @size: number of bytes readable at @table
 * @entries: storage for the parsed entries, in offset array order
 * @max: number of elements in @entries
 * @err: filled in on failure; may be NULL
 *
 * Runs rsc_parse_header(), then validates every entry and the relations
 * between entries (overlaps, notify id collisions). Never reads outside
 * [@table, @table + @size). On failure the contents of @entries are
 * unspecified.
 *
 * Return: the number of entries (at most @max) on success, -ENOSPC when
 * @max is smaller than the table's entry count, or an error code as for
 * rsc_parse_header() (-EINVAL for any invalid entry).
 */
int rsc_parse_table(const void *table, size_t size,
		    struct rsc_parse_entry *entries, u32 max,
		    struct rsc_parse_error *err);

/**
 * rsc_parse_kind_of() - classify a raw entry type
 * @type: the type word of an entry
 *
 * Return: the &enum rsc_parse_kind for @type.
 */
enum rsc_parse_kind rsc_parse_kind_of(u32 type);

/**
 * rsc_parse_kind_name() - short name of an entry kind
 * @kind: an &enum rsc_parse_kind
 *
 * Return: a static string such as "carveout" or "vdev"; "unknown" for a
 * value outside the enum.
 */
const char *rsc_parse_kind_name(enum rsc_parse_kind kind);

/**
 * rsc_parse_type_name() - short name of a raw entry type
 * @type: the type word of an entry
 *
 * Return: rsc_parse_kind_name() of rsc_parse_kind_of(@type).
 */
const char *rsc_parse_type_name(u32 type);

/**
 * rsc_parse_vdev_id_name() - name of a virtio device id
 * @id: a virtio device id from a vdev entry
 *
 * Return: a static string such as "rpmsg" or "net"; NULL when the id is
 * not one the parser knows.
 */
const char *rsc_parse_vdev_id_name(u32 id);

/**
 * rsc_parse_find() - find the next entry of a kind
 * @entries: entries filled in by rsc_parse_table()
 * @num: number of valid elements in @entries
 * @kind: the kind to look for
 * @from: index in @entries to start looking at
 *
 * Return: index of the first entry at or after @from with kind @kind, or
 * -1 when there is none.
 */
int rsc_parse_find(const struct rsc_parse_entry *entries, u32 num,
		   enum rsc_parse_kind kind, u32 from);

#endif /* AMP_RSC_PARSE_H */
