/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * GICv2 from the remote CPU's side. Linux owns the distributor: the remote
 * only writes its own banked registers (SGI/PPI enables and priorities)
 * and write-1-to-set registers, never read-modify-writes shared state.
 */
#ifndef FW_GIC_H
#define FW_GIC_H

#define FW_GIC_SPURIOUS		1023

/* Enables this CPU's interface and SGI @sgi; drops stale interrupts. */
void fw_gic_init(unsigned int sgi);
/* Acknowledges and ends the highest pending interrupt; returns its id. */
unsigned int fw_gic_ack(void);
/* Acknowledges every pending interrupt (the caller polls its sources). */
void fw_gic_drain(void);
/* Pends SPI @spi (GIC id 32 + @spi) towards Linux. */
void fw_gic_raise_spi(unsigned int spi);
/* Stops this CPU's interface from signalling: before CPU_OFF. */
void fw_gic_disable(void);

#endif /* FW_GIC_H */
