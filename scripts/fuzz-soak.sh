#!/usr/bin/env bash
# BARS R2 soak: builds every libFuzzer target in tests/fuzz (clang, ASan + UBSan) and runs each
# for FUZZ_SECONDS on a copy of its saved corpus (tests/fuzz/corpus/<reader>), with hang
# (-timeout=10) and memory (-rss_limit_mb=2048) limits. New inputs the fuzzer finds stay in the
# work directory, never in the repository. Prints one line per target and exits non-zero when
# any target found a crash, a hang, a memory blow-up or a sanitizer report.
#   scripts/fuzz-soak.sh                    every target, 600 s each, one at a time
#   FUZZ_SECONDS=60 FUZZ_JOBS=2 scripts/fuzz-soak.sh
#   FUZZ_TARGETS="fuzz_dbrows fuzz_csvreader" scripts/fuzz-soak.sh
# Environment: FUZZ_SECONDS (600), FUZZ_JOBS (targets at once, 1), FUZZ_TARGETS (all),
# FUZZ_BUILD (build directory, build-fuzz), FUZZ_WORK (corpora, logs and crash files,
# <build>/soak), FUZZ_BUILD_JOBS (compile jobs, all cores).
# A crash leaves its input under <work>/<target>/artifacts/: reproduce with
#   <build>/tests/fuzz/<target> <that file>
# then fix the reader and save the input in tests/fuzz/corpus/<reader>/ (see tests/fuzz/*.cpp).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${FUZZ_SECONDS:-600}
jobs_at_once=${FUZZ_JOBS:-1}
build=${FUZZ_BUILD:-$root/build-fuzz}
work=${FUZZ_WORK:-$build/soak}

"$root/packaging/install-deps.sh" build fuzz >&2

if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CMAKE_CXX_COMPILER:FILEPATH=.*clang' "$build/CMakeCache.txt"; then
    echo "fuzz-soak: $build is configured without clang; set FUZZ_BUILD to another directory" >&2
    exit 2
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTATESCOPE_FUZZ=ON -DSTATESCOPE_BUILD_TESTS=ON -DSTATESCOPE_BUILD_BENCH=OFF >/dev/null

if [ -n "${FUZZ_TARGETS:-}" ]; then
    read -r -a targets <<<"$FUZZ_TARGETS"
else
    targets=()
    for source in "$root"/tests/fuzz/fuzz_*.cpp; do
        targets+=("$(basename "$source" .cpp)")
    done
fi
cmake --build "$build" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" --target "${targets[@]}" >&2 # stdout: the table only

# ASan/UBSan findings must end the run with an artifact, as a crash does.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}

# Runs one target; writes "<name> <seconds> <executions> <corpus files> <result>" to its result file.
soak_one() {
    local name=$1
    local dir=$work/$name
    local corpus=$root/tests/fuzz/corpus/${name#fuzz_}
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    [ -d "$corpus" ] && cp "$corpus"/* "$dir/corpus/"
    # A dictionary says which target it is for on its first line ("... for fuzz_xesreader: ...").
    local dict=() file
    for file in "$root"/tests/fuzz/*.dict; do
        [ -e "$file" ] && head -n 1 "$file" | grep -q "for $name:" && dict=(-dict="$file")
    done
    local start=$SECONDS rc=0
    # The outer timeout catches a hang libFuzzer's own -timeout cannot (one outside an input).
    timeout --signal=KILL $((seconds + 300)) "$build/tests/fuzz/$name" "$dir/corpus" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" >"$dir/log" 2>&1 || rc=$?
    local elapsed=$((SECONDS - start))
    local execs
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log" | tail -n 1)
    local files
    files=$(find "$dir/corpus" -type f | wc -l)
    local artifact
    artifact=$(find "$dir/artifacts" -type f | head -n 1)
    local result=ok
    if [ -n "$artifact" ]; then
        result=$artifact
    elif [ "$rc" -eq 137 ]; then
        result="hang (killed after ${elapsed}s, log $dir/log)"
    elif [ "$rc" -ne 0 ] || grep -q 'ERROR: \(Address\|Undefined\|Leak\)Sanitizer\|runtime error:' "$dir/log"; then
        result="failed (exit $rc, log $dir/log)"
    fi
    echo "$name ${elapsed}s ${execs:-?} $files $result" >"$dir/result"
}

mkdir -p "$work"
trap 'kill $(jobs -p) 2>/dev/null || true' INT TERM
echo "fuzz-soak: ${#targets[@]} targets, ${seconds}s each, $jobs_at_once at a time, work in $work" >&2
for name in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_at_once" ]; do
        wait -n || true
    done
    echo "fuzz-soak: running $name" >&2
    soak_one "$name" &
done
wait

failed=0
printf '%-18s %8s %12s %7s  %s\n' target seconds executions corpus result
for name in "${targets[@]}"; do
    if [ -f "$work/$name/result" ]; then
        read -r target elapsed execs files result <"$work/$name/result"
    else
        target=$name elapsed="?" execs="?" files="?" result="no result"
    fi
    printf '%-18s %8s %12s %7s  %s\n' "$target" "$elapsed" "$execs" "$files" "$result"
    [ "$result" = ok ] || failed=1
done
exit $failed
