/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the amp_rproc KUnit suites (one module): the fake mailbox and
 * reset controllers, the DT overlay, binding a remote processor node to
 * amp_rproc, firmware files and a small ELF32/ELF64 image builder.
 */
#ifndef AMP_RPROC_KUNIT_H
#define AMP_RPROC_KUNIT_H

#include <kunit/test.h>
#include <linux/types.h>

struct platform_device;
struct rproc;

extern u8 __dtb_amp_rproc_kunit_overlay_begin[];
extern u8 __dtb_amp_rproc_kunit_overlay_end[];

#define AMP_RPROC_KUNIT_FW		"amp-rproc-kunit.elf"
#define AMP_RPROC_KUNIT_FW_DA		0x7ff00000ULL
#define AMP_RPROC_KUNIT_FW_SIZE		0x20000
#define AMP_RPROC_KUNIT_DATA_DA		0x7ff20000ULL
#define AMP_RPROC_KUNIT_DATA_SIZE	0x10000
#define AMP_RPROC_KUNIT_RSC_DA		0x7ff80000ULL
#define AMP_RPROC_KUNIT_SYSCON_PA	0x7ff81000ULL

/* Channels and reset lines of the fakes; the overlay uses them. */
#define AMP_RPROC_KUNIT_NR_CHANS	16
#define AMP_RPROC_KUNIT_NR_RESETS	8

/**
 * struct amp_rproc_kunit_ctx - what a case works with
 * @ovcs_id: the applied overlay
 * @pdev: the remote processor's platform device, once bound
 * @rproc: its remoteproc handle
 */
struct amp_rproc_kunit_ctx {
	int ovcs_id;
	struct platform_device *pdev;
	struct rproc *rproc;
};

/**
 * struct amp_rproc_kunit_seg - one PT_LOAD segment of a built image
 * @da: p_paddr
 * @filesz: bytes in the file, filled with @fill
 * @memsz: bytes at @da
 * @fill: byte the file data is made of
 */
struct amp_rproc_kunit_seg {
	u64 da;
	u64 filesz;
	u64 memsz;
	u8 fill;
};

/**
 * struct amp_rproc_kunit_elf - a built image and where its fields are
 * @data: the image
 * @size: its size
 * @is64: ELF64
 * @phoff: file offset of the program headers
 * @shoff: file offset of the section headers (0: none)
 * @rsc_off: file offset of the .resource_table data (0: none)
 */
struct amp_rproc_kunit_elf {
	u8 *data;
	size_t size;
	bool is64;
	size_t phoff;
	size_t shoff;
	size_t rsc_off;
};

int amp_rproc_kunit_init(struct kunit *test);
void amp_rproc_kunit_exit(struct kunit *test);
int amp_rproc_kunit_suite_init(struct kunit_suite *suite);
void amp_rproc_kunit_suite_exit(struct kunit_suite *suite);

int amp_rproc_kunit_bind(struct kunit *test, const char *path);
struct rproc *amp_rproc_kunit_find(struct kunit *test, const char *path);

void amp_rproc_kunit_log_clear(void);
const char *amp_rproc_kunit_log(struct kunit *test);
bool amp_rproc_kunit_log_is(const char *expected);
void amp_rproc_kunit_mbox_mute(unsigned int ch, bool mute);
void amp_rproc_kunit_mbox_rx(unsigned int ch, u32 msg);
void amp_rproc_kunit_reset_set(unsigned int id, bool asserted);
bool amp_rproc_kunit_reset_asserted(unsigned int id);

void amp_rproc_kunit_write_fw(struct kunit *test, const char *name,
			      const void *data, size_t size);
void amp_rproc_kunit_build_elf(struct kunit *test,
			       struct amp_rproc_kunit_elf *elf, bool is64,
			       u64 entry, const struct amp_rproc_kunit_seg *segs,
			       unsigned int nsegs, const void *rsc,
			       size_t rsc_size, u64 rsc_da);
bool amp_rproc_kunit_wait(bool (*cond)(void *arg), void *arg,
			  unsigned int ms);

extern struct kunit_suite amp_rproc_lifecycle_suite;
extern struct kunit_suite amp_rproc_probe_suite;
extern struct kunit_suite amp_rproc_elf_suite;
extern struct kunit_suite amp_rproc_stm32_suite;

#endif /* AMP_RPROC_KUNIT_H */
