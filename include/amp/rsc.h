/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Resource table handling for remoteproc platform drivers.
 *
 * A platform driver whose parse_fw() leaves rproc->table_ptr NULL gets no
 * resource handling from the remoteproc core. It hands the table to this
 * module instead: amp_rsc_load() from parse_fw() (table bytes from the
 * firmware image and the device address the ELF loader places them at) or
 * amp_rsc_attach() from get_loaded_rsc_table() (a remote already running).
 * The module registers itself as an rproc_subdev, so the core's start,
 * stop, crash recovery and detach sequences drive it; carveouts are
 * registered with the core, so rproc_da_to_va(), debugfs and coredumps
 * see them.
 */
#ifndef AMP_RSC_H
#define AMP_RSC_H

#include <linux/bits.h>
#include <linux/types.h>

struct device;
struct rproc;
struct amp_rsc;

/* amp_rsc_notify() notify id of a doorbell that carries no id. */
#define AMP_RSC_NOTIFY_ALL 0xffffffffU

/* Room for a region name, NUL included: "vdev<N>vring<M>", node names. */
#define AMP_RSC_REGION_NAME_LEN 32

/* devmem entries may map inside this region (never touched by the CPU). */
#define AMP_RSC_REGION_DEVMEM BIT(0)
/* @of_resm_idx names a shared-dma-pool in the parent's memory-region. */
#define AMP_RSC_REGION_DMA_POOL BIT(1)

/**
 * struct amp_rsc_region - a memory region the platform gives the remote
 * @name: matched against carveout names and the reserved names
 *	"vdev<N>vring<M>" and "vdev<N>buffer"
 * @pa: physical address of the region
 * @da: address of the region as the remote sees it
 * @size: length in bytes
 * @va: the platform's kernel mapping of the whole region, valid as long as
 *	the handler exists; NULL for memory the CPU must not touch (a DMA
 *	pool, device memory), where nothing is placed that the host writes
 * @of_resm_idx: with %AMP_RSC_REGION_DMA_POOL, the index of the region in
 *	the "memory-region" property of the rproc's parent device node
 * @flags: %AMP_RSC_REGION_* flags
 */
struct amp_rsc_region {
	char name[AMP_RSC_REGION_NAME_LEN];
	phys_addr_t pa;
	u64 da;
	size_t size;
	void *va;
	int of_resm_idx;
	unsigned int flags;
};

/**
 * struct amp_rsc_ops - platform callbacks
 * @kick: required when the table has a vdev: notify the remote of notify
 *	id @notifyid (a vring or vdev id written in the table). May be called
 *	in atomic context.
 * @handle_vendor: optional: handle a vendor entry of type @type
 *	(128..511). @body points to a copy of the entry's body as it was
 *	validated, @len bytes long, never into memory the remote can change;
 *	what the handler writes into it goes into the table the remote
 *	reads once it returns 0. Called when the subdevice is prepared,
 *	before the remote starts. A negative return fails the start. Without
 *	it vendor entries are ignored.
 */
struct amp_rsc_ops {
	void (*kick)(struct rproc *rproc, u32 notifyid);
	int (*handle_vendor)(struct rproc *rproc, u32 type, void *body,
			     size_t len);
};

/**
 * amp_rsc_create() - create a resource handler for a remote processor
 * @rproc: the remote processor, from rproc_alloc()
 * @ops: platform callbacks; must outlive the handler
 * @regions: the platform's memory regions, mapped by the platform; must
 *	outlive the handler (they are not copied)
 * @num_regions: number of elements in @regions
 *
 * Registers the handler as a subdevice of @rproc. Call it before
 * rproc_add() so an auto-booting remote finds it.
 *
 * Return: the handler or an ERR_PTR().
 */
struct amp_rsc *amp_rsc_create(struct rproc *rproc,
			       const struct amp_rsc_ops *ops,
			       const struct amp_rsc_region *regions,
			       unsigned int num_regions);

/**
 * amp_rsc_destroy() - remove and free a resource handler
 * @rsc: the handler, or NULL
 *
 * Call it after rproc_del() (or with the remote offline). When
 * rproc_del() did not stop the remote (another user of rproc_boot() still
 * held it), this finishes what the core's stop sequence would have done
 * on the handler's side; stopping the processor itself is the platform
 * driver's. Either way it releases whatever the core left registered
 * (rproc_resource_cleanup()): carveouts and coredump segments also
 * outlive a recovery that failed to restart the remote.
 */
void amp_rsc_destroy(struct amp_rsc *rsc);

/**
 * devm_amp_rsc_create() - amp_rsc_create() undone when @dev unbinds
 * @dev: the device whose lifetime bounds the handler
 * @rproc: as for amp_rsc_create()
 * @ops: as for amp_rsc_create()
 * @regions: as for amp_rsc_create()
 * @num_regions: as for amp_rsc_create()
 *
 * Return: the handler or an ERR_PTR().
 */
struct amp_rsc *devm_amp_rsc_create(struct device *dev, struct rproc *rproc,
				    const struct amp_rsc_ops *ops,
				    const struct amp_rsc_region *regions,
				    unsigned int num_regions);

/**
 * amp_rsc_load() - take the resource table of a firmware image
 * @rsc: the handler
 * @table: the table bytes from the image; copied
 * @size: length of @table
 * @da: device address the ELF loader copies the table to
 *
 * Call from rproc_ops.parse_fw. Validates the table, checks devmem entries
 * against the platform's regions and allocates and registers the
 * carveouts, so the ELF loader can place segments in them. Addresses are
 * written back into the loaded table when the subdevice is prepared.
 *
 * Return: 0, or a negative errno after a dev_err() naming the entry and
 * the problem; nothing stays allocated then.
 */
int amp_rsc_load(struct amp_rsc *rsc, const void *table, size_t size, u64 da);

/**
 * amp_rsc_attach() - take the resource table of a running remote
 * @rsc: the handler
 * @table: the table in device memory, mapped by the platform
 * @size: length of the table memory
 * @is_iomem: @table is I/O memory
 *
 * Call from rproc_ops.get_loaded_rsc_table and return NULL from there so
 * the core leaves the table alone. A snapshot of the table is validated;
 * the vring addresses and notify ids the remote uses are kept, the host's
 * virtio status and features are written as for a loaded remote, and a
 * detach restores the status and features found at attach time.
 *
 * Return: 0 or a negative errno, as for amp_rsc_load().
 */
int amp_rsc_attach(struct amp_rsc *rsc, void *table, size_t size,
		   bool is_iomem);

/**
 * amp_rsc_notify() - handle a notification from the remote
 * @rsc: the handler
 * @notifyid: the vring notify id the remote signalled, or
 *	%AMP_RSC_NOTIFY_ALL for a doorbell without an id
 *
 * Runs the virtqueue callbacks of the matching vrings; with
 * %AMP_RSC_NOTIFY_ALL every vring is drained, since doorbells coalesce.
 * A vring the remote corrupted (a used index outside the buffers made
 * available, a descriptor id or length the virtio core refuses) stops its
 * virtio device and, while the remote runs, is reported to the core as a
 * crash (%RPROC_FATAL_ERROR).
 * Call from a context that may sleep (a threaded IRQ handler or a work
 * item): the rpmsg callbacks it runs take mutexes.
 */
void amp_rsc_notify(struct amp_rsc *rsc, u32 notifyid);

#endif /* AMP_RSC_H */
