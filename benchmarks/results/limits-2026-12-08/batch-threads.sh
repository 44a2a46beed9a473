#!/bin/bash
# like threads.sh, but the JMH fork's threads are switched to SCHED_BATCH once it runs
HERE=$(cd "$(dirname "$0")" && pwd)
. $HERE/../blocking-gaps-2026-12-06/server.sh
start_server $1
start_fork $1 $2 $3 $4 p
[ "$5" = batch ] && chrt -b -a -p 0 $FORK >/dev/null
sleep 0.5
snap() { for t in /proc/$FORK/task/*; do echo "$(basename $t) $(cat $t/comm | tr ' ' _) $(awk '{print $14+$15}' $t/stat) $(grep -E '^(voluntary|nonvoluntary)' $t/status | awk '{print $2}' | tr '\n' ' ')"; done; echo "server redis $(awk '{print $14+$15}' /proc/$RP/stat) $(grep -E '^(voluntary|nonvoluntary)' /proc/$RP/status | awk '{print $2}' | tr '\n' ' ')"; }
snap > a.txt; sleep 2.5; snap > b.txt
python3 $HERE/../remaining-gaps-2026-12-06/diff.py
wait $JP
python3 -c "import json;d=json.load(open('p.json'))[0];print('ops/s', round(d['primaryMetric']['score']))"
