// SPDX-License-Identifier: GPL-2.0-only
/*
 * Firmware image validator for ELF32 and ELF64 little-endian executables.
 *
 * Fields are read by offset with fixed-width little-endian accessors rather
 * than through <linux/elf.h> or the host's <elf.h>: the two differ, and the
 * image need not be aligned. One table per class gives the offsets, so the
 * checks below are written once for both classes.
 */

#include <amp/internal/portable.h>
#include <amp/internal/fw_elf.h>

#define FW_ELF_EI_NIDENT	16
#define FW_ELF_EI_CLASS		4
#define FW_ELF_EI_DATA		5
#define FW_ELF_EI_VERSION	6

#define FW_ELF_CLASS32		1
#define FW_ELF_CLASS64		2
#define FW_ELF_DATA2LSB		1
#define FW_ELF_DATA2MSB		2
#define FW_ELF_EV_CURRENT	1

#define FW_ELF_ET_EXEC		2
#define FW_ELF_ET_DYN		3

#define FW_ELF_PT_LOAD		1
/*
 * Most loadable segments an image may have: firmware has a handful, and
 * the bound keeps the pairwise overlap check cheap on hostile input.
 */
#define FW_ELF_MAX_LOAD		256
#define FW_ELF_PN_XNUM		0xffff

#define FW_ELF_SHT_NULL		0
#define FW_ELF_SHT_STRTAB	3
#define FW_ELF_SHT_NOBITS	8
#define FW_ELF_SHN_XINDEX	0xffff

/* Offsets of the fields that differ between the classes. */
struct fw_elf_layout {
	unsigned int bits;
	u16 ehsize;
	u16 phentsize;
	u16 shentsize;
	/* ELF header */
	u8 e_entry, e_phoff, e_shoff, e_flags;
	u8 e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
	/* program header */
	u8 p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz;
	/* section header */
	u8 sh_flags, sh_addr, sh_offset, sh_size;
};

static const struct fw_elf_layout fw_elf_layout32 = {
	.bits = 32, .ehsize = 52, .phentsize = 32, .shentsize = 40,
	.e_entry = 24, .e_phoff = 28, .e_shoff = 32, .e_flags = 36,
	.e_phentsize = 42, .e_phnum = 44, .e_shentsize = 46, .e_shnum = 48,
	.e_shstrndx = 50,
	.p_flags = 24, .p_offset = 4, .p_vaddr = 8, .p_paddr = 12,
	.p_filesz = 16, .p_memsz = 20,
	.sh_flags = 8, .sh_addr = 12, .sh_offset = 16, .sh_size = 20,
};

static const struct fw_elf_layout fw_elf_layout64 = {
	.bits = 64, .ehsize = 64, .phentsize = 56, .shentsize = 64,
	.e_entry = 24, .e_phoff = 32, .e_shoff = 40, .e_flags = 48,
	.e_phentsize = 54, .e_phnum = 56, .e_shentsize = 58, .e_shnum = 60,
	.e_shstrndx = 62,
	.p_flags = 4, .p_offset = 8, .p_vaddr = 16, .p_paddr = 24,
	.p_filesz = 32, .p_memsz = 40,
	.sh_flags = 8, .sh_addr = 16, .sh_offset = 24, .sh_size = 32,
};

/* The class-independent fields sit at the same offsets in both classes. */
#define FW_ELF_E_TYPE		16
#define FW_ELF_E_MACHINE	18
#define FW_ELF_E_VERSION	20
#define FW_ELF_P_TYPE		0
#define FW_ELF_SH_NAME		0
#define FW_ELF_SH_TYPE		4

/* u64 is unsigned long on 64-bit hosts but unsigned long long in the kernel. */
#define FW_ELF_ULL(x) ((unsigned long long)(x))

