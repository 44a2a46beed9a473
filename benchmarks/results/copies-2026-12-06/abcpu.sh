#!/bin/bash
# abcpu.sh CLASS:METHOD THREADS REPS NAME=JAR[@CLASS]...: one JMH fork per jar and repetition, the jars in
# alternating order; for each, ops/s and the fork's process CPU per operation (utime+stime from
# /proc over 8 s of the measured 15 s), and the server's. One line per fork.
# Example: abcpu.sh GlideJniBench:w3Mget100 1 3 base=/tmp/bench-M.jar new=/tmp/bench-N.jar \
#            jedis=benchmarks/jedis/target/benchmarks.jar@JedisBench
IFS=: read -r CLS M <<<"$1"; T=$2; R=$3; shift 3
JARS=("$@")
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$(mktemp -d)" # JMH's files and the server's log
. "$HERE/../blocking-gaps-2026-12-06/server.sh"
first=${JARS[0]#*=}; start_server "${first%@*}"
HZ=$(getconf CLK_TCK)
for rep in $(seq "$R"); do
  order=("${JARS[@]}"); [ $((rep % 2)) = 0 ] && order=($(printf '%s\n' "${JARS[@]}" | tac))
  for entry in "${order[@]}"; do
    name=${entry%%=*}; jar=${entry#*=}; cls=$CLS
    case $jar in *@*) cls=${jar#*@}; jar=${jar%@*} ;; esac
    java -jar "$jar" "io\.glidejni\.bench\.$cls\.$M\$" -f 1 -wi 1 -w 3s -i 1 -r 15s -t "$T" -bm thrpt -tu s \
      -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff "$name.json" >"$name.log" 2>&1 &
    jp=$!
    fork=""
    for _ in $(seq 100); do
      fork=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline 2>/dev/null && echo $p; done | head -1)
      [ -n "$fork" ] && break; sleep 0.1
    done
    sleep 6 # JVM start, 3 s of warm-up, 1-2 s into the measured iteration (15 s long)
    c0=$(awk '{print $14+$15}' /proc/$fork/stat); s0=$(awk '{print $14+$15}' /proc/$RP/stat)
    sleep 8
    c1=$(awk '{print $14+$15}' /proc/$fork/stat); s1=$(awk '{print $14+$15}' /proc/$RP/stat)
    wait $jp
    python3 - "$name" "$rep" "$name.json" $((c1 - c0)) $((s1 - s0)) "$HZ" "$T" "$M" <<'PY'
import json, sys
name, rep, path, client, server, hz, t, m = sys.argv[1:]
ops = json.load(open(path))[0]["primaryMetric"]["score"]
us = lambda ticks: int(ticks) / int(hz) * 1e6 / (ops * 8)
print(f"rep {rep} {m} t={t} {name:>6}: {ops:>9,.0f} ops/s  client CPU {us(client):6.1f} us/op  server {us(server):5.1f} us/op")
PY
  done
done
