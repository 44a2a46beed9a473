# Shared setup for the compatibility checks (sourced by run.sh and run-cluster.sh, not run).
# Defines: here, repo, out, GLIDE_VERSION, REDIS_SERVER, OUR_JAR, GLIDE_CP, die, free_port, start_redis,
# and builds our jar / resolves valkey-glide's classpath (cached) when they are missing.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
out="$here/target"
mkdir -p "$out"

GLIDE_VERSION=${GLIDE_VERSION:-2.3.1}
REDIS_SERVER=${REDIS_SERVER:-redis-server}
OUR_JAR=${OUR_JAR:-"$repo/java/client/target/glide-jni-0.1.0-SNAPSHOT.jar"}

die() { echo "${0##*/}: $*" >&2; exit 2; }

# Starts a throwaway $REDIS_SERVER on a free loopback port, persistence off, with `args` appended;
# its output goes to `log`. Sets server_port and appends the pid to srv_pids, so call it in the
# script's own shell (not a subshell). Dies if the server does not answer PING within 5 s.
start_redis() { # name dir log [args...]
    local name=$1 dir=$2 log=$3 port cli=${REDIS_CLI:-redis-cli}
    shift 3
    port=$(free_port)
    mkdir -p "$dir"
    "$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" "$@" \
        --daemonize no >"$log" 2>&1 &
    srv_pids+=($!)
    for _ in $(seq 50); do
        "$cli" -p "$port" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    "$cli" -p "$port" ping >/dev/null 2>&1 || die "redis-server $name did not start (see $log)"
    server_port=$port
}

# A free loopback TCP port (the OS picks it; a race with other processes is possible but rare).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# 1. our jar
if [ ! -f "$OUR_JAR" ]; then
    echo "building our jar..." >&2
    (cd "$repo" && mvn -B -ntp -q install -DskipTests) || die "maven build failed"
    [ -f "$OUR_JAR" ] || die "$OUR_JAR still missing after build"
fi

# 2. glide classpath (cached)
glide_cp_file="$out/glide-$GLIDE_VERSION.classpath"
if [ ! -s "$glide_cp_file" ]; then
    echo "resolving valkey-glide $GLIDE_VERSION classpath..." >&2
    pomdir="$out/glide-deps"
    mkdir -p "$pomdir"
    cat > "$pomdir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>compat</groupId><artifactId>glide-deps</artifactId><version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.valkey</groupId><artifactId>valkey-glide</artifactId>
      <version>$GLIDE_VERSION</version><classifier>linux-x86_64</classifier>
    </dependency>
  </dependencies>
</project>
POM
    (cd "$pomdir" && mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$glide_cp_file.tmp") \
        || die "could not resolve valkey-glide classpath"
    mv "$glide_cp_file.tmp" "$glide_cp_file"
fi
GLIDE_CP=$(cat "$glide_cp_file")
