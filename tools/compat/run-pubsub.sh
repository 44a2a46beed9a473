#!/usr/bin/env bash
# Pub/sub compatibility check (issue 15): glide-jni vs valkey-glide 2.3.1.
# Compiles src/PubSubCheck.java (with CompatCheck.java, whose rendering it uses) once against our
# jar, starts one standalone redis-server and a 3-primary cluster (no replicas: pub/sub needs no
# more) on free loopback ports, runs the check on both jars, diffs the outputs.
# Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), KEEP_SERVER=1 to debug.
set -u
. "$(dirname "$0")/common.sh"

classes="$out/pubsub-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/PubSubCheck.java" "$here/src/CompatCheck.java" \
    || die "javac failed"

command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
command -v redis-cli >/dev/null || die "redis-cli not found (redis-tools)"
# Four distinct ports p with p and p+10000 (a cluster node's bus port) both free: one standalone
# server, three cluster nodes.
read -r standalone ports <<<"$(python3 - <<'PY'
import random, socket
def free(p):
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", p)); return True
    except OSError:
        return False
    finally:
        s.close()
chosen = []
while len(chosen) < 4:
    p = random.randint(20000, 55000)
    if all(abs(p - q) not in (0, 10000) for q in chosen) and free(p) and free(p + 10000):
        chosen.append(p)
print(" ".join(map(str, chosen)))
PY
)" || die "could not pick ports"
dir=$(mktemp -d)
pids=()
cleanup() {
    if [ "${KEEP_SERVER:-0}" != 1 ]; then
        for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
        for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
        rm -rf "$dir"
    else
        echo "run-pubsub.sh: servers left running on ports $standalone $ports (pids ${pids[*]}, dir $dir)" >&2
    fi
}
trap cleanup EXIT
mkdir -p "$dir/$standalone"
"$REDIS_SERVER" --port "$standalone" --bind 127.0.0.1 --dir "$dir/$standalone" --save '' --appendonly no \
    --daemonize no >"$out/pubsub-redis-$standalone.log" 2>&1 &
pids+=($!)
for p in $ports; do
    mkdir -p "$dir/$p"
    "$REDIS_SERVER" --port "$p" --bind 127.0.0.1 --dir "$dir/$p" \
        --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000 \
        --save '' --appendonly no --daemonize no >"$out/pubsub-redis-$p.log" 2>&1 &
    pids+=($!)
done
for p in $standalone $ports; do
    for _ in $(seq 50); do
        redis-cli -p "$p" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -p "$p" ping >/dev/null 2>&1 || die "redis-server on $p did not start (see $out/pubsub-redis-$p.log)"
done
create_args=()
for p in $ports; do create_args+=("127.0.0.1:$p"); done
redis-cli --cluster create "${create_args[@]}" --cluster-replicas 0 --cluster-yes \
    >"$out/pubsub-cluster-create.log" 2>&1 || die "redis-cli --cluster create failed (see $out/pubsub-cluster-create.log)"
healthy() {
    local p info
    for p in $ports; do
        info=$(redis-cli -p "$p" cluster info 2>/dev/null) || return 1
        grep -q '^cluster_state:ok' <<<"$info" || return 1
        grep -q '^cluster_slots_ok:16384' <<<"$info" || return 1
    done
}
for _ in $(seq 300); do healthy && break; sleep 0.1; done
healthy || die "cluster not healthy after 30 s"
seed=${ports%% *}

run() { # name classpath
    # valkey-glide's core logs to stdout: keep the raw stream in NAME.raw, the check's lines in NAME.txt.
    timeout 300 java -cp "$2:$classes" PubSubCheck 127.0.0.1 "$standalone" "$seed" \
        >"$out/pubsub-$1.raw" 2>"$out/pubsub-$1.err"
    local rc=$?
    [ $rc -eq 0 ] || echo "run-pubsub.sh: $1 run exited with $rc (see $out/pubsub-$1.err)" >&2
    grep -aE '^\[pubsub (standalone|cluster)\] .* -> ' "$out/pubsub-$1.raw" >"$out/pubsub-$1.txt"
    [ -s "$out/pubsub-$1.txt" ] || die "$1 run printed nothing (see $out/pubsub-$1.err)"
}
run glide "$GLIDE_CP"
run ours "$OUR_JAR"

cd "$out"
diff -u pubsub-glide.txt pubsub-ours.txt
rc=$?
labels() { sed 's/ -> .*//' "$1" | sort -u; }
total=$(cat <(labels pubsub-glide.txt) <(labels pubsub-ours.txt) | sort -u | wc -l)
differ=$(diff <(sort pubsub-glide.txt) <(sort pubsub-ours.txt) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "$total lines, $differ differ"
[ $rc -eq 0 ] && exit 0 || exit 1
