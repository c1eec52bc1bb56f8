#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write the rsctool test inputs and the cases that describe them.

Builds little-endian ELF32 and ELF64 executables with PT_LOAD segments and
a .resource_table section, raw resource tables, and broken variants of
both (one defect each), into OUTDIR. OUTDIR/cases.tsv then lists one case
per line, tab-separated:

    kind  name  args  exit  phrase...

kind is "check", "dump" or "json" (dump --json, output must parse); args
are rsctool's arguments, run inside OUTDIR; exit is the expected status.
Each phrase must occur in the combined output; a phrase starting with "="
must be a whole line of it. A lone "-" means no phrase.
"""

import argparse
import os
import struct
import sys

EM_ARM = 40
EM_AARCH64 = 183
ET_REL, ET_EXEC, ET_DYN = 1, 2, 3
PT_LOAD, PT_NOTE = 1, 4
PF_X, PF_W, PF_R = 1, 2, 4
SHT_PROGBITS, SHT_STRTAB, SHT_NOBITS = 1, 3, 8
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 1, 2, 4

ANY = 0xffffffff

# (offset, struct format) of every header field, per class.
EHDR = {
    32: dict(type=(16, 'H'), machine=(18, 'H'), version=(20, 'I'),
             entry=(24, 'I'), phoff=(28, 'I'), shoff=(32, 'I'),
             flags=(36, 'I'), ehsize=(40, 'H'), phentsize=(42, 'H'),
             phnum=(44, 'H'), shentsize=(46, 'H'), shnum=(48, 'H'),
             shstrndx=(50, 'H')),
    64: dict(type=(16, 'H'), machine=(18, 'H'), version=(20, 'I'),
             entry=(24, 'Q'), phoff=(32, 'Q'), shoff=(40, 'Q'),
             flags=(48, 'I'), ehsize=(52, 'H'), phentsize=(54, 'H'),
             phnum=(56, 'H'), shentsize=(58, 'H'), shnum=(60, 'H'),
             shstrndx=(62, 'H')),
}
PHDR = {
    32: dict(type=(0, 'I'), offset=(4, 'I'), vaddr=(8, 'I'),
             paddr=(12, 'I'), filesz=(16, 'I'), memsz=(20, 'I'),
             flags=(24, 'I'), align=(28, 'I')),
    64: dict(type=(0, 'I'), flags=(4, 'I'), offset=(8, 'Q'),
             vaddr=(16, 'Q'), paddr=(24, 'Q'), filesz=(32, 'Q'),
             memsz=(40, 'Q'), align=(48, 'Q')),
}
SHDR = {
    32: dict(name=(0, 'I'), type=(4, 'I'), flags=(8, 'I'), addr=(12, 'I'),
             offset=(16, 'I'), size=(20, 'I'), link=(24, 'I'),
             info=(28, 'I'), addralign=(32, 'I'), entsize=(36, 'I')),
    64: dict(name=(0, 'I'), type=(4, 'I'), flags=(8, 'Q'), addr=(16, 'Q'),
             offset=(24, 'Q'), size=(32, 'Q'), link=(40, 'I'),
             info=(44, 'I'), addralign=(48, 'Q'), entsize=(56, 'Q')),
}
SIZES = {32: (52, 32, 40), 64: (64, 56, 64)}  # ehdr, phdr, shdr


# ---- resource tables ------------------------------------------------------

def name32(s):
    b = s.encode() if isinstance(s, str) else s
    return b + b'\0' * (32 - len(b))


def rsc_table(entries, ver=1, num=None):
    """Header, offset array, then the entries back to back."""
    pos = 16 + 4 * len(entries)
    offsets = []
    for e in entries:
        offsets.append(pos)
        pos += len(e)
    n = len(entries) if num is None else num
    return (struct.pack('<4I', ver, n, 0, 0) +
            struct.pack('<%dI' % len(offsets), *offsets) + b''.join(entries))


def carveout(da, pa, length, name, flags=0):
    return struct.pack('<6I', 0, da, pa, length, flags, 0) + name32(name)


def devmem(da, pa, length, name, flags=0):
    return struct.pack('<6I', 1, da, pa, length, flags, 0) + name32(name)


def trace(da, length, name):
    return struct.pack('<4I', 2, da, length, 0) + name32(name)


def vring(da, align, num, notifyid):
    return struct.pack('<5I', da, align, num, notifyid, 0)


def vdev(vid, notifyid, dfeatures, vrings, config=b''):
    return (struct.pack('<6I4B', 3, vid, notifyid, dfeatures, 0, len(config),
                        0, len(vrings), 0, 0) + b''.join(vrings) + config)


def vendor(rtype, body):
    return struct.pack('<I', rtype) + body


def st_table():
    """ST Cortex-M firmware: rpmsg vdev with two host-placed vrings, trace."""
    return rsc_table([
        vdev(7, 0, 1, [vring(ANY, 0x1000, 8, 1), vring(ANY, 0x1000, 8, 2)]),
        trace(0x10040100, 0x800, 'cm4_log'),
    ])


def nuttx_config():
    """rpmsg config space: buffer sizes per direction and cpu names."""
    cfg = struct.pack('<2I', 0x800, 0x800) + b'ap'.ljust(16, b'\0')
    cfg += b'm33'.ljust(16, b'\0')
    return cfg.ljust(64, b'\0')


def nuttx_table():
    """NuttX RPTUN style: carveout for the vrings and shared heap, vdev."""
    return rsc_table([
        carveout(0x20000000, 0x20000000, 0x40000, 'vdev0buffer'),
        vdev(7, 0, 0x5, [vring(0, 8, 8, 1), vring(0, 8, 8, 2)],
             nuttx_config()),
    ])


# ---- ELF images -----------------------------------------------------------

class Elf:
    """A little-endian executable; fields can be patched after building."""

    def __init__(self, bits, machine, segments, names_last=True):
        self.bits = bits
        ehsize, phentsize, shentsize = SIZES[bits]
        # sections: [name, type, flags, addr, offset, size]
        secs = [['', 0, 0, 0, 0, 0]]
        self.phdrs = []
        off = ehsize + phentsize * len(segments)
        body = b''
        for seg in segments:
            off = (off + 15) & ~15
            body = body.ljust(off - ehsize - phentsize * len(segments),
                              b'\0')
            start, data = off, b''
            for name, chunk in seg['chunks']:
                flags = SHF_ALLOC | (SHF_EXECINSTR if seg['flags'] & PF_X
                                     else SHF_WRITE)
                secs.append([name, SHT_PROGBITS, flags,
                             seg['paddr'] + len(data), off, len(chunk)])
                data += chunk
                off += len(chunk)
            memsz = len(data) + seg.get('bss', 0)
            if seg.get('bss'):
                secs.append(['.bss', SHT_NOBITS, SHF_ALLOC | SHF_WRITE,
                             seg['paddr'] + len(data), off, seg['bss']])
            self.phdrs.append(dict(type=PT_LOAD, offset=start,
                                   vaddr=seg['paddr'], paddr=seg['paddr'],
                                   filesz=len(data), memsz=memsz,
                                   flags=seg['flags'], align=4))
            body += data
        secs.append(['.shstrtab', SHT_STRTAB, 0, 0, 0, 0])
        strtab = b'\0'
        for s in secs[1:]:
            s.append(len(strtab))
            strtab += s[0].encode() + b'\0'
        secs[0].append(0)
        strtab_off = ehsize + phentsize * len(segments) + len(body)
        secs[-1][4], secs[-1][5] = strtab_off, len(strtab)
        shoff = (strtab_off + len(strtab) + 7) & ~7
        total = shoff + shentsize * len(secs)

        self.img = bytearray(total)
        self.img[0:4] = b'\x7fELF'
        self.img[4] = 1 if bits == 32 else 2
        self.img[5] = 1
        self.img[6] = 1
        first = ehsize + phentsize * len(segments)
        self.img[first:first + len(body)] = body
        self.img[strtab_off:strtab_off + len(strtab)] = strtab
        entry = segments[0]['paddr'] | (1 if machine == EM_ARM else 0)
        for k, v in dict(type=ET_EXEC, machine=machine, version=1,
                         entry=entry, phoff=ehsize, shoff=shoff,
                         ehsize=ehsize, phentsize=phentsize,
                         phnum=len(segments), shentsize=shentsize,
                         shnum=len(secs), shstrndx=len(secs) - 1).items():
            self.eh(k, v)
        for i, ph in enumerate(self.phdrs):
            for k, v in ph.items():
                self.ph(i, k, v)
        self.sec_names = [s[0] for s in secs]
        for i, s in enumerate(secs):
            for k, v in zip(('type', 'flags', 'addr', 'offset', 'size',
                             'name'), s[1:]):
                self.sh(i, k, v)

    def _put(self, base, field, value):
        off, fmt = field
        struct.pack_into('<' + fmt, self.img, base + off, value)

    def _get(self, base, field):
        off, fmt = field
        return struct.unpack_from('<' + fmt, self.img, base + off)[0]

    def eh(self, name, value):
        self._put(0, EHDR[self.bits][name], value)

    def geh(self, name):
        return self._get(0, EHDR[self.bits][name])

    def ph(self, i, name, value):
        base = self.geh('phoff') + i * SIZES[self.bits][1]
        self._put(base, PHDR[self.bits][name], value)

    def gph(self, i, name):
        base = self.geh('phoff') + i * SIZES[self.bits][1]
        return self._get(base, PHDR[self.bits][name])

    def secidx(self, name):
        return self.sec_names.index(name)

    def sh(self, i, name, value):
        if isinstance(i, str):
            i = self.secidx(i)
        base = self.geh('shoff') + i * SIZES[self.bits][2]
        self._put(base, SHDR[self.bits][name], value)

    def gsh(self, i, name):
        if isinstance(i, str):
            i = self.secidx(i)
        base = self.geh('shoff') + i * SIZES[self.bits][2]
        return self._get(base, SHDR[self.bits][name])

    def bytes(self):
        return bytes(self.img)


CODE = bytes(range(256)) * 2


def firmware(bits, table, base=None):
    """Code segment, then a data segment holding the table and a .bss."""
    if base is None:
        base = 0x10000000 if bits == 32 else 0x80000000
    machine = EM_ARM if bits == 32 else EM_AARCH64
    data = [('.resource_table', table)] if table is not None else []
    data.append(('.data', b'\x55' * 0x40))
    return Elf(bits, machine, [
        dict(paddr=base, flags=PF_R | PF_X, chunks=[('.text', CODE)]),
        dict(paddr=base + 0x40000, flags=PF_R | PF_W, chunks=data,
             bss=0x400),
    ])


# ---- cases ----------------------------------------------------------------

class Cases:
    def __init__(self, outdir):
        self.outdir = outdir
        self.lines = []
        self.names = set()

    def write(self, fname, data):
        with open(os.path.join(self.outdir, fname), 'wb') as f:
            f.write(data)

    def add(self, kind, fname, code, phrases=(), args=None, name=None):
        name = name or '%s_%s' % (kind, fname.replace('.', '_')
                                   .replace('-', '_'))
        assert name not in self.names, name
        self.names.add(name)
        if args is None:
            args = {'check': 'check', 'dump': 'dump',
                    'json': 'dump --json'}[kind] + ' ' + fname
        for p in phrases:
            assert '\t' not in p and '\n' not in p, p
        self.lines.append('\t'.join([kind, name, args, str(code)] +
                                    (list(phrases) or ['-'])))

    def good(self, fname, data, check, dump=(), json=()):
        self.write(fname, data)
        self.add('check', fname, 0, check)
        self.add('dump', fname, 0, dump)
        self.add('json', fname, 0, json)

    def bad(self, fname, data, phrases, dump=False):
        self.write(fname, data)
        self.add('check', fname, 1, phrases)
        if dump:
            self.add('dump', fname, 1, phrases)

    def save(self):
        with open(os.path.join(self.outdir, 'cases.tsv'), 'w') as f:
            f.write('\n'.join(self.lines) + '\n')


ST_DUMP = [
    '=version 1, 2 entries',
    '=entry 0 at 0x18: vdev',
    '=  id 7 (rpmsg), notifyid 0, dfeatures 0x1, gfeatures 0x0, '
    'status 0x00',
    '=  vrings 2, config_len 0',
    '=  vring 0: da 0xffffffff, align 0x1000, num 8, notifyid 1, pa 0x0',
    '=  vring 1: da 0xffffffff, align 0x1000, num 8, notifyid 2, pa 0x0',
    '=entry 1 at 0x5c: trace "cm4_log"',
    '=  da 0x10040100, len 0x800',
]
ST_JSON = ['"kind": "vdev"', '"id_name": "rpmsg"', '"name": "cm4_log"',
           '"num": 2', '"align": 4096']

NUTTX_DUMP = [
    '=version 1, 2 entries',
    '=entry 0 at 0x18: carveout "vdev0buffer"',
    '=  da 0x20000000, pa 0x20000000, len 0x40000, flags 0x0',
    '=entry 1 at 0x50: vdev',
    '=  id 7 (rpmsg), notifyid 0, dfeatures 0x5, gfeatures 0x0, '
    'status 0x00',
    '=  vrings 2, config_len 64',
    '=  vring 0: da 0x0, align 0x8, num 8, notifyid 1, pa 0x0',
    '=  config space at 0x94:',
    '=    0000  00 08 00 00 00 08 00 00 61 70 00 00 00 00 00 00  '
    '|........ap......|',
    '=    0010  00 00 00 00 00 00 00 00 6d 33 33 00 00 00 00 00  '
    '|........m33.....|',
]
NUTTX_JSON = ['"name": "vdev0buffer"', '"config_len": 64',
              '"config": "0008000000080000617000']


def valid_cases(c):
    st, nx = st_table(), nuttx_table()
    assert len(st) == 0x8c
    e = firmware(32, st)
    c.good('st32.elf', e.bytes(),
           ['st32.elf: ok: ELF32 ARM, entry 0x10000001, 2 loadable segments',
            'resource table 0x8c bytes, 2 entries (vdev, trace)'],
           ['=st32.elf: ELF32 ARM, entry 0x10000001',
            '=resource table: section .resource_table, file offset 0x%x, '
            'da 0x10040000, 0x8c bytes' % e.gsh('.resource_table', 'offset')]
           + ST_DUMP,
           ST_JSON + ['"format": "elf"', '"class": 32', '"machine": 40'])
    c.good('st64.elf', firmware(64, st).bytes(),
           ['st64.elf: ok: ELF64 AArch64, entry 0x80000000',
            '2 entries (vdev, trace)'],
           ['=st64.elf: ELF64 AArch64, entry 0x80000000'] + ST_DUMP,
           ST_JSON + ['"class": 64', '"machine_name": "AArch64"'])
    c.good('nuttx32.elf', firmware(32, nx).bytes(),
           ['nuttx32.elf: ok: ELF32 ARM',
            '2 entries (carveout, vdev)'],
           NUTTX_DUMP, NUTTX_JSON)
    c.good('nuttx64.elf', firmware(64, nx).bytes(),
           ['nuttx64.elf: ok: ELF64 AArch64'], NUTTX_DUMP, NUTTX_JSON)
    c.good('notable32.elf', firmware(32, None).bytes(),
           ['notable32.elf: ok: ELF32 ARM', 'no resource table'],
           ['=no resource table'], ['"table": null'])
    c.good('notable64.elf', firmware(64, None).bytes(),
           ['notable64.elf: ok: ELF64 AArch64', 'no resource table'],
           ['=no resource table'], ['"table": null'])

    # Section headers are optional: a stripped image still loads.
    e = firmware(32, st)
    e.eh('shoff', 0)
    e.eh('shnum', 0)
    e.eh('shstrndx', 0)
    c.good('nosections32.elf', e.bytes(),
           ['nosections32.elf: ok', 'no resource table'],
           ['=no resource table'], ['"table": null'])

    c.good('raw-st.bin', st,
           ['raw-st.bin: ok: raw table, resource table 0x8c bytes, '
            '2 entries (vdev, trace)'],
           ['=raw-st.bin: raw resource table, 0x8c bytes'] + ST_DUMP,
           ST_JSON + ['"format": "raw"'])
    c.good('raw-nuttx.bin', nx, ['raw-nuttx.bin: ok: raw table'],
           NUTTX_DUMP, NUTTX_JSON)
    c.good('raw-vendor.bin',
           rsc_table([carveout(0x30000000, 0x30000000, 0x1000, 'shm'),
                      vendor(130, b'VNDR\x01\x02\x03\x04')]),
           ['raw-vendor.bin: ok', '2 entries (carveout, vendor)'],
           ['=entry 1 at 0x50: vendor (type 130)',
            '=  body 0x8 bytes at 0x54:',
            '=    0000  56 4e 44 52 01 02 03 04'
            '                          |VNDR....|'],
           ['"kind": "vendor"', '"body": "564e445201020304"'])
    # Quotes and backslashes are printable, so they reach the JSON escaper.
    c.good('raw-quote.bin',
           rsc_table([carveout(0x30000000, 0x30000000, 0x1000,
                               'a"b\\c')]),
           ['raw-quote.bin: ok'], ['=entry 0 at 0x14: carveout "a"b\\c"'],
           ['"name": "a\\"b\\\\c"'])

    # The host finds the loaded table by sh_addr: warn when nothing loads it.
    e = firmware(32, st)
    e.sh('.resource_table', 'addr', 0x50000000)
    c.write('rscaddr32.elf', e.bytes())
    c.add('check', 'rscaddr32.elf', 0,
          ['rscaddr32.elf: warning: .resource_table (sh_addr 0x50000000) is '
           'not inside a loadable segment', 'rscaddr32.elf: ok'])

    # The segments are checked against the memory the remote owns.
    c.add('check', 'st32.elf', 0, ['st32.elf: ok'],
          args='check --mem 0x10000000:0x100000 st32.elf',
          name='check_mem_owned')
    c.add('check', 'st32.elf', 0, ['st32.elf: ok'],
          args='check -m 0x10000000:0x10000 -m 0x10040000:0x1000 st32.elf',
          name='check_mem_two_regions')
    c.add('check', 'st32.elf', 1,
          ['st32.elf: ELF: segment 1: da 0x10040000 memsz 0x4cc is not '
           'inside memory the remote owns'],
          args='check --mem 0x10000000:0x40100 st32.elf',
          name='check_mem_not_owned')
    c.add('check', 'st64.elf', 1,
          ['segment 0: da 0x80000000 memsz 0x200 is not inside memory'],
          args='check --mem 0x10000000:0x100000 st64.elf',
          name='check_mem_not_owned_64')


def bad_elf_cases(c):
    st = st_table()

    def fw(bits, ident=None, eh=None, ph=None, sh=None):
        """The ST firmware with header fields patched: ph {index: fields},
        sh {section name: fields}."""
        e = firmware(bits, st)
        for i, v in (ident or {}).items():
            e.img[i] = v
        for k, v in (eh or {}).items():
            e.eh(k, v)
        for i, fields in (ph or {}).items():
            for k, v in fields.items():
                e.ph(i, k, v)
        for name, fields in (sh or {}).items():
            for k, v in fields.items():
                e.sh(name, k, v)
        return e

    def trunc(bits, n):
        return fw(bits).bytes()[:n]

    c.bad('trunc-ident.elf', trunc(32, 10),
          ['ELF: truncated ELF header: file is only 10 bytes'], dump=True)
    c.bad('trunc-hdr32.elf', trunc(32, 40),
          ['ELF: truncated ELF32 header: file is only 40 bytes, need 52'])
    c.bad('trunc-hdr64.elf', trunc(64, 60),
          ['ELF: truncated ELF64 header: file is only 60 bytes, need 64'])
    # Cut inside the program headers / before the sections.
    c.bad('trunc-phdr64.elf', trunc(64, 100),
          ['ELF: program headers: e_phoff 0x40 + e_phnum * e_phentsize '
           '0x70 is past the end of the file (0x64 bytes)'])
    e = fw(32)
    c.bad('trunc-body32.elf', e.bytes()[:e.gsh('.shstrtab', 'offset')],
          ['is past the end of the file'])

    for bits in (32, 64):
        c.bad('class3-%d.elf' % bits, fw(bits, ident={4: 3}).bytes(),
              ['ELF: unsupported ELF class 3 (only 1 = ELF32 and '
               '2 = ELF64)'])
        c.bad('bigendian%d.elf' % bits, fw(bits, ident={5: 2}).bytes(),
              ['ELF: big-endian image: only little-endian images are '
               'supported'], dump=(bits == 32))
    # Wrong class: the other class's header reads as nonsense.
    c.bad('wrongclass.elf', fw(64, ident={4: 1}).bytes(),
          ['ELF: no program headers (e_phnum 0)'])
    c.bad('wrongclass32.elf', fw(32, ident={4: 2}).bytes(),
          ['ELF: e_phentsize 0 is not the ELF64 program header size 56'])
    c.bad('nodata.elf', fw(32, ident={5: 0}).bytes(),
          ['ELF: invalid ELF data encoding 0'])
    c.bad('identversion.elf', fw(32, ident={6: 2}).bytes(),
          ['ELF: unsupported ELF version 2 in e_ident'])
    c.bad('version0.elf', fw(64, eh=dict(version=0)).bytes(),
          ['ELF: unsupported e_version 0'])
    c.bad('dyn.elf', fw(32, eh=dict(type=ET_DYN)).bytes(),
          ['ELF: e_type ET_DYN: position-independent images are not '
           'supported'])
    c.bad('rel.elf', fw(64, eh=dict(type=ET_REL)).bytes(),
          ['ELF: e_type 1 is not an executable (ET_EXEC)'])

    for bits in (32, 64):
        size = len(fw(bits).img)
        phentsize = SIZES[bits][1]
        c.bad('phoff%d.elf' % bits, fw(bits, eh=dict(phoff=size - 8)).bytes(),
              ['ELF: program headers: e_phoff 0x%x + e_phnum * e_phentsize'
               % (size - 8), 'is past the end of the file (0x%x bytes)'
               % size])
        c.bad('phnum%d.elf' % bits, fw(bits, eh=dict(phnum=300)).bytes(),
              ['ELF: program headers: e_phoff', 'is past the end of the '
               'file'])
        c.bad('phentsize%d.elf' % bits,
              fw(bits, eh=dict(phentsize=phentsize + 8)).bytes(),
              ['ELF: e_phentsize %d is not the ELF%d program header size %d'
               % (phentsize + 8, bits, phentsize)])
    c.bad('phoffwrap64.elf',
          fw(64, eh=dict(phoff=0xffffffffffffffc0)).bytes(),
          ['ELF: program headers: e_phoff 0xffffffffffffffc0 + e_phnum * '
           'e_phentsize 0x70 wraps around'])
    c.bad('phnum0.elf', fw(32, eh=dict(phnum=0)).bytes(),
          ['ELF: no program headers (e_phnum 0)'])
    c.bad('pnxnum.elf', fw(32, eh=dict(phnum=0xffff)).bytes(),
          ['extended program header numbering is not supported'])

    for bits in (32, 64):
        e = fw(bits)
        off, size = e.gph(1, 'offset'), len(e.img)
        e = fw(bits, ph={1: dict(filesz=size, memsz=size + 0x1000)})
        c.bad('segpast%d.elf' % bits, e.bytes(),
              ['ELF: segment 1: offset 0x%x + filesz 0x%x is past the end '
               'of the file (0x%x bytes)' % (off, size, size)],
              dump=(bits == 64))
        c.bad('filesz%d.elf' % bits,
              fw(bits, ph={0: dict(filesz=0x204)}).bytes(),
              ['ELF: segment 0: filesz 0x204 is larger than memsz 0x200'])
    # Offset near the top: past the file in ELF32, wrapping u64 in ELF64.
    c.bad('segoffhigh32.elf', fw(32, ph={1: dict(offset=0xfffff000)}).bytes(),
          ['ELF: segment 1: offset 0xfffff000 + filesz 0xcc is past the end '
           'of the file'])
    c.bad('segoffwrap64.elf',
          fw(64, ph={1: dict(offset=0xfffffffffffff000, filesz=0x2000,
                             memsz=0x2000)}).bytes(),
          ['ELF: segment 1: offset 0xfffffffffffff000 + filesz 0x2000 '
           'wraps around'])
    c.bad('dawrap32.elf',
          fw(32, ph={1: dict(paddr=0xfffff000, memsz=0x2000)}).bytes(),
          ['ELF: segment 1: paddr 0xfffff000 + memsz 0x2000 wraps around '
           'the 32-bit address space'])
    c.bad('dawrap64.elf',
          fw(64, ph={0: dict(paddr=0xffffffffffffff00)}).bytes(),
          ['ELF: segment 0: paddr 0xffffffffffffff00 + memsz 0x200 wraps '
           'around the 64-bit address space'])
    c.bad('noload.elf',
          fw(32, ph={0: dict(type=PT_NOTE), 1: dict(type=PT_NOTE)}).bytes(),
          ['ELF: no loadable segment (PT_LOAD with memsz > 0)'])
    e = fw(64)
    c.bad('overlap64.elf',
          fw(64, ph={1: dict(paddr=e.gph(0, 'paddr') + 0x100)}).bytes(),
          ['ELF: segment 1: paddr', 'overlaps segment 0'])

    for bits in (32, 64):
        e = fw(bits)
        n, size = e.geh('shnum'), len(e.img)
        last = e.secidx('.shstrtab')
        strsize = e.gsh(last, 'size')
        c.bad('shstrndx%d.elf' % bits, fw(bits, eh=dict(shstrndx=n)).bytes(),
              ['ELF: e_shstrndx %d is out of bounds (e_shnum %d)' % (n, n)],
              dump=(bits == 32))
        c.bad('shname%d.elf' % bits,
              fw(bits, sh={'.text': dict(name=0x10000)}).bytes(),
              ['ELF: section 1: sh_name 0x10000 is outside the section name '
               'table'])
        # Cut the name table's last NUL off: ".shstrtab" runs past its end.
        c.bad('shnamenul%d.elf' % bits,
              fw(bits, sh={'.shstrtab': dict(size=strsize - 1)}).bytes(),
              ['ELF: section %d (e_shstrndx): the section name table does '
               'not end with a NUL byte' % last])
        c.bad('shoff%d.elf' % bits, fw(bits, eh=dict(shoff=size - 4)).bytes(),
              ['ELF: section headers: e_shoff 0x%x' % (size - 4),
               'is past the end of the file'])
    c.bad('shentsize.elf', fw(32, eh=dict(shentsize=32)).bytes(),
          ['ELF: e_shentsize 32 is not the ELF32 section header size 40'])
    c.bad('shstrtype.elf', fw(32, eh=dict(shstrndx=1)).bytes(),
          ['ELF: section 1 (e_shstrndx): type 1 is not SHT_STRTAB'])
    c.bad('shstroff.elf',
          fw(32, sh={'.shstrtab': dict(offset=len(fw(32).img) - 2)})
          .bytes(),
          ['ELF: section 5 (e_shstrndx): offset', 'is past the end of the '
           'file'])
    c.bad('secsize64.elf', fw(64, sh={'.data': dict(size=0x100000)}).bytes(),
          ['ELF: section 3: offset', '+ size 0x100000 is past the end of '
           'the file'])
    c.bad('secwrap64.elf',
          fw(64, sh={'.data': dict(offset=0xfffffffffffffff0)}).bytes(),
          ['ELF: section 3: offset 0xfffffffffffffff0 + size 0x40 wraps '
           'around'])
    c.bad('shxnum.elf', fw(32, eh=dict(shnum=0)).bytes(),
          ['extended section numbering is not supported'])
    c.bad('shstrndx-nosec.elf', fw(32, eh=dict(shoff=0, shnum=0)).bytes(),
          ['ELF: e_shstrndx 5 but there are no section headers'])
    c.bad('rscnobits.elf',
          fw(32, sh={'.resource_table': dict(type=SHT_NOBITS)}).bytes(),
          ['ELF: section 2 (.resource_table): has no data in the file '
           '(type 8)'], dump=True)

    # A valid image carrying a broken table: the parser's reasons.
    bad = bytearray(st)
    struct.pack_into('<I', bad, 0, 2)
    c.bad('rscver32.elf', firmware(32, bytes(bad)).bytes(),
          ['rscver32.elf: resource table: header: version 2 is not '
           'supported'], dump=True)
    c.bad('rsctrunc64.elf', firmware(64, st[:12]).bytes(),
          ['resource table: header: table is 12 bytes, shorter than the '
           '16-byte header'])
    c.bad('rscshort32.elf',
          fw(32, sh={'.resource_table': dict(size=0x40)}).bytes(),
          ['resource table: entry 1 at 0x5c: offset is past the end of the '
           'table'])


def bad_raw_cases(c):
    st = st_table()
    c.bad('raw-trunc.bin', st[:8],
          ['raw-trunc.bin: resource table: header: table is 8 bytes, '
           'shorter than the 16-byte header'], dump=True)
    c.bad('raw-empty.bin', b'', ['table is 0 bytes'])
    c.bad('raw-num.bin', rsc_table([vdev(7, 0, 1, [vring(ANY, 0x1000, 8, 1),
                                                  vring(ANY, 0x1000, 8, 2)])],
                                   num=100),
          ['resource table: header: num 100 needs'])
    c.bad('raw-numhuge.bin', rsc_table([], num=0x40000000),
          ['resource table: header: num 1073741824'])
    bad = bytearray(st)
    struct.pack_into('<I', bad, 16, 0x1000)
    c.bad('raw-offset.bin', bytes(bad),
          ['resource table: entry 0 at 0x1000: offset is past the end of '
           'the table'], dump=True)
    bad = bytearray(st)
    struct.pack_into('<I', bad, 20, 0x80000000)
    c.bad('raw-offset31.bin', bytes(bad),
          ['resource table: entry 1 at 0x80000000: offset is past the end'])
    bad = bytearray(st)
    struct.pack_into('<I', bad, 16, 4)
    c.bad('raw-offsethdr.bin', bytes(bad),
          ['resource table: entry 0 at 0x4: offset points into the header'])
    c.bad('raw-nonul.bin',
          rsc_table([trace(0x10040100, 0x800, b'x' * 32)]),
          ['resource table: entry 0 (trace) at 0x14: name is not '
           'NUL-terminated'])
    c.bad('raw-cvnonul.bin',
          rsc_table([carveout(0x30000000, 0x30000000, 0x1000, b'y' * 32)]),
          ['(carveout)', 'name is not NUL-terminated'])
    c.bad('raw-vringnum.bin',
          rsc_table([vdev(7, 0, 1, [vring(ANY, 0x1000, 6, 1),
                                    vring(ANY, 0x1000, 8, 2)])]),
          ['vring 0 num 6 is not a power of two'])
    c.bad('raw-notifyid.bin',
          rsc_table([vdev(7, 0, 1, [vring(ANY, 0x1000, 8, 1),
                                    vring(ANY, 0x1000, 8, 1)])]),
          ['notifyid 1 is already used'])
    c.bad('raw-align.bin',
          rsc_table([vdev(7, 0, 1, [vring(ANY, 0x20000, 8, 1),
                                    vring(ANY, 0x1000, 8, 2)])]),
          ['vring 0 align 0x20000 is more than 0x10000'])
    c.bad('raw-samepa.bin',
          rsc_table([carveout(ANY, 0x90000000, 0x1000, 'a'),
                     carveout(ANY, 0x90000000, 0x1000, 'b')]),
          ['entry 1 (carveout)', 'pa [0x90000000, 0x90001000) overlaps '
           'carveout entry 0'])
    c.bad('raw-vringdevmem.bin',
          rsc_table([devmem(0x4a000000, 0x0a000000, 0x10000, 'uart'),
                     vdev(7, 0, 1, [vring(0x4a001000, 0x1000, 8, 1),
                                    vring(ANY, 0x1000, 8, 2)])]),
          ['vring 0 da 0x4a001000 is inside devmem entry 0'])
    c.bad('raw-big.bin', rsc_table([]).ljust(0x10001, b'\0'),
          ['table is 65537 bytes, more than the 65536 a table may have'])
    c.bad('raw-manyshort.bin', rsc_table([], num=300),
          ['header: num 300 is more than 256 entries'])
    c.bad('raw-config.bin', nuttx_table()[:-16],
          ['resource table: entry 1 (vdev) at 0x50: config space runs to '
           '0xd4, past the end of the table (size 0xc4)'])


def cli_cases(c):
    c.add('check', 'st32.elf', 1, ['missing.elf: cannot open'],
          args='check missing.elf', name='check_missing_file')
    c.add('check', 'st32.elf', 1, ['st32.elf: ok', 'class3-32.elf: ELF:'],
          args='check st32.elf class3-32.elf', name='check_two_files')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('outdir')
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    c = Cases(args.outdir)
    valid_cases(c)
    bad_elf_cases(c)
    bad_raw_cases(c)
    cli_cases(c)
    c.save()
    return 0


if __name__ == '__main__':
    sys.exit(main())
