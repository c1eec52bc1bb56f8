/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/* The few C library functions the firmware provides itself (string.c). */
#ifndef FW_STRING_H
#define FW_STRING_H

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int fw_strncmp(const char *a, const char *b, size_t n);

#endif /* FW_STRING_H */
