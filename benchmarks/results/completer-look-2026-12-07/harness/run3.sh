set -u
AFTER=${AFTER:-/tmp/bench-V2.jar}; BEFORE=${BEFORE:-/tmp/bench-U4.jar}; LETTUCE_JAR=/tmp/bench-lettuce2.jar; H=${H:-$(cd "$(dirname "$0")" && pwd)}
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $AFTER
P=${POINTS:-"semaphore:1:16 compose-async:1:16 thenapply-join:1:1"}
for rep in $(seq ${REPS:-2}); do
 for p in $P; do
  IFS=: read pat t d <<<"$p"
  if [ $((rep%2)) = 1 ]; then order="after before l"; else order="l before after"; fi
  for w in $order; do
   case $w in
    after) echo -n "rep $rep after: "; java -Xms1g -Xmx1g -cp $H/g:$AFTER FanGlide $PORT $pat $t $d 2>&1 | grep RESULT;;
    before) echo -n "rep $rep before: "; java -Xms1g -Xmx1g -cp $H/g:$BEFORE FanGlide $PORT $pat $t $d 2>&1 | grep RESULT;;
    l) echo -n "rep $rep lettuce: "; java -Xms1g -Xmx1g -cp $H/l:$LETTUCE_JAR FanLettuce $PORT $pat $t $d 2>&1 | grep RESULT;;
   esac
  done
 done
done
