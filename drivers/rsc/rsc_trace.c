// SPDX-License-Identifier: GPL-2.0-only
/*
 * Trace buffers of the resource table handler, as debugfs files traceN in
 * the rproc's debugfs directory.
 *
 * The remote writes the buffer while the host reads it, and nothing
 * guarantees a NUL in it: a read takes one copy of at most the entry's
 * length and stops at the first NUL in that copy, if any.
 */

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/minmax.h>
#include <linux/remoteproc.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/internal/compat.h>

#include "rsc_priv.h"

/* Most bytes one read of a trace file looks at. */
#define AMP_RSC_TRACE_MAX SZ_1M

ssize_t amp_rsc_trace_copy(struct rsc_trace *tr, char *buf, size_t len)
{
	struct amp_rsc *rsc = tr->rsc;
	bool iomem = false;
	size_t n;
	void *va;
	char *nul;

	n = min_t(u64, len, tr->e->trace.len);
	va = rproc_da_to_va(rsc->rproc, tr->e->trace.da, n, &iomem);
	if (!va)
		return -EFAULT;
	if (iomem)
		memcpy_fromio(buf, (const void __iomem __force *)va, n);
	else
		memcpy(buf, va, n);
	nul = memchr(buf, '\0', n);
	return nul ? nul - buf : n;
}
EXPORT_SYMBOL_IF_KUNIT(amp_rsc_trace_copy);

static ssize_t amp_rsc_trace_read(struct file *file, char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct rsc_trace *tr = file->private_data;
	size_t len = min_t(u64, tr->e->trace.len, AMP_RSC_TRACE_MAX);
	ssize_t n, ret;
	char *buf;

	buf = kvmalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	n = amp_rsc_trace_copy(tr, buf, len);
	if (n < 0)
		ret = n;
	else
		ret = simple_read_from_buffer(ubuf, count, ppos, buf, n);
	kvfree(buf);
	return ret;
}

static const struct file_operations amp_rsc_trace_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = amp_rsc_trace_read,
	.llseek = generic_file_llseek,
};

void amp_rsc_trace_add(struct rsc_trace *tr)
{
	struct dentry *dir = amp_rproc_debugfs_dir(tr->rsc->rproc);
	char name[16];

	/* No directory: debugfs is off or the rproc is not added. */
	if (!dir || IS_ERR(dir))
		return;
	snprintf(name, sizeof(name), "trace%u", tr->index);
	tr->file = debugfs_create_file(name, 0400, dir, tr,
				       &amp_rsc_trace_fops);
	if (IS_ERR(tr->file))
		tr->file = NULL;
}

void amp_rsc_trace_remove(struct rsc_trace *tr)
{
	/* Waits for readers still inside amp_rsc_trace_read(). */
	debugfs_remove(tr->file);
	tr->file = NULL;
}
