#!/usr/bin/env bash
# Logs and traces: glide-jni vs valkey-glide 2.3.1 (issue 17). Compiles src/ObservabilityCheck.java
# once against our jar and runs it with each jar, at each Logger level in LEVELS, each run in a
# directory of its own (where Logger writes glide-logs/ and the exporters their files) with a
# redis-server of its own that the check kills and restarts; diffs what each run printed.
# The log lines each check matched are kept in target/observability-<jar>-<level>.err.
# Exit 0 when identical, 1 when they differ, 2 on setup errors.
# Env: GLIDE_VERSION (default 2.3.1), REDIS_SERVER (default redis-server), LEVELS (default "WARN INFO").
set -u
. "$(dirname "$0")/common.sh"

classes="$out/observability-classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$OUR_JAR" "$here/src/ObservabilityCheck.java" || die "javac failed"
command -v "$REDIS_SERVER" >/dev/null || die "$REDIS_SERVER not found"
server=$(command -v "$REDIS_SERVER")
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

for level in ${LEVELS:-WARN INFO}; do
    for name in glide ours; do
        [ $name = glide ] && cp=$GLIDE_CP || cp=$OUR_JAR
        dir="$workdir/$name-$level"
        mkdir -p "$dir"
        # stdout also carries valkey-glide's own console lines: keep only the check's.
        (cd "$dir" && timeout 300 java -cp "$cp:$classes" ObservabilityCheck "$level" "$server" "$(free_port)") \
            >"$out/observability-$name-$level.raw" 2>"$out/observability-$name-$level.err"
        grep -aE '^(get before|batch|client recovered|get after|log at [A-Z]+ shows the [a-z ]+|span names): ' "$out/observability-$name-$level.raw" \
            | sed "s/^/[$level] /" >>"$out/observability-$name.txt.new"
    done
done
cd "$out"
mv observability-glide.txt.new observability-glide.txt
mv observability-ours.txt.new observability-ours.txt
diff -u observability-glide.txt observability-ours.txt
rc=$?
echo "$(wc -l <observability-ours.txt) lines, $(diff observability-glide.txt observability-ours.txt | grep -c '^>') differ"
[ $rc -eq 0 ] && exit 0 || exit 1
