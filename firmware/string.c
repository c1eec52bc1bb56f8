// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * The compiler may emit calls to memset() and memcpy() even in
 * freestanding code (structure copies and initialisation). Byte loops:
 * with the MMU off, wider unaligned accesses would fault.
 */

#include <fw/string.h>

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

int fw_strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}
