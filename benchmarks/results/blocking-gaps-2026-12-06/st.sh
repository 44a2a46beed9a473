#!/bin/bash
JAR=$1; C=$2; M=$3; T=$4
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port $PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no >redis.log 2>&1 &
RP=$!
trap "kill $RP" EXIT
sleep 0.5
java -cp $JAR io.glidejni.bench.Prefill 2>/dev/null | redis-cli -p $PORT --pipe >/dev/null
java -jar $JAR "io\.glidejni\.bench\.$C\.$M\$" -f 1 -wi 1 -w 3s -i 1 -r 10s -t $T \
    -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff s.json >s.log 2>&1 &
JP=$!
sleep 7
FORK=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline && echo $p; done | head -1)
timeout 3 strace -f -T -tt -p $FORK -e trace=poll,futex,recvfrom,read,sendto,write,epoll_ctl,epoll_wait -o strace.txt 2>/dev/null
wait $JP
python3 -c "
import json;d=json.load(open('s.json'))[0];print('$C $M t=$T', round(d['primaryMetric']['score']))"
