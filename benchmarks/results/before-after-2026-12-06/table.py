#!/usr/bin/env python3
"""table.py ab.txt A B: a Markdown table of ab.sh's output, one row per point: A's and B's ops/s in
each repetition, B/A (ratio of the means, and the range of the per-repetition ratios), and both
CPU per operation (range over the repetitions); for callbacks and virtual threads also p99."""
import re, sys
from collections import defaultdict

path, a, b = sys.argv[1:4]
rows = defaultdict(lambda: defaultdict(dict))  # point -> jar -> rep -> (ops, cpu, p99)
order = []
line_re = re.compile(r"rep (\d+) (.+?) (\S+): ([\d,]+) ops/s cpu ([\d.]+) us/op(?:.*?p99 (\d+) us)?")
for line in open(path):
    m = line_re.match(line.strip())
    if not m:
        continue
    rep, point, jar, ops, cpu, p99 = m.groups()
    if point not in order:
        order.append(point)
    rows[point][jar][int(rep)] = (float(ops.replace(",", "")), float(cpu), int(p99) if p99 else None)

def rng(values, fmt):
    lo, hi = min(values), max(values)
    return fmt(lo) if lo == hi else f"{fmt(lo)}-{fmt(hi)}"

print(f"| point | {a} ops/s (each rep) | {b} ops/s (each rep) | {b}/{a} (means; range) | CPU µs/op {a} / {b} | p99 µs {a} / {b} |")
print("|---|---|---|---|---|---|")
for point in order:
    ra, rb = rows[point][a], rows[point][b]
    reps = sorted(set(ra) & set(rb))
    if not reps:
        continue
    mean = lambda r: sum(r[i][0] for i in reps) / len(reps)
    ratios = [rb[i][0] / ra[i][0] for i in reps]
    p99 = "–"
    if ra[reps[0]][2] is not None:
        p99 = f"{rng([ra[i][2] for i in reps], str)} / {rng([rb[i][2] for i in reps], str)}"
    print(f"| {point} | {' / '.join(f'{ra[i][0]:,.0f}' for i in reps)} | {' / '.join(f'{rb[i][0]:,.0f}' for i in reps)} "
          f"| {mean(rb) / mean(ra):.2f} ({rng(ratios, lambda x: f'{x:.2f}')}) "
          f"| {rng([ra[i][1] for i in reps], lambda x: f'{x:.1f}')} / {rng([rb[i][1] for i in reps], lambda x: f'{x:.1f}')} | {p99} |")
