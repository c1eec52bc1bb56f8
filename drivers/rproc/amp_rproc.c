// SPDX-License-Identifier: GPL-2.0-only
/*
 * amp_rproc: a remoteproc platform driver for any remote processor driven
 * through the mailbox and reset controller frameworks, configured from its
 * device tree node alone (compatible "amp,rproc", or any node bound through
 * driver_override), with a profile accepting the mainline STM32MP1 Cortex-M4
 * node ("st,stm32mp1-m4") as written.
 *
 * Firmware images are ELF32 or ELF64, checked by the project's validator
 * before a byte is written; the resource table goes to amp_rsc.ko unless
 * core_rsc_table asks the remoteproc core to handle it as it does for
 * in-tree drivers (amp_rproc_table.c).
 */

#include <linux/device.h>
#include <linux/elf.h>
#include <linux/interrupt.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/regmap.h>
#include <linux/remoteproc.h>
#include <linux/reset.h>
#include <linux/sizes.h>
#include <linux/mfd/syscon.h>

#include <amp/internal/compat.h>

#include "amp_rproc.h"

static bool core_rsc_table;
module_param(core_rsc_table, bool, 0444);
MODULE_PARM_DESC(core_rsc_table,
		 "let the remoteproc core handle v1 resource tables instead of amp_rsc (read at probe)");

static bool detach_on_unbind;
module_param(detach_on_unbind, bool, 0644);
MODULE_PARM_DESC(detach_on_unbind,
		 "leave a running remote running, detached, when the driver unbinds (read at unbind)");

static const struct amp_rproc_profile amp_rproc_generic_profile = {
	.name = "generic",
	.core_reset = "core",
	.hold_boot_reset = "hold-boot",
};

int amp_rproc_syscon_get(struct amp_rproc *ar, const char *prop,
			 unsigned int nargs, struct amp_rproc_syscon *sc,
			 bool optional)
{
	struct device_node *np = ar->dev->of_node;
	unsigned int args[2] = { 0, 0xffffffff };
	int ret;

	if (!of_find_property(np, prop, NULL))
		return 0;
	sc->map = syscon_regmap_lookup_by_phandle_args(np, prop, nargs, args);
	if (IS_ERR(sc->map)) {
		ret = PTR_ERR(sc->map);
		sc->map = NULL;
		/* A kernel without CONFIG_MFD_SYSCON: do without the feature. */
		if (optional && ret == -ENOTSUPP) {
			dev_warn(ar->dev, "%s ignored: the kernel has no syscon support\n",
				 prop);
			return 0;
		}
		return dev_err_probe(ar->dev, ret, "%s: no usable syscon\n",
				     prop);
	}
	sc->reg = args[0];
	sc->mask = args[1];
	return 0;
}

/*
 * A crash the remote or its watchdog reports, in any context. Only a
 * remote that runs can crash, and only once per run: a report in any other
 * state (a stale doorbell, a remote ringing while offline) or after the
 * first is noted at debug level, rate-limited, so a remote that keeps
 * ringing cannot flood the log.
 */
void amp_rproc_report_crash(struct amp_rproc *ar, enum rproc_crash_type type,
			    const char *how)
{
	enum rproc_state state = READ_ONCE(ar->rproc->state);

	if ((state != RPROC_RUNNING && state != RPROC_ATTACHED) ||
	    test_and_set_bit(AMP_RPROC_CRASH_REPORTED, &ar->flags)) {
		dev_dbg_ratelimited(ar->dev, "crash report (%s) ignored: the remote is not running or was reported already\n",
				    how);
		return;
	}
	dev_err(ar->dev, "the remote crashed: %s\n", how);
	rproc_report_crash(ar->rproc, type);
}

static int amp_rproc_set_hold_boot(struct amp_rproc *ar, bool hold)
{
	if (ar->hold_boot_rst)
		return hold ? reset_control_assert(ar->hold_boot_rst) :
			      reset_control_deassert(ar->hold_boot_rst);
	if (ar->hold_boot.map)
		return regmap_update_bits(ar->hold_boot.map, ar->hold_boot.reg,
					  ar->hold_boot.mask,
					  hold ? 0 : ar->hold_boot.mask);
	return 0;
}

static int amp_rproc_prepare(struct rproc *rproc)
{
	struct amp_rproc *ar = rproc->priv;

	return ar->table->prepare ? ar->table->prepare(ar) : 0;
}

