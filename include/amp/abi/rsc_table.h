/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Resource table layout shared by the remote firmware and the host.
 *
 * Firmware places one struct amp_rsc_table (followed by its entries) in an
 * ELF section named ".resource_table"; the host validates it, allocates
 * what it asks for and writes addresses back into it before the remote is
 * started. Every field is little-endian. This header is usable from the
 * kernel, from host tools and from bare-metal firmware.
 */
#ifndef AMP_RSC_TABLE_H
#define AMP_RSC_TABLE_H

/*
 * Name of the ELF section holding the table: bare for linker scripts,
 * which include this header as assembler, quoted for C.
 */
#define AMP_RSC_SECTION_NAME .resource_table
#define AMP_RSC_STRINGIFY(x) #x
#define AMP_RSC_STR(x) AMP_RSC_STRINGIFY(x)
#define AMP_RSC_SECTION AMP_RSC_STR(AMP_RSC_SECTION_NAME)

#ifndef __ASSEMBLER__

#if defined(__KERNEL__) || (defined(__linux__) && __STDC_HOSTED__)
#include <linux/types.h>
#else /* bare-metal firmware, even when built with a Linux toolchain */
#include <stdint.h>
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
#endif

#define AMP_RSC_PACKED __attribute__((__packed__))

/* Version of the table layout defined below. */
#define AMP_RSC_TABLE_V1 1

/* A da, pa or vring address the host chooses. */
#define AMP_RSC_ADDR_ANY 0xffffffffU

/* Length of the name fields, including the terminating NUL. */
#define AMP_RSC_NAME_LEN 32

/**
 * enum amp_rsc_type - type of a resource table entry
 * @AMP_RSC_CARVEOUT: physically contiguous memory for the remote
 * @AMP_RSC_DEVMEM: device memory the remote wants mapped
 * @AMP_RSC_TRACE: a trace buffer the remote writes its log into
 * @AMP_RSC_VDEV: a virtio device with its vrings and config space
 * @AMP_RSC_LAST: first type value with no meaning of its own
 * @AMP_RSC_VENDOR_START: first vendor-specific type
 * @AMP_RSC_VENDOR_END: one past the last vendor-specific type
 */
enum amp_rsc_type {
	AMP_RSC_CARVEOUT = 0,
	AMP_RSC_DEVMEM = 1,
	AMP_RSC_TRACE = 2,
	AMP_RSC_VDEV = 3,
	AMP_RSC_LAST = 4,
	AMP_RSC_VENDOR_START = 128,
	AMP_RSC_VENDOR_END = 512,
};

/**
 * struct amp_rsc_table - header of a resource table
 * @ver: layout version, %AMP_RSC_TABLE_V1
 * @num: number of entries
 * @reserved: must be zero
 * @offset: byte offset of each entry from the start of the table
 */
struct amp_rsc_table {
	__u32 ver;
	__u32 num;
	__u32 reserved[2];
	__u32 offset[];
} AMP_RSC_PACKED;

/**
 * struct amp_rsc_hdr - header of every entry
 * @type: one of &enum amp_rsc_type
 * @data: the entry's body, whose layout depends on @type
 */
struct amp_rsc_hdr {
	__u32 type;
	__u8 data[];
} AMP_RSC_PACKED;

/**
 * struct amp_rsc_carveout - contiguous memory the remote needs
 * @da: device address the remote uses, or %AMP_RSC_ADDR_ANY
 * @pa: physical address, or %AMP_RSC_ADDR_ANY; written back by the host
 * @len: length in bytes
 * @flags: IOMMU protection flags
 * @reserved: must be zero
 * @name: NUL-terminated name, matched against the platform's regions
 */
struct amp_rsc_carveout {
	__u32 da;
	__u32 pa;
	__u32 len;
	__u32 flags;
	__u32 reserved;
	__u8 name[AMP_RSC_NAME_LEN];
} AMP_RSC_PACKED;

/**
 * struct amp_rsc_devmem - device memory the remote wants mapped
 * @da: device address
 * @pa: physical address
 * @len: length in bytes
 * @flags: IOMMU protection flags
 * @reserved: must be zero
 * @name: NUL-terminated name
 */
struct amp_rsc_devmem {
	__u32 da;
	__u32 pa;
	__u32 len;
	__u32 flags;
	__u32 reserved;
	__u8 name[AMP_RSC_NAME_LEN];
} AMP_RSC_PACKED;

/**
 * struct amp_rsc_trace - a trace buffer written by the remote
 * @da: device address of the buffer
 * @len: length of the buffer in bytes
 * @reserved: must be zero
 * @name: NUL-terminated name
 */
struct amp_rsc_trace {
	__u32 da;
	__u32 len;
	__u32 reserved;
	__u8 name[AMP_RSC_NAME_LEN];
} AMP_RSC_PACKED;

/**
 * struct amp_rsc_vring - one vring of a virtio device
 * @da: device address, or 0 / %AMP_RSC_ADDR_ANY for the host to choose
 * @align: alignment of the used ring, a power of two
 * @num: number of descriptors, a power of two
 * @notifyid: notification id, unique within the table
 * @pa: physical address; written back by the host
 */
struct amp_rsc_vring {
	__u32 da;
	__u32 align;
	__u32 num;
	__u32 notifyid;
	__u32 pa;
} AMP_RSC_PACKED;

/**
 * struct amp_rsc_vdev - a virtio device
 * @id: virtio device id (7 for rpmsg)
 * @notifyid: notification id of the device itself
 * @dfeatures: features the remote offers
 * @gfeatures: features the host accepted; written back by the host
 * @config_len: length of the config space following the vrings
 * @status: virtio status byte; written by the host
 * @num_of_vrings: number of &struct amp_rsc_vring following
 * @reserved: must be zero
 * @vring: the vrings, followed by @config_len bytes of config space
 */
struct amp_rsc_vdev {
	__u32 id;
	__u32 notifyid;
	__u32 dfeatures;
	__u32 gfeatures;
	__u32 config_len;
	__u8 status;
	__u8 num_of_vrings;
	__u8 reserved[2];
	struct amp_rsc_vring vring[];
} AMP_RSC_PACKED;

#endif /* __ASSEMBLER__ */

#endif /* AMP_RSC_TABLE_H */
