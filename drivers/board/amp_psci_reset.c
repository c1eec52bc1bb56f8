// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reset line of a CPU that Linux does not run on, driven through PSCI.
 *
 * Deasserting the line powers the CPU on at a fixed reset vector
 * (CPU_ON). PSCI gives no way to power another CPU off: the remote does
 * that itself with CPU_OFF once asked to stop (through a mailbox, say), so
 * asserting the line only waits until AFFINITY_INFO reports the CPU off,
 * and fails with -ETIMEDOUT when it does not stop in time. The line's
 * status is AFFINITY_INFO too, which tells a remoteproc driver whether a
 * remote started before Linux is running (attach). debugfs shows it as
 * amp_psci_reset/<device>/cpu_state ("on", "off" or "on-pending"), so a
 * test can see the CPU really went off.
 *
 * psci_ops is not exported and QEMU's SMCCC v1.0 leaves the SMCCC 1.1
 * conduit unset, so the /psci node's method picks the exported
 * arm_smccc_hvc() or arm_smccc_smc().
 */

#include <linux/arm-smccc.h>
#include <linux/debugfs.h>
#include <linux/iopoll.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/reset-controller.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <uapi/linux/psci.h>

#define AMP_PSCI_RESET_DEFAULT_TIMEOUT_MS	500
#define AMP_PSCI_RESET_POLL_US			1000

#ifdef CONFIG_64BIT
#define AMP_PSCI_FN_CPU_ON		PSCI_0_2_FN64_CPU_ON
#define AMP_PSCI_FN_AFFINITY_INFO	PSCI_0_2_FN64_AFFINITY_INFO
#else
#define AMP_PSCI_FN_CPU_ON		PSCI_0_2_FN_CPU_ON
#define AMP_PSCI_FN_AFFINITY_INFO	PSCI_0_2_FN_AFFINITY_INFO
#endif

typedef void (*amp_psci_reset_fn)(unsigned long a0, unsigned long a1,
				  unsigned long a2, unsigned long a3,
				  unsigned long a4, unsigned long a5,
				  unsigned long a6, unsigned long a7,
				  struct arm_smccc_res *res,
				  struct arm_smccc_quirk *quirk);

/**
 * struct amp_psci_reset - reset line of one remote CPU
 * @rcdev: the reset controller registered with the framework
 * @call: the PSCI conduit, __arm_smccc_hvc() or __arm_smccc_smc()
 * @mpidr: MPIDR affinity value of the remote CPU
 * @entry: physical address the remote CPU starts at
 * @context: value the remote CPU finds in r0/x0
 * @timeout_ms: how long assert waits for the remote to power itself off
 * @debugfs: the device's debugfs directory
 */
struct amp_psci_reset {
	struct reset_controller_dev rcdev;
	amp_psci_reset_fn call;
	unsigned long mpidr;
	unsigned long entry;
	unsigned long context;
	u32 timeout_ms;
	struct dentry *debugfs;
};

static struct dentry *amp_psci_reset_debugfs_root;

static struct amp_psci_reset *to_amp_psci_reset(struct reset_controller_dev *r)
{
	return container_of(r, struct amp_psci_reset, rcdev);
}

static long amp_psci_reset_call(struct amp_psci_reset *pr, unsigned long fn,
				unsigned long a1, unsigned long a2,
				unsigned long a3)
{
	struct arm_smccc_res res;

	pr->call(fn, a1, a2, a3, 0, 0, 0, 0, &res, NULL);
	/* PSCI returns int32 values; sign-extend them on arm64. */
	return (s32)res.a0;
}

static long amp_psci_reset_affinity(struct amp_psci_reset *pr)
{
	return amp_psci_reset_call(pr, AMP_PSCI_FN_AFFINITY_INFO, pr->mpidr,
				   0, 0);
}

static int amp_psci_reset_errno(long psci)
{
	switch (psci) {
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
	case PSCI_RET_INVALID_ADDRESS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	case PSCI_RET_ON_PENDING:
		return -EBUSY;
	default:
		return -EIO;
	}
}

