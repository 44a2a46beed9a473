#!/bin/bash
# heap.sh CLASS:METHOD THREADS NAME=JAR...: JMH's heap bytes allocated per operation (-prof gc) of
# each jar, one short fork each. Allocation per operation does not depend on the machine's load.
IFS=: read -r CLS M <<<"$1"; T=$2; shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$(mktemp -d)" # JMH's files and the server's log
. "$HERE/../blocking-gaps-2026-12-06/server.sh"
start_server "${1#*=}"
for entry in "$@"; do
  name=${entry%%=*}; jar=${entry#*=}
  java -jar "$jar" "io\.glidejni\.bench\.$CLS\.$M\$" -f 1 -wi 1 -w 2s -i 1 -r 4s -t "$T" -bm thrpt -tu s -prof gc \
    -jvmArgs "-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT" >"heap-$name.log" 2>&1
  printf '%s t=%s %-6s %s B/op\n' "$M" "$T" "$name" "$(grep -E 'gc.alloc.rate.norm +thrpt' "heap-$name.log" | awk '{print $3}')"
done
