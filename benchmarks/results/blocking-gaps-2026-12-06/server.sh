# Sourced by the scripts here: start_server JAR starts a throwaway redis-server on a free loopback
# port (PORT; RP its pid, stopped on exit) and pre-fills it with JAR's Prefill, as benchmarks/run.sh does.
start_server() {
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >redis.log 2>&1 &
    RP=$!
    trap 'kill $RP' EXIT
    for _ in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
    java -cp "$1" io.glidejni.bench.Prefill 2>/dev/null | redis-cli -p "$PORT" --pipe >/dev/null
}

# start_fork JAR CLASS METHOD T NAME: one JMH fork of CLASS.METHOD at T threads against that server
# (3 s warm-up, 10 s measured; NAME.json, NAME.log), in the background; after 7 s (into the
# measured iteration) sets JP (the JMH launcher's pid, to wait for) and FORK (the fork's pid).
start_fork() {
    java -jar "$1" "io\.glidejni\.bench\.$2\.$3\$" -f 1 -wi 1 -w 3s -i 1 -r 10s -t "$4" \
        -bm thrpt -tu s -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" -rf json -rff "$5.json" >"$5.log" 2>&1 &
    JP=$!
    sleep 7
    FORK=$(for p in $(pgrep -f ForkedMain); do grep -q "bench.port=$PORT" /proc/$p/cmdline && echo $p; done | head -1)
}
