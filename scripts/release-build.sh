#!/usr/bin/env bash
# Builds TARGETs in the Release tree BUILD, configuring it first when it is not yet (after
# installing the Debian package GROUPS it needs, comma-separated, e.g. build,bench).
#   scripts/release-build.sh BUILD GROUPS TARGET...
# Output goes to stderr: the benchmark scripts print their figures on stdout.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$1
groups=$2
shift 2
if [ ! -f "$build/CMakeCache.txt" ]; then
    "$root/packaging/install-deps.sh" ${groups//,/ } >&2
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" -j2 --target "$@" >&2
