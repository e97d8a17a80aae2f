#!/usr/bin/env bash
# coverage-summary.sh DIR FLOOR: merges every Cobertura report under DIR (one per test project; a line counts as
# covered when any project covered it), over the files under src/ (generated migrations are excluded when
# collecting), prints "coverage: lines X% (covered/total), branches Y% (covered/total)" and fails when the line
# coverage is below FLOOR (a percentage).
set -euo pipefail

dir=$1 floor=$2
mapfile -t reports < <(find "$dir" -name 'coverage.cobertura.xml' 2>/dev/null)
if [ "${#reports[@]}" -eq 0 ]; then
  echo "error: no coverage report under $dir" >&2
  exit 1
fi

awk -v floor="$floor" '
  FNR == 1 { source = "" }
  /<source>/ { line = $0; sub(/.*<source>/, "", line); sub(/<\/source>.*/, "", line); source = line }
  /<class / { match($0, /filename="[^"]*"/); file = substr($0, RSTART + 10, RLENGTH - 11); if (file !~ /^\//) file = source file; keep = file ~ /(^|\/)src\// }
  keep && /<line / {
    match($0, /number="[0-9]+"/); number = substr($0, RSTART + 8, RLENGTH - 9)
    match($0, /hits="[0-9]+"/); hits = substr($0, RSTART + 6, RLENGTH - 7) + 0
    key = file ":" number
    seen[key] = 1
    if (hits > 0) covered[key] = 1
    if (match($0, /condition-coverage="[0-9]+% \([0-9]+\/[0-9]+\)"/)) {
      split(substr($0, RSTART, RLENGTH), parts, /[(\/)]/)
      if (parts[2] + 0 > bcov[key]) bcov[key] = parts[2] + 0
      if (parts[3] + 0 > btot[key]) btot[key] = parts[3] + 0
    }
  }
  END {
    for (key in seen) { lines++; if (key in covered) hit++ }
    for (key in btot) { branches += btot[key]; bhit += bcov[key] }
    lpct = lines ? 100 * hit / lines : 0
    bpct = branches ? 100 * bhit / branches : 0
    printf "coverage: lines %.1f%% (%d/%d), branches %.1f%% (%d/%d) over src/ (floor: lines %s%%)\n", lpct, hit, lines, bpct, bhit, branches, floor
    if (lpct < floor) { printf "error: line coverage %.1f%% is below the floor of %s%% (tests/coverage-floor)\n", lpct, floor > "/dev/stderr"; exit 1 }
  }
' "${reports[@]}"
