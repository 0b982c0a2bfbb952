#!/usr/bin/env bash
# Load benchmark: the service against reference peers on the same machine, measured with wrk.
#   CASES='pattern by id' src/benchmark/load-benchmark.sh      # a document against nginx and a bare Boot app
#   src/benchmark/load-benchmark.sh                 # DURATION=5s RUNS=3 by default
#   CASES='by id|in process' src/benchmark/load-benchmark.sh   # only the cases whose names match
# The service runs as the image runs it (the Dockerfile's JVM options in a 512 MB container, from a class data
# sharing archive made by a training run). Peers: nginx serving the service's exact answers as static files, a bare
# Boot app (src/benchmark/startup-floor: WebFlux, the actuator, one functional route answering the same bytes, run
# the same way), and nginx answering after a fixed delay (echo_sleep) for the lab's fan-out. Every service URL is first warmed up in
# turn (the JIT needs far longer than one case's warm-up), then each case has a discarded warm-up run and RUNS
# runs, the service's and its peer's taking turns; medians are reported, and ratios are computed within this
# session. Client, server and peers share the machine.
# Needs wrk, nginx and libnginx-mod-http-echo (installed with apt-get when run as root).
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-5s}
JIT_WARMUP=${JIT_WARMUP:-20s}
RUNS=${RUNS:-3}
CASES=${CASES:-.}
# the service as deployed: the image's JVM options (JAVA_OPTS), its class data sharing archive
source src/benchmark/image-jvm.sh
SERVICE_PORT=${SERVICE_PORT:-18080}
STATIC_PORT=${STATIC_PORT:-18081}
DELAY_PORT=${DELAY_PORT:-18082}
FLOOR_PORT=${FLOOR_PORT:-18083}
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as another user and must read the saved answers
results="$work/results.tsv"
service_pid=""
nginx_pid=""
floor_pid=""

cleanup() {
	[ -n "$service_pid" ] && kill "$service_pid" 2> /dev/null || true
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2> /dev/null || true
	[ -n "$floor_pid" ] && kill "$floor_pid" 2> /dev/null || true
	wait 2> /dev/null || true
}
trap cleanup EXIT

if ! command -v wrk > /dev/null || ! command -v nginx > /dev/null \
		|| [ ! -f /usr/lib/nginx/modules/ngx_http_echo_module.so ]; then
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
		wrk nginx-light libnginx-mod-http-echo
fi

jar=$(build_service)
app=$(prepare_app "$jar" "$work")
./mvnw -B -q -DskipTests -f src/benchmark/startup-floor/pom.xml package >&2
mkdir "$work/floor"
floor_app=$(prepare_app src/benchmark/startup-floor/target/startup-floor.jar "$work/floor")

# startup: from launching the JVM to the readiness probe answering UP
start_ns=$(date +%s%N)
java $JAVA_OPTS -XX:SharedArchiveFile="$work/app.jsa" -jar "$app" --server.port="$SERVICE_PORT" \
	--lab.guard.runs-per-second=1000000 --lab.guard.max-runs=100000 --logging.level.root=warn > "$work/service.log" 2>&1 &
service_pid=$!
wait_ready "$SERVICE_PORT" "$service_pid"
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

# the exact bytes of the service's answers, for nginx to serve as static files
mkdir -p "$work/www"
chmod 755 "$work/www"
service="http://localhost:$SERVICE_PORT"
pattern="$service/api/patterns/gen-pattern-003"
list="$service/api/patterns?category=resilience"
search="$service/api/patterns?q=timeout%20retry"
fan_out="$service/api/lab/demos/fan-out?variant=parallel&seed=1"
curl -sf "$pattern" > "$work/www/pattern.json"
curl -sf "$list" > "$work/www/list.json"
curl -sf "$search" > "$work/www/search.json"
curl -sf -H 'Accept: text/html' "$pattern" > "$work/www/pattern.html"

cat > "$work/nginx.conf" <<NGINX
load_module /usr/lib/nginx/modules/ngx_http_echo_module.so;
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $work/tmp;
	server {
		listen $STATIC_PORT;
		root $work/www;
		location ~ \.json\$ { default_type application/json; }
		location ~ \.html\$ { default_type text/html; }
	}
	server {
		listen $DELAY_PORT;
		location /delay { echo_sleep 0.2; echo "ok"; }
	}
}
NGINX
java $JAVA_OPTS -XX:SharedArchiveFile="$work/floor/app.jsa" -jar "$floor_app" --server.port="$FLOOR_PORT" \
	--floor.body="$work/www/pattern.json" --logging.level.root=warn > "$work/floor.log" 2>&1 &
floor_pid=$!
wait_ready "$FLOOR_PORT" "$floor_pid"
nginx -c "$work/nginx.conf" &
nginx_pid=$!
sleep 0.5

cpu_ticks() {
	local total=0
	for pid in "$@"; do
		for task in $(pgrep -P "$pid" 2> /dev/null) "$pid"; do
			[ -r "/proc/$task/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$task/stat") ))
		done
	done
	echo "$total"
}

# measure NAME TARGET CONNECTIONS RUN URL PID [HEADER]: one wrk run, kept in the results unless RUN is 0 (a warm-up)
measure() {
	local name=$1 target=$2 connections=$3 run=$4 url=$5 pid=$6 threads=2 duration=$DURATION before after line
	shift 6
	[ "$connections" -lt 2 ] && threads=1
	[ "$run" -eq 0 ] && duration=$WARMUP
	before=$(cpu_ticks "$pid")
	line=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s -s src/benchmark/latency.lua "$@" "$url" \
		| grep '^RESULT')
	after=$(cpu_ticks "$pid")
	if [ "$run" -gt 0 ]; then
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$target" "$connections" "$run" "$line" "$(( after - before ))" \
			>> "$results"
	fi
}

