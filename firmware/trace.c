// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Trace log writer with a small printf-like formatter. Decimal output
 * only divides by the constant 10, which compilers turn into a multiply:
 * no libgcc division helpers are needed on arm.
 */

#include <stdint.h>

#include <fw/trace.h>

static char *fw_trace_buf_start;
static size_t fw_trace_size;
static size_t fw_trace_pos;

void fw_trace_init(char *buf, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		buf[i] = 0;
	fw_trace_buf_start = buf;
	fw_trace_size = size;
	fw_trace_pos = 0;
}

size_t fw_trace_used(void)
{
	return fw_trace_pos;
}

static void fw_trace_putc(char c)
{
	/* Keep room for the terminating NUL. */
	if (fw_trace_pos + 1 >= fw_trace_size)
		fw_trace_pos = 0;
	fw_trace_buf_start[fw_trace_pos++] = c;
}

static void fw_trace_pad(unsigned int n, char c)
{
	while (n--)
		fw_trace_putc(c);
}

static void fw_trace_str(const char *s, unsigned int width)
{
	unsigned int len = 0;

	if (!s)
		s = "(null)";
	while (s[len])
		len++;
	if (width > len)
		fw_trace_pad(width - len, ' ');
	while (*s)
		fw_trace_putc(*s++);
}

static void fw_trace_num(unsigned long v, int hex, int upper, int neg,
			 unsigned int width, char pad)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	unsigned int n = 0;

	do {
		if (hex) {
			tmp[n++] = digits[v & 0xf];
			v >>= 4;
		} else {
			tmp[n++] = digits[v % 10];
			v /= 10;
		}
	} while (v);
	if (neg)
		tmp[n++] = '-';
	if (width > n)
		fw_trace_pad(width - n, pad);
	while (n)
		fw_trace_putc(tmp[--n]);
}

void fw_vtrace(const char *fmt, va_list ap)
{
	if (!fw_trace_size)
		return;

	for (; *fmt; fmt++) {
		unsigned int width = 0;
		int is_long = 0;
		char pad = ' ';
		unsigned long v;
		long sv;

		if (*fmt != '%') {
			fw_trace_putc(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			pad = '0';
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (unsigned int)(*fmt++ - '0');
		if (*fmt == 'l') {
			is_long = 1;
			fmt++;
		}

		switch (*fmt) {
		case 'c':
			fw_trace_putc((char)va_arg(ap, int));
			break;
		case 's':
			fw_trace_str(va_arg(ap, const char *), width);
			break;
		case 'd':
		case 'i':
			sv = is_long ? va_arg(ap, long) : va_arg(ap, int);
			v = sv < 0 ? 0UL - (unsigned long)sv : (unsigned long)sv;
			fw_trace_num(v, 0, 0, sv < 0, width, pad);
			break;
		case 'u':
		case 'x':
		case 'X':
			v = is_long ? va_arg(ap, unsigned long) :
				      va_arg(ap, unsigned int);
			fw_trace_num(v, *fmt != 'u', *fmt == 'X', 0, width, pad);
			break;
		case 'p':
			fw_trace_str("0x", 0);
			fw_trace_num((uintptr_t)va_arg(ap, void *), 1, 0, 0,
				     2 * sizeof(void *), '0');
			break;
		case '%':
			fw_trace_putc('%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			fw_trace_putc('%');
			fw_trace_putc(*fmt);
			break;
		}
	}
	/* Linux reads up to the first NUL: end the log after this line. */
	fw_trace_buf_start[fw_trace_pos] = 0;
}

void fw_trace(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fw_vtrace(fmt, ap);
	va_end(ap);
}
