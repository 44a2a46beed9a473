#!/bin/bash
# cluster-ab.sh REPS NAME=JAR...: W1 at 1 thread, GlideJniTopologyBench against one redis-server and a
# 3-primary cluster (all started here, on free loopback ports), each jar's single-server fork then its
# cluster fork, the jars in alternating order per repetition (1 x 3 s warm-up, 1 x 10 s measured).
# Per fork: ops/s, the JVM's CPU per operation and the servers' (from /proc, over 7 s of the window).
REPS=$1; shift; JARS=("$@")  # NAME=JAR ...
work=$(mktemp -d); pids=()
trap 'for p in "${pids[@]}"; do kill $p 2>/dev/null; done' EXIT
fp() { python3 -c 'import socket,random
while True:
  p=random.randint(20000,55000)
  try:
    for q in (p,p+10000):
      s=socket.socket(); s.bind(("127.0.0.1",q)); s.close()
    print(p); break
  except OSError: pass'; }
ss() { local port=$1; shift; mkdir -p $work/$port; redis-server --port $port --bind 127.0.0.1 --save '' --appendonly no --dir $work/$port --daemonize no "$@" > $work/$port/log 2>&1 & pids+=($!); for _ in $(seq 100); do redis-cli -p $port ping >/dev/null 2>&1 && return; sleep 0.1; done; }
single=$(fp); ss $single; SP=${pids[-1]}
cl=(); CP=()
for _ in 1 2 3; do p=$(fp); ss $p --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000; cl+=($p); CP+=(${pids[-1]}); done
redis-cli --cluster create $(printf '127.0.0.1:%s ' "${cl[@]}") --cluster-replicas 0 --cluster-yes > /dev/null
for _ in $(seq 100); do redis-cli -p ${cl[0]} cluster info | grep -q cluster_state:ok && break; sleep 0.2; done
sleep 2
ticks() { local s=0; for p in "$@"; do s=$((s + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $s; }
one() { # label jvmargs servers...
  local label=$1 args=$2; shift 2
  java -jar $JAR_NOW 'io\.glidejni\.bench\.GlideJniTopologyBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 1 -r 10s -t 1 -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g $args -Dbench.tag=$label$$" -rf json -rff $work/$label.json > $work/$label.log 2>&1 &
  local jp=$! fork=""
  for _ in $(seq 100); do fork=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.tag=$label$$" /proc/$p/cmdline 2>/dev/null && echo $p; done | head -1); [ -n "$fork" ] && break; sleep 0.1; done
  sleep 6; c0=$(ticks $fork); s0=$(ticks "$@"); sleep 7; c1=$(ticks $fork); s1=$(ticks "$@")
  wait $jp
  python3 -c "import json;o=json.load(open('$work/$label.json'))[0]['primaryMetric']['score'];print('$label %.0f ops/s client %.1f us/op servers %.1f us/op' % (o, ($c1-$c0)/100*1e6/(o*7), ($s1-$s0)/100*1e6/(o*7)))"
}
for r in $(seq $REPS); do
  if [ $((r % 2)) = 0 ]; then order=$(printf '%s\n' "${JARS[@]}" | tac); else order=$(printf '%s\n' "${JARS[@]}"); fi
  for e in $order; do
    JAR_NOW=${e#*=}; n=${e%%=*}
    echo -n "rep $r $n "; one single "-Dbench.port=$single" $SP
    echo -n "rep $r $n "; one cluster "-Dbench.cluster=true -Dbench.port=${cl[0]}" "${CP[@]}"
  done
done
