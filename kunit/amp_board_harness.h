/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual AMP board's remote CPU, driven directly through the board's
 * mailbox and reset drivers, for the amp_board KUnit suite and the
 * doorbell benchmark (amp_board_harness.ko). A DT overlay built into the
 * harness adds a consumer of the board's mailbox channels, the remote
 * CPU's reset line and its firmware memory; images are loaded through the
 * project's ELF validator, as amp_rproc loads them.
 *
 * The remote runs board-test.elf: it echoes every doorbell on its channel
 * with the payload plus one, and powers itself off when asked to on the
 * shutdown channel.
 */
#ifndef AMP_BOARD_HARNESS_H
#define AMP_BOARD_HARNESS_H

#include <linux/completion.h>
#include <linux/mailbox_client.h>
#include <linux/types.h>

struct device;
struct device_node;
struct platform_device;
struct reset_control;

/* The harness's DT overlay, from amp_board_harness_overlay.dts. */
extern u8 __dtb_amp_board_harness_overlay_begin[];
extern u8 __dtb_amp_board_harness_overlay_end[];

/* The firmware the harness runs, and the start of its first trace line. */
#define AMP_BOARD_HARNESS_FW		"board-test.elf"
#define AMP_BOARD_HARNESS_UP		"board-test: up"

/* Payload of the shutdown request (the firmware ignores it). */
#define AMP_BOARD_HARNESS_SHUTDOWN_MSG	0x5d

/**
 * enum amp_board_harness_ch - the mailbox channels the overlay names
 * @AMP_BOARD_HARNESS_VQ0: "vq0", channel 0
 * @AMP_BOARD_HARNESS_VQ1: "vq1", channel 1
 * @AMP_BOARD_HARNESS_SHUTDOWN: "shutdown", channel 2, blocking
 * @AMP_BOARD_HARNESS_FREE: "free", channel 5, no convention attached
 * @AMP_BOARD_HARNESS_NR_CH: number of channels
 *
 * The overlay also names "out-of-range", a channel past the controller's
 * last, which nothing can get.
 */
enum amp_board_harness_ch {
	AMP_BOARD_HARNESS_VQ0,
	AMP_BOARD_HARNESS_VQ1,
	AMP_BOARD_HARNESS_SHUTDOWN,
	AMP_BOARD_HARNESS_FREE,
	AMP_BOARD_HARNESS_NR_CH,
};

/**
 * struct amp_board_harness_chan - one mailbox channel the harness holds
 * @cl: the client bound to @chan
 * @chan: the channel
 * @rx: completed by each received message
 * @msg: payload of the last received message
 */
struct amp_board_harness_chan {
	struct mbox_client cl;
	struct mbox_chan *chan;
	struct completion rx;
	u32 msg;
};

/**
 * struct amp_board_harness - what the harness holds
 * @ovcs_id: the applied overlay, or -1
 * @np: the overlay's consumer node
 * @pdev: the platform device OF created for @np
 * @dev: &@pdev->dev, the consumer
 * @rst: the remote CPU's reset line
 * @fw: the remote's firmware region, mapped
 * @fw_base: physical address of @fw
 * @fw_size: size of @fw
 * @chans: the mailbox channels, by &enum amp_board_harness_ch
 */
struct amp_board_harness {
	int ovcs_id;
	struct device_node *np;
	struct platform_device *pdev;
	struct device *dev;
	struct reset_control *rst;
	void *fw;
	phys_addr_t fw_base;
	size_t fw_size;
	struct amp_board_harness_chan chans[AMP_BOARD_HARNESS_NR_CH];
};

int amp_board_harness_get(struct amp_board_harness *h, const char **what);
void amp_board_harness_put(struct amp_board_harness *h);
int amp_board_harness_load(struct amp_board_harness *h, const char *name);
char *amp_board_harness_trace(struct amp_board_harness *h, char *buf,
			      size_t len);
int amp_board_harness_start(struct amp_board_harness *h,
			    unsigned int timeout_ms);
int amp_board_harness_stop(struct amp_board_harness *h);
int amp_board_harness_mbox_irq(struct amp_board_harness *h);
int amp_board_harness_ping(struct amp_board_harness *h,
			   enum amp_board_harness_ch ch, u32 payload,
			   unsigned int timeout_ms);

#endif /* AMP_BOARD_HARNESS_H */
