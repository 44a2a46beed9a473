#!/bin/bash
# st.sh JAR CLASS METHOD T: the JMH fork under strace -f -T for 3 s of measurement (strace.txt)
JAR=$1; C=$2; M=$3; T=$4
. "$(dirname "$0")/server.sh"
start_server $JAR
java -jar $JAR "io\.glidejni\.bench\.$C\.$M\$" -f 1 -wi 1 -w 3s -i 1 -r 10s -t $T \
    -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff s.json >s.log 2>&1 &
JP=$!
sleep 7
FORK=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline && echo $p; done | head -1)
timeout 3 strace -f -T -tt -p $FORK -e trace=poll,futex,recvfrom,read,sendto,write,epoll_ctl,epoll_wait -o strace.txt 2>/dev/null
wait $JP
python3 -c "
import json;d=json.load(open('s.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
