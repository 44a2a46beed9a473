#!/bin/bash
# cbthreads.sh JAR N [ENV...]: per-thread CPU ticks and context switches of a CallbacksMain JVM over 4 s
JAR=$1; N=$2; shift 2
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
start_server /tmp/bench-X.jar
CLASS=$(unzip -l "$JAR" | grep -o 'io/glidejni/bench/CallbacksMain.class' | head -1)
env "$@" java -Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp "$JAR" io.glidejni.bench.CallbacksMain --workload w1 --chains $N --warmup 3 --measure 8 > out.json 2>/dev/null &
JP=$!
sleep 5
snap() { for t in /proc/$JP/task/*; do echo "$(basename $t) $(cat $t/comm | tr ' ' _) $(awk '{print $14+$15}' $t/stat) $(grep -E '^(voluntary|nonvoluntary)' $t/status | awk '{print $2}' | tr '\n' ' ')"; done; echo "server redis $(awk '{print $14+$15}' /proc/$RP/stat) $(grep -E '^(voluntary|nonvoluntary)' /proc/$RP/status | awk '{print $2}' | tr '\n' ' ')"; }
snap > a.txt; sleep 4; snap > b.txt
python3 /work/main/benchmarks/results/remaining-gaps-2026-12-06/diff.py
wait $JP
python3 -c "import json;d=json.load(open('out.json'));print('ops/s', round(d['ops_per_s']))"
