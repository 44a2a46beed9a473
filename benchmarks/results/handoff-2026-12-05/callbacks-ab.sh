#!/usr/bin/env bash
# callbacks-ab.sh "TRANSPORTS" "NS" REPS jar-names... : callbacks mode W1 (WORKLOAD), /tmp/cb-NAME.jar, alternating order
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd); TRANSPORTS=$1; NS=$2; REPS=$3; shift 3
HOST=127.0.0.1; REDIS_SERVER=redis-server; LOGS=$(mktemp -d); ANY_JAR=/tmp/cb-$1.jar
log() { printf '[cbab] %s\n' "$*" >&2; }; die() { log "$*"; exit 1; }
source "$repo/benchmarks/lib/two-servers.sh"
jars=("$@")
for rep in $(seq $REPS); do
  order=("${jars[@]}"); [ $((rep % 2)) = 0 ] && mapfile -t order < <(printf '%s\n' "${jars[@]}" | tac)
  for t in $TRANSPORTS; do for n in $NS; do for v in "${order[@]}"; do
    if [ $t = tls ]; then props="-Dbench.host=$HOST -Dbench.port=$TLS_PORT -Dbench.tls=true -Dbench.tls.ca=$CA -Dbench.server.pid=$TLS_PID"
    else props="-Dbench.host=$HOST -Dbench.port=$PLAIN_PORT -Dbench.server.pid=$PLAIN_PID"; fi
    out=$(java -Xms2g -Xmx2g $props -cp /tmp/cb-$v.jar io.glidejni.bench.CallbacksMain --workload ${WORKLOAD:-w1} --chains $n --warmup 2 --measure ${MEAS:-5} 2>&1 | grep -m1 '^CallbacksMain: .* ops/s' || echo "no result")
    echo "rep$rep $t N=$n $v: ${out#CallbacksMain: }"
  done; done; done
done
