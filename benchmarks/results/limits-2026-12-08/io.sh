# io.sh JAR CLASS METHOD T: syscalls (reads/writes from /proc/PID/io) per op of server and client over 4 s
HERE=$(cd "$(dirname "$0")" && pwd)
. $HERE/../blocking-gaps-2026-12-06/server.sh
start_server $1
start_fork $1 $2 $3 $4 p
s() { awk '/syscr|syscw/{printf "%s ", $2}' /proc/$1/io; awk '{printf "%s ", $14+$15}' /proc/$1/stat; }
a="$(s $RP) $(s $FORK)"; sleep 4; b="$(s $RP) $(s $FORK)"
wait $JP
ops=$(python3 -c "import json;d=json.load(open('p.json'))[0];print(round(d['primaryMetric']['score']))")
python3 - "$a" "$b" $ops $2 $4 <<'P'
import sys
a=list(map(int,sys.argv[1].split())); b=list(map(int,sys.argv[2].split())); ops=int(sys.argv[3])*4
d=[y-x for x,y in zip(a,b)]
print(f"{sys.argv[4]} t={sys.argv[5]} ops/s {ops//4}: server reads/op {d[0]/ops:.2f} writes/op {d[1]/ops:.2f} cpu us/op {d[2]*1e4/ops:.0f}; client reads/op {d[3]/ops:.2f} writes/op {d[4]/ops:.2f} cpu us/op {d[5]*1e4/ops:.0f}")
P
