#!/bin/bash
# cbperf.sh JAR N NAME: perf record -g of a CallbacksMain JVM over 4 s, and server 1 s
JAR=$1; N=$2; NAME=$3
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
start_server "$JAR"
java -Xms2g -Xmx2g -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp "$JAR" io.glidejni.bench.CallbacksMain --workload w1 --chains $N --warmup 3 --measure 8 > $NAME.json 2>/dev/null &
JP=$!
sleep 5
jcmd $JP Compiler.perfmap >/dev/null 2>&1
perf record -F 2999 -g -p $JP -o $NAME.perf.data -- sleep 4 >/dev/null 2>&1
perf record -F 2999 -g -p $RP -o $NAME.server.perf.data -- sleep 1 >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.load(open('$NAME.json'));print('$NAME ops/s', round(d['ops_per_s']), 'cpu', d['cpu_client_us_per_op'])"
