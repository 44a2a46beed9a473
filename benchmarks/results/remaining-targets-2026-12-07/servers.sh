# Sourced by floor.sh and perf-split.sh: throwaway servers on free loopback ports, stopped on
# exit: one (S) and a cluster of 3 primaries (C, ORDERED: their ports in slot order); WORK is a
# temporary directory; SERVERS the servers' pids; ticks prints their CPU ticks together.
WORK=$(mktemp -d)
work=$WORK
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
free_port() { # a port p with p + 10000 (a cluster node's bus) free too
  python3 -c '
import random, socket
def free(p):
    s = socket.socket()
    try: s.bind(("127.0.0.1", p)); return True
    except OSError: return False
    finally: s.close()
while True:
    p = random.randint(20000, 55000)
    if free(p) and free(p + 10000): print(p); break'
}
start() { # port, extra args
  local p=$1; shift; mkdir -p "$work/$p"
  (cd "$work/$p" && exec redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no "$@" >log 2>&1) &
  pids+=($!)
  for _ in $(seq 50); do redis-cli -p "$p" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "redis-server did not start on $p" >&2; exit 2
}
S=$(free_port); start "$S"
C=(); for _ in 1 2 3; do p=$(free_port); start "$p" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000; C+=("$p"); done
timeout 60 redis-cli --cluster create $(printf '127.0.0.1:%s ' "${C[@]}") --cluster-replicas 0 --cluster-yes >"$work/create.log" || exit 2
for _ in $(seq 100); do redis-cli -p "${C[0]}" cluster info | grep -q cluster_state:ok && break; sleep 0.2; done
# The primaries in slot order, as rpp expects them.
ORDERED=$(redis-cli -p "${C[0]}" --json cluster slots | python3 -c 'import json,sys; print(" ".join(str(r[2][1]) for r in sorted(json.load(sys.stdin))))')
SERVERS="${pids[*]}"
ticks() { local t=0; for p in $SERVERS; do t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
