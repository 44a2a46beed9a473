#!/usr/bin/env bash
# The callbacks and virtual-thread modes of the benchmark suite (benchmarks/run.sh runs them after
# the blocking mode, plaintext only; this script alone runs them in plaintext and over TLS).
# Callbacks: glide-jni, valkey-glide and Lettuce, each driving N independent chains of requests
# from completion callbacks (whenComplete: every callback issues its chain's next request; no
# thread ever blocks in get()/join()); Jedis has no async API and is not in this mode. Virtual
# threads: N virtual threads each blocking in get(), the same clients and Jedis (over a pool). Fan-out:
# N platform threads, each starting B requests at once and waiting for them all (allOf().join()),
# the async clients only. Semaphore: N platform threads, each keeping B requests in flight with a
# Semaphore of B permits that each request's whenComplete gives back (the thread waits only for a
# permit, never for a reply), the async clients only.
# Against a plaintext and a TLS-only redis-server on this machine. W1 (80/20 GET/SET of 100 B over
# 10,000 keys), W2 GET of 16 KiB and of 512 KiB; N = 1, 16, 128, 512 chains.
#
# Each point (client, workload, N, transport) is one JVM: `java -cp <module>/target/benchmarks.jar
# io.glidejni.bench.CallbacksMain` (bench-common's CallbacksDriver): warm-up, measurement, one
# JSON line. For each workload, N and transport every client runs in turn; the whole pass is
# repeated (CALLBACKS_REPS, default 2), even repetitions in the opposite client order.
#
#   bash benchmarks/callbacks/run.sh                  # full (~35 min on 2 cores) -> benchmarks/results/callbacks/raw/
#   CALLBACKS_QUICK=1 bash benchmarks/callbacks/run.sh  # smoke (~3 min)        -> benchmarks/target/callbacks-quick/
#
# The report is the suite's one report (benchmarks/report.py): with the default output directory
# benchmarks/results/results.md and ops_vs_concurrency.png are rewritten from these results and the
# blocking mode's in benchmarks/results/raw/; with another, CALLBACKS_OUT/results.md of these alone.
#
# Knobs (environment):
#   CALLBACKS_QUICK=1        1 s warm-up + 1 s measurement, N=16 only, output under target/
#   CALLBACKS_CLIENTS        subset of "glide-jni valkey-glide lettuce" (default all three)
#   CALLBACKS_WORKLOADS      subset of "w1 w2-16k w2-512k" (default all)
#   CALLBACKS_N              chains (requests in flight), default "1 16 128 512" (quick: "16")
#   CALLBACKS_TRANSPORTS     subset of "plain tls" (default both)
#   CALLBACKS_APIS           subset of "binary text" (default binary): the API the callbacks and
#                            virtual-thread modes call, binary (GlideString, byte[]) or each client's
#                            String API (-Dbench.text=true, see BenchConfig.text)
#   CALLBACKS_WARMUP         seconds of warm-up per point (default 3; quick 1)
#   CALLBACKS_MEASURE        seconds of measurement per point (default 5; quick 1)
#   CALLBACKS_MODES          subset of "callbacks virtual-threads fan-out semaphore" (default all four)
#   CALLBACKS_VT_WORKLOADS   workloads in the virtual-thread mode (default w1)
#   CALLBACKS_VT_N           virtual threads, each blocking in get() (default "100 1000"; quick "100")
#   CALLBACKS_VT_PARALLELISM carrier threads for them (default "1 2"; quick "2")
#   CALLBACKS_VT_CLIENTS     clients in the virtual-thread mode (default CALLBACKS_CLIENTS plus jedis,
#                            whose virtual threads share a pool of N connections)
#   CALLBACKS_VT_JAVA        a java of 21 or later (default: the newest /usr/lib/jvm/temurin-*)
#   CALLBACKS_FANOUT_THREADS threads in the fan-out mode (default "1 4"; quick "1")
#   CALLBACKS_FANOUT_B       requests each of them starts at once (default "16 128"; quick "16")
#   CALLBACKS_FANOUT_WORKLOADS workloads in the fan-out mode (default w1); its clients are CALLBACKS_CLIENTS
#   CALLBACKS_SEMAPHORE_THREADS threads in the semaphore mode (default "1 4"; quick "1")
#   CALLBACKS_SEMAPHORE_B    permits of each thread's Semaphore, its requests in flight (default "16 128"; quick "16")
#   CALLBACKS_SEMAPHORE_WORKLOADS workloads in the semaphore mode (default w1); its clients are CALLBACKS_CLIENTS
#   CALLBACKS_REPS           repetitions of the whole pass (default 2)
#   CALLBACKS_JVM_ARGS       JVM options (default "-Xms2g -Xmx2g", as the JMH suite)
#   CALLBACKS_OUT            output directory (default as above)
#   CALLBACKS_SKIP_INSTALL=1 do not (re)install glide-jni from this tree into the local Maven
#                            repository; use the one there (~/.m2 is shared by every worktree)
#   CALLBACKS_SKIP_BUILD=1   reuse benchmarks/*/target/benchmarks.jar (implies SKIP_INSTALL)
#   CALLBACKS_BUILT_BY       with SKIP_BUILD: who installed glide-jni and built the jars just before
#                            (benchmarks/run.sh sets it), for machine.txt
#   CALLBACKS_REPORT=0       no report (benchmarks/run.sh writes it after all modes)
#   KEEP_SERVER=1            leave the servers and the certificates after the run
#   REDIS_SERVER             redis-server binary (default redis-server; needs TLS support)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bench=$(cd "$here/.." && pwd)
repo=$(cd "$bench/.." && pwd)
cd "$repo"

