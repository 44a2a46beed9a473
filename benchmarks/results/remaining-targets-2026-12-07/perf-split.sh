#!/bin/bash
# perf-split.sh JAR: where glide-jni's one thread spends a request at W1, 1 in flight, on one server
# and on the cluster: perf record -g of the JMH fork (4 s of its measured window), then nonpoll.py
# splits the busiest thread's samples into those inside poll (the look and the sleep: waiting for
# the reply) and the rest (the client's own work: Java, JNI, routing, send, recv, decoding).
set -u
JAR=$1
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/servers.sh"
for topology in single cluster; do
  if [ $topology = cluster ]; then args="-Dbench.cluster=true -Dbench.port=${C[0]}"; else args="-Dbench.port=$S"; fi
  java -jar "$JAR" 'io\.glidejni\.bench\.GlideJniTopologyBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 1 -r 10s -t 1 \
    -jvmArgs "-Xms1g -Xmx1g $args" -rf json -rff "$WORK/$topology.json" >"$WORK/$topology.log" 2>&1 &
  jp=$!
  sleep 7
  fork=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port" /proc/$p/cmdline 2>/dev/null && echo $p; done | head -1)
  perf record -F 2999 -g -p "$fork" -o "$WORK/$topology.perf.data" -- sleep 4 >/dev/null 2>&1
  wait $jp
  ops=$(python3 -c "import json; print(json.load(open('$WORK/$topology.json'))[0]['primaryMetric']['score'])")
  printf '%s, %.0f ops/s: ' $topology "$ops"
  python3 "$HERE/nonpoll.py" "$WORK/$topology.perf.data" "$ops"
done