static int amp_rproc_start(struct rproc *rproc)
{
	struct amp_rproc *ar = rproc->priv;
	int ret;

	clear_bit(AMP_RPROC_CRASH_REPORTED, &ar->flags);
	if (ar->boot_addr.map) {
		/* A 32-bit register: an entry above 4 GiB cannot be set. */
		if (upper_32_bits(rproc->bootaddr)) {
			dev_err(ar->dev, "boot address 0x%llx does not fit the boot address register\n",
				rproc->bootaddr);
			return -EINVAL;
		}
		ret = regmap_update_bits(ar->boot_addr.map, ar->boot_addr.reg,
					 ar->boot_addr.mask,
					 lower_32_bits(rproc->bootaddr));
		if (ret) {
			dev_err(ar->dev, "cannot set the boot address: %d\n", ret);
			return ret;
		}
	}

	ret = reset_control_deassert(ar->core_rst);
	if (ret) {
		dev_err(ar->dev, "cannot deassert the core reset: %d\n", ret);
		return ret;
	}
	ret = amp_rproc_set_hold_boot(ar, false);
	if (ret) {
		dev_err(ar->dev, "cannot release the hold-boot: %d\n", ret);
		reset_control_assert(ar->core_rst);
		return ret;
	}
	return 0;
}

static int amp_rproc_stop(struct rproc *rproc)
{
	struct amp_rproc *ar = rproc->priv;
	int ret;

	/*
	 * The core only detaches a remote it attached to; one it booted is
	 * handed over like a boot loader's: the next probe attaches to it.
	 */
	if (detach_on_unbind && READ_ONCE(ar->unbinding) &&
	    rproc->state == RPROC_RUNNING) {
		amp_rproc_mbox_detach(ar);
		dev_info(ar->dev, "unbinding: the remote keeps running, detached\n");
		return 0;
	}

	/*
	 * Ask whatever the core's state says: a crashed remote's crash
	 * handler may still run, a start that failed after ops->start (the
	 * core's state still "offline") left the remote running, and a CPU
	 * started through PSCI can only power itself off. One that does not
	 * answer costs the timeout before its reset is forced.
	 */
	amp_rproc_mbox_shutdown(ar);

	ret = amp_rproc_set_hold_boot(ar, true);
	if (ret)
		dev_warn(ar->dev, "cannot set the hold-boot: %d\n", ret);
	ret = reset_control_assert(ar->core_rst);
	if (ret) {
		dev_err(ar->dev, "cannot assert the core reset, the remote may still run: %d\n",
			ret);
		return ret;
	}
	return 0;
}

/*
 * No image told the core the ELF class of a remote someone else loaded,
 * and the core dumps nothing without one. Take the narrowest class that
 * holds every region's device address; the machine stays unknown.
 */
static int amp_rproc_attach(struct rproc *rproc)
{
	struct amp_rproc *ar = rproc->priv;
	u8 class = ELFCLASS32;
	unsigned int i;

	clear_bit(AMP_RPROC_CRASH_REPORTED, &ar->flags);
	if (rproc->elf_class != ELFCLASSNONE)
		return 0;
	for (i = 0; i < ar->num_regions; i++)
		if (ar->regions[i].da + ar->regions[i].size > SZ_4G)
			class = ELFCLASS64;
	rproc_coredump_set_elf_info(rproc, class, EM_NONE);
	return 0;
}

static int amp_rproc_detach(struct rproc *rproc)
{
	amp_rproc_mbox_detach(rproc->priv);
	return 0;
}

static int amp_rproc_parse_fw(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;
	int ret;

	ret = ar->table->parse_fw(ar, fw);
	if (ret)
		return ret;
	amp_rproc_mem_add_coredump(ar);
	return 0;
}

/* Where a pre-booted remote keeps its table, mapped by prepare(). */
static void *amp_rproc_find_table(struct amp_rproc *ar, size_t *size)
{
	struct amp_rsc_region *r;
	u32 da;
	int ret;

	if (ar->rsc_table_syscon.map) {
		ret = regmap_read(ar->rsc_table_syscon.map,
				  ar->rsc_table_syscon.reg, &da);
		if (ret)
			return ERR_PTR(ret);
		da &= ar->rsc_table_syscon.mask;
		if (!da)
			return NULL;
		r = amp_rproc_mem_find(ar, da, AMP_RPROC_RSC_TABLE_SIZE);
		if (!r) {
			dev_err(ar->dev, "resource table at da 0x%x is in no region of the remote\n",
				da);
			return ERR_PTR(-EINVAL);
		}
		*size = AMP_RPROC_RSC_TABLE_SIZE;
		return r->va + (da - r->da);
	}
	if (!ar->rsc_table || !ar->rsc_table->va)
		return NULL;
	*size = ar->rsc_table->size;
	return ar->rsc_table->va;
}

