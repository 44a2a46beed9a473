#!/usr/bin/env bash
# Which exception each failure gives: glide-jni vs valkey-glide 2.3.1 (issue 14).
# Compiles src/FailuresCheck.java and the Java tests' fake server
# (java/client/src/test/java/glide/testutil/ScriptedServer.java) once against our jar, runs the
# check with both jars (in parallel, each with its own throwaway redis-server), diffs the outputs.
# Each section runs in its own JVM; when a JVM dies (a crash, or killed after $CASE_JVM_TIMEOUT s),
# the case it was running is recorded as "JVM DIED (exit N)" and a new JVM goes on with the next.
# Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), SECTIONS (default all:
# handshake real fake fake-cluster), SEQUENTIAL=1 (one jar after the other), KEEP_SERVER=1.
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"

CASE_JVM_TIMEOUT=${CASE_JVM_TIMEOUT:-170}
scripted_server="$repo/java/client/src/test/java/glide/testutil/ScriptedServer.java"

# 3. compile once, against our jar
classes="$out/failures-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/FailuresCheck.java" "$scripted_server" \
    || die "javac failed"
SECTIONS=${SECTIONS:-$(java -cp "$OUR_JAR:$classes" FailuresCheck list)}

# 4. one throwaway server per jar (DEBUG SLEEP blocks a whole server, and the jars run in
# parallel); the "server killed" case starts and SIGKILLs servers of its own, whose pid files
# land in the work directory, so that they are cleaned up even when a JVM dies.
command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
workdir=$(mktemp -d)
srv_pids=()
cleanup() {
    if [ "${KEEP_SERVER:-0}" != 1 ]; then
        local pid f
        for pid in "${srv_pids[@]}"; do kill "$pid" 2>/dev/null; done
        for f in "$workdir"/*/*.pid; do
            [ -f "$f" ] || continue
            pid=$(cat "$f")
            grep -qa redis-server "/proc/$pid/cmdline" 2>/dev/null && kill "$pid" 2>/dev/null
        done
        for pid in "${srv_pids[@]}"; do wait "$pid" 2>/dev/null; done
        rm -rf "$workdir"
    else
        echo "run-failures.sh: servers left running (pids ${srv_pids[*]}, dir $workdir)" >&2
    fi
}
trap cleanup EXIT
start_server() { # name -> sets server_port
    start_redis "$1" "$workdir/$1-server" "$out/failures-redis-$1.log" --enable-debug-command yes
}
start_server glide
glide_port=$server_port
start_server ours
ours_port=$server_port

# 5. run both
run() { # name classpath port
    local name=$1 cp=$2 port=$3 section from rc attempt started index label
    local txt="$out/failures-$name.txt" raw="$out/failures-$name.raw" err="$out/failures-$name.err"
    : >"$txt"; : >"$raw"; : >"$err"
    mkdir -p "$workdir/$name"
    for section in $SECTIONS; do
        from=0
        while :; do
            attempt="$workdir/$name/attempt.err"
            # stdout also carries valkey-glide's native log lines: keep the raw stream in .raw
            timeout "$CASE_JVM_TIMEOUT" java -cp "$cp:$classes" FailuresCheck "$section" "$from" "$port" \
                "$REDIS_SERVER" "$workdir/$name" >>"$raw" 2>"$attempt"
            rc=$?
            cat "$attempt" >>"$err"
            grep -q '^#done$' "$attempt" && break
            started=$(grep -a '^#start ' "$attempt" | tail -1)
            if [ -z "$started" ]; then
                echo "[$section] section -> JVM DIED (exit $rc) before its first case" >>"$raw"
                echo "run-failures.sh: $name $section: JVM exited with $rc before its first case" >&2
                break
            fi
            index=$(awk '{print $2}' <<<"$started")
            label=${started#"#start $index "}
            echo "[$section] $label -> JVM DIED (exit $rc)" >>"$raw"
            echo "run-failures.sh: $name: the JVM died (exit $rc) in [$section] $label; going on after it" >&2
            from=$(( index + 1 ))
        done
    done
    grep -aE '^\[(handshake|real|fake|fake-cluster)\] .* -> ' "$raw" >"$txt"
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

# 6. diff
cd "$out"
diff -u failures-glide.txt failures-ours.txt
rc=$?
labels() { sed 's/ -> .*//' "$1" | sort -u; }
total=$(cat <(labels failures-glide.txt) <(labels failures-ours.txt) | sort -u | wc -l)
differ=$(diff <(sort failures-glide.txt) <(sort failures-ours.txt) | sed -n 's/^[<>] //p' | sed 's/ -> .*//' | sort -u | wc -l)
echo "$total lines, $differ differ"
[ $rc -eq 0 ] && exit 0 || exit 1
