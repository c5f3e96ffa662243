#!/usr/bin/env bash
# Refreshes translations/statescope_*.ts from the sources: new tr() strings appear as unfinished
# entries, strings gone from the code are dropped. Translate the new entries (Qt Linguist, or an
# editor) until `ctest -R translation_catalogs` passes. A normal build never runs this.
#   scripts/update-translations.sh            all catalogs
#   scripts/update-translations.sh de         one language (a new code starts a new catalog)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Qt 6's lupdate (a Qt 5 one on PATH would write another format); LUPDATE=... overrides.
lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    bins=$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || true)
    for candidate in "$bins/lupdate" /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)"; do
        if [ -x "$candidate" ]; then lupdate=$candidate; break; fi
    done
fi
[ -n "$lupdate" ] && [ -x "$lupdate" ] || { echo "update-translations: Qt 6 lupdate not found (apt install qt6-l10n-tools)" >&2; exit 1; }
cd "$root"
catalogs=()
if [ $# -gt 0 ]; then
    for lang in "$@"; do catalogs+=("translations/statescope_$lang.ts"); done # a new one is created
else
    shopt -s nullglob
    catalogs=(translations/statescope_*.ts)
    [ ${#catalogs[@]} -gt 0 ] || { echo "update-translations: no catalogs; name the languages (e.g. de fr)" >&2; exit 1; }
fi
# The same sources and options as translations/check-catalogs.cmake: keep them in step. English
# is the source language: its catalog holds only the plural forms ("1 execution", "2 executions").
for ts in "${catalogs[@]}"; do
    only=()
    [ "$(basename "$ts")" = statescope_en.ts ] && only=(-pluralonly)
    "$lupdate" "${only[@]}" -no-obsolete -locations none app widgets models/itemmodels -ts "$ts"
done
grep -c 'type="unfinished"' "${catalogs[@]}" | sed 's/:/: unfinished entries: /' || true
