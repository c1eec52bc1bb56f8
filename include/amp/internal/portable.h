/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Environment for the source files that are built both into kernel modules
 * and into host tools (the resource-table parser, the firmware image
 * validator). Such files include this header and nothing else from the
 * platform, so the kernel and the tools run the same code on the same bytes.
 */
#ifndef AMP_PORTABLE_H
#define AMP_PORTABLE_H

#ifdef __KERNEL__

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/overflow.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/byteorder.h>

#include "compat.h"

#else /* host */

#include <assert.h>
#include <endian.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;

#define le16_to_cpu(x) le16toh(x)
#define le32_to_cpu(x) le32toh(x)
#define le64_to_cpu(x) le64toh(x)
#define cpu_to_le32(x) htole32(x)
#define cpu_to_le64(x) htole64(x)

#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#ifndef U32_MAX
#define U32_MAX ((u32)~0U)
#endif

#ifndef __printf
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#endif

#ifndef BIT_ULL
#define BIT_ULL(nr) (1ULL << (nr))
#endif

/*
 * In the kernel the parsers are a module (amp_lib.ko) exporting their entry
 * points right after each function; a host program has nothing to export,
 * so this expands to a harmless declaration that keeps the trailing ';'
 * valid.
 */
#define EXPORT_SYMBOL_GPL(sym) \
	struct amp_unexported_##sym

static inline bool is_power_of_2(u64 n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

static inline u16 get_unaligned_le16(const void *p)
{
	u16 v;

	memcpy(&v, p, sizeof(v));
	return le16toh(v);
}

static inline u32 get_unaligned_le32(const void *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return le32toh(v);
}

static inline u64 get_unaligned_le64(const void *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return le64toh(v);
}

static inline void put_unaligned_le32(u32 val, void *p)
{
	val = htole32(val);
	memcpy(p, &val, sizeof(val));
}

static inline void put_unaligned_le64(u64 val, void *p)
{
	val = htole64(val);
	memcpy(p, &val, sizeof(val));
}

#endif /* __KERNEL__ */

#endif /* AMP_PORTABLE_H */
