# Sourced by modethreads.sh, sysc.sh and sleeps.sh: start_jvm JAR "CallbacksMain args" MEASURE_S starts a
# throwaway pre-filled redis-server (PORT, RP; ../blocking-gaps-2026-12-06/server.sh) and, in a
# fresh directory, a CallbacksMain JVM (JP) on W1 with 2 s of warm-up; its JSON line goes to out.txt.
# JAVA and JOPTS (e.g. -Djdk.virtualThreadScheduler.parallelism=1) choose the JVM and its options.
. "$(dirname "${BASH_SOURCE[0]}")/../blocking-gaps-2026-12-06/server.sh"
start_jvm() {
    local jar
    jar=$(realpath "$1")
    cd "$(mktemp -d)" || exit 1
    start_server "$jar"
    ${JAVA:-java} -Xms2g -Xmx2g ${JOPTS:-} -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP \
        -cp "$jar" io.glidejni.bench.CallbacksMain --workload w1 $2 --warmup 2 --measure "$3" > out.txt 2>/dev/null &
    JP=$!
}
