#!/bin/bash
# threads.sh JAR CLASS METHOD T: per thread of the JMH fork (and the redis-server), over 4 s of the measured
# window: CPU ticks (1/100 s), voluntary and involuntary context switches; then the fork's ops/s
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server $1
start_fork $1 $2 $3 $4 p
snap() { for t in /proc/$FORK/task/*; do echo "$(basename $t) $(cat $t/comm | tr ' ' _) $(awk '{print $14+$15}' $t/stat) $(grep -E '^(voluntary|nonvoluntary)' $t/status | awk '{print $2}' | tr '\n' ' ')"; done; echo "server redis $(awk '{print $14+$15}' /proc/$RP/stat) $(grep -E '^(voluntary|nonvoluntary)' /proc/$RP/status | awk '{print $2}' | tr '\n' ' ')"; }
snap > a.txt; sleep 4; snap > b.txt
python3 "$(dirname "$0")/diff.py"
wait $JP
python3 -c "import json;d=json.load(open('p.json'))[0];print('ops/s', round(d['primaryMetric']['score']))"
