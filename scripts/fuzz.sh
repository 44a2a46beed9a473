#!/usr/bin/env bash
# Builds the fuzz targets in rust/fuzz (cargo-fuzz, libFuzzer, nightly Rust) once, replays
# each target's checked-in corpus in full, then fuzzes each target in turn for N seconds and
# reports the runs it executed. A crash or a violated property fails the script; the input
# that did it is saved under rust/fuzz/artifacts/<target>/ (see rust/fuzz/README.md).
# Usage: scripts/fuzz.sh [seconds-per-target]   (default 60; 0 replays the corpus only)
#        FUZZ_JOBS=1 scripts/fuzz.sh               (one target at a time; default: one per core)
#        FUZZ_TARGETS="resp_parse reply_shape" scripts/fuzz.sh 300   (some targets only)
#        scripts/fuzz.sh --build-only           (build the targets, run nothing; scripts/test.sh
#                                                runs it while the Rust tests run)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/rust/fuzz"
BUILD_ONLY=false
if [ "${1:-}" = "--build-only" ]; then
  BUILD_ONLY=true
  shift
fi
SECONDS_PER_TARGET="${1:-60}"
if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [--build-only] [seconds-per-target]" >&2
  exit 2
fi

if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

cd "$FUZZ"
TARGETS="${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}"
HOST="$(rustc +nightly -vV | sed -n 's/^host: //p')"
BIN="$FUZZ/target/$HOST/release"

start=$(date +%s)
echo "==> cargo +nightly fuzz build (address sanitizer, debug assertions)"
# -a: overflow checks and debug assertions, so arithmetic on lengths read from the input is checked.
cargo +nightly fuzz build -a
build_seconds=$(( $(date +%s) - start ))
if $BUILD_ONLY; then
  echo "fuzz build: ${build_seconds}s"
  exit 0
fi

WORK="$(mktemp -d -t glide-fuzz.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# One target's corpus replay and fuzzing run. Writes its summary line to $WORK/<target>.line and
# exits non-zero when it failed (the failure's details go to stderr).
fuzz_one() {
  local target=$1
  local corpus="$FUZZ/corpus/$target"
  local artifacts="$FUZZ/artifacts/$target"
  local log="$WORK/$target.log"
  mkdir -p "$corpus" "$artifacts" "$WORK/$target"

  # Every checked-in input, in full: the fuzzing run below cuts inputs to -max_len bytes.
  local inputs=("$corpus"/*)
  [ -e "${inputs[0]}" ] || inputs=()
  echo "==> $target: replaying ${#inputs[@]} corpus inputs"
  if [ "${#inputs[@]}" -gt 0 ] && ! "$BIN/$target" -artifact_prefix="$artifacts/" "${inputs[@]}" >"$log" 2>&1; then
    { grep -E "^Running: " "$log" | tail -n1; grep -E -A1 "panicked at" "$log" | head -n2; grep -E "ERROR: |^SUMMARY" "$log"; } >&2 \
      || tail -n 30 "$log" >&2
    echo "fuzz $target: FAILED on a corpus input (full log above)" >&2
    echo "fuzz $target: FAILED replaying the corpus" >"$WORK/$target.line"
    return 1
  fi
  if [ "$SECONDS_PER_TARGET" -eq 0 ]; then
    echo "fuzz $target: corpus of ${#inputs[@]} inputs replayed" >"$WORK/$target.line"
    return 0
  fi

  echo "==> $target: fuzzing for ${SECONDS_PER_TARGET}s"
  # New inputs go to the scratch directory (first), so the checked-in corpus stays as it is.
  # 4096 bytes keep runs fast; longer inputs are what the replay above and long runs are for.
  local rc=0 target_start runs rate line
  target_start=$(date +%s)
  "$BIN/$target" "$WORK/$target" "$corpus" \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=4096 -timeout=25 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  runs=${runs:-$(sed -n 's/^#\([0-9]*\).*/\1/p' "$log" | tail -n1)}
  rate=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' "$log" | tail -n1)
  line=$(printf 'fuzz %-13s %10s runs in %ss (%s runs/s)' "$target:" "${runs:-0}" "$(( $(date +%s) - target_start ))" "${rate:-?}")
  if [ "$rc" -ne 0 ]; then
    # The panic (message, file:line) or sanitizer report, and where the input was saved.
    { grep -E -A1 "panicked at" "$log" | head -n2; grep -E "ERROR: |^SUMMARY|Test unit written|^Base64" "$log"; } >&2 \
      || tail -n 30 "$log" >&2
    line="$line  FAILED (exit $rc; input saved in $artifacts/)"
  fi
  echo "    $line"
  echo "$line" >"$WORK/$target.line"
  return "$rc"
}

# Each libFuzzer run is one process on one core: FUZZ_JOBS of them at a time (default: one per
# core), so the fuzzing time of the whole set, not of each target, is what the run waits for.
JOBS="${FUZZ_JOBS:-$(nproc)}"
for target in $TARGETS; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do
    wait -n || true
  done
  ( rc=0; fuzz_one "$target" || rc=$?; echo "$rc" >"$WORK/$target.rc" ) &
done
wait
failed=()
report=()
for target in $TARGETS; do
  [ "$(cat "$WORK/$target.rc" 2>/dev/null)" = 0 ] || failed+=("$target")
  report+=("$(cat "$WORK/$target.line" 2>/dev/null || echo "fuzz $target: no result")")
done

echo
echo "---------------- fuzz summary ----------------"
printf '%s\n' "${report[@]}"
echo "fuzz build: ${build_seconds}s, total: $(( $(date +%s) - start ))s"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz FAILED: ${failed[*]} (reproduce: rust/fuzz/README.md)" >&2
  exit 1
fi
