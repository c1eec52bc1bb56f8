/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of the amp_rproc platform driver, shared by its files: probe
 * and rproc_ops (amp_rproc.c), memory regions (amp_rproc_mem.c), firmware
 * images (amp_rproc_elf.c), who handles the resource table
 * (amp_rproc_table.c), mailbox channels (amp_rproc_mbox.c) and the
 * STM32MP1 profile (amp_rproc_stm32.c).
 */
#ifndef AMP_RPROC_PRIV_H
#define AMP_RPROC_PRIV_H

#include <linux/bitops.h>
#include <linux/mailbox_client.h>
#include <linux/remoteproc.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <amp/rsc.h>
#include <amp/internal/fw_elf.h>

struct amp_rproc;
struct device;
struct firmware;
struct regmap;
struct reset_control;
struct resource_table;
struct rproc;

/* Most memory regions, and most per-virtqueue channels ("vq0".."vq15"). */
#define AMP_RPROC_MAX_REGIONS	16
#define AMP_RPROC_MAX_VQS	16

/*
 * Notify ids a doorbell may carry and still be remembered one by one;
 * a larger id (or none) makes the next pass drain every vring.
 */
#define AMP_RPROC_NOTIFY_BITS	64
#define AMP_RPROC_NOTIFY_ALL_BIT AMP_RPROC_NOTIFY_BITS

/* amp_rproc.flags: this run's crash was reported to the core already. */
#define AMP_RPROC_CRASH_REPORTED	0

/* A resource table without a size given by the platform: 1 KiB, as ST's. */
#define AMP_RPROC_RSC_TABLE_SIZE 1024

/**
 * struct amp_rproc_syscon - a register field in a system controller
 * @map: the controller's regmap, NULL when the property is absent
 * @reg: register offset
 * @mask: bits of the field
 */
struct amp_rproc_syscon {
	struct regmap *map;
	u32 reg;
	u32 mask;
};

/**
 * struct amp_rproc_chan - one mailbox channel
 * @ar: the driver instance
 * @cl: the client bound to @chan
 * @chan: the channel, NULL when the DT does not name it
 * @name: its name in mbox-names
 * @notifyid: for a per-virtqueue channel "vq<N>", N
 * @lock: guards @in_flight and @again
 * @in_flight: a kick was sent and the controller has not completed it
 * @again: another kick was asked for while one was in flight
 */
struct amp_rproc_chan {
	struct amp_rproc *ar;
	struct mbox_client cl;
	struct mbox_chan *chan;
	const char *name;
	u32 notifyid;
	spinlock_t lock; /* guards in_flight and again */
	bool in_flight;
	bool again;
};

/**
 * struct amp_rproc_profile - how one family of device trees is read
 * @name: shown in messages
 * @core_reset: reset-names entry of the core reset
 * @hold_boot_reset: reset-names entry of the optional hold-boot reset
 * @parse: optional: read the family's own properties after the generic ones
 * @running_state: value of the state register (&amp_rproc.state_syscon)
 *	telling that the remote runs
 */
struct amp_rproc_profile {
	const char *name;
	const char *core_reset;
	const char *hold_boot_reset;
	int (*parse)(struct amp_rproc *ar);
	u32 running_state;
};

/**
 * struct amp_rproc_table_ops - who handles the firmware's resource table
 * @name: shown in messages
 * @init: at probe, before rproc_add()
 * @prepare: each time the remote is prepared, after its regions are mapped
 * @parse_fw: take the table of the image amp_rproc_elf validated
 * @attach: take the table of a running remote; returns what the core gets
 *	from rproc_ops.get_loaded_rsc_table
 * @find_loaded: rproc_ops.find_loaded_rsc_table
 * @notify: a doorbell from the remote for notify id @notifyid, or
 *	%AMP_RSC_NOTIFY_ALL; may sleep
 *
 * amp_rsc.ko by default; the remoteproc core itself, for comparison, with
 * the module parameter core_rsc_table. The choice is made once, at probe.
 */
struct amp_rproc_table_ops {
	const char *name;
	int (*init)(struct amp_rproc *ar);
	int (*prepare)(struct amp_rproc *ar);
	int (*parse_fw)(struct amp_rproc *ar, const struct firmware *fw);
	struct resource_table *(*attach)(struct amp_rproc *ar, void *table,
					 size_t size);
	struct resource_table *(*find_loaded)(struct rproc *rproc,
					      const struct firmware *fw);
	void (*notify)(struct amp_rproc *ar, u32 notifyid);
};

