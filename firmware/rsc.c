// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Reads the firmware's own resource table by its offsets, so the same
 * main file serves every table layout an image is built with. The host
 * writes into the table while the remote runs: fields it may change are
 * read through volatile accessors every time.
 */

#include <amp/abi/rsc_table.h>
#include <fw/arch.h>
#include <fw/rsc.h>

#define FW_RSC_VDEV_STATUS	24	/* from the type word */
#define FW_RSC_VDEV_VRINGS	28
#define FW_RSC_VRING_SIZE	20

/**
 * fw_rsc_find_vdevs() - list the virtio devices of the table
 * @vdevs: filled in, in table order
 * @max: room in @vdevs
 *
 * Return: the number of vdevs found.
 */
int fw_rsc_find_vdevs(struct fw_rsc_vdev *vdevs, unsigned int max)
{
	uintptr_t table = (uintptr_t)fw_rsc_table;
	unsigned int num = fw_read32(table + 4);
	unsigned int i, found = 0;

	for (i = 0; i < num && found < max; i++) {
		uintptr_t entry = table + fw_read32(table + 16 + 4 * i);

		if (fw_read32(entry) != AMP_RSC_VDEV)
			continue;
		vdevs[found].entry = entry;
		vdevs[found].id = fw_read32(entry + 4);
		vdevs[found].num_vrings = fw_read8(entry + FW_RSC_VDEV_STATUS + 1);
		found++;
	}
	return found;
}

/**
 * fw_rsc_vdev_status() - the virtio status byte the host wrote
 * @vdev: the vdev
 *
 * Return: the status byte.
 */
unsigned int fw_rsc_vdev_status(const struct fw_rsc_vdev *vdev)
{
	return fw_read8(vdev->entry + FW_RSC_VDEV_STATUS);
}

/**
 * fw_rsc_vdev_vring() - read a vring of a vdev as the host left it
 * @vdev: the vdev
 * @i: the vring's index
 * @vring: filled in
 */
void fw_rsc_vdev_vring(const struct fw_rsc_vdev *vdev, unsigned int i,
		       struct fw_rsc_vring *vring)
{
	uintptr_t v = vdev->entry + FW_RSC_VDEV_VRINGS + FW_RSC_VRING_SIZE * i;

	vring->da = fw_read32(v);
	vring->align = fw_read32(v + 4);
	vring->num = fw_read32(v + 8);
	vring->notifyid = fw_read32(v + 12);
}
