#!/usr/bin/env bash
# The Debian package end to end (Debian 12, as root or with sudo):
#  1. builds a Release copy in build-package/ (STATESCOPE_PACKAGE_BUILD=DIR reuses a build),
#  2. stages `cmake --install` and checks its layout against build/packaging/installed-files.txt,
#  3. validates the .desktop file (desktop-file-validate), the AppStream metainfo
#     (appstreamcli validate-tree --no-net, strict) and the MIME types (update-mime-database),
#  4. checks under Xvfb that the window's WM_CLASS is the .desktop file's StartupWMClass and that
#     it has an icon,
#  5. makes the .deb with CPack, installs it with apt in a clean Debian 12 root (debootstrap
#     --variant=minbase, cached as a tarball in STATESCOPE_CHROOT_CACHE, default
#     /var/cache/statescope-ci) without Recommends, and there runs `statescope --version`,
#     `statescope analyze` on a sample database and the window offscreen, checks the installed
#     files, then removes the package.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
"$root/packaging/install-deps.sh" build package
export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-2}
app_id=io.github.statescope.StateScope
step() { printf '\n== package-test: %s\n' "$*"; }
fail() { printf 'package-test: FAIL: %s\n' "$*" >&2; exit 1; }

step "build"
build=${STATESCOPE_PACKAGE_BUILD:-$root/build-package}
if [ -z "${STATESCOPE_PACKAGE_BUILD:-}" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSTATESCOPE_WERROR=ON \
          -DSTATESCOPE_BUILD_TESTS=OFF -DSTATESCOPE_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build"
manifest="$build/packaging/installed-files.txt"
[ -s "$manifest" ] || fail "$manifest missing: is packaging/install.cmake included?"

work=$(mktemp -d /var/tmp/statescope-package-test.XXXXXX)
chroot_dir="$work/root"
cleanup() {
    for m in "$chroot_dir/var/cache/apt/archives" "$chroot_dir/proc"; do
        if mountpoint -q "$m" 2>/dev/null; then $SUDO umount "$m" || $SUDO umount -l "$m"; fi
    done
    if grep -q " $work/" /proc/mounts; then
        echo "package-test: $work still has mounts, not removed" >&2
    else
        $SUDO rm -rf --one-file-system "$work"
    fi
}
trap cleanup EXIT

step "stage cmake --install and check the layout"
stage="$work/stage"
DESTDIR="$stage" cmake --install "$build" --prefix /usr >/dev/null
sort "$manifest" >"$work/expected.txt"
(cd "$stage/usr" && find . -type f -o -type l | sed 's|^\./||' | sort) >"$work/staged.txt"
if ! diff -u "$work/expected.txt" "$work/staged.txt"; then
    fail "the staged files differ from $manifest (- expected, + installed); install rules go in packaging/install.cmake"
fi
echo "$(wc -l <"$work/staged.txt") files, as listed"
"$stage/usr/bin/statescope" --version

step "validate the metadata"
desktop="$stage/usr/share/applications/$app_id.desktop"
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
echo "desktop-file-validate: ok"
# validate-tree: the metainfo, and that its launchable .desktop file is installed beside it.
appstreamcli validate-tree --no-net --strict --explain "$stage" || fail "appstreamcli validate-tree"
mkdir -p "$work/mime/packages"
cp "$stage/usr/share/mime/packages/$app_id.xml" "$work/mime/packages/"
out=$(update-mime-database "$work/mime" 2>&1) || fail "update-mime-database: $out"
globs=$(cut -d: -f2- "$work/mime/globs2")
grep -qx 'application/x-xes+xml:\*\.xes' <<<"$globs" || fail "MIME type of *.xes not registered"
grep -qx 'application/x-ndjson:\*\.jsonl' <<<"$globs" || fail "MIME type of *.jsonl not registered"
echo "MIME types: ok"
icon=$(sed -n 's/^Icon=//p' "$desktop")
wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop")
for size in 16x16 22x22 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
    png="$stage/usr/share/icons/hicolor/$size/apps/$icon.png"
    [ "$(file -b "$png" | cut -d, -f2 | tr -d ' ')" = "$size" ] || fail "$png is not a $size PNG"
done
[ -f "$stage/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no scalable icon $icon.svg"
echo "icons: ok"

step "sample database"
sample="$work/sample.sqlite"
out=$("$build/app/statescope-sampledb" "$sample" --executions 2000 --seed 7 --force 2>&1) ||
    fail "statescope-sampledb: $out"

step "window on X11 (Xvfb): WM_CLASS and icon"
# Prints WM_CLASS and the start of _NET_WM_ICON of the main window (the biggest of statescope's).
x11_probe() {
    "$STATESCOPE_TEST_BIN" "$STATESCOPE_TEST_SAMPLE" --quit-after 30 >/dev/null 2>&1 &
    local app=$! id=""
    for _ in $(seq 1 150); do
        id=$(xwininfo -root -tree | grep -F '"statescope" "' |
             sed -nE 's/^ *(0x[0-9a-f]+) .* ([0-9]+)x([0-9]+)\+.*/\1 \2/p' | awk '$2 > 200 {print $1; exit}')
        [ -n "$id" ] && break
        sleep 0.2
    done
    if [ -n "$id" ]; then
        xprop -id "$id" WM_CLASS
        xprop -id "$id" _NET_WM_ICON | head -c 120
        echo
    fi
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
}
export STATESCOPE_TEST_BIN="$stage/usr/bin/statescope" STATESCOPE_TEST_SAMPLE="$sample"
x11=$(HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" xvfb-run -a -s "-screen 0 1280x800x24" \
     bash -c "$(declare -f x11_probe); x11_probe")
echo "$x11"
grep -q "^WM_CLASS(STRING) = \"$wm_class\"," <<<"$x11" ||
    fail "the window's WM_CLASS does not start with StartupWMClass=$wm_class"
grep -q "^_NET_WM_ICON(CARDINAL) = " <<<"$x11" || fail "the window has no icon (_NET_WM_ICON)"

step "cpack -G DEB"
rm -f "$build"/statescope_*.deb
(cd "$build" && cpack -G DEB --config CPackConfig.cmake >/dev/null)
debs=("$build"/statescope_*_amd64.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || fail "expected one statescope_<version>_amd64.deb in $build"
deb=${debs[0]}
dpkg-deb --field "$deb" Package Version Architecture Section Depends Recommends
depends=$(dpkg-deb --field "$deb" Depends)
# Libraries and the plugins they bring (packaging/install.cmake): platform plugins, TLS, the
# SVG icon engine, Graphviz layouts.
for p in libqt6widgets6 libqt6gui6 libqt6network6 libqt6svg6 libqt6charts6 libgvc6 libpq5 libsqlite3-0 \
         libqt6keychain1; do
    grep -qE "(^|, )$p( |,|$)" <<<"$depends" || fail "Depends lacks $p"
done
echo "$(basename "$deb"): $(du -h "$deb" | cut -f1)"

step "install in a clean Debian 12 root"
cache=${STATESCOPE_CHROOT_CACHE:-/var/cache/statescope-ci}
mirror=${STATESCOPE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
tarball="$cache/bookworm-minbase.tar.gz"
$SUDO mkdir -p "$cache/apt-archives/partial"
if [ ! -f "$tarball" ]; then
    echo "debootstrap --variant=minbase bookworm (once; cached in $tarball)"
    $SUDO debootstrap --variant=minbase bookworm "$work/bootstrap" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
    $SUDO chroot "$work/bootstrap" apt-get clean # debootstrap leaves its .debs behind
    $SUDO tar -C "$work/bootstrap" -czf "$tarball.part" . && $SUDO mv "$tarball.part" "$tarball"
    $SUDO rm -rf --one-file-system "$work/bootstrap"
fi
$SUDO mkdir "$chroot_dir"
$SUDO tar -C "$chroot_dir" -xzf "$tarball"
# A Debian 12 machine as installed: updates and security too, no services started by packages.
$SUDO tee "$chroot_dir/etc/apt/sources.list" >/dev/null <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
$SUDO cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$chroot_dir/usr/sbin/policy-rc.d" >/dev/null
$SUDO chmod 755 "$chroot_dir/usr/sbin/policy-rc.d"
$SUDO mount -t proc proc "$chroot_dir/proc"
# Downloaded packages are kept between runs; the root itself is fresh each time.
$SUDO mount --bind "$cache/apt-archives" "$chroot_dir/var/cache/apt/archives"
$SUDO cp "$deb" "$sample" "$chroot_dir/tmp/"
in_root() { $SUDO chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "/tmp/$(basename "$deb")" >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; fail "apt-get install"; }
grep -E "^(Need to get|After this operation)" "$work/apt.log" || true

step "run the installed copy"
in_root sh -c 'command -v statescope'
version=$(in_root statescope --version)
echo "$version"
grep -q "$(dpkg-deb --field "$deb" Version)" <<<"$version" || fail "--version does not print the package version"
text=$(in_root statescope analyze /tmp/sample.sqlite)
head -8 <<<"$text"
report=$(in_root statescope analyze /tmp/sample.sqlite --format json)
grep -qE '"executions": ?2000[,}]' <<<"$report" || fail "analyze in the clean root did not report the 2,000 executions"
in_root env QT_QPA_PLATFORM=offscreen statescope --screenshot /tmp/window.png --quit-after 1 /tmp/sample.sqlite \
    >"$work/window.log" 2>&1 || { cat "$work/window.log"; fail "the window did not start in the clean root"; }
shot="$chroot_dir/tmp/window.png"
[ "$(head -c 4 "$shot" | tail -c 3)" = "PNG" ] && [ "$(stat -c %s "$shot")" -gt 20000 ] ||
    fail "the window's screenshot is missing or empty"
cp "$shot" "$build/package-test-window.png"
echo "window: $(file -b "$shot" | cut -d, -f1-2), $(stat -c %s "$shot") bytes (build-dir/package-test-window.png)"
# The diagram's layout engines are Graphviz plugins, found through the configuration that
# libgvc6 writes when it is installed; a missing one shows as an error in the window only.
grep -q dot_layout "$chroot_dir"/usr/lib/*/graphviz/config6a || fail "Graphviz has no dot layout plugin configured"

step "installed files"
while read -r f; do
    [ -f "$chroot_dir/usr/$f" ] || fail "/usr/$f not installed"
done <"$manifest"
[ -f "$chroot_dir/usr/share/icons/hicolor/48x48/apps/$icon.png" ] || fail "the menu icon $icon is not installed"
echo "$(wc -l <"$manifest") files in /usr, the menu entry's icon $icon among them"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q statescope >"$work/remove.log" 2>&1 ||
    { cat "$work/remove.log"; fail "apt-get remove"; }
[ ! -e "$chroot_dir/usr/bin/statescope" ] && [ ! -e "$chroot_dir/usr/share/applications/$app_id.desktop" ] ||
    fail "apt-get remove left files behind"
step "ok: $(basename "$deb")"
