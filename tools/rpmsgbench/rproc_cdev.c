// SPDX-License-Identifier: GPL-2.0-only
/*
 * rproc-cdev: drives a remote processor through the remoteproc character
 * device (/dev/remoteprocN), the one interface busybox cannot use alone
 * because of its ioctl.
 *
 *   rproc-cdev [-s 0|1] [-w CMD] [-h] DEV
 *	-s N	set RPROC_SET_SHUTDOWN_ON_RELEASE to N and read it back
 *	-w CMD	write CMD ("start", "stop" or "detach") to DEV
 *	-h	keep DEV open until standard input ends, then close it
 *
 * The steps run in that order on one open file, so a test can check what
 * closing it does. Runs on the target (built static for the guests). Exit
 * status: 0 when every step worked, 1 otherwise, 2 on bad usage.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/remoteproc_cdev.h>

static void rc_usage(void)
{
	fprintf(stderr,
		"usage: rproc-cdev [-s 0|1] [-w start|stop|detach] [-h] DEV\n"
		"  -s N    set shutdown-on-release to N (read back to check)\n"
		"  -w CMD  write CMD to DEV\n"
		"  -h      hold DEV open until stdin ends, then close it\n");
	exit(2);
}

static int rc_set_release(int fd, int on)
{
	__s32 v = on, got = -1;

	if (ioctl(fd, RPROC_SET_SHUTDOWN_ON_RELEASE, &v)) {
		fprintf(stderr, "rproc-cdev: RPROC_SET_SHUTDOWN_ON_RELEASE: %s\n",
			strerror(errno));
		return -1;
	}
	if (ioctl(fd, RPROC_GET_SHUTDOWN_ON_RELEASE, &got)) {
		fprintf(stderr, "rproc-cdev: RPROC_GET_SHUTDOWN_ON_RELEASE: %s\n",
			strerror(errno));
		return -1;
	}
	printf("shutdown-on-release: %d\n", got);
	if (got != v) {
		fprintf(stderr, "rproc-cdev: shutdown-on-release reads %d, set %d\n",
			got, v);
		return -1;
	}
	return 0;
}

static int rc_write(int fd, const char *cmd)
{
	/* The core compares the bytes written, so no newline. */
	ssize_t n = write(fd, cmd, strlen(cmd));

	if (n != (ssize_t)strlen(cmd)) {
		fprintf(stderr, "rproc-cdev: write \"%s\": %s\n", cmd,
			n < 0 ? strerror(errno) : "short write");
		return -1;
	}
	return 0;
}

static void rc_hold(void)
{
	char buf[64];

	while (read(STDIN_FILENO, buf, sizeof(buf)) > 0)
		;
}

int main(int argc, char **argv)
{
	const char *cmd = NULL;
	int release = -1, hold = 0, c, fd, ret = 0;

	while ((c = getopt(argc, argv, "s:w:h")) != -1) {
		switch (c) {
		case 's':
			if (strcmp(optarg, "0") && strcmp(optarg, "1"))
				rc_usage();
			release = atoi(optarg);
			break;
		case 'w':
			cmd = optarg;
			break;
		case 'h':
			hold = 1;
			break;
		default:
			rc_usage();
		}
	}
	if (optind != argc - 1)
		rc_usage();

	fd = open(argv[optind], O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "rproc-cdev: %s: %s\n", argv[optind],
			strerror(errno));
		return 1;
	}
	if (release >= 0 && rc_set_release(fd, release))
		ret = 1;
	if (!ret && cmd && rc_write(fd, cmd))
		ret = 1;
	fflush(stdout);
	if (hold)
		rc_hold();
	if (close(fd)) {
		fprintf(stderr, "rproc-cdev: close: %s\n", strerror(errno));
		ret = 1;
	}
	return ret;
}