/**
 * struct amp_rproc - one remote processor
 * @dev: the platform device
 * @rproc: the remoteproc core's handle
 * @profile: how the DT node is read
 * @table: who handles the resource table
 * @rsc: amp_rsc's handler, NULL when the core handles the table
 * @regions: memory regions, in memory-region order, mapped at probe (the
 *	ones the CPU may touch) and handed to amp_rsc as they are
 * @num_regions: number of @regions
 * @rsc_table: region holding a pre-booted remote's table, or NULL
 * @image: the firmware image amp_rproc_elf validated last
 * @image_fw: the firmware @image was validated from, until it is loaded;
 *	NULL when @image is no longer current
 * @core_rst: core reset line
 * @hold_boot_rst: optional hold-boot reset line
 * @hold_boot: optional hold-boot field in a system controller
 * @boot_addr: optional boot address register
 * @state_syscon: optional register telling whether the remote runs
 * @rsc_table_syscon: optional register holding the table's address
 * @address_map: "amp,address-map" triplets (da, pa, size) widened to
 *	64 bits, or NULL
 * @address_map_len: number of triplets in @address_map
 * @vq: per-virtqueue channels "vq<N>", by N
 * @tx: channel carrying notify ids as payload
 * @rx: channel receiving notify ids as payload
 * @shutdown: channel asking the remote to stop
 * @detach: channel telling the remote the host detaches
 * @crash: channel on which the remote reports a crash
 * @pending: notify ids received and not yet handled, plus
 *	%AMP_RPROC_NOTIFY_ALL_BIT
 * @notify_work: runs the virtqueue callbacks for @pending, which may sleep
 * @flags: %AMP_RPROC_CRASH_REPORTED
 * @unbinding: the driver is unbinding: rproc_del() is under way
 */
struct amp_rproc {
	struct device *dev;
	struct rproc *rproc;
	const struct amp_rproc_profile *profile;
	const struct amp_rproc_table_ops *table;
	struct amp_rsc *rsc;
	struct amp_rsc_region regions[AMP_RPROC_MAX_REGIONS];
	unsigned int num_regions;
	struct amp_rsc_region *rsc_table;
	struct fw_elf_image image;
	const struct firmware *image_fw;
	struct reset_control *core_rst;
	struct reset_control *hold_boot_rst;
	struct amp_rproc_syscon hold_boot;
	struct amp_rproc_syscon boot_addr;
	struct amp_rproc_syscon state_syscon;
	struct amp_rproc_syscon rsc_table_syscon;
	u64 *address_map;
	unsigned int address_map_len;
	struct amp_rproc_chan vq[AMP_RPROC_MAX_VQS];
	struct amp_rproc_chan tx;
	struct amp_rproc_chan rx;
	struct amp_rproc_chan shutdown;
	struct amp_rproc_chan detach;
	struct amp_rproc_chan crash;
	DECLARE_BITMAP(pending, AMP_RPROC_NOTIFY_BITS + 1);
	struct work_struct notify_work;
	unsigned long flags;
	bool unbinding;
};

extern const struct amp_rproc_profile amp_rproc_stm32_profile;

void amp_rproc_report_crash(struct amp_rproc *ar, enum rproc_crash_type type,
			    const char *how);
int amp_rproc_syscon_get(struct amp_rproc *ar, const char *prop,
			 unsigned int nargs, struct amp_rproc_syscon *sc,
			 bool optional);

int amp_rproc_mem_parse(struct amp_rproc *ar);
struct amp_rsc_region *amp_rproc_mem_find(struct amp_rproc *ar, u64 da,
					  size_t len);
bool amp_rproc_mem_owns(void *ctx, u64 da, u64 len);
void *amp_rproc_mem_da_to_va(struct rproc *rproc, u64 da, size_t len,
			     bool *is_iomem);
void amp_rproc_mem_add_coredump(struct amp_rproc *ar);
int amp_rproc_mem_add_carveouts(struct amp_rproc *ar);

int amp_rproc_elf_sanity_check(struct rproc *rproc, const struct firmware *fw);
u64 amp_rproc_elf_get_boot_addr(struct rproc *rproc,
				const struct firmware *fw);
int amp_rproc_elf_load(struct rproc *rproc, const struct firmware *fw);
const struct fw_elf_image *amp_rproc_elf_image(struct amp_rproc *ar,
					       const struct firmware *fw);

int amp_rproc_table_init(struct amp_rproc *ar, bool core);

int amp_rproc_mbox_request(struct amp_rproc *ar);
void amp_rproc_mbox_kick(struct rproc *rproc, int vqid);
void amp_rproc_mbox_rsc_kick(struct rproc *rproc, u32 notifyid);
int amp_rproc_mbox_shutdown(struct amp_rproc *ar);
int amp_rproc_mbox_detach(struct amp_rproc *ar);

#endif /* AMP_RPROC_PRIV_H */
