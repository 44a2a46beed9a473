# place.sh JAR T B: fan-out run; samples which CPU the completer, fan-out-0 and redis last ran on, every 5 ms over 4 s
set -u
JAR=$1; T=$2; B=$3
. /work/main/benchmarks/results/blocking-gaps-2026-12-06/server.sh
cd "$(mktemp -d)"; start_server $JAR
java -Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -cp $JAR io.glidejni.bench.CallbacksMain --workload w1 --chains $T --fan-out $B --warmup 2 --measure 8 > out.txt 2>/dev/null &
JP=$!; sleep 5
for t in /proc/$JP/task/*; do case "$(cat $t/comm)" in glide-completer) CT=${t##*/};; fan-out-0) FT=${t##*/};; esac; done
python3 - $JP $CT $FT $RP <<'PY'
import sys,time
jp,ct,ft,rp=sys.argv[1:]
def st(path):
    s=open(path).read().rsplit(')',1)[1].split()
    return int(s[36]), s[0]  # processor, state
same_cr=same_cf=same_fr=n=0; states={}
end=time.time()+4
while time.time()<end:
    c,cs=st(f'/proc/{jp}/task/{ct}/stat'); f,fs=st(f'/proc/{jp}/task/{ft}/stat'); r,rs=st(f'/proc/{rp}/stat')
    n+=1; same_cr+=c==r; same_cf+=c==f; same_fr+=f==r
    states[(cs,fs,rs)]=states.get((cs,fs,rs),0)+1
    time.sleep(0.005)
print('samples %d completer=redis %.2f completer=fanout %.2f fanout=redis %.2f' % (n, same_cr/n, same_cf/n, same_fr/n))
print('states (completer,fanout,redis):', sorted(states.items(), key=lambda x:-x[1])[:6])
PY
wait $JP; python3 -c "import json;d=json.loads(open('out.txt').readline());print('ops/s %.0f cpu %.1f us/op' % (d['ops_per_s'], d['cpu_client_us_per_op']))"
