#!/bin/bash
# floor.sh REPS JAR: cluster of 3 primaries against one server, W1 at 1 in flight, for glide-jni
# (JAR's GlideJniTopologyBench.w1Mixed, as benchmarks/cluster/run.sh runs it, 1 x 3 s warm-up,
# 1 x 10 s measured) and for rpp.c, a minimal C client spinning on recv (mode 1) and on poll
# (mode 2, glide-jni's way of looking), 5 s each. The same throwaway servers for everything; per
# repetition every client runs on one server then on the cluster, back to back. Besides ops/s,
# the servers' CPU per operation (utime+stime from /proc; for glide-jni over 4 s of the measured
# window) and, for glide-jni, the client's own.
set -u
REPS=$1; JAR=$2
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/servers.sh"
gcc -O2 -o "$work/rpp" "$HERE/../../cluster/rpp.c" || exit 2
HZ=$(getconf CLK_TCK)

c_run() { # mode ports...
  local mode=$1; shift
  local s0; s0=$(ticks)
  local out; out=$("$work/rpp" "$mode" 5 "$@")
  local s1; s1=$(ticks)
  local ops; ops=$(echo "$out" | awk '{print $5}')
  python3 -c "print('%s %.1f' % ($ops, ($s1 - $s0) / $HZ * 1e6 / ($ops * 5)))"
}
glide_run() { # jvm args
  java -jar "$JAR" 'io\.glidejni\.bench\.GlideJniTopologyBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 1 -r 10s -t 1 \
    -jvmArgs "-Xms1g -Xmx1g $1" -rf json -rff "$work/g.json" >"$work/g.log" 2>&1 &
  local jp=$! fork=""
  for _ in $(seq 100); do
    fork=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port" /proc/$p/cmdline 2>/dev/null && echo $p; done | head -1)
    [ -n "$fork" ] && break; sleep 0.1
  done
  sleep 7
  local c0 s0 c1 s1
  c0=$(awk '{print $14+$15}' /proc/$fork/stat); s0=$(ticks); sleep 4
  c1=$(awk '{print $14+$15}' /proc/$fork/stat); s1=$(ticks)
  wait $jp
  python3 -c "import json; ops=json.load(open('$work/g.json'))[0]['primaryMetric']['score']; print('%.0f %.1f %.1f' % (ops, ($s1-$s0)/$HZ*1e6/(ops*4), ($c1-$c0)/$HZ*1e6/(ops*4)))"
}

echo "# floor.sh $REPS $(basename "$JAR") on $(date -u '+%Y-%m-%d %H:%M UTC'): one server $S, cluster $ORDERED"
echo "# per client: one server ops/s (server CPU us/op) | cluster ops/s (servers' CPU us/op) | cluster / one"
for r in $(seq "$REPS"); do
  read -r a as < <(c_run 1 "$S"); read -r b bs < <(c_run 1 $ORDERED)
  read -r c cs < <(c_run 2 "$S"); read -r d ds < <(c_run 2 $ORDERED)
  read -r e es ec < <(glide_run "-Dbench.port=$S"); read -r f fs fc < <(glide_run "-Dbench.cluster=true -Dbench.port=${C[0]}")
  python3 -c "
print('rep $r rpp recv-spin: %6.0f (%4.1f) | %6.0f (%4.1f) | %.2f' % ($a, $as, $b, $bs, $b / $a))
print('rep $r rpp poll-spin: %6.0f (%4.1f) | %6.0f (%4.1f) | %.2f' % ($c, $cs, $d, $ds, $d / $c))
print('rep $r glide-jni:     %6.0f (%4.1f) | %6.0f (%4.1f) | %.2f   client CPU us/op %.1f | %.1f' % ($e, $es, $f, $fs, $f / $e, $ec, $fc))"
done
