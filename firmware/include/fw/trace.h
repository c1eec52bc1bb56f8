/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * Trace log: lines of text in a buffer Linux can read while the remote
 * runs (a remoteproc trace resource, or a test). The buffer holds one
 * NUL-terminated string; when a line does not fit, writing starts over at
 * the beginning.
 *
 * Formats: %c %s %d %i %u %x %X %p %%, with a '0' flag, a width and an
 * 'l' length modifier.
 */
#ifndef FW_TRACE_H
#define FW_TRACE_H

#include <stdarg.h>
#include <stddef.h>

#include <fw/arch.h>

void fw_trace_init(char *buf, size_t size);
void fw_trace(const char *fmt, ...) __printf(1, 2);
/* Bytes of the log in use: the next line starts there. */
size_t fw_trace_used(void);
void fw_vtrace(const char *fmt, va_list ap);

#endif /* FW_TRACE_H */
