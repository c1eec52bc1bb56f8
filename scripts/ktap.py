#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Collect and count KTAP results.

split:   cut a QEMU console log into one KTAP file per KUnit module and
         end-to-end script (the guest brackets each with amp-ktap markers),
         and write run.ktap with the checks of the run itself: it completed,
         every expected suite reported, the console is free of kernel
         reports (BUG, WARNING, Oops, KASAN, UBSAN, kmemleak...: see
         kernel_reports.py) that no test declared it expects.
summary: count every leaf test case in KTAP files, list the failures and
         end with the line "N passed, N failed, N skipped".
"""

import argparse
import pathlib
import re
import sys

from kernel_reports import KERNEL_REPORT

TIMESTAMP = re.compile(r'^\[\s*\d+\.\d+\] ?')
MARK = re.compile(r'^amp-ktap: (begin|end) (\w+) (\S+)$')
RESULT = re.compile(r'^(not ok|ok) (\d+)(?: -)? ?([^#]*?)\s*(?:#\s*(SKIP|TODO)\b.*)?$')
PLAN = re.compile(r'^1\.\.(\d+)$')
SUBTEST = re.compile(r'^# Subtest: (\S+)')
# A test that provokes a report announces it; matching lines are excused
# until the test says it is done.
EXPECT = re.compile(r'^amp-expect: (.*)$')
EXPECT_END = 'amp-expect-end'


def console_lines(path):
    text = pathlib.Path(path).read_bytes().decode('utf-8', 'replace')
    for raw in text.replace('\r', '').split('\n'):
        yield TIMESTAMP.sub('', raw, count=1)


class Tally:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.failures = []

    def add(self, status, where):
        if status == 'pass':
            self.passed += 1
        elif status == 'skip':
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(where)


def parse_ktap(lines, source, tally):
    """Count the leaves of one KTAP document; a plan that is not met (a
    crash mid-suite) counts as one failure."""
    events = []     # (indent, kind, value)
    names = []
    for line in lines:
        stripped = line.lstrip(' ')
        indent = len(line) - len(stripped)
        stripped = stripped.rstrip()
        m = RESULT.match(stripped)
        if m:
            events.append((indent, 'result', m))
            continue
        m = PLAN.match(stripped)
        if m:
            events.append((indent, 'plan', int(m.group(1))))
            continue
        m = SUBTEST.match(stripped)
        if m:
            names.append(m.group(1))
    if not any(kind == 'result' for _, kind, _ in events):
        tally.add('fail', f'{source}: no KTAP results')
        return
    for i, (indent, kind, val) in enumerate(events):
        if kind == 'plan':
            seen = 0
            for ind2, kind2, _ in events[i + 1:]:
                if kind2 == 'plan' and ind2 == indent:
                    break
                if kind2 == 'result' and ind2 < indent:
                    break
                if kind2 == 'result' and ind2 == indent:
                    seen += 1
            if seen != val:
                tally.add('fail', f'{source}: planned {val} tests at depth '
                          f'{indent // 4}, {seen} reported')
            continue
        # A result with deeper results right before it is a suite, not a case.
        parent = False
        for ind2, kind2, _ in reversed(events[:i]):
            if kind2 != 'result':
                continue
            if ind2 > indent:
                parent = True
            break
        if parent and val.group(1) == 'ok':
            continue
        if parent:
            # A failed suite whose cases all passed (init failure) counts.
            children_failed = any(
                k == 'result' and ind > indent and v.group(1) == 'not ok'
                for ind, k, v in events[:i])
            if children_failed:
                continue
        status = 'pass' if val.group(1) == 'ok' else 'fail'
        if val.group(4) == 'SKIP':
            status = 'skip'
        tally.add(status, f'{source}: {val.group(3) or "#" + val.group(2)}')


def cmd_split(args):
    out = pathlib.Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob('*.ktap'):
        old.unlink()
    blocks = {}
    current = None
    done = False
    bad = []
    expected = []
    suites = set()
    for line in console_lines(args.log):
        m = MARK.match(line)
        if m:
            kind, name = m.group(2), m.group(3)
            current = f'{kind}-{name}' if m.group(1) == 'begin' else None
            if current:
                blocks[current] = []
            continue
        if line.startswith('amp-run: done'):
            done = True
        m = EXPECT.match(line)
        if m:
            expected.append(re.compile(m.group(1)))
            continue
        if line == EXPECT_END:
            expected = []
            continue
        if KERNEL_REPORT.search(line) and \
                not any(e.search(line) for e in expected):
            bad.append(line)
        if current:
            blocks[current].append(line)
            m = SUBTEST.match(line.strip())
            if m:
                suites.add(m.group(1))

    for name, lines in blocks.items():
        (out / f'{name}.ktap').write_text('\n'.join(lines) + '\n')

    checks = [('run_completed', done,
               f'no "amp-run: done" in {args.log} (QEMU exit {args.exit})'),
              ('qemu_exit_status', args.exit == 0,
               'QEMU timed out' if args.exit == 124 else f'QEMU exit {args.exit}'),
              ('console_free_of_kernel_reports', not bad,
               '\n'.join(bad[:20]))]
    for suite in args.expect_suite:
        checks.append((f'suite_{suite}_reported', suite in suites,
                       f'KUnit suite {suite} did not report'))
    for script in args.expect_e2e:
        checks.append((f'e2e_{script}_reported', f'e2e-{script}' in blocks,
                       f'end-to-end test {script} did not report'))
    report = ['KTAP version 1', f'1..{len(checks)}']
    for i, (name, ok, why) in enumerate(checks, 1):
        if not ok:
            report += [f'# {w}' for w in why.split('\n')]
        report.append(f'{"ok" if ok else "not ok"} {i} {name}')
    (out / 'run.ktap').write_text('\n'.join(report) + '\n')
    return 0


def cmd_summary(args):
    tally = Tally()
    files = []
    for p in args.paths:
        p = pathlib.Path(p)
        files += sorted(p.rglob('*.ktap')) if p.is_dir() else [p]
    for f in files:
        parse_ktap(f.read_text().split('\n'), str(f), tally)
    for where in tally.failures:
        print(f'FAILED: {where}')
    line = f'{tally.passed} passed, {tally.failed} failed'
    if tally.skipped:
        line += f', {tally.skipped} skipped'
    print(line)
    return 1 if tally.failed or not files else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    sp = sub.add_parser('split')
    sp.add_argument('log')
    sp.add_argument('outdir')
    sp.add_argument('--exit', type=int, default=0, help="QEMU's exit status")
    sp.add_argument('--expect-suite', action='append', default=[])
    sp.add_argument('--expect-e2e', action='append', default=[])
    sm = sub.add_parser('summary')
    sm.add_argument('paths', nargs='+')
    args = ap.parse_args()
    return cmd_split(args) if args.cmd == 'split' else cmd_summary(args)


if __name__ == '__main__':
    sys.exit(main())
