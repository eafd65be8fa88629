#!/usr/bin/env bash
# Simboard's benchmark: prints the table of figures described in the README.
#   ./bench/run.sh              package the jar, then the full run (about thirteen minutes)
#   ./bench/run.sh --smoke      a short run on tiny data: checks the harness, not the speed
#   ./bench/run.sh --profile    also records a JFR file per Simboard JVM in target/bench
#   ./bench/run.sh --archive-only  only the start-up and archive-after-restart rows (a few minutes)
#   ./bench/run.sh --replicas-only only the replica rows: shared sessions, two-replica burst (a few minutes)
#   --java /path/to/bin/java    the JVM for the benchmark and every Simboard it starts
#                               (the Docker image runs Java 25); default: java on the PATH
#   --no-build                  use the jar already in target/
# The archive runs in a PostgreSQL database of the benchmark's own, made and dropped with
# psql (PGHOST, PGPORT, PGUSER; else 127.0.0.1:5432 as postgres), or on the embedded H2.
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
java=java
args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--no-build) build=false ;;
		--java) java="$2"; shift ;;
		*) args+=("$1") ;;
	esac
	shift
done

if ! command -v wrk >/dev/null 2>&1; then
	echo "bench: wrk is missing; install it with: sudo apt-get install wrk" >&2
	exit 2
fi
if $build; then
	./mvnw -q -B -ntp -DskipTests package
fi
jar=$(find target -maxdepth 1 -name 'simboard-*.jar' ! -name '*-plain.jar' | head -n 1)
if [ -z "$jar" ]; then
	echo "bench: no Simboard jar in target/; run without --no-build" >&2
	exit 2
fi
exec "$java" bench/Bench.java --jar "$jar" "${args[@]}"
