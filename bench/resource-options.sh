#!/usr/bin/env bash
# What fpas-resource --audited --soft-delete costs: create, update and delete on a resource with both options (Note)
# against a plain one (Item), in one service generated from this repository's templates, one process, as it ships
# (Production, the generated appsettings; the connection string, the URL and the bearer issuer a Production start
# requires). Per round and workload the two are measured back to back, in turns; the summary is the median of the
# per-round ratios note/item. Each measurement starts on a vacuumed table; each delete measurement deletes rows no
# other has touched (seeded up front).
#
# Settings (environment): BENCH_ROUNDS (3), BENCH_DURATION (10s), BENCH_WARMUP (5s), BENCH_CONNECTIONS (64),
# BENCH_ROWS_PER_DELETE (150000: rows seeded for each delete measurement).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=lib.sh
source bench/lib.sh

rounds=${BENCH_ROUNDS:-3}
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-5s}
c=${BENCH_CONNECTIONS:-64}
per_delete=${BENCH_ROWS_PER_DELETE:-150000}
export BENCH_ITEMS=10000 BENCH_WRK_DIR="$root/bench/wrk" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bench_require_tools

work=$(mktemp -d "${TMPDIR:-/tmp}/fpas-options-bench.XXXXXX")
chmod 755 "$work"
cluster="$work/pgdata" app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  pg_stop "$cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "Generating a service with Item and Note (--audited --soft-delete) from the templates"
hive="$work/hive"
dotnet new install "$root" --debug:custom-hive "$hive" >/dev/null
(cd "$work" && dotnet new fpas-service -n Shop --debug:custom-hive "$hive" >/dev/null)
(cd "$work/Shop" && dotnet new fpas-resource -n Note --solution Shop --audited --soft-delete --debug:custom-hive "$hive" >/dev/null \
  && dotnet tool restore >/dev/null && dotnet restore src/Shop.Infrastructure >/dev/null \
  && dotnet ef migrations add AddNotes --project src/Shop.Infrastructure --output-dir Persistence/Migrations >/dev/null)
dotnet publish "$work/Shop/src/Shop.Api" -c Release -o "$work/app" -v quiet --nologo >/dev/null

pg_init "$cluster"
db_port=$(pg_start_free "$cluster" "-c max_connections=400") || { cat "$cluster/server.log" >&2 2>/dev/null; exit 1; }
connection="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=bench"
sql() { psql -q -tA -h 127.0.0.1 -p "$db_port" -U postgres -d bench -c "$1"; }
bench_token "items:read items:write notes:read notes:write"
base_url="http://127.0.0.1:$(pg_free_port)"

start_app() {
  (cd "$work/app" && exec env "$@" "${bearer_settings[@]}" ConnectionStrings__Default="$connection" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="$base_url" dotnet Shop.Api.dll) >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 100); do
    if curl -s -o /dev/null "$base_url/health/ready"; then return 0; fi
    sleep 0.2
  done
  echo "error: the service did not start; its log:" >&2
  cat "$work/app.log" >&2
  exit 1
}

echo "Migrating (the service's own start-up migration), then seeding both tables"
start_app Database__MigrateOnStartup=true
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
deletes=$(( rounds + 1 ))
rows=$(( BENCH_ITEMS + deletes * per_delete ))
sql "INSERT INTO item (name, description) SELECT 'seed ' || g, 'seeded' FROM generate_series(1, $rows) g"
sql "INSERT INTO note (name, description, created_at, created_by, updated_at, updated_by)
     SELECT 'seed ' || g, 'seeded', now(), 'seed', now(), 'seed' FROM generate_series(1, $rows) g"
sql "VACUUM ANALYZE"
start_app

# measure WORKLOAD RESOURCE TAG [DELETE_FIRST]: prints "req/s p50 p99 non2xx".
measure() {
  sql "VACUUM ANALYZE ${2%s}" >/dev/null
  BENCH_PATH="/$2/" BENCH_TAG="$3" BENCH_DELETE_FIRST="${4:-1}" run_wrk "$1" "$c" "$duration"
}

echo "Warm-up"
for workload in create update delete; do
  for resource in items notes; do
    BENCH_PATH="/$resource/" BENCH_TAG="warm-$resource" BENCH_DELETE_FIRST=$(( BENCH_ITEMS + 1 )) \
      wrk -t2 -c"$c" -d"$warmup" -s "$BENCH_WRK_DIR/$workload.lua" "$base_url" >/dev/null
  done
done

rows_file="$work/rows.tsv"
for round in $(seq 1 "$rounds"); do
  order="items notes"; if [ $(( round % 2 )) -eq 0 ]; then order="notes items"; fi
  for workload in create update delete; do
    for resource in $order; do
      read -r rps p50 p99 bad < <(measure "$workload" "$resource" "$round-$workload" $(( BENCH_ITEMS + round * per_delete + 1 )))
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$workload" "$resource" "$rps" "$p50" "$p99" "$bad" >>"$rows_file"
      printf 'round %s %-6s %-5s %10s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s\n' "$round" "$workload" "$resource" "$rps" "$p50" "$p99" "$bad"
    done
  done
done
peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")

echo
echo "$c connections, $rounds rounds of ${duration} (medians; ratio = median of the per-round note/item ratios); peak RSS $peak MiB"
printf '| workload | items req/s | notes req/s | notes / items | items p99 ms | notes p99 ms | non-2xx |\n|---|---|---|---|---|---|---|\n'
for workload in create update delete; do
  awk -F'\t' -v w="$workload" '
    function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    $2 == w && $3 == "items" { ir[$1] = $4; ip[$1] = $6; bad += $7 }
    $2 == w && $3 == "notes" { nr[$1] = $4; np[$1] = $6; bad += $7 }
    END { n = 0; for (r in ir) { n++; a[n] = ir[r]; b[n] = nr[r]; q[n] = nr[r] / ir[r]; x[n] = ip[r]; y[n] = np[r] }
      printf "| %s | %.0f | %.0f | %.2f | %.1f | %.1f | %d |\n", w, median(a, n), median(b, n), median(q, n), median(x, n), median(y, n), bad }
  ' "$rows_file"
done
