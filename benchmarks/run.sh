#!/usr/bin/env bash
# Benchmarks glide-jni against valkey-glide, Lettuce and Jedis on one local redis-server, in five
# modes, and writes ONE report (results.md + a PNG chart, benchmarks/report.py) of all of them:
#   blocking         JMH: T threads share one client, each blocks in get() (T = 1, 10, 100), plus
#                    redis-benchmark's numbers as the server's ceiling;
#   callbacks        N chains, each request's completion callback issues the next (N = 1, 16, 128,
#                    512; not Jedis, which has no async API): benchmarks/callbacks/run.sh;
#   virtual-threads  N virtual threads blocking in get() (N = 100, 1000) on 1 and 2 carriers; Jedis's
#                    share a JedisPool of N: benchmarks/callbacks/run.sh (needs a Java 21+);
#   fan-out          T threads each start B requests at once and join them all (not Jedis);
#   semaphore        T threads each keep B requests in flight with a Semaphore of B permits that
#                    each request's callback gives back (not Jedis).
# In every mode the clients are interleaved (for each point, every client in turn) and the whole
# pass is repeated, even repetitions in the opposite client order, so that a disturbance of this
# noisy machine shows as spread between repetitions rather than as a ranking.
#
#   bash benchmarks/run.sh                  # full run (~75-85 min on 2 cores) -> benchmarks/results/
#   BENCH_QUICK=1 bash benchmarks/run.sh    # smoke (~15 min)                  -> benchmarks/target/quick-results/
#
# Knobs (environment):
#   BENCH_MODES          subset of "blocking callbacks virtual-threads fan-out semaphore" (default all); a mode
#                        left out keeps its existing results in the report
#   BENCH_REPS           repetitions of every mode's pass, in alternating client order (default 2;
#                        1: the blocking mode writes raw/<client>/ as before, not raw/rep<N>/<client>/)
#   BENCH_QUICK=1        1 fork, 1x1 s warmup, 1x1 s measurement, concurrency 1 and 10, short
#                        redis-benchmark runs; callbacks N=16, virtual threads N=100 on 2 carriers,
#                        1 s + 1 s; results go to benchmarks/target/quick-results/
#   BENCH_CLIENTS        subset of "glide-jni valkey-glide lettuce jedis"; in the blocking mode a
#                        subset reruns those clients into the existing results (the others are
#                        kept); the other modes take the same subset (Jedis in virtual threads only)
#   BENCH_SKIP_REDIS_BENCHMARK=1  keep the existing redis-benchmark results
#   BENCH_THREADS        blocking mode: concurrency levels (JMH -t and redis-benchmark -c), default "1 10 100"
#   BENCH_METHODS        subset of "w1Mixed w2Get16k w2Get512k w3Mget100"; the batch workloads
#                        "w4Pipeline100 w4Transaction100" exist for glide-jni and valkey-glide only
#   BENCH_FORKS, BENCH_WARMUP_ITERS, BENCH_WARMUP_TIME, BENCH_ITERS, BENCH_ITER_TIME
#                        JMH -f/-wi/-w/-i/-r (full defaults: 1, 2, 2s, 3, 3s)
#   BENCH_JVM_ARGS       JVM options of the benchmark forks (default "-Xms2g -Xmx2g")
#   BENCH_RB_SECONDS     length of each redis-benchmark run (full 6, quick 1)
#   BENCH_OUT            output directory (default as above)
#   BENCH_SKIP_BUILD=1   reuse the jars in benchmarks/*/target/benchmarks.jar
#   REDIS_SERVER         redis-server binary (default redis-server)
# The callbacks and virtual-thread modes take benchmarks/callbacks/run.sh's CALLBACKS_* knobs
# (CALLBACKS_N, CALLBACKS_VT_N, CALLBACKS_VT_PARALLELISM, CALLBACKS_WORKLOADS, CALLBACKS_VT_JAVA,
# CALLBACKS_WARMUP, CALLBACKS_MEASURE, ...), and CALLBACKS_TRANSPORTS (default here "plain"; "plain
# tls" adds TLS rows); their raw results go to $BENCH_OUT/callbacks/raw/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
cd "$repo"

log() { printf '[run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

QUICK=${BENCH_QUICK:-0}
ALL_CLIENTS="glide-jni valkey-glide lettuce jedis"
CLIENTS=${BENCH_CLIENTS:-$ALL_CLIENTS}
MODES=${BENCH_MODES:-"blocking callbacks virtual-threads fan-out semaphore"}
REPS=${BENCH_REPS:-2}
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
has_mode() { case " $MODES " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
for m in $MODES; do
    case $m in blocking | callbacks | virtual-threads | fan-out | semaphore) ;; *) die "unknown mode '$m' (blocking callbacks virtual-threads fan-out semaphore)" ;; esac
