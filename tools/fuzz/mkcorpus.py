#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write valid resource tables as fuzzing seeds.

The seeds mirror the tables met in real firmware (ST Cortex-M, NuttX
RPTUN) plus the entry kinds those lack, so the fuzzer starts from inputs
that get past the header checks.

usage: mkcorpus.py OUTDIR
"""

import os
import struct
import sys

ANY = 0xFFFFFFFF
CARVEOUT, DEVMEM, TRACE, VDEV = 0, 1, 2, 3
RPMSG = 7


def name(s):
    return s.encode().ljust(32, b"\0")


def carveout(da, pa, length, nm, kind=CARVEOUT):
    return struct.pack("<6I", kind, da, pa, length, 0, 0) + name(nm)


def devmem(da, pa, length, nm):
    return carveout(da, pa, length, nm, DEVMEM)


def trace(da, length, nm):
    return struct.pack("<4I", TRACE, da, length, 0) + name(nm)


def vdev(vid, notifyid, dfeatures, vrings, config=b""):
    body = struct.pack("<6I4B", VDEV, vid, notifyid, dfeatures, 0,
                       len(config), 0, len(vrings), 0, 0)
    for da, align, num, nid in vrings:
        body += struct.pack("<5I", da, align, num, nid, 0)
    return body + config


def raw(kind, payload):
    return struct.pack("<I", kind) + payload


def table(*ents):
    """Lays entries out after the header, each 4-byte aligned."""
    off = 16 + 4 * len(ents)
    offsets, body = [], b""
    for ent in ents:
        ent += b"\0" * (-len(ent) % 4)
        offsets.append(off + len(body))
        body += ent
    return struct.pack("<4I", 1, len(ents), 0, 0) + \
        struct.pack("<%dI" % len(ents), *offsets) + body


def rpmsg(n0, n1, da=ANY, align=0x1000, num=8, config=b"", feat=1):
    return vdev(RPMSG, ANY, feat, [(da, align, num, n0), (da, align, num, n1)],
                config)


SEEDS = {
    "st_cm4": table(vdev(RPMSG, 0, 1, [(ANY, 0x1000, 8, 1),
                                        (ANY, 0x1000, 8, 2)]),
                    trace(0x10040000, 0x800, "cm4_log")),
    "nuttx": table(trace(0x20000000, 0x1000, "remote_log"),
                   rpmsg(ANY, ANY, da=0, align=8, num=16, feat=0x7,
                         config=struct.pack("<2I", 2048, 1024) + b"\0" * 56),
                   carveout(0x30000000, ANY, 0x40000, "rpmsg-shm")),
    "multi": table(rpmsg(1, 2), rpmsg(3, 4),
                   vdev(4, 5, 0, [(0x1000, 16, 4, 6)]),
                   carveout(0x10000000, 0x90000000, 0x10000, "text"),
                   carveout(ANY, ANY, 0x10000, "heap"),
                   devmem(0x10010000, 0x4a000000, 0x1000, "uart"),
                   trace(0x1000, 0x100, "log0"),
                   trace(0x2000, 0x100, "log1")),
    "vendor": table(raw(128, b"\x01\x02\x03\x04" * 3), raw(4, b"\0" * 4),
                    trace(0x1000, 0x100, "log"), raw(511, b""),
                    raw(512, b"\xff" * 8)),
    "empty": table(),
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for nm, data in SEEDS.items():
        with open(os.path.join(out, nm + ".bin"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
