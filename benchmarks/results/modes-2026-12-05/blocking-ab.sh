#!/bin/bash
# abn.sh T REPS jarname... : W1 at T threads, plaintext, each jar in turn, REPS passes alternating order
mkdir -p /tmp/blk && cd /tmp/blk
T=$1; R=$2; shift 2
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port $PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no >redis.log 2>&1 &
RP=$!
trap "kill $RP" EXIT
sleep 0.5
java -cp /tmp/bench-$1.jar io.glidejni.bench.Prefill 2>/dev/null | redis-cli -p $PORT --pipe >/dev/null
jars=("$@")
for rep in $(seq $R); do
  order=("${jars[@]}"); [ $((rep%2)) = 0 ] && order=($(printf '%s\n' "${jars[@]}" | tac))
  for v in "${order[@]}"; do
    java -jar /tmp/bench-$v.jar 'io\.glidejni\.bench\.GlideJniBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 3 -r 3s -t $T \
      -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff $v-x.json >$v-x.log 2>&1
    python3 -c "
import json;d=json.load(open('$v-x.json'))[0];print('rep$rep t=$T $v', round(d['primaryMetric']['score']), [round(x) for x in d['primaryMetric']['rawData'][0]])"
  done
done
