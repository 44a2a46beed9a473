#!/bin/bash
# ab.sh METHOD T REPS jar-letters...: one method at T threads, the jars in turn, alternating order
M=$1; T=$2; R=$3; shift 3
. "$(dirname "$0")/server.sh"
start_server /tmp/bench-$1.jar
jars=("$@")
for rep in $(seq $R); do
  order=("${jars[@]}"); [ $((rep%2)) = 0 ] && order=($(printf '%s\n' "${jars[@]}" | tac))
  for v in "${order[@]}"; do
    java -jar /tmp/bench-$v.jar "io\.glidejni\.bench\.GlideJniBench\.$M\$" -f 1 -wi 1 -w 2s -i 3 -r 2s -t $T \
      -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff $v.json >$v.log 2>&1
    python3 -c "
import json;d=json.load(open('$v.json'))[0];print('rep$rep $M t=$T $v', round(d['primaryMetric']['score']), [round(x) for x in d['primaryMetric']['rawData'][0]])"
  done
done
