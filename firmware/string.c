// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * The compiler may emit calls to memset() and memcpy() even in
 * freestanding code (structure copies and initialisation). Byte loops:
 * with the MMU off, wider unaligned accesses would fault.
 */

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}
