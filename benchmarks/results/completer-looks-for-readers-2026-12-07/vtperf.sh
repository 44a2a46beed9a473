# vtperf.sh JAR NAME (JAR: an absolute path): perf record (flat, 2999 Hz, 4 s) of a CallbacksMain JVM with 1000 virtual threads on 1 carrier
set -u
JAR=$1; NAME=$2; J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
D=$(pwd); cd "$(mktemp -d)"; start_server $JAR
$J -Xms2g -Xmx2g -Djdk.virtualThreadScheduler.parallelism=1 -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp $JAR io.glidejni.bench.CallbacksMain --workload w1 --chains 1000 --virtual-threads --warmup 3 --measure 8 > out.txt 2>/dev/null &
JP=$!; sleep 5
perf record -F 2999 -p $JP -o $D/$NAME.perf.data -- sleep 4 >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.loads(open('out.txt').readline());print('$NAME ops/s %.0f cpu %.2f' % (d['ops_per_s'], d['cpu_client_us_per_op']))"
