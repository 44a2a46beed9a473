# Sourced by benchmarks/run.sh and benchmarks/callbacks/run.sh: a Python with matplotlib for
# report.py's chart, in benchmarks/target/venv, created from PyPI when it is missing.
# Needs from the caller: log, die, BENCH_DIR (the benchmarks directory); uses the caller's
# apt_install, if it has one, when python3-venv is missing. Sets: PY.

VENV="$BENCH_DIR/target/venv"
if ! "$VENV/bin/python" -c 'import matplotlib' >/dev/null 2>&1; then
    log "creating $VENV with matplotlib (PyPI)"
    mkdir -p "$BENCH_DIR/target"
    rm -rf "$VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        declare -F apt_install >/dev/null || die "python3 -m venv failed: install python3-venv"
        apt_install python3-venv
        python3 -m venv "$VENV"
    fi
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check matplotlib
fi
PY="$VENV/bin/python"
