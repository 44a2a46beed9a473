#!/usr/bin/env bash
# Builds the fuzz targets in rust/fuzz (cargo-fuzz, libFuzzer, nightly Rust) once, replays
# each target's checked-in corpus in full, then fuzzes each target in turn for N seconds and
# reports the runs it executed. A crash or a violated property fails the script; the input
# that did it is saved under rust/fuzz/artifacts/<target>/ (see rust/fuzz/README.md).
# Usage: scripts/fuzz.sh [seconds-per-target]   (default 60; 0 replays the corpus only)
#        FUZZ_TARGETS="resp_parse reply_shape" scripts/fuzz.sh 300   (some targets only)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FUZZ="$ROOT/rust/fuzz"
SECONDS_PER_TARGET="${1:-60}"
if ! [[ "$SECONDS_PER_TARGET" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh [seconds-per-target]" >&2
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

WORK="$(mktemp -d -t glide-fuzz.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

failed=()
report=()
for target in $TARGETS; do
  corpus="$FUZZ/corpus/$target"
  artifacts="$FUZZ/artifacts/$target"
  mkdir -p "$corpus" "$artifacts" "$WORK/$target"
  log="$WORK/$target.log"

  # Every checked-in input, in full: the fuzzing run below cuts inputs to -max_len bytes.
  inputs=("$corpus"/*)
  [ -e "${inputs[0]}" ] || inputs=()
  echo "==> $target: replaying ${#inputs[@]} corpus inputs"
  if [ "${#inputs[@]}" -gt 0 ] && ! "$BIN/$target" -artifact_prefix="$artifacts/" "${inputs[@]}" >"$log" 2>&1; then
    { grep -E "^Running: " "$log" | tail -n1; grep -E -A1 "panicked at" "$log" | head -n2; grep -E "ERROR: |^SUMMARY" "$log"; } >&2 \
      || tail -n 30 "$log" >&2
    echo "fuzz $target: FAILED on a corpus input (full log above)" >&2
    failed+=("$target")
    report+=("fuzz $target: FAILED replaying the corpus")
    continue
  fi
  if [ "$SECONDS_PER_TARGET" -eq 0 ]; then
    report+=("fuzz $target: corpus of ${#inputs[@]} inputs replayed")
    continue
  fi

  echo "==> $target: fuzzing for ${SECONDS_PER_TARGET}s"
  # New inputs go to the scratch directory (first), so the checked-in corpus stays as it is.
  # 4096 bytes keep runs fast; longer inputs are what the replay above and long runs are for.
  rc=0
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
    failed+=("$target")
    line="$line  FAILED (exit $rc; input saved in $artifacts/)"
  fi
  echo "    $line"
  report+=("$line")
done

echo
echo "---------------- fuzz summary ----------------"
printf '%s\n' "${report[@]}"
echo "fuzz build: ${build_seconds}s, total: $(( $(date +%s) - start ))s"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz FAILED: ${failed[*]} (reproduce: rust/fuzz/README.md)" >&2
  exit 1
fi
