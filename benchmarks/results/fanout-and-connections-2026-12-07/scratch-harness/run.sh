set -u
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $GLIDE_JAR
for rep in 1 2; do
 for p in "1 16" "1 128" "4 16" "4 128" "16 16"; do
  set -- $p
  if [ $((rep%2)) = 1 ]; then order="g l"; else order="l g"; fi
  for w in $order; do
   if [ $w = g ]; then java -Xms1g -Xmx1g -cp /tmp/s20/fan/g:$GLIDE_JAR FanGlide $PORT $1 $2 2>/dev/null | grep fanout;
   else java -Xms1g -Xmx1g -cp /tmp/s20/fan/l:$LETTUCE_JAR FanLettuce $PORT $1 $2 2>/dev/null | grep fanout; fi
  done
 done
done
