// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * board-test.elf: exercises the platform layer for the amp_board KUnit
 * suite. Every message on channel N is echoed back on channel N with its
 * payload plus one; a message on the shutdown channel is acknowledged,
 * then the CPU powers itself off.
 */

#include <stdint.h>

#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/gic.h>
#include <fw/mbox.h>
#include <fw/platform.h>
#include <fw/psci.h>
#include <fw/trace.h>

/* Linux takes a message within its interrupt latency; give up after. */
#define BOARD_TEST_SEND_TRIES	10000000

static void board_test_echo(unsigned int ch, unsigned int data)
{
	unsigned long tries;

	for (tries = 0; tries < BOARD_TEST_SEND_TRIES; tries++) {
		if (!fw_mbox_send(ch, data + 1))
			return;
		/* Make sure Linux has been told about the slot it holds. */
		fw_mbox_ring();
	}
	fw_trace("board-test: ch %u busy, echo 0x%x dropped\n", ch, data);
}

static void board_test_shutdown(void)
{
	int ret;

	fw_trace("board-test: shutdown\n");
	/* The acknowledgment must reach Linux before this CPU is off. */
	fw_mbox_ring();
	fw_gic_disable();
	ret = fw_psci_cpu_off();
	fw_trace("board-test: CPU_OFF failed: %d\n", ret);
}

void fw_main(unsigned long ctx)
{
	unsigned long rounds = 0;
	unsigned int psci;

	fw_trace_init(fw_trace_buf, AMP_VIRT_FW_TRACE_SIZE);
	psci = fw_psci_version();
	fw_trace("board-test: up, ctx %lx, psci %u.%u\n", ctx, psci >> 16,
		 psci & 0xffff);
	fw_gic_init(AMP_VIRT_MBOX_SGI);

	for (;;) {
		unsigned int pending;
		unsigned int ch;
		int shutdown = 0;

		/* Acknowledge first: a doorbell after this wakes the wfi. */
		fw_gic_drain();
		pending = fw_mbox_pending();
		if (!pending) {
			fw_wfi();
			continue;
		}

		for (ch = 0; ch < AMP_VMBOX_CHANNELS; ch++) {
			unsigned int data;

			if (!(pending & (1u << ch)))
				continue;
			data = fw_mbox_take(ch);
			if (ch == AMP_VMBOX_CH_SHUTDOWN) {
				shutdown = 1;
				continue;
			}
			rounds++;
			fw_trace("board-test: %lu: ch %u data 0x%x\n", rounds,
				 ch, data);
			board_test_echo(ch, data);
		}
		fw_mbox_ring();

		if (shutdown)
			board_test_shutdown();
	}
}
