#!/usr/bin/env bash
# Live catalog benchmark: DOCS generated documents (copies of the shipped ones under new ids and titles, so of
# their size) in a catalog folder, the service run as the image runs it (the Dockerfile's JVM options, a 205 MB
# heap). Prints:
#   load      the first load of the folder, from the service's log
#   edit      EDITS single-file edits, each from the write until the API serves it (the debounce included),
#             and how long each reload took
#   search    wrk for 20 s of distinct full-text searches (each one new to the cache, fuzzy ones among them) at 20
#             connections, with a document read by id alongside, and the collector's full collections meanwhile
#   memory    the live heap after the load and the process's resident size at the end
#   src/benchmark/catalog-benchmark.sh        # DOCS=10000 EDITS=5
set -euo pipefail
cd "$(dirname "$0")/../.."

DOCS=${DOCS:-10000}
EDITS=${EDITS:-5}
source src/benchmark/image-jvm.sh
PORT=${PORT:-18091}
work=$(mktemp -d)
service_pid=""
cleanup() {
	[ -n "$service_pid" ] && kill "$service_pid" 2> /dev/null || true
	wait 2> /dev/null || true
}
trap cleanup EXIT

if ! command -v wrk > /dev/null; then
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q wrk
fi

python3 - "$DOCS" "$work/docs" <<'PY'
import pathlib, re, sys
count, target = int(sys.argv[1]), pathlib.Path(sys.argv[2])
shipped = sorted(pathlib.Path("src/main/resources/patterns").glob("*.md"))
texts = [p.read_text() for p in shipped]
for i in range(count):
    text = texts[i % len(texts)]
    text = re.sub(r'(?m)^id: .*$', f'id: "bench-{i}"', text, count=1)
    text = re.sub(r'(?m)^title: "?(.*?)"?$', lambda m: f'title: "{m.group(1)} {i}"', text, count=1)
    folder = target / f"part-{i // 500}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"bench-{i}.md").write_text(text)
PY
echo "generated $DOCS documents, $(du -sh "$work/docs" | cut -f1)"

jar=$(build_service)
java $JAVA_OPTS "-Xlog:gc:file=$work/gc.log" -jar "$jar" --server.port="$PORT" --logging.level.root=warn \
	--logging.level.dev.patterncatalog.catalog=info --catalog.location="file:$work/docs" > "$work/service.log" 2>&1 &
service_pid=$!
wait_ready "$PORT" "$service_pid"
echo "load	$(grep -o 'loaded in [0-9]* ms: [0-9]* documents' "$work/service.log" | head -n 1)"
# a class histogram collects first: its total is the live heap
echo "memory	live heap after load: $(( $(jcmd "$service_pid" GC.class_histogram | awk '/^Total/ {print $3}') / 1000000 )) MB"

for edit in $(seq "$EDITS"); do
	file=$(ls "$work"/docs/part-0/bench-"$edit".md)
	title="Edited $edit at $(date +%s%N)"
	start=$(date +%s%N)
	sed -i "0,/^title: .*/s//title: \"$title\"/" "$file"
	until curl -sf "localhost:$PORT/api/patterns/bench-$edit" | grep -q "$title"; do
		sleep 0.01
	done
	echo "edit	bench-$edit served $(( ($(date +%s%N) - start) / 1000000 )) ms after the write"
done
echo "edit	the reloads themselves, from the log: $(grep -o 'problems, in [0-9]* ms' "$work/service.log" \
	| grep -o '[0-9]* ms' | tr '\n' ' ')"

cat > "$work/searches.lua" <<'LUA'
-- distinct searches: a word and a counter, fuzzy every tenth
local words = {"retry", "timeout", "circuit", "bulkhead", "cache", "async", "stream", "queue", "batch", "hedge"}
local n = 0
request = function()
  n = n + 1
  local q = words[n % #words + 1] .. "%20" .. n
  if n % 10 == 0 then q = "abcdefghijklmno~2%20" .. n end
  return wrk.format("GET", "/api/patterns?q=" .. q)
end
LUA
full_before=$(grep -c 'Pause Full' "$work/gc.log" || true)
wrk -t2 -c20 -d20s -s "$work/searches.lua" "http://localhost:$PORT" > "$work/search.txt" &
wrk_pid=$!
sleep 5
read_ms=()
for i in $(seq 20); do
	read_ms+=("$(curl -s -o /dev/null -w '%{time_total}' "localhost:$PORT/api/patterns/bench-7")")
	sleep 0.5
done
wait "$wrk_pid"
full_after=$(grep -c 'Pause Full' "$work/gc.log" || true)
echo "search	$(grep -E 'Requests/sec|Non-2xx' "$work/search.txt" | tr -s ' ' | tr '\n' ';')"
echo "search	document by id meanwhile, seconds: $(printf '%s\n' "${read_ms[@]}" | sort -n | tr '\n' ' ')"
echo "search	full collections during the search load: $(( full_after - full_before ))"
echo "memory	resident at the end: $(( $(awk '/VmRSS/ {print $2}' "/proc/$service_pid/status") / 1024 )) MB"
if kill -0 "$service_pid" 2> /dev/null; then echo "alive	yes"; else echo "alive	NO"; fi
grep -E 'ERROR|OutOfMemory' "$work/service.log" | head -n 5 || true
