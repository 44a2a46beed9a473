# Sourced by benchmarks/run.sh and benchmarks/tls/run.sh: redis-benchmark, the server's own C
# client, at the suite's concurrency, keys and sizes: what the server itself can do (a ceiling).
#
#   rb LABEL CLIENTS REDIS-BENCHMARK-ARGS...
#
# A 2,000-request calibration run, then one of about RB_SECONDS; writes the CSV header and result
# row to RB_DIR/LABEL-cCLIENTS.csv (the file report.py reads), the errors to
# LOGS/redis-benchmark-RB_NAME-LABEL-cCLIENTS.err. Needs from the caller: log, HOST, RB_PORT,
# RB_DIR, RB_SECONDS, LOGS; RB_CONNECT (an array, may be empty) adds connection options, such as
# (--tls --cacert ca.pem); RB_NAME names the server in the log files (default "server").
rb() {
    local label=$1 c=$2; shift 2
    local out="$RB_DIR/$label-c$c.csv" err="$LOGS/redis-benchmark-${RB_NAME:-server}-$label-c$c.err"
    local n=2000 rps
    local connect=(-h "$HOST" -p "$RB_PORT" ${RB_CONNECT[@]+"${RB_CONNECT[@]}"})
    mkdir -p "$RB_DIR" "$LOGS"
    rps=$(timeout 300 redis-benchmark "${connect[@]}" -c "$c" -n "$n" --csv "$@" 2>"$err" \
        | awk -F'","' 'NR == 2 {print int($2)}') || true
    [ -n "$rps" ] && [ "$rps" -gt 0 ] && n=$(( rps * RB_SECONDS ))
    [ "$n" -ge 2000 ] || n=2000
    log "redis-benchmark ${RB_NAME:-server} $label -c $c -n $n"
    if ! timeout 600 redis-benchmark "${connect[@]}" -c "$c" -n "$n" --csv "$@" \
            >"$out.tmp" 2>"$err"; then
        log "   FAILED (see $err)"
    fi
    # header + result row only (redis-benchmark --csv prints nothing else)
    grep -E '^"' "$out.tmp" >"$out" || true
    rm -f "$out.tmp"
}

# W1 (GET of the W1 keys, 80% of which exist, and SET of existing keys with 100 B) and W2 (GET of
# the 16 KiB and 512 KiB values) at CLIENTS, on keys the benchmarks' Prefill wrote. Only reads of
# large values: redis-benchmark 7.0 itself stalls writing a 16 KiB SET over TLS.
rb_w1_w2() {
    local c=$1 value100
    value100=$(head -c 100 /dev/zero | tr '\0' 'v')
    rb w1get "$c" -r 10000 GET 'w1:__rand_int__'                # 80% of these hit, as W1's GETs
    rb w1set "$c" -r 8000 SET 'w1:__rand_int__' "$value100"     # existing keys only, as W1's SETs
    rb w2get16k "$c" GET w2:16k
    rb w2get512k "$c" GET w2:512k
}
