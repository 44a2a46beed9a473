# prof.sh CP MAIN T B [ENV...]: per-thread CPU ticks and context switches over 4 s of a fan-out run
set -u
CP=$1; MAIN=$2; T=$3; B=$4; shift 4
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $GLIDE_JAR
env "$@" java -Xms1g -Xmx1g -cp $CP $MAIN $PORT $T $B > out.txt 2>/dev/null &
JP=$!; sleep 4
snap() { for t in /proc/$JP/task/*; do n=$(cat $t/comm); s=($(cat $t/stat | sed 's/.*) //')); v=$(grep ^voluntary $t/status | awk '{print $2}'); nv=$(grep ^nonvoluntary $t/status | awk '{print $2}'); echo "${t##*/} $n ${s[11]} ${s[12]} $v $nv"; done; s=($(sed 's/.*) //' /proc/$RP/stat)); echo "server redis $((s[11])) $((s[12])) $(grep ^voluntary /proc/$RP/status | awk '{print $2}') $(grep ^nonvoluntary /proc/$RP/status | awk '{print $2}')"; }
snap > a; sleep 4; snap > b; wait $JP; cat out.txt
join a b | awk '{u=$8-$3; s=$9-$4; v=$10-$5; n=$11-$6; if (u+s+v+n>0) printf "%-18s cpu %4d ticks (u %d s %d) vol %6d invol %5d\n", $2, u+s, u, s, v, n}'
