// SPDX-License-Identifier: GPL-2.0-only
/*
 * The resource table builder of the KUnit suites: a v1 table laid out byte
 * by byte, little-endian, as a remote provides it. Entry helpers return
 * the offset of the entry (its type word), which the offset array holds.
 */

#include <kunit/test.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <amp/internal/compat.h>
#include <amp/internal/rsc_parse.h>

#include "amp_kunit_util.h"

/**
 * amp_tb_new() - start a table declaring @slots entries
 * @test: the running test; the table lives as long as it
 * @slots: entries the header declares; their offsets follow it
 *
 * Return: the builder, its size covering the header and offset array.
 */
struct amp_tb *amp_tb_new(struct kunit *test, u32 slots)
{
	struct amp_tb *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->buf = kunit_kzalloc(test, AMP_TB_BUF_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t->buf);
	t->test = test;
	t->slots = slots;
	amp_tb_u32(t, AMP_RSC_TABLE_V1);
	amp_tb_u32(t, slots);
	amp_tb_u32(t, 0);
	amp_tb_u32(t, 0);
	t->size += 4 * slots;
	KUNIT_ASSERT_LE(test, t->size, AMP_TB_BUF_SIZE);
	return t;
}
EXPORT_SYMBOL_GPL(amp_tb_new);

/**
 * amp_tb_put32() - overwrite a little-endian u32 of the table
 * @t: the table
 * @off: its offset
 * @val: the value
 */
void amp_tb_put32(struct amp_tb *t, u32 off, u32 val)
{
	KUNIT_ASSERT_LE(t->test, off + 4, AMP_TB_BUF_SIZE);
	put_unaligned_le32(val, t->buf + off);
}
EXPORT_SYMBOL_GPL(amp_tb_put32);

/**
 * amp_tb_u32() - append a little-endian u32
 * @t: the table
 * @val: the value
 */
void amp_tb_u32(struct amp_tb *t, u32 val)
{
	amp_tb_put32(t, t->size, val);
	t->size += 4;
}
EXPORT_SYMBOL_GPL(amp_tb_u32);

/**
 * amp_tb_u8() - append a byte
 * @t: the table
 * @val: the byte
 */
void amp_tb_u8(struct amp_tb *t, u8 val)
{
	KUNIT_ASSERT_LT(t->test, t->size, AMP_TB_BUF_SIZE);
	t->buf[t->size++] = val;
}
EXPORT_SYMBOL_GPL(amp_tb_u8);

/**
 * amp_tb_bytes() - append bytes
 * @t: the table
 * @p: the bytes
 * @len: how many
 */
void amp_tb_bytes(struct amp_tb *t, const void *p, u32 len)
{
	KUNIT_ASSERT_LE(t->test, t->size + len, AMP_TB_BUF_SIZE);
	memcpy(t->buf + t->size, p, len);
	t->size += len;
}
EXPORT_SYMBOL_GPL(amp_tb_bytes);

/**
 * amp_tb_name() - append a name field, NUL-padded
 * @t: the table
 * @name: the name; longer than the field, it fills it without a NUL
 */
void amp_tb_name(struct amp_tb *t, const char *name)
{
	u8 field[AMP_RSC_NAME_LEN] = {};

	memcpy(field, name, min_t(size_t, strlen(name), sizeof(field)));
	amp_tb_bytes(t, field, sizeof(field));
}
EXPORT_SYMBOL_GPL(amp_tb_name);

/**
 * amp_tb_entry() - start an entry at the end of the table
 * @t: the table
 * @type: the entry's type word
 *
 * Records the entry's offset in the next slot of the offset array.
 *
 * Return: the entry's offset.
 */
u32 amp_tb_entry(struct amp_tb *t, u32 type)
{
	u32 off = t->size;

	KUNIT_ASSERT_LT(t->test, t->num, t->slots);
	amp_tb_put32(t, AMP_TB_HDR_LEN + 4 * t->num++, off);
	amp_tb_u32(t, type);
	return off;
}
EXPORT_SYMBOL_GPL(amp_tb_entry);

/**
 * amp_tb_mem() - append a carveout or devmem entry
 * @t: the table
 * @type: %AMP_RSC_CARVEOUT or %AMP_RSC_DEVMEM
 * @da: device address
 * @pa: physical address
 * @len: length
 * @name: name
 *
 * Return: the entry's offset.
 */
u32 amp_tb_mem(struct amp_tb *t, u32 type, u32 da, u32 pa, u32 len,
	       const char *name)
{
	u32 off = amp_tb_entry(t, type);

	amp_tb_u32(t, da);
	amp_tb_u32(t, pa);
	amp_tb_u32(t, len);
	amp_tb_u32(t, 0);
	amp_tb_u32(t, 0);
	amp_tb_name(t, name);
	return off;
}
EXPORT_SYMBOL_GPL(amp_tb_mem);

