// SPDX-License-Identifier: GPL-2.0-only
/*
 * rsctool - inspect and validate remoteproc firmware resource tables.
 *
 * The image validator and the table parser are the kernel's own sources
 * compiled for the host, so "check" rejects exactly what the driver would,
 * with the same messages.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dump.h"
#include "image.h"

#ifndef RSCTOOL_VERSION
#define RSCTOOL_VERSION "0.1"
#endif

#define RSCTOOL_MAX_REGIONS 16

#define RSCTOOL_EXIT_OK 0
#define RSCTOOL_EXIT_INVALID 1
#define RSCTOOL_EXIT_USAGE 2

struct rsctool_region {
	u64 da;
	u64 len;
};

struct rsctool_regions {
	unsigned int num;
	struct rsctool_region r[RSCTOOL_MAX_REGIONS];
};

static const char rsctool_usage_text[] =
	"usage: rsctool [options] dump FILE\n"
	"       rsctool [options] check FILE...\n"
	"\n"
	"FILE is an ELF32/ELF64 little-endian firmware image (its\n"
	AMP_RSC_SECTION " section is used) or a raw resource table.\n"
	"\n"
	"commands:\n"
	"  dump          print the resource table\n"
	"  check         validate the image and its table as the kernel does\n"
	"\n"
	"options:\n"
	"  -j, --json            dump: print one JSON object\n"
	"  -m, --mem DA:LEN      check: the remote owns [DA, DA+LEN); every\n"
	"                        loadable segment must lie inside one such\n"
	"                        region (repeatable, up to 16)\n"
	"  -h, --help            show this help and exit\n"
	"  -V, --version         show the version and exit\n"
	"\n"
	"exit status: 0 valid, 1 invalid or unreadable, 2 usage error\n";

static const char rsctool_bad_mem[] =
	"bad --mem region (want DA:LEN with LEN > 0, at most 16 regions)";

static void rsctool_usage(FILE *out)
{
	fputs(rsctool_usage_text, out);
}

static int rsctool_bad_usage(const char *why)
{
	fprintf(stderr, "rsctool: %s\n", why);
	rsctool_usage(stderr);
	return RSCTOOL_EXIT_USAGE;
}

static bool rsctool_owns(void *ctx, u64 da, u64 len)
{
	const struct rsctool_regions *regs = ctx;
	const struct rsctool_region *r;
	unsigned int i;

	for (i = 0; i < regs->num; i++) {
		r = &regs->r[i];
		if (da >= r->da && len <= r->len && da - r->da <= r->len - len)
			return true;
	}
	return false;
}

/* Is the table's load address covered by a segment?  Else the host
 * cannot find the copy the remote reads.
 */
static int rsctool_table_loaded(void *ctx, const struct fw_elf_segment *seg)
{
	const struct rsctool_image *im = ctx;
	u64 skip = im->table_addr - seg->da;

	/* Written without da + memsz, which may be 2^64 for a top segment. */
	return im->table_addr >= seg->da && skip < seg->memsz &&
	       im->table_size <= seg->memsz - skip;
}

static void rsctool_summary(const struct rsctool_image *im, char *buf,
			    size_t len)
{
	size_t pos = 0;
	u32 i;

	if (im->is_elf)
		pos += snprintf(buf, len,
				"ELF%u %s, entry 0x%llx, %u loadable segment%s, ",
				im->elf.info.bits,
				rsctool_machine_name(im->elf.info.machine),
				ULL(im->elf.info.entry), im->elf.info.nr_load,
				im->elf.info.nr_load == 1 ? "" : "s");
	else
		pos += snprintf(buf, len, "raw table, ");
	if (!im->has_table) {
		snprintf(buf + pos, len - pos, "no resource table");
		return;
	}
	pos += snprintf(buf + pos, len - pos,
			"resource table 0x%zx bytes, %u entr%s", im->table_size,
			im->num, im->num == 1 ? "y" : "ies");
	for (i = 0; i < im->num && pos < len; i++)
		pos += snprintf(buf + pos, len - pos, "%s%s", i ? ", " : " (",
				rsc_parse_type_name(im->entries[i].type));
	if (im->num && pos < len)
		snprintf(buf + pos, len - pos, ")");
}

