import sys
def load(f):
    d={}
    for l in open(f):
        p=l.split()
        if len(p)>=5: d[p[0]]=(p[1],int(p[2]),int(p[3]),int(p[4]))
    return d
a=load('a.txt'); b=load('b.txt')
for k in b:
    if k in a:
        n,c1,v1,i1=a[k]; _,c2,v2,i2=b[k]
        if c2-c1>2 or v2-v1>1000: print(f"{n:24s} cpu {c2-c1:4d} ticks vol {v2-v1:7d} invol {i2-i1:6d}")
