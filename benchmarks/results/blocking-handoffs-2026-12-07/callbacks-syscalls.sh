#!/bin/bash
# callbacks-syscalls.sh JAR N NAME: system calls and context switches per operation of a
# CallbacksMain JVM (--chains N) over 3 s of its measured window (`perf stat`), then each
# thread's count of the system calls a client makes per request (NAME.pt).
JAR=$1; N=$2; NAME=$3
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server "$JAR"
java -Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp "$JAR" io.glidejni.bench.CallbacksMain \
    --workload w1 --chains "$N" --warmup 3 --measure 8 >"$NAME.json" 2>/dev/null &
JP=$!
sleep 5
perf stat -e raw_syscalls:sys_enter,context-switches -p $JP -o "$NAME.stat" -- sleep 3 >/dev/null 2>&1
perf stat --per-thread -p $JP -o "$NAME.pt" -e syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_recvfrom,syscalls:sys_enter_read,syscalls:sys_enter_poll,syscalls:sys_enter_futex,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_write,syscalls:sys_enter_sendto -- sleep 3 >/dev/null 2>&1
wait $JP
python3 - "$NAME" <<'PY'
import json, re, sys
name = sys.argv[1]
ops = json.load(open(f"{name}.json"))["ops_per_s"] * 3
c = {}
for line in open(f"{name}.stat"):
    m = re.match(r"\s*([\d,]+)\s+(\S+)", line)
    if m:
        c[m.group(2)] = int(m.group(1).replace(",", ""))
print(f"{name}: {ops / 3:,.0f} ops/s; {c['raw_syscalls:sys_enter'] / ops:.2f} syscalls/op, {c['context-switches'] / ops:.2f} context switches/op")
for line in open(f"{name}.pt"):
    p = line.split()
    if len(p) >= 3 and p[1].isdigit() and int(p[1]) > ops / 30:
        print(f"  {p[0]:28s} {p[2].split(':')[1]:28s} {int(p[1]) / ops:.2f}/op")
PY
