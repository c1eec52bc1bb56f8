/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Every difference between the supported kernels (6.1 and 6.12) that the
 * project's modules meet lives here, so the rest of the code is written
 * against the 6.12 API only.
 */
#ifndef AMP_COMPAT_H
#define AMP_COMPAT_H

#include <linux/types.h>
#include <linux/version.h>

/* <asm/unaligned.h> became <linux/unaligned.h> in 6.12. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * <kunit/visibility.h> arrived in 6.2. Before it, export into the same
 * namespace unconditionally: without KUnit nothing imports it.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#include <kunit/visibility.h>
#else
#include <linux/export.h>
#define EXPORT_SYMBOL_IF_KUNIT(symbol) \
	EXPORT_SYMBOL_NS(symbol, EXPORTED_FOR_KUNIT_TESTING)
#endif

/*
 * Imports the namespace EXPORT_SYMBOL_IF_KUNIT() exports into; 6.13 made
 * namespace names string literals.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define AMP_IMPORT_KUNIT_NS() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define AMP_IMPORT_KUNIT_NS() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

/* of_overlay_fdt_apply() gained a target base node in 6.6. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 6, 0)
#define amp_of_overlay_fdt_apply(fdt, size, ovcs_id) \
	of_overlay_fdt_apply(fdt, size, ovcs_id, NULL)
#else
#define amp_of_overlay_fdt_apply(fdt, size, ovcs_id) \
	of_overlay_fdt_apply(fdt, size, ovcs_id)
#endif

#endif /* AMP_COMPAT_H */
