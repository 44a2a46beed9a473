#!/bin/bash
# The cost of glide-jni's logging and tracing (issue 17): the same glide-jni benchmarks.jar run with
# each configuration below in turn, clients interleaved per point, REPS passes in alternating order,
# against one plaintext redis-server; W1 (80/20 GET/SET of 100 B over 10,000 keys).
#
#   observability-ab.sh JAR REPS MODE "POINTS"
#     MODE blocking:  JMH GlideJniBench.w1Mixed, POINTS = threads blocked in get() (e.g. "1 10 100")
#     MODE callbacks: CallbacksMain, POINTS = callback chains (e.g. "1 16 128")
#     MODE vt:        CallbacksMain --virtual-threads, 100 virtual threads, POINTS = carrier
#                     parallelism (e.g. "1 2"); Temurin 25
#   CONFIGS (environment) narrows the configurations (default: all seven).
#
# Configurations (see benchmarks/glide-jni's Observability.java for the -Dbench.* properties):
#   base        nothing configured: core events at WARN and above reach java.util.logging
#   jul-off     java.util.logging's "glide" loggers OFF: no event crosses JNI
#   jul-debug   java.util.logging's "glide" loggers at FINEST with a console handler (stderr)
#   log-debug   Logger.init(DEBUG, file)
#   otel0       OpenTelemetry.init, spans sampled at 0% (file exporter)
#   otel1       the same at 1%
#   otel100     the same at 100% (every request a span, exported to a file)
set -euo pipefail
JAR=$(readlink -f "$1"); REPS=$2; MODE=$3; POINTS=$4
CONFIGS=${CONFIGS:-"base jul-off jul-debug log-debug otel0 otel1 otel100"}
VT_JAVA=${VT_JAVA:-$(ls -d /usr/lib/jvm/temurin-2*/bin/java 2>/dev/null | sort -V | tail -1)}
WORK=$(mktemp -d -t glide-obs.XXXXXX)
cd "$WORK"
printf 'handlers=java.util.logging.ConsoleHandler\n.level=INFO\nglide.level=OFF\n' >jul-off.properties
printf 'handlers=java.util.logging.ConsoleHandler\njava.util.logging.ConsoleHandler.level=ALL\n.level=INFO\nglide.level=FINEST\n' >jul-debug.properties
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >redis.log 2>&1 &
RP=$!
trap 'kill $RP; rm -rf "$WORK" /tmp/glide-bench-logs /tmp/glide-bench-spans.json /tmp/glide-bench-metrics.json' EXIT
sleep 0.5
java -cp "$JAR" io.glidejni.bench.Prefill 2>/dev/null | redis-cli -p "$PORT" --pipe >/dev/null

props() {
  case $1 in
    base) ;;
    jul-off) echo "-Djava.util.logging.config.file=$WORK/jul-off.properties" ;;
    jul-debug) echo "-Djava.util.logging.config.file=$WORK/jul-debug.properties" ;;
    log-debug) echo "-Dbench.log=DEBUG" ;;
    otel0) echo "-Dbench.otel.percent=0" ;;
    otel1) echo "-Dbench.otel.percent=1" ;;
    otel100) echo "-Dbench.otel.percent=100" ;;
    *) echo "unknown configuration $1" >&2; exit 2 ;;
  esac
}

configs=($CONFIGS)
for rep in $(seq "$REPS"); do
  for point in $POINTS; do
    order=("${configs[@]}"); [ $((rep % 2)) = 0 ] && order=($(printf '%s\n' "${configs[@]}" | tac))
    for c in "${order[@]}"; do
      rm -rf /tmp/glide-bench-logs /tmp/glide-bench-spans.json /tmp/glide-bench-metrics.json
      base="-Xms2g -Xmx2g -Dbench.host=127.0.0.1 -Dbench.port=$PORT -Dbench.server.pid=$RP $(props "$c")"
      case $MODE in
        blocking)
          java -jar "$JAR" 'io\.glidejni\.bench\.GlideJniBench\.w1Mixed$' -f 1 -wi 1 -w 3s -i 3 -r 3s -t "$point" \
            -bm thrpt -tu s -jvmArgs "$base" -rf json -rff x.json >x.log 2>&1
          python3 -c "
import json; d=json.load(open('x.json'))[0]; m=d['primaryMetric']
print('rep$rep', 'threads=$point', '$c', '%.0f ops/s' % m['score'], [round(x) for x in m['rawData'][0]])" ;;
        callbacks|vt)
          if [ "$MODE" = vt ]; then
            cmd=("$VT_JAVA" $base -Djdk.virtualThreadScheduler.parallelism="$point" -cp "$JAR" io.glidejni.bench.CallbacksMain --workload w1 --chains 100 --virtual-threads)
          else
            cmd=(java $base -cp "$JAR" io.glidejni.bench.CallbacksMain --workload w1 --chains "$point")
          fi
          "${cmd[@]}" --warmup "${WARM:-2}" --measure "${MEAS:-4}" 2>/dev/null | python3 -c "
import json, sys; d = json.loads(sys.stdin.readline())
print('rep$rep', '$MODE=$point', '$c', '%.0f ops/s' % d['ops_per_s'], 'p50 %.0f p99 %.0f us' % (d['p50_us'], d['p99_us']),
      'cpu %.2f us/op' % d['cpu_client_us_per_op'], 'FAILED' if d.get('failed') else '')" ;;
        *) echo "unknown mode $MODE" >&2; exit 2 ;;
      esac
      if [ "$c" = otel100 ] || [ "$c" = otel1 ]; then
        echo "   spans written: $(wc -l </tmp/glide-bench-spans.json 2>/dev/null || echo 0)"
      fi
    done
  done
done
