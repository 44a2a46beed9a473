#!/usr/bin/env bash
# Authentication: glide-jni vs valkey-glide 2.3.1 (issue 15). Compiles src/AuthCheck.java once
# against our jar, runs it with both jars (in parallel, each with its own throwaway redis-server
# carrying an ACL admin user the check changes the server through), diffs the outputs.
# Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Then the same for a cluster client on a 3-primary cluster (CLUSTER=0 skips it).
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), SEQUENTIAL=1, CLUSTER.
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"

classes="$out/auth-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/AuthCheck.java" || die "javac failed"

command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
REDIS_CLI=${REDIS_CLI:-redis-cli}
workdir=$(mktemp -d)
srv_pids=()
cleanup() {
    local pid
    for pid in "${srv_pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${srv_pids[@]}"; do wait "$pid" 2>/dev/null; done
    rm -rf "$workdir"
}
trap cleanup EXIT
start_server() { # name -> sets server_port
    # The admin user is not the default user, so requirepass never locks the check out.
    start_redis "$1" "$workdir/$1" "$out/auth-redis-$1.log" \
        --user compat-admin on '>compat-admin-pw' '~*' '&*' '+@all'
}
start_server glide
glide_port=$server_port
start_server ours
ours_port=$server_port

run() { # name classpath port
    local name=$1 cp=$2 port=$3
    # stdout also carries valkey-glide's native log lines: keep the raw stream in .raw
    timeout 900 java -cp "$cp:$classes" AuthCheck "$port" "$REDIS_CLI" >"$out/auth-$name.raw" 2>"$out/auth-$name.err"
    grep -aE '^\[auth RESP[23]\] .* -> ' "$out/auth-$name.raw" >"$out/auth-$name.txt"
}
if [ "${SEQUENTIAL:-0}" = 1 ]; then
    run glide "$GLIDE_CP" "$glide_port"
    run ours "$OUR_JAR" "$ours_port"
else
    run glide "$GLIDE_CP" "$glide_port" &
    glide_job=$!
    run ours "$OUR_JAR" "$ours_port"
    wait "$glide_job"
fi

# The cluster section: 3 primaries, no replicas (requirepass would need masterauth), each with
# the admin user; glide's run, then ours, on the same cluster (each case resets the nodes).
if [ "${CLUSTER:-1}" = 1 ]; then
    cports=$(python3 - <<'PY'
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
while len(chosen) < 3:
    p = random.randint(20000, 55000)
    if all(abs(p - q) not in (0, 10000) for q in chosen) and free(p) and free(p + 10000):
        chosen.append(p)
print(" ".join(map(str, chosen)))
PY
) || die "could not pick cluster ports"
    for p in $cports; do
        mkdir -p "$workdir/cluster-$p"
        "$REDIS_SERVER" --port "$p" --bind 127.0.0.1 --dir "$workdir/cluster-$p" \
            --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000 \
            --save '' --appendonly no --daemonize no \
            --user compat-admin on '>compat-admin-pw' '~*' '&*' '+@all' \
            >"$out/auth-cluster-redis-$p.log" 2>&1 &
        srv_pids+=($!)
    done
    for p in $cports; do
        for _ in $(seq 50); do
            "$REDIS_CLI" -p "$p" ping >/dev/null 2>&1 && break
            sleep 0.1
        done
    done
    create_args=()
    for p in $cports; do create_args+=("127.0.0.1:$p"); done
    "$REDIS_CLI" --cluster create "${create_args[@]}" --cluster-yes >"$out/auth-cluster-create.log" 2>&1 \
        || die "redis-cli --cluster create failed (see $out/auth-cluster-create.log)"
    for _ in $(seq 100); do
        ok=1
        for p in $cports; do
            "$REDIS_CLI" -p "$p" cluster info 2>/dev/null | grep -q '^cluster_state:ok' || ok=0
        done
        [ $ok = 1 ] && break
        sleep 0.1
    done
    [ $ok = 1 ] || die "the cluster did not become healthy"
    plist=$(tr ' ' ',' <<<"$cports")
    for name in glide ours; do
        [ $name = glide ] && cp=$GLIDE_CP || cp=$OUR_JAR
        timeout 900 java -cp "$cp:$classes" AuthCheck cluster "$plist" "$REDIS_CLI" \
            >"$out/auth-cluster-$name.raw" 2>"$out/auth-cluster-$name.err"
        grep -aE '^\[auth cluster RESP[23]\] .* -> ' "$out/auth-cluster-$name.raw" >>"$out/auth-$name.txt"
    done
fi

cd "$out"
diff -u auth-glide.txt auth-ours.txt
rc=$?
labels() { sed 's/ -> .*//' "$1" | sort -u; }
total=$(cat <(labels auth-glide.txt) <(labels auth-ours.txt) | sort -u | wc -l)
differ=$(diff <(sort auth-glide.txt) <(sort auth-ours.txt) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "$total lines, $differ differ"
[ $rc -eq 0 ] && exit 0 || exit 1
