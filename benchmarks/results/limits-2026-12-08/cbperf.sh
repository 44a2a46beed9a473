# cbperf.sh JAR NAME WORKLOAD N: perf record (flat, 2999 Hz, 4 s) of a callbacks JVM, JDK 17
HERE=$(cd "$(dirname "$0")" && pwd)
set -u
JAR=$1; NAME=$2
. $HERE/../blocking-gaps-2026-12-06/server.sh
D=$(pwd); cd "$(mktemp -d)"; start_server $JAR
java -Xms2g -Xmx2g -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp $JAR io.glidejni.bench.CallbacksMain --workload $3 --chains $4 --warmup 3 --measure 8 > out.txt 2>/dev/null &
JP=$!; sleep 5
perf record ${PERFG:-} -F 2999 -p $JP -o $D/$NAME.perf.data -- sleep 4 >/dev/null 2>&1
snap() { for t in /proc/$JP/task/*; do echo "$(cat $t/comm | tr ' ' _) $(awk '{print $14+$15}' $t/stat)"; done; }
wait $JP
python3 -c "import json;d=json.loads(open('out.txt').readline());print('$NAME ops/s %.0f cpu %.2f' % (d['ops_per_s'], d['cpu_client_us_per_op']))"
