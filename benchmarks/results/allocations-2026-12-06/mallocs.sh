#!/bin/bash
# Needs the uprobes once: perf probe -x /lib/x86_64-linux-gnu/libc.so.6 malloc (and free, realloc).
# "commands": what the server ran meanwhile (INFO total_commands_processed), to divide by.
# mallocs.sh JAR CLASS METHOD T: libc malloc/free/realloc calls of the fork over 2 s (uprobes), and ops/s
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server $1
start_fork $1 $2 $3 $4 p
c1=$(redis-cli -p $PORT info stats | awk -F: '/total_commands_processed/{print $2}' | tr -d '\r')
perf stat -e probe_libc:malloc,probe_libc:free,probe_libc:realloc -p $FORK -- sleep 2 2>&1 | grep probe
c2=$(redis-cli -p $PORT info stats | awk -F: '/total_commands_processed/{print $2}' | tr -d '\r')
echo commands $((c2-c1))
wait $JP
python3 -c "import json;d=json.load(open('p.json'))[0];print('ops/s', round(d['primaryMetric']['score']))"