static struct resource_table *
amp_rproc_get_loaded_rsc_table(struct rproc *rproc, size_t *table_sz)
{
	struct amp_rproc *ar = rproc->priv;
	size_t size = 0;
	void *table;

	table = amp_rproc_find_table(ar, &size);
	if (IS_ERR(table))
		return table;
	if (table)
		table = ar->table->attach(ar, table, size);
	if (IS_ERR(table))
		return table;
	*table_sz = size;
	amp_rproc_mem_add_coredump(ar);
	return table;
}

static struct resource_table *
amp_rproc_find_loaded_rsc_table(struct rproc *rproc, const struct firmware *fw)
{
	struct amp_rproc *ar = rproc->priv;

	/*
	 * NULL when amp_rsc handles the table: the core would otherwise copy
	 * its cached table, which it does not have, over the loaded one.
	 */
	return ar->table->find_loaded ? ar->table->find_loaded(rproc, fw) :
					NULL;
}

static const struct rproc_ops amp_rproc_ops = {
	.prepare = amp_rproc_prepare,
	.start = amp_rproc_start,
	.stop = amp_rproc_stop,
	.attach = amp_rproc_attach,
	.detach = amp_rproc_detach,
	.kick = amp_rproc_mbox_kick,
	.da_to_va = amp_rproc_mem_da_to_va,
	.parse_fw = amp_rproc_parse_fw,
	.find_loaded_rsc_table = amp_rproc_find_loaded_rsc_table,
	.load = amp_rproc_elf_load,
	.sanity_check = amp_rproc_elf_sanity_check,
	.get_boot_addr = amp_rproc_elf_get_boot_addr,
	.get_loaded_rsc_table = amp_rproc_get_loaded_rsc_table,
};

static irqreturn_t amp_rproc_wdg_irq(int irq, void *data)
{
	struct amp_rproc *ar = data;

	amp_rproc_report_crash(ar, RPROC_WATCHDOG, "its watchdog fired");
	return IRQ_HANDLED;
}

static int amp_rproc_get_irq(struct amp_rproc *ar)
{
	struct platform_device *pdev = to_platform_device(ar->dev);
	int irq, ret;

	irq = platform_get_irq_optional(pdev, 0);
	if (irq == -ENXIO)
		return 0;
	if (irq < 0)
		return dev_err_probe(ar->dev, irq, "watchdog interrupt: cannot get it\n");
	ret = devm_request_irq(ar->dev, irq, amp_rproc_wdg_irq, 0,
			       dev_name(ar->dev), ar);
	if (ret)
		return dev_err_probe(ar->dev, ret,
				     "watchdog interrupt %d: cannot request it\n",
				     irq);
	return 0;
}

static int amp_rproc_get_resets(struct amp_rproc *ar)
{
	const struct amp_rproc_profile *p = ar->profile;

	ar->core_rst = devm_reset_control_get_exclusive(ar->dev, p->core_reset);
	if (IS_ERR(ar->core_rst))
		return dev_err_probe(ar->dev, PTR_ERR(ar->core_rst),
				     "reset %s: cannot get it\n", p->core_reset);
	ar->hold_boot_rst = devm_reset_control_get_optional_exclusive(ar->dev,
								      p->hold_boot_reset);
	if (IS_ERR(ar->hold_boot_rst))
		return dev_err_probe(ar->dev, PTR_ERR(ar->hold_boot_rst),
				     "reset %s: cannot get it\n",
				     p->hold_boot_reset);
	return 0;
}

/* Is the remote already running (started by a boot loader)? */
static bool amp_rproc_is_running(struct amp_rproc *ar)
{
	u32 state;

	if (ar->state_syscon.map) {
		if (regmap_read(ar->state_syscon.map, ar->state_syscon.reg,
				&state))
			return false;
		return (state & ar->state_syscon.mask) ==
		       ar->profile->running_state;
	}
	if (of_property_read_bool(ar->dev->of_node, "amp,pre-booted"))
		return true;
	/* 0: deasserted. Errors (no status support) mean "not known to run". */
	return reset_control_status(ar->core_rst) == 0;
}

