// SPDX-License-Identifier: GPL-2.0-only
/*
 * Firmware images of the amp_rproc driver: validated by the project's ELF
 * validator (fw_elf.c, shared with rsctool), so the kernel rejects exactly
 * what the host tool rejects, with the same message naming the segment or
 * section and the reason.
 */

#include <linux/device.h>
#include <linux/elf.h>
#include <linux/firmware.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include <amp/fw_elf.h>
#include <amp/rsc.h>

#include "amp_rproc.h"

#define AMP_RPROC_ELF_RSC_SECTION ".resource_table"

static int amp_rproc_elf_report(struct amp_rproc *ar, const char *fw_name,
				const struct fw_elf_error *err, int ret)
{
	dev_err(ar->dev, "%s: %s\n", fw_name ? fw_name : "firmware", err->msg);
	return ret;
}

int amp_rproc_elf_sanity_check(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;
	struct fw_elf_error err = {};
	struct fw_elf_info info;
	int ret;

	ret = fw_elf_check(fw->data, fw->size, &info, &err);
	if (ret)
		return amp_rproc_elf_report(ar, rproc->firmware, &err, ret);
	ret = fw_elf_check_segments(fw->data, fw->size, amp_rproc_mem_owns, ar,
				    &err);
	if (ret)
		return amp_rproc_elf_report(ar, rproc->firmware, &err, ret);

	ar->elf64 = info.bits == 64;
	rproc_coredump_set_elf_info(rproc,
				    ar->elf64 ? ELFCLASS64 : ELFCLASS32,
				    info.machine);
	return 0;
}

u64 amp_rproc_elf_get_boot_addr(struct rproc *rproc, const struct firmware *fw)
{
	struct fw_elf_info info;

	/* sanity_check() has accepted the image already. */
	if (fw_elf_check(fw->data, fw->size, &info, NULL))
		return 0;
	return info.entry;
}

/**
 * struct amp_rproc_elf_load_ctx - what each segment is loaded with
 * @ar: the driver instance
 * @data: the image
 */
struct amp_rproc_elf_load_ctx {
	struct amp_rproc *ar;
	const u8 *data;
};

static int amp_rproc_elf_load_segment(void *ctx,
				      const struct fw_elf_segment *seg)
{
	struct amp_rproc_elf_load_ctx *lc = ctx;
	struct amp_rproc *ar = lc->ar;
	struct amp_rproc_region *r;
	void *va;

	r = amp_rproc_mem_find(ar, seg->da, seg->memsz);
	if (!r || !r->va) {
		dev_err(ar->dev, "segment %u: da 0x%llx memsz 0x%llx is not inside mapped memory the remote owns\n",
			seg->index, seg->da, seg->memsz);
		return -EINVAL;
	}
	va = r->va + (seg->da - r->da);
	memcpy(va, lc->data + seg->offset, seg->filesz);
	/* .bss, stacks and trace buffers: the remote expects them zeroed. */
	memset(va + seg->filesz, 0, seg->memsz - seg->filesz);
	return 0;
}

int amp_rproc_elf_load(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;
	struct amp_rproc_elf_load_ctx lc = { .ar = ar, .data = fw->data };
	struct fw_elf_error err = {};
	int ret;

	/*
	 * Check every segment before writing any: a rejected image must
	 * leave the remote's memory as it was.
	 */
	ret = fw_elf_check_segments(fw->data, fw->size, amp_rproc_mem_owns, ar,
				    &err);
	if (ret)
		return amp_rproc_elf_report(ar, rproc->firmware, &err, ret);

	return fw_elf_walk_segments(fw->data, fw->size,
				    amp_rproc_elf_load_segment, &lc, NULL);
}

int amp_rproc_elf_parse_fw(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;
	struct fw_elf_error err = {};
	struct fw_elf_section sec;
	int ret;

	if (ar->core_rsc_table) {
		ret = rproc_elf_load_rsc_table(rproc, fw);
		if (ret == -EINVAL)
			dev_info(ar->dev, "no usable resource table, booting without one\n");
		else if (ret)
			return ret;
		amp_rproc_mem_add_coredump(ar);
		return 0;
	}

	ret = fw_elf_find_section(fw->data, fw->size, AMP_RPROC_ELF_RSC_SECTION,
				  &sec, &err);
	if (ret && ret != -ENOENT)
		return amp_rproc_elf_report(ar, rproc->firmware, &err, ret);
	if (ret) {
		dev_dbg(ar->dev, "no resource table, booting without one\n");
	} else {
		/* Leaves rproc->table_ptr NULL: the core stays out of it. */
		ret = amp_rsc_load(ar->rsc, fw->data + sec.offset, sec.size,
				   sec.addr);
		if (ret)
			return ret;
	}
	amp_rproc_mem_add_coredump(ar);
	return 0;
}