log() { printf '[callbacks/run.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

QUICK=${CALLBACKS_QUICK:-0}
ALL_CLIENTS="glide-jni valkey-glide lettuce"
CLIENTS=${CALLBACKS_CLIENTS:-$ALL_CLIENTS}
MODES=${CALLBACKS_MODES:-"callbacks virtual-threads fan-out semaphore"}
VT_CLIENTS=${CALLBACKS_VT_CLIENTS:-"$CLIENTS jedis"}
VT_WORKLOADS=${CALLBACKS_VT_WORKLOADS:-w1}
FO_WORKLOADS=${CALLBACKS_FANOUT_WORKLOADS:-w1}
SEM_WORKLOADS=${CALLBACKS_SEMAPHORE_WORKLOADS:-w1}
WORKLOADS=${CALLBACKS_WORKLOADS:-"w1 w2-16k w2-512k"}
TRANSPORTS=${CALLBACKS_TRANSPORTS:-"plain tls"}
APIS=${CALLBACKS_APIS:-binary}
REPS=${CALLBACKS_REPS:-2}
if [ "$QUICK" = 1 ]; then
    NS=${CALLBACKS_N:-16}
    VT_NS=${CALLBACKS_VT_N:-100}; VT_PS=${CALLBACKS_VT_PARALLELISM:-2}
    FO_TS=${CALLBACKS_FANOUT_THREADS:-1}; FO_BS=${CALLBACKS_FANOUT_B:-16}
    SEM_TS=${CALLBACKS_SEMAPHORE_THREADS:-1}; SEM_BS=${CALLBACKS_SEMAPHORE_B:-16}
    WARMUP=${CALLBACKS_WARMUP:-1}; MEASURE=${CALLBACKS_MEASURE:-1}
    OUT=${CALLBACKS_OUT:-$bench/target/callbacks-quick}
else
    NS=${CALLBACKS_N:-"1 16 128 512"}
    VT_NS=${CALLBACKS_VT_N:-"100 1000"}; VT_PS=${CALLBACKS_VT_PARALLELISM:-"1 2"}
    FO_TS=${CALLBACKS_FANOUT_THREADS:-"1 4"}; FO_BS=${CALLBACKS_FANOUT_B:-"16 128"}
    SEM_TS=${CALLBACKS_SEMAPHORE_THREADS:-"1 4"}; SEM_BS=${CALLBACKS_SEMAPHORE_B:-"16 128"}
    WARMUP=${CALLBACKS_WARMUP:-3}; MEASURE=${CALLBACKS_MEASURE:-5}
    OUT=${CALLBACKS_OUT:-$bench/results/callbacks}
fi
JVM_ARGS=${CALLBACKS_JVM_ARGS:-"-Xms2g -Xmx2g"}
REDIS_SERVER=${REDIS_SERVER:-redis-server}
TARGET="$bench/target"
LOGS="$TARGET/callbacks-logs"
RAW="$OUT/raw"
HOST=127.0.0.1

for c in $CLIENTS; do
    case " $ALL_CLIENTS " in *" $c "*) ;; *) die "unknown client '$c' (known: $ALL_CLIENTS; Jedis has no async API)" ;; esac
