#!/usr/bin/env bash
# The one test command: restores, builds and runs every test project, then prints
# one line "N passed, N failed" (", N skipped" when any) totalled over all projects.
#
# PostgreSQL for the integration tests, in this order:
#   1. FPAS_TEST_CONNECTION, when set (the tests create their own databases on that server);
#   2. Testcontainers, when a Docker engine answers;
#   3. a private throwaway cluster from the local server binaries, on 127.0.0.1 and a free port,
#      removed again on every exit path.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d "${TMPDIR:-/tmp}/fpas-test.XXXXXX")
chmod 755 "$work"
cluster=""
cleanup() {
  if [ -n "$cluster" ]; then
    pg_stop "$cluster"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${FPAS_TEST_CONNECTION:-}" ]; then
  echo "PostgreSQL: FPAS_TEST_CONNECTION"
elif docker_available; then
  echo "PostgreSQL: Testcontainers (Docker answers)"
elif pg_bin_dir >/dev/null; then
  pg_check_owner
  cluster="$work/pgdata"
  port=$(pg_free_port)
  pg_init "$cluster"
  # A throwaway cluster needs no durability: without fsync a Respawn reset (TRUNCATE) averaged 6 ms here, 12 ms with it.
  pg_start "$cluster" "$port" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  export FPAS_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL: private cluster $(basename "$(dirname "$(pg_bin_dir)")") on 127.0.0.1:$port"
else
  echo "error: no PostgreSQL for the integration tests: FPAS_TEST_CONNECTION is not set, Docker does not answer, and no PostgreSQL server binaries were found." >&2
  echo "       $PG_INSTALL_HINT" >&2
  exit 2
fi

dotnet tool restore >/dev/null
dotnet build Fpas.sln --nologo -v quiet -clp:NoSummary

# One dotnet test per test project (tests/*/*Tests.csproj, including any outside the solution), each writing
# its TRX to its own folder, so no result file can overwrite another.
results="$work/results"
status=0
for project in $(find tests -mindepth 2 -maxdepth 2 -name '*Tests.csproj' | sort); do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --nologo -v quiet --logger trx --results-directory "$results/$name" || status=$?
done

bash scripts/lib/trx-summary.sh "$results" || exit 1
[ "$status" -eq 0 ] || exit "$status"
