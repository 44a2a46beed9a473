# perfrec.sh JAR CLASS METHOD T NAME WHO: perf record (2999 Hz, 4 s; PERFG=-g for call graphs) of the
# JMH fork (WHO=client) or of the redis-server (WHO=server) while the fork runs CLASS.METHOD at T threads
HERE=$(cd "$(dirname "$0")" && pwd)
. $HERE/../blocking-gaps-2026-12-06/server.sh
D=$(pwd)
start_server $1
start_fork $1 $2 $3 $4 p
if [ "$6" = server ]; then target=$RP; else target=$FORK; fi
perf record ${PERFG:-} -F 2999 -p $target -o $D/$5.perf.data -- sleep 4 >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.load(open('p.json'))[0];print('$5 ops/s', round(d['primaryMetric']['score']))"
