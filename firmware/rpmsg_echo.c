// SPDX-License-Identifier: (GPL-2.0-only OR BSD-3-Clause)
/*
 * rpmsg-echo: the reference remote. For every rpmsg virtio device in its
 * resource table it waits until the host driver is ready, announces
 *   0x400 rpmsg-raw            echo (a /dev/rpmsgN through rpmsg_char)
 *   0x401 rpmsg-client-sample  echo (the kernel's sample client)
 *   0x402 rpmsg-tty            echo (a /dev/ttyRPMSGn)
 *   0x403 rpmsg-raw            control: text commands for fault tests,
 *                              "stream" to have it send back unasked,
 *                              "chaos N" to misbehave as seed N picks,
 *                              "ring" to ring the host all the time
 * and echoes every message back to its sender. A shutdown request is
 * acknowledged, then the CPU powers itself off. After a detach request it
 * keeps running, drops its vrings and serves the next host that attaches.
 */

#include <amp/abi/virt_board.h>
#include <fw/arch.h>
#include <fw/chaos.h>
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
/*
 * How long a streaming send waits for a buffer, as OpenAMP's rpmsg_send()
 * does (15 s there): it only gives up early when the host resets the
 * device.
 */
#define ECHO_STREAM_WAIT_SECONDS 3
/* Period of the doorbells of the "ring" fault test. */
#define ECHO_RING_US		100
/* Bytes of each streamed message. */
#define ECHO_STREAM_LEN		64

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
 * enum echo_vdev_state - where an rpmsg device stands
 * @ECHO_VDEV_WAIT: waiting for the first host driver: its DRIVER_OK, or
 *	the first kick of a host attaching
 * @ECHO_VDEV_UP: vrings taken over, endpoints announced
 * @ECHO_VDEV_DETACHED: the host detached; waiting for the next host
 *	driver's first kick. The table still says DRIVER_OK: a host that
 *	detaches or attaches leaves it as it is.
 * @ECHO_VDEV_BROKEN: the host's vrings were unusable; left alone
 */
enum echo_vdev_state {
	ECHO_VDEV_WAIT,
	ECHO_VDEV_UP,
	ECHO_VDEV_DETACHED,
	ECHO_VDEV_BROKEN,
};

/**
 * struct echo_vdev - one rpmsg device of the table
 * @rsc: its vdev entry
 * @r: its rpmsg state, valid when @state is %ECHO_VDEV_UP
 * @state: where it stands
 * @index: N of vdevN in the table
 */
struct echo_vdev {
	struct fw_rsc_vdev rsc;
	struct fw_rpmsg r;
	enum echo_vdev_state state;
	unsigned int index;
};

/**
 * struct echo_state - what the remote is doing
 * @dev: the rpmsg devices
 * @ndev: number of elements of @dev in use
 * @echoed: messages echoed so far
 * @hung: fault test: messages are no longer handled
 * @no_ack_until: fault test: ignore shutdown requests until this count
 * @stream: the vdev streaming messages to the host, or NULL
 * @stream_dst: the host endpoint it streams to
 * @streamed: messages streamed so far
 * @ring_ch: fault test: the channel rung all the time, or 0 for none
 * @ring_next: when it is rung next (counter ticks)
 */
