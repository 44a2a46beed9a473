# sleeps.sh JAR "args" NAME: where the glide-completer thread goes to sleep (sched_switch callchains, 3 s)
set -u
JAR=$1; ARGS=$2; NAME=$3
. "$(dirname "$0")/start-jvm.sh"
D=$(pwd)
start_jvm "$JAR" "$ARGS" 6
sleep 4
TID=$(for t in /proc/$JP/task/*; do [ "$(cat $t/comm)" = glide-completer ] && echo ${t##*/}; done)
perf record -e sched:sched_switch --call-graph dwarf,16384 -t $TID -o $D/$NAME.sw.data -- sleep 3 >/dev/null 2>&1
wait $JP
python3 -c "import json;d=json.loads(open('out.txt').readline());print('ops/s %.0f' % d['ops_per_s'])"