static int amp_psci_reset_deassert(struct reset_controller_dev *rcdev,
				   unsigned long id)
{
	struct amp_psci_reset *pr = to_amp_psci_reset(rcdev);
	long ret;

	ret = amp_psci_reset_call(pr, AMP_PSCI_FN_CPU_ON, pr->mpidr, pr->entry,
				  pr->context);
	/* Already out of reset: the running code is left alone. */
	if (ret == PSCI_RET_SUCCESS || ret == PSCI_RET_ALREADY_ON)
		return 0;

	dev_err(rcdev->dev, "CPU_ON(%#lx, %#lx) failed: %ld\n", pr->mpidr,
		pr->entry, ret);
	return amp_psci_reset_errno(ret);
}

static int amp_psci_reset_assert(struct reset_controller_dev *rcdev,
				 unsigned long id)
{
	struct amp_psci_reset *pr = to_amp_psci_reset(rcdev);
	long state;
	int ret;

	/*
	 * The remote calls CPU_OFF itself; AFFINITY_INFO may still read ON
	 * for a moment after it did.
	 */
	ret = read_poll_timeout(amp_psci_reset_affinity, state,
				state != PSCI_0_2_AFFINITY_LEVEL_ON &&
				state != PSCI_0_2_AFFINITY_LEVEL_ON_PENDING,
				AMP_PSCI_RESET_POLL_US,
				pr->timeout_ms * USEC_PER_MSEC, false, pr);
	if (ret) {
		dev_err(rcdev->dev, "CPU %#lx did not power off within %u ms\n",
			pr->mpidr, pr->timeout_ms);
		return ret;
	}
	if (state != PSCI_0_2_AFFINITY_LEVEL_OFF) {
		dev_err(rcdev->dev, "AFFINITY_INFO(%#lx) failed: %ld\n",
			pr->mpidr, state);
		return amp_psci_reset_errno(state);
	}

	return 0;
}

static int amp_psci_reset_status(struct reset_controller_dev *rcdev,
				 unsigned long id)
{
	struct amp_psci_reset *pr = to_amp_psci_reset(rcdev);
	long state = amp_psci_reset_affinity(pr);

	switch (state) {
	case PSCI_0_2_AFFINITY_LEVEL_OFF:
		return 1;
	case PSCI_0_2_AFFINITY_LEVEL_ON:
	case PSCI_0_2_AFFINITY_LEVEL_ON_PENDING:
		return 0;
	default:
		return amp_psci_reset_errno(state);
	}
}

