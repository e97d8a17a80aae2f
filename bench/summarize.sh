#!/usr/bin/env bash
# summarize.sh RESULTS.tsv [KEYSET LINE]: a markdown table of medians and Fpas/baseline ratios.
set -euo pipefail
awk -F'\t' -v deep="${2:-}" '
function median(list,   n, a, i, j, t) {
  n = split(list, a, " ")
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
NR == 1 { next }
{
  key = $3 SUBSEP $4
  if (!(key in seen)) { seen[key] = 1; order[++keys] = key }
  rps[$2, key] = rps[$2, key] " " $5
  p50[$2, key] = p50[$2, key] " " $6
  p99[$2, key] = p99[$2, key] " " $7
  bad[$2, key] += $8
  if ($9 + 0 > peak[$2]) peak[$2] = $9
  r[$1, $2, key] = $5
  rounds[$1] = 1
}
END {
  print "| workload | conns | Fpas req/s | baseline req/s | Fpas/baseline (median of rounds) | Fpas p50 / p99 ms | baseline p50 / p99 ms | non-2xx Fpas / baseline |"
  print "|---|---|---|---|---|---|---|---|"
  for (k = 1; k <= keys; k++) {
    key = order[k]; split(key, parts, SUBSEP); ratios = ""
    for (round in rounds) if (r[round, "baseline", key] > 0) ratios = ratios " " r[round, "fpas", key] / r[round, "baseline", key]
    printf "| %s | %s | %.0f | %.0f | %.2f | %.1f / %.1f | %.1f / %.1f | %d / %d |\n", parts[1], parts[2],
      median(rps["fpas", key]), median(rps["baseline", key]), median(ratios),
      median(p50["fpas", key]), median(p99["fpas", key]), median(p50["baseline", key]), median(p99["baseline", key]),
      bad["fpas", key], bad["baseline", key]
  }
  printf "\nPeak RSS: Fpas %d MiB, baseline %d MiB.\n", peak["fpas"], peak["baseline"]
  if (deep != "") printf "\nKeyset paging (Fpas, 16 connections): %s\n", deep
}' "$1"