done
for c in $VT_CLIENTS; do
    case " $ALL_CLIENTS jedis " in *" $c "*) ;; *) die "unknown client '$c' for virtual threads" ;; esac
done
for m in $MODES; do
    case $m in callbacks | virtual-threads | fan-out | semaphore) ;; *) die "unknown mode '$m' (callbacks virtual-threads fan-out semaphore)" ;; esac
done
case " $MODES " in *" fan-out "*) ;; *) FO_WORKLOADS="" ;; esac
case " $MODES " in *" semaphore "*) ;; *) SEM_WORKLOADS="" ;; esac
case " $MODES " in *" callbacks "*) ;; *) WORKLOADS="" ;; esac
[ -n "$WORKLOADS$FO_WORKLOADS$SEM_WORKLOADS" ] || CLIENTS=""
case " $MODES " in *" virtual-threads "*) ;; *) VT_CLIENTS=""; VT_WORKLOADS="" ;; esac
VT_JAVA=${CALLBACKS_VT_JAVA:-}
if [ -n "$VT_CLIENTS" ] && [ -z "$VT_JAVA" ]; then
    VT_JAVA=$(ls -d /usr/lib/jvm/temurin-*/bin/java 2>/dev/null | sort -V | tail -1 || true)
    [ -n "$VT_JAVA" ] || die "virtual threads need Java 21+: set CALLBACKS_VT_JAVA (or CALLBACKS_MODES=callbacks)"
fi
for w in $WORKLOADS $VT_WORKLOADS $FO_WORKLOADS $SEM_WORKLOADS; do
    case $w in w1 | w2-16k | w2-512k) ;; *) die "unknown workload '$w' (w1 w2-16k w2-512k)" ;; esac
done
for t in $TRANSPORTS; do
    case $t in plain | tls) ;; *) die "unknown transport '$t' (plain tls)" ;; esac
done
for a in $APIS; do
    case $a in binary | text) ;; *) die "unknown API '$a' (binary text)" ;; esac
