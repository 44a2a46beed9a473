#!/usr/bin/env bash
# Throughput of glide-jni against one server vs. a cluster of 3 primaries, same workloads
# (GlideJniTopologyBench: W1 80/20 GET/SET of 100 B, W3 MGET of 100 keys), same machine.
#
# Usage: benchmarks/cluster/run.sh            writes benchmarks/results/cluster.md (with the floor a
#        minimal C client, rpp.c, gets from the same servers at 1 in flight)
# Env:   BENCH_THREADS (default "1 10 100"), BENCH_QUICK=1 (short iterations, for a smoke run),
#        BENCH_SKIP_BUILD=1 (reuse benchmarks/glide-jni/target/benchmarks.jar)
# The servers are throwaway (random free ports, no persistence) and are killed on exit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$repo/benchmarks/results/cluster.md"
raw="$repo/benchmarks/results/raw/cluster"
mkdir -p "$raw"
log() { echo "[cluster-bench] $*" >&2; }

THREADS=${BENCH_THREADS:-"1 10 100"}
if [ "${BENCH_QUICK:-}" = 1 ]; then
    JMH=(-f 1 -wi 1 -w 1s -i 1 -r 2s)
else
    JMH=(-f 1 -wi 2 -w 2s -i 3 -r 3s)
fi

bash "$repo/scripts/ensure-deps.sh" >&2
jar="$repo/benchmarks/glide-jni/target/benchmarks.jar"
if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
    log "building glide-jni and its benchmark jar"
    (cd "$repo" && mvn -B -ntp -q install -DskipTests -pl java/client -am)
    (cd "$repo" && mvn -B -ntp -q -f benchmarks/pom.xml package -DskipTests -pl glide-jni -am)
fi
[ -f "$jar" ] || { log "missing $jar"; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A port p with p + 10000 (a cluster node's bus) free too.
free_port() {
    python3 - <<'PY'
import random, socket
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
while True:
    p = random.randint(20000, 55000)
    if free(p) and free(p + 10000):
        print(p); break
PY
}
start_server() { # port, extra args...
    local port=$1; shift
    mkdir -p "$work/$port"
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$work/$port" \
        --daemonize no "$@" >"$work/$port/log" 2>&1 &
    pids+=($!)
    for _ in $(seq 100); do redis-cli -p "$port" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
    log "redis-server did not start on $port"; exit 2
}

single=$(free_port)
start_server "$single"
cluster=()
for _ in 1 2 3; do
    p=$(free_port)
    start_server "$p" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000
    cluster+=("$p")
done
timeout 60 redis-cli --cluster create $(printf '127.0.0.1:%s ' "${cluster[@]}") --cluster-replicas 0 --cluster-yes >"$work/create.log"
for _ in $(seq 100); do
    redis-cli -p "${cluster[0]}" cluster info | grep -q 'cluster_state:ok' && break
    sleep 0.2
done
log "one server on $single; cluster of 3 primaries on ${cluster[*]}"

run() { # label, method, threads, jvm args...
    local label=$1 method=$2 t=$3; shift 3
    java -jar "$jar" "io\.glidejni\.bench\.GlideJniTopologyBench\.$method\$" "${JMH[@]}" -t "$t" \
        -jvmArgs "$*" -rf json -rff "$raw/$label-$method-t$t.json" >"$raw/$label-$method-t$t.log" 2>&1 \
        || { log "run $label $method t$t failed (see $raw/$label-$method-t$t.log)"; return 1; }
    # scoreError is "NaN" (a string) with a single iteration.
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))[0]["primaryMetric"]; e=r["scoreError"]; print("%.0f %.0f" % (r["score"], e if isinstance(e, float) and e == e else 0))' \
        "$raw/$label-$method-t$t.json"
}

{
    echo "# glide-jni: one server vs. a cluster of 3 primaries"
    echo
    echo "\`benchmarks/cluster/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), git $(git -C "$repo" rev-parse --short HEAD)."
    echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(redis-server --version | cut -d' ' -f3),"
    echo "JMH ${JMH[*]}; every server and the client share this machine."
    echo
    echo "| workload | in flight | one server (ops/s) | cluster, 3 primaries (ops/s) | cluster / one |"
    echo "|---|---:|---:|---:|---:|"
} >"$out.tmp"
for method in w1Mixed w3Mget100; do
    for t in $THREADS; do
        log "$method, $t in flight"
        read -r one one_err < <(run single "$method" "$t" "-Dbench.port=$single")
        read -r many many_err < <(run cluster "$method" "$t" "-Dbench.cluster=true -Dbench.port=${cluster[0]}")
        ratio=$(python3 -c "print('%.2f' % ($many / $one))")
        echo "| $method | $t | $one ± $one_err | $many ± $many_err | $ratio |" >>"$out.tmp"
    done
done
# What the servers themselves allow: a minimal C client (rpp.c: the same mix, one request in
# flight, spinning on poll as glide-jni's waiting thread does) on both, alternately, three times.
# Its cluster / one ratio is this host's floor for W1 at 1 in flight.
if gcc -O2 -o "$work/rpp" "$here/rpp.c"; then
    ordered=$(redis-cli -p "${cluster[0]}" --json cluster slots | python3 -c 'import json,sys; print(" ".join(str(r[2][1]) for r in sorted(json.load(sys.stdin))))')
    floors=()
    for _ in 1 2 3; do
        one=$("$work/rpp" 2 5 "$single" | awk '{print $5}')
        many=$("$work/rpp" 2 5 $ordered | awk '{print $5}')
        floors+=("$(python3 -c "print('%.2f' % ($many / $one))")")
    done
    {
        echo
        echo "A minimal C client (\`benchmarks/cluster/rpp.c\`: W1's mix, 1 in flight, spinning on \`poll\`), the same"
        echo "servers, 3 x 5 s each way: cluster / one server ${floors[*]}. That is what the servers allow on this"
        echo "host; glide-jni's W1 ratio at 1 in flight compares with it."
    } >>"$out.tmp"
else
    log "no C compiler: the minimal client's floor is left out"
fi
mv "$out.tmp" "$out"
cat "$out"
