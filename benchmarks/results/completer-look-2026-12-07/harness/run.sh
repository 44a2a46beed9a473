# Scratch harness (not part of the suite): outside-style patterns for glide-jni and Lettuce. Compile first:
#   javac -d g -cp GLIDE_BENCH_JAR FanCore.java FanGlide.java; javac -d l -cp LETTUCE_BENCH_JAR FanCore.java FanLettuce.java
# run.sh: POINTS="pattern:T:D ..." (semaphore, thenapply-join, compose-async) REPS=N, GLIDE_JAR, JOPTS for glide-jni JVMs.
# run3.sh: the same for two glide-jni jars (AFTER, BEFORE: bench jars) and Lettuce.
# thr.sh g|l PATTERN T D: per-thread CPU and switches over 4 s.
set -u
GLIDE_JAR=${GLIDE_JAR:-/tmp/bench-U4.jar}; LETTUCE_JAR=/tmp/bench-lettuce2.jar; H=${H:-$(cd "$(dirname "$0")" && pwd)}
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $GLIDE_JAR
for rep in $(seq ${REPS:-2}); do
 P=${POINTS:-"semaphore:1:16 semaphore:1:128 semaphore:4:128 thenapply-join:1:1 thenapply-join:10:1 compose-async:1:16 compose-async:1:128"}
 for p in $P; do
  IFS=: read pat t d <<<"$p"
  if [ $((rep%2)) = 1 ]; then order="g l"; else order="l g"; fi
  for w in $order; do
   if [ $w = g ]; then java -Xms1g -Xmx1g ${JOPTS:-} -cp $H/g:$GLIDE_JAR FanGlide $PORT $pat $t $d 2>&1 | grep -E "RESULT|Exception" | head -3;
   else java -Xms1g -Xmx1g -cp $H/l:$LETTUCE_JAR FanLettuce $PORT $pat $t $d 2>&1 | grep -E "RESULT|Exception" | head -3; fi
  done
 done
done
