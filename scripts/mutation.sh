#!/usr/bin/env bash
# Mutation testing of Application (Stryker.NET, a local tool): mutates src/<S>.Application and runs the unit tests
# against each mutant; prints the score and writes an HTML report to StrykerOutput/<time>/reports/.
#
#   scripts/mutation.sh                  Application against the unit tests (about 3 minutes on 2 cores)
#   scripts/mutation.sh PROJECT.csproj   another project of src/, e.g. Fpas.Infrastructure.csproj
#
# The integration tests are left out: Stryker 5.1's test runner does not complete their initial run (they host
# Kestrel, open raw sockets and set environment variables), so what only they cover shows as "no coverage".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
solution=$(ls ./*.sln | head -n 1)
prefix=$(basename "$solution" .sln)
project=${1:-$prefix.Application.csproj}
dotnet tool restore >/dev/null
dotnet stryker --solution "$solution" --project "$project" --test-case-filter "FullyQualifiedName~$prefix.UnitTests" \
  --reporter progress --reporter html --reporter json --concurrency "$(nproc)"