static int amp_psci_reset_cpu_state_show(struct seq_file *s, void *unused)
{
	struct amp_psci_reset *pr = s->private;
	long state = amp_psci_reset_affinity(pr);

	switch (state) {
	case PSCI_0_2_AFFINITY_LEVEL_ON:
		seq_puts(s, "on\n");
		break;
	case PSCI_0_2_AFFINITY_LEVEL_OFF:
		seq_puts(s, "off\n");
		break;
	case PSCI_0_2_AFFINITY_LEVEL_ON_PENDING:
		seq_puts(s, "on-pending\n");
		break;
	default:
		seq_printf(s, "error %ld\n", state);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(amp_psci_reset_cpu_state);

static void amp_psci_reset_debugfs_remove(void *data)
{
	struct amp_psci_reset *pr = data;

	debugfs_remove_recursive(pr->debugfs);
}

static const struct reset_control_ops amp_psci_reset_ops = {
	.assert = amp_psci_reset_assert,
	.deassert = amp_psci_reset_deassert,
	.status = amp_psci_reset_status,
};

/* One line per node: the specifier has no cells. */
static int amp_psci_reset_xlate(struct reset_controller_dev *rcdev,
				const struct of_phandle_args *spec)
{
	return 0;
}

static int amp_psci_reset_conduit(struct amp_psci_reset *pr,
				  struct device *dev)
{
	struct device_node *np;
	const char *method;
	int ret;

	np = of_find_node_by_path("/psci");
	if (!np)
		return dev_err_probe(dev, -ENODEV, "no /psci node\n");
	ret = of_property_read_string(np, "method", &method);
	if (ret) {
		of_node_put(np);
		return dev_err_probe(dev, ret, "no /psci method\n");
	}
	if (!strcmp(method, "hvc"))
		pr->call = __arm_smccc_hvc;
	else if (!strcmp(method, "smc"))
		pr->call = __arm_smccc_smc;
	else
		ret = dev_err_probe(dev, -EINVAL, "unknown PSCI method %s\n",
				    method);
	of_node_put(np);

	return ret;
}

static int amp_psci_reset_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev->of_node;
	struct amp_psci_reset *pr;
	u32 mpidr, context = 0;
	u64 entry;
	int ret;

	pr = devm_kzalloc(dev, sizeof(*pr), GFP_KERNEL);
	if (!pr)
		return -ENOMEM;

	ret = amp_psci_reset_conduit(pr, dev);
	if (ret)
		return ret;

	ret = of_property_read_u32(np, "amp,mpidr", &mpidr);
	if (ret)
		return dev_err_probe(dev, ret, "no amp,mpidr\n");
	ret = of_property_read_u64(np, "amp,reset-vector", &entry);
	if (ret)
		return dev_err_probe(dev, ret, "no amp,reset-vector\n");
	if (entry != (unsigned long)entry)
		return dev_err_probe(dev, -EINVAL,
				     "amp,reset-vector %#llx out of reach\n",
				     entry);
	of_property_read_u32(np, "amp,context", &context);
	pr->timeout_ms = AMP_PSCI_RESET_DEFAULT_TIMEOUT_MS;
	of_property_read_u32(np, "amp,stop-timeout-ms", &pr->timeout_ms);
	if (!pr->timeout_ms)
		return dev_err_probe(dev, -EINVAL,
				     "amp,stop-timeout-ms must not be 0\n");

	pr->mpidr = mpidr;
	pr->entry = entry;
	pr->context = context;
	pr->rcdev.owner = THIS_MODULE;
	pr->rcdev.dev = dev;
	pr->rcdev.of_node = np;
	pr->rcdev.ops = &amp_psci_reset_ops;
	pr->rcdev.nr_resets = 1;
	pr->rcdev.of_reset_n_cells = 0;
	pr->rcdev.of_xlate = amp_psci_reset_xlate;

	ret = devm_reset_controller_register(dev, &pr->rcdev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register reset\n");

	pr->debugfs = debugfs_create_dir(dev_name(dev),
					 amp_psci_reset_debugfs_root);
	debugfs_create_file("cpu_state", 0400, pr->debugfs, pr,
			    &amp_psci_reset_cpu_state_fops);
	ret = devm_add_action_or_reset(dev, amp_psci_reset_debugfs_remove, pr);
	if (ret)
		return ret;

	dev_dbg(dev, "CPU %#lx, reset vector %#lx\n", pr->mpidr, pr->entry);
	return 0;
}

static const struct of_device_id amp_psci_reset_of_match[] = {
	{ .compatible = "amp,psci-cpu-reset" },
	{ }
};
MODULE_DEVICE_TABLE(of, amp_psci_reset_of_match);

static struct platform_driver amp_psci_reset_driver = {
	.probe = amp_psci_reset_probe,
	.driver = {
		.name = "amp-psci-reset",
		.of_match_table = amp_psci_reset_of_match,
	},
};

static int __init amp_psci_reset_init(void)
{
	int ret;

	amp_psci_reset_debugfs_root = debugfs_create_dir("amp_psci_reset",
							 NULL);
	ret = platform_driver_register(&amp_psci_reset_driver);
	if (ret)
		debugfs_remove_recursive(amp_psci_reset_debugfs_root);
	return ret;
}
module_init(amp_psci_reset_init);

static void __exit amp_psci_reset_exit(void)
{
	platform_driver_unregister(&amp_psci_reset_driver);
	debugfs_remove_recursive(amp_psci_reset_debugfs_root);
}
module_exit(amp_psci_reset_exit);

MODULE_DESCRIPTION("Reset line of a remote CPU powered on through PSCI");
MODULE_LICENSE("GPL");
