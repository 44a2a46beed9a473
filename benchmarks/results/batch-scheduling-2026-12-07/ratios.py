"""ratios.py FILE BASE [NAME...]: per point, each jar's ops/s over BASE's, per repetition (ab.sh output)."""
import re, sys, collections
path, base = sys.argv[1], sys.argv[2]
ops = collections.defaultdict(dict)
cpu = collections.defaultdict(lambda: collections.defaultdict(list))
order = []
for line in open(path):
    m = re.match(r"rep (\d+) (.+?) (\S+): ([\d,]+) ops/s cpu ([\d.]+)", line)
    if not m:
        continue
    rep, point, name, n, c = m.groups()
    if point not in order:
        order.append(point)
    ops[(point, name)][int(rep)] = float(n.replace(",", ""))
    cpu[point][name].append(float(c))
names = sys.argv[3:] or sorted({n for (_, n) in ops if n != base})
for point in order:
    b = ops[(point, base)]
    cells = []
    for name in names:
        r = [ops[(point, name)][k] / b[k] for k in sorted(b) if k in ops[(point, name)]]
        if r:
            cells.append(f"{name}/{base} " + ", ".join(f"{x:.2f}" for x in r) + f" (mean {sum(r)/len(r):.2f})")
    cp = " | cpu " + " / ".join(f"{n} {min(v):.1f}-{max(v):.1f}" for n, v in cpu[point].items())
    print(f"{point}: " + "; ".join(cells) + cp)
