#!/usr/bin/env bash
# Benchmarks glide-jni against valkey-glide, Lettuce and Jedis on one local redis-server, adds
# redis-benchmark's numbers as the server's ceiling, and writes results.md + a PNG chart.
#
#   bash benchmarks/run.sh                  # full run (~30-40 min on 2 cores) -> benchmarks/results/
#   BENCH_QUICK=1 bash benchmarks/run.sh    # smoke (~5 min)                   -> benchmarks/target/quick-results/
#
# Knobs (environment):
#   BENCH_QUICK=1        1 fork, 1x1 s warmup, 1x1 s measurement, concurrency 1 and 10, short
#                        redis-benchmark runs; results go to benchmarks/target/quick-results/
#   BENCH_CLIENTS        subset of "glide-jni valkey-glide lettuce jedis"; a subset reruns
#                        those clients into the existing results (the others are kept)
#   BENCH_SKIP_REDIS_BENCHMARK=1  keep the existing redis-benchmark results
#   BENCH_THREADS        concurrency levels (JMH -t and redis-benchmark -c), default "1 10 100"
#   BENCH_METHODS        subset of "w1Mixed w2Get16k w2Get512k w3Mget100"; the batch workloads
#                        "w4Pipeline100 w4Transaction100" exist for glide-jni and valkey-glide only
#   BENCH_FORKS, BENCH_WARMUP_ITERS, BENCH_WARMUP_TIME, BENCH_ITERS, BENCH_ITER_TIME
#                        JMH -f/-wi/-w/-i/-r (full defaults: 1, 2, 2s, 3, 3s)
#   BENCH_JVM_ARGS       JVM options of the benchmark forks (default "-Xms2g -Xmx2g")
#   BENCH_RB_SECONDS     length of each redis-benchmark run (full 6, quick 1)
#   BENCH_OUT            output directory (default as above)
#   BENCH_SKIP_BUILD=1   reuse the jars in benchmarks/*/target/benchmarks.jar
#   REDIS_SERVER         redis-server binary (default redis-server)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

QUICK=${BENCH_QUICK:-0}
ALL_CLIENTS="glide-jni valkey-glide lettuce jedis"
CLIENTS=${BENCH_CLIENTS:-$ALL_CLIENTS}
METHODS=${BENCH_METHODS:-"w1Mixed w2Get16k w2Get512k w3Mget100"}
if [ "$QUICK" = 1 ]; then
    THREADS=${BENCH_THREADS:-"1 10"}
    FORKS=${BENCH_FORKS:-1}; WI=${BENCH_WARMUP_ITERS:-1}; W=${BENCH_WARMUP_TIME:-1s}
    I=${BENCH_ITERS:-1}; R=${BENCH_ITER_TIME:-1s}
    RB_SECONDS=${BENCH_RB_SECONDS:-1}   # length of each redis-benchmark run
    OUT=${BENCH_OUT:-$here/target/quick-results}
else
    THREADS=${BENCH_THREADS:-"1 10 100"}
    FORKS=${BENCH_FORKS:-1}; WI=${BENCH_WARMUP_ITERS:-2}; W=${BENCH_WARMUP_TIME:-2s}
    I=${BENCH_ITERS:-3}; R=${BENCH_ITER_TIME:-3s}
    RB_SECONDS=${BENCH_RB_SECONDS:-6}
    OUT=${BENCH_OUT:-$here/results}
fi
JVM_ARGS=${BENCH_JVM_ARGS:-"-Xms2g -Xmx2g"}
REDIS_SERVER=${REDIS_SERVER:-redis-server}
TARGET="$here/target"
LOGS="$TARGET/bench-logs"
RAW="$OUT/raw"

declare -A BENCH_CLASS=(
    [glide-jni]=GlideJniBench [valkey-glide]=ValkeyGlideBench
    [lettuce]=LettuceBench [jedis]=JedisBench)
for c in $CLIENTS; do [ -n "${BENCH_CLASS[$c]:-}" ] || die "unknown client '$c' (known: $ALL_CLIENTS)"; done

