# ab.sh JAR SWITCH REPS "T B" ... : the scratch fan-out loop (FanGlide / FanLettuce, compiled into
# fan/g and fan/l against JAR and $LETTUCE_JAR) for JAR without and with GLIDE_EXPERIMENT_FANOUT=SWITCH,
# and Lettuce; interleaved, even repetitions in the opposite order. Experiments 1 and 2 ran it as
# `ab.sh bench-F1.jar 1 2 "1 16" "1 128" "4 16"` and `ab.sh bench-F2.jar 2 ...` (jars built from
# the experiments' diffs). A first run of each repetition's second round stopped at a shell
# error in the scripts of the time, so experiments 1 and 2 have one repetition each.
set -u
JAR=$1; SWITCH=$2; REPS=$3; shift 3
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server "$JAR"
for rep in $(seq "$REPS"); do
 for p in "$@"; do
  read -r T B <<<"$p"
  if [ $((rep%2)) = 1 ]; then order="off on l"; else order="l on off"; fi
  for w in $order; do
   case $w in
    off) java -Xms1g -Xmx1g -cp /tmp/s20/fan/g:"$JAR" FanGlide "$PORT" "$T" "$B" 2>/dev/null | grep fanout | sed 's/^glide-jni/off/';;
    on) GLIDE_EXPERIMENT_FANOUT=$SWITCH java -Xms1g -Xmx1g -cp /tmp/s20/fan/g:"$JAR" FanGlide "$PORT" "$T" "$B" 2>/dev/null | grep fanout | sed 's/^glide-jni/on/';;
    l) java -Xms1g -Xmx1g -cp /tmp/s20/fan/l:"$LETTUCE_JAR" FanLettuce "$PORT" "$T" "$B" 2>/dev/null | grep fanout;;
   esac
  done
 done
done
