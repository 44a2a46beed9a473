#!/usr/bin/env bash
# Builds the client, starts a throwaway redis-server on a free loopback port and runs
# glide.examples.QuickStart against it. Exits with QuickStart's status.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi
MVN_FLAGS=(-B -ntp -q)
if [ "${CI:-}" = "true" ]; then
  export CARGO_TERM_COLOR=never NO_COLOR=1
  MVN_FLAGS+=(-Dstyle.color=never)
fi

bash "$ROOT/scripts/ensure-deps.sh"

echo "==> building (mvn install -DskipTests)" >&2
mvn "${MVN_FLAGS[@]}" install -DskipTests

VERSION=0.1.0-SNAPSHOT
CLIENT_JAR="$ROOT/java/client/target/glide-jni-$VERSION.jar"
EXAMPLES_CLASSES="$ROOT/java/examples/target/classes"
[ -f "$CLIENT_JAR" ] || { echo "run-example: $CLIENT_JAR was not built" >&2; exit 1; }

REDIS_DIR="$(mktemp -d -t glide-example-redis.XXXXXX)"
REDIS_PID=""
cleanup() {
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$REDIS_PID" 2>/dev/null || true
  fi
  rm -rf "$REDIS_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
redis_ping() {
  # RESP inline PING over bash's /dev/tcp; no redis-cli needed.
  local reply
  reply=$( { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && timeout 1 head -c 7 <&3; } 2>/dev/null ) || return 1
  [ "${reply%$'\r'*}" = "+PONG" ]
}

PORT=""
for attempt in 1 2 3 4 5; do
  candidate=$(( 20000 + RANDOM % 40000 ))
  port_in_use "$candidate" && continue
  redis-server --port "$candidate" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
    --protected-mode no --dir "$REDIS_DIR" >"$REDIS_DIR/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 100); do
    redis_ping "$candidate" && { PORT=$candidate; break; }
    kill -0 "$REDIS_PID" 2>/dev/null || break   # exited (e.g. lost a bind race): next port
    sleep 0.1
  done
  [ -n "$PORT" ] && break
  kill -9 "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
done
if [ -z "$PORT" ]; then
  echo "run-example: could not start redis-server; its log:" >&2
  cat "$REDIS_DIR/redis.log" >&2 || true
  exit 1
fi
echo "==> redis-server (pid $REDIS_PID) on 127.0.0.1:$PORT" >&2

echo "==> java glide.examples.QuickStart 127.0.0.1 $PORT" >&2
set +e
java -cp "$CLIENT_JAR:$EXAMPLES_CLASSES" glide.examples.QuickStart 127.0.0.1 "$PORT"
status=$?
set -e
exit "$status"
