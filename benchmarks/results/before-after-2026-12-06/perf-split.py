#!/usr/bin/env python3
"""perf-split.py SAMPLES OPS_PER_S: one thread's `perf script -F tid,ip,sym,dso` output (10 s of a fork
at OPS_PER_S) split into microseconds per operation by library, and by system call (inclusive)."""
import re,collections,sys
samples=[];cur=None
for line in open(sys.argv[1]):
    if re.match(r'^\s*\d+\s*$',line):
        cur=[];samples.append(cur);continue
    if cur is not None and line.strip():
        parts=line.strip().split(None,1)
        cur.append(parts[1] if len(parts)>1 else '')
ops=float(sys.argv[2]); secs=10
n=len(samples)
dso=collections.Counter(); incl=collections.Counter()
keys=['__send','__libc_write','__poll','epoll_ctl','recv','__libc_read','futex','sys_write','sys_read','sys_sendto','sys_recvfrom','sys_poll','sys_epoll_ctl']
for s in samples:
    if not s: continue
    d=s[0].rsplit('(',1)[-1]; dso[d.split('/')[-1][:30]]+=1
    seen=set()
    for fr in s:
        for k in keys:
            if k in fr and k not in seen: seen.add(k); incl[k]+=1
print(f'samples {n}, {n/1000/(ops*secs)*1e6:.2f} us/op')
for k,v in dso.most_common(7): print(f'{100*v/n:5.1f}% {v/1000/(ops*secs)*1e6:5.2f}us {k}')
print('--- inclusive')
for k,v in incl.most_common(): print(f'{100*v/n:5.1f}% {v/1000/(ops*secs)*1e6:5.2f}us {k}')
