// SPDX-License-Identifier: GPL-2.0-only
/*
 * Module glue of amp_lib.ko. The parsers beside this file are portable C
 * shared with the host tools; only this file is kernel-only.
 */

#include <linux/module.h>

MODULE_DESCRIPTION("AMP remoteproc: resource table parser and firmware image validator");
MODULE_LICENSE("GPL");
