#!/usr/bin/env bash
# clab.sh "THREADS" REPS jar... : GlideJniTopologyBench.w1Mixed against a 3-primary cluster, /tmp/bench-NAME.jar
set -u
THREADS=$1; REPS=$2; shift 2
work=$(mktemp -d); pids=()
trap 'kill ${pids[@]} 2>/dev/null' EXIT
free_port() { python3 -c '
import random, socket
def free(p):
    s=socket.socket()
    try: s.bind(("127.0.0.1",p)); return True
    except OSError: return False
    finally: s.close()
while True:
    p=random.randint(20000,55000)
    if free(p) and free(p+10000): print(p); break'; }
cluster=()
for _ in 1 2 3; do p=$(free_port); mkdir -p $work/$p
  redis-server --port $p --bind 127.0.0.1 --save '' --appendonly no --dir $work/$p --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000 --daemonize no >$work/$p/log 2>&1 & pids+=($!); cluster+=($p); done
sleep 1
timeout 60 redis-cli --cluster create $(printf '127.0.0.1:%s ' "${cluster[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
for _ in $(seq 100); do redis-cli -p ${cluster[0]} cluster info | grep -q 'cluster_state:ok' && break; sleep 0.2; done
sleep 2
jars=("$@")
for rep in $(seq $REPS); do
  order=("${jars[@]}"); [ $((rep % 2)) = 0 ] && mapfile -t order < <(printf '%s\n' "${jars[@]}" | tac)
  for t in $THREADS; do for v in "${order[@]}"; do
    java -jar /tmp/bench-$v.jar 'io\.glidejni\.bench\.GlideJniTopologyBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 3 -r 3s -t $t -bm thrpt -tu s \
      -jvmArgs "-Xms2g -Xmx2g -Dbench.cluster=true -Dbench.port=${cluster[0]}" -rf json -rff $work/r.json >$work/log 2>&1
    python3 -c "import json; d=json.load(open('$work/r.json'))[0]['primaryMetric']; print('rep$rep t=$t $v', round(d['score']), [round(x) for x in d['rawData'][0]])"
  done; done
done
