# sysc.sh JAR "CallbacksMain args": system calls per thread over 2 s of the measured window, and ops/s
set -u
JAR=$1; ARGS=$2; JAVA=${JAVA:-java}
. "$(dirname "$0")/start-jvm.sh"
start_jvm "$JAR" "$ARGS" 6
sleep 4
E=syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_enter_poll,syscalls:sys_enter_futex,syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_write,syscalls:sys_enter_read,syscalls:sys_enter_writev
perf stat -e $E --per-thread -p $JP -o stat.txt -- sleep 2 >/dev/null 2>&1
perf stat -e $E -p $RP -o sstat.txt -- sleep 2 >/dev/null 2>&1
wait $JP
OPS=$(python3 -c "import json;d=json.loads(open('out.txt').readline());print(d['ops_per_s'])")
echo "ops/s $OPS"
python3 - "$OPS" stat.txt sstat.txt <<'PY'
import sys, re, collections
ops=float(sys.argv[1])*2
per=collections.defaultdict(dict)
for line in open(sys.argv[2]):
    m=re.match(r'\s*(\S+)-(\d+)\s+([\d,]+)\s+syscalls:sys_enter_(\w+)', line)
    if m:
        name=m.group(1); n=int(m.group(3).replace(',',''))
        if n: per[name][m.group(4)]=per[name].get(m.group(4),0)+n
for name,d in sorted(per.items(), key=lambda x:-sum(x[1].values())):
    if sum(d.values())<ops*0.01: continue
    print("%-20s " % name + " ".join("%s %.3f" % (k, v/ops) for k,v in sorted(d.items())))
d={}
for line in open(sys.argv[3]):
    m=re.match(r'\s*([\d,]+)\s+syscalls:sys_enter_(\w+)', line)
    if m and int(m.group(1).replace(',','')): d[m.group(2)]=int(m.group(1).replace(',',''))/ops
print("%-20s " % "redis(other 2s)" + " ".join("%s %.3f" % (k, v) for k,v in sorted(d.items())))
PY
