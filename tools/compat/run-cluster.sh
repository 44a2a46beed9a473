#!/usr/bin/env bash
# Cluster behavioural compatibility check: glide-jni vs valkey-glide 2.3.1 on a real Redis Cluster.
# Compiles src/ClusterCompatCheck.java once against our jar, starts 3 primaries + 3 replicas on
# free loopback ports, runs the check against both jars, diffs the outputs.
# Optional sections (API that glide-jni may not have yet, e.g. cluster scan) are separate classes:
# each is compiled against our jar if it can be (and then used by both runs), else against
# valkey-glide only, and our run prints "not available" for it.
# Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), KEEP_SERVER=1 to debug.
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"

OPTIONAL_SECTIONS="ClusterScanSection ClusterUnlinkTouchSection ClusterBatchSection ClusterDownSection"

# 3. compile once, against our jar (optional sections against glide when ours lacks their API)
classes="$out/cluster-classes"
rm -rf "$classes" "$out/cluster-sections" && mkdir -p "$classes"
# ClusterCompatCheck reuses CompatCheck's renderer, so both are compiled together.
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/ClusterCompatCheck.java" "$here/src/CompatCheck.java" \
    || die "javac failed"
ours_extra=""
glide_extra=""
for s in $OPTIONAL_SECTIONS; do
    d="$out/cluster-sections/$s"
    mkdir -p "$d"
    if javac -nowarn -d "$d" -cp "$OUR_JAR:$classes" "$here/src/$s.java" 2>"$out/cluster-$s.javac-ours.err"; then
        ours_extra="$ours_extra:$d"
        glide_extra="$glide_extra:$d"
    else
        echo "run-cluster.sh: $s does not compile against glide-jni (see target/cluster-$s.javac-ours.err); glide only" >&2
        javac -nowarn -d "$d" -cp "$GLIDE_CP:$classes" "$here/src/$s.java" || die "$s does not compile against valkey-glide either"
        glide_extra="$glide_extra:$d"
    fi
done

# 4. throwaway cluster: 3 primaries + 3 replicas
command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
command -v redis-cli >/dev/null || die "redis-cli not found (redis-tools)"
# Six distinct ports p with p and p+10000 (the cluster bus port) both free.
ports=$(python3 - <<'PY'
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
while len(chosen) < 6:
    p = random.randint(20000, 55000)
    if all(abs(p - q) not in (0, 10000) for q in chosen) and free(p) and free(p + 10000):
        chosen.append(p)
print(" ".join(map(str, chosen)))
PY
) || die "could not pick ports"
clusterdir=$(mktemp -d)
pids=()
cleanup() {
    if [ "${KEEP_SERVER:-0}" != 1 ]; then
        for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
        for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
        rm -rf "$clusterdir"
    else
        echo "run-cluster.sh: cluster left running on ports $ports (pids ${pids[*]}, dir $clusterdir)" >&2
    fi
}
trap cleanup EXIT
for p in $ports; do
    mkdir -p "$clusterdir/$p"
    "$REDIS_SERVER" --port "$p" --bind 127.0.0.1 --dir "$clusterdir/$p" \
        --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000 \
        --save '' --appendonly no --enable-debug-command yes --daemonize no \
        >"$out/cluster-redis-$p.log" 2>&1 &
    pids+=($!)
done
for p in $ports; do
    for _ in $(seq 50); do
        redis-cli -p "$p" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -p "$p" ping >/dev/null 2>&1 || die "redis-server on $p did not start (see $out/cluster-redis-$p.log)"
done
create_args=()
for p in $ports; do create_args+=("127.0.0.1:$p"); done
redis-cli --cluster create "${create_args[@]}" --cluster-replicas 1 --cluster-yes \
    >"$out/cluster-create.log" 2>&1 || die "redis-cli --cluster create failed (see $out/cluster-create.log)"

