#!/usr/bin/env bash
# Compare the public API of classes found in two class paths (directories or jars).
#
# Usage: compare-api.sh [-p] LEFT RIGHT CLASS...
#        compare-api.sh [-p] LEFT RIGHT -f CLASSLIST_FILE
#
# LEFT and RIGHT are class-path entries (directory or jar, or any -cp value). CLASS names are
# binary names (pkg.Outer$Inner). For each class, `javap -public` (or `javap -protected` with -p)
# is run against both sides; the output is normalised (the "Compiled from" line is dropped,
# member lines are sorted, leading/trailing blanks trimmed) and a unified diff is printed.
# Synthetic anonymous/access classes (names ending in $<digits>) are skipped.
# Exit status: 0 when no class differs, 1 otherwise, 2 on usage errors.
set -u

level=-public
if [ "${1:-}" = "-p" ]; then level=-protected; shift; fi
if [ $# -lt 3 ]; then
    sed -n '2,12p' "$0" >&2
    exit 2
fi
left=$1
right=$2
shift 2

classes=()
if [ "$1" = "-f" ]; then
    [ -r "${2:-}" ] || { echo "cannot read class list '${2:-}'" >&2; exit 2; }
    while IFS= read -r line; do
        line=${line%%#*}
        line=$(printf '%s' "$line" | tr -d '[:space:]')
        [ -n "$line" ] && classes+=("$line")
    done <"$2"
else
    classes=("$@")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# normalise FILE: header line first (class declaration), then sorted member lines.
normalise() {
    grep -v '^Compiled from' "$1" |
        sed -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' |
        awk 'NF == 0 { next }
             /^(public|protected|private|abstract|final|static|class|interface|enum)[^(]*(class|interface|enum) / && !hdr { print "0 " $0; hdr = 1; next }
             $0 == "}" { next }
             { print "1 " $0 }' |
        sort -u | sed 's/^[01] //'
}

differ=0
compared=0
skipped=0
for cls in "${classes[@]}"; do
    if [[ "$cls" =~ \$[0-9]+$ ]]; then
        skipped=$((skipped + 1))
        continue
    fi
    compared=$((compared + 1))
    javap "$level" -cp "$left" "$cls" >"$tmp/l.raw" 2>&1 || true
    javap "$level" -cp "$right" "$cls" >"$tmp/r.raw" 2>&1 || true
    normalise "$tmp/l.raw" >"$tmp/l"
    normalise "$tmp/r.raw" >"$tmp/r"
    if ! diff -q "$tmp/l" "$tmp/r" >/dev/null; then
        differ=$((differ + 1))
        echo "=== $cls"
        diff -u --label "left/$cls" --label "right/$cls" "$tmp/l" "$tmp/r" | tail -n +3
    fi
done
echo "--- compared $compared classes ($skipped synthetic skipped), $differ differ"
[ "$differ" -eq 0 ]
