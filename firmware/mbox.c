// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * Remote side of the amp,virt-mbox doorbell mailbox. Linux rings with an
 * SGI: whoever waits for it calls fw_mbox_pending() after every wake-up,
 * since doorbells coalesce and carry no channel number.
 */

#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/gic.h>
#include <fw/mbox.h>

static int fw_mbox_need_ring;

static uintptr_t fw_mbox_slot(unsigned int off)
{
	return AMP_VIRT_MBOX_SHM_BASE + off;
}

unsigned int fw_mbox_pending(void)
{
	unsigned int pending = 0;
	unsigned int ch;

	for (ch = 0; ch < AMP_VMBOX_CHANNELS; ch++)
		if (fw_read32(fw_mbox_slot(AMP_VMBOX_STATUS(AMP_VMBOX_H2R, ch))))
			pending |= 1u << ch;
	return pending;
}

unsigned int fw_mbox_take(unsigned int ch)
{
	unsigned int data = fw_read32(fw_mbox_slot(AMP_VMBOX_DATA(AMP_VMBOX_H2R, ch)));

	/* The acknowledgment: Linux may reuse the slot once it learns. */
	fw_write32(fw_mbox_slot(AMP_VMBOX_STATUS(AMP_VMBOX_H2R, ch)), 0);
	fw_mbox_need_ring = 1;
	return data;
}

int fw_mbox_send(unsigned int ch, unsigned int data)
{
	if (fw_read32(fw_mbox_slot(AMP_VMBOX_STATUS(AMP_VMBOX_R2H, ch))))
		return -1;
	fw_write32(fw_mbox_slot(AMP_VMBOX_DATA(AMP_VMBOX_R2H, ch)), data);
	fw_write32(fw_mbox_slot(AMP_VMBOX_STATUS(AMP_VMBOX_R2H, ch)), 1);
	fw_mbox_need_ring = 1;
	return 0;
}

void fw_mbox_ring(void)
{
	if (!fw_mbox_need_ring)
		return;
	fw_mbox_need_ring = 0;
	fw_gic_raise_spi(AMP_VIRT_MBOX_SPI);
}
