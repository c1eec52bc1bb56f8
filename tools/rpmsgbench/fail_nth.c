// SPDX-License-Identifier: GPL-2.0-only
/*
 * fail-nth: writes a string to a file with the kernel's N-th allocation
 * in that write failing (fault injection's /proc/thread-self/fail-nth,
 * which counts failslab and fail_page_alloc sites alike).
 *
 *   fail-nth N FILE STRING
 *
 * FILE is opened before the count starts, so only what the write does
 * (a sysfs store: start, stop, bind, ...) is counted. Prints one line,
 *   "injected <result>" or "not-reached <result>",
 * where result is "ok" or the write's error (e.g. "ENOMEM"): "not-reached"
 * means the write made fewer than N allocations. The count is cleared
 * before the tool exits. Runs on the target (built static for the
 * guests). Exit status: 0 when the line was printed, 2 on bad usage or
 * when fault injection is not available.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *fn_errname(int err)
{
	switch (err) {
	case 0: return "ok";
	case ENOMEM: return "ENOMEM";
	case EINVAL: return "EINVAL";
	case EBUSY: return "EBUSY";
	case ENODEV: return "ENODEV";
	case ENOENT: return "ENOENT";
	case EIO: return "EIO";
	case ETIMEDOUT: return "ETIMEDOUT";
	default: return NULL;
	}
}

int main(int argc, char **argv)
{
	char num[16], got[16];
	const char *name;
	unsigned long n;
	int target, nth, err;
	ssize_t len;
	char *end;

	if (argc != 4) {
		fprintf(stderr, "usage: fail-nth N FILE STRING\n");
		return 2;
	}
	n = strtoul(argv[1], &end, 10);
	if (*end || n == 0 || n > 1000000) {
		fprintf(stderr, "fail-nth: N must be 1 to 1000000, not %s\n",
			argv[1]);
		return 2;
	}
	nth = open("/proc/thread-self/fail-nth", O_RDWR);
	if (nth < 0) {
		fprintf(stderr, "fail-nth: /proc/thread-self/fail-nth: %s\n",
			strerror(errno));
		return 2;
	}
	target = open(argv[2], O_WRONLY);
	if (target < 0) {
		fprintf(stderr, "fail-nth: %s: %s\n", argv[2], strerror(errno));
		return 2;
	}

	len = snprintf(num, sizeof(num), "%lu", n);
	if (write(nth, num, len) != len) {
		fprintf(stderr, "fail-nth: cannot arm: %s\n", strerror(errno));
		return 2;
	}
	/* Nothing but the write between arming and reading back. */
	err = write(target, argv[3], strlen(argv[3])) < 0 ? errno : 0;
	len = pread(nth, got, sizeof(got) - 1, 0);
	/* Disarm before anything else allocates. */
	if (write(nth, "0", 1) != 1 || len <= 0) {
		fprintf(stderr, "fail-nth: cannot read back or disarm\n");
		return 2;
	}
	got[len] = '\0';

	name = fn_errname(err);
	printf("%s ", atoi(got) == 0 ? "injected" : "not-reached");
	if (name)
		printf("%s\n", name);
	else
		printf("E%d\n", err);
	return 0;
}
