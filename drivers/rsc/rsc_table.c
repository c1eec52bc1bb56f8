// SPDX-License-Identifier: GPL-2.0-only
/*
 * Access to the table the remote reads, between the subdevice's prepare
 * and unprepare: in the remote's memory where the ELF loader put it, or
 * where a running remote keeps it. Every access is bounded by the size of
 * the validated snapshot, and writes stop once the table is frozen: after
 * stop the remote is either halted or keeps running detached and owns the
 * table.
 */

#include <linux/io.h>
#include <linux/overflow.h>
#include <linux/string.h>

#include "rsc_priv.h"

static bool amp_rsc_table_range_ok(struct amp_rsc *rsc, u32 off, size_t len)
{
	size_t end;

	if (!rsc->table)
		return false;
	if (check_add_overflow((size_t)off, len, &end) || end > rsc->size)
		return false;
	return true;
}

/* Out of range or with no table, @buf reads as zeroes. */
void amp_rsc_table_read(struct amp_rsc *rsc, u32 off, void *buf, size_t len)
{
	if (!amp_rsc_table_range_ok(rsc, off, len)) {
		memset(buf, 0, len);
		return;
	}
	if (rsc->table_iomem)
		memcpy_fromio(buf, (void __iomem __force *)rsc->table + off,
			      len);
	else
		memcpy(buf, rsc->table + off, len);
}

void amp_rsc_table_write(struct amp_rsc *rsc, u32 off, const void *buf,
			 size_t len)
{
	if (rsc->frozen || !amp_rsc_table_range_ok(rsc, off, len))
		return;
	if (rsc->table_iomem)
		memcpy_toio((void __iomem __force *)rsc->table + off, buf, len);
	else
		memcpy(rsc->table + off, buf, len);
}

void amp_rsc_table_write32(struct amp_rsc *rsc, u32 off, u32 val)
{
	__le32 le = cpu_to_le32(val);

	amp_rsc_table_write(rsc, off, &le, sizeof(le));
}

void amp_rsc_table_write8(struct amp_rsc *rsc, u32 off, u8 val)
{
	amp_rsc_table_write(rsc, off, &val, 1);
}
