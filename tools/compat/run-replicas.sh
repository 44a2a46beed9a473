#!/usr/bin/env bash
# A standalone client given a primary and its replica: glide-jni vs valkey-glide 2.3.1 (issue 15).
# Compiles src/ReplicasCheck.java once against our jar, starts a primary, its replica and a second
# primary (for the conflict case), runs the check with one jar after the other on the same
# servers, diffs the outputs. Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server).
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"

classes="$out/replicas-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/ReplicasCheck.java" || die "javac failed"

command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
workdir=$(mktemp -d)
srv_pids=()
cleanup() {
    local pid
    for pid in "${srv_pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${srv_pids[@]}"; do wait "$pid" 2>/dev/null; done
    rm -rf "$workdir"
}
trap cleanup EXIT
start_server() { # name [args...] -> sets server_port
    local name=$1
    shift
    start_redis "$name" "$workdir/$name" "$out/replicas-redis-$name.log" "$@"
}
start_server primary
primary_port=$server_port
start_server replica --replicaof 127.0.0.1 "$primary_port"
replica_port=$server_port
start_server other
other_port=$server_port
for _ in $(seq 100); do
    redis-cli -p "$replica_port" info replication | grep -q 'master_link_status:up' && break
    sleep 0.1
done

run() { # name classpath
    # stdout also carries valkey-glide's native log lines: keep the raw stream in .raw
    timeout 600 java -cp "$2:$classes" ReplicasCheck "$primary_port" "$replica_port" "$other_port" redis-cli \
        >"$out/replicas-$1.raw" 2>"$out/replicas-$1.err"
    grep -aE '^\[replicas\] .* -> ' "$out/replicas-$1.raw" >"$out/replicas-$1.txt"
}
run glide "$GLIDE_CP"
run ours "$OUR_JAR"
[ -s "$out/replicas-glide.txt" ] || die "the valkey-glide run printed nothing (see $out/replicas-glide.err)"
cd "$out" || die "no $out"
diff -u replicas-glide.txt replicas-ours.txt
status=$?
echo "$(cat replicas-glide.txt | wc -l) lines, $(diff replicas-glide.txt replicas-ours.txt | grep -c '^<') differ"
exit $status
