# Sourced by benchmarks/tls/run.sh and benchmarks/callbacks/run.sh: makes throwaway TLS
# certificates, starts a TLS-only redis-server and a plaintext one on free loopback ports (stopped
# by PID on exit, unless KEEP_SERVER=1), and pre-fills both with the suite's keys.
# Needs from the caller: log, die, repo, HOST, REDIS_SERVER, LOGS (a directory), ANY_JAR (a
# benchmarks jar with io.glidejni.bench.Prefill). Sets: WORK, CERTS, CA, PIDS, TLS_PORT,
# PLAIN_PORT, TLS_PID, PLAIN_PID, expected (the key count), cli_tls and cli_plain.

WORK=$(mktemp -d)
CERTS="$WORK/certs"
PIDS=()
cleanup() {
    if [ "${KEEP_SERVER:-0}" = 1 ]; then
        log "KEEP_SERVER=1: servers ${PIDS[*]} left running; certificates in $CERTS"
        return
    fi
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
bash "$repo/scripts/tls-test-certs.sh" "$CERTS" || die "could not make the test certificates"
CA="$CERTS/ca.pem"

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
mkdir -p "$LOGS"
TLS_PORT=$(free_port)
PLAIN_PORT=$(free_port)
start_server() { # name, args...
    local name=$1; shift
    mkdir -p "$WORK/$name"
    "$REDIS_SERVER" "$@" --bind "$HOST" --save "" --appendonly no --dir "$WORK/$name" \
        --daemonize no --loglevel warning >"$LOGS/redis-$name.log" 2>&1 &
    PIDS+=($!)
}
start_server tls --port 0 --tls-port "$TLS_PORT" --tls-cert-file "$CERTS/server.pem" \
    --tls-key-file "$CERTS/server.key" --tls-ca-cert-file "$CA" --tls-auth-clients no
TLS_PID=${PIDS[-1]}
start_server plain --port "$PLAIN_PORT"
PLAIN_PID=${PIDS[-1]}
cli_tls() { redis-cli --tls --cacert "$CA" -h "$HOST" -p "$TLS_PORT" "$@"; }
cli_plain() { redis-cli -h "$HOST" -p "$PLAIN_PORT" "$@"; }
for _ in $(seq 100); do
    cli_tls ping >/dev/null 2>&1 && cli_plain ping >/dev/null 2>&1 && break
    sleep 0.1
done
cli_tls ping >/dev/null 2>&1 || die "the TLS redis-server did not start (see $LOGS/redis-tls.log)"
cli_plain ping >/dev/null 2>&1 || die "the plaintext redis-server did not start (see $LOGS/redis-plain.log)"
log "redis-server $("$REDIS_SERVER" --version | sed -n 's/.*v=\([^ ]*\).*/\1/p'): TLS on $HOST:$TLS_PORT (pid $TLS_PID), plaintext on $HOST:$PLAIN_PORT (pid $PLAIN_PID)"

expected=$(java -cp "$ANY_JAR" io.glidejni.bench.Prefill --count)
java -cp "$ANY_JAR" io.glidejni.bench.Prefill 2>/dev/null | cli_tls --pipe >"$LOGS/prefill-tls.log"
java -cp "$ANY_JAR" io.glidejni.bench.Prefill 2>/dev/null | cli_plain --pipe >"$LOGS/prefill-plain.log"
[ "$(cli_tls dbsize)" = "$expected" ] || die "TLS pre-fill wrote $(cli_tls dbsize) keys, expected $expected"
[ "$(cli_plain dbsize)" = "$expected" ] || die "plaintext pre-fill wrote $(cli_plain dbsize) keys, expected $expected"
log "pre-filled $expected keys on each server"

# The machine, the server and the TLS the servers negotiate, one "key: value" line each, for the
# runners' machine.txt (what the server negotiates with a default OpenSSL client; each client
# offers its own list).
machine_lines() {
    local negotiated
    negotiated=$(openssl s_client -connect "$HOST:$TLS_PORT" -CAfile "$CA" -brief </dev/null 2>&1 \
        | sed -n 's/^\(Protocol version\|Ciphersuite\): */\1 /p' | paste -sd ',' - || true)
    echo "nproc: $(nproc)"
    echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "kernel: $(uname -sr)"
    echo "jdk: $(java -version 2>&1 | sed -n 2p)"
    echo "redis: $("$REDIS_SERVER" --version)"
    echo "openssl: $(openssl version)"
    echo "tls: TLS-only redis-server (--port 0 --tls-port, --tls-auth-clients no), ECDSA P-256 server certificate from a test CA; every client trusts only that CA and checks the host name; an OpenSSL client negotiates: ${negotiated:-?}"
}
