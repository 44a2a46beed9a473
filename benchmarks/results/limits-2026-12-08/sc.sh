# sc.sh JAR "ARGS": strace -c -f of a CallbacksMain JVM for 3 s
HERE=$(cd "$(dirname "$0")" && pwd)
set -u
JAR=$1; ARGS=$2
. $HERE/../blocking-gaps-2026-12-06/server.sh
D=$(pwd); cd "$(mktemp -d)"; start_server $JAR
java -Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp $JAR io.glidejni.bench.CallbacksMain $ARGS --warmup 3 --measure 8 > out.txt 2>/dev/null &
JP=$!; sleep 5
timeout -s INT 3 strace -c -f -p $JP -o $D/sc.out >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.loads(open('out.txt').readline());print('ops/s %.0f cpu %.1f' % (d['ops_per_s'], d['cpu_client_us_per_op']))"
