#!/usr/bin/env bash
# The redis-rs A/B (issue 18 item 6): RedisRsAb.java against two glide-jni jars, one
# redis-server 7.0, interleaved, each repetition in the opposite order.
#   ab.sh REPS SECONDS "w1:1 w1:10 w2_16k:1" A.jar B.jar
# Prints one line per run: jar, workload, threads, ops/s, process CPU per operation.
set -euo pipefail
reps=$1 secs=$2 points=$3; shift 3
jars=("$@")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
javac -d "$work/classes" -cp "${jars[0]}" "$here/RedisRsAb.java"
port=$(( 20000 + RANDOM % 40000 ))
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
pid=$!
sleep 0.5
redis-cli -p "$port" ping >/dev/null
echo "# $(date -u +%FT%TZ) $(redis-server --version | cut -d' ' -f3) nproc=$(nproc) jdk=$(java -version 2>&1 | head -1)"
for rep in $(seq "$reps"); do
  order=("${jars[@]}")
  if (( rep % 2 == 0 )); then order=(); for (( i=${#jars[@]}-1; i>=0; i-- )); do order+=("${jars[$i]}"); done; fi
  for point in $points; do
    for jar in "${order[@]}"; do
      redis-cli -p "$port" flushall >/dev/null
      printf '%s rep=%s ' "$(basename "$jar")" "$rep"
      java -Xms1g -Xmx1g -cp "$jar:$work/classes" RedisRsAb 127.0.0.1 "$port" "${point#*:}" "$secs" "${point%%:*}"
    done
  done
done
