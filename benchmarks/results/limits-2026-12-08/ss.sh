HERE=$(cd "$(dirname "$0")" && pwd)
. $HERE/../blocking-gaps-2026-12-06/server.sh
start_server $1
start_fork $1 $2 $3 $4 p
ss -tmi "sport = :$PORT or dport = :$PORT" | head -30
wait $JP
