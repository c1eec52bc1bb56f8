/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Internals of the resource table handler, shared by its files and the
 * KUnit suites. The files form a chain: rsc_core.c (the API and the
 * subdevice hooks) uses rsc_virtio.c (the transport, over rsc_ring.c),
 * rsc_vring.c, rsc_trace.c and rsc_mem.c, which use rsc_table.c (access
 * to the table the remote reads); none of them calls back up.
 */
#ifndef AMP_RSC_PRIV_H
#define AMP_RSC_PRIV_H

#include <linux/mutex.h>
#include <linux/remoteproc.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/virtio_ring.h>

#include <amp/rsc.h>
#include <amp/internal/rsc_parse.h>

struct amp_rsc;
struct dentry;
struct virtqueue;
struct virtio_device;

/**
 * enum amp_rsc_mode - where the cached table came from
 * @AMP_RSC_MODE_NONE: no table
 * @AMP_RSC_MODE_LOAD: a firmware image, through amp_rsc_load()
 * @AMP_RSC_MODE_ATTACH: a running remote, through amp_rsc_attach()
 */
enum amp_rsc_mode {
	AMP_RSC_MODE_NONE,
	AMP_RSC_MODE_LOAD,
	AMP_RSC_MODE_ATTACH,
};

/*
 * Most bytes the host allocates for one carveout that no platform region
 * holds. Larger ones are refused at load, before any allocation.
 */
#define AMP_RSC_MAX_CARVEOUT_ALLOC SZ_64M

/**
 * struct rsc_carveout - state of one carveout entry
 * @rsc: the handler
 * @e: the parsed entry
 * @mem: the core's entry for the memory, NULL when none; registered with
 *	the core once every carveout of the table is placed, and freed by
 *	the core's resource cleanup
 * @va: CPU address of the memory
 * @pa: physical (DMA) address of the memory
 * @da: device address of the memory
 * @len: length in bytes
 * @dma: @va was allocated with dma_alloc_coherent()
 */
struct rsc_carveout {
	struct amp_rsc *rsc;
	const struct rsc_parse_entry *e;
	struct rproc_mem_entry *mem;
	void *va;
	dma_addr_t pa;
	u64 da;
	size_t len;
	bool dma;
};

/**
 * struct rsc_trace - state of one trace entry
 * @rsc: the handler
 * @e: the parsed entry
 * @index: N of the debugfs file traceN
 * @file: the debugfs file, NULL when none
 */
struct rsc_trace {
	struct amp_rsc *rsc;
	const struct rsc_parse_entry *e;
	u32 index;
	struct dentry *file;
};

struct rsc_vdev;

/**
 * struct rsc_vring - placement and queue of one vring
 * @rv: the vdev
 * @index: position in the vdev entry
 * @num: descriptors
 * @align: used ring alignment
 * @notifyid: notify id in use: assigned by the host and written back when
 *	loading, the table's when attaching
 * @da: device address in use
 * @pa: physical address
 * @va: CPU address
 * @size: bytes the ring occupies
 * @dma: @va was allocated with dma_alloc_coherent() of @size bytes
 * @vq: the virtqueue, NULL when none; guarded by amp_rsc.lock
 * @shared: the ring at @va, the one the remote reads and writes
 * @ring: the host's own ring, which @vq runs on (rsc_ring.c)
 * @ring_lock: guards @published, @consumed, @in_flight and @chain_len
 *	between kicks, in any context, and notifications
 * @published: avail index the remote was shown
 * @consumed: used index taken from the remote
 * @in_flight: descriptor heads made available and not used yet
 * @chain_len: bytes of the chain at each head in flight
 */
struct rsc_vring {
	struct rsc_vdev *rv;
	u32 index;
	u32 num;
	u32 align;
	u32 notifyid;
	u64 da;
	dma_addr_t pa;
	void *va;
	size_t size;
	bool dma;
	struct virtqueue *vq;
	struct vring shared;
	void *ring;
	spinlock_t ring_lock; /* published, consumed, in_flight, chain_len */
	u16 published;
	u16 consumed;
	unsigned long *in_flight;
	u32 *chain_len;
};

/**
 * struct rsc_vdev - state of one vdev entry
 * @rsc: the handler
 * @e: the parsed entry
 * @index: N in the names vdev<N>...
 * @vring: the vrings
 * @placed: vrings are placed (between prepare and unprepare)
 * @parent: parent device of the virtio device, NULL when none
 * @vdev: the registered virtio device, NULL when none
 * @status: status as last written by the virtio core
 */
struct rsc_vdev {
	struct amp_rsc *rsc;
	const struct rsc_parse_entry *e;
	u32 index;
	struct rsc_vring vring[AMP_RSC_MAX_VRINGS];
	bool placed;
	struct device *parent;
	struct virtio_device *vdev;
	u8 status;
};

