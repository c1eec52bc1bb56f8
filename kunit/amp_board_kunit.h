/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The amp_board suite's DT overlay, wrapped into the test module by
 * kbuild's .dtb.o rule from amp_board_kunit_overlay.dts (the symbols'
 * names derive from the file's).
 */
#ifndef AMP_BOARD_KUNIT_H
#define AMP_BOARD_KUNIT_H

#include <linux/types.h>

extern u8 __dtb_amp_board_kunit_overlay_begin[];
extern u8 __dtb_amp_board_kunit_overlay_end[];

#endif /* AMP_BOARD_KUNIT_H */
