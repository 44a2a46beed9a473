#!/usr/bin/env bash
# Behavioural compatibility check: glide-jni vs valkey-glide 2.3.1.
# Compiles src/CompatCheck.java once against our jar, runs it against both jars on a throwaway
# redis-server, diffs the outputs. Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), KEEP_SERVER=1 to debug.
set -u
# Paths, die, free_port; builds our jar and resolves glide's classpath (cached) if missing.
. "$(dirname "$0")/common.sh"

# 3. compile once, against our jar
classes="$out/classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/CompatCheck.java" "$here/src/FamiliesCheck.java" \
    || die "javac failed"

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
}
run glide "$GLIDE_CP"
run ours "$OUR_JAR"

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
[ $rc -eq 0 ] && exit 0 || exit 1
