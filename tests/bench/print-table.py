#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the suite's table: the rows the benchmarks appended to FILE
(NCL_BENCH_TABLE; see bench-table.h), as a Markdown table.

  print-table.py FILE
"""

import sys

HEADER = ["measure", "app (median, min–max)", "baseline, same run", "ratio", "goal"]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rows = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            rows.append((cells + [""] * len(HEADER))[:len(HEADER)])
    if not rows:
        sys.exit("no benchmark wrote a row: did they run (xvfb-run, NCL_BENCH_TABLE)?")
    widths = [max(len(r[i]) for r in rows + [HEADER]) for i in range(len(HEADER))]

    def line(cells):
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"

    print(line(HEADER))
    print("| " + " | ".join("-" * w for w in widths) + " |")
    for row in rows:
        print(line([c or "—" for c in row]))


if __name__ == "__main__":
    main()
