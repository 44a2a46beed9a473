#!/bin/bash
# ab-batch.sh JAR CLASS METHOD T MODE: one JMH run (3 s warm-up, 8 s measured), the whole JVM SCHED_BATCH if MODE=batch
HERE=$(cd "$(dirname "$0")" && pwd)
. $HERE/../blocking-gaps-2026-12-06/server.sh
start_server $1
pre=""; [ "$5" = batch ] && pre="chrt -b 0"
T0=$(awk '{print $14+$15}' /proc/$RP/stat)
$pre java -jar "$1" "io\.glidejni\.bench\.$2\.$3\$" -f 1 -wi 1 -w 3s -i 1 -r 8s -t "$4" \
        -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff "q.json" >q.log 2>&1
python3 -c "import json;d=json.load(open('q.json'))[0];print('$2 $3 $4 $5 ops/s', round(d['primaryMetric']['score']))"
