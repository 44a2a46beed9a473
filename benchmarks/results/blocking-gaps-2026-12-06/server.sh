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
