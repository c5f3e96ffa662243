#!/usr/bin/env bash
# Benchmarks of BARS.md P3 and P5. Prints one JSON object per line:
#   {"metric", "value", "unit", "peer", "peerValue", "ratio"}
# P3: `statescope analyze` of a SQLite file with ~6.6 M transitions / 1.6 M executions, side by
#     side with the sqlite3 CLI running one window-function query for per-state transition
#     counts and mean dwell on the same file; runs alternate, medians are quoted. Peak RSS too.
# P5: steady state + absorption for 1,000 states / 100,000 edges (bench_markov); one live
#     batch folded into a 100-state model with the Markov quantities re-solved (bench_liveanalytics).
# Environment: BENCH_DIR (default /tmp/statescope-bench), BENCH_EXECUTIONS (default 1600000),
# BENCH_RUNS (default 5).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" build bench >&2
build="$root/build-bench"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTATESCOPE_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j2 --target statescope statescope-sampledb bench_markov bench_liveanalytics bench_feedparser \
    bench_timeline bench_matrix bench_diagram bench_dashboard bench_sourcemonitor bench_csvreader bench_jsonlreader >&2

dir=${BENCH_DIR:-/tmp/statescope-bench}
executions=${BENCH_EXECUTIONS:-1600000}
runs=${BENCH_RUNS:-5}
mkdir -p "$dir"
db="$dir/bench-$executions.sqlite"
if [ ! -f "$db" ]; then
    echo "bench: generating $db ($executions executions; takes a few minutes)" >&2
    "$build/app/statescope-sampledb" "$db" --executions "$executions" --seed 1 >&2
fi
transitions=$(sqlite3 "$db" "SELECT count(*) FROM state_transitions")

peer_sql="SELECT from_state, count(*), avg(dwell) FROM (
  SELECT from_state, (julianday(timestamp) - julianday(lag(timestamp) OVER (PARTITION BY workflow_state_id ORDER BY timestamp))) * 86400000.0 AS dwell
  FROM state_transitions) GROUP BY from_state;"

ours=()
peers=()
rss=()
for ((i = 0; i < runs; i++)); do
    # Warm the page cache the same way for both: whichever runs first pays no extra.
    out=$( { /usr/bin/time -f "%e %M" "$build/app/statescope" analyze "$db" --format json >/dev/null; } 2>&1 | tail -n1)
    ours+=("${out%% *}")
    rss+=("${out##* }")
    out=$( { /usr/bin/time -f "%e %M" sqlite3 "$db" "$peer_sql" >/dev/null; } 2>&1 | tail -n1)
    peers+=("${out%% *}")
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
m_ours=$(median "${ours[@]}")
m_peer=$(median "${peers[@]}")
m_rss_kb=$(median "${rss[@]}")
python3 - "$m_ours" "$m_peer" "$m_rss_kb" "$transitions" <<'PY'
import json, sys
ours, peer, rss_kb, transitions = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
def line(metric, value, unit, peer=None, peer_value=None):
    ratio = round(value / peer_value, 3) if peer_value else None
    print(json.dumps({"metric": metric, "value": value, "unit": unit, "peer": peer, "peerValue": peer_value, "ratio": ratio}))
line("analyze_sqlite_wall_s", ours, "s", "sqlite3 CLI window-function query", peer)
line("analyze_sqlite_transitions", transitions, "transitions")
line("analyze_sqlite_peak_rss_mb", round(rss_kb / 1024, 1), "MB")
line("analyze_sqlite_rss_bytes_per_transition_over_100mb", round(max(0.0, rss_kb * 1024 - 100 * 1024 * 1024) / transitions, 1), "B")
PY
"$build/tests/bench/bench_markov"
"$build/tests/bench/bench_liveanalytics"
"$build/tests/bench/bench_feedparser"

