// SPDX-License-Identifier: GPL-2.0-only
/*
 * Module glue for the resource table code. The parser (rsc_parse.c) is
 * pure C shared with the host tools; the handlers beside this file use it
 * to serve remoteproc platform drivers (see include/amp/rsc.h).
 */

#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("AMP remoteproc resource table parser and handlers");