# ---------------------------------------------------------------------------------------------
# 1. tools: install only what is missing
# ---------------------------------------------------------------------------------------------
apt_updated=0
apt_install() {
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    if [ $apt_updated = 0 ]; then $sudo apt-get update -qq; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
command -v java >/dev/null && command -v javac >/dev/null || { log "installing a JDK"; apt_install openjdk-17-jdk-headless; }
command -v mvn >/dev/null || { log "installing Maven"; apt_install maven; }
command -v "$REDIS_SERVER" >/dev/null || { log "installing redis-server"; apt_install redis-server; }
command -v redis-cli >/dev/null && command -v redis-benchmark >/dev/null \
    || { log "installing redis-tools (redis-cli, redis-benchmark)"; apt_install redis-tools; }
command -v python3 >/dev/null || { log "installing python3"; apt_install python3 python3-venv; }

VENV="$TARGET/venv"
if ! "$VENV/bin/python" -c 'import matplotlib' >/dev/null 2>&1; then
    log "creating $VENV with matplotlib (PyPI)"
    mkdir -p "$TARGET"
    rm -rf "$VENV"
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$VENV"; }
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check matplotlib
fi
PY="$VENV/bin/python"

# ---------------------------------------------------------------------------------------------
# 2. build the benchmark jars (glide-jni itself only when it is not in the local repository)
# ---------------------------------------------------------------------------------------------
m2=${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    log "BENCH_SKIP_BUILD=1: reusing the jars"
else
    # Always: the benchmark jars bundle whatever glide-jni is installed, and an installed jar
    # older than this tree would be measured under this tree's commit (incremental, so cheap).
    log "installing io.glidejni:glide-jni from this tree (java/client, with the Rust core)"
    mvn -B -ntp -q install -DskipTests -pl java/client -am
    log "building the benchmark jars"
    mvn -B -ntp -q -f benchmarks/pom.xml package -DskipTests
fi
for c in $CLIENTS; do
    [ -f "$here/$c/target/benchmarks.jar" ] || die "missing $here/$c/target/benchmarks.jar"
done
ANY_JAR="$here/$(set -- $CLIENTS; echo "$1")/target/benchmarks.jar"

# ---------------------------------------------------------------------------------------------
# 3. one redis-server, persistence off, on a free loopback port
# ---------------------------------------------------------------------------------------------
HOST=127.0.0.1
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SRVDIR=$(mktemp -d)
mkdir -p "$LOGS"
"$REDIS_SERVER" --port "$PORT" --bind "$HOST" --save "" --appendonly no --dir "$SRVDIR" \
    --daemonize no --loglevel warning >"$LOGS/redis-server.log" 2>&1 &
SRV_PID=$!
cleanup() {
    kill "$SRV_PID" 2>/dev/null || true
    wait "$SRV_PID" 2>/dev/null || true
    rm -rf "$SRVDIR"
}
trap cleanup EXIT
for _ in $(seq 100); do
    redis-cli -h "$HOST" -p "$PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -h "$HOST" -p "$PORT" ping >/dev/null 2>&1 || die "redis-server did not start (see $LOGS/redis-server.log)"
log "redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on $HOST:$PORT (pid $SRV_PID)"

# ---------------------------------------------------------------------------------------------
# 4. pre-fill once (the same SETs as bench-common's Prefill, through redis-cli --pipe)
# ---------------------------------------------------------------------------------------------
java -cp "$ANY_JAR" io.glidejni.bench.Prefill 2>/dev/null | redis-cli -h "$HOST" -p "$PORT" --pipe >"$LOGS/prefill.log"
keys=$(redis-cli -h "$HOST" -p "$PORT" dbsize)
expected=$(java -cp "$ANY_JAR" io.glidejni.bench.Prefill --count)  # W1 8,000 + W2 2 + W3 100
[ "$keys" = "$expected" ] || die "pre-fill wrote $keys keys, expected $expected (see $LOGS/prefill.log)"
log "pre-filled $keys keys"

# ---------------------------------------------------------------------------------------------
# 5. machine info
# ---------------------------------------------------------------------------------------------
mkdir -p "$RAW"
pomprop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$here/pom.xml" | head -1; }
glide_jni_line() {
    local jar="$m2/io/glidejni/glide-jni/0.1.0-SNAPSHOT/glide-jni-0.1.0-SNAPSHOT.jar"
    printf '0.1.0-SNAPSHOT, jar of %s (git %s%s)' \
        "$(date -u -r "$jar" '+%Y-%m-%d %H:%M UTC')" \
        "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')" \
        "$(git -C "$repo" diff --quiet HEAD -- rust java 2>/dev/null || echo ', with local changes')"
}
client_version() {
    case $1 in
        glide-jni) glide_jni_line ;;
        *) pomprop "$1.version" ;;
    esac
}
PARTIAL=0
[ "$CLIENTS" = "$ALL_CLIENTS" ] && [ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" != 1 ] || PARTIAL=1
if [ $PARTIAL = 1 ] && [ -f "$RAW/machine.txt" ]; then
    # a rerun of some clients into an existing result set: keep the rest, say what was redone
    for c in $CLIENTS; do
        sed -i "/^$c: /d" "$RAW/machine.txt"
        echo "$c: $(client_version "$c")" >>"$RAW/machine.txt"
    done
    echo "rerun: $(date -u '+%Y-%m-%d %H:%M UTC'): $CLIENTS at concurrency $THREADS$([ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" = 1 ] && echo ', redis-benchmark kept')" >>"$RAW/machine.txt"