done
[[ "$REPS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPS must be a positive number"
# the callbacks and virtual-thread modes: benchmarks/callbacks/run.sh with these clients
CB_CLIENTS=""
for c in $CLIENTS; do if [ "$c" != jedis ]; then CB_CLIENTS+="$c "; fi; done
CB_MODES=""
if has_mode callbacks && [ -n "$CB_CLIENTS" ]; then CB_MODES+="callbacks "; fi  # Jedis alone: none
if has_mode virtual-threads; then CB_MODES+="virtual-threads "; fi
if has_mode fan-out && [ -n "$CB_CLIENTS" ]; then CB_MODES+="fan-out "; fi
if has_mode semaphore && [ -n "$CB_CLIENTS" ]; then CB_MODES+="semaphore "; fi
CB_CLIENTS=${CB_CLIENTS% }; CB_MODES=${CB_MODES% }
if has_mode virtual-threads && [ -z "${CALLBACKS_VT_JAVA:-}" ] \
        && ! ls -d /usr/lib/jvm/temurin-*/bin/java >/dev/null 2>&1; then
    # before the hour of the blocking mode, not after it
    die "the virtual-threads mode needs a Java 21+: set CALLBACKS_VT_JAVA, or leave the mode out of BENCH_MODES"
fi

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

BENCH_DIR=$here
# shellcheck source=lib/venv.sh
source "$here/lib/venv.sh"

# ---------------------------------------------------------------------------------------------
# 2. install glide-jni from this tree and build the benchmark jars
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
# 3. the blocking mode: one redis-server, persistence off, on a free loopback port
# ---------------------------------------------------------------------------------------------
HOST=127.0.0.1
SRV_PID=""
SRVDIR=""
stop_server() {
    [ -n "$SRV_PID" ] || return 0
    kill "$SRV_PID" 2>/dev/null || true
    wait "$SRV_PID" 2>/dev/null || true
    rm -rf "$SRVDIR"
    SRV_PID=""
}
trap stop_server EXIT
start_server() {
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    SRVDIR=$(mktemp -d)
    mkdir -p "$LOGS"
    "$REDIS_SERVER" --port "$PORT" --bind "$HOST" --save "" --appendonly no --dir "$SRVDIR" \
        --daemonize no --loglevel warning >"$LOGS/redis-server.log" 2>&1 &
    SRV_PID=$!
    for _ in $(seq 100); do
        redis-cli -h "$HOST" -p "$PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -h "$HOST" -p "$PORT" ping >/dev/null 2>&1 || die "redis-server did not start (see $LOGS/redis-server.log)"
    log "redis-server $("$REDIS_SERVER" --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on $HOST:$PORT (pid $SRV_PID)"

    # pre-fill once (the same SETs as bench-common's Prefill, through redis-cli --pipe)
    java -cp "$ANY_JAR" io.glidejni.bench.Prefill 2>/dev/null | redis-cli -h "$HOST" -p "$PORT" --pipe >"$LOGS/prefill.log"
    keys=$(redis-cli -h "$HOST" -p "$PORT" dbsize)
    expected=$(java -cp "$ANY_JAR" io.glidejni.bench.Prefill --count)  # W1 8,000 + W2 2 + W3 100
    [ "$keys" = "$expected" ] || die "pre-fill wrote $keys keys, expected $expected (see $LOGS/prefill.log)"
    log "pre-filled $keys keys"
}

# ---------------------------------------------------------------------------------------------
# 4. the blocking mode: machine info, and where the raw results go
# ---------------------------------------------------------------------------------------------
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
# raw/<client>/ with one repetition (the layout before BENCH_REPS), raw/rep<N>/<client>/ with more;
# machine.txt and redis-benchmark/ stay at the top
rep_dir() { if [ "$REPS" = 1 ]; then echo "$1"; else echo "$1/rep$2"; fi; }
machine_info() {
    mkdir -p "$RAW"
    PARTIAL=0
    [ "$CLIENTS" = "$ALL_CLIENTS" ] && [ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" != 1 ] || PARTIAL=1
    if [ $PARTIAL = 1 ] && [ -f "$RAW/machine.txt" ]; then
        # a rerun of some clients into an existing result set: keep the rest, say what was redone
        if { [ "$REPS" = 1 ] && [ -d "$RAW/rep1" ]; } || { [ "$REPS" != 1 ] && [ ! -d "$RAW/rep1" ] && [ -d "$RAW/glide-jni" ]; }; then
            die "the results in $RAW have another number of repetitions: rerun every client, or set BENCH_REPS to theirs"
        fi
        for c in $CLIENTS; do
            sed -i "/^$c: /d" "$RAW/machine.txt"
            echo "$c: $(client_version "$c")" >>"$RAW/machine.txt"
        done
        echo "rerun: $(date -u '+%Y-%m-%d %H:%M UTC'): $CLIENTS at concurrency $THREADS, $REPS repetition(s)$([ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" = 1 ] && echo ', redis-benchmark kept')" >>"$RAW/machine.txt"
    else
        # a full run replaces the blocking mode's results (not the other benchmarks' under raw/)
        for c in $ALL_CLIENTS; do rm -rf "${RAW:?}/$c"; done
        rm -rf "$RAW"/rep[0-9]*
        {
            echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
            echo "mode: $([ "$QUICK" = 1 ] && echo 'quick smoke (BENCH_QUICK=1)' || echo full), $REPS repetition(s) in alternating client order"
            echo "nproc: $(nproc)"
            echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
            echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
            echo "kernel: $(uname -sr)"
            echo "jdk: $(java -version 2>&1 | sed -n 2p)"
            echo "redis: $("$REDIS_SERVER" --version)"
            echo "redis-benchmark: $(redis-benchmark --version 2>/dev/null || echo unknown)"
            for c in $ALL_CLIENTS; do echo "$c: $(client_version "$c")"; done
            echo "jmh: $(pomprop jmh.version) -f $FORKS -wi $WI -w $W -i $I -r $R; fork JVM args: $JVM_ARGS; throughput runs with -prof gc -prof io.glidejni.bench.CpuProfiler"
            echo "redis-benchmark runs: ~${RB_SECONDS} s each (request count calibrated by a 2,000-request run)"
            echo "concurrency: $THREADS"
        } >"$RAW/machine.txt"
    fi
    cat "$RAW/machine.txt" >&2
}

# ---------------------------------------------------------------------------------------------
# 5. the blocking mode, JMH: per repetition, concurrency and workload, every client in turn
#    (throughput with the gc and CPU profilers, then SampleTime)
# ---------------------------------------------------------------------------------------------
secs() { local v=$1; v=${v%s}; echo "$v"; }
run_jmh() {
    local per_run run_timeout count total rep t method client order jar cls mode name extra rc dir ldir
    per_run=$(( FORKS * (WI * $(secs "$W") + I * $(secs "$R")) ))
    run_timeout=$(( per_run * 3 + 120 ))
    count=0
    total=$(( REPS * $(wc -w <<<"$CLIENTS") * $(wc -w <<<"$THREADS") * $(wc -w <<<"$METHODS") * 2 ))
    log "JMH: $total runs of ~$((per_run + 3)) s each (~$(( total * (per_run + 3) / 60 + 1 )) min)"
    for rep in $(seq "$REPS"); do
        # odd repetitions in BENCH_CLIENTS's order, even ones in the opposite order
        order=$(if [ $((rep % 2)) = 0 ]; then printf '%s\n' $CLIENTS | tac; else printf '%s\n' $CLIENTS; fi)
        log "repetition $rep of $REPS: $(echo $order)"
        for t in $THREADS; do
            for method in $METHODS; do
                for client in $order; do
                    jar="$here/$client/target/benchmarks.jar"
                    cls=${BENCH_CLASS[$client]}
                    dir="$(rep_dir "$RAW" "$rep")/$client"; ldir="$(rep_dir "$LOGS" "$rep")/$client"
                    mkdir -p "$dir" "$ldir"
                    for mode in thrpt sample; do
                        count=$((count + 1))
                        name="t$t-$method-$mode"
                        if [ "$mode" = thrpt ]; then
                            extra=(-bm thrpt -tu s -prof gc -prof io.glidejni.bench.CpuProfiler)
                        else
                            extra=(-bm sample -tu us)
                        fi
                        log "[$count/$total] rep $rep $client $name"
                        rm -f "$dir/$name.json" "$dir/$name.failed"
                        cmd=(java -jar "$jar" "io\.glidejni\.bench\.$cls\.$method\$"
                            -f "$FORKS" -wi "$WI" -w "$W" -i "$I" -r "$R" -t "$t" "${extra[@]}"
                            -jvmArgs "$JVM_ARGS -Dbench.host=$HOST -Dbench.port=$PORT -Dbench.server.pid=$SRV_PID"
                            -rf json -rff "$dir/$name.json")
                        echo "${cmd[*]}" >"$ldir/$name.log"
                        rc=0
                        timeout --kill-after=10 "$run_timeout" "${cmd[@]}" >>"$ldir/$name.log" 2>&1 </dev/null || rc=$?
                        if [ $rc -ne 0 ] || ! grep -q '"primaryMetric"' "$dir/$name.json" 2>/dev/null; then
                            log "   FAILED (exit $rc; see $ldir/$name.log)"
                            echo "exit $rc" >"$dir/$name.failed"
                            grep -m1 -E 'Exception|Error' "$ldir/$name.log" >>"$dir/$name.failed" || true
                        fi
                    done
                done
            done
        done
    done
}

# ---------------------------------------------------------------------------------------------
# 6. the blocking mode, redis-benchmark: the server's ceiling at the same concurrency, keys and sizes
# ---------------------------------------------------------------------------------------------
run_redis_benchmark() {
    local t w3keys
    [ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" = 1 ] && { log "BENCH_SKIP_REDIS_BENCHMARK=1: keeping the redis-benchmark results"; return 0; }
    w3keys=$(for i in $(seq 0 99); do printf 'w3:%012d ' "$i"; done)
    # shellcheck source=lib/redis-benchmark.sh
    source "$here/lib/redis-benchmark.sh"
    RB_PORT=$PORT; RB_DIR="$RAW/redis-benchmark"; RB_CONNECT=()
    mkdir -p "$RAW/redis-benchmark"
    for t in $THREADS; do
        rb_w1_w2 "$t"
        # shellcheck disable=SC2086
        rb w3mget100 "$t" MGET $w3keys
    done
}

if has_mode blocking; then
    start_server
    machine_info
    run_jmh
    run_redis_benchmark
    [ "$(redis-cli -h "$HOST" -p "$PORT" dbsize)" = "$expected" ] || log "WARNING: the key count changed during the run"
    stop_server
else
    log "BENCH_MODES=\"$MODES\": the blocking mode is not run (its results in $RAW, if any, stay in the report)"
fi

# ---------------------------------------------------------------------------------------------
# 7. the callbacks and virtual-thread modes: benchmarks/callbacks/run.sh (its own two servers,
#    plaintext and TLS; plaintext runs only unless CALLBACKS_TRANSPORTS says otherwise)
# ---------------------------------------------------------------------------------------------
MODES_OUT="$OUT/callbacks"
cb_rc=0
if [ -n "$CB_MODES" ]; then
    log "callbacks/run.sh: modes $CB_MODES, clients $CB_CLIENTS(virtual threads: $CLIENTS)"
    CALLBACKS_MODES=$CB_MODES \
    CALLBACKS_CLIENTS=${CALLBACKS_CLIENTS:-$CB_CLIENTS} \
    CALLBACKS_VT_CLIENTS=${CALLBACKS_VT_CLIENTS:-$CLIENTS} \
    CALLBACKS_TRANSPORTS=${CALLBACKS_TRANSPORTS:-plain} \
    CALLBACKS_REPS=${CALLBACKS_REPS:-$REPS} \
    CALLBACKS_QUICK=$QUICK \
    CALLBACKS_JVM_ARGS=${CALLBACKS_JVM_ARGS:-$JVM_ARGS} \
    CALLBACKS_OUT=$MODES_OUT \
    CALLBACKS_SKIP_BUILD=1 \
    CALLBACKS_BUILT_BY=$([ "${BENCH_SKIP_BUILD:-0}" = 1 ] || echo benchmarks/run.sh) \
    CALLBACKS_REPORT=0 \
    REDIS_SERVER=$REDIS_SERVER \
        bash "$here/callbacks/run.sh" || cb_rc=$?
    [ $cb_rc = 0 ] || log "WARNING: callbacks/run.sh exited $cb_rc (failed runs are in the report's Failures)"
else
    log "BENCH_MODES=\"$MODES\", BENCH_CLIENTS=\"$CLIENTS\": no callbacks or virtual-thread runs (the results in $MODES_OUT/raw, if any, stay in the report)"
fi

# ---------------------------------------------------------------------------------------------
# 8. the report: every mode's results found under $OUT, also those of modes and clients this run
#    did not redo
# ---------------------------------------------------------------------------------------------
report_args=(--out "$OUT")
if [ -f "$RAW/machine.txt" ]; then report_args+=(--raw "$RAW" --logs "$LOGS"); fi
if [ -f "$MODES_OUT/raw/results.jsonl" ] || [ -f "$MODES_OUT/raw/failures.jsonl" ]; then
    report_args+=(--modes-raw "$MODES_OUT/raw")
fi
[ ${#report_args[@]} -gt 2 ] || die "no results to report in $OUT"
"$PY" "$here/report.py" "${report_args[@]}"
log "done: $OUT/results.md and $OUT/ops_vs_concurrency.png"
[ $cb_rc = 0 ]
