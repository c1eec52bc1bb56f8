// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * GICv2 CPU interface of the remote CPU, and the few distributor registers
 * the remote may touch: its own banked SGI enable and priority registers,
 * and GICD_ISPENDR (write 1 to set) to ring Linux.
 */

#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/gic.h>

#define GICD_ISENABLER0		0x100
#define GICD_ISPENDR(n)		(0x200 + 4 * (n))
#define GICD_IPRIORITYR(n)	(0x400 + 4 * (n))

#define GICC_CTLR		0x00
#define GICC_PMR		0x04
#define GICC_IAR		0x0c
#define GICC_EOIR		0x10

#define GIC_SPI_BASE		32
#define GIC_ID_MASK		0x3ff
/* Lowest priority still signalled; ours sits well above it. */
#define GIC_PMR_ALL		0xf0
#define GIC_SGI_PRIO		0xa0

static void gicd_write(unsigned int off, unsigned int val)
{
	fw_write32(AMP_VIRT_GICD_BASE + off, val);
}

static unsigned int gicc_read(unsigned int off)
{
	return fw_read32(AMP_VIRT_GICC_BASE + off);
}

static void gicc_write(unsigned int off, unsigned int val)
{
	fw_write32(AMP_VIRT_GICC_BASE + off, val);
}

void fw_gic_init(unsigned int sgi)
{
	/* Banked per CPU: the four priority bytes of SGIs 4n..4n+3 are ours. */
	gicd_write(GICD_IPRIORITYR(sgi / 4), GIC_SGI_PRIO * 0x01010101u);
	gicd_write(GICD_ISENABLER0, 1u << sgi);
	gicc_write(GICC_PMR, GIC_PMR_ALL);
	gicc_write(GICC_CTLR, 1);
	/*
	 * A doorbell rung while this CPU was off stays pending across
	 * CPU_ON; the mailbox slots, polled next, say what it was for.
	 */
	fw_gic_drain();
}

unsigned int fw_gic_ack(void)
{
	unsigned int iar = gicc_read(GICC_IAR);
	unsigned int id = iar & GIC_ID_MASK;

	/* EOIR takes the whole IAR value: an SGI's source CPU included. */
	if (id != FW_GIC_SPURIOUS)
		gicc_write(GICC_EOIR, iar);
	return id;
}

void fw_gic_drain(void)
{
	while (fw_gic_ack() != FW_GIC_SPURIOUS)
		;
}

void fw_gic_raise_spi(unsigned int spi)
{
	unsigned int id = GIC_SPI_BASE + spi;

	/* Whatever the interrupt announces must be visible first. */
	fw_dsb();
	gicd_write(GICD_ISPENDR(id / 32), 1u << (id % 32));
}

void fw_gic_disable(void)
{
	gicc_write(GICC_CTLR, 0);
	fw_dsb();
}
