// SPDX-License-Identifier: GPL-2.0-only
/*
 * Module glue of amp_kunit_util.ko, the helpers the project's KUnit suites
 * share (see amp_kunit_util.h). It holds no suite of its own.
 */

#include <linux/module.h>

MODULE_DESCRIPTION("Helpers shared by the AMP remoteproc KUnit suites");
MODULE_LICENSE("GPL");
