#!/usr/bin/env bash
# Soak and chaos (issue 14, item 5): a mixed workload on a GlideClient and a GlideClusterClient
# for a bounded time while standalone servers and cluster primaries are SIGKILLed and restarted;
# every future is accounted for. See README.md here and src/ChaosSoak.java.
# Usage: tools/chaos/run.sh [seconds]   (default $CHAOS_SECONDS, else 120)
# Writes the report to tools/chaos/results/<date>.md (or $CHAOS_RESULTS).
# Exit 0: no hung future, every reply right, both clients served again after every kill;
# 1: otherwise (including a JVM that died); 2: setup error.
# Env: CHAOS_SECONDS, CHAOS_RESULTS, OUR_JAR (default: java/client/target's jar, built if missing),
# CHAOS_THREADS, CHAOS_CHAINS, CHAOS_STANDALONE_KILL_EVERY, CHAOS_CLUSTER_KILL_EVERY,
# CHAOS_STANDALONE_DOWN_MS, CHAOS_QUIET_TAIL, CHAOS_REPORT_EVERY (read by ChaosSoak.java);
# CHAOS_PLANT_HUNG=1 plants one never-ending BLPOP to show the hung detector fails the run
# (then the report goes to target/planted-hung.md).
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$here/target"
seconds=${1:-${CHAOS_SECONDS:-120}}
die() { echo "chaos/run.sh: $*" >&2; exit 2; }
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -ge 30 ] || die "seconds must be a number >= 30, got '$seconds'"
mkdir -p "$out" "$here/results"

# Toolchain (redis-server, redis-cli, a JDK, maven, cargo): installed only when missing.
for tool in redis-server redis-cli javac mvn; do
    command -v "$tool" >/dev/null 2>&1 || { "$repo/scripts/ensure-deps.sh" || die "scripts/ensure-deps.sh failed"; break; }
done

# Our jar: the one this tree built, else build it (the native library is built by cargo through Maven).
jar=${OUR_JAR:-$(ls "$repo"/java/client/target/glide-jni-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
    echo "chaos/run.sh: building the client jar..." >&2
    (cd "$repo" && nice -n 10 mvn -B -ntp -q -pl java/client -am package -DskipTests) || die "maven build failed"
    jar=$(ls "$repo"/java/client/target/glide-jni-*.jar | grep -v -e sources -e javadoc | head -1)
fi
[ -f "$jar" ] || die "no client jar"

# The program plus the test harness that starts, kills and restarts servers and forms the cluster.
testutil="$repo/java/client/src/test/java/glide/testutil"
rm -rf "$out/classes"
javac --release 11 -nowarn -d "$out/classes" -cp "$jar" \
    "$testutil/RedisServer.java" "$testutil/RedisCluster.java" "$testutil/TlsCerts.java" \
    "$testutil/SlotMigration.java" "$here/src/ChaosSoak.java" || die "javac failed"

# The servers' directories live under a fresh temp dir of this run (java.io.tmpdir), and each
# server runs in its directory; so a server the JVM leaves behind (if it dies) is found by its
# working directory (redis-server rewrites its command line) and killed by its own pid.
rundir=$(mktemp -d "${TMPDIR:-/tmp}/glide-chaos.XXXXXX")
reap() {
    local p cwd
    for p in /proc/[0-9]*; do
        cwd=$(readlink "$p/cwd" 2>/dev/null) || continue
        case "$cwd" in
            "$rundir"/*)
                echo "chaos/run.sh: killing leftover $(tr -s '\0 ' '  ' 2>/dev/null <"$p/cmdline") (pid ${p#/proc/})" >&2
                kill -9 "${p#/proc/}" 2>/dev/null ;;
        esac
    done
    rm -rf "$rundir"
}
trap reap EXIT

# Fixed heap, touched at start: RSS growth over the run is then native memory, not the heap growing.
jvm_opts=(-Xms256m -Xmx256m -XX:+AlwaysPreTouch -Djava.io.tmpdir="$rundir" -XX:ErrorFile="$out/hs_err_pid%p.log")
report="$out/report.md"
rm -f "$report"
started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
java "${jvm_opts[@]}" -cp "$jar:$out/classes" ChaosSoak "$seconds" "$report"
rc=$?

if [ -n "${CHAOS_PLANT_HUNG:-}" ]; then default_results="$out/planted-hung.md"; else default_results="$here/results/$(date +%F).md"; fi
results=${CHAOS_RESULTS:-$default_results}
{
    echo "# Chaos run $started"
    echo
    echo "- command: \`tools/chaos/run.sh $seconds\` (niceness $(ps -o ni= $$ | tr -d ' '))"
    echo "- machine: $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
    echo "- JDK: $(java -version 2>&1 | head -2 | tail -1); JVM options: ${jvm_opts[*]:0:3}"
    echo "- server: $(redis-server --version | cut -d' ' -f1-3)"
    echo "- client: $(basename "$jar"), tree at $(cd "$repo" && git rev-parse --short HEAD)$(cd "$repo" && git diff --quiet -- rust java/client/src/main || echo ' + local changes')"
    echo "- exit code: $rc"
    echo
    if [ -s "$report" ]; then
        cat "$report"
    else
        echo "## Result: FAIL"
        echo
        echo "The JVM ended with exit code $rc without writing its report$(ls "$out"/hs_err_pid*.log >/dev/null 2>&1 && echo " (crash log: $(ls -t "$out"/hs_err_pid*.log | head -1))")."
    fi
} >"$results"
echo "chaos/run.sh: report written to ${results#$repo/}" >&2
case $rc in
    0 | 1 | 2) exit $rc ;;
    *) echo "chaos/run.sh: the JVM ended with exit code $rc (crashed?)" >&2; exit 1 ;;
esac
