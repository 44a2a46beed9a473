#!/bin/bash
# syscalls.sh JAR METHOD T: syscalls of the JMH fork over 4 s of its measured window, and its ops/s
. "$(dirname "$0")/../blocking-gaps-2026-12-06/server.sh"
start_server $1
start_fork $1 GlideJniBench $2 $3 p
perf stat -e syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_pwait,syscalls:sys_enter_poll,syscalls:sys_enter_ppoll,syscalls:sys_enter_recvfrom,syscalls:sys_enter_sendto,syscalls:sys_enter_futex -p $FORK -- sleep 4 2>&1 | grep syscalls
wait $JP
python3 -c "import json;d=json.load(open('p.json'))[0];print('ops/s', round(d['primaryMetric']['score']))"