done
read -r -a CLIENT_LIST <<<"$CLIENTS"
read -r -a VT_CLIENT_LIST <<<"$VT_CLIENTS"
[ $(( ${#CLIENT_LIST[@]} + ${#VT_CLIENT_LIST[@]} )) -gt 0 ] || die "no client to run"

# ---------------------------------------------------------------------------------------------
# 1. tools and jars
# ---------------------------------------------------------------------------------------------
bash "$repo/scripts/ensure-deps.sh" >&2
command -v openssl >/dev/null || die "openssl not found (apt-get install openssl)"
command -v python3 >/dev/null || die "python3 not found"

m2=${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}
GLIDE_JAR="$m2/io/glidejni/glide-jni/0.1.0-SNAPSHOT/glide-jni-0.1.0-SNAPSHOT.jar"
if [ "${CALLBACKS_SKIP_BUILD:-0}" = 1 ]; then
    log "CALLBACKS_SKIP_BUILD=1: reusing the benchmark jars"
else
    if [ "${CALLBACKS_SKIP_INSTALL:-0}" = 1 ] && [ -f "$GLIDE_JAR" ]; then
        log "CALLBACKS_SKIP_INSTALL=1: using the glide-jni in $m2 (built $(date -u -r "$GLIDE_JAR" '+%Y-%m-%d %H:%M UTC'))"
    else
        log "installing glide-jni from this tree into $m2 (java/client with the Rust core; ~2 min or more)"
        mvn -B -ntp -q install -DskipTests -pl java/client -am
    fi
    log "building the benchmark jars"
    mvn -B -ntp -q -f benchmarks/pom.xml package -DskipTests
fi
for c in "${CLIENT_LIST[@]}" "${VT_CLIENT_LIST[@]}"; do
    [ -f "$bench/$c/target/benchmarks.jar" ] || die "missing $bench/$c/target/benchmarks.jar"
done
ANY_JAR="$bench/${CLIENT_LIST[0]:-${VT_CLIENT_LIST[0]}}/target/benchmarks.jar"

# ---------------------------------------------------------------------------------------------
# 2. certificates, a plaintext server and a TLS-only one, both pre-filled
# ---------------------------------------------------------------------------------------------
rm -rf "$LOGS"
source "$bench/lib/two-servers.sh"

# ---------------------------------------------------------------------------------------------
# 3. machine info
# ---------------------------------------------------------------------------------------------
rm -rf "$RAW"
mkdir -p "$RAW"
RESULTS="$RAW/results.jsonl"
FAILURES="$RAW/failures.jsonl"
: >"$RESULTS"
: >"$FAILURES"
pomprop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$bench/pom.xml" | head -1; }
client_version() {
    case $1 in
        glide-jni)
            printf '0.1.0-SNAPSHOT, jar of %s (tree at git %s%s%s)' \
                "$(date -u -r "$GLIDE_JAR" '+%Y-%m-%d %H:%M UTC')" \
                "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')" \
                "$(git -C "$repo" diff --quiet HEAD -- rust java 2>/dev/null || echo ', with local changes')" \
                "$(if [ -n "${CALLBACKS_BUILT_BY:-}" ]; then echo "; installed by $CALLBACKS_BUILT_BY"
                   elif [ "${CALLBACKS_SKIP_INSTALL:-0}" = 1 ] || [ "${CALLBACKS_SKIP_BUILD:-0}" = 1 ]; then
                       echo '; not reinstalled by this run'; fi)" ;;
        *) pomprop "$1.version" ;;
    esac
}
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "mode: $([ "$QUICK" = 1 ] && echo 'quick smoke (CALLBACKS_QUICK=1)' || echo full), $REPS repetitions in alternating client order"
    machine_lines
    for c in $ALL_CLIENTS; do echo "$c: $(client_version "$c")"; done
    echo "phases: ${WARMUP} s warm-up + ${MEASURE} s measurement per point, one JVM per point; JVM args: $JVM_ARGS"
    echo "chains: $NS"
    echo "APIs (callbacks, virtual threads): $APIS"
    echo "clients: ${CLIENT_LIST[*]}"
    echo "virtual threads: $VT_NS on parallelism $VT_PS, clients ${VT_CLIENT_LIST[*]:-none}, java $VT_JAVA"
    echo "fan-out: ${FO_WORKLOADS:-none}, threads $FO_TS, B $FO_BS"
    echo "semaphore: ${SEM_WORKLOADS:-none}, threads $SEM_TS, permits $SEM_BS"
} >"$RAW/machine.txt"
cat "$RAW/machine.txt" >&2