# Healthy: every node says cluster_state:ok, knows all 16384 slots and sees 3 replicas.
healthy() {
    local p info
    for p in $ports; do
        info=$(redis-cli -p "$p" cluster info 2>/dev/null) || return 1
        grep -q '^cluster_state:ok' <<<"$info" || return 1
        grep -q '^cluster_slots_ok:16384' <<<"$info" || return 1
        [ "$(redis-cli -p "$p" cluster nodes | grep -c slave)" -ge 3 ] || return 1
    done
}
# A replica shows in CLUSTER SLOTS once it has replicated something; every range must list one.
replicas_announced() {
    local p
    for p in $ports; do
        redis-cli -p "$p" --json cluster slots 2>/dev/null \
            | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if r and all(len(x) >= 4 for x in r) else 1)' \
            || return 1
    done
}
wait_for() { # what predicate
    for _ in $(seq 300); do "$2" && return 0; sleep 0.1; done
    die "cluster: $1 (see $out/cluster-create.log)"
}
wait_for "not healthy after 30 s" healthy
primaries=()
replicas=()
for p in $ports; do
    if [ "$(redis-cli -p "$p" role | head -1)" = master ]; then primaries+=("$p"); else replicas+=("$p"); fi
done
[ ${#primaries[@]} -eq 3 ] && [ ${#replicas[@]} -eq 3 ] || die "expected 3 primaries + 3 replicas, got ${primaries[*]} / ${replicas[*]}"
# replicas[0] is the replica of primaries[1] (the check routes to both by address), so that its
# DBSIZE is the same from run to run.
for i in "${!replicas[@]}"; do
    if [ "$(redis-cli -p "${replicas[$i]}" role | sed -n 3p)" = "${primaries[1]}" ]; then
        r=${replicas[$i]}; replicas[$i]=${replicas[0]}; replicas[0]=$r
    fi
done
for p in "${primaries[@]}"; do redis-cli -p "$p" flushall >/dev/null; done
wait_for "replicas not announced in CLUSTER SLOTS after 30 s" replicas_announced
seed=${primaries[0]}

# 5. run both (FLUSHALL happens at the start of each protocol's script)
run() { # name classpath
    # valkey-glide's core logs to stdout: keep the raw stream in NAME.raw and only the check's
    # own lines in NAME.txt.
    timeout 300 java -cp "$2" ClusterCompatCheck 127.0.0.1 "$seed" "$(IFS=,; echo "${primaries[*]}")" "$(IFS=,; echo "${replicas[*]}")" \
        >"$out/cluster-$1.raw" 2>"$out/cluster-$1.err"
    local rc=$?
    [ $rc -eq 0 ] || echo "run-cluster.sh: $1 run exited with $rc (see $out/cluster-$1.err)" >&2
    grep -aE '^\[(RESP[23]( [a-z-]+)?|failures)\] .* -> ' "$out/cluster-$1.raw" >"$out/cluster-$1.txt"
    [ -s "$out/cluster-$1.txt" ] || die "$1 run printed nothing (see $out/cluster-$1.err)"
}
run glide "$GLIDE_CP:$classes$glide_extra"
run ours "$OUR_JAR:$classes$ours_extra"

# 6. diff
cd "$out"
diff -u cluster-glide.txt cluster-ours.txt
rc=$?
labels() { sed 's/ -> .*//' "$1" | sort -u; }
total=$(cat <(labels cluster-glide.txt) <(labels cluster-ours.txt) | sort -u | wc -l)
differ=$(diff <(sort cluster-glide.txt) <(sort cluster-ours.txt) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "$total lines, $differ differ"
# the ClusterBatch section on its own
part() { grep -a '^\[RESP[23] cluster-batch\] ' "$1"; }
btotal=$(cat <(part cluster-glide.txt | sed 's/ -> .*//') <(part cluster-ours.txt | sed 's/ -> .*//') | sort -u | wc -l)
bdiffer=$(diff <(part cluster-glide.txt | sort) <(part cluster-ours.txt | sort) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "of which cluster-batch: $btotal lines, $bdiffer differ"
[ $rc -eq 0 ] && exit 0 || exit 1
