/* SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause) */
/*
 * The remote's side of the amp,virt-mbox doorbell mailbox: the shared
 * page's slots (layout in <amp/abi/virt_board.h>) and the SPI that rings
 * Linux.
 */
#ifndef FW_MBOX_H
#define FW_MBOX_H

#include <fw/arch.h>

/* Bitmap of the channels Linux has sent a message on. */
unsigned int fw_mbox_pending(void);
/* Takes channel @ch's message and acknowledges it; returns its payload. */
unsigned int fw_mbox_take(unsigned int ch);
/*
 * Sends @data on channel @ch; -1 while Linux has not taken the previous
 * message. Linux learns of it at the next fw_mbox_ring().
 */
int fw_mbox_send(unsigned int ch, unsigned int data);
/* Rings Linux if anything was sent or acknowledged since the last ring. */
void fw_mbox_ring(void);

#endif /* FW_MBOX_H */
