// SPDX-License-Identifier: GPL-2.0-only
/*
 * rpmsgbench: exchanges messages with an echoing remote endpoint through
 * an rpmsg character device (/dev/rpmsgN) and checks or times them.
 *
 *   rpmsgbench echo [-n COUNT] [-m MIN] [-M MAX] [-S SEED] DEV
 *	COUNT messages of MIN..MAX bytes, each echo compared byte for byte
 *   rpmsgbench latency [-n COUNT] [-s SIZE] DEV
 *	round-trip latency percentiles of SIZE-byte messages
 *   rpmsgbench throughput [-n COUNT] [-s SIZE] [-w WINDOW] DEV
 *	payload rate with up to WINDOW messages in flight
 *   rpmsgbench start [-n COUNT] [-a ADDR] RPROC
 *	time from "start" written to RPROC/state (a remoteproc's sysfs
 *	directory) until the rpmsg char device of remote address ADDR
 *	opens, COUNT times, stopping the remote after each
 *
 * Runs on the target (built static for the guests). Exit status: 0 when
 * every echo came back intact, 1 otherwise, 2 on bad usage.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <amp/internal/portable.h>

/* rpmsg's fixed buffer size less its 16-byte header. */
#define RB_MAX_PAYLOAD 496
/* An echo that takes longer than this is lost. */
#define RB_TIMEOUT_MS 5000
/* A remote that takes longer than this to start or stop is broken. */
#define RB_BOOT_TIMEOUT_MS 30000
/* The remote address of the reference firmware's echo endpoint. */
#define RB_ECHO_ADDR 0x400

struct rb_opts {
	unsigned long count;
	unsigned int min;
	unsigned int max;
	unsigned int size;
	unsigned int window;
	unsigned int addr;
	u32 seed;
};

static u32 rb_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

static u64 rb_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int rb_send(int fd, const u8 *buf, unsigned int len)
{
	ssize_t n = write(fd, buf, len);

	if (n != (ssize_t)len) {
		fprintf(stderr, "rpmsgbench: write of %u bytes: %s\n", len,
			n < 0 ? strerror(errno) : "short write");
		return -1;
	}
	return 0;
}

/* Receives one message; returns its length or -1. */
static int rb_recv(int fd, u8 *buf)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t n;
	int ret;

	ret = poll(&pfd, 1, RB_TIMEOUT_MS);
	if (ret <= 0) {
		fprintf(stderr, "rpmsgbench: no echo within %d ms%s%s\n",
			RB_TIMEOUT_MS, ret < 0 ? ": " : "",
			ret < 0 ? strerror(errno) : "");
		return -1;
	}
	n = read(fd, buf, RB_MAX_PAYLOAD + 1);
	if (n < 0) {
		fprintf(stderr, "rpmsgbench: read: %s\n", strerror(errno));
		return -1;
	}
	return (int)n;
}

static void rb_fill(u8 *buf, unsigned int len, u32 *state)
{
	unsigned int i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)rb_rand(state);
}

static int rb_echo(int fd, const struct rb_opts *o)
{
	u8 out[RB_MAX_PAYLOAD], in[RB_MAX_PAYLOAD + 1];
	unsigned long i, bytes = 0;
	u32 state = o->seed ? o->seed : 1;
	unsigned int len, span = o->max - o->min + 1, k;
	int n;

	for (i = 0; i < o->count; i++) {
		len = o->min + rb_rand(&state) % span;
		rb_fill(out, len, &state);
		if (rb_send(fd, out, len))
			return 1;
		n = rb_recv(fd, in);
		if (n < 0)
			return 1;
		if ((unsigned int)n != len) {
			fprintf(stderr, "rpmsgbench: message %lu: sent %u bytes, echo has %d\n",
				i, len, n);
			return 1;
		}
		for (k = 0; k < len; k++) {
			if (in[k] != out[k]) {
				fprintf(stderr,
					"rpmsgbench: message %lu (%u bytes): byte %u is 0x%02x, sent 0x%02x\n",
					i, len, k, in[k], out[k]);
				return 1;
			}
		}
		bytes += len;
	}
	printf("echo: %lu messages, %lu bytes, all intact\n", o->count, bytes);
	return 0;
}

