#!/usr/bin/env bash
# Runs the API on http://localhost:${PORT:-8000}, in the foreground; Ctrl-C stops it.
#
# Database, in this order:
#   1. ConnectionStrings__Default, when set;
#   2. a local PostgreSQL cluster from the server binaries in .data/postgres (created on first run,
#      kept between runs, started here and stopped again on exit when this script started it);
#   3. a PostgreSQL container in Docker (data in .data/docker), when Docker is the only option.
# Pending migrations are applied at start-up. The environment is Development unless ASPNETCORE_ENVIRONMENT says otherwise.
#
#   scripts/run.sh --database-only   starts (or reuses) that database, leaves it running, writes its connection string
#                                    to .data/connection.env and exits: what the editor's debug launch uses (.vscode/)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=lib/database.sh
source scripts/lib/database.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
port=${PORT:-8000}
data="$root/.data"

# Stops only what this script started; the output may be gone already (a closed pipe), so say it last.
cleanup() {
  trap '' PIPE INT
  stop_database
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

use_database "$data"

if [ "${1:-}" = "--database-only" ]; then
  started_cluster="" started_container="" # left running for the debugger
  printf 'ConnectionStrings__Default=%s\n' "$ConnectionStrings__Default" >"$data/connection.env"
  echo "Database ready; its connection string is in .data/connection.env"
  exit 0
fi

export Database__MigrateOnStartup=${Database__MigrateOnStartup:-true}
# A developer's machine: Development, where the API is open until a bearer issuer is configured (dotnet user-jwts).
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
echo "Fpas on http://localhost:$port (docs: http://localhost:$port/docs); Ctrl-C stops it"
dotnet run --project src/Fpas.Api -c Release --no-launch-profile -- --urls "http://localhost:$port"
