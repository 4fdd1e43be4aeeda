#!/usr/bin/env bash
# Our import against `sqlite3 .import` of the same SDMX-CSV file into a bare table, side by side,
# on this machine, release build. Target (issue 3): at least half of sqlite3's rows per second,
# and peak memory under 300 MB whatever the size.
# Usage: Benchmarks/import-vs-sqlite3.sh [ROWS]   (default 5000000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-5000000}
swift build -c release --product palermo >/dev/null
binary="$(swift build -c release --show-bin-path)/palermo"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PALERMO_SQLITE_PATH="$work/palermo.sqlite" LOG_LEVEL=warning
"$binary" bench generate --rows "$rows" --output "$work/data.csv" >/dev/null
"$binary" user list >/dev/null   # creates and migrates the store first, outside the timing

/usr/bin/time -f "%e %M" -o "$work/ours" "$binary" import "$work/data.csv" >"$work/report" 2>/dev/null
/usr/bin/time -f "%e %M" -o "$work/theirs" sqlite3 "$work/bare.sqlite" \
  "CREATE TABLE t(structure,structure_id,action,ref_area,time_period,indicator,breakdown,category,sex,age,obs_value,conf_status,source,comment);" \
  ".import --csv --skip 1 $work/data.csv t"

read -r our_s our_kb <"$work/ours"
read -r their_s their_kb <"$work/theirs"
awk -v n="$rows" -v a="$our_s" -v b="$their_s" -v am="$our_kb" -v bm="$their_kb" 'BEGIN {
  printf "rows: %d\n", n
  printf "palermo import : %7.1f s  %9.0f rows/s  peak %4.0f MB\n", a, n / a, am / 1024
  printf "sqlite3 .import: %7.1f s  %9.0f rows/s  peak %4.0f MB\n", b, n / b, bm / 1024
  printf "ratio (ours / sqlite3, rows per second): %.2f (target >= 0.50)\n", b / a
}'
sed -n 2p "$work/report"
