#!/usr/bin/env bash
# API coverage of glide-jni vs valkey-glide: compiles ApiCoverage.java, runs it on both jars,
# prints the Markdown report and writes it to report.md next to this script; ApiSurface.java
# writes surface.md (every public type and member, not only the clients' and batches' methods).
# Exit 0 whatever the coverage; 2 when setup (build, classpath resolution, javac, java) fails.
set -u
self=$(cd "$(dirname "$0")" && pwd)
# Our jar (built if missing) and valkey-glide's class path (resolved once, cached under
# tools/compat/target): OUR_JAR, GLIDE_CP, die. common.sh sets its own `here`/`out`.
. "$self/../compat/common.sh" >&2  # (its maven output must not mix with the report)

classes="$self/target/classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" "$self/ApiCoverage.java" || die "javac failed"
java -Dglide.version="$GLIDE_VERSION" -cp "$classes" ApiCoverage "$GLIDE_CP" "$OUR_JAR" "$self/report.md" || die "ApiCoverage failed"
# The whole public surface (every type under glide.api and glide.utils, fields included) goes to
# surface.md only. Our jar's own dependencies (commons-lang3's Pair in a public constructor) come
# from valkey-glide's class path, which has the same ones.
javac -nowarn -d "$classes" "$self/ApiSurface.java" || die "javac failed"
java -Dglide.version="$GLIDE_VERSION" -cp "$classes" ApiSurface "$GLIDE_CP" "$OUR_JAR:$GLIDE_CP" "$self/surface.md" >/dev/null \
  || die "ApiSurface failed"
exit 0
