#!/bin/bash
# cbx.sh REPS "POINTS" NAME=[OPT,OPT...@]JAR ...: non-blocking points interleaved over clients, order
# reversed each repetition, one pre-filled throwaway redis-server for the whole run.
# POINTS: WORKLOAD:N (callbacks, N chains) or vtP:WORKLOAD:N (N virtual threads, parallelism P).
# Runs on $JAVA (default Temurin 25). OPTs are JVM options of that client's runs (e.g. -Dbench.text=true). JSON lines go to $CB_OUT.
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../blocking-gaps-2026-12-06/server.sh"
REPS=$1; POINTS=$2; shift 2; CLIENTS=("$@")
jar_of() { local spec=${1#*=}; echo "${spec##*@}"; }
opts_of() { local spec=${1#*=}; [[ $spec == *@* ]] && echo "${spec%@*}" | tr ',' ' '; }
start_server "$(jar_of "${CLIENTS[0]}")"
for rep in $(seq "$REPS"); do
  if [ $((rep % 2)) = 0 ]; then order=$(printf '%s\n' "${CLIENTS[@]}" | tac); else order=$(printf '%s\n' "${CLIENTS[@]}"); fi
  for p in $POINTS; do
    mode=(); extra=()
    if [[ $p == vt* ]]; then par=${p%%:*}; par=${par#vt}; p=${p#*:}; mode=(--virtual-threads); extra=(-Djdk.virtualThreadScheduler.parallelism=$par); fi
    w=${p%:*}; n=${p#*:}
    for c in $order; do
      name=${c%%=*}
      out=$("$JAVA" -Xms2g -Xmx2g $(opts_of "$c") "${extra[@]}" -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP \
        -cp "$(jar_of "$c")" io.glidejni.bench.CallbacksMain --workload "$w" --chains "$n" "${mode[@]}" --warmup 2 --measure 4 \
        --out "${CB_OUT:-/tmp/cbx.jsonl}" --meta rep=$rep --meta name=$name 2>&1 | grep -m1 '^{')
      echo "rep $rep ${mode[*]}${extra[*]} $w n=$n $name: $(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print("%9.0f ops/s p99 %7.0f us cpu %6.2f us/op heap %8.0f B/op errors %s" % (r["ops_per_s"], r["p99_us"], r.get("cpu_client_us_per_op",0), r.get("heap_bytes_per_op",0), r["errors"]))' "$out" 2>/dev/null || echo "$out")"
    done
  done
done
