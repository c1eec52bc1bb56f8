// SPDX-License-Identifier: GPL-2.0-only
/*
 * Module glue for the resource table code. The parser (rsc_parse.c) is
 * pure C shared with the host tools, so its exports live beside it.
 */

#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("AMP remoteproc resource table parser");
