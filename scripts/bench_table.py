#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Print the table of make bench from the consoles of the bench boards.

usage: bench_table.py TARGET=CONSOLE_LOG...

Reads the "amp-bench: ..." lines scripts/guest/bench.sh printed. Exits 1
when a board did not finish or its console holds a kernel report.
"""

import re
import sys

from kernel_reports import KERNEL_REPORT

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\] ?')

# (metric, label, better: 'lower' or 'higher', ours/core target or None)
ROWS = [
    ('start_ms', 'start to /dev/rpmsgN, median (ms)', 'lower', 1.05),
    ('lat1_p50_us', 'rpmsg round trip 1 B p50 (us)', 'lower', 1.05),
    ('lat1_p99_us', 'rpmsg round trip 1 B p99 (us)', 'lower', None),
    ('lat496_p50_us', 'rpmsg round trip 496 B p50 (us)', 'lower', 1.05),
    ('lat496_p99_us', 'rpmsg round trip 496 B p99 (us)', 'lower', None),
    ('tput496_mbs', 'one-way throughput 496 B (MB/s)', 'higher', 0.95),
]


def parse(path):
    info = {'figures': {}, 'done': False, 'failed': None, 'reports': []}
    try:
        text = open(path, 'rb').read().decode('utf-8', 'replace')
    except OSError as e:
        info['failed'] = str(e)
        return info
    for raw in text.replace('\r', '').split('\n'):
        line = TIMESTAMP.sub('', raw, count=1)
        if KERNEL_REPORT.search(line):
            info['reports'].append(line.strip())
        m = re.match(r'amp-bench: (.*)$', line)
        if not m:
            continue
        words = m.group(1).split()
        if not words:
            continue
        if words[0] == 'done':
            info['done'] = True
        elif words[0] == 'FAILED:':
            info['failed'] = ' '.join(words[1:])
        elif words[0] in ('kernel', 'debug', 'msgs', 'starts'):
            info[words[0]] = ' '.join(words[1:])
        elif len(words) == 3:
            try:
                info['figures'][(words[0], words[1])] = float(words[2])
            except ValueError:
                pass
    return info


def fmt(v):
    if v is None:
        return '-'
    return f'{v:.1f}' if v >= 10 else f'{v:.2f}'


def main(args):
    boards = [a.split('=', 1) for a in args]
    infos = [(t, parse(p)) for t, p in boards]
    ok = True
    misses = []
    checked = 0

    first = next((i for _, i in infos if 'msgs' in i), {})
    print('make bench: the reference firmware echoing rpmsg on the virtual '
          'board,')
    print('QEMU TCG (-accel tcg,thread=single); '
          f'{first.get("msgs", "?")} messages per latency and throughput '
          f'figure, {first.get("starts", "?")} starts per median.')
    print('ours: amp_rsc handles the resource table (default); core: '
          'modprobe amp_rproc core_rsc_table=1.')
    print('floor: one mailbox message Linux -> remote -> Linux '
          '(amp_doorbell_bench), no virtio.')

    for target, info in infos:
        f = info['figures']
        print()
        debug = ' '.join(w.upper() if w in ('kasan', 'ubsan') else w
                         for w in info.get('debug', '').split())
        print(f'{target}: Linux {info.get("kernel", "?")}, debug options: '
              f'{debug or "none"}')
        if debug:
            print('  (a debug kernel: compare the ratios, not the absolute '
                  'figures)')
        if info['failed'] or not info['done']:
            ok = False
            print(f'  FAILED: {info["failed"] or "the board did not finish"}')
        for r in info['reports'][:5]:
            ok = False
            print(f'  kernel report: {r}')
        print(f'  {"":36} {"ours":>9} {"core":>9} {"ours/core":>10}  target')
        for key, label, better, goal in ROWS:
            ours, core = f.get(('amp', key)), f.get(('core', key))
            ratio = ours / core if ours is not None and core else None
            verdict = ''
            if goal is not None:
                op = '<=' if better == 'lower' else '>='
                verdict = f'{op} {goal:.2f}'
                if ratio is not None:
                    checked += 1
                    met = ratio <= goal if better == 'lower' else \
                        ratio >= goal
                    if not met:
                        verdict += '  MISSED'
                        misses.append(f'{target}: {label}')
            print(f'  {label:36} {fmt(ours):>9} {fmt(core):>9} '
                  f'{fmt(ratio) if ratio is None else f"{ratio:.3f}":>10}'
                  f'  {verdict}'.rstrip())
        fp50, fp99 = f.get(('floor', 'doorbell_p50_us')), \
            f.get(('floor', 'doorbell_p99_us'))
        print(f'  {"doorbell floor p50 / p99 (us)":36} {fmt(fp50):>9} '
              f'{fmt(fp99):>9}')
        for key, label in (('lat1_p50_us', 'rpmsg 1 B p50 / floor p50'),
                           ('lat496_p50_us', 'rpmsg 496 B p50 / floor p50')):
            ours, core = f.get(('amp', key)), f.get(('core', key))
            if fp50:
                print(f'  {label:36} '
                      f'{fmt(ours / fp50) if ours else "-":>9} '
                      f'{fmt(core / fp50) if core else "-":>9}')

    print()
    if misses:
        print(f'targets: {checked - len(misses)} of {checked} met; missed: '
              + '; '.join(misses))
    else:
        print(f'targets: all {checked} met')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
