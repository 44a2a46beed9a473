import re,sys,collections
d=collections.defaultdict(dict)
for l in open(sys.argv[1]):
    m=re.match(r'rep (\d+) (.*) (\w+): ([\d,]+) ops/s cpu ([\d.]+) us/op(?: p50 (\d+) p99 (\d+))?',l)
    if not m: continue
    r,p,n,o,c,p50,p99=m.groups(); d[(p,int(r))][n]=(float(o.replace(',','')),float(c),p99)
a,b=sys.argv[2],sys.argv[3]
pts=[]
for (p,r) in d:
    if p not in pts: pts.append(p)
for p in pts:
    rs=sorted(r for (q,r) in d if q==p)
    rat=[d[(p,r)][a][0]/d[(p,r)][b][0] for r in rs if a in d[(p,r)] and b in d[(p,r)]]
    ca=[d[(p,r)][a][1] for r in rs]; cb=[d[(p,r)][b][1] for r in rs]
    oa=[d[(p,r)][a][0] for r in rs]; ob=[d[(p,r)][b][0] for r in rs]
    print(f"{p:24s} {a}/{b} {', '.join('%.2f'%x for x in rat)} | ops {a} {min(oa):.0f}-{max(oa):.0f} {b} {min(ob):.0f}-{max(ob):.0f} | cpu {min(ca)}-{max(ca)} / {min(cb)}-{max(cb)} | p99 {','.join(str(d[(p,r)][a][2]) for r in rs)} / {','.join(str(d[(p,r)][b][2]) for r in rs)}")
