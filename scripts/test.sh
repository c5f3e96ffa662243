#!/usr/bin/env bash
# The whole test suite: installs what is missing (Debian 12), builds with warnings as errors,
# starts a throwaway PostgreSQL server on loopback and runs every test with CTest.
#   scripts/test.sh             normal build in build-test/
#   scripts/test.sh --sanitize  ASan + UBSan build in build-asan/
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" build test

build="$root/build-test"
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTATESCOPE_WERROR=ON)
if [ "${1:-}" = "--sanitize" ]; then
    build="$root/build-asan"
    flags=(-DCMAKE_BUILD_TYPE=Debug -DSTATESCOPE_WERROR=ON -DSTATESCOPE_SANITIZE=ON -DSTATESCOPE_BUILD_BENCH=OFF)
    export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S "$root" -B "$build" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$build" -j2

export STATESCOPE_PG_PORT=${STATESCOPE_PG_PORT:-54329}
eval "$("$root/scripts/pg-test-server.sh" start)"
trap '"$root/scripts/pg-test-server.sh" stop' EXIT
# With the server up, PostgreSQL tests must run: a skip would hide a broken set-up.
export STATESCOPE_REQUIRE_PG=1
ctest --test-dir "$build" --output-on-failure -j2