# ---------------------------------------------------------------------------------------------
# 4. the points: per repetition, workload, N and transport, every client in turn
# ---------------------------------------------------------------------------------------------
per_run=$(python3 -c "import math; print(math.ceil($WARMUP + $MEASURE))")
run_timeout=$(( per_run + 90 ))
n_words() { wc -w <<<"$1"; }
total=$(( REPS * $(n_words "$TRANSPORTS") * ($(n_words "$APIS") * ($(n_words "$WORKLOADS") * ${#CLIENT_LIST[@]} * $(n_words "$NS")
    + $(n_words "$VT_WORKLOADS") * ${#VT_CLIENT_LIST[@]} * $(n_words "$VT_NS") * $(n_words "$VT_PS"))
    + $(n_words "$FO_WORKLOADS") * ${#CLIENT_LIST[@]} * $(n_words "$FO_TS") * $(n_words "$FO_BS")
    + $(n_words "$SEM_WORKLOADS") * ${#CLIENT_LIST[@]} * $(n_words "$SEM_TS") * $(n_words "$SEM_BS")) ))
log "$total runs of ~$(( per_run + 2 )) s each (~$(( total * (per_run + 2) / 60 + 1 )) min)"
count=0
failed=0

# run_point REP CLIENT TRANSPORT API WORKLOAD N [vt PARALLELISM | fan-out B | semaphore B]: one JVM;
# N callback chains, or N virtual threads blocking in get() on PARALLELISM carriers, or N threads
# each starting B requests at once, or N threads each keeping B in flight with a Semaphore; API
# binary or text (the client's String API).
run_point() {
    local rep=$1 client=$2 transport=$3 api=$4 workload=$5 n=$6 mode=${7:-callbacks} arg=${8:-}
    local props name ldir lfile rc summary suffix=""
    if [ "$transport" = tls ]; then
        props=(-Dbench.host=$HOST -Dbench.port=$TLS_PORT -Dbench.tls=true -Dbench.tls.ca=$CA -Dbench.server.pid=$TLS_PID)
    else
        props=(-Dbench.host=$HOST -Dbench.port=$PLAIN_PORT -Dbench.server.pid=$PLAIN_PID)
    fi
    if [ "$api" = text ]; then
        props+=(-Dbench.text=true)
        suffix=-text
    fi
    count=$((count + 1))
    ldir="$LOGS/rep$rep"; mkdir -p "$ldir"
    if [ "$mode" = vt ]; then
        name="$client-$transport$suffix-$workload-vt$n-p$arg"
        # shellcheck disable=SC2206
        cmd=("$VT_JAVA" $JVM_ARGS -Djdk.virtualThreadScheduler.parallelism=$arg "${props[@]}"
            -cp "$bench/$client/target/benchmarks.jar" io.glidejni.bench.CallbacksMain --virtual-threads)
    elif [ "$mode" = fan-out ] || [ "$mode" = semaphore ]; then
        name="$client-$transport$suffix-$workload-$([ "$mode" = fan-out ] && echo fan || echo sem)$n-b$arg"
        # shellcheck disable=SC2206
        cmd=(java $JVM_ARGS "${props[@]}" -cp "$bench/$client/target/benchmarks.jar" io.glidejni.bench.CallbacksMain
            "--$mode" "$arg")
    else
        name="$client-$transport$suffix-$workload-n$n"
        # shellcheck disable=SC2206
        cmd=(java $JVM_ARGS "${props[@]}" -cp "$bench/$client/target/benchmarks.jar" io.glidejni.bench.CallbacksMain)
    fi
    cmd+=(--workload "$workload" --chains "$n" --warmup "$WARMUP" --measure "$MEASURE" --out "$RESULTS" --meta "rep=$rep")
    lfile="$ldir/$name.log"
    echo "${cmd[*]}" >"$lfile"
    rc=0
    timeout --kill-after=10 "$run_timeout" "${cmd[@]}" >>"$lfile" 2>&1 </dev/null || rc=$?
    summary=$(grep -m1 '^CallbacksMain: .* ops/s' "$lfile" | sed 's/^CallbacksMain: //' || true)
    log "[$count/$total] rep $rep $name: ${summary:-no result}"
    if [ $rc -ne 0 ]; then
        failed=$((failed + 1))
        log "   FAILED (exit $rc; see $lfile)"
        python3 -c 'import json, sys; print(json.dumps(dict(zip(
            ["client", "transport", "workload", "chains", "rep", "exit", "log", "error", "mode",
             {"fan-out": "fan_out", "semaphore": "permits"}.get(sys.argv[9], "parallelism"), "api"],
            [sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
             int(sys.argv[6]), sys.argv[7], sys.argv[8], sys.argv[9], int(sys.argv[10] or 0), sys.argv[11]]))))' \
            "$client" "$transport" "$workload" "$n" "$rep" "$rc" "${lfile#"$repo"/}" \
            "$(grep -m1 -E 'FAILED|Exception|Error' "$lfile" || echo "exit $rc")" \
            "$(case $mode in vt) echo virtual-threads ;; *) echo "$mode" ;; esac)" "$arg" "$api" >>"$FAILURES"
    fi
}

# in_order REP CLIENT...: the clients, reversed on even repetitions
in_order() {
    local rep=$1; shift
    [ $# -gt 0 ] || return 0
    if [ $((rep % 2)) = 0 ]; then printf '%s\n' "$@" | tac; else printf '%s\n' "$@"; fi
}

for rep in $(seq "$REPS"); do
    mapfile -t order < <(in_order "$rep" "${CLIENT_LIST[@]}")
    mapfile -t vt_order < <(in_order "$rep" "${VT_CLIENT_LIST[@]}")
    log "repetition $rep: ${order[*]:-} / virtual threads: ${vt_order[*]:-}"
    for api in $APIS; do
        for workload in $WORKLOADS; do
            for transport in $TRANSPORTS; do
                for n in $NS; do
                    for client in "${order[@]}"; do run_point "$rep" "$client" "$transport" "$api" "$workload" "$n"; done
                done
            done
        done
        for workload in $VT_WORKLOADS; do
            for transport in $TRANSPORTS; do
                for n in $VT_NS; do
                    for par in $VT_PS; do
                        for client in "${vt_order[@]}"; do
                            run_point "$rep" "$client" "$transport" "$api" "$workload" "$n" vt "$par"
                        done
                    done
                done
            done
        done
    done
    # the modes of T threads x B requests each
    for mode in fan-out semaphore; do
        if [ "$mode" = fan-out ]; then wls=$FO_WORKLOADS; ts=$FO_TS; bs=$FO_BS; else wls=$SEM_WORKLOADS; ts=$SEM_TS; bs=$SEM_BS; fi
        for workload in $wls; do
            for transport in $TRANSPORTS; do
                for t in $ts; do
                    for b in $bs; do
                        for client in "${order[@]}"; do run_point "$rep" "$client" "$transport" binary "$workload" "$t" "$mode" "$b"; done
                    done
                done
            done
        done
    done
done
[ "$(cli_tls dbsize)" = "$expected" ] || log "WARNING: the key count changed during the run (TLS server)"
[ "$(cli_plain dbsize)" = "$expected" ] || log "WARNING: the key count changed during the run (plaintext server)"

# ---------------------------------------------------------------------------------------------
# 5. report: the suite's one report (benchmarks/report.py)
# ---------------------------------------------------------------------------------------------
if [ "${CALLBACKS_REPORT:-1}" = 0 ]; then
    log "done: raw results in $RESULTS (logs: $LOGS)$([ "$failed" = 0 ] || echo "; $failed FAILED run(s), see $FAILURES")"
else
    BENCH_DIR=$bench
    # shellcheck source=../lib/venv.sh
    source "$bench/lib/venv.sh"
    if [ "$OUT" = "$bench/results/callbacks" ] && [ -f "$bench/results/raw/machine.txt" ]; then
        report_out="$bench/results"
        "$PY" "$bench/report.py" --raw "$bench/results/raw" --modes-raw "$RAW" --out "$report_out"
    else
        report_out="$OUT"
        "$PY" "$bench/report.py" --modes-raw "$RAW" --out "$report_out"
    fi
    log "done: $report_out/results.md and ops_vs_concurrency.png (raw: $RESULTS; logs: $LOGS)$([ "$failed" = 0 ] || echo "; $failed FAILED run(s), see $FAILURES")"
fi
[ "$failed" = 0 ]
