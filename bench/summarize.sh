#!/usr/bin/env bash
# summarize.sh RESULTS.tsv [KEYSET LINE]: markdown tables of medians and ratios (median of per-round
# ratios): the headline fpas/baseline-mux (Fpas as shipped; both multiplex), the named variant fpas-single/baseline
# (neither multiplexes), then, when
# they ran, fpas/baseline (not like for like), fpas/fpas-anon (the cost of
# authentication), fpas/fpas-ref (against another build), fpas-otlp/fpas (the cost of exporting telemetry), and each
# APP:KEY=VALUE variant against APP.
set -euo pipefail
awk -F'\t' -v deep="${2:-}" '
function median(list,   n, a, i, j, t) {
  n = split(list, a, " ")
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function ratio(a, b, key,   round, list) {
  list = ""
  for (round in rounds) if (r[round, b, key] > 0 && r[round, a, key] != "") list = list " " r[round, a, key] / r[round, b, key]
  return median(list)
}
function pair(a, b, title,   k, key, parts) {
  if (!(a in ran) || !(b in ran)) return
  printf "\n%s\n\n", title
  printf "| workload | conns | %s req/s | %s req/s | %s/%s (median of rounds) | %s p50 / p99 ms | %s p50 / p99 ms | non-2xx |\n", a, b, a, b, a, b
  print "|---|---|---|---|---|---|---|---|"
  for (k = 1; k <= keys; k++) {
    key = order[k]; split(key, parts, SUBSEP)
    printf "| %s | %s | %.0f | %.0f | %.2f | %.1f / %.1f | %.1f / %.1f | %d / %d |\n", parts[1], parts[2],
      median(rps[a, key]), median(rps[b, key]), ratio(a, b, key),
      median(p50[a, key]), median(p99[a, key]), median(p50[b, key]), median(p99[b, key]), bad[a, key], bad[b, key]
  }
}
NR == 1 { next }
{
  key = $3 SUBSEP $4
  if (!(key in seen)) { seen[key] = 1; order[++keys] = key }
  if (!($2 in ran)) { ran[$2] = 1; apps[++napps] = $2 }
  rps[$2, key] = rps[$2, key] " " $5
  p50[$2, key] = p50[$2, key] " " $6
  p99[$2, key] = p99[$2, key] " " $7
  bad[$2, key] += $8
  if ($9 + 0 > peak[$2]) peak[$2] = $9
  r[$1, $2, key] = $5
  rounds[$1] = 1
}
END {
  pair("fpas", "baseline-mux", "Headline, like for like: Fpas as shipped (multiplexing by default) against the baseline with Multiplexing=true:")
  pair("fpas-single", "baseline", "Named variant, not the headline: Fpas with Multiplexing=false added to its connection string against the baseline as written:")
  pair("fpas", "baseline", "Not like for like: Fpas (multiplexing) against the baseline without it:")
  pair("fpas", "fpas-anon", "The cost of authentication: Fpas with a token on every request against Fpas with anonymous writes:")
  pair("fpas", "fpas-ref", "Fpas against the reference build (BENCH_REF_DIR), same settings:")
  pair("fpas", "fpas-nolog", "The cost of the request log: Fpas as shipped against Fpas with the request log record off:")
  pair("fpas-otlp", "fpas", "The cost of telemetry: Fpas exporting every trace, metrics and logs over OTLP against Fpas with no exporter:")
  for (i = 1; i <= napps; i++) if (index(apps[i], ":") > 1)
    pair(apps[i], substr(apps[i], 1, index(apps[i], ":") - 1), "A named variant against the same server without its extra settings:")
  printf "\nPeak RSS:"
  for (i = 1; i <= napps; i++) printf " %s %d MiB%s", apps[i], peak[apps[i]], i < napps ? "," : ".\n"
  if (deep != "") printf "\nKeyset paging (Fpas, 16 connections): %s\n", deep
}' "$1"
