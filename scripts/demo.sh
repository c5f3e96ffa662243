#!/usr/bin/env bash
# The first thing to run: installs what is missing (Debian 12), builds StateScope and opens the
# dashboard on a live demo (the simulated engine runs in-process: temporary SQLite database,
# loopback feed). Without a display it saves a screenshot instead: build/demo.png.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh" build
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j2 --target statescope
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$root/build/app/statescope" --demo "$@"
fi
echo "demo: no display; running offscreen for 10 s and saving $root/build/demo.png" >&2
QT_QPA_PLATFORM=offscreen "$root/build/app/statescope" --demo --quit-after 10 --screenshot "$root/build/demo.png" "$@"
echo "demo: saved $root/build/demo.png"