else
    {
        echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo "mode: $([ "$QUICK" = 1 ] && echo 'quick smoke (BENCH_QUICK=1)' || echo full)"
        echo "nproc: $(nproc)"
        echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
        echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
        echo "kernel: $(uname -sr)"
        echo "jdk: $(java -version 2>&1 | sed -n 2p)"
        echo "redis: $("$REDIS_SERVER" --version)"
        echo "redis-benchmark: $(redis-benchmark --version 2>/dev/null || echo unknown)"
        for c in $ALL_CLIENTS; do echo "$c: $(client_version "$c")"; done
        echo "jmh: $(pomprop jmh.version) -f $FORKS -wi $WI -w $W -i $I -r $R; fork JVM args: $JVM_ARGS"
        echo "redis-benchmark runs: ~${RB_SECONDS} s each (request count calibrated by a 2,000-request run)"
        echo "concurrency: $THREADS"
    } >"$RAW/machine.txt"
fi
cat "$RAW/machine.txt" >&2

# ---------------------------------------------------------------------------------------------
# 6. JMH: per client, concurrency and workload, throughput (+gc profiler) then SampleTime
# ---------------------------------------------------------------------------------------------
secs() { local v=$1; v=${v%s}; echo "$v"; }
per_run=$(( FORKS * (WI * $(secs "$W") + I * $(secs "$R")) ))
run_timeout=$(( per_run * 3 + 120 ))
count=0
total=$(( $(wc -w <<<"$CLIENTS") * $(wc -w <<<"$THREADS") * $(wc -w <<<"$METHODS") * 2 ))
log "JMH: $total runs of ~$((per_run + 3)) s each"
for client in $CLIENTS; do
    jar="$here/$client/target/benchmarks.jar"
    cls=${BENCH_CLASS[$client]}
    mkdir -p "$RAW/$client" "$LOGS/$client"
    for t in $THREADS; do
        for method in $METHODS; do
            for mode in thrpt sample; do
                count=$((count + 1))
                name="t$t-$method-$mode"
                if [ "$mode" = thrpt ]; then extra=(-bm thrpt -tu s -prof gc); else extra=(-bm sample -tu us); fi
                log "[$count/$total] $client $name"
                rm -f "$RAW/$client/$name.json" "$RAW/$client/$name.failed"
                rc=0
                timeout --kill-after=10 "$run_timeout" \
                    java -jar "$jar" "io\.glidejni\.bench\.$cls\.$method\$" \
                    -f "$FORKS" -wi "$WI" -w "$W" -i "$I" -r "$R" -t "$t" "${extra[@]}" \
                    -jvmArgs "$JVM_ARGS -Dbench.host=$HOST -Dbench.port=$PORT" \
                    -rf json -rff "$RAW/$client/$name.json" \
                    >"$LOGS/$client/$name.log" 2>&1 </dev/null || rc=$?
                if [ $rc -ne 0 ] || ! grep -q '"primaryMetric"' "$RAW/$client/$name.json" 2>/dev/null; then
                    log "   FAILED (exit $rc; see $LOGS/$client/$name.log)"
                    echo "exit $rc" >"$RAW/$client/$name.failed"
                    grep -m1 -E 'Exception|Error' "$LOGS/$client/$name.log" >>"$RAW/$client/$name.failed" || true
                fi
            done
        done
    done
done

# ---------------------------------------------------------------------------------------------
# 7. redis-benchmark: the server's ceiling at the same concurrency, keys and sizes
# ---------------------------------------------------------------------------------------------
w3keys=$(for i in $(seq 0 99); do printf 'w3:%012d ' "$i"; done)
# shellcheck source=lib/redis-benchmark.sh
source "$here/lib/redis-benchmark.sh"
RB_PORT=$PORT; RB_DIR="$RAW/redis-benchmark"; RB_CONNECT=()
mkdir -p "$RAW/redis-benchmark"
[ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" = 1 ] && log "BENCH_SKIP_REDIS_BENCHMARK=1: keeping the redis-benchmark results"
for t in $([ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" = 1 ] || echo "$THREADS"); do
    rb_w1_w2 "$t"
    # shellcheck disable=SC2086
    rb w3mget100 "$t" MGET $w3keys
done
[ "$(redis-cli -h "$HOST" -p "$PORT" dbsize)" = "$expected" ] || log "WARNING: the key count changed during the run"

# ---------------------------------------------------------------------------------------------
# 8. report
# ---------------------------------------------------------------------------------------------
# (report.py reports every client, concurrency and workload found in $RAW, so that a rerun of
# one client keeps the others in the tables)
"$PY" "$here/report.py" --raw "$RAW" --out "$OUT" --logs "$LOGS"
log "done: $OUT/results.md and $OUT/ops_vs_concurrency.png"
