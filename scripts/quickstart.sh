#!/usr/bin/env bash
# Quick start: installs what is missing (Debian 12), builds StateScope, writes a sample state
# database and prints its analytics report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" build test
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTATESCOPE_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" -j2 --target statescope statescope-sampledb
sample="$root/build/sample.sqlite"
"$root/build/app/statescope-sampledb" "$sample" --executions 20000 --force
"$root/build/app/statescope" analyze "$sample"
