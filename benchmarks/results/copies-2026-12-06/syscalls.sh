#!/bin/bash
# syscalls.sh JAR CLASS METHOD T: syscall counts of the JMH fork (strace -c -f) over 3 s of measurement
JAR=$1; C=$2; M=$3; T=$4
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$(mktemp -d)"; echo "output in $PWD"
. "$HERE/../blocking-gaps-2026-12-06/server.sh"
start_server $JAR
java -jar $JAR "io\.glidejni\.bench\.$C\.$M\$" -f 1 -wi 1 -w 3s -i 1 -r 10s -t $T \
    -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff s.json >s.log 2>&1 &
JP=$!
sleep 7
FORK=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline && echo $p; done | head -1)
# counts (counts.txt), then every call with its thread id (trace.txt)
timeout -s INT 3 strace -f -c -p $FORK -o counts.txt 2>/dev/null
timeout 3 strace -f -tt -p $FORK -o trace.txt 2>/dev/null
wait $JP
python3 -c "
import json;d=json.load(open('s.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