/**
 * struct amp_rsc - a resource handler
 * @rproc: the remote processor
 * @dev: the rproc's parent device: messages, DMA
 * @ops: platform callbacks
 * @subdev: hooks into the core's start and stop sequences
 * @regions: the platform's regions
 * @num_regions: elements in @regions
 * @mode: where the table came from
 * @snap: snapshot of the table, what @entries were parsed from
 * @size: length of @snap
 * @table_da: device address of the loaded table (load mode)
 * @attach_table: the table in device memory (attach mode)
 * @attach_iomem: @attach_table is I/O memory
 * @entries: the parsed entries
 * @num: elements in @entries
 * @carveouts: carveout states, @num_carveouts of them
 * @num_carveouts: carveout entries
 * @traces: trace states, @num_traces of them
 * @num_traces: trace entries
 * @vdevs: vdev states, @num_vdevs of them
 * @num_vdevs: vdev entries
 * @table: the table the remote reads, between prepare and unprepare
 * @table_iomem: @table is I/O memory
 * @frozen: no more writes into @table: the remote is stopped or keeps
 *	running detached and owns the table
 * @prepared: prepare succeeded and unprepare has not run
 * @lock: taken by amp_rsc_notify() for its whole walk; held while the
 *	cached table's state (@entries, @vdevs, @num_vdevs and the rest
 *	load and attach rebuild) is replaced or freed, and while a vring's
 *	virtqueue pointer is set or cleared, so that a notification never
 *	sees any of them half-built
 */
struct amp_rsc {
	struct rproc *rproc;
	struct device *dev;
	const struct amp_rsc_ops *ops;
	struct rproc_subdev subdev;
	const struct amp_rsc_region *regions;
	unsigned int num_regions;

	enum amp_rsc_mode mode;
	u8 *snap;
	size_t size;
	u64 table_da;
	void *attach_table;
	bool attach_iomem;
	struct rsc_parse_entry *entries;
	u32 num;
	struct rsc_carveout *carveouts;
	u32 num_carveouts;
	struct rsc_trace *traces;
	u32 num_traces;
	struct rsc_vdev *vdevs;
	u32 num_vdevs;

	void *table;
	bool table_iomem;
	bool frozen;
	bool prepared;
	struct mutex lock; /* cached table state, vq pointers vs notify */
};

/* rsc_table.c: the table the remote reads */
void amp_rsc_table_read(struct amp_rsc *rsc, u32 off, void *buf, size_t len);
void amp_rsc_table_write(struct amp_rsc *rsc, u32 off, const void *buf,
			 size_t len);
void amp_rsc_table_write32(struct amp_rsc *rsc, u32 off, u32 val);
void amp_rsc_table_write8(struct amp_rsc *rsc, u32 off, u8 val);

/* rsc_mem.c: regions, carveouts, devmem */
const struct amp_rsc_region *amp_rsc_mem_region(struct amp_rsc *rsc,
						const char *name);
int amp_rsc_mem_translate(struct amp_rsc *rsc, u64 da, size_t len, void **va,
			  dma_addr_t *pa);
int amp_rsc_mem_check_devmem(struct amp_rsc *rsc,
			     const struct rsc_parse_entry *e);
int amp_rsc_mem_carveout_place(struct rsc_carveout *co);
int amp_rsc_mem_carveout_check_alias(struct amp_rsc *rsc, u32 i);
void amp_rsc_mem_carveout_register(struct rsc_carveout *co);
void amp_rsc_mem_carveout_unplace(struct rsc_carveout *co);
int amp_rsc_mem_carveout_write_back(struct rsc_carveout *co);

/* rsc_trace.c: trace buffers in debugfs */
ssize_t amp_rsc_trace_copy(struct rsc_trace *tr, char *buf, size_t len);
void amp_rsc_trace_add(struct rsc_trace *tr);
void amp_rsc_trace_remove(struct rsc_trace *tr);

/* rsc_vring.c: notify ids and vring placement */
u64 amp_rsc_vring_bytes(u32 num, u32 align);
int amp_rsc_vring_place(struct rsc_vdev *rv);
void amp_rsc_vring_release(struct rsc_vdev *rv);

/* rsc_ring.c: the shared vrings against the host's own */
int amp_rsc_ring_init(struct rsc_vring *vr);
void amp_rsc_ring_free(struct rsc_vring *vr);
void amp_rsc_ring_publish(struct rsc_vring *vr);
int amp_rsc_ring_take_used(struct rsc_vring *vr);

/* rsc_virtio.c: the virtio transport (and amp_rsc_notify()) */
int amp_rsc_virtio_add(struct rsc_vdev *rv);
void amp_rsc_virtio_remove(struct rsc_vdev *rv);

#endif /* AMP_RSC_PRIV_H */
