/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * amp_doorbell_bench's DT overlay, wrapped into the module by kbuild's
 * .dtb.o rule from amp_doorbell_bench_overlay.dts (the symbols' names
 * derive from the file's).
 */
#ifndef AMP_DOORBELL_BENCH_H
#define AMP_DOORBELL_BENCH_H

#include <linux/types.h>

extern u8 __dtb_amp_doorbell_bench_overlay_begin[];
extern u8 __dtb_amp_doorbell_bench_overlay_end[];

#endif /* AMP_DOORBELL_BENCH_H */