/*
 * Runs after devm's rproc_del() (registered before rproc_add()). The core
 * stops the remote there only when its last user lets go; the extra
 * users were dropped just before (amp_rproc_mark_unbinding()), but a
 * start written in between counts one more, and the remote is left
 * running: the next probe would attach to it. Stop it as the core would
 * have (amp_rsc_destroy() does the resource handler's part).
 */
static void amp_rproc_stop_left(void *data)
{
	struct amp_rproc *ar = data;
	unsigned int state = ar->rproc->state;

	if (state != RPROC_RUNNING && state != RPROC_CRASHED &&
	    state != RPROC_ATTACHED)
		return;
	dev_info(ar->dev, "unbinding: %d user(s) still held the remote; stopping it\n",
		 atomic_read(&ar->rproc->power));
	amp_rproc_stop(ar->rproc);
}

/*
 * Runs before devm's rproc_del() (registered after rproc_add()): the stop
 * that rproc_del() issues is then known to be the driver's unbind, and
 * issued however many users booted the remote.
 */
static void amp_rproc_mark_unbinding(void *data)
{
	struct amp_rproc *ar = data;

	WRITE_ONCE(ar->unbinding, true);
	amp_rproc_drop_extra_users(ar->rproc);
}

static int amp_rproc_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev->of_node;
	const struct amp_rproc_profile *profile;
	const char *fw_name = NULL;
	struct amp_rproc *ar;
	struct rproc *rproc;
	int ret;

	if (!np)
		return dev_err_probe(dev, -ENODEV, "needs a device tree node\n");
	profile = of_device_get_match_data(dev);
	if (!profile)
		profile = &amp_rproc_generic_profile;

	ret = rproc_of_parse_firmware(dev, 0, &fw_name);
	if (ret && ret != -EINVAL)
		return dev_err_probe(dev, ret, "firmware-name: unreadable\n");
	rproc = devm_rproc_alloc(dev, dev_name(dev), &amp_rproc_ops, fw_name,
				 sizeof(*ar));
	if (!rproc)
		return -ENOMEM;
	ar = rproc->priv;
	ar->dev = dev;
	ar->rproc = rproc;
	ar->profile = profile;
	platform_set_drvdata(pdev, rproc);

	ret = amp_rproc_mem_parse(ar);
	if (ret)
		return ret;
	ret = amp_rproc_get_resets(ar);
	if (ret)
		return ret;
	ret = amp_rproc_syscon_get(ar, "amp,boot-address", 1, &ar->boot_addr,
				   false);
	if (ret)
		return ret;
	if (profile->parse) {
		ret = profile->parse(ar);
		if (ret)
			return ret;
	}
	/*
	 * What a doorbell reaches exists before the first doorbell can come
	 * and goes after the last: devm releases in reverse order, so the
	 * resource handler outlives the mailbox channels and the notify work.
	 */
	ret = amp_rproc_table_init(ar, core_rsc_table);
	if (ret)
		return ret;
	ret = amp_rproc_mbox_request(ar);
	if (ret)
		return ret;
	ret = amp_rproc_get_irq(ar);
	if (ret)
		return ret;

	if (amp_rproc_is_running(ar)) {
		dev_info(dev, "remote already running: attaching\n");
		rproc->state = RPROC_DETACHED;
		rproc->auto_boot = true;
	} else {
		rproc->auto_boot = of_property_read_bool(np, "amp,auto-boot");
	}

	ret = devm_add_action_or_reset(dev, amp_rproc_stop_left, ar);
	if (ret)
		return ret;
	ret = amp_devm_rproc_add(dev, rproc);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register the remote processor\n");
	ret = devm_add_action_or_reset(dev, amp_rproc_mark_unbinding, ar);
	if (ret)
		return ret;
	dev_info(dev, "%s remote processor %s registered (%s profile, %u regions)\n",
		 ar->table->name, rproc->name, profile->name, ar->num_regions);
	return 0;
}

static const struct of_device_id amp_rproc_of_match[] = {
	{ .compatible = "amp,rproc", .data = &amp_rproc_generic_profile },
	{ .compatible = "st,stm32mp1-m4", .data = &amp_rproc_stm32_profile },
	{ }
};
MODULE_DEVICE_TABLE(of, amp_rproc_of_match);

static struct platform_driver amp_rproc_driver = {
	.probe = amp_rproc_probe,
	.driver = {
		.name = "amp_rproc",
		.of_match_table = amp_rproc_of_match,
	},
};
module_platform_driver(amp_rproc_driver);

MODULE_DESCRIPTION("Generic remoteproc platform driver for mailbox and reset controlled remote processors");
MODULE_LICENSE("GPL");
