#!/usr/bin/env bash
# Blocking-mode A/B: glide-jni before issue 14 (old) vs after (new), W1, interleaved, 2 reps.
set -u
cd /tmp/blk
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port $PORT --bind 127.0.0.1 --save "" --appendonly no --daemonize no >redis.log 2>&1 &
RP=$!
trap "kill $RP" EXIT
sleep 0.5
java -cp /tmp/bench-new.jar io.glidejni.bench.Prefill 2>/dev/null | redis-cli -p $PORT --pipe >/dev/null
for rep in ${REPS:-1 2}; do
  for t in ${TS:-10 100}; do
    for v in old new; do
      [ $rep = 2 ] && { [ $v = old ] && v=new || v=old; }
      java -jar /tmp/bench-$v.jar 'io\.glidejni\.bench\.GlideJniBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 3 -r 3s -t $t \
        -bm thrpt -tu s -prof io.glidejni.bench.CpuProfiler \
        -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff $v-t$t-r$rep.json >$v-t$t-r$rep.log 2>&1
      python3 - "$v" "$t" "$rep" <<'PY'
import json,sys
v,t,rep=sys.argv[1:]
d=json.load(open(f"{v}-t{t}-r{rep}.json"))[0]
pm=d["primaryMetric"]; sec=d.get("secondaryMetrics",{})
cpu=[ (k,m["score"]) for k,m in sec.items() if "cpu" in k.lower()]
print(f"rep{rep} t={t} {v}: {pm['score']:.0f} ops/s ± {pm['scoreError']:.0f}  {cpu}")
PY
    done
  done
done
