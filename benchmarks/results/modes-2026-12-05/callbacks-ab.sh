#!/bin/bash
# (a copy of the session wrapper; the jar names are /tmp/cb-NAME.jar, see README.md)
# cb.sh REPS "N..." jar... : callbacks mode W1 plaintext; jars named /tmp/cb-NAME.jar
mkdir -p /tmp/blk && cd /tmp/blk
REPS=$1; NS=$2; shift 2
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port $PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no >redis.log 2>&1 &
RP=$!
trap "kill $RP" EXIT
sleep 0.5
java -cp /tmp/cb-$1.jar io.glidejni.bench.Prefill 2>/dev/null | redis-cli -p $PORT --pipe >/dev/null
jars=("$@")
for rep in $(seq $REPS); do
 for n in $NS; do
  order=("${jars[@]}"); [ $((rep%2)) = 0 ] && order=($(printf '%s\n' "${jars[@]}" | tac))
  for v in "${order[@]}"; do
   java -Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP ${EXTRA:-} \
     -cp /tmp/cb-$v.jar io.glidejni.bench.CallbacksMain --workload w1 --chains $n ${MODE:-} --warmup ${WARM:-2} --measure ${MEAS:-4} 2>/dev/null \
     | python3 -c "import json,sys; d=json.loads(sys.stdin.readline()); print('rep$rep', '$v', 'N=%d'%d['chains'], '%.0f ops/s'%d['ops_per_s'], 'p50 %.0f p99 %.0f us'%(d['p50_us'],d['p99_us']), 'cpu %.1f us/op'%d['cpu_client_us_per_op'], 'heap %s B/op'%d.get('heap_bytes_per_op','?'), 'srv %.1f'%d.get('cpu_server_us_per_op',0), 'FAILED' if d['failed'] else '')"
  done
 done
done
