#!/usr/bin/env bash
# BARS P8: `statescope analyze` of ~6.6 M transitions / 1.6 M executions in PostgreSQL, side
# by side with psql running the equivalent window-function query (per-state transition counts
# and mean dwell) on the same server; runs alternate, medians are quoted. Also `analyze
# --workflow` and a 6-hour `--from/--to` window, which are pushed down to the server
# (SqlPushdown), beside the same runs with STATESCOPE_PUSHDOWN=0 (read everything).
# The database is generated once (about 15 minutes) on a server of its own whose data
# directory is kept in BENCH_DIR/pg (port BENCH_PG_PORT, default 54349).
# Prints one JSON object per line like scripts/bench.sh. Uses the Release build in build-bench.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
"$root/scripts/release-build.sh" "$build" build,bench statescope statescope-sampledb
dir=${BENCH_DIR:-/tmp/statescope-bench}
executions=${BENCH_EXECUTIONS:-1600000}
runs=${BENCH_RUNS:-5}
port=${BENCH_PG_PORT:-54349}
mkdir -p "$dir"
STATESCOPE_PG_KEEP=1 STATESCOPE_PG_PORT=$port STATESCOPE_PG_DIR="$dir/pg" "$root/scripts/pg-test-server.sh" start >/dev/null
db=p8bench_$executions
url="postgresql://postgres@127.0.0.1:$port/$db"
if ! psql -X -q -h 127.0.0.1 -p "$port" -U postgres -d "$db" -c "SELECT 1 FROM state_transitions LIMIT 1" >/dev/null 2>&1; then
    echo "bench-p8: generating $db ($executions executions; takes about 15 minutes)" >&2
    psql -X -q -h 127.0.0.1 -p "$port" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >&2
    "$build/app/statescope-sampledb" "$url" --executions "$executions" --seed 1 >&2
    psql -X -q "$url" -c "VACUUM ANALYZE" >&2
fi
transitions=$(psql -X -q -t -A "$url" -c "SELECT count(*) FROM state_transitions")

peer_sql="SELECT from_state, count(*), avg(dwell) FROM (
  SELECT from_state, extract(epoch from (timestamp - lag(timestamp) OVER (PARTITION BY workflow_state_id ORDER BY timestamp))) * 1000 AS dwell
  FROM state_transitions) s GROUP BY from_state;"

# Wall seconds and peak RSS (KB) of a command, as "S KB".
timed() { { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -n1; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

ours=() peers=() rss=() wf=() wfAll=() win=() winAll=()
first=$(psql -X -q -t -A "$url" -c "SELECT to_char(min(timestamp) AT TIME ZONE 'UTC' + interval '3 days', 'YYYY-MM-DD\"T\"HH24:00:00Z') FROM state_transitions")
last=$(psql -X -q -t -A "$url" -c "SELECT to_char(min(timestamp) AT TIME ZONE 'UTC' + interval '3 days 6 hours', 'YYYY-MM-DD\"T\"HH24:00:00Z') FROM state_transitions")
for ((i = 0; i < runs; i++)); do
    out=$(timed "$build/app/statescope" analyze "$url" --format json)
    ours+=("${out%% *}")
    rss+=("${out##* }")
    out=$(timed psql -X -q "$url" -c "$peer_sql")
    peers+=("${out%% *}")
    out=$(timed "$build/app/statescope" analyze "$url" --workflow data-sync --format json)
    wf+=("${out%% *}")
    out=$(STATESCOPE_PUSHDOWN=0 timed "$build/app/statescope" analyze "$url" --workflow data-sync --format json)
    wfAll+=("${out%% *}")
    out=$(timed "$build/app/statescope" analyze "$url" --from "$first" --to "$last" --format json)
    win+=("${out%% *}")
    out=$(STATESCOPE_PUSHDOWN=0 timed "$build/app/statescope" analyze "$url" --from "$first" --to "$last" --format json)
    winAll+=("${out%% *}")
done
python3 - "$transitions" "$(median "${ours[@]}")" "$(median "${peers[@]}")" "$(median "${rss[@]}")" \
    "$(median "${wf[@]}")" "$(median "${wfAll[@]}")" "$(median "${win[@]}")" "$(median "${winAll[@]}")" <<'PY'
import json, sys
transitions = int(sys.argv[1])
ours, peer, rss_kb, wf, wf_all, win, win_all = map(float, sys.argv[2:])
def line(metric, value, unit, peer=None, peer_value=None):
    ratio = round(value / peer_value, 3) if peer_value else None
    print(json.dumps({"metric": metric, "value": value, "unit": unit, "peer": peer, "peerValue": peer_value, "ratio": ratio}))
line("analyze_postgres_wall_s", ours, "s", "psql window-function query", peer)
line("analyze_postgres_transitions", transitions, "transitions")
line("analyze_postgres_peak_rss_mb", round(rss_kb / 1024, 1), "MB")
line("analyze_postgres_workflow_wall_s", wf, "s", "same, reading everything (STATESCOPE_PUSHDOWN=0)", wf_all)
line("analyze_postgres_6h_window_wall_s", win, "s", "same, reading everything (STATESCOPE_PUSHDOWN=0)", win_all)
PY
