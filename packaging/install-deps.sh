#!/usr/bin/env bash
# Installs the Debian packages of the given groups (default: build test) listed in
# packaging/debian-packages.txt. Skips apt entirely when everything is already installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(build test)
wanted=()
for g in "${groups[@]}"; do
    while read -r group pkg; do
        [ "$group" = "$g" ] && wanted+=("$pkg")
    done < <(grep -v '^#' "$here/debian-packages.txt" | grep -v '^[[:space:]]*$')
done
missing=()
for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#wanted[@]} packages present"
    exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
