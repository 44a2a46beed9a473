#!/usr/bin/env bash
# Memory profile: glide-jni vs valkey-glide, Lettuce and Jedis (see README.md beside this file).
#
#   bash benchmarks/memory/run.sh                      # plaintext, into results/
#   MEMPROFILE_TLS=1 bash benchmarks/memory/run.sh     # TLS, into results/tls/ (or: run.sh --tls)
#   MEMPROFILE_TLS=1 MEMPROFILE_CLUSTER=1 bash benchmarks/memory/run.sh   # + glide-jni per cluster node
#
# Builds the four runnable jars, starts a throwaway redis-server, runs each client's profile in
# its own JVM (same flags for all), and writes results/<client>.jsonl, results/memory.md and
# results/rss_per_clients.png.
#
# TLS mode: makes a CA and a server certificate for 127.0.0.1 (openssl, in a temp dir), starts the
# server TLS-only (--port 0 --tls-port P) and every driver connects over TLS trusting that CA
# (-Dmemprofile.tls=true -Dmemprofile.caFile=...). MEMPROFILE_CLUSTER=1 (or --cluster) also starts
# a 3+3 cluster whose nodes listen on a plaintext and a TLS port, and runs glide-jni's
# memprofile.ClusterNodes against both: results go to cluster-nodes.jsonl in the same directory.
#
# Environment: MEMPROFILE_CLIENTS="glide-jni lettuce" to run a subset (empty: none, e.g. only the
# cluster measurement); MEMPROFILE_IDLE (1000), MEMPROFILE_INFLIGHT (100), MEMPROFILE_LOAD_MILLIS
# (5000); MEMPROFILE_CLUSTER_CLIENTS (10); MEMPROFILE_RESULTS (results/ or results/tls/) for the output.
set -euo pipefail

TLS="${MEMPROFILE_TLS:-0}"
CLUSTER="${MEMPROFILE_CLUSTER:-0}"
for arg in "$@"; do
    case "$arg" in
        --tls) TLS=1 ;;
        --cluster) CLUSTER=1 ;;
        *) echo "usage: run.sh [--tls] [--cluster]" >&2; exit 2 ;;
    esac
done
[ "$TLS" = 1 ] || TLS=0
[ "$CLUSTER" = 1 ] || CLUSTER=0

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
if [ "$TLS" = 1 ]; then
    RESULTS="${MEMPROFILE_RESULTS:-$HERE/results/tls}"
else
    RESULTS="${MEMPROFILE_RESULTS:-$HERE/results}"
fi
# Unset: all four; set but empty: none (e.g. the cluster measurement alone).
read -r -a CLIENTS <<< "${MEMPROFILE_CLIENTS-glide-jni valkey-glide lettuce jedis}"
KEY="w2:512k"
VALUE_BYTES=524288
# Same flags for every client. -Xms = -Xmx with AlwaysPreTouch makes the whole heap resident
# from the start, so that NMT's committed heap is also in RSS and RSS - NMT means something
# (otherwise committed-but-never-touched heap pages make it meaningless, even negative).
JVM_FLAGS=(-XX:NativeMemoryTracking=summary -Xmx512m -Xms512m -XX:+AlwaysPreTouch)
PROPS=(-Dmemprofile.idle="${MEMPROFILE_IDLE:-1000}"
       -Dmemprofile.inflight="${MEMPROFILE_INFLIGHT:-100}"
       -Dmemprofile.loadMillis="${MEMPROFILE_LOAD_MILLIS:-5000}")

log() { printf '[memprofile] %s\n' "$*" >&2; }

# ---- tools -------------------------------------------------------------------------------------
need_apt=()
command -v redis-server >/dev/null || need_apt+=(redis-server)
command -v redis-cli >/dev/null || need_apt+=(redis-tools)
command -v java >/dev/null || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || need_apt+=(maven)
command -v python3 >/dev/null || need_apt+=(python3 python3-venv)
if [ "$TLS" = 1 ] || [ "$CLUSTER" = 1 ]; then
    command -v openssl >/dev/null || need_apt+=(openssl)
