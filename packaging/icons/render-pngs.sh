#!/usr/bin/env bash
# Renders the hicolor PNG sizes of the application icon from its SVG (needs librsvg2-bin).
# The PNGs are committed; run this again after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/hicolor"
id=io.github.statescope.StateScope
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "scalable/apps/$id.svg" --output "${size}x${size}/apps/$id.png"
done
