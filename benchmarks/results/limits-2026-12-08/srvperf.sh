# srvperf.sh JAR CLASS METHOD T NAME: perf record (2999 Hz, 4 s) of the redis-server under a JMH fork
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
D=$(pwd)
start_server $1
start_fork $1 $2 $3 $4 p
perf record ${PERFG:-} -F 2999 -p $RP -o $D/$5.perf.data -- sleep 4 >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.load(open('p.json'))[0];print('$5 ops/s', round(d['primaryMetric']['score']))"
