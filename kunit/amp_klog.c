// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the kernel logged after a point of a test. A case that expects a
 * message (a refusal naming its reason, a crash being handled) marks the
 * log first and looks only at what follows the mark, so a message an
 * earlier case or suite printed cannot make it pass.
 */

#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/kmsg_dump.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "amp_kunit_util.h"

/* Longest log line looked at; longer ones are cut. */
#define AMP_KLOG_LINE 512

static atomic64_t amp_klog_marks = ATOMIC64_INIT(0);

/**
 * amp_klog_mark() - mark the current end of the kernel's log
 * @test: the running test
 * @mark: filled in; pass it to amp_klog_count_since()
 *
 * Logs one line, "amp_klog: mark N", with N unique for this boot.
 */
void amp_klog_mark(struct kunit *test, struct amp_klog_mark *mark)
{
	mark->seq = atomic64_inc_return(&amp_klog_marks);
	pr_info("amp_klog: mark %llu (%s)\n", mark->seq, test->name);
}
EXPORT_SYMBOL_GPL(amp_klog_mark);

/**
 * amp_klog_count_since() - count log lines after a mark holding a string
 * @mark: a mark from amp_klog_mark()
 * @needle: what a line must contain
 *
 * Return: the number of lines logged after @mark that contain @needle; 0
 * when the mark is no longer in the log buffer.
 */
unsigned int amp_klog_count_since(const struct amp_klog_mark *mark,
				  const char *needle)
{
	struct kmsg_dump_iter iter;
	char marker[48];
	unsigned int n = 0;
	bool after = false;
	size_t len;
	char *line;

	line = kmalloc(AMP_KLOG_LINE + 1, GFP_KERNEL);
	if (!line)
		return 0;
	snprintf(marker, sizeof(marker), "amp_klog: mark %llu ", mark->seq);
	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, AMP_KLOG_LINE, &len)) {
		line[len] = '\0';
		if (!after)
			after = strstr(line, marker);
		else if (strstr(line, needle))
			n++;
	}
	kfree(line);
	return n;
}
EXPORT_SYMBOL_GPL(amp_klog_count_since);