static int rsctool_check_one(const char *path,
			     const struct rsctool_regions *regs)
{
	struct rsctool_image im = { .path = path };
	char msg[RSCTOOL_MSG_LEN];
	char summary[512];
	struct fw_elf_error err;
	int ret = RSCTOOL_EXIT_INVALID;

	if (rsctool_load(&im, msg, sizeof(msg))) {
		fprintf(stderr, "%s: %s\n", path, msg);
		goto out;
	}
	if (im.is_elf && regs->num &&
	    fw_elf_check_owned(&im.elf, rsctool_owns, (void *)regs, &err)) {
		fprintf(stderr, "%s: ELF: %s\n", path, err.msg);
		goto out;
	}
	if (im.is_elf && im.has_table &&
	    !fw_elf_walk_segments(&im.elf, rsctool_table_loaded, &im))
		fprintf(stderr,
			"%s: warning: %s (sh_addr 0x%llx) is not inside a loadable segment\n",
			path, AMP_RSC_SECTION, ULL(im.table_addr));

	rsctool_summary(&im, summary, sizeof(summary));
	printf("%s: ok: %s\n", path, summary);
	ret = RSCTOOL_EXIT_OK;
out:
	rsctool_unload(&im);
	return ret;
}

static int rsctool_dump(const char *path, bool json)
{
	struct rsctool_image im = { .path = path };
	char msg[RSCTOOL_MSG_LEN];
	int ret = RSCTOOL_EXIT_INVALID;

	if (rsctool_load(&im, msg, sizeof(msg))) {
		fprintf(stderr, "%s: %s\n", path, msg);
		goto out;
	}
	if (json)
		rsctool_dump_json(&im);
	else
		rsctool_dump_text(&im);
	ret = RSCTOOL_EXIT_OK;
out:
	rsctool_unload(&im);
	return ret;
}

/* Parses a number ending at @stop; returns what follows it, or NULL. */
static const char *rsctool_parse_u64(const char *s, char stop, u64 *val)
{
	unsigned long long v;
	char *end;

	if (*s < '0' || *s > '9')
		return NULL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end != stop)
		return NULL;
	*val = v;
	return stop ? end + 1 : end;
}

static int rsctool_add_region(struct rsctool_regions *regs, const char *arg)
{
	const char *rest;
	u64 da, len;

	if (regs->num >= RSCTOOL_MAX_REGIONS)
		return -1;
	rest = rsctool_parse_u64(arg, ':', &da);
	if (!rest || !rsctool_parse_u64(rest, '\0', &len) || !len)
		return -1;
	regs->r[regs->num].da = da;
	regs->r[regs->num].len = len;
	regs->num++;
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "mem", required_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct rsctool_regions regs = { 0 };
	bool json = false;
	const char *cmd;
	int opt, i, ret;

	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":jm:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			json = true;
			break;
		case 'm':
			if (rsctool_add_region(&regs, optarg))
				return rsctool_bad_usage(rsctool_bad_mem);
			break;
		case 'h':
			rsctool_usage(stdout);
			return RSCTOOL_EXIT_OK;
		case 'V':
			printf("rsctool %s (resource table v%u)\n",
			       RSCTOOL_VERSION, AMP_RSC_TABLE_V1);
			return RSCTOOL_EXIT_OK;
		case ':':
			return rsctool_bad_usage("option needs an argument");
		default:
			return rsctool_bad_usage("unknown option");
		}
	}

	if (optind >= argc)
		return rsctool_bad_usage("missing command");
	cmd = argv[optind++];

	if (!strcmp(cmd, "dump")) {
		if (regs.num)
			return rsctool_bad_usage("--mem applies to check only");
		if (argc - optind != 1)
			return rsctool_bad_usage("dump takes exactly one FILE");
		return rsctool_dump(argv[optind], json);
	}
	if (!strcmp(cmd, "check")) {
		if (json)
			return rsctool_bad_usage("--json applies to dump only");
		if (optind >= argc)
			return rsctool_bad_usage("check needs a FILE");
		ret = RSCTOOL_EXIT_OK;
		for (i = optind; i < argc; i++)
			if (rsctool_check_one(argv[i], &regs))
				ret = RSCTOOL_EXIT_INVALID;
		return ret;
	}
	return rsctool_bad_usage("unknown command");
}
