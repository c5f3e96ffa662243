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
cmake --build "$build" -j2 --target statescope statescope-sampledb bench_markov bench_liveanalytics >&2

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
