# threads.py PID SECONDS: wake-ups (voluntary context switches) and CPU ticks of each thread name of
# process PID over SECONDS, summed over threads of the same name, the 8 busiest first.
import os,sys,time,collections
def snap(pid):
    out={}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            comm=open(f'/proc/{pid}/task/{t}/comm').read().strip()
            st=open(f'/proc/{pid}/task/{t}/status').read()
            v=int(st.split('voluntary_ctxt_switches:')[1].split()[0])
            s=open(f'/proc/{pid}/task/{t}/stat').read(); f=s[s.rindex(')')+2:].split()
            out[t]=(comm,v,int(f[11])+int(f[12]))
        except Exception: pass
    return out
pid=sys.argv[1]; secs=float(sys.argv[2])
a=snap(pid); time.sleep(secs); b=snap(pid)
agg=collections.defaultdict(lambda:[0,0])
for t,(c,v,cpu) in b.items():
    pa=a.get(t,(c,0,0)); agg[c][0]+=v-pa[1]; agg[c][1]+=cpu-pa[2]
for c,(v,cpu) in sorted(agg.items(), key=lambda x:-x[1][0])[:8]: print(f'{c:20s} wakeups={v:8d} cpu_ticks={cpu}')
