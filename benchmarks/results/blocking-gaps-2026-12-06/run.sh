#!/bin/bash
# run.sh JAR METHOD T N: N forks of one JMH method at T threads, ops/s per iteration
JAR=$1; M=$2; T=$3; N=$4
. "$(dirname "$0")/server.sh"
start_server $JAR
for i in $(seq $N); do
  java -jar $JAR "io\.glidejni\.bench\.GlideJniBench\.$M\$" -f 1 -wi 1 -w 2s -i 3 -r 2s -t $T \
    -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff x.json >x.log 2>&1
  python3 -c "
import json;d=json.load(open('x.json'))[0];print('$M t=$T run$i', round(d['primaryMetric']['score']), [round(x) for x in d['primaryMetric']['rawData'][0]])"
done
