# ab-ratios.py AB_FILE...: per point of ab.sh output with jars named after, before and lettuce,
# the ratios after/before, after/lettuce and before/lettuce in each repetition, and the CPU ranges.
import re,sys,collections
d=collections.defaultdict(dict)
for f in sys.argv[1:]:
    for l in open(f):
        m=re.match(r"rep (\d+) (.+?) (\w+): ([\d,]+) ops/s cpu ([\d.]+)",l)
        if m: d[(f,m[1],m[2])][m[3]]=(float(m[4].replace(',','')),float(m[5]))
pts=collections.OrderedDict()
for (f,r,p),v in d.items(): pts.setdefault(p,[]).append(v)
for p,vs in pts.items():
    ab=[v['after'][0]/v['before'][0] for v in vs if 'after' in v and 'before' in v]
    al=[v['after'][0]/v['lettuce'][0] for v in vs if 'after' in v and 'lettuce' in v]
    bl=[v['before'][0]/v['lettuce'][0] for v in vs if 'before' in v and 'lettuce' in v]
    cpu=[ (v['after'][1],v['before'][1],v['lettuce'][1]) for v in vs if len(v)==3]
    f=lambda xs:", ".join("%.2f"%x for x in xs)
    print(f"{p:28s} after/before {f(ab)} | after/lettuce {f(al)} | before/lettuce {f(bl)} | cpu a {min(c[0] for c in cpu)}-{max(c[0] for c in cpu)} b {min(c[1] for c in cpu)}-{max(c[1] for c in cpu)} l {min(c[2] for c in cpu)}-{max(c[2] for c in cpu)}")
