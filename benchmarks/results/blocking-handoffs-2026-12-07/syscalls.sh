#!/bin/bash
# syscalls.sh JAR CLASS METHOD T NAME: system calls and context switches per operation, of one
# JMH fork (3 s of its measured window) and then of the redis-server (the next 3 s), by `perf stat`.
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server "$1"
start_fork "$1" "$2" "$3" "$4" "$5"
perf stat -e raw_syscalls:sys_enter,context-switches -p "$FORK" -o "$5.stat" -- sleep 3 >/dev/null 2>&1
perf stat -e raw_syscalls:sys_enter,context-switches -p "$RP" -o "$5.sstat" -- sleep 3 >/dev/null 2>&1
wait "$JP"
python3 - "$5" <<'PY'
import json, re, sys
name = sys.argv[1]
ops = json.load(open(f"{name}.json"))[0]["primaryMetric"]["score"] * 3
def counts(path):
    c = {}
    for line in open(path):
        m = re.match(r"\s*([\d,]+)\s+(\S+)", line)
        if m:
            c[m.group(2)] = int(m.group(1).replace(",", ""))
    return c["raw_syscalls:sys_enter"] / ops, c["context-switches"] / ops
cs, cc = counts(f"{name}.stat")
ss, sc = counts(f"{name}.sstat")
print(f"{name}: {ops / 3:,.0f} ops/s; client {cs:.2f} syscalls/op, {cc:.2f} context switches/op; server {ss:.2f} syscalls/op, {sc:.2f} context switches/op")
PY
