#!/usr/bin/env bash
# BARS R3: sustained overload with a memory budget. `statescope simulate` publishes 100,000
# events/s; `statescope watch --memory-budget` ingests them
#   A) into the store only, for BENCH_R3_SECONDS (default 60): peak RSS against the budget,
#      compactions, what was summarized, and that no event was lost;
#   B) with --record as well, which cannot write 100,000 events/s to SQLite: reading pauses
#      (backpressure) and whatever the server could not hold is reported as a gap.
# Prints one JSON object per line like scripts/bench.sh. Uses the Release build in build-bench.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
"$root/scripts/release-build.sh" "$build" build,bench statescope
dir=${BENCH_DIR:-/tmp/statescope-bench}
mkdir -p "$dir"
seconds=${BENCH_R3_SECONDS:-60}
budget=${BENCH_R3_BUDGET:-128MiB}
port=$((20000 + RANDOM % 20000))

run() { # name, extra watch arguments...
    local name=$1
    shift
    port=$((port + 1))
    "$build/app/statescope" simulate --listen 127.0.0.1:$port --rate 100000 --dwell-scale 0.01 \
        --duration $((seconds + 4)) >/dev/null 2>&1 &
    local sim=$!
    sleep 1
    "$build/app/statescope" watch ws://127.0.0.1:$port --duration "$seconds" --memory-budget "$budget" \
        --format json "$@" > "$dir/r3-$name.json" 2>/dev/null
    wait $sim || true
    python3 - "$dir/r3-$name.json" "$name" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
i, name = report["ingest"], sys.argv[2]
m = i["memory"]
expected = i["lastSeq"] - i["firstSeq"] + 1
missed = sum(g["missedEvents"] or 0 for g in i["gapDetails"])
def line(metric, value, unit):
    print(json.dumps({"metric": f"r3_{name}_{metric}", "value": value, "unit": unit, "peer": None, "peerValue": None, "ratio": None}))
line("events", i["events"], "events")
line("events_per_s", round(i["eventsPerS"]), "events/s")
line("peak_rss_mb", round(m["peakRssBytes"] / 2**20, 1), "MiB")
line("budget_mb", round(m["budgetBytes"] / 2**20, 1), "MiB")
line("compactions", m["compactions"], "count")
line("longest_compaction_ms", round(m["longestCompactionMs"], 1), "ms")
line("summarized_executions", m["summarizedExecutions"], "executions")
line("summarized_running", m["summarizedRunning"], "executions")
line("report_transitions_equal_applied", report["transitions"] == i["transitions"], "bool")
line("events_unaccounted", expected - i["events"] - missed, "events")  # neither delivered nor in a reported gap
line("gaps", i["gaps"], "count")
line("gap_missed_events", missed, "events")
line("backpressure_wait_ms", i["backpressureWaitMs"], "ms")
PY
}

run store
rm -f "$dir/r3-recording.sqlite"*
run record --record "$dir/r3-recording.sqlite"