# compare NAME CONNECTIONS URL PEER PEER_URL PEER_PID [HEADER]: the service and its peer in turn, run after run, so
# that the shared machine's slow and fast moments fall on both alike
compare() {
	local name=$1 connections=$2 url=$3 peer=$4 peer_url=$5 peer_pid=$6
	shift 6
	[[ "$name" =~ $CASES ]] || return 0
	for run in $(seq 0 "$RUNS"); do
		measure "$name" service "$connections" "$run" "$url" "$service_pid" "$@"
		measure "$name" "$peer" "$connections" "$run" "$peer_url" "$peer_pid" "$@"
	done
}

static="http://localhost:$STATIC_PORT"
delay="http://localhost:$DELAY_PORT/delay"
# the JIT's warm-up: every service URL in turn, under load, before anything is measured. The fan-out at 400
# connections: at 64 (about 6 000 runs in 20 s) the compilers went on working for 30 s into a later load of 100
# connections (2.0, 1.6 and 0.9 s of compile time in its first three 10 s, by jstat -compiler); after 400, 1.1 s
# in its first 10 s and 0.1 s or less in each 10 s after that
for url in "$pattern" "$list" "$search" "http://localhost:$FLOOR_PORT/floor"; do
	wrk -t2 -c64 -d"$JIT_WARMUP" --timeout 10s "$url" > /dev/null
done
for url in "$fan_out" "$fan_out&transport=in-process"; do
	wrk -t2 -c400 -d"$JIT_WARMUP" --timeout 10s "$url" > /dev/null
done
wrk -t2 -c64 -d"$JIT_WARMUP" --timeout 10s -H 'Accept: text/html' "$pattern" > /dev/null

compare "pattern by id (JSON)" 64 "$pattern" nginx "$static/pattern.json" "$nginx_pid"
compare "pattern by id (JSON), against a bare Boot app" 64 "$pattern" bare-app "http://localhost:$FLOOR_PORT/floor" \
	"$floor_pid"
compare "list, filtered" 64 "$list" nginx "$static/list.json" "$nginx_pid"
compare "full-text search" 64 "$search" nginx "$static/search.json" "$nginx_pid"
compare "pattern as HTML" 64 "$pattern" nginx "$static/pattern.html" "$nginx_pid" -H 'Accept: text/html'
# each variant of the fan-out against runs of the delay peer of its own: a thousand connections over HTTP leave
# seconds of work behind them, which would fall on whatever is measured next
for connections in 1 100 1000; do
	compare "fan-out 100/150/200 ms, backends over HTTP" "$connections" "$fan_out" delay-peer "$delay" "$nginx_pid"
	compare "fan-out 100/150/200 ms, backends in process" "$connections" "$fan_out&transport=in-process" \
		delay-peer "$delay" "$nginx_pid"
done
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$service_pid/status")

python3 - "$results" "$ready_ms" "$rss_kb" "$DURATION" "$RUNS" "$JAVA_OPTS" <<'PYTHON'
import statistics, sys, os
path, ready_ms, rss_kb, duration, runs, java_opts = sys.argv[1:]
hz = os.sysconf("SC_CLK_TCK")
seconds = float(duration.rstrip("s"))
rows = {}
for line in open(path):
    name, target, conns, run, result, ticks = line.rstrip("\n").split("\t")
    fields = dict(kv.split("=") for kv in result.split()[1:])
    rows.setdefault((name, int(conns)), {}).setdefault(target, []).append(
        dict(rps=float(fields["rps"]), errors=int(fields["errors"]), p50=int(fields["p50"]) / 1000,
             p99=int(fields["p99"]) / 1000, p999=int(fields["p999"]) / 1000,
             cpu=100 * int(ticks) / hz / seconds))

def med(runs, key):
    return statistics.median(r[key] for r in runs)

print(f"Load benchmark: {runs} runs of {duration} per case after a warm-up, medians; wrk, the service and nginx")
print("share one machine (2 cores, shared), so CPU use is that of the process under test (100 % = one core).")
print("Errors counts non-2xx answers and socket errors.")
print(f"The service's JVM: {java_opts}, with a class data sharing archive.")
print()
print("| case | conns | target | req/s | p50 ms | p99 ms | p99.9 ms | errors | CPU % | ratio to peer |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (name, conns), targets in rows.items():
    if "service" not in targets:
        continue  # a peer whose service case was not selected
    peer = next(t for t in targets if t != "service")
    for target in ["service", peer]:
        r = targets[target]
        if target == "service":
            ratio = (f"req/s {med(r, 'rps') / med(targets[peer], 'rps'):.2f}, p99 {med(r, 'p99') / med(targets[peer], 'p99'):.2f}"
                     if peer != "delay-peer" else
                     f"{med(r, 'p50') - med(targets[peer], 'p50'):+.2f} ms p50, {med(r, 'p99') - med(targets[peer], 'p99'):+.2f} ms p99, "
                     f"{med(r, 'p999') - med(targets[peer], 'p999'):+.2f} ms p99.9; {med(r, 'rps') / (conns / 0.2) * 100:.0f} % of ideal {conns / 0.2:.0f} req/s")
        else:
            ratio = ""
        print(f"| {name} | {conns} | {target} | {med(r, 'rps'):.0f} | {med(r, 'p50'):.2f} | {med(r, 'p99'):.2f} | "
              f"{med(r, 'p999'):.2f} | {sum(x['errors'] for x in r)} | {med(r, 'cpu'):.0f} | {ratio} |")
print()
print(f"Startup to ready: {ready_ms} ms. Resident memory after the load: {int(rss_kb) // 1024} MB.")
PYTHON
