#!/usr/bin/env bash
# Benchmarks Fpas against a minimal raw-Npgsql baseline (bench/Baseline) with wrk, on a private
# PostgreSQL (fsync on). Every server runs for the whole bench, each on a port of its own, and is warmed up once;
# then each workload is measured on the servers back to back (A B C D, the order rotating each round), so the two
# figures of a pair are seconds apart, not minutes: this machine's speed drifts by tens of per cent over minutes.
# The summary reports Fpas/baseline as the median of the per-round ratios.
#
# Settings (environment): BENCH_ROUNDS (3), BENCH_DURATION (10s), BENCH_WARMUP (6s per workload),
# BENCH_CONNECTIONS ("16 64"),
# BENCH_WORKLOADS ("read_one list_100 create update mixed"; also list_filtered, list_search, list_100_v2), BENCH_ITEMS (10000),
# BENCH_DEEP_ROWS (1000000; 0 skips the keyset paging check),
# BENCH_APPS ("fpas baseline-mux fpas-single baseline": the headline, Fpas as shipped (multiplexing) against the
# baseline with multiplexing, and the named variant with neither multiplexing; see bench/README.md; "fpas-anon" for Fpas
# with anonymous writes instead of a token; "fpas-ref" for another published build of Fpas, in BENCH_REF_DIR;
# "fpas-otlp" for Fpas exporting every trace, its metrics and logs over OTLP to a local receiver; "fpas-nolog" for
# Fpas with the per-request log record off).
#
# Fpas runs as it ships: Production, the repository's appsettings, only the connection string and URL set,
# plus what a production start requires: a bearer token issuer (a signing key of this run), and a valid
# token with the items scopes on every request of every server (the baseline ignores it).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=lib.sh
source bench/lib.sh

rounds=${BENCH_ROUNDS:-3}
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-6s}
connections=${BENCH_CONNECTIONS:-"16 64"}
workloads=${BENCH_WORKLOADS:-"read_one list_100 create update mixed"}
export BENCH_ITEMS=${BENCH_ITEMS:-10000}
deep_rows=${BENCH_DEEP_ROWS:-1000000}
apps=${BENCH_APPS:-"fpas baseline-mux fpas-single baseline"}
export BENCH_WRK_DIR="$root/bench/wrk"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bench_require_tools

