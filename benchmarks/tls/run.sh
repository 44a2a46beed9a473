#!/usr/bin/env bash
# TLS benchmarks: glide-jni, valkey-glide, Lettuce and Jedis over TLS against one TLS-only
# redis-server, plus glide-jni in plaintext against a plaintext redis-server as the baseline.
# W1 (80/20 GET/SET of 100 B) and W2 (GET of 16 KiB and of 512 KiB) at 1, 10 and 100 in flight.
# The runs are interleaved: for each concurrency and workload, every client in turn; the whole
# pass is repeated (BENCH_REPS, default 2), each repetition in the opposite client order.
#
#   bash benchmarks/tls/run.sh                 # full run (~55 min on 2 cores) -> benchmarks/results/tls/
#   BENCH_QUICK=1 bash benchmarks/tls/run.sh   # smoke                         -> benchmarks/target/tls-quick/
#
# Knobs (environment):
#   BENCH_CLIENTS        over TLS, subset of "glide-jni valkey-glide lettuce jedis" (default all)
#   BENCH_PLAIN_CLIENTS  in plaintext, as the baseline (default "glide-jni"; "" for none)
#   BENCH_THREADS        default "1 10 100" (quick: "1 10")
#   BENCH_METHODS        default "w1Mixed w2Get16k w2Get512k"
#   BENCH_MODES          default "thrpt sample" (throughput with -prof gc and the CPU profiler;
#                        SampleTime for the percentiles)
#   BENCH_REPS           repetitions of the whole pass (default 2)
#   BENCH_FORKS, BENCH_WARMUP_ITERS, BENCH_WARMUP_TIME, BENCH_ITERS, BENCH_ITER_TIME
#                        JMH -f/-wi/-w/-i/-r (full: 1, 2, 2s, 3, 3s as benchmarks/run.sh;
#                        quick: 1, 1, 1s, 1, 2s)
#   BENCH_JVM_ARGS       JVM options of the benchmark forks (default "-Xms2g -Xmx2g")
#   BENCH_OUT            output directory (default as above)
#   BENCH_SKIP_BUILD=1   reuse the jars in benchmarks/*/target/benchmarks.jar
#   BENCH_SKIP_REDIS_BENCHMARK=1  no redis-benchmark runs (what TLS costs the server itself)
#   BENCH_RB_SECONDS     length of each redis-benchmark run (full 4, quick 1)
#   KEEP_SERVER=1        leave the servers and the certificates after the run (prints where)
#   REDIS_SERVER         redis-server binary (default redis-server; needs TLS support)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench=$(cd "$here/.." && pwd)
repo=$(cd "$bench/.." && pwd)
cd "$repo"

