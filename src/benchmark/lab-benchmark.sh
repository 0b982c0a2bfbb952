#!/usr/bin/env bash
# Lab benchmark: what the lab itself adds to what it measures, with the service run as the image runs it (the
# Dockerfile's JVM options, a 205 MB heap) and its simulated backends on their own server in the same JVM.
#   src/benchmark/lab-benchmark.sh              # PAIRS=3 by default
#   CASES=in-flight JAVA_OPTS="..." src/benchmark/lab-benchmark.sh   # one case, other JVM options
# Cases, each a comparison of the tail-amplification demo (n calls per run with Mono.zip), read from its report:
#   throughput  n=100, 20 runs at once, backends answering at once: backend calls per second over HTTP
#   in-flight   open model, 500 runs a second of n=10 calls of 200 ms: 1 000 calls in flight, arriving
#               steadily; the lab's overhead per call
#   issue-shape n=100, 10 runs at once, 10 ms with 1 % at 200 ms: the run p50 over HTTP against in process
# HTTP and in-process comparisons take turns, PAIRS times each; every figure of every pair is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."

PAIRS=${PAIRS:-3}
source src/benchmark/image-jvm.sh
PORT=${PORT:-18090}
work=$(mktemp -d)
service_pid=""
cleanup() {
	[ -n "$service_pid" ] && kill "$service_pid" 2> /dev/null || true
	wait 2> /dev/null || true
}
trap cleanup EXIT

jar=$(build_service)
java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --logging.level.root=warn > "$work/service.log" 2>&1 &
service_pid=$!
wait_ready "$PORT" "$service_pid"

compare() {  # compare QUERY: one comparison's JSON report
	curl -sf --max-time 600 "localhost:$PORT/api/lab/demos/tail-amplification/compare?$1"
}

cat > "$work/summary.py" <<'PY'
import json, sys
case, transport = sys.argv[1], sys.argv[2]
report = json.load(sys.stdin)
fan_out = {v["variant"]: v for v in report["variants"]}["fan-out"]
overhead, verdict = fan_out["overhead"], report["verdict"]
print("\t".join([case, transport, f"calls/s {fan_out['calls_per_second']}", f"p50 {fan_out['p50_ms']} ms",
	f"p99 {fan_out['p99_ms']} ms", f"overhead p50 {overhead['p50_ms']} p99 {overhead['p99_ms']} max {overhead['max_ms']} ms",
	f"errors {fan_out['errors']}", f"lab faults {verdict['lab_faults']}", f"cpu {verdict['process_cpu']}",
	verdict["status"] + " " + ",".join(r["code"] for r in verdict["reasons"])]))
PY
summary() {  # summary CASE TRANSPORT: one line of the fan-out variant's figures and the verdict, from stdin
	python3 "$work/summary.py" "$1" "$2"
}

declare -A queries=(
	[throughput]="n=100&concurrency=20&base=0&slow=0&runs=2000&warmup=200&seed=1"
	[in-flight]="n=10&base=200&slow=200&rate=500&duration=5000&warmup=50&seed=1"
	[issue-shape]="n=100&concurrency=10&base=10&slow=200&p=0.01&runs=300&seed=1"
)
CASES=${CASES:-throughput in-flight issue-shape}

# the JIT needs longer than one comparison's warm-up: one of each first, discarded
for query in "${queries[throughput]}" "${queries[in-flight]}"; do compare "$query&transport=http" > /dev/null; done

for pair in $(seq "$PAIRS"); do
	for transport in http in-process; do
		for case in $CASES; do
			compare "${queries[$case]}&transport=$transport" | summary "$case" "$transport"
		done
	done
done