work=$(mktemp -d "${TMPDIR:-/tmp}/fpas-bench.XXXXXX")
chmod 755 "$work"
results_dir="$root/bench/results"
mkdir -p "$results_dir"
results="$results_dir/latest.tsv"
app_pid=""
declare -A pid_of=() url_of=() given_of=()
cluster="$work/pgdata"
cleanup() {
  for pid in "$app_pid" "${pid_of[@]}"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  done
  if [ -n "${sink_pid:-}" ]; then kill "$sink_pid" 2>/dev/null || true; fi
  pg_stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_init "$cluster"
db_port=$(pg_start_free "$cluster" "-c max_connections=400") || { cat "$cluster/server.log" >&2 2>/dev/null; exit 1; }
connection="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=bench"
echo "PostgreSQL on 127.0.0.1:$db_port (fsync on)"

echo "Publishing Fpas and the baseline (Release)"
dotnet publish src/Fpas.Api -c Release -o "$work/fpas" -v quiet --nologo >/dev/null
dotnet publish bench/Baseline -c Release -o "$work/baseline" -v quiet --nologo >/dev/null

base_url=""

# fpas-otlp exports every trace, its metrics and logs to a local OTLP/HTTP receiver (bench/otlp-sink.py).
sink_port="" sink_pid=""
if [[ " $apps " == *" fpas-otlp "* ]]; then
  sink_port=$(pg_free_port)
  python3 bench/otlp-sink.py "$sink_port" 2>"$work/otlp-sink.log" &
  sink_pid=$!
fi

# A signing key and an HS256 token for this run only (BENCH_TOKEN, bearer_settings).
bench_token "items:read items:write"

# start_app fpas|fpas-single|fpas-anon|fpas-ref|baseline|baseline-mux [extra env...]: runs a published server
# in Production on a free port and waits for it; sets app_pid and base_url. fpas runs with its defaults (multiplexing on) and the run's token issuer;
# fpas-single turns multiplexing off; fpas-anon allows anonymous writes instead of an issuer; fpas-ref is the
# build in BENCH_REF_DIR with the same settings as fpas; baseline-mux turns multiplexing on for the baseline.
# An app may carry extra settings after a colon, comma-separated: "fpas:Authentication__ValidatedTokenCache__MaxEntries=0"
# is fpas with that one setting more (a named experiment, never the headline). What each server was given besides its
# connection string and URL is recorded in given_of and printed above the summary.
start_app() {
  local spec=$1 app=${1%%:*} dll conn=$connection settings=() extra=() log
  shift
  log="$work/${spec//[^A-Za-z0-9_.-]/_}.log"
  if [[ "$spec" == *:* ]]; then IFS=',' read -ra extra <<<"${spec#*:}"; fi
  base_url="http://127.0.0.1:$(pg_free_port)"
  # The headline is fpas against baseline-mux: fpas gets the connection string and URL plus the bearer issuer a
  # Production start requires (ADR 12), nothing else. Every other Fpas server is a named variant in a table of its
  # own: fpas-single (Multiplexing=false added to its connection string, against baseline, neither multiplexing),
  # fpas-nolog, fpas-otlp, fpas-anon, fpas-ref and APP:KEY=VALUE.
  case "$app" in
    fpas) dll="$work/fpas/Fpas.Api.dll"; settings=("${bearer_settings[@]}") ;;
    fpas-single) dll="$work/fpas/Fpas.Api.dll"; conn="$connection;Multiplexing=false"; settings=("${bearer_settings[@]}") ;;
    fpas-anon) dll="$work/fpas/Fpas.Api.dll"; settings=(Authentication__AllowAnonymousWrites=true) ;;
    fpas-ref) dll="${BENCH_REF_DIR:?fpas-ref needs BENCH_REF_DIR, a published Fpas}/Fpas.Api.dll"; settings=("${bearer_settings[@]}") ;;
    fpas-nolog) dll="$work/fpas/Fpas.Api.dll"; settings=("${bearer_settings[@]}" Logging__LogLevel__Fpas.Api.Telemetry.RequestLogging=Warning) ;;
    fpas-otlp) dll="$work/fpas/Fpas.Api.dll"; settings=("${bearer_settings[@]}" OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$sink_port"
      OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf) ;;
    baseline) dll="$work/baseline/Baseline.dll" ;;
    baseline-mux) dll="$work/baseline/Baseline.dll"; conn="$connection;Multiplexing=true" ;;
    *) echo "error: unknown app '$app'" >&2; exit 2 ;;
  esac
  local given=()
  if [ "$conn" != "$connection" ]; then given+=("connection string + ${conn#"$connection;"}"); fi
  given+=("${settings[@]%%=*}" "${extra[@]%%=*}")
  given_of[$spec]="${given[*]:-nothing}"
  # From its own folder: the content root, where its appsettings.json is read, is the working directory.
  (cd "$(dirname "$dll")" && exec env "$@" "${settings[@]}" "${extra[@]}" ConnectionStrings__Default="$conn" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$base_url" dotnet "$dll") >"$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$base_url/items/?limit=1"; then return 0; fi
    sleep 0.2
  done
  echo "error: $app did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

# use_app SPEC: makes a server started by start_app the current one (app_pid, base_url).
use_app() { app_pid=${pid_of[$1]}; base_url=${url_of[$1]}; }

# stop_app: stops the current server and waits for it to exit (a draining Fpas serves on for its drain delay, so the next
# server must not start before); sets peak to its peak resident set size in MiB. Not in a subshell: wait needs the
# server to be this shell's child.
stop_app() {
  peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
  kill "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}


echo "Creating the schema (Fpas migrations) and seeding $BENCH_ITEMS items over HTTP"
start_app fpas Database__MigrateOnStartup=true
# One curl process, 16 requests in flight over kept-alive connections (a process per request took minutes).
seq 1 "$BENCH_ITEMS" | awk -v url="$base_url/items/" -v token="$BENCH_TOKEN" '{
  if (NR > 1) print "next"
  printf "url = \"%s\"\nrequest = \"POST\"\nheader = \"Content-Type: application/json\"\nheader = \"Authorization: Bearer %s\"\n", url, token
  printf "data = \"{\\\"name\\\": \\\"seed %d\\\", \\\"description\\\": \\\"seeded%s\\\"}\"\noutput = \"/dev/null\"\n", $1, ($1 % 100 == 0 ? " needle" : "")
}' >"$work/seed.curl"
curl -s --no-progress-meter --fail --parallel --parallel-max 16 -K "$work/seed.curl"
if [ "$(curl -s "$base_url/items/?offset=$((BENCH_ITEMS - 1))&limit=2" | grep -o '"id"' | wc -l)" -ne 1 ]; then
  echo "error: seeding did not store exactly $BENCH_ITEMS items" >&2
  exit 1
fi
stop_app >/dev/null

printf 'round\tapp\tworkload\tconnections\treq_per_s\tp50_ms\tp99_ms\tnon_2xx\tpeak_rss_mib\n' >"$results"
read -ra app_list <<<"$apps"
echo "Starting every server, each on a port of its own"
for i in "${!app_list[@]}"; do
  start_app "${app_list[$i]}"
  pid_of[${app_list[$i]}]=$app_pid
  url_of[${app_list[$i]}]=$base_url
  : >"$work/rows-$((i + 1))"
done
# Warm-up: tiered JIT reaches optimized code only after some seconds under load on 2 busy cores, and Fpas has far
# more code to compile than the baseline; measure steady state, not start-up.
# Names written by the workloads carry a tag of the server's position, not its spec: a spec with settings would make
# them longer than a name may be.
for i in "${!app_list[@]}"; do
  use_app "${app_list[$i]}"
  for workload in $workloads; do
    BENCH_TAG="warm-$i-$workload" wrk -t2 -c64 -d"$warmup" -s "$BENCH_WRK_DIR/$workload.lua" "$base_url" >/dev/null
  done
done

for round in $(seq 1 "$rounds"); do
  for workload in $workloads; do
    for c in $connections; do
      # Each round starts with the next server (A B C, B C A, ...), and every measurement starts on a vacuumed table:
      # the writes of the one before leave dead rows, which would otherwise slow whoever comes next.
      for i in "${!app_list[@]}"; do
        index=$(( (i + round - 1) % ${#app_list[@]} ))
        app=${app_list[$index]}
        if command -v psql >/dev/null 2>&1; then
          psql -q -h 127.0.0.1 -p "$db_port" -U postgres -d bench -c "VACUUM ANALYZE item" >/dev/null
        fi
        use_app "$app"
        read -r rps p50 p99 bad < <(BENCH_TAG="$index-$round-$workload-$c" run_wrk "$workload" "$c" "$duration")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$app" "$workload" "$c" "$rps" "$p50" "$p99" "$bad" \
          >>"$work/rows-$((index + 1))"
        printf 'round %s %-12s %-9s c=%-3s %10s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s\n' "$round" "$app" "$workload" "$c" "$rps" "$p50" "$p99" "$bad"
      done
    done
  done
done

for i in "${!app_list[@]}"; do
  use_app "${app_list[$i]}"
  stop_app
  unset "pid_of[${app_list[$i]}]"
  echo "${app_list[$i]} peak RSS ${peak} MiB"
  while IFS= read -r row; do printf '%s\t%s\n' "$row" "$peak" >>"$results"; done <"$work/rows-$((i + 1))"
done

deep=""
if [ "$deep_rows" -gt 0 ] && command -v psql >/dev/null 2>&1; then
  echo "Keyset paging: $deep_rows rows"
  psql -q -h 127.0.0.1 -p "$db_port" -U postgres -d bench -c \
    "INSERT INTO item (name, description) SELECT 'deep ' || g, CASE WHEN g % 100 = 0 THEN 'deep needle' ELSE 'deep' END FROM generate_series(1, $deep_rows) g" >/dev/null
  psql -q -h 127.0.0.1 -p "$db_port" -U postgres -d bench -c "VACUUM ANALYZE item" >/dev/null
  last=$(psql -tA -h 127.0.0.1 -p "$db_port" -U postgres -d bench -c "SELECT max(id) - 150 FROM item")
  start_app fpas
  wrk -t2 -c64 -d"$warmup" -s "$BENCH_WRK_DIR/list_100.lua" "$base_url" >/dev/null
  BENCH_AFTER_ID="$last" wrk -t2 -c64 -d"$warmup" -s "$BENCH_WRK_DIR/deep_page.lua" "$base_url" >/dev/null
  read -r first_rps first_p50 first_p99 _ < <(run_wrk list_100 16 "$duration")
  read -r deep_rps deep_p50 deep_p99 _ < <(BENCH_AFTER_ID="$last" run_wrk deep_page 16 "$duration")
  # The list sorted by name: its first page, and the page a cursor 90 % deep names (taken from a next link).
  cursor=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" "$base_url/items/?order_by=name&limit=100&offset=$((deep_rows * 9 / 10))" \
    | sed -n 's/^Link: .*cursor=\([A-Za-z0-9_-]*\)>.*/\1/p' | tr -d '\r')
  wrk -t2 -c64 -d"$warmup" -s "$BENCH_WRK_DIR/sorted_page.lua" "$base_url" >/dev/null
  read -r sorted_rps sorted_p50 sorted_p99 _ < <(run_wrk sorted_page 16 "$duration")
  read -r cursor_rps cursor_p50 cursor_p99 _ < <(BENCH_CURSOR="$cursor" run_wrk sorted_page 16 "$duration")
  wrk -t2 -c64 -d"$warmup" -s "$BENCH_WRK_DIR/list_search.lua" "$base_url" >/dev/null
  read -r search_rps search_p50 search_p99 _ < <(run_wrk list_search 16 "$duration")
  stop_app >/dev/null
  deep="first page: $first_rps req/s, p50 $first_p50 ms, p99 $first_p99 ms; after_id=$last: $deep_rps req/s, p50 $deep_p50 ms, p99 $deep_p99 ms; p50 ratio $(awk -v a="$deep_p50" -v b="$first_p50" 'BEGIN { printf "%.2f", a / b }')
sorted by name, first page: $sorted_rps req/s, p50 $sorted_p50 ms, p99 $sorted_p99 ms; cursor 90 % deep: $cursor_rps req/s, p50 $cursor_p50 ms, p99 $cursor_p99 ms; p50 ratio $(awk -v a="$cursor_p50" -v b="$sorted_p50" 'BEGIN { printf "%.2f", a / b }')
search (q=needle, 1 % of $deep_rows rows): $search_rps req/s, p50 $search_p50 ms, p99 $search_p99 ms"
  echo "$deep"
fi

{
  echo "Each server ran in Production from its publish folder (its own appsettings.json) with ConnectionStrings__Default"
  echo "and ASPNETCORE_URLS set, and besides those (names only):"
  for spec in "${app_list[@]}"; do echo "- $spec: ${given_of[$spec]}"; done
  echo
  bash bench/summarize.sh "$results" "$deep"
} | tee "$results_dir/latest.md"