# P1: CPU per event of `watch` (receive, parse, store, fold into live analytics) beside a
# minimal Node.js client on the `ws` package that only JSON.parses and counts, both on the
# same loopback stream from `statescope simulate`, for 1-event and 100-event frames.
# P2 (CLI part): zero loss at 100,000 events/s for 60 s (BENCH_LOSS_SECONDS).
"$root/packaging/install-deps.sh" bench >&2
if command -v node >/dev/null && (cd "$root/tests/bench/node" && npm install --no-audit --no-fund --silent >&2); then
    p1_seconds=${BENCH_P1_SECONDS:-15}
    port=$((20000 + RANDOM % 20000))
    for frame in 1 100; do
        port=$((port + 1))
        "$build/app/statescope" simulate --listen 127.0.0.1:$port --rate 20000 --dwell-scale 0.01 \
            --duration $((p1_seconds + 4)) --frame-events $frame >/dev/null 2>&1 &
        sim=$!
        sleep 1
        node "$root/tests/bench/node/wsclient.js" ws://127.0.0.1:$port "$p1_seconds" > "$dir/node-$frame.json" &
        nodepid=$!
        "$build/app/statescope" watch ws://127.0.0.1:$port --duration "$p1_seconds" --format json > "$dir/watch-$frame.json" 2>/dev/null
        wait $nodepid
        wait $sim || true
        python3 - "$dir/watch-$frame.json" "$dir/node-$frame.json" "$frame" <<'PY'
import json, sys
ours = json.load(open(sys.argv[1]))["ingest"]
peer = json.loads(open(sys.argv[2]).read().strip().splitlines()[-1])
us = ours["cpuUsPerEvent"]
peer_us = peer["cpuUs"] / peer["events"]
print(json.dumps({"metric": f"live_ingest_cpu_us_per_event_{sys.argv[3]}_event_frames", "value": round(us, 3), "unit": "us",
                  "peer": "node ws client (JSON.parse + count)", "peerValue": round(peer_us, 3), "ratio": round(us / peer_us, 3)}))
PY
    done
    loss_seconds=${BENCH_LOSS_SECONDS:-60}
    port=$((port + 1))
    "$build/app/statescope" simulate --listen 127.0.0.1:$port --rate 100000 --dwell-scale 0.01 \
        --duration $((loss_seconds + 4)) >/dev/null 2>&1 &
    sim=$!
    sleep 1
    "$build/app/statescope" watch ws://127.0.0.1:$port --duration "$loss_seconds" --format json > "$dir/watch-loss.json" 2>/dev/null
    wait $sim || true
    python3 - "$dir/watch-loss.json" <<'PY'
import json, sys
i = json.load(open(sys.argv[1]))["ingest"]
expected = i["lastSeq"] - i["firstSeq"] + 1
lost = expected - i["events"]
print(json.dumps({"metric": "live_events_per_s_sustained", "value": round(i["eventsPerS"]), "unit": "events/s", "peer": None, "peerValue": None, "ratio": None}))
print(json.dumps({"metric": "live_events_lost_at_100k_per_s", "value": lost, "unit": "events", "peer": None, "peerValue": None, "ratio": None}))
print(json.dumps({"metric": "live_duplicates_gaps_reconnects", "value": i["duplicates"] + i["gaps"] + i["reconnects"], "unit": "count", "peer": None, "peerValue": None, "ratio": None}))
PY
else
    echo "bench: node/npm unavailable, P1/P2 skipped" >&2
fi

# R3: sustained overload with a memory budget (its own script: it can run alone).
"$root/scripts/bench-r3.sh"

# P8: the same analysis in PostgreSQL (its own script: it keeps its own server and database).
"$root/scripts/bench-p8.sh"

# P6: rendering (offscreen raster, 1920x1080); P7 startup with a 1 M-transition database and
# P2 latency at 20,000 events/s in the dashboard.
export QT_QPA_PLATFORM=offscreen
"$build/tests/bench/bench_timeline"
"$build/tests/bench/bench_matrix"
"$build/tests/bench/bench_diagram"
p7db="$dir/p7-250000.sqlite"
[ -f "$p7db" ] || "$build/app/statescope-sampledb" "$p7db" --executions 250000 --seed 3 >&2
"$build/tests/bench/bench_dashboard" "$p7db" --p2-seconds "${BENCH_P2_SECONDS:-30}"
# P4: parse + ingest of a 500 MB CSV log beside pandas computing the same counts, and of a
# 500 MB JSONL recording (the path of `statescope analyze log.jsonl`).
"$build/tests/bench/bench_csvreader" --runs 3
"$build/tests/bench/bench_jsonlreader" --runs 3
# R4: what watching a loaded database costs (the same 1 M-transition file).
"$build/tests/bench/bench_sourcemonitor" "$p7db" 20
