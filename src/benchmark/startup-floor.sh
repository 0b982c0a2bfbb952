#!/usr/bin/env bash
# Startup floor: how long Spring Boot alone takes to be ready on this machine, next to the service.
#   src/benchmark/startup-floor.sh          # PAIRS=5 by default
# Builds the service and an application of nothing but WebFlux and the actuator (src/benchmark/startup-floor),
# prepares both as the image does (its JVM options, Spring AOT, a class data sharing archive of a training run), then
# starts them in turn, PAIRS times, and prints each start's time to ready (the readiness probe answering UP) and the
# CPU its JVM used until then, and the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
source src/benchmark/image-jvm.sh
PAIRS=${PAIRS:-5}
PORT=${PORT:-18090}
work=$(mktemp -d)
pid=""

cleanup() {
	[ -n "$pid" ] && kill "$pid" 2> /dev/null || true
	wait 2> /dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

mkdir "$work/service" "$work/floor"
jar=$(build_service)
service=$(prepare_app "$jar" "$work/service")
./mvnw -B -q -DskipTests -f src/benchmark/startup-floor/pom.xml package
floor=$(prepare_app src/benchmark/startup-floor/target/startup-floor.jar "$work/floor")
ms_per_tick=$(( 1000 / $(getconf CLK_TCK) ))

# start NAME APP: one start to ready; records the time and the JVM's CPU time until then
start() {
	local name=$1 app=$2 start_ns ready_ms cpu_ms
	start_ns=$(date +%s%N)
	java $JAVA_OPTS -XX:SharedArchiveFile="$work/$name/app.jsa" -jar "$app" --server.port="$PORT" \
		--logging.level.root=warn > "$work/$name/run.log" 2>&1 &
	pid=$!
	wait_ready "$PORT" "$pid"
	ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
	cpu_ms=$(( $(awk '{print $14 + $15}' "/proc/$pid/stat") * ms_per_tick ))
	kill "$pid"
	wait "$pid" 2> /dev/null || true
	pid=""
	printf '%s\t%s\t%s\n' "$name" "$ready_ms" "$cpu_ms" | tee -a "$work/starts.tsv"
}

echo "Starts in turn on $(nproc) cores, $(date -u +%F); the JVM: $JAVA_OPTS"
printf 'application\tready ms\tCPU ms\n'
for _ in $(seq "$PAIRS"); do
	start floor "$floor"
	start service "$service"
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for name in floor service; do
	ready=$(awk -v name="$name" '$1 == name { print $2 }' "$work/starts.tsv" | median)
	cpu=$(awk -v name="$name" '$1 == name { print $3 }' "$work/starts.tsv" | median)
	echo "median $name: ready in $ready ms, $cpu ms of CPU"
done
