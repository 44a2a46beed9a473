#!/bin/bash
# st.sh JAR CLASS METHOD T: the JMH fork under strace -f -T for 3 s of measurement (strace.txt)
JAR=$1; C=$2; M=$3; T=$4
. "$(dirname "$0")/server.sh"
start_server $JAR
start_fork $JAR $C $M $T s
timeout 3 strace -f -T -tt -p $FORK -e trace=poll,futex,recvfrom,read,sendto,write,epoll_ctl,epoll_wait -o strace.txt 2>/dev/null
wait $JP
python3 -c "
import json;d=json.load(open('s.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
