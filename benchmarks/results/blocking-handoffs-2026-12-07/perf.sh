#!/bin/bash
# perf.sh JAR CLASS METHOD T NAME: `perf record -g` of one JMH fork (JIT frames named through
# `jcmd Compiler.perfmap`) over 4 s of its measured window, and of the redis-server for 1 s;
# NAME.perf.data, NAME.server.perf.data; then the fork's ops/s.
# Read: perf report -i NAME.perf.data --no-children --sort sym -G
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server "$1"
start_fork "$1" "$2" "$3" "$4" "$5"
jcmd "$FORK" Compiler.perfmap >/dev/null 2>&1
perf record -F 2999 -g -p "$FORK" -o "$5.perf.data" -- sleep 4 >/dev/null 2>&1
perf record -F 2999 -p "$RP" -o "$5.server.perf.data" -- sleep 1 >/dev/null 2>&1
wait "$JP"
python3 -c "import json;d=json.load(open('$5.json'))[0];print('ops/s', round(d['primaryMetric']['score']))"
