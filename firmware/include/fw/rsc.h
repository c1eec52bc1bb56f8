/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * The firmware's own resource table, as the host left it: after the host
 * set a virtio device's status to DRIVER_OK, the vring addresses and notify
 * ids it chose are in the table.
 */
#ifndef FW_RSC_H
#define FW_RSC_H

#include <stdint.h>

/* Virtio status bit: the host driver is ready. */
#define FW_RSC_STATUS_DRIVER_OK	4

/* Most vdevs the firmware serves. */
#define FW_RSC_MAX_VDEVS	4

/* The table each image defines (in rsc_*.c), where the host writes. */
extern void *const fw_rsc_table;

/**
 * struct fw_rsc_vring - a vring as the host set it up
 * @da: its address
 * @align: alignment of its used ring
 * @num: number of descriptors
 * @notifyid: its notify id
 */
struct fw_rsc_vring {
	unsigned int da;
	unsigned int align;
	unsigned int num;
	unsigned int notifyid;
};

/**
 * struct fw_rsc_vdev - a virtio device entry
 * @entry: address of the entry (its type word) in the table
 * @id: virtio device id
 * @num_vrings: number of vrings
 */
struct fw_rsc_vdev {
	uintptr_t entry;
	unsigned int id;
	unsigned int num_vrings;
};

int fw_rsc_find_vdevs(struct fw_rsc_vdev *vdevs, unsigned int max);
unsigned int fw_rsc_vdev_status(const struct fw_rsc_vdev *vdev);
void fw_rsc_vdev_vring(const struct fw_rsc_vdev *vdev, unsigned int i,
		       struct fw_rsc_vring *vring);

#endif /* FW_RSC_H */
