// SPDX-License-Identifier: GPL-2.0-only
/*
 * Firmware images of the amp_rproc driver: validated by the project's ELF
 * validator (lib/fw_elf.c, shared with rsctool), so the kernel rejects
 * exactly what the host tool rejects, with the same message naming the
 * segment or section and the reason.
 *
 * The core hands one firmware to sanity_check, get_boot_addr, parse_fw and
 * load in turn. The image is validated once, by sanity_check, and the
 * result is kept until load, the last of them, has used it. Crash recovery
 * calls load alone with a firmware it has just requested again: that one
 * is validated there, before a byte of it is written.
 */

#include <linux/device.h>
#include <linux/elf.h>
#include <linux/err.h>
#include <linux/firmware.h>
#include <linux/remoteproc.h>
#include <linux/string.h>

#include <amp/internal/fw_elf.h>

#include "amp_rproc.h"

/*
 * Validates @fw into ar->image: the image itself, then that every segment
 * lies inside memory the remote owns, so a rejected image leaves the
 * remote's memory as it was.
 */
static int amp_rproc_elf_validate(struct amp_rproc *ar,
				  const struct firmware *fw)
{
	struct fw_elf_error err = {};
	int ret;

	ar->image_fw = NULL;
	ret = fw_elf_parse(fw->data, fw->size, &ar->image, &err);
	if (!ret)
		ret = fw_elf_check_owned(&ar->image, amp_rproc_mem_owns, ar,
					 &err);
	if (ret) {
		dev_err(ar->dev, "%s: %s\n", ar->rproc->firmware, err.msg);
		return ret;
	}
	ar->image_fw = fw;
	return 0;
}

/* The validated image of @fw: the one sanity_check kept, or a new one. */
const struct fw_elf_image *amp_rproc_elf_image(struct amp_rproc *ar,
					       const struct firmware *fw)
{
	int ret;

	if (ar->image_fw != fw || ar->image.data != fw->data ||
	    ar->image.size != fw->size) {
		ret = amp_rproc_elf_validate(ar, fw);
		if (ret)
			return ERR_PTR(ret);
	}
	return &ar->image;
}

int amp_rproc_elf_sanity_check(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;
	int ret;

	ret = amp_rproc_elf_validate(ar, fw);
	if (ret)
		return ret;
	rproc_coredump_set_elf_info(rproc,
				    ar->image.info.bits == 64 ? ELFCLASS64 :
								ELFCLASS32,
				    ar->image.info.machine);
	return 0;
}

u64 amp_rproc_elf_get_boot_addr(struct rproc *rproc, const struct firmware *fw)
{
	const struct fw_elf_image *im = amp_rproc_elf_image(rproc->priv, fw);

	/* sanity_check() has accepted the image already. */
	return IS_ERR(im) ? 0 : im->info.entry;
}

static int amp_rproc_elf_load_segment(void *ctx,
				      const struct fw_elf_segment *seg)
{
	struct amp_rproc *ar = ctx;
	struct amp_rsc_region *r;
	void *va;

	r = amp_rproc_mem_find(ar, seg->da, seg->memsz);
	if (!r || !r->va) {
		dev_err(ar->dev, "segment %u: da 0x%llx memsz 0x%llx is not inside mapped memory the remote owns\n",
			seg->index, seg->da, seg->memsz);
		return -EINVAL;
	}
	va = r->va + (seg->da - r->da);
	memcpy(va, ar->image.data + seg->offset, seg->filesz);
	/* .bss, stacks and trace buffers: the remote expects them zeroed. */
	memset(va + seg->filesz, 0, seg->memsz - seg->filesz);
	return 0;
}

int amp_rproc_elf_load(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;
	const struct fw_elf_image *im = amp_rproc_elf_image(ar, fw);
	int ret;

	if (IS_ERR(im))
		return PTR_ERR(im);
	ret = fw_elf_walk_segments(im, amp_rproc_elf_load_segment, ar);
	/* The last use of this boot's image: the next one is validated anew. */
	ar->image_fw = NULL;
	return ret;
}
