#!/usr/bin/env bash
# callbacks-syscalls.sh JAR [plain|tls]: callbacks N=1 w1 for 14 s; syscalls and per-thread CPU of the client over 6 s
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd); JAR=$1; MODE=${2:-plain}
HOST=127.0.0.1; REDIS_SERVER=redis-server; LOGS=$(mktemp -d); ANY_JAR=$JAR
log() { echo "[sc] $*" >&2; }; die() { log "$*"; exit 1; }
source "$repo/benchmarks/lib/two-servers.sh"
if [ $MODE = tls ]; then props="-Dbench.host=$HOST -Dbench.port=$TLS_PORT -Dbench.tls=true -Dbench.tls.ca=$CA -Dbench.server.pid=$TLS_PID"
else props="-Dbench.host=$HOST -Dbench.port=$PLAIN_PORT -Dbench.server.pid=$PLAIN_PID"; fi
java -Xms2g -Xmx2g $props -cp $JAR io.glidejni.bench.CallbacksMain --workload w1 --chains 1 --warmup 2 --measure 12 > $LOGS/out.txt 2>&1 &
JP=$!
sleep 5
PID=$(pgrep -f "CallbacksMain" | head -1)
snap() { for t in /proc/$PID/task/*; do echo "$(cat $t/comm 2>/dev/null | tr ' ' _) $(awk '{print $14+$15}' $t/stat 2>/dev/null)"; done | sort; }
snap > $LOGS/a
perf stat -x, -e 'raw_syscalls:sys_enter,syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_poll,syscalls:sys_enter_recvfrom,syscalls:sys_enter_sendto,syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_futex,context-switches' -p $PID -- sleep 6 2>$LOGS/stat.txt >/dev/null || true
snap > $LOGS/b
wait $JP || true
grep "ops/s" $LOGS/out.txt | head -2
awk -F, '{print $3, $1}' $LOGS/stat.txt
python3 - $LOGS/a $LOGS/b <<'PY'
import sys, collections
def load(p):
    d=collections.Counter()
    for l in open(p):
        k,v=l.split(); d[k.rstrip('0123456789-_') or k]+=int(v)
    return d
a=load(sys.argv[1]); b=load(sys.argv[2])
for k,v in sorted(((k,b[k]-a.get(k,0)) for k in b), key=lambda x:-x[1])[:6]: print(' ', k, v)
PY