log() { printf '[tls/run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

QUICK=${BENCH_QUICK:-0}
ALL_CLIENTS="glide-jni valkey-glide lettuce jedis"
CLIENTS=${BENCH_CLIENTS:-$ALL_CLIENTS}
PLAIN_CLIENTS=${BENCH_PLAIN_CLIENTS-glide-jni}
METHODS=${BENCH_METHODS:-"w1Mixed w2Get16k w2Get512k"}
MODES=${BENCH_MODES:-"thrpt sample"}
REPS=${BENCH_REPS:-2}
if [ "$QUICK" = 1 ]; then
    THREADS=${BENCH_THREADS:-"1 10"}
    FORKS=${BENCH_FORKS:-1}; WI=${BENCH_WARMUP_ITERS:-1}; W=${BENCH_WARMUP_TIME:-1s}
    I=${BENCH_ITERS:-1}; R=${BENCH_ITER_TIME:-2s}
    RB_SECONDS=${BENCH_RB_SECONDS:-1}
    OUT=${BENCH_OUT:-$bench/target/tls-quick}
else
    THREADS=${BENCH_THREADS:-"1 10 100"}
    FORKS=${BENCH_FORKS:-1}; WI=${BENCH_WARMUP_ITERS:-2}; W=${BENCH_WARMUP_TIME:-2s}
    I=${BENCH_ITERS:-3}; R=${BENCH_ITER_TIME:-3s}
    RB_SECONDS=${BENCH_RB_SECONDS:-4}
    OUT=${BENCH_OUT:-$bench/results/tls}
fi
JVM_ARGS=${BENCH_JVM_ARGS:-"-Xms2g -Xmx2g"}
REDIS_SERVER=${REDIS_SERVER:-redis-server}
TARGET="$bench/target"
LOGS="$TARGET/tls-logs"
RAW="$OUT/raw"
HOST=127.0.0.1

declare -A BENCH_CLASS=(
    [glide-jni]=GlideJniBench [valkey-glide]=ValkeyGlideBench
    [lettuce]=LettuceBench [jedis]=JedisBench)
for c in $CLIENTS $PLAIN_CLIENTS; do
    [ -n "${BENCH_CLASS[$c]:-}" ] || die "unknown client '$c' (known: $ALL_CLIENTS)"
done
# the variants, in the order of the first repetition: "client-tls" / "client-plain"
VARIANTS=()
for c in $CLIENTS; do VARIANTS+=("$c-tls"); done
for c in $PLAIN_CLIENTS; do VARIANTS+=("$c-plain"); done
[ ${#VARIANTS[@]} -gt 0 ] || die "no client to run"

# ---------------------------------------------------------------------------------------------
# 1. tools and jars
# ---------------------------------------------------------------------------------------------
bash "$repo/scripts/ensure-deps.sh" >&2
command -v openssl >/dev/null || die "openssl not found (apt-get install openssl)"
VENV="$TARGET/venv"
if ! "$VENV/bin/python" -c 'import matplotlib' >/dev/null 2>&1; then
    log "creating $VENV with matplotlib (PyPI)"
    mkdir -p "$TARGET"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check matplotlib
fi
PY="$VENV/bin/python"

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
for v in "${VARIANTS[@]}"; do
    c=${v%-*}
    [ -f "$bench/$c/target/benchmarks.jar" ] || die "missing $bench/$c/target/benchmarks.jar"
done
ANY_JAR="$bench/${VARIANTS[0]%-*}/target/benchmarks.jar"

# ---------------------------------------------------------------------------------------------
# 2. certificates, a TLS-only server and a plaintext one, both pre-filled
# ---------------------------------------------------------------------------------------------
source "$bench/lib/two-servers.sh"

# ---------------------------------------------------------------------------------------------
# 3. machine info
# ---------------------------------------------------------------------------------------------
mkdir -p "$RAW"
pomprop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$bench/pom.xml" | head -1; }
client_version() {
    case $1 in
        glide-jni)
            local jar="$m2/io/glidejni/glide-jni/0.1.0-SNAPSHOT/glide-jni-0.1.0-SNAPSHOT.jar"
            printf '0.1.0-SNAPSHOT, jar of %s (git %s%s)' \
                "$(date -u -r "$jar" '+%Y-%m-%d %H:%M UTC')" \
                "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')" \
                "$(git -C "$repo" diff --quiet HEAD -- rust java 2>/dev/null || echo ', with local changes')" ;;
        *) pomprop "$1.version" ;;
    esac
}
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "mode: $([ "$QUICK" = 1 ] && echo 'quick smoke (BENCH_QUICK=1)' || echo full), $REPS repetitions in alternating client order"
    machine_lines
    for c in $ALL_CLIENTS; do echo "$c: $(client_version "$c")"; done
    echo "jmh: $(pomprop jmh.version) -f $FORKS -wi $WI -w $W -i $I -r $R; fork JVM args: $JVM_ARGS"
    echo "concurrency: $THREADS"
    echo "variants: ${VARIANTS[*]}"
} >"$RAW/machine.txt"
cat "$RAW/machine.txt" >&2

