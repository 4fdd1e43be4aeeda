#!/usr/bin/env bash
# Times `palermo import` of the published GLOTIP workbook and of its CSV into a fresh SQLite
# store, release build, and prints wall time and peak memory of each.
# Target (issue 3): the workbook imports in under 3 seconds on this machine.
# Usage: Benchmarks/glotip-import.sh [--debug]
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release
[ "${1:-}" = "--debug" ] && configuration=debug
swift build -c "$configuration" --product palermo >/dev/null
binary="$(swift build -c "$configuration" --show-bin-path)/palermo"
shared="${PALERMO_SHARED:-../shared}"
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for file in "$shared/data/glotip/data_glotip.xlsx" "$shared/data/glotip/data_glotip.csv"; do
  export PALERMO_SQLITE_PATH="$work/$(basename "$file").sqlite"
  # The first run creates the store and loads reference data; the timed run imports.
  LOG_LEVEL=warning "$binary" user list >/dev/null
  LOG_LEVEL=warning /usr/bin/time -f "%e s wall, %M KB peak" -o "$work/time" "$binary" import "$file" >"$work/out"
  printf '%s (%s): %s — %s\n' "$(basename "$file")" "$configuration" "$(cat "$work/time")" "$(sed -n 2p "$work/out" | sed 's/^ *//')"
done