fi
if ((${#need_apt[@]})); then
    log "installing ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# 1,000 clients need 1,000+ sockets in the client JVM (and in redis-server).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log "open files limit: $(ulimit -n)"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 4096 ]; then
    log "WARNING: ulimit -n is $(ulimit -n); 1,000 idle clients need more than 1,000 descriptors"
fi

# ---- build -------------------------------------------------------------------------------------
# M2_REPO: a Maven local repository of its own, for a checkout that shares ~/.m2 with others
# (each `mvn install` of glide-jni replaces the one SNAPSHOT jar every checkout builds against).
M2="${M2_REPO:-$HOME/.m2/repository}"
MVN_REPO=()
if [ -n "${M2_REPO:-}" ]; then
    MVN_REPO=(-Dmaven.repo.local="$M2_REPO")
fi
if [ ! -f "$M2/io/glidejni/glide-jni/0.1.0-SNAPSHOT/glide-jni-0.1.0-SNAPSHOT.jar" ]; then
    log "io.glidejni:glide-jni not in $M2: installing it from $ROOT"
    (cd "$ROOT" && mvn -B -ntp -q "${MVN_REPO[@]}" install -DskipTests -pl java/client -am)
fi
log "building the profile jars"
mvn -B -ntp -q "${MVN_REPO[@]}" -f "$HERE/pom.xml" package
# Say so when the glide-jni profiled is not this checkout's own build.
OWN_SO="$ROOT/java/client/target/classes/natives/linux-x86_64/libglide_jni.so"
if [ -f "$OWN_SO" ] && ! python3 - "$HERE/glide-jni/target/memprofile-glide-jni.jar" "$OWN_SO" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    sys.exit(z.read("natives/linux-x86_64/libglide_jni.so") != open(sys.argv[2], "rb").read())
PY
then
    log "WARNING: the glide-jni in $M2 is not this checkout's build ($OWN_SO):"
    log "         run 'mvn install -DskipTests -pl java/client -am' here first, or use M2_REPO"
fi

# ---- servers -----------------------------------------------------------------------------------
WORK="$(mktemp -d)"
REDIS_PID=
CLUSTER_PIDS=()
cleanup() {
    for pid in $REDIS_PID "${CLUSTER_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in $REDIS_PID "${CLUSTER_PIDS[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_ports() { # N free loopback ports, all held at once while choosing so none repeats;
    # with "bus", each one's port + 10000 (a cluster node's bus port) is free and held too.
    python3 - "$@" <<'PY'
import random, socket, sys
n, bus = int(sys.argv[1]), len(sys.argv) > 2
held, out = [], []
def hold(port):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        s.close()
        return False
    held.append(s)
    return True
while len(out) < n:
    if not bus:
        hold(0)
        out.append(held[-1].getsockname()[1])
        continue
    p = random.randint(20000, 55535)
    if hold(p):
        if hold(p + 10000):
            out.append(p)
        else:
            held.pop().close()
print(" ".join(map(str, out)))
PY
}

# A CA and a server certificate for 127.0.0.1 (EC P-256, like the repository's test certificates).
CA="$WORK/tls/ca.pem"
TLS_ARGS=()
CLI_TLS=()
if [ "$TLS" = 1 ] || [ "$CLUSTER" = 1 ]; then
    mkdir -p "$WORK/tls"
    (
        cd "$WORK/tls"
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
            -subj "/CN=memprofile test CA" -keyout ca.key -out ca.pem \
            -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
            -subj "/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null
        # clientAuth too: cluster nodes present this certificate to each other on the bus,
        # which always requires one (--tls-auth-clients covers client connections only).
        printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
            "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=IP:127.0.0.1,DNS:localhost" > server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
            -extfile server.ext -out server.pem 2>/dev/null
        chmod 600 ca.key server.key
    )
    openssl verify -CAfile "$CA" "$WORK/tls/server.pem" >/dev/null
    TLS_ARGS=(--tls-cert-file "$WORK/tls/server.pem" --tls-key-file "$WORK/tls/server.key"
              --tls-ca-cert-file "$CA" --tls-auth-clients no)
    CLI_TLS=(--tls --cacert "$CA")
    log "made a CA and a server certificate for 127.0.0.1 in $WORK/tls"
fi

await_ping() { # port, redis-cli TLS args...
    local port="$1"; shift
    for _ in $(seq 100); do
        redis-cli -h 127.0.0.1 -p "$port" "$@" PING >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    redis-cli -h 127.0.0.1 -p "$port" "$@" PING >/dev/null
}

if ((${#CLIENTS[@]})); then
    PORT="$(free_ports 1)"
    if [ "$TLS" = 1 ]; then
        LISTEN=(--port 0 --tls-port "$PORT" "${TLS_ARGS[@]}")
        SERVER_CLI=("${CLI_TLS[@]}")
    else
        LISTEN=(--port "$PORT")
        SERVER_CLI=()
    fi
    redis-server "${LISTEN[@]}" --bind 127.0.0.1 --save "" --appendonly no --maxclients 10000 \
        --dir "$WORK" --logfile "$WORK/redis.log" &
    REDIS_PID=$!
    cli() { redis-cli -h 127.0.0.1 -p "$PORT" "${SERVER_CLI[@]}" "$@"; }
    await_ping "$PORT" "${SERVER_CLI[@]}"
    head -c "$VALUE_BYTES" /dev/zero | tr '\0' 'x' | cli -x SET "$KEY" >/dev/null
    [ "$(cli STRLEN "$KEY")" = "$VALUE_BYTES" ] || { log "could not set $KEY"; exit 1; }
    log "redis-server $(redis-server --version | awk '{print $3}') on port $PORT$([ "$TLS" = 1 ] && echo ' (TLS only)'), maxclients $(cli CONFIG GET maxclients | tail -1)"
fi

# ---- profiles ----------------------------------------------------------------------------------
mkdir -p "$RESULTS"
if [ "$TLS" = 1 ]; then
    PROPS+=(-Dmemprofile.tls=true -Dmemprofile.caFile="$CA")
fi
if ((${#CLIENTS[@]})); then
python3 - "$RESULTS/env.json" "$PORT" "${JVM_FLAGS[*]}" "$("$JAVA" -version 2>&1 | head -2 | tail -1)" \
    "$(redis-server --version)" "$(ulimit -n)" "$HERE/pom.xml" "$TLS" <<'PY'
import json, os, platform, re, sys
out, port, flags, java, redis, nofile, pom, tls = sys.argv[1:]
text = open(pom).read()
versions = {k: re.search(r"<%s\.version>([^<]+)<" % k, text).group(1)
            for k in ("glide-jni", "valkey-glide", "lettuce", "jedis")}
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
env = {"jvm_flags": flags, "java": java, "redis": redis.split(" sha=")[0], "ulimit_n": nofile,
       "kernel": platform.release(), "cpus": os.cpu_count(), "mem_total_kb": int(mem),
       "versions": versions, "tls": tls == "1"}
if tls == "1":
    env["tls_setup"] = ("TLS-only redis-server (--port 0 --tls-port, --tls-auth-clients no); server "
                        "certificate EC P-256 for IP 127.0.0.1 signed by a throwaway CA; every client "
                        "trusts only that CA and verifies the host name")
json.dump(env, open(out, "w"), indent=1)
PY
fi

status=0
for c in "${CLIENTS[@]}"; do
    jar="$HERE/$c/target/memprofile-$c.jar"
    log "profiling $c"
    if "$JAVA" "${JVM_FLAGS[@]}" "${PROPS[@]}" -jar "$jar" 127.0.0.1 "$PORT" "$KEY" \
            > "$RESULTS/$c.out" 2> "$RESULTS/$c.stderr.log"; then
        grep '^{"client"' "$RESULTS/$c.out" > "$RESULTS/$c.jsonl" || true
        log "$c: $(wc -l < "$RESULTS/$c.jsonl") checkpoints"
    else
        rc=$?
        grep '^{"client"' "$RESULTS/$c.out" > "$RESULTS/$c.jsonl" || true
        log "$c FAILED (exit $rc); last lines of $RESULTS/$c.stderr.log:"
        tail -20 "$RESULTS/$c.stderr.log" >&2
        status=1
    fi
    rm -f "$RESULTS/$c.out"
    # Let the server drop the previous JVM's connections before the next client starts.
    for _ in $(seq 100); do
        [ "$(cli INFO clients | awk -F: '/^connected_clients/{print $2+0}')" -le 1 ] && break
        sleep 0.1
    done
done

# ---- glide-jni: native bytes per cluster node (plaintext and TLS) --------------------------------
if [ "$CLUSTER" = 1 ]; then
    # 3 primaries + 3 replicas; each node listens on a plaintext port and a TLS port, and the
    # cluster bus and replication run over TLS. CLUSTER SLOTS answers a plaintext connection with
    # the plaintext ports, a TLS one with the TLS ports, so one cluster serves both measurements.
    # The bus is on TLS port + 10000: redis-cli 7.0's --cluster create MEETs there (it ignores
    # a --cluster-port).
    read -r -a P <<< "$(free_ports 12 bus)" # one call: no port chosen twice
    NODE_PLAIN=() NODE_TLS=()
    for i in 0 1 2 3 4 5; do
        plain="${P[$i]}" tls="${P[$((i + 6))]}"
        mkdir -p "$WORK/node$i"
        redis-server --bind 127.0.0.1 --port "$plain" --tls-port "$tls" \
            "${TLS_ARGS[@]}" --tls-cluster yes --tls-replication yes \
            --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 5000 \
            --save "" --appendonly no --dir "$WORK/node$i" --logfile "$WORK/node$i/redis.log" &
        CLUSTER_PIDS+=($!)
        NODE_PLAIN+=("$plain") NODE_TLS+=("$tls")
    done
    for i in 0 1 2 3 4 5; do await_ping "${NODE_PLAIN[$i]}"; done
    timeout 120 redis-cli "${CLI_TLS[@]}" --cluster create $(printf '127.0.0.1:%s ' "${NODE_TLS[@]}") \
        --cluster-replicas 1 --cluster-yes >"$WORK/cluster-create.log" 2>&1 \
        || { cat "$WORK/cluster-create.log" >&2; log "cluster create failed"; exit 1; }
    ccli() { redis-cli -h 127.0.0.1 -p "$1" "${@:2}"; }
    healthy=0
    for _ in $(seq 300); do
        healthy=1
        for p in "${NODE_PLAIN[@]}"; do
            ccli "$p" CLUSTER INFO | grep '^cluster_state:ok' >/dev/null || { healthy=0; break; }
        done
        [ "$healthy" = 1 ] && break
        sleep 0.1
    done
    [ "$healthy" = 1 ] || { log "the cluster did not become healthy"; exit 1; }
    # A replica is listed in CLUSTER SLOTS only once it has replicated something: one write per
    # primary, then wait until every slot range names a primary and a replica.
    for p in "${NODE_PLAIN[@]}"; do
        [ "$(ccli "$p" ROLE | head -1)" = master ] && ccli "$p" FLUSHALL >/dev/null
    done
    for _ in $(seq 300); do
        [ "$(ccli "${NODE_PLAIN[0]}" CLUSTER SLOTS | grep -c '^127.0.0.1$')" -ge 6 ] && break
        sleep 0.1
    done
    log "cluster: 3+3 nodes, plaintext ports ${NODE_PLAIN[*]}, TLS ports ${NODE_TLS[*]}"
    log "glide-jni cluster measurement (plaintext, then TLS)"
    jar="$HERE/glide-jni/target/memprofile-glide-jni.jar"
    if "$JAVA" -Xmx256m -Dmemprofile.caFile="$CA" \
            -Dmemprofile.clusterClients="${MEMPROFILE_CLUSTER_CLIENTS:-10}" \
            -cp "$jar" memprofile.ClusterNodes "plain=127.0.0.1:${NODE_PLAIN[0]}" "tls=127.0.0.1:${NODE_TLS[0]}" \
            > "$RESULTS/cluster-nodes.out" 2> "$RESULTS/cluster-nodes.stderr.log"; then
        grep '^{"mode"' "$RESULTS/cluster-nodes.out" > "$RESULTS/cluster-nodes.jsonl"
        log "cluster: $(wc -l < "$RESULTS/cluster-nodes.jsonl") modes measured"
    else
        rc=$?
        log "cluster measurement FAILED (exit $rc); last lines of $RESULTS/cluster-nodes.stderr.log:"
        tail -20 "$RESULTS/cluster-nodes.stderr.log" >&2
        status=1
    fi
    rm -f "$RESULTS/cluster-nodes.out"
fi

# ---- report ------------------------------------------------------------------------------------
PY=python3
if ! python3 -c 'import matplotlib' 2>/dev/null; then
    VENV="$HERE/target/venv"
    if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import matplotlib' 2>/dev/null; then
        log "installing matplotlib into $VENV"
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q matplotlib
    fi
    PY="$VENV/bin/python"
fi
"$PY" "$HERE/report.py" "$RESULTS"
log "wrote $RESULTS/memory.md and $RESULTS/rss_per_clients.png"
exit "$status"
