# run2.sh REPS "T B" ... : off (F1), on (F1 + GLIDE_EXPERIMENT_FANOUT=1), lettuce; interleaved
set -u
REPS=$1; shift
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $GLIDE_JAR
for rep in $(seq $REPS); do
 for p in "$@"; do
  set -- $p
  if [ $((rep%2)) = 1 ]; then order="off on l"; else order="l on off"; fi
  for w in $order; do
   case $w in
    off) java -Xms1g -Xmx1g -cp /tmp/s20/fan/g:/tmp/bench-F1.jar FanGlide $PORT $1 $2 2>/dev/null | grep fanout | sed 's/^glide-jni/off/';;
    on) GLIDE_EXPERIMENT_FANOUT=1 java -Xms1g -Xmx1g -cp /tmp/s20/fan/g:/tmp/bench-F1.jar FanGlide $PORT $1 $2 2>/dev/null | grep fanout | sed 's/^glide-jni/on/';;
    l) java -Xms1g -Xmx1g -cp /tmp/s20/fan/l:$LETTUCE_JAR FanLettuce $PORT $1 $2 2>/dev/null | grep fanout;;
   esac
  done
 done
done
