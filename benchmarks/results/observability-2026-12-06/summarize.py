#!/usr/bin/env python3
"""Tables from observability-ab.sh outputs: per mode and point, each configuration's ops/s (every
repetition), its mean relative to `base`, and CPU per operation (callbacks and virtual threads).
Usage: summarize.py OUTPUT... (lines "repN MODE=POINT CONFIG X ops/s ... cpu Y us/op")."""
import re
import sys
from collections import defaultdict

CONFIGS = ["base", "jul-off", "jul-debug", "log-debug", "otel0", "otel1", "otel100"]
ops = defaultdict(list)
cpu = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path):
        m = re.match(r"rep\d+ (\S+)=(\d+) (\S+) (\d+) ops/s(.*)", line)
        if not m:
            continue
        mode, point, config, value, rest = m.group(1), int(m.group(2)), m.group(3), int(m.group(4)), m.group(5)
        ops[(mode, point, config)].append(value)
        c = re.search(r"cpu ([\d.]+) us/op", rest)
        if c:
            cpu[(mode, point, config)].append(float(c.group(1)))

for mode in sorted({k[0] for k in ops}):
    points = sorted({k[1] for k in ops if k[0] == mode})
    label = {"threads": "threads blocked in get()", "callbacks": "callback chains", "vt": "parallelism, 100 virtual threads"}[mode]
    print(f"\n### {mode} ({label})\n")
    head = "| configuration | " + " | ".join(f"{p}: ops/s (each run) | vs base" + (" | CPU µs/op" if mode != "threads" else "") for p in points) + " |"
    print(head)
    print("|" + "---|" * (1 + len(points) * (3 if mode != "threads" else 2)))
    for config in CONFIGS:
        cells = []
        for p in points:
            runs = ops.get((mode, p, config), [])
            base = ops.get((mode, p, "base"), [])
            if not runs:
                cells += ["-", "-"] + (["-"] if mode != "threads" else [])
                continue
            mean = sum(runs) / len(runs)
            ratio = mean / (sum(base) / len(base)) if base else float("nan")
            cells.append(" / ".join(f"{r/1000:.0f}k" for r in runs))
            cells.append(f"{ratio:.2f}")
            if mode != "threads":
                cs = cpu.get((mode, p, config), [])
                cells.append(" / ".join(f"{c:.1f}" for c in cs))
        print(f"| {config} | " + " | ".join(cells) + " |")