# ---------------------------------------------------------------------------------------------
# 4. JMH: per repetition, concurrency and workload, every variant in turn
# ---------------------------------------------------------------------------------------------
secs() { local v=$1; v=${v%s}; echo "$v"; }
per_run=$(( FORKS * (WI * $(secs "$W") + I * $(secs "$R")) ))
run_timeout=$(( per_run * 3 + 120 ))
n_modes=$(wc -w <<<"$MODES")
total=$(( REPS * ${#VARIANTS[@]} * $(wc -w <<<"$THREADS") * $(wc -w <<<"$METHODS") * n_modes ))
log "JMH: $total runs of ~$((per_run + 4)) s each (~$(( total * (per_run + 4) / 60 )) min)"
count=0
for rep in $(seq "$REPS"); do
    order=("${VARIANTS[@]}")
    if [ $((rep % 2)) = 0 ]; then  # even repetitions run the clients in the opposite order
        order=(); for ((k = ${#VARIANTS[@]} - 1; k >= 0; k--)); do order+=("${VARIANTS[k]}"); done
    fi
    log "repetition $rep: ${order[*]}"
    for t in $THREADS; do
        for method in $METHODS; do
            for v in "${order[@]}"; do
                client=${v%-*}; kind=${v##*-}
                jar="$bench/$client/target/benchmarks.jar"
                cls=${BENCH_CLASS[$client]}
                if [ "$kind" = tls ]; then
                    props="-Dbench.host=$HOST -Dbench.port=$TLS_PORT -Dbench.tls=true -Dbench.tls.ca=$CA -Dbench.server.pid=$TLS_PID"
                else
                    props="-Dbench.host=$HOST -Dbench.port=$PLAIN_PORT -Dbench.server.pid=$PLAIN_PID"
                fi
                dir="$RAW/rep$rep/$v"; ldir="$LOGS/rep$rep/$v"
                mkdir -p "$dir" "$ldir"
                for mode in $MODES; do
                    count=$((count + 1))
                    name="t$t-$method-$mode"
                    if [ "$mode" = thrpt ]; then
                        extra=(-bm thrpt -tu s -prof gc -prof io.glidejni.bench.CpuProfiler)
                    else
                        extra=(-bm sample -tu us)
                    fi
                    log "[$count/$total] rep $rep $v $name"
                    rm -f "$dir/$name.json" "$dir/$name.failed"
                    cmd=(java -jar "$jar" "io\.glidejni\.bench\.$cls\.$method\$"
                        -f "$FORKS" -wi "$WI" -w "$W" -i "$I" -r "$R" -t "$t" "${extra[@]}"
                        -jvmArgs "$JVM_ARGS $props" -rf json -rff "$dir/$name.json")
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

# ---------------------------------------------------------------------------------------------
# 5. redis-benchmark on both servers: what TLS costs the server itself
# ---------------------------------------------------------------------------------------------
ceiling=()
if [ "${BENCH_SKIP_REDIS_BENCHMARK:-0}" != 1 ]; then
    # shellcheck source=../lib/redis-benchmark.sh
    source "$bench/lib/redis-benchmark.sh"
    for t in $THREADS; do
        RB_NAME=plain RB_PORT=$PLAIN_PORT RB_DIR="$RAW/ceiling-plain/redis-benchmark" RB_CONNECT=()
        rb_w1_w2 "$t"
        RB_NAME=tls RB_PORT=$TLS_PORT RB_DIR="$RAW/ceiling-tls/redis-benchmark" RB_CONNECT=(--tls --cacert "$CA")
        rb_w1_w2 "$t"
    done
    ceiling=(--tls-ceiling "$RAW/ceiling-plain" "$RAW/ceiling-tls")
fi
[ "$(cli_tls dbsize)" = "$expected" ] || log "WARNING: the key count changed during the run (TLS server)"
[ "$(cli_plain dbsize)" = "$expected" ] || log "WARNING: the key count changed during the run (plaintext server)"

# ---------------------------------------------------------------------------------------------
# 6. report
# ---------------------------------------------------------------------------------------------
raw_args=(); for rep in $(seq "$REPS"); do raw_args+=(--raw "$RAW/rep$rep" --logs "$LOGS/rep$rep"); done
"$PY" "$bench/report.py" "${raw_args[@]}" --out "$OUT" --machine "$RAW/machine.txt" \
    --no-redis-benchmark ${ceiling[@]+"${ceiling[@]}"} --title "TLS benchmark results" --chart-note " over TLS" \
    --intro "Generated by \`benchmarks/tls/run.sh\` (see [../../README.md](../../README.md), \"TLS\"). Every client connects over TLS to one TLS-only redis-server (\"TLS\"), except the plaintext baseline, which connects to a plaintext redis-server on the same machine (\"plaintext\"). Raw JMH JSON: [raw/](raw/)." \
    --note "Each client trusts only the test CA and verifies the server's certificate and host name: glide-jni and valkey-glide with \`useTLS(true)\` + \`TlsAdvancedConfiguration.rootCertificates\`, Lettuce with \`RedisURI.withSsl(true)\` + \`SslOptions.trustManager\` (JDK provider), Jedis with \`ssl(true)\` + an \`SSLSocketFactory\` from the CA and HTTPS endpoint identification." \
    --note "The runs are interleaved (for each concurrency and workload, every client in turn) and the whole pass is repeated in the opposite client order, so that drift of the shared 2-CPU machine spreads over all clients."
log "done: $OUT/results.md and $OUT/ops_vs_concurrency.png"
