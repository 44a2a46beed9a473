#!/usr/bin/env bash
# Memory profile: glide-jni vs valkey-glide, Lettuce and Jedis (see README.md beside this file).
#
#   bash benchmarks/memory/run.sh
#
# Builds the four runnable jars, starts a throwaway redis-server, runs each client's profile in
# its own JVM (same flags for all), and writes results/<client>.jsonl, results/memory.md and
# results/rss_per_clients.png.
#
# Environment: MEMPROFILE_CLIENTS="glide-jni lettuce" to run a subset; MEMPROFILE_IDLE (1000),
# MEMPROFILE_INFLIGHT (100), MEMPROFILE_LOAD_MILLIS (5000); MEMPROFILE_RESULTS (results/) for the output.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RESULTS="${MEMPROFILE_RESULTS:-$HERE/results}"
read -r -a CLIENTS <<< "${MEMPROFILE_CLIENTS:-glide-jni valkey-glide lettuce jedis}"
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
M2="${M2_REPO:-$HOME/.m2/repository}"
if [ ! -f "$M2/io/glidejni/glide-jni/0.1.0-SNAPSHOT/glide-jni-0.1.0-SNAPSHOT.jar" ]; then
    log "io.glidejni:glide-jni not in $M2: installing it from $ROOT"
    (cd "$ROOT" && mvn -B -ntp -q install -DskipTests -pl java/client -am)
fi
log "building the profile jars"
mvn -B -ntp -q -f "$HERE/pom.xml" package

# ---- redis-server ------------------------------------------------------------------------------
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
WORK="$(mktemp -d)"
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --maxclients 10000 \
    --dir "$WORK" --logfile "$WORK/redis.log" &
REDIS_PID=$!
cleanup() {
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 100); do
    redis-cli -p "$PORT" PING >/dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -p "$PORT" PING >/dev/null
head -c "$VALUE_BYTES" /dev/zero | tr '\0' 'x' | redis-cli -p "$PORT" -x SET "$KEY" >/dev/null
[ "$(redis-cli -p "$PORT" STRLEN "$KEY")" = "$VALUE_BYTES" ] || { log "could not set $KEY"; exit 1; }
log "redis-server $(redis-server --version | awk '{print $3}') on port $PORT, maxclients $(redis-cli -p "$PORT" CONFIG GET maxclients | tail -1)"

# ---- profiles ----------------------------------------------------------------------------------
mkdir -p "$RESULTS"
python3 - "$RESULTS/env.json" "$PORT" "${JVM_FLAGS[*]}" "$("$JAVA" -version 2>&1 | head -2 | tail -1)" \
    "$(redis-server --version)" "$(ulimit -n)" "$HERE/pom.xml" <<'PY'
import json, os, platform, re, sys
out, port, flags, java, redis, nofile, pom = sys.argv[1:]
text = open(pom).read()
versions = {k: re.search(r"<%s\.version>([^<]+)<" % k, text).group(1)
            for k in ("glide-jni", "valkey-glide", "lettuce", "jedis")}
mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))
json.dump({"jvm_flags": flags, "java": java, "redis": redis.split(" sha=")[0], "ulimit_n": nofile,
           "kernel": platform.release(), "cpus": os.cpu_count(), "mem_total_kb": int(mem),
           "versions": versions}, open(out, "w"), indent=1)
PY

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
        [ "$(redis-cli -p "$PORT" INFO clients | awk -F: '/^connected_clients/{print $2+0}')" -le 1 ] && break
        sleep 0.1
    done
done

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
