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
# pg_stop does nothing where no cluster was started.
trap 'pg_stop "$work/pgdata"; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${FPAS_TEST_CONNECTION:-}" ]; then
  if ! pg_bin_dir >/dev/null; then
    echo "error: set FPAS_TEST_CONNECTION or install the PostgreSQL server binaries. $PG_INSTALL_HINT" >&2
    exit 2
  fi
  port=$(pg_start_throwaway "$work/pgdata")
  export FPAS_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
fi

dotnet tool restore >/dev/null
for project in "${targets[@]}"; do
  echo "== $project"
  # Both test projects: what only the integration tests exercise (the repository's SQL, the 404 paths) counts.
  # scripts/stryker-config.json: no mutants in generated migrations (MigrationsTests compares them with the model
  # instead), in ConfigureAwait arguments (no synchronization context here) or in argument guards.
  dotnet stryker --config-file scripts/stryker-config.json --solution "$solution" --project "$project" \
    --test-case-filter "FullyQualifiedName~$prefix.UnitTests|FullyQualifiedName~$prefix.IntegrationTests" \
    --concurrency "$(nproc)"
done