/**
 * amp_tb_carveout() - append a carveout entry
 * @t: the table
 * @da: device address
 * @pa: physical address
 * @len: length
 * @name: name
 *
 * Return: the entry's offset.
 */
u32 amp_tb_carveout(struct amp_tb *t, u32 da, u32 pa, u32 len,
		    const char *name)
{
	return amp_tb_mem(t, AMP_RSC_CARVEOUT, da, pa, len, name);
}
EXPORT_SYMBOL_GPL(amp_tb_carveout);

/**
 * amp_tb_devmem() - append a devmem entry
 * @t: the table
 * @da: device address
 * @pa: physical address
 * @len: length
 * @name: name
 *
 * Return: the entry's offset.
 */
u32 amp_tb_devmem(struct amp_tb *t, u32 da, u32 pa, u32 len,
		  const char *name)
{
	return amp_tb_mem(t, AMP_RSC_DEVMEM, da, pa, len, name);
}
EXPORT_SYMBOL_GPL(amp_tb_devmem);

/**
 * amp_tb_trace() - append a trace entry
 * @t: the table
 * @da: device address of the buffer
 * @len: its length
 * @name: name
 *
 * Return: the entry's offset.
 */
u32 amp_tb_trace(struct amp_tb *t, u32 da, u32 len, const char *name)
{
	u32 off = amp_tb_entry(t, AMP_RSC_TRACE);

	amp_tb_u32(t, da);
	amp_tb_u32(t, len);
	amp_tb_u32(t, 0);
	amp_tb_name(t, name);
	return off;
}
EXPORT_SYMBOL_GPL(amp_tb_trace);

/**
 * amp_tb_vdev() - append a vdev header
 * @t: the table
 * @id: virtio device id
 * @notifyid: the device's notify id
 * @dfeatures: features the remote offers
 * @config_len: length of the config space
 * @num_vrings: vrings the caller appends next with amp_tb_vring(), before
 *	the config space
 *
 * Return: the entry's offset.
 */
u32 amp_tb_vdev(struct amp_tb *t, u32 id, u32 notifyid, u32 dfeatures,
		u32 config_len, u8 num_vrings)
{
	u32 off = amp_tb_entry(t, AMP_RSC_VDEV);

	amp_tb_u32(t, id);
	amp_tb_u32(t, notifyid);
	amp_tb_u32(t, dfeatures);
	amp_tb_u32(t, 0);
	amp_tb_u32(t, config_len);
	amp_tb_u8(t, 0);
	amp_tb_u8(t, num_vrings);
	amp_tb_u8(t, 0);
	amp_tb_u8(t, 0);
	return off;
}
EXPORT_SYMBOL_GPL(amp_tb_vdev);

/**
 * amp_tb_vring() - append a vring record to the vdev before it
 * @t: the table
 * @da: device address, or 0 / %AMP_RSC_ADDR_ANY for the host to choose
 * @align: used ring alignment
 * @num: descriptors
 * @notifyid: notify id
 *
 * Return: the record's offset.
 */
u32 amp_tb_vring(struct amp_tb *t, u32 da, u32 align, u32 num, u32 notifyid)
{
	u32 off = t->size;

	amp_tb_u32(t, da);
	amp_tb_u32(t, align);
	amp_tb_u32(t, num);
	amp_tb_u32(t, notifyid);
	amp_tb_u32(t, 0);
	return off;
}
EXPORT_SYMBOL_GPL(amp_tb_vring);

/**
 * amp_tb_rpmsg() - append the usual rpmsg vdev
 * @t: the table
 * @notifyid0: notify id of vring 0
 * @notifyid1: notify id of vring 1
 *
 * Two vrings of 8 buffers placed by the host, align 0x1000, feature NS,
 * no config space, as ST's and OpenAMP's tables have it.
 *
 * Return: the entry's offset.
 */
u32 amp_tb_rpmsg(struct amp_tb *t, u32 notifyid0, u32 notifyid1)
{
	u32 off = amp_tb_vdev(t, AMP_RSC_VIRTIO_ID_RPMSG, AMP_RSC_ADDR_ANY, 1,
			      0, 2);

	amp_tb_vring(t, AMP_RSC_ADDR_ANY, 0x1000, 8, notifyid0);
	amp_tb_vring(t, AMP_RSC_ADDR_ANY, 0x1000, 8, notifyid1);
	return off;
}
EXPORT_SYMBOL_GPL(amp_tb_rpmsg);

/**
 * amp_tb_poke() - overwrite a u32 field of an entry's body
 * @t: the table
 * @off: the entry's offset
 * @field: byte offset of the field in the body
 * @val: the value
 */
void amp_tb_poke(struct amp_tb *t, u32 off, u32 field, u32 val)
{
	amp_tb_put32(t, amp_tb_body(off) + field, val);
}
EXPORT_SYMBOL_GPL(amp_tb_poke);
