#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""What counts as a kernel report in a guest console.

make check (scripts/ktap.py), make demo (scripts/demo.sh) and make bench
(scripts/bench_table.py) fail on the lines this expression matches, and on
no others. Run as a script, it prints the expression for grep -E and awk.
"""

import re

# One alternative each. demo.sh hands the expression to grep -E and awk, so
# each must mean the same as a POSIX extended regular expression as it does
# to Python's re: no \d, \s, \b, (?...) or lazy quantifiers.
ALTERNATIVES = [
    'BUG:',
    'WARNING:',
    'Oops',
    'Call [Tt]race',
    'KASAN',
    'UBSAN',
    'Kernel panic',
    # kmemleak's own start-up lines are benign, its reports are not.
    'unreferenced object',
    'suspected memory leak',
    'kmemleak: .*(suspected|disabled|[Cc]annot|[Ee]rror)',
]

EXPRESSION = '|'.join(ALTERNATIVES)
KERNEL_REPORT = re.compile(EXPRESSION)

if __name__ == '__main__':
    print(EXPRESSION)
