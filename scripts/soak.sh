#!/usr/bin/env bash
# BARS R5: the dashboard watching a live feed for a long time. `statescope simulate` publishes
# 5,000 events/s; the dashboard (offscreen) follows it with a memory budget. Every few seconds
# the dashboard's RSS, open file descriptors and threads are sampled from /proc. After the
# warm-up (the store fills up to its budget, caches and pools reach their size) none of them may
# grow: RSS by at most 5 %, descriptors and threads not at all.
#
#   scripts/soak.sh                   one hour (the bar)
#   scripts/soak.sh --seconds 300     the 5-minute variant CI runs
#
# Options: --seconds N (default 3600), --warmup N (default a sixth of the run, at least 150),
# --rate N (default 5000), --budget SIZE (default 96MiB), --build DIR (a Release tree; default
# build-bench, configured here if missing; statescope is brought up to date in it). Prints one
# JSON object per line like scripts/bench.sh; the samples are kept in $SOAK_DIR (default
# /tmp/statescope-soak).
# Exit status 1 when a bar is missed or the dashboard died.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=3600
warmup=""
rate=5000
budget=96MiB
build="$root/build-bench"
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --budget) budget=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    *) echo "soak: unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$warmup" ] || warmup=$(( seconds / 6 > 150 ? seconds / 6 : 150 ))
if [ "$warmup" -ge "$seconds" ]; then
    echo "soak: --warmup ($warmup s) must be shorter than --seconds ($seconds s)" >&2
    exit 2
fi
command -v python3 >/dev/null || "$root/packaging/install-deps.sh" test >&2
"$root/scripts/release-build.sh" "$build" build statescope
statescope="$build/app/statescope"
dir=${SOAK_DIR:-/tmp/statescope-soak}
rm -rf "$dir"
mkdir -p "$dir/config"
port=$((20000 + RANDOM % 20000))

# The user's own settings stay out of it; the dashboard gets a fresh configuration.
export XDG_CONFIG_HOME="$dir/config" QT_QPA_PLATFORM=offscreen
"$statescope" simulate --listen 127.0.0.1:$port --rate "$rate" --dwell-scale 0.05 \
    --duration $((seconds + 30)) > "$dir/simulate.log" 2>&1 &
sim=$!
dashboard=""
cleanup() {
    [ -n "$dashboard" ] && kill "$dashboard" 2>/dev/null || true
    kill "$sim" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
"$statescope" --feed ws://127.0.0.1:$port --memory-budget "$budget" --quit-after "$seconds" \
    --screenshot "$dir/end.png" > "$dir/dashboard.log" 2>&1 &
dashboard=$!

# seconds since start, RSS (KiB), descriptors, threads, CPU ticks (user + system)
echo "t,rss_kib,fds,threads,cpu_ticks" > "$dir/samples.csv"
start=$(date +%s)
while kill -0 "$dashboard" 2>/dev/null; do
    now=$(( $(date +%s) - start ))
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$dashboard/status" 2>/dev/null || true)
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$dashboard/status" 2>/dev/null || true)
    fds=$(ls "/proc/$dashboard/fd" 2>/dev/null | wc -l)
    ticks=$(awk '{print $14 + $15}' "/proc/$dashboard/stat" 2>/dev/null || true)
    [ -n "$rss" ] && echo "$now,$rss,$fds,$threads,$ticks" >> "$dir/samples.csv"
    sleep 5
done
status=0
wait "$dashboard" || status=$?
dashboard=""

python3 - "$dir/samples.csv" "$warmup" "$seconds" "$status" "$(getconf CLK_TCK)" "$dir/simulate.log" <<'PY'
import csv, json, sys
path, warmup, seconds, status, hz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
subscribed = "subscribed:" in open(sys.argv[6]).read()  # the dashboard did connect to the feed
rows = [{k: int(v) for k, v in r.items()} for r in csv.DictReader(open(path))]
after = [r for r in rows if r["t"] >= warmup]
def line(metric, value, unit):
    print(json.dumps({"metric": f"r5_{metric}", "value": value, "unit": unit, "peer": None, "peerValue": None, "ratio": None}))
ok = status == 0 and subscribed and len(after) >= 2 and rows[-1]["t"] >= seconds - 10
line("dashboard_exit_status", status, "code")
line("dashboard_subscribed", subscribed, "bool")
line("seconds", rows[-1]["t"] if rows else 0, "s")
if len(after) >= 2:
    # Growth is the trend, not a passing peak (a report being computed, a compaction): the
    # median of the first stretch after the warm-up against that of the last stretch.
    from statistics import median
    end = rows[-1]["t"]
    span = max(60, (end - warmup) // 10)
    first = [r["rss_kib"] for r in after if r["t"] < warmup + span]
    last = [r["rss_kib"] for r in after if r["t"] >= end - span]
    growth = (median(last) - median(first)) / median(first) * 100
    peak = (max(r["rss_kib"] for r in after) - median(first)) / median(first) * 100
    base = after[0]
    fd_growth = max(r["fds"] for r in after) - base["fds"]
    thread_growth = max(r["threads"] for r in after) - base["threads"]
    cpu = (after[-1]["cpu_ticks"] - base["cpu_ticks"]) / hz / max(1, after[-1]["t"] - base["t"])
    line("rss_after_warmup_mib", round(median(first) / 1024, 1), "MiB")
    line("rss_at_end_mib", round(median(last) / 1024, 1), "MiB")
    line("rss_growth_after_warmup_pct", round(growth, 2), "%")
    line("rss_peak_mib", round(max(r["rss_kib"] for r in rows) / 1024, 1), "MiB")
    line("rss_peak_over_warmup_level_pct", round(peak, 2), "%")  # passing peaks, for the record
    line("fd_growth_after_warmup", fd_growth, "count")
    line("thread_growth_after_warmup", thread_growth, "count")
    line("dashboard_cpu_share", round(cpu, 3), "cores")
    ok = ok and growth <= 5 and fd_growth <= 0 and thread_growth <= 0
line("bar_met", ok, "bool")
sys.exit(0 if ok else 1)
PY
