# batchthreads.sh JAR "ARGS" PATTERN: like modethreads.sh, but the JVM's threads whose name matches
# PATTERN (egrep) are switched to SCHED_BATCH 1.5 s after start (before the measured window).
set -u
JAR=$1; ARGS=$2; PAT=$3; JAVA=${JAVA:-java}
D=$(cd "$(dirname "$0")/../completer-looks-for-readers-2026-12-07" && pwd)
. $D/start-jvm.sh
start_jvm "$JAR" "$ARGS" 8
for w in 1.5 1; do sleep $w
  [ "$PAT" = none ] || for t in /proc/$JP/task/*; do grep -Eq "$PAT" $t/comm && chrt -b -p 0 ${t##*/}; done
done
sleep 2.5
snap() { for t in /proc/$JP/task/*; do n=$(cat $t/comm | tr ' ' _); s=($(cat $t/stat | sed 's/.*) //')); v=$(grep ^voluntary $t/status | awk '{print $2}'); nv=$(grep ^nonvoluntary $t/status | awk '{print $2}'); echo "${t##*/} $n ${s[11]} ${s[12]} $v $nv"; done; s=($(sed 's/.*) //' /proc/$RP/stat)); echo "server redis $((s[11])) $((s[12])) $(grep ^voluntary /proc/$RP/status | awk '{print $2}') $(grep ^nonvoluntary /proc/$RP/status | awk '{print $2}')"; }
snap > a; sleep 4; snap > b; wait $JP; python3 -c "import json;d=json.loads(open('out.txt').readline());print('ops/s %.0f cpu %.1f us/op server %.1f p99 %.0f' % (d['ops_per_s'], d['cpu_client_us_per_op'], d['cpu_server_us_per_op'], d['p99_us']))"
join a b | awk '{u=$8-$3; s=$9-$4; v=$10-$5; n=$11-$6; if (u+s+v+n>20) printf "%-22s cpu %4d ticks (u %d s %d) vol %6d invol %5d\n", $2, u+s, u, s, v, n}'
