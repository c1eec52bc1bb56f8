/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the amp_rproc KUnit suites (one module): the fake mailbox and
 * reset controllers, the DT overlay, binding a remote processor node to
 * amp_rproc, firmware files and a small ELF32/ELF64 image builder.
 */
#ifndef AMP_RPROC_BOARD_H
#define AMP_RPROC_BOARD_H

#include <kunit/test.h>
#include <linux/types.h>

struct platform_device;
struct rproc;

extern u8 __dtb_amp_rproc_board_overlay_begin[];
extern u8 __dtb_amp_rproc_board_overlay_end[];

#define AMP_RPROC_BOARD_FW		"amp-rproc-kunit.elf"
#define AMP_RPROC_BOARD_FW_DA		0x7ff00000ULL
#define AMP_RPROC_BOARD_FW_SIZE		0x20000
#define AMP_RPROC_BOARD_DATA_DA		0x7ff20000ULL
#define AMP_RPROC_BOARD_DATA_SIZE	0x10000
#define AMP_RPROC_BOARD_RSC_DA		0x7ff80000ULL
#define AMP_RPROC_BOARD_SYSCON_PA	0x7ff81000ULL
/* The board's remote-ram region: reserved, in the kernel's linear map. */
#define AMP_RPROC_BOARD_RAM_DA		0x7f800000ULL

/* Channels and reset lines of the fakes; the overlay uses them. */
#define AMP_RPROC_BOARD_NR_CHANS	16
#define AMP_RPROC_BOARD_NR_RESETS	8

/**
 * struct amp_rproc_board_ctx - what a case works with
 * @ovcs_id: the applied overlay
 * @pdev: the remote processor's platform device, once bound
 * @rproc: its remoteproc handle
 */
struct amp_rproc_board_ctx {
	int ovcs_id;
	struct platform_device *pdev;
	struct rproc *rproc;
};

int amp_rproc_board_init(struct kunit *test);
void amp_rproc_board_exit(struct kunit *test);
int amp_rproc_board_suite_init(struct kunit_suite *suite);
void amp_rproc_board_suite_exit(struct kunit_suite *suite);

int amp_rproc_board_bind(struct kunit *test, const char *path);
struct rproc *amp_rproc_board_find(struct kunit *test, const char *path);

void amp_rproc_board_log_clear(void);
const char *amp_rproc_board_log(struct kunit *test);
bool amp_rproc_board_log_is(const char *expected);
void amp_rproc_board_mbox_mute(unsigned int ch, bool mute);
void amp_rproc_board_mbox_rx(unsigned int ch, u32 msg);
unsigned int amp_rproc_board_mbox_ring_at(int trigger, int target,
					  bool on_startup);
unsigned int amp_rproc_board_mbox_ring_always(struct kunit *test,
					      unsigned long mask);
void amp_rproc_board_reset_set(unsigned int id, bool asserted);
bool amp_rproc_board_reset_asserted(unsigned int id);

void amp_rproc_board_write_fw(struct kunit *test, const char *name,
			      const void *data, size_t size);
bool amp_rproc_board_wait(bool (*cond)(void *arg), void *arg,
			  unsigned int ms);

extern struct kunit_suite amp_rproc_board_lifecycle_suite;
extern struct kunit_suite amp_rproc_board_probe_suite;
extern struct kunit_suite amp_rproc_board_load_suite;
extern struct kunit_suite amp_rproc_board_stm32_suite;

#endif /* AMP_RPROC_BOARD_H */
