#!/bin/bash
# prof.sh JAR CLASS METHOD T: per-thread CPU and wake-ups of the JMH fork over 5 s of measurement
JAR=$1; C=$2; M=$3; T=$4
. "$(dirname "$0")/server.sh"
start_server $JAR
java -jar $JAR "io\.glidejni\.bench\.$C\.$M\$" -f 1 -wi 1 -w 3s -i 1 -r 10s -t $T \
    -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff p.json >p.log 2>&1 &
JP=$!
sleep 7
FORK=$(pgrep -f "ForkedMain.*|bench.port=$PORT.*ForkedMain" | head -1); FORK=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline && echo $p; done | head -1)
python3 "$(dirname "$0")/threads.py" $FORK 5 > threads.txt &
S0=$(awk '{print $14+$15}' /proc/$RP/stat); sleep 5; S1=$(awk '{print $14+$15}' /proc/$RP/stat)
wait $JP
echo "server ticks in 5 s: $((S1-S0))"
python3 -c "
import json;d=json.load(open('p.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
cat threads.txt
