#!/usr/bin/env bash
# Mutation testing (Stryker.NET, the local tool dotnet-stryker): mutates a project of src/ and runs the unit and the
# integration tests against each mutant; prints the score of each project and writes an HTML report to
# StrykerOutput/<time>/reports/mutation-report.html.
#
#   scripts/mutation.sh                          Application, then Infrastructure (about an hour on 2 cores)
#   scripts/mutation.sh Fpas.Application.csproj  one project of src/
#
# PostgreSQL for the integration tests as in scripts/test.sh: FPAS_TEST_CONNECTION when set, otherwise a private
# throwaway cluster from the local server binaries, removed again on exit. Each test run creates databases of its
# own on that server, so Stryker's two test runners do not meet.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh

solution=$(ls ./*.sln | head -n 1)
prefix=$(basename "$solution" .sln)
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=("$prefix.Application.csproj" "$prefix.Infrastructure.csproj")
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
work=$(mktemp -d "${TMPDIR:-/tmp}/fpas-mutation.XXXXXX")
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

if [ -z "${FPAS_TEST_CONNECTION:-}" ]; then
  if ! pg_bin_dir >/dev/null; then
    echo "error: set FPAS_TEST_CONNECTION or install the PostgreSQL server binaries. $PG_INSTALL_HINT" >&2
    exit 2
  fi
  pg_check_owner
  cluster="$work/pgdata"
  pg_init "$cluster"
  port=$(pg_start_free "$cluster" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
  export FPAS_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

dotnet tool restore >/dev/null
for project in "${targets[@]}"; do
  echo "== $project"
  # Both test projects: what only the integration tests exercise (the repository's SQL, the 404 paths) counts.
  # Generated migrations are not mutated (a test compares them with the model instead: MigrationsTests).
  dotnet stryker --solution "$solution" --project "$project" --mutate '!**/Migrations/*.cs' \
    --test-case-filter "FullyQualifiedName~$prefix.UnitTests|FullyQualifiedName~$prefix.IntegrationTests" \
    --reporter progress --reporter html --reporter json --concurrency "$(nproc)"
done
