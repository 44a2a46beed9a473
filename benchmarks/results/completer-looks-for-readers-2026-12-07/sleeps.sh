# sleeps.sh JAR "args" NAME: where the glide-completer thread goes to sleep (sched_switch callchains, 3 s)
set -u
JAR=$1; ARGS=$2; NAME=$3
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
D=$(pwd); cd "$(mktemp -d)"; start_server $JAR
java -Xms2g -Xmx2g ${JOPTS:-} -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp $JAR io.glidejni.bench.CallbacksMain --workload w1 $ARGS --warmup 2 --measure 6 > out.txt 2>/dev/null &
JP=$!; sleep 4
TID=$(for t in /proc/$JP/task/*; do [ "$(cat $t/comm)" = glide-completer ] && echo ${t##*/}; done)
perf record -e sched:sched_switch --call-graph dwarf,16384 -t $TID -o $D/$NAME.sw.data -- sleep 3 >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.loads(open('out.txt').readline());print('ops/s %.0f' % d['ops_per_s'])"