static int rb_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static int rb_latency(int fd, const struct rb_opts *o)
{
	u8 out[RB_MAX_PAYLOAD], in[RB_MAX_PAYLOAD + 1];
	u32 state = 1;
	unsigned long i;
	u64 *lat, t;

	lat = calloc(o->count, sizeof(*lat));
	if (!lat)
		return 1;
	rb_fill(out, o->size, &state);
	for (i = 0; i < o->count; i++) {
		t = rb_now_ns();
		if (rb_send(fd, out, o->size) || rb_recv(fd, in) != (int)o->size) {
			free(lat);
			return 1;
		}
		lat[i] = rb_now_ns() - t;
	}
	qsort(lat, o->count, sizeof(*lat), rb_cmp_u64);
	printf("latency: %u bytes, %lu messages: p50 %.1f us, p99 %.1f us\n",
	       o->size, o->count, lat[o->count / 2] / 1000.0,
	       lat[o->count * 99 / 100] / 1000.0);
	free(lat);
	return 0;
}

static int rb_throughput(int fd, const struct rb_opts *o)
{
	u8 out[RB_MAX_PAYLOAD], in[RB_MAX_PAYLOAD + 1];
	unsigned long sent = 0, received = 0;
	u32 state = 1;
	u64 t;
	double secs;

	rb_fill(out, o->size, &state);
	t = rb_now_ns();
	while (received < o->count) {
		while (sent < o->count && sent - received < o->window) {
			if (rb_send(fd, out, o->size))
				return 1;
			sent++;
		}
		if (rb_recv(fd, in) != (int)o->size)
			return 1;
		received++;
	}
	secs = (rb_now_ns() - t) / 1e9;
	printf("throughput: %u bytes, %lu messages, window %u: %.2f MB/s, %.0f msg/s\n",
	       o->size, o->count, o->window, o->count * o->size / secs / 1e6,
	       o->count / secs);
	return 0;
}

/* Writes @val to the sysfs attribute @dir/@attr; 0 or -1. */
static int rb_sysfs_write(const char *dir, const char *attr, const char *val)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, attr);
	fd = open(path, O_WRONLY);
	if (fd < 0) {
		fprintf(stderr, "rpmsgbench: %s: %s\n", path, strerror(errno));
		return -1;
	}
	n = write(fd, val, strlen(val));
	if (n != (ssize_t)strlen(val))
		fprintf(stderr, "rpmsgbench: writing %s to %s: %s\n", val, path,
			n < 0 ? strerror(errno) : "short write");
	close(fd);
	return n == (ssize_t)strlen(val) ? 0 : -1;
}

/* Reads the first line of @dir/@name into @buf; 0 or -1. */
static int rb_sysfs_read(const char *dir, const char *name, char *buf,
			 size_t len)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return 0;
}

/* Is the rpmsg char device of remote address @addr there and usable? */
static bool rb_rpmsg_dev_opens(unsigned int addr)
{
	char dir[300], val[32], dev[300];
	struct dirent *e;
	bool found = false;
	DIR *d;
	int fd;

	d = opendir("/sys/class/rpmsg");
	if (!d)
		return false;
	while (!found && (e = readdir(d))) {
		if (strncmp(e->d_name, "rpmsg", 5) || e->d_name[5] < '0' ||
		    e->d_name[5] > '9')
			continue;
		snprintf(dir, sizeof(dir), "/sys/class/rpmsg/%s", e->d_name);
		if (rb_sysfs_read(dir, "dst", val, sizeof(val)) ||
		    strtoul(val, NULL, 0) != addr)
			continue;
		/* devtmpfs creates the node a moment after the class device. */
		snprintf(dev, sizeof(dev), "/dev/%s", e->d_name);
		fd = open(dev, O_RDWR);
		if (fd >= 0) {
			close(fd);
			found = true;
		}
	}
	closedir(d);
	return found;
}

static int rb_wait_state(const char *rproc, const char *state)
{
	u64 end = rb_now_ns() + RB_BOOT_TIMEOUT_MS * 1000000ull;
	char val[32];

	while (rb_now_ns() < end) {
		if (!rb_sysfs_read(rproc, "state", val, sizeof(val)) &&
		    !strcmp(val, state))
			return 0;
		usleep(1000);
	}
	fprintf(stderr, "rpmsgbench: %s/state is not %s after %d ms\n", rproc,
		state, RB_BOOT_TIMEOUT_MS);
	return -1;
}