static __printf(4, 5) int fw_elf_report(struct fw_elf_error *err, int code,
					 int index, const char *fmt, ...)
{
	va_list args;

	if (err) {
		err->err = code;
		err->index = index;
		va_start(args, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, args);
		va_end(args);
	}
	return code;
}

#define fw_elf_fail(err, index, fmt, ...) \
	fw_elf_report(err, -EINVAL, index, fmt, ##__VA_ARGS__)

/* Reads an address-sized field: 4 bytes in ELF32, 8 in ELF64. */
static u64 fw_elf_word(const struct fw_elf_layout *l, const u8 *p)
{
	return l->bits == 64 ? get_unaligned_le64(p) : get_unaligned_le32(p);
}

/* Callers have checked that the whole table lies inside the file. */
static const u8 *fw_elf_phdr(const struct fw_elf_image *im, unsigned int i)
{
	return im->data + im->phoff + (size_t)i * im->l->phentsize;
}

static const u8 *fw_elf_shdr(const struct fw_elf_image *im, unsigned int i)
{
	return im->data + im->shoff + (size_t)i * im->l->shentsize;
}

static void fw_elf_read_segment(const struct fw_elf_image *im, unsigned int i,
				struct fw_elf_segment *seg)
{
	const struct fw_elf_layout *l = im->l;
	const u8 *p = fw_elf_phdr(im, i);

	seg->index = i;
	seg->flags = get_unaligned_le32(p + l->p_flags);
	seg->da = fw_elf_word(l, p + l->p_paddr);
	seg->vaddr = fw_elf_word(l, p + l->p_vaddr);
	seg->offset = fw_elf_word(l, p + l->p_offset);
	seg->filesz = fw_elf_word(l, p + l->p_filesz);
	seg->memsz = fw_elf_word(l, p + l->p_memsz);
}

static void fw_elf_read_section(const struct fw_elf_image *im, unsigned int i,
				struct fw_elf_section *sec)
{
	const struct fw_elf_layout *l = im->l;
	const u8 *p = fw_elf_shdr(im, i);

	sec->index = i;
	sec->type = get_unaligned_le32(p + FW_ELF_SH_TYPE);
	sec->flags = fw_elf_word(l, p + l->sh_flags);
	sec->addr = fw_elf_word(l, p + l->sh_addr);
	sec->offset = fw_elf_word(l, p + l->sh_offset);
	sec->size = fw_elf_word(l, p + l->sh_size);
}

/* Is [off, off + len) inside the file?  Reports a failure when it is not. */
static int fw_elf_check_range(const struct fw_elf_image *im,
			      struct fw_elf_error *err, int index,
			      const char *what, const char *offname, u64 off,
			      const char *lenname, u64 len)
{
	u64 end;

	if (check_add_overflow(off, len, &end))
		return fw_elf_fail(err, index,
				   "%s: %s 0x%llx + %s 0x%llx wraps around",
				   what, offname, FW_ELF_ULL(off), lenname,
				   FW_ELF_ULL(len));
	if (end > im->size)
		return fw_elf_fail(err, index,
				   "%s: %s 0x%llx + %s 0x%llx is past the end of the file (0x%zx bytes)",
				   what, offname, FW_ELF_ULL(off), lenname,
				   FW_ELF_ULL(len), im->size);
	return 0;
}

static int fw_elf_check_ident(const u8 *d, size_t size,
			      struct fw_elf_error *err)
{
	if (size < FW_ELF_EI_NIDENT)
		return fw_elf_fail(err, -1,
				   "truncated ELF header: file is only %zu bytes",
				   size);
	if (!fw_elf_is_elf(d, size))
		return fw_elf_fail(err, -1, "not an ELF image (bad magic)");
	if (d[FW_ELF_EI_CLASS] != FW_ELF_CLASS32 &&
	    d[FW_ELF_EI_CLASS] != FW_ELF_CLASS64)
		return fw_elf_fail(err, -1,
				   "unsupported ELF class %u (only 1 = ELF32 and 2 = ELF64)",
				   d[FW_ELF_EI_CLASS]);
	if (d[FW_ELF_EI_DATA] == FW_ELF_DATA2MSB)
		return fw_elf_fail(err, -1,
				   "big-endian image: only little-endian images are supported");
	if (d[FW_ELF_EI_DATA] != FW_ELF_DATA2LSB)
		return fw_elf_fail(err, -1, "invalid ELF data encoding %u",
				   d[FW_ELF_EI_DATA]);
	if (d[FW_ELF_EI_VERSION] != FW_ELF_EV_CURRENT)
		return fw_elf_fail(err, -1,
				   "unsupported ELF version %u in e_ident",
				   d[FW_ELF_EI_VERSION]);
	return 0;
}

static int fw_elf_check_header(struct fw_elf_image *im,
			       struct fw_elf_error *err)
{
	const u8 *d = im->data;
	const struct fw_elf_layout *l;
	struct fw_elf_info *info = &im->info;
	u32 version;
	u16 phentsize, shentsize;
	int ret;

	ret = fw_elf_check_ident(d, im->size, err);
	if (ret)
		return ret;

	l = d[FW_ELF_EI_CLASS] == FW_ELF_CLASS64 ? &fw_elf_layout64 :
						   &fw_elf_layout32;
	im->l = l;
	if (im->size < l->ehsize)
		return fw_elf_fail(err, -1,
				   "truncated ELF%u header: file is only %zu bytes, need %u",
				   l->bits, im->size, l->ehsize);

	version = get_unaligned_le32(d + FW_ELF_E_VERSION);
	if (version != FW_ELF_EV_CURRENT)
		return fw_elf_fail(err, -1, "unsupported e_version %u", version);

	info->bits = l->bits;
	info->type = get_unaligned_le16(d + FW_ELF_E_TYPE);
	info->machine = get_unaligned_le16(d + FW_ELF_E_MACHINE);
	info->flags = get_unaligned_le32(d + l->e_flags);
	info->entry = fw_elf_word(l, d + l->e_entry);
	info->phnum = get_unaligned_le16(d + l->e_phnum);
	info->shnum = get_unaligned_le16(d + l->e_shnum);
	im->phoff = fw_elf_word(l, d + l->e_phoff);
	im->shoff = fw_elf_word(l, d + l->e_shoff);
	phentsize = get_unaligned_le16(d + l->e_phentsize);
	shentsize = get_unaligned_le16(d + l->e_shentsize);

	/* Segments go to p_paddr unrelocated, so a PIE would land wrongly. */
	if (info->type == FW_ELF_ET_DYN)
		return fw_elf_fail(err, -1,
				   "e_type ET_DYN: position-independent images are not supported (segments are loaded unrelocated)");
	if (info->type != FW_ELF_ET_EXEC)
		return fw_elf_fail(err, -1,
				   "e_type %u is not an executable (ET_EXEC)",
				   info->type);

	if (!info->phnum)
		return fw_elf_fail(err, -1, "no program headers (e_phnum 0)");
	if (info->phnum == FW_ELF_PN_XNUM)
		return fw_elf_fail(err, -1,
				   "e_phnum 0xffff: extended program header numbering is not supported");
	if (phentsize != l->phentsize)
		return fw_elf_fail(err, -1,
				   "e_phentsize %u is not the ELF%u program header size %u",
				   phentsize, l->bits, l->phentsize);
	ret = fw_elf_check_range(im, err, -1, "program headers", "e_phoff",
				 im->phoff, "e_phnum * e_phentsize",
				 (u64)info->phnum * l->phentsize);
	if (ret)
		return ret;

	if (!info->shnum) {
		/* A non-zero e_shoff here means extended section numbering. */
		if (im->shoff)
			return fw_elf_fail(err, -1,
					   "e_shoff 0x%llx with e_shnum 0: extended section numbering is not supported",
					   FW_ELF_ULL(im->shoff));
		return 0;
	}
	if (shentsize != l->shentsize)
		return fw_elf_fail(err, -1,
				   "e_shentsize %u is not the ELF%u section header size %u",
				   shentsize, l->bits, l->shentsize);
	return fw_elf_check_range(im, err, -1, "section headers", "e_shoff",
				  im->shoff, "e_shnum * e_shentsize",
				  (u64)info->shnum * l->shentsize);
}

static bool fw_elf_fits_size_t(u64 val)
{
	/* Spelled this way so 64-bit builds see no always-false comparison. */
	if (sizeof(size_t) >= sizeof(u64))
		return true;
	return val <= SIZE_MAX;
}

static int fw_elf_check_segment(const struct fw_elf_image *im,
				const struct fw_elf_segment *seg,
				struct fw_elf_error *err)
{
	u64 addr_max = im->l->bits == 64 ? ~0ULL : U32_MAX;
	int i = seg->index;
	char what[16];
	u64 last;
	int ret;

	snprintf(what, sizeof(what), "segment %u", seg->index);
	ret = fw_elf_check_range(im, err, i, what, "offset", seg->offset,
				 "filesz", seg->filesz);
	if (ret)
		return ret;
	if (seg->filesz > seg->memsz)
		return fw_elf_fail(err, i,
				   "segment %u: filesz 0x%llx is larger than memsz 0x%llx",
				   seg->index, FW_ELF_ULL(seg->filesz),
				   FW_ELF_ULL(seg->memsz));
	if (!seg->memsz)
		return 0;
	if (!fw_elf_fits_size_t(seg->memsz))
		return fw_elf_report(err, -EOVERFLOW, i,
				     "segment %u: memsz 0x%llx does not fit in size_t",
				     seg->index, FW_ELF_ULL(seg->memsz));
	/* The last byte, not the end, so a segment may end at the top. */
	if (check_add_overflow(seg->da, seg->memsz - 1, &last) ||
	    last > addr_max)
		return fw_elf_fail(err, i,
				   "segment %u: paddr 0x%llx + memsz 0x%llx wraps around the %u-bit address space",
				   seg->index, FW_ELF_ULL(seg->da),
				   FW_ELF_ULL(seg->memsz), im->l->bits);
	return 0;
}

static bool fw_elf_is_load(const struct fw_elf_image *im, unsigned int i)
{
	return get_unaligned_le32(fw_elf_phdr(im, i) + FW_ELF_P_TYPE) ==
	       FW_ELF_PT_LOAD;
}

/*
 * Two loadable segments over the same device memory: the loader would
 * write the bytes of the one, then the other's over them, and which bytes
 * the remote runs would depend on the order of the program headers. The
 * segments are checked already (no range wraps), and there are at most
 * FW_ELF_MAX_LOAD of them, so comparing each pair stays cheap.
 */
static int fw_elf_check_overlaps(const struct fw_elf_image *im,
				 struct fw_elf_error *err)
{
	struct fw_elf_segment a, b;
	unsigned int i, j;

	for (i = 0; i < im->info.phnum; i++) {
		if (!fw_elf_is_load(im, i))
			continue;
		fw_elf_read_segment(im, i, &a);
		if (!a.memsz)
			continue;
		for (j = 0; j < i; j++) {
			if (!fw_elf_is_load(im, j))
				continue;
			fw_elf_read_segment(im, j, &b);
			/* Last bytes, not ends: a segment may end at the top. */
			if (!b.memsz || a.da > b.da + (b.memsz - 1) ||
			    b.da > a.da + (a.memsz - 1))
				continue;
			return fw_elf_fail(err, i,
					   "segment %u: paddr 0x%llx memsz 0x%llx overlaps segment %u (paddr 0x%llx memsz 0x%llx)",
					   i, FW_ELF_ULL(a.da),
					   FW_ELF_ULL(a.memsz), j,
					   FW_ELF_ULL(b.da),
					   FW_ELF_ULL(b.memsz));
		}
	}
	return 0;
}

static int fw_elf_check_segments_all(struct fw_elf_image *im,
				     struct fw_elf_error *err)
{
	struct fw_elf_segment seg;
	unsigned int i;
	int ret;

	im->info.nr_load = 0;
	for (i = 0; i < im->info.phnum; i++) {
		if (!fw_elf_is_load(im, i))
			continue;
		fw_elf_read_segment(im, i, &seg);
		ret = fw_elf_check_segment(im, &seg, err);
		if (ret)
			return ret;
		if (seg.memsz && ++im->info.nr_load > FW_ELF_MAX_LOAD)
			return fw_elf_fail(err, i,
					   "segment %u: more than %u loadable segments",
					   i, FW_ELF_MAX_LOAD);
	}
	if (!im->info.nr_load)
		return fw_elf_fail(err, -1,
				   "no loadable segment (PT_LOAD with memsz > 0)");
	return fw_elf_check_overlaps(im, err);
}

/* Finds and checks the section name table before any name is looked at. */
static int fw_elf_check_names(struct fw_elf_image *im,
			      struct fw_elf_error *err)
{
	u16 ndx = get_unaligned_le16(im->data + im->l->e_shstrndx);
	struct fw_elf_section sec;
	char what[40];
	int ret;

	im->names = NULL;
	im->names_size = 0;
	if (!im->info.shnum) {
		if (ndx)
			return fw_elf_fail(err, -1,
					   "e_shstrndx %u but there are no section headers",
					   ndx);
		return 0;
	}
	if (!ndx)
		return 0;
	if (ndx == FW_ELF_SHN_XINDEX)
		return fw_elf_fail(err, -1,
				   "e_shstrndx 0xffff: extended section numbering is not supported");
	if (ndx >= im->info.shnum)
		return fw_elf_fail(err, -1,
				   "e_shstrndx %u is out of bounds (e_shnum %u)",
				   ndx, im->info.shnum);

	fw_elf_read_section(im, ndx, &sec);
	if (sec.type != FW_ELF_SHT_STRTAB)
		return fw_elf_fail(err, ndx,
				   "section %u (e_shstrndx): type %u is not SHT_STRTAB",
				   ndx, sec.type);
	snprintf(what, sizeof(what), "section %u (e_shstrndx)", ndx);
	ret = fw_elf_check_range(im, err, ndx, what, "offset", sec.offset,
				 "size", sec.size);
	if (ret)
		return ret;
	/*
	 * The ELF spec ends the table with a NUL: checking that once makes
	 * every name inside it terminated, without a scan per section.
	 */
	if (!sec.size || im->data[sec.offset + sec.size - 1])
		return fw_elf_fail(err, ndx,
				   "section %u (e_shstrndx): the section name table does not end with a NUL byte",
				   ndx);
	im->names = (const char *)im->data + sec.offset;
	im->names_size = sec.size;
	return 0;
}

static int fw_elf_check_sections(struct fw_elf_image *im,
				 struct fw_elf_error *err)
{
	struct fw_elf_section sec;
	unsigned int i;
	char what[16];
	u32 name;
	int ret;

	ret = fw_elf_check_names(im, err);
	if (ret)
		return ret;

	for (i = 0; i < im->info.shnum; i++) {
		fw_elf_read_section(im, i, &sec);
		if (sec.type != FW_ELF_SHT_NULL &&
		    sec.type != FW_ELF_SHT_NOBITS) {
			snprintf(what, sizeof(what), "section %u", i);
			ret = fw_elf_check_range(im, err, i, what, "offset",
						 sec.offset, "size", sec.size);
			if (ret)
				return ret;
		}
		if (!im->names)
			continue;
		name = get_unaligned_le32(fw_elf_shdr(im, i) + FW_ELF_SH_NAME);
		if (name >= im->names_size)
			return fw_elf_fail(err, i,
					   "section %u: sh_name 0x%x is outside the section name table (0x%zx bytes)",
					   i, name, im->names_size);
	}
	im->info.has_names = !!im->names;
	return 0;
}

int fw_elf_parse(const void *img, size_t size, struct fw_elf_image *im,
		 struct fw_elf_error *err)
{
	int ret;

	memset(im, 0, sizeof(*im));
	im->data = img;
	im->size = img ? size : 0;

	ret = fw_elf_check_header(im, err);
	if (ret)
		return ret;
	ret = fw_elf_check_segments_all(im, err);
	if (ret)
		return ret;
	return fw_elf_check_sections(im, err);
}
EXPORT_SYMBOL_GPL(fw_elf_parse);

bool fw_elf_is_elf(const void *img, size_t size)
{
	static const u8 magic[4] = { 0x7f, 'E', 'L', 'F' };

	return img && size >= sizeof(magic) &&
	       !memcmp(img, magic, sizeof(magic));
}
EXPORT_SYMBOL_GPL(fw_elf_is_elf);

int fw_elf_walk_segments(const struct fw_elf_image *im, fw_elf_segment_fn fn,
			 void *ctx)
{
	struct fw_elf_segment seg;
	unsigned int i;
	int ret;

	for (i = 0; i < im->info.phnum; i++) {
		if (!fw_elf_is_load(im, i))
			continue;
		fw_elf_read_segment(im, i, &seg);
		if (!seg.memsz)
			continue;
		ret = fn(ctx, &seg);
		if (ret)
			return ret;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(fw_elf_walk_segments);

/**
 * struct fw_elf_owns_ctx - what fw_elf_check_owned() asks about each segment
 * @owns: the caller's ownership test
 * @ctx: its context
 * @err: where a refusal is described
 */
struct fw_elf_owns_ctx {
	fw_elf_owns_fn owns;
	void *ctx;
	struct fw_elf_error *err;
};

static int fw_elf_owns_one(void *ctx, const struct fw_elf_segment *seg)
{
	struct fw_elf_owns_ctx *oc = ctx;

	if (oc->owns(oc->ctx, seg->da, seg->memsz))
		return 0;
	return fw_elf_fail(oc->err, seg->index,
			   "segment %u: da 0x%llx memsz 0x%llx is not inside memory the remote owns",
			   seg->index, FW_ELF_ULL(seg->da),
			   FW_ELF_ULL(seg->memsz));
}

int fw_elf_check_owned(const struct fw_elf_image *im, fw_elf_owns_fn owns,
		       void *ctx, struct fw_elf_error *err)
{
	struct fw_elf_owns_ctx oc = { .owns = owns, .ctx = ctx, .err = err };

	return fw_elf_walk_segments(im, fw_elf_owns_one, &oc);
}
EXPORT_SYMBOL_GPL(fw_elf_check_owned);

int fw_elf_find_section(const struct fw_elf_image *im, const char *name,
			struct fw_elf_section *sec, struct fw_elf_error *err)
{
	struct fw_elf_section s;
	unsigned int i;
	u32 off;

	for (i = 0; im->names && i < im->info.shnum; i++) {
		off = get_unaligned_le32(fw_elf_shdr(im, i) + FW_ELF_SH_NAME);
		if (strcmp(im->names + off, name))
			continue;
		fw_elf_read_section(im, i, &s);
		/* The kernel reads the table from the file, so it must be there. */
		if (s.type == FW_ELF_SHT_NOBITS || s.type == FW_ELF_SHT_NULL)
			return fw_elf_fail(err, i,
					   "section %u (%s): has no data in the file (type %u)",
					   i, name, s.type);
		*sec = s;
		return 0;
	}

	return fw_elf_report(err, -ENOENT, -1, "no section named %s", name);
}
EXPORT_SYMBOL_GPL(fw_elf_find_section);
