#!/bin/bash
# cb.sh REPS "POINTS" NAME=JAR...: callbacks points (workload:N) interleaved, order reversed each rep
HERE=$(cd "$(dirname "$0")" && pwd)
. $HERE/../blocking-gaps-2026-12-06/server.sh
REPS=$1; POINTS=$2; shift 2; JARS=("$@")
first=${JARS[0]#*=}; start_server "$first"
for rep in $(seq $REPS); do
  if [ $((rep%2)) = 0 ]; then ord=$(printf '%s\n' "${JARS[@]}" | tac); else ord=$(printf '%s\n' "${JARS[@]}"); fi
  for p in $POINTS; do w=${p%:*}; n=${p#*:}
    for e in $ord; do name=${e%%=*}; jar=${e#*=}
      out=$(java -Xms2g -Xmx2g ${JOPTS:-} -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP -cp $jar io.glidejni.bench.CallbacksMain --workload $w --chains $n --warmup 2 --measure 4 --out ${CB_OUT:-/tmp/cb.jsonl} --meta rep=$rep --meta name=$name 2>&1 | grep -m1 '^CallbacksMain: .* ops/s')
      echo "rep $rep $w n=$n $name: $out"
    done
  done
done