static int rb_start(const char *rproc, const struct rb_opts *o)
{
	u64 *lat, t, end;
	unsigned long i;
	int ret = 1;

	lat = calloc(o->count, sizeof(*lat));
	if (!lat)
		return 1;
	if (rb_wait_state(rproc, "offline"))
		goto out;
	for (i = 0; i < o->count; i++) {
		t = rb_now_ns();
		end = t + RB_BOOT_TIMEOUT_MS * 1000000ull;
		if (rb_sysfs_write(rproc, "state", "start"))
			goto out;
		while (!rb_rpmsg_dev_opens(o->addr)) {
			if (rb_now_ns() > end) {
				fprintf(stderr,
					"rpmsgbench: start %lu: no device for 0x%x after %d ms\n",
					i, o->addr, RB_BOOT_TIMEOUT_MS);
				goto out;
			}
			usleep(200);
		}
		lat[i] = rb_now_ns() - t;
		if (rb_sysfs_write(rproc, "state", "stop") ||
		    rb_wait_state(rproc, "offline"))
			goto out;
	}
	qsort(lat, o->count, sizeof(*lat), rb_cmp_u64);
	printf("start: %lu starts: median %.1f ms, min %.1f ms, max %.1f ms\n",
	       o->count, lat[o->count / 2] / 1e6, lat[0] / 1e6,
	       lat[o->count - 1] / 1e6);
	ret = 0;
out:
	free(lat);
	return ret;
}

static void rb_usage(void)
{
	fprintf(stderr,
		"usage: rpmsgbench echo [-n COUNT] [-m MIN] [-M MAX] [-S SEED] DEV\n"
		"       rpmsgbench latency [-n COUNT] [-s SIZE] DEV\n"
		"       rpmsgbench throughput [-n COUNT] [-s SIZE] [-w WINDOW] DEV\n"
		"       rpmsgbench start [-n COUNT] [-a ADDR] RPROC_SYSFS_DIR\n"
		"sizes are payload bytes, 1..%d\n", RB_MAX_PAYLOAD);
	exit(2);
}

static unsigned long rb_num(const char *s, unsigned long lo, unsigned long hi)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || v < lo || v > hi) {
		fprintf(stderr, "rpmsgbench: '%s' is not a number in %lu..%lu\n",
			s, lo, hi);
		rb_usage();
	}
	return v;
}

int main(int argc, char **argv)
{
	struct rb_opts o = { .count = 1000, .min = 1, .max = RB_MAX_PAYLOAD,
			     .size = RB_MAX_PAYLOAD, .window = 8,
			     .addr = RB_ECHO_ADDR };
	const char *mode;
	int c, fd, ret;

	if (argc < 2)
		rb_usage();
	mode = argv[1];
	optind = 2;
	while ((c = getopt(argc, argv, "a:n:m:M:s:S:w:")) != -1) {
		switch (c) {
		case 'a':
			o.addr = rb_num(optarg, 0, U32_MAX);
			break;
		case 'n':
			o.count = rb_num(optarg, 1, 100000000);
			break;
		case 'm':
			o.min = rb_num(optarg, 1, RB_MAX_PAYLOAD);
			break;
		case 'M':
			o.max = rb_num(optarg, 1, RB_MAX_PAYLOAD);
			break;
		case 's':
			o.size = rb_num(optarg, 1, RB_MAX_PAYLOAD);
			break;
		case 'S':
			o.seed = rb_num(optarg, 0, U32_MAX);
			break;
		case 'w':
			o.window = rb_num(optarg, 1, 256);
			break;
		default:
			rb_usage();
		}
	}
	if (optind != argc - 1 || o.min > o.max)
		rb_usage();

	if (!strcmp(mode, "start"))
		return rb_start(argv[optind], &o);

	fd = open(argv[optind], O_RDWR);
	if (fd < 0) {
		fprintf(stderr, "rpmsgbench: %s: %s\n", argv[optind],
			strerror(errno));
		return 1;
	}
	if (!strcmp(mode, "echo"))
		ret = rb_echo(fd, &o);
	else if (!strcmp(mode, "latency"))
		ret = rb_latency(fd, &o);
	else if (!strcmp(mode, "throughput"))
		ret = rb_throughput(fd, &o);
	else
		rb_usage();
	close(fd);
	return ret;
}
