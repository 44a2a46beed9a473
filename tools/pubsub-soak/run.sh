#!/usr/bin/env bash
# A slow pub/sub consumer under a flood, then a server restart (issue 6): see SlowConsumer.java.
# Usage: tools/pubsub-soak/run.sh [megabytes=300] [bound-megabytes=32]. Exit 0 when every check holds.
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mb=${1:-300}
bound=${2:-32}
out="$here/target"
mkdir -p "$out"
jar=$(ls "$repo"/java/client/target/glide-jni-*.jar 2>/dev/null | grep -v sources | grep -v javadoc | head -1)
if [ -z "$jar" ]; then
    (cd "$repo" && mvn -B -ntp -q install -DskipTests) || exit 2
    jar=$(ls "$repo"/java/client/target/glide-jni-*.jar | grep -v sources | grep -v javadoc | head -1)
fi
javac -nowarn -d "$out/classes" -cp "$jar" "$here/SlowConsumer.java" || exit 2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d)
start_server() {
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
        --daemonize no >"$out/redis.log" 2>&1 &
    srv=$!
    for _ in $(seq 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && return; sleep 0.1; done
}
start_server
signal="$out/restart.signal"
rm -f "$signal"
java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -cp "$jar:$out/classes" SlowConsumer 127.0.0.1 "$port" "$mb" "$bound" "$signal" &
app=$!
while kill -0 "$app" 2>/dev/null; do
    if [ -f "$signal" ]; then
        kill -9 "$srv"; wait "$srv" 2>/dev/null
        sleep 0.5
        start_server
        rm -f "$signal"
    fi
    sleep 0.1
done
wait "$app"
rc=$?
kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null
rm -rf "$dir"
exit $rc
