#!/bin/bash
# prof.sh JAR CLASS METHOD T: per-thread CPU and wake-ups of the JMH fork over 5 s of measurement
JAR=$1; C=$2; M=$3; T=$4
. "$(dirname "$0")/server.sh"
start_server $JAR
start_fork $JAR $C $M $T p
python3 "$(dirname "$0")/threads.py" $FORK 5 > threads.txt &
S0=$(awk '{print $14+$15}' /proc/$RP/stat); sleep 5; S1=$(awk '{print $14+$15}' /proc/$RP/stat)
wait $JP
echo "server ticks in 5 s: $((S1-S0))"
python3 -c "
import json;d=json.load(open('p.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
cat threads.txt
