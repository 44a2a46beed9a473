#!/usr/bin/env bash
# TLS compatibility check: glide-jni vs valkey-glide 2.3.1.
# Makes a test CA and server certificates (scripts/tls-test-certs.sh), starts TLS-only
# redis-servers on free loopback ports (a good one, one signed by an untrusted CA, one whose
# certificate names another host, one with an expired certificate, one-node TLS clusters with a
# good, a wrong-host and an expired certificate) and a plaintext one, compiles src/TlsCheck.java
# once against our jar, runs it with both jars, diffs the outputs. Exit 0 when identical, 1 when
# they differ, 2 on setup errors.
# Output: target/tls-glide.txt, target/tls-ours.txt (diffed), .raw (full stdout), .err (the
# exceptions' full messages, one line per failed step).
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), OUR_JAR (default the
#      worktree's java/client/target jar), KEEP_SERVER=1 to debug,
#      TLS_NO_CLUSTER=1 to skip the cluster section.
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"
command -v openssl >/dev/null || die "openssl not found"
command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"

# 1. compile once, against our jar
classes="$out/classes-tls"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/TlsCheck.java" || die "javac of TlsCheck.java failed"

# 2. certificates and servers (killed by PID on exit)
work=$(mktemp -d)
pids=()
cleanup() {
    if [ "${KEEP_SERVER:-0}" != 1 ]; then
        for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
        for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
        rm -rf "$work"
    else
        echo "run-tls.sh: KEEP_SERVER=1: servers ${pids[*]} left running, files in $work" >&2
    fi
}
trap cleanup EXIT
certs="$work/certs"
bash "$repo/scripts/tls-test-certs.sh" "$certs" || die "could not make the test certificates"

# a port p with p + 10000 (a cluster node's bus port) free too
free_port_pair() {
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

cli() { # port, args...: redis-cli over TLS with the test CA
    local port=$1; shift
    redis-cli --tls --cacert "$certs/ca.pem" -h 127.0.0.1 -p "$port" "$@"
}

start() { # name port cert|- extra args...: a server; cert "-" = plaintext
    local name=$1 port=$2 cert=$3; shift 3
    local d="$work/$name"
    mkdir -p "$d"
    local tls=(--port "$port")
    if [ "$cert" != - ]; then
        tls=(--port 0 --tls-port "$port" --tls-cert-file "$certs/$cert.pem" --tls-key-file "$certs/$cert.key"
             --tls-ca-cert-file "$certs/ca.pem" --tls-auth-clients no)
    fi
    "$REDIS_SERVER" "${tls[@]}" --bind 127.0.0.1 --save '' --appendonly no --dir "$d" \
        --daemonize no "$@" >"$out/tls-redis-$name.log" 2>&1 &
    pids+=($!)
    # an untrusted/expired/wrong-host certificate fails verification, so wait for the port only
    for _ in $(seq 50); do
        python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2).close()" 2>/dev/null && return 0
        sleep 0.1
    done
    die "redis-server '$name' did not start on $port (see $out/tls-redis-$name.log)"
}

declare -A port
for name in good untrusted wronghost expired plain closed; do port[$name]=$(free_port); done
start good "${port[good]}" server
start untrusted "${port[untrusted]}" untrusted
start wronghost "${port[wronghost]}" wronghost
start expired "${port[expired]}" expired
start plain "${port[plain]}" -
cli "${port[good]}" ping | grep -q PONG || die "TLS redis-server does not answer PING (see $out/tls-redis-good.log)"
args=(good="${port[good]}" untrusted="${port[untrusted]}" wronghost="${port[wronghost]}"
      expired="${port[expired]}" plain="${port[plain]}" closed="${port[closed]}")
start_cluster() { # name cert: a one-node cluster (all 16384 slots), TLS on the client port and on the bus
    local name=$1 cert=$2 p
    p=$(free_port_pair)
    port[$name]=$p
    start "$name" "$p" "$cert" --cluster-enabled yes --cluster-config-file nodes.conf \
        --cluster-node-timeout 1000 --tls-cluster yes --tls-replication yes
    # --insecure: the expired and wrong-host certificates do not verify
    redis-cli --tls --insecure -h 127.0.0.1 -p "$p" cluster addslotsrange 0 16383 >/dev/null \
        || die "CLUSTER ADDSLOTSRANGE failed on '$name'"
    for _ in $(seq 100); do
        redis-cli --tls --insecure -h 127.0.0.1 -p "$p" cluster info 2>/dev/null | grep -q 'cluster_state:ok' && break
        sleep 0.1
    done
    redis-cli --tls --insecure -h 127.0.0.1 -p "$p" cluster info | grep -q 'cluster_state:ok' \
        || die "the TLS cluster '$name' did not become ok"
    args+=("$name=$p")
}
if [ "${TLS_NO_CLUSTER:-0}" != 1 ]; then
    start_cluster cluster server
    start_cluster cluster-wronghost wronghost
    start_cluster cluster-expired expired
fi

# 3. run both
run() { # name classpath
    timeout 900 java -cp "$2:$classes" TlsCheck "$certs" "${args[@]}" >"$out/tls-$1.raw" 2>"$out/tls-$1.err"
    local rc=$?
    [ $rc -eq 0 ] || echo "run-tls.sh: $1 run exited with $rc (see $out/tls-$1.err)" >&2
    grep -aE '^\[tls (standalone|cluster)\] .* -> ' "$out/tls-$1.raw" >"$out/tls-$1.txt"
}
run glide "$GLIDE_CP"
run ours "$OUR_JAR"

# 4. diff
cd "$out"
diff -u tls-glide.txt tls-ours.txt
rc=$?
labels() { sed 's/ -> .*//' "$1" | sort -u; }
total=$(cat <(labels tls-glide.txt) <(labels tls-ours.txt) | sort -u | wc -l)
differ=$(diff <(sort tls-glide.txt) <(sort tls-ours.txt) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "$total lines, $differ differ (messages: $out/tls-glide.err, $out/tls-ours.err)"
kind() { # lines whose step ends with $1 (" category", " time") or, for "outcome", neither
    if [ "$1" = outcome ]; then grep -avE ' (category|time) -> ' "$2"; else grep -a " $1 -> " "$2"; fi
}
for k in outcome category time; do
    kt=$(cat <(labels <(kind "$k" tls-glide.txt)) <(labels <(kind "$k" tls-ours.txt)) | sort -u | wc -l)
    kd=$(diff <(kind "$k" tls-glide.txt | sort) <(kind "$k" tls-ours.txt | sort) | sed -n 's/^[<>] //p' \
        | sed 's/ -> .*//' | sort -u | wc -l)
    echo "  $k lines: $kt, $kd differ"
done
[ $rc -eq 0 ] && exit 0 || exit 1
