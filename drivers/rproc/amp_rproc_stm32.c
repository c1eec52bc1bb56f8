// SPDX-License-Identifier: GPL-2.0-only
/*
 * STM32MP1 profile of the amp_rproc driver: reads the Cortex-M4 node as the
 * mainline device trees write it ("st,stm32mp1-m4", see
 * Documentation/devicetree/bindings/remoteproc/st,stm32-rproc.yaml), so a
 * board can use this driver without a device tree change:
 *
 * - resets "mcu_rst" and optionally "hold_boot" (SCMI), or the hold-boot
 *   bit in RCC through st,syscfg-holdboot (0 holds, the mask releases);
 * - st,syscfg-tz: with TrustZone set, only the secure world may control
 *   the M4, which this driver cannot do: probe fails;
 * - st,syscfg-m4-state: the M4 runs (attach) when it reads CRUN (2);
 * - st,syscfg-rsc-tbl: device address of the table of a running M4;
 * - st,syscfg-pdds (deep sleep) is left to the power driver.
 *
 * Mailbox channels vq0, vq1, shutdown, detach, the watchdog interrupt and
 * the memory-region list (named after the region nodes: vdev0vring0...) are
 * handled by the generic code.
 */

#include <linux/device.h>
#include <linux/regmap.h>

#include "amp_rproc.h"

/* st,syscfg-m4-state values (written by the M4 firmware). */
#define AMP_RPROC_STM32_M4_STATE_CRUN	2

static int amp_rproc_stm32_parse(struct amp_rproc *ar)
{
	struct amp_rproc_syscon tz = {};
	u32 val;
	int ret;

	ret = amp_rproc_syscon_get(ar, "st,syscfg-tz", 2, &tz, false);
	if (ret)
		return ret;
	if (tz.map) {
		ret = regmap_read(tz.map, tz.reg, &val);
		if (ret)
			return dev_err_probe(ar->dev, ret,
					     "st,syscfg-tz: cannot read it\n");
		if (val & tz.mask)
			return dev_err_probe(ar->dev, -EOPNOTSUPP,
					     "TrustZone owns the M4 (st,syscfg-tz set): not supported\n");
	}

	if (!ar->hold_boot_rst) {
		ret = amp_rproc_syscon_get(ar, "st,syscfg-holdboot", 2,
					   &ar->hold_boot, false);
		if (ret)
			return ret;
		if (!ar->hold_boot.map)
			return dev_err_probe(ar->dev, -EINVAL,
					     "no hold-boot: need reset hold_boot or st,syscfg-holdboot\n");
	}

	/* Without them the driver only loses attaching to a running M4. */
	ret = amp_rproc_syscon_get(ar, "st,syscfg-m4-state", 2,
				   &ar->state_syscon, true);
	if (ret)
		return ret;
	return amp_rproc_syscon_get(ar, "st,syscfg-rsc-tbl", 2,
				    &ar->rsc_table_syscon, true);
}

const struct amp_rproc_profile amp_rproc_stm32_profile = {
	.name = "stm32mp1",
	.core_reset = "mcu_rst",
	.hold_boot_reset = "hold_boot",
	.parse = amp_rproc_stm32_parse,
	.running_state = AMP_RPROC_STM32_M4_STATE_CRUN,
};
