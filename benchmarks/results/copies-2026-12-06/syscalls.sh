#!/bin/bash
# syscalls.sh JAR CLASS METHOD T: syscall counts of the JMH fork (strace -c -f) over 3 s of measurement
JAR=$1; C=$2; M=$3; T=$4
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$(mktemp -d)"; echo "output in $PWD"
. "$HERE/../blocking-gaps-2026-12-06/server.sh"
start_server $JAR
start_fork $JAR $C $M $T s
# counts (counts.txt), then every call with its thread id (trace.txt)
timeout -s INT 3 strace -f -c -p $FORK -o counts.txt 2>/dev/null
timeout 3 strace -f -tt -p $FORK -o trace.txt 2>/dev/null
wait $JP
python3 -c "
import json;d=json.load(open('s.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
