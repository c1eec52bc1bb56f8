/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/* PSCI calls of the remote, through the board's conduit (hvc). */
#ifndef FW_PSCI_H
#define FW_PSCI_H

#include <fw/arch.h>

unsigned int fw_psci_version(void);
/* Powers this CPU off; returns only on failure, with PSCI's error. */
int fw_psci_cpu_off(void);

#endif /* FW_PSCI_H */