struct echo_state {
	struct echo_vdev dev[FW_RSC_MAX_VDEVS];
	unsigned int ndev;
	unsigned long echoed;
	int hung;
	unsigned long long no_ack_until;
	struct echo_vdev *stream;
	unsigned int stream_dst;
	unsigned long streamed;
	unsigned int ring_ch;
	unsigned long long ring_next;
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

/*
 * The host detached: its virtio devices are gone, their vrings and
 * buffers are no longer the remote's to touch. Zeroing the available
 * indexes marks the rings as left: the next host's rings only count once
 * it has posted buffers in them again (a kick of the old host still in
 * flight finds none).
 */
static void echo_detached(void)
{
	struct echo_vdev *v;
	unsigned int i;

	for (i = 0; i < echo.ndev; i++) {
		v = &echo.dev[i];
		if (v->state != ECHO_VDEV_UP)
			continue;
		fw_vring_forget(&v->r.to_host);
		fw_vring_forget(&v->r.from_host);
		v->state = ECHO_VDEV_DETACHED;
	}
	fw_trace("rpmsg-echo: host detached; waiting for the next one\n");
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
			echo_detached();
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

/* The vdev whose rpmsg state is @r. */
static struct echo_vdev *echo_vdev_of(struct fw_rpmsg *r)
{
	return (struct echo_vdev *)((char *)r - offsetof(struct echo_vdev, r));
}

/*
 * Sends the next streamed message as an OpenAMP remote does: with no
 * buffer posted it waits, deaf to the mailbox, until the host posts one,
 * the wait runs out, or the host resets the device (its status in the
 * table loses DRIVER_OK), which ends the stream.
 */
static void echo_stream_one(void)
{
	struct echo_vdev *v = echo.stream;
	unsigned long long deadline = fw_counter() +
		(unsigned long long)fw_counter_freq() * ECHO_STREAM_WAIT_SECONDS;
	unsigned char msg[ECHO_STREAM_LEN];
	int ret;

	memset(msg, 's', sizeof(msg));
	memcpy(msg, &echo.streamed, sizeof(echo.streamed));
	for (;;) {
		ret = fw_rpmsg_send(&v->r, ECHO_ADDR_CONTROL, echo.stream_dst,
				    (uintptr_t)msg, sizeof(msg));
		if (ret != FW_RPMSG_BUSY)
			break;
		if (!(fw_rsc_vdev_status(&v->rsc) & FW_RSC_STATUS_DRIVER_OK)) {
			fw_trace("rpmsg-echo: stream stopped after %lu: vdev %u reset\n",
				 echo.streamed, v->index);
			echo.stream = NULL;
			return;
		}
		if (fw_counter() > deadline) {
			fw_trace("rpmsg-echo: stream stopped after %lu: no buffer in %u s\n",
				 echo.streamed, ECHO_STREAM_WAIT_SECONDS);
			echo.stream = NULL;
			return;
		}
		fw_cpu_relax();
	}
	if (!ret)
		echo.streamed++;
}

/* "chaos N": misbehave as seed N says (fw/chaos.h). */
static void echo_chaos(struct fw_rpmsg *r, const char *arg, unsigned int len)
{
	struct fw_chaos out;
	unsigned int seed = 0, i;

	for (i = 0; i < len && arg[i] >= '0' && arg[i] <= '9'; i++)
		seed = seed * 10 + (arg[i] - '0');
	fw_chaos_run(seed, r, &echo_vdev_of(r)->rsc, &out);
	if (out.hang)
		echo.hung = 1;
	if (out.deaf_seconds)
		echo.no_ack_until = fw_counter() +
			(unsigned long long)fw_counter_freq() * out.deaf_seconds;
}

static void echo_fault(struct fw_rpmsg *r, const char *cmd, unsigned int len,
		       unsigned int src)
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
	} else if (len > 6 && !fw_strncmp(cmd, "chaos ", 6)) {
		echo_chaos(r, cmd + 6, len - 6);
	} else if (len == 4 && !fw_strncmp(cmd, "ring", 4)) {
		fw_trace("rpmsg-echo: ringing channel %u until shutdown\n",
			 r->to_host_ch);
		echo.ring_ch = r->to_host_ch;
	} else if (len == 6 && !fw_strncmp(cmd, "stream", 6)) {
		fw_trace("rpmsg-echo: streaming to host endpoint 0x%x\n", src);
		echo.stream = echo_vdev_of(r);
		echo.stream_dst = src;
		echo.streamed = 0;
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
		echo_fault(r, cmd, len, msg->src);
		return 0;
	}

	ret = fw_rpmsg_send(r, msg->dst, msg->src, msg->data, msg->len);
	if (ret == FW_RPMSG_BUSY)
		return ret;
	if (!ret && ++echo.echoed % ECHO_TRACE_EVERY == 0)
		fw_trace("rpmsg-echo: %lu messages echoed\n", echo.echoed);
	return 0;
}

/* Lists the rpmsg devices of the table, all waiting for their host. */
static void echo_find_vdevs(void)
{
	struct fw_rsc_vdev vdevs[FW_RSC_MAX_VDEVS];
	unsigned int i, nvdev;

	nvdev = fw_rsc_find_vdevs(vdevs, FW_RSC_MAX_VDEVS);
	for (i = 0; i < nvdev; i++) {
		struct echo_vdev *v = &echo.dev[echo.ndev];

		if (vdevs[i].id != ECHO_VIRTIO_ID_RPMSG || vdevs[i].num_vrings < 2)
			continue;
		v->rsc = vdevs[i];
		v->index = i;
		v->state = ECHO_VDEV_WAIT;
		echo.ndev++;
	}
}

/*
 * Whether the host driver of @v is ready. A host that loaded the firmware
 * sets DRIVER_OK once it has placed the vrings, posted its receive
 * buffers and written all into the table. A host that attaches leaves the
 * status byte as it is: DRIVER_OK of an earlier host, or nothing when a
 * boot loader started the remote. It is ready once it kicked the vring it
 * receives on, which it does right after its DRIVER_OK, with buffers
 * posted in that vring.
 */
