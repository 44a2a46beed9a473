#!/bin/bash
# perf-fork.sh JAR METHOD THREADS SECONDS: one JMH fork (CLS: the benchmark class, GlideJniBench by
# default) under `perf record -e cpu-clock -a -g` for SECONDS-2 s of its measured iteration; perf.data
# and jmh.log in the current directory. EXTRA: more JVM options (-Dglide.native.library=<a named copy
# of the jar's library> lets perf name the core's symbols).
JAR=$1; M=$2; T=$3; S=$4
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server $JAR
java -jar $JAR "io\.glidejni\.bench\.${CLS:-GlideJniBench}\.$M\$" -f 1 -wi 1 -w 3s -i 1 -r ${S}s -t $T -bm thrpt -tu s \
  -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer $EXTRA" \
  -prof gc > jmh.log 2>&1 &
JP=$!
sleep 6
perf record -F 999 -e cpu-clock -a -g -o perf.data -- sleep $((S-2)) 2>/dev/null
wait $JP
grep -E "^[A-Za-z]*Bench|gc.alloc.rate.norm" jmh.log | grep -v "±.*NaN" | head
