#!/bin/bash
# ab.sh REPS NAME=JAR... : every mode of issue 16's suite for glide-jni jars side by side, one
# redis-server 7.0.15 on a free loopback port, the jars interleaved point by point and each
# repetition in the opposite order. Per point and jar, one line: ops/s and process CPU per
# operation (utime+stime of the JVM from /proc over the middle of the measured window), and for
# callbacks / virtual threads also p50/p99 (CallbacksMain's own report).
#   blocking: JMH, the jar's client benchmark (GlideJniBench; a Lettuce or Jedis jar's own), W1 / GET 16 KiB / GET 512 KiB / MGET 100 at 1, 10, 100 threads
#             (1 fork, 1 x 3 s warm-up, 1 x 10 s measured; CPU over 7 s of it)
#   callbacks: CallbacksMain --chains N (1, 16, 128, 512), JDK 17, 2 s warm-up, 4 s measured
#   virtual threads: CallbacksMain --virtual-threads, N = 100 and 1000, parallelism 1 and 2, Temurin 25
#   fan-out: CallbacksMain --fan-out B, T threads each starting B requests and joining them all, JDK 17
#            (T:B = 1:16 1:128 4:16 4:128)
#   semaphore: CallbacksMain --semaphore B, T threads each keeping B requests in flight with a Semaphore, JDK 17
#            (T:B = 1:16 1:128 4:16 4:128)
# Example: ab.sh 2 before=/tmp/bench-B0.jar after=benchmarks/glide-jni/target/benchmarks.jar
# A jar may be given environment variables for its JVMs (the same jar with a switch, for an
# experiment): name=VAR=value,VAR2=value@JAR.
# A subset: BLOCKING="w1Mixed:100 w2Get16k:10" CALLBACKS="512" VIRTUAL="2:1000" (PARALLELISM:N)
# FANOUT="1:16" SEMAPHORE="1:16" (T:B); an empty value skips that mode.
set -u
REPS=$1; shift
JARS=("$@")
HERE=$(cd "$(dirname "$0")" && pwd)
J25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
cd "$(mktemp -d)"
. "$HERE/../blocking-gaps-2026-12-06/server.sh"
first=${JARS[0]#*=}; start_server "${first#*@}"
jar_env() { # the VAR=value words before a jar's @, if any
  case $1 in *@*) echo "${1%@*}" | tr , ' ' ;; esac
}
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
ordered() { # the jars, reversed on even repetitions
  if [ $(( $1 % 2 )) = 0 ]; then printf '%s\n' "${JARS[@]}" | tac; else printf '%s\n' "${JARS[@]}"; fi
}
for rep in $(seq "$REPS"); do
  for point in ${BLOCKING-$(for m in w1Mixed w2Get16k w2Get512k w3Mget100; do for t in 1 10 100; do echo $m:$t; done; done)}; do
    m=${point%:*}; t=${point#*:}
    for entry in $(ordered "$rep"); do
      name=${entry%%=*}; spec=${entry#*=}; jar=${spec#*@}; envs=$(jar_env "$spec")
      class=$(unzip -Z1 "$jar" | sed -n 's|^io/glidejni/bench/\([A-Za-z]*\)Bench\.class$|\1Bench|p' | grep -v Topology | head -1)
      env $envs java -jar "$jar" "io\.glidejni\.bench\.$class\.$m\$" -f 1 -wi 1 -w 3s -i 1 -r 10s -t "$t" -bm thrpt -tu s \
        -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff "$name.json" >"$name.log" 2>&1 &
      jp=$!; fork=""
      for _ in $(seq 100); do
        fork=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline 2>/dev/null && echo $p; done | head -1)
        [ -n "$fork" ] && break; sleep 0.1
      done
      sleep 6; c0=$(ticks "$fork"); s0=$(ticks "$RP"); sleep 7; c1=$(ticks "$fork"); s1=$(ticks "$RP")
      wait $jp
      python3 - "$rep" "$m" "$t" "$name" "$name.json" $((c1 - c0)) $((s1 - s0)) "$HZ" <<'PY'
import json, sys
rep, m, t, name, path, client, server, hz = sys.argv[1:]
try:
    ops = json.load(open(path))[0]["primaryMetric"]["score"]
except Exception:
    print(f"rep {rep} blocking {m} t={t} {name}: FAILED"); sys.exit()
us = lambda ticks: int(ticks) / int(hz) * 1e6 / (ops * 7)
print(f"rep {rep} blocking {m} t={t} {name}: {ops:,.0f} ops/s cpu {us(client):.1f} us/op server {us(server):.1f} us/op", flush=True)
PY
    done
  done
  modes() { # JAVA MODE-ARGS LABEL
    for entry in $(ordered "$rep"); do
      name=${entry%%=*}; spec=${entry#*=}; jar=${spec#*@}; envs=$(jar_env "$spec")
      env $envs $1 -Xms2g -Xmx2g $2 -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP \
        -cp "$jar" io.glidejni.bench.CallbacksMain --workload w1 $3 --warmup 2 --measure 4 2>/dev/null \
        | python3 -c "import json,sys
d=json.loads(sys.stdin.readline())
print('rep $rep $4 $name: %.0f ops/s cpu %.1f us/op p50 %.0f p99 %.0f us%s' % (d['ops_per_s'], d['cpu_client_us_per_op'], d['p50_us'], d['p99_us'], ' FAILED' if d.get('failed') else ''), flush=True)"
    done
  }
  for n in ${CALLBACKS-1 16 128 512}; do modes java "" "--chains $n" "callbacks N=$n"; done
  for point in ${VIRTUAL-1:100 1:1000 2:100 2:1000}; do
    p=${point%:*}; n=${point#*:}
    modes $J25 "-Djdk.virtualThreadScheduler.parallelism=$p" "--chains $n --virtual-threads" "virtual-threads P=$p N=$n"
  done
  for point in ${FANOUT-1:16 1:128 4:16 4:128}; do
    t=${point%:*}; b=${point#*:}
    modes java "" "--chains $t --fan-out $b" "fan-out T=$t B=$b"
  done
  for point in ${SEMAPHORE-1:16 1:128 4:16 4:128}; do
    t=${point%:*}; b=${point#*:}
    modes java "" "--chains $t --semaphore $b" "semaphore T=$t B=$b"
  done
done
