# thr.sh g|l PATTERN T D: per-thread CPU ticks and switches over 4 s of the scratch harness
set -u
W=$1; PAT=$2; T=$3; D=$4; H=${H:-$(cd "$(dirname "$0")" && pwd)}; GLIDE_JAR=${GLIDE_JAR:-/tmp/bench-U4.jar}; LETTUCE_JAR=/tmp/bench-lettuce2.jar
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $GLIDE_JAR
if [ $W = g ]; then CP=$H/g:$GLIDE_JAR; M=FanGlide; else CP=$H/l:$LETTUCE_JAR; M=FanLettuce; fi
java -Xms1g -Xmx1g -cp $CP $M $PORT $PAT $T $D > out.txt 2>&1 &
JP=$!; sleep 4
snap() { for t in /proc/$JP/task/*; do n=$(cat $t/comm | tr ' ' _); s=($(cat $t/stat | sed 's/.*) //')); v=$(grep ^voluntary $t/status | awk '{print $2}'); nv=$(grep ^nonvoluntary $t/status | awk '{print $2}'); echo "${t##*/} $n ${s[11]} ${s[12]} $v $nv"; done; s=($(sed 's/.*) //' /proc/$RP/stat)); echo "server redis $((s[11])) $((s[12])) $(grep ^voluntary /proc/$RP/status | awk '{print $2}') $(grep ^nonvoluntary /proc/$RP/status | awk '{print $2}')"; }
snap > a; sleep 4; snap > b; wait $JP; grep RESULT out.txt
join a b | awk '{u=$8-$3; s=$9-$4; v=$10-$5; n=$11-$6; if (u+s+v+n>20) printf "%-22s cpu %4d ticks (u %d s %d) vol %6d invol %5d\n", $2, u+s, u, s, v, n}'
