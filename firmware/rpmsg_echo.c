// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * rpmsg-echo: the reference remote. For every rpmsg virtio device in its
 * resource table it waits until the host driver is ready, announces
 *   0x400 rpmsg-raw            echo (a /dev/rpmsgN through rpmsg_char)
 *   0x401 rpmsg-client-sample  echo (the kernel's sample client)
 *   0x402 rpmsg-tty            echo (a /dev/ttyRPMSGn)
 *   0x403 rpmsg-raw            control: text commands for fault tests
 * and echoes every message back to its sender. A shutdown request is
 * acknowledged, then the CPU powers itself off.
 */

#include <amp/virt_board.h>
#include <fw/arch.h>
#include <fw/gic.h>
#include <fw/mbox.h>
#include <fw/platform.h>
#include <fw/psci.h>
#include <fw/rpmsg.h>
#include <fw/rsc.h>
#include <fw/string.h>
#include <fw/trace.h>

#define ECHO_VIRTIO_ID_RPMSG	7
#define ECHO_ADDR_RAW		0x400
#define ECHO_ADDR_SAMPLE	0x401
#define ECHO_ADDR_TTY		0x402
#define ECHO_ADDR_CONTROL	0x403

/* How long a no-shutdown-ack fault ignores shutdown requests. */
#define ECHO_NO_ACK_SECONDS	2
/* Doorbells a notification storm rings. */
#define ECHO_STORM_RINGS	100000
/* Used length a bad-used-len fault reports: far beyond any buffer. */
#define ECHO_BAD_USED_LEN	0x10000
/* Trace one line per this many echoed messages. */
#define ECHO_TRACE_EVERY	1000

static const struct {
	const char *name;
	unsigned int addr;
} echo_services[] = {
	{ "rpmsg-raw", ECHO_ADDR_RAW },
	{ "rpmsg-client-sample", ECHO_ADDR_SAMPLE },
	{ "rpmsg-tty", ECHO_ADDR_TTY },
	{ "rpmsg-raw", ECHO_ADDR_CONTROL },
};

/**
 * struct echo_state - what the remote is doing
 * @dev: the rpmsg devices
 * @ndev: number of elements of @dev in use
 * @echoed: messages echoed so far
 * @hung: fault test: messages are no longer handled
 * @no_ack_until: fault test: ignore shutdown requests until this count
 */
struct echo_state {
	struct fw_rpmsg dev[FW_RSC_MAX_VDEVS];
	unsigned int ndev;
	unsigned long echoed;
	int hung;
	unsigned long long no_ack_until;
};

static struct echo_state echo;

static void echo_power_off(void)
{
	int ret;

	fw_trace("rpmsg-echo: shutdown after %lu messages\n", echo.echoed);
	/* The acknowledgment must reach Linux before this CPU is off. */
	fw_mbox_ring();
	fw_gic_disable();
	ret = fw_psci_cpu_off();
	fw_trace("rpmsg-echo: CPU_OFF failed: %d\n", ret);
}

/* Takes every pending request but a shutdown; returns the pending mask. */
static unsigned int echo_take_requests(void)
{
	unsigned int pending = fw_mbox_pending();
	unsigned int ch;

	for (ch = 0; ch < AMP_VMBOX_CHANNELS; ch++) {
		if (!(pending & (1u << ch)) || ch == AMP_VMBOX_CH_SHUTDOWN)
			continue;
		fw_mbox_take(ch);
		if (ch == AMP_VMBOX_CH_DETACH)
			fw_trace("rpmsg-echo: host detached; still running\n");
	}
	return pending;
}

/* Powers off on a shutdown request, unless a fault test ignores it. */
static void echo_check_shutdown(unsigned int pending)
{
	if (!(pending & (1u << AMP_VMBOX_CH_SHUTDOWN)))
		return;
	if (echo.no_ack_until && fw_counter() < echo.no_ack_until)
		return;
	fw_mbox_take(AMP_VMBOX_CH_SHUTDOWN);
	echo_power_off();
}

static void echo_fault(struct fw_rpmsg *r, const char *cmd, unsigned int len)
{
	unsigned int i;

	if (len == 5 && !fw_strncmp(cmd, "crash", 5)) {
		fw_trace("rpmsg-echo: crashing on request\n");
		echo.hung = 1;
		fw_mbox_send(AMP_VMBOX_CH_CRASH, 1);
		fw_mbox_ring();
	} else if (len == 4 && !fw_strncmp(cmd, "hang", 4)) {
		fw_trace("rpmsg-echo: hanging on request\n");
		echo.hung = 1;
	} else if (len == 12 && !fw_strncmp(cmd, "bad-used-idx", 12)) {
		fw_trace("rpmsg-echo: corrupting the used index\n");
		fw_vring_corrupt_used_idx(&r->to_host, 1000);
		fw_mbox_send(r->to_host_ch, 1);
		fw_mbox_ring();
	} else if (len == 12 && !fw_strncmp(cmd, "bad-used-len", 12)) {
		fw_trace("rpmsg-echo: reporting oversized used lengths\n");
		r->bad_len = ECHO_BAD_USED_LEN;
	} else if (len == 5 && !fw_strncmp(cmd, "storm", 5)) {
		fw_trace("rpmsg-echo: ringing %u doorbells\n", ECHO_STORM_RINGS);
		for (i = 0; i < ECHO_STORM_RINGS; i++)
			fw_gic_raise_spi(AMP_VIRT_MBOX_SPI);
	} else if (len == 15 && !fw_strncmp(cmd, "no-shutdown-ack", 15)) {
		fw_trace("rpmsg-echo: ignoring shutdown for %u s\n",
			 ECHO_NO_ACK_SECONDS);
		echo.no_ack_until = fw_counter() +
			(unsigned long long)fw_counter_freq() * ECHO_NO_ACK_SECONDS;
	} else {
		fw_trace("rpmsg-echo: unknown command (%u bytes)\n", len);
	}
}

static int echo_message(struct fw_rpmsg *r, const struct fw_rpmsg_msg *msg,
			void *ctx __maybe_unused)
{
	char cmd[16];
	unsigned int len = msg->len;
	int ret;

	if (msg->dst == ECHO_ADDR_CONTROL) {
		/* "echo crash > /dev/rpmsgN" sends a newline too. */
		if (len && fw_read8(msg->data + len - 1) == '\n')
			len--;
		if (len > sizeof(cmd))
			len = sizeof(cmd);
		memcpy(cmd, (const void *)msg->data, len);
		echo_fault(r, cmd, len);
		return 0;
	}

	ret = fw_rpmsg_send(r, msg->dst, msg->src, msg->data, msg->len);
	if (ret == FW_RPMSG_BUSY)
		return ret;
	if (!ret && ++echo.echoed % ECHO_TRACE_EVERY == 0)
		fw_trace("rpmsg-echo: %lu messages echoed\n", echo.echoed);
	return 0;
}

/* Waits for the host driver of every vdev, then takes over its vrings. */
static void echo_bring_up(void)
{
	struct fw_rsc_vdev vdevs[FW_RSC_MAX_VDEVS];
	struct fw_rsc_vring vring;
	unsigned int i, k, nvdev;

	nvdev = fw_rsc_find_vdevs(vdevs, FW_RSC_MAX_VDEVS);
	for (i = 0; i < nvdev; i++) {
		struct fw_rpmsg *r = &echo.dev[echo.ndev];

		if (vdevs[i].id != ECHO_VIRTIO_ID_RPMSG || vdevs[i].num_vrings < 2)
			continue;
		while (!(fw_rsc_vdev_status(&vdevs[i]) & FW_RSC_STATUS_DRIVER_OK)) {
			echo_check_shutdown(echo_take_requests());
			fw_mbox_ring();
			fw_gic_drain();
		}
		fw_rsc_vdev_vring(&vdevs[i], 0, &vring);
		r->to_host_ch = amp_vmbox_ch_vq(vring.notifyid);
		if (fw_vring_init(&r->to_host, vring.da, vring.num, vring.align))
			continue;
		fw_rsc_vdev_vring(&vdevs[i], 1, &vring);
		r->from_host_ch = amp_vmbox_ch_vq(vring.notifyid);
		if (fw_vring_init(&r->from_host, vring.da, vring.num, vring.align))
			continue;
		fw_trace("rpmsg-echo: vdev %u ready, vrings at %lx and %lx\n", i,
			 (unsigned long)r->to_host.desc,
			 (unsigned long)r->from_host.desc);

		for (k = 0; k < ARRAY_SIZE(echo_services); k++) {
			/* The host posted its receive buffers before DRIVER_OK. */
			if (fw_rpmsg_announce(r, echo_services[k].name,
					      echo_services[k].addr))
				fw_trace("rpmsg-echo: cannot announce %s\n",
					 echo_services[k].name);
		}
		echo.ndev++;
	}
}

void fw_main(unsigned long ctx)
{
	unsigned int pending, i;
	int busy;

	fw_trace_init(fw_trace_buf, AMP_VIRT_FW_TRACE_SIZE);
	fw_trace("rpmsg-echo: up, ctx %lx\n", ctx);
	fw_gic_init(AMP_VIRT_MBOX_SGI);
	echo_bring_up();

	for (;;) {
		/* Acknowledge first: a doorbell after this wakes the wfi. */
		fw_gic_drain();
		pending = echo_take_requests();
		busy = 0;
		for (i = 0; i < echo.ndev && !echo.hung; i++)
			busy |= fw_rpmsg_poll(&echo.dev[i], echo_message, NULL) > 0;
		/*
		 * Linux learns that its doorbells were taken only from the SPI:
		 * without it, a kick that needed no answer would leave its
		 * channel busy and every later kick queued behind it.
		 */
		fw_mbox_ring();
		echo_check_shutdown(pending);
		if (!busy && !(pending & ~(1u << AMP_VMBOX_CH_SHUTDOWN)))
			fw_wfi();
	}
}
