#!/usr/bin/env bash
# [METHOD=w2Get512k] tls-ab.sh "THREADS" REPS jar-name... : JMH GlideJniBench.w1Mixed (or METHOD) over TLS (and, for names ending
# in "-plain", in plaintext) with THREADS threads blocked in get(), each jar in turn, REPS passes in
# alternating order. A jar name N is /tmp/bench-N.jar: a glide-jni benchmarks.jar, or the peer's
# when N starts with jedis, lettuce or valkeyglide (its benchmark class is taken then). Prints ops/s,
# the iterations, and the client JVM's and the server's CPU µs per operation.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
THREADS=$1; REPS=$2; shift 2
log() { printf '[tls-ab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
HOST=127.0.0.1; REDIS_SERVER=${REDIS_SERVER:-redis-server}; LOGS=$(mktemp -d)
ANY_JAR=/tmp/bench-${1%-plain}.jar
source "$repo/benchmarks/lib/two-servers.sh"
jars=("$@")
for rep in $(seq "$REPS"); do
  order=("${jars[@]}"); [ $((rep % 2)) = 0 ] && mapfile -t order < <(printf '%s\n' "${jars[@]}" | tac)
  for t in $THREADS; do
    for v in "${order[@]}"; do
      jar=/tmp/bench-${v%-plain}.jar
      case $v in jedis*) class=JedisBench ;; lettuce*) class=LettuceBench ;; valkeyglide*) class=ValkeyGlideBench ;;
        *) class=GlideJniBench ;; esac
      if [ "$v" != "${v%-plain}" ]; then props="-Dbench.port=$PLAIN_PORT -Dbench.server.pid=$PLAIN_PID"
      else props="-Dbench.port=$TLS_PORT -Dbench.tls=true -Dbench.tls.ca=$CA -Dbench.server.pid=$TLS_PID"; fi
      java -jar "$jar" "io\\.glidejni\\.bench\\.$class\\.${METHOD:-w1Mixed}\$" -f 1 -wi 1 -w 3s -i 3 -r 3s -t "$t" \
        -bm thrpt -tu s -prof io.glidejni.bench.CpuProfiler \
        -jvmArgs "-Xms2g -Xmx2g -Dbench.host=$HOST $props" -rf json -rff "$LOGS/$v.json" >"$LOGS/$v.log" 2>&1 \
        || { tail -20 "$LOGS/$v.log"; die "$v failed"; }
      python3 - "$LOGS/$v.json" "rep$rep t=$t $v" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))[0]
p = d['primaryMetric']; s = d.get('secondaryMetrics', {})
cpu = lambda k: next((round(m['score'], 1) for n, m in s.items() if n.endswith(k)), '-')
print(sys.argv[2], round(p['score']), [round(x) for x in p['rawData'][0]],
      'cpu client', cpu('cpu.client.us/op'), 'server', cpu('cpu.server.us/op'))
PY
    done
  done
done
