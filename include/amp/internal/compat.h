/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every difference between the supported kernels (6.1 and 6.12) that the
 * project's modules meet lives here, keyed by the mainline release that
 * made it, so the rest of the code is written against the 6.12 API only.
 * So does every use of a remoteproc core internal that no exported API
 * replaces, each behind a named helper saying why and what would retire
 * it.
 */
#ifndef AMP_COMPAT_H
#define AMP_COMPAT_H

#include <linux/atomic.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kref.h>
#include <linux/mutex.h>
#include <linux/remoteproc.h>
#include <linux/types.h>
#include <linux/version.h>
#include <linux/virtio_config.h>

struct dentry;
struct firmware;

/* <asm/unaligned.h> became <linux/unaligned.h> in 6.12. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * <kunit/visibility.h> arrived in 6.2. Before it, export into the same
 * namespace unconditionally: without KUnit nothing imports it.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#include <kunit/visibility.h>
#else
#include <linux/export.h>
#define EXPORT_SYMBOL_IF_KUNIT(symbol) \
	EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)
#endif

/*
 * Imports the namespace EXPORT_SYMBOL_IF_KUNIT() exports into; 6.13 made
 * namespace names string literals.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define AMP_IMPORT_KUNIT_NS() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define AMP_IMPORT_KUNIT_NS() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

/*
 * virtio_config_ops.find_vqs took three arrays (callbacks, names, ctx)
 * until 6.11 and an array of struct virtqueue_info since. A transport
 * declares its find_vqs as
 *	int f(struct virtio_device *vdev, unsigned int nvqs,
 *	      struct virtqueue *vqs[], AMP_FIND_VQS_PARAMS,
 *	      struct irq_affinity *desc)
 * and reads queue @i's name, callback and ctx with AMP_FIND_VQS_INFO(i),
 * a struct amp_vq_info. A virtio driver (or test) finds up to
 * %AMP_FIND_VQS_MAX queues described by struct amp_vq_info with
 * amp_virtio_find_vqs().
 */
#define AMP_FIND_VQS_MAX 8

struct amp_vq_info {
	const char *name;
	vq_callback_t *callback;
	bool ctx;
};

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define AMP_FIND_VQS_PARAMS struct virtqueue_info vqs_info[]
#define AMP_FIND_VQS_INFO(i) amp_vq_info_get(vqs_info, i)

static inline struct amp_vq_info
amp_vq_info_get(const struct virtqueue_info *info, unsigned int i)
{
	return (struct amp_vq_info){
		.name = info[i].name,
		.callback = info[i].callback,
		.ctx = info[i].ctx,
	};
}

static inline int amp_virtio_find_vqs(struct virtio_device *vdev,
				      unsigned int nvqs,
				      struct virtqueue *vqs[],
				      const struct amp_vq_info *info)
{
	struct virtqueue_info vi[AMP_FIND_VQS_MAX] = {};
	unsigned int i;

	if (nvqs > AMP_FIND_VQS_MAX)
		return -EINVAL;
	for (i = 0; i < nvqs; i++) {
		vi[i].name = info[i].name;
		vi[i].callback = info[i].callback;
		vi[i].ctx = info[i].ctx;
	}
	return virtio_find_vqs(vdev, nvqs, vqs, vi, NULL);
}
#else
#define AMP_FIND_VQS_PARAMS						\
	vq_callback_t *callbacks[], const char * const names[],	\
	const bool *ctx
#define AMP_FIND_VQS_INFO(i) amp_vq_info_get(callbacks, names, ctx, i)

static inline struct amp_vq_info
amp_vq_info_get(vq_callback_t *callbacks[], const char * const names[],
		const bool *ctx, unsigned int i)
{
	return (struct amp_vq_info){
		.name = names[i],
		.callback = callbacks[i],
		.ctx = ctx ? ctx[i] : false,
	};
}

static inline int amp_virtio_find_vqs(struct virtio_device *vdev,
				      unsigned int nvqs,
				      struct virtqueue *vqs[],
				      const struct amp_vq_info *info)
{
	vq_callback_t *callbacks[AMP_FIND_VQS_MAX] = {};
	const char *names[AMP_FIND_VQS_MAX] = {};
	unsigned int i;

	if (nvqs > AMP_FIND_VQS_MAX)
		return -EINVAL;
	for (i = 0; i < nvqs; i++) {
		callbacks[i] = info[i].callback;
		names[i] = info[i].name;
	}
	return virtio_find_vqs(vdev, nvqs, vqs, callbacks, names, NULL);
}
#endif

/* of_overlay_fdt_apply() gained a target base node in 6.6. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#define amp_of_overlay_fdt_apply(fdt, size, ovcs_id) \
	of_overlay_fdt_apply(fdt, size, ovcs_id, NULL)
#else
#define amp_of_overlay_fdt_apply(fdt, size, ovcs_id) \
	of_overlay_fdt_apply(fdt, size, ovcs_id)
#endif

/*
 * The rproc's debugfs directory, where its trace files belong. The core
 * creates it but offers no accessor; in-tree drivers (pru_rproc) read the
 * field the same way. Retired by an rproc_debugfs_dir() in remoteproc.h.
 */
static inline struct dentry *amp_rproc_debugfs_dir(struct rproc *rproc)
{
	return rproc->dbg_dir;
}

/*
 * rproc_del() shuts the remote down only when its last user lets go
 * (rproc->power counts the rproc_boot() calls not yet matched): a remote
 * booted twice, by two "start" writes at once or by another driver too,
 * would be left running with its driver gone, and the next probe would
 * attach to it. At unbind no user may keep it: leave one, under the lock
 * rproc_boot() counts under, so rproc_del() stops it. Retired when
 * rproc_del() shuts down whatever the count (its "TODO" says as much).
 */
static inline void amp_rproc_drop_extra_users(struct rproc *rproc)
{
	mutex_lock(&rproc->lock);
	if (atomic_read(&rproc->power) > 1)
		atomic_set(&rproc->power, 1);
	mutex_unlock(&rproc->lock);
}

/*
 * When device_add() fails, rproc_add() calls put_device() on the rproc's
 * device: a reference it does not own (rproc_alloc()'s caller gives it up
 * with rproc_free()), so the rproc is freed under the driver, which then
 * frees it again. Lend it one reference across the call, and take back
 * only what it did not consume: exactly the owner's remains. Retired when
 * rproc_add() leaves the caller's reference alone.
 */
static inline int amp_devm_rproc_add(struct device *dev, struct rproc *rproc)
{
	struct device *rdev = &rproc->dev;
	int ret;

	get_device(rdev);
	ret = devm_rproc_add(dev, rproc);
	if (!ret || kref_read(&rdev->kobj.kref) > 1)
		put_device(rdev);
	return ret;
}

/*
 * Exported by the core (6.1 and 6.12 alike) for its in-tree drivers but
 * declared only in its private remoteproc_internal.h: the firmware-name
 * reader, and what amp_rproc's comparison mode (the core handles the
 * resource table) calls. Retired by moving the declarations to
 * remoteproc.h.
 */
int rproc_of_parse_firmware(struct device *dev, int index,
			    const char **fw_name);
int rproc_elf_load_rsc_table(struct rproc *rproc, const struct firmware *fw);
struct resource_table *rproc_elf_find_loaded_rsc_table(struct rproc *rproc,
						       const struct firmware *fw);
irqreturn_t rproc_vq_interrupt(struct rproc *rproc, int vq_id);

#endif /* AMP_COMPAT_H */