static int echo_host_ready(struct echo_vdev *v, unsigned int pending)
{
	struct fw_rsc_vring vring;
	unsigned int ch;

	if (v->state == ECHO_VDEV_WAIT &&
	    (fw_rsc_vdev_status(&v->rsc) & FW_RSC_STATUS_DRIVER_OK))
		return 1;
	fw_rsc_vdev_vring(&v->rsc, 0, &vring);
	ch = amp_vmbox_ch_vq(vring.notifyid);
	if (ch >= AMP_VMBOX_CHANNELS || !(pending & (1u << ch)))
		return 0;
	return !fw_vring_init(&v->r.to_host, vring.da, vring.num, vring.align) &&
	       fw_vring_posted(&v->r.to_host);
}

/* Takes over the vrings of @v and announces the echo services on it. */
/*
 * Fault test: a doorbell every ECHO_RING_US on one channel, with or
 * without a host there (through probe, detach and attach), whatever the
 * host says; a doorbell still in its slot is not sent again.
 */
static void echo_ring_again(void)
{
	unsigned long long now = fw_counter();

	if (now < echo.ring_next)
		return;
	echo.ring_next = now + fw_counter_freq() / 1000000 * ECHO_RING_US;
	fw_mbox_send(echo.ring_ch, 1);
}

static void echo_bring_up(struct echo_vdev *v)
{
	struct fw_rpmsg *r = &v->r;
	struct fw_rsc_vring vring;
	unsigned int k;

	memset(r, 0, sizeof(*r));
	v->state = ECHO_VDEV_BROKEN;
	fw_rsc_vdev_vring(&v->rsc, 0, &vring);
	r->to_host_ch = amp_vmbox_ch_vq(vring.notifyid);
	if (fw_vring_init(&r->to_host, vring.da, vring.num, vring.align))
		return;
	fw_rsc_vdev_vring(&v->rsc, 1, &vring);
	r->from_host_ch = amp_vmbox_ch_vq(vring.notifyid);
	if (fw_vring_init(&r->from_host, vring.da, vring.num, vring.align))
		return;
	v->state = ECHO_VDEV_UP;
	fw_trace("rpmsg-echo: vdev %u ready, vrings at %lx and %lx\n",
		 v->index, (unsigned long)r->to_host.desc,
		 (unsigned long)r->from_host.desc);

	for (k = 0; k < ARRAY_SIZE(echo_services); k++) {
		/* The host posted its receive buffers before DRIVER_OK. */
		if (fw_rpmsg_announce(r, echo_services[k].name,
				      echo_services[k].addr))
			fw_trace("rpmsg-echo: cannot announce %s\n",
				 echo_services[k].name);
	}
}

void fw_main(unsigned long ctx)
{
	struct echo_vdev *v;
	unsigned int pending, i;
	int busy, waiting;

	fw_trace_init(fw_trace_buf, AMP_VIRT_FW_TRACE_SIZE);
	fw_trace("rpmsg-echo: up, ctx %lx\n", ctx);
	fw_gic_init(AMP_VIRT_MBOX_SGI);
	echo_find_vdevs();

	for (;;) {
		/* Acknowledge first: a doorbell after this wakes the wfi. */
		fw_gic_drain();
		pending = echo_take_requests();
		busy = 0;
		waiting = 0;
		for (i = 0; i < echo.ndev; i++) {
			v = &echo.dev[i];
			if ((v->state == ECHO_VDEV_WAIT ||
			     v->state == ECHO_VDEV_DETACHED) &&
			    echo_host_ready(v, pending))
				echo_bring_up(v);
			/* DRIVER_OK comes with no doorbell: poll for it. */
			waiting |= v->state == ECHO_VDEV_WAIT;
			if (v->state != ECHO_VDEV_UP || echo.hung)
				continue;
			busy |= fw_rpmsg_poll(&v->r, echo_message, NULL) > 0;
		}
		if (echo.stream && echo.stream->state == ECHO_VDEV_UP &&
		    !echo.hung) {
			echo_stream_one();
			busy = 1;
		}
		if (echo.ring_ch) {
			echo_ring_again();
			busy = 1;
		}
		/*
		 * Linux learns that its doorbells were taken only from the SPI:
		 * without it, a kick that needed no answer would leave its
		 * channel busy and every later kick queued behind it.
		 */
		fw_mbox_ring();
		echo_check_shutdown(pending);
		if (busy || (pending & ~(1u << AMP_VMBOX_CH_SHUTDOWN)))
			continue;
		/* Polling for DRIVER_OK must not starve the host setting it. */
		if (waiting)
			fw_cpu_relax();
		else
			fw_wfi();
	}
}
