#!/usr/bin/env bash
# Behavioural compatibility check: glide-jni vs valkey-glide 2.3.1.
# Compiles src/CompatCheck.java (+ FamiliesCheck, BatchCheck) once against our jar, runs them
# against both jars on a throwaway redis-server, diffs the outputs. Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), KEEP_SERVER=1 to debug.
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"

# 3. compile once, against our jar. BatchCheck uses valkey-glide's Batch builder API, which our
# jar may not have complete yet: when it does not compile against ours, it is compiled against
# glide alone (into classes-batch-glide), and our run prints "not available" for the batches.
classes="$out/classes"
batch_classes_glide="$out/classes-batch-glide"
rm -rf "$classes" "$batch_classes_glide" && mkdir -p "$classes"
if javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/CompatCheck.java" "$here/src/FamiliesCheck.java" \
    "$here/src/BatchCheck.java" 2>"$out/BatchCheck.javac-ours.err"; then
    batch_ours=1
    batch_classes_glide="$classes"
else
    batch_ours=0
    rm -rf "$classes" && mkdir -p "$classes" "$batch_classes_glide"
    javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/CompatCheck.java" "$here/src/FamiliesCheck.java" \
        || die "javac failed"
    javac -nowarn -d "$batch_classes_glide" -cp "$GLIDE_CP" "$here/src/BatchCheck.java" \
        || die "javac of BatchCheck.java against valkey-glide failed"
    echo "run.sh: BatchCheck.java does not compile against our jar (see $out/BatchCheck.javac-ours.err);" \
        "our batch lines say 'not available'" >&2
fi

# 4. throwaway server
command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
port=$(free_port)
srvdir=$(mktemp -d)
"$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$srvdir" \
    --enable-debug-command yes --daemonize no >"$out/redis.log" 2>&1 &
srv_pid=$!
cleanup() {
    if [ "${KEEP_SERVER:-0}" != 1 ]; then kill "$srv_pid" 2>/dev/null; wait "$srv_pid" 2>/dev/null; fi
    rm -rf "$srvdir"
}
trap cleanup EXIT
for _ in $(seq 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
done
redis-cli -p "$port" ping >/dev/null 2>&1 || die "redis-server did not start (see $out/redis.log)"

# 5. run both
run() { # name classpath
    # stdout of the JVM also carries native log lines (valkey-glide's core logs to stdout);
    # keep the raw stream in NAME.raw and only the check's own lines in NAME.txt.
    timeout 300 java -cp "$2:$classes" CompatCheck 127.0.0.1 "$port" >"$out/$1.raw" 2>"$out/$1.err"
    local rc=$?
    [ $rc -eq 0 ] || echo "run.sh: $1 run exited with $rc (see $out/$1.err)" >&2
    grep -aE '^\[(RESP[23]|failures)\] .* -> ' "$out/$1.raw" >"$out/$1.txt"
    # the command families (FamiliesCheck), appended: "[families RESPn] ..." lines
    timeout 300 java -cp "$2:$classes" FamiliesCheck 127.0.0.1 "$port" >"$out/$1-families.raw" 2>"$out/$1-families.err"
    rc=$?
    [ $rc -eq 0 ] || echo "run.sh: $1 families run exited with $rc (see $out/$1-families.err)" >&2
    grep -aE '^\[families RESP[23]\] .* -> ' "$out/$1-families.raw" >>"$out/$1.txt"
    # batches (BatchCheck), appended: "[batch RESPn] ..." lines
    if [ "$3" = none ]; then
        local p
        for p in RESP3 RESP2; do
            echo "[batch $p] BatchCheck -> not available (does not compile against glide-jni, see BatchCheck.javac-ours.err)"
        done >>"$out/$1.txt"
        return
    fi
    timeout 300 java -cp "$2:$3" BatchCheck 127.0.0.1 "$port" >"$out/$1-batch.raw" 2>"$out/$1-batch.err"
    rc=$?
    [ $rc -eq 0 ] || echo "run.sh: $1 batch run exited with $rc (see $out/$1-batch.err)" >&2
    grep -aE '^\[batch RESP[23]\] .* -> ' "$out/$1-batch.raw" >>"$out/$1.txt"
}
run glide "$GLIDE_CP" "$batch_classes_glide"
if [ "$batch_ours" = 1 ]; then run ours "$OUR_JAR" "$classes"; else run ours "$OUR_JAR" none; fi

# 6. diff
cd "$out"
diff -u glide.txt ours.txt
rc=$?
labels() { sed 's/ -> .*//' "$1" | sort -u; }
total=$(cat <(labels glide.txt) <(labels ours.txt) | sort -u | wc -l)
differ=$(diff <(sort glide.txt) <(sort ours.txt) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "$total lines, $differ differ"
fam() { grep -a '^\[families ' "$1"; }
ftotal=$(cat <(labels <(fam glide.txt)) <(labels <(fam ours.txt)) | sort -u | wc -l)
fdiffer=$(diff <(fam glide.txt | sort) <(fam ours.txt | sort) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "of which families: $ftotal lines, $fdiffer differ"
bat() { grep -a '^\[batch ' "$1"; }
btotal=$(cat <(labels <(bat glide.txt)) <(labels <(bat ours.txt)) | sort -u | wc -l)
bdiffer=$(diff <(bat glide.txt | sort) <(bat ours.txt | sort) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "of which batches: $btotal lines, $bdiffer differ"
[ $rc -eq 0 ] && exit 0 || exit 1
