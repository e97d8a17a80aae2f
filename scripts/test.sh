#!/usr/bin/env bash
# The one test command: restores and builds once, runs every test project, then prints one line
# "N passed, N failed" (", N skipped" when any) totalled over all projects.
#
#   scripts/test.sh              every test project (tests/*/*Tests.csproj), with coverage of src/ (coverlet): prints
#                                "coverage: lines X%, branches Y%" and fails below the floor in tests/coverage-floor
#   scripts/test.sh --no-coverage  the same without collecting coverage
#   scripts/test.sh --only NAME / --exclude NAME  only / all but the test project NAME (e.g. Fpas.TemplateTests)
#   scripts/test.sh --without-tools  skips the tests that need node and npm, or bash with /proc (category
#                                NeedsExternalTools: the workflow lint and the script tests), as on Windows or macOS
#   scripts/test.sh --repeat N   the whole suite N times, each in a new random order; prints the seed of each
#                                failing run (FPAS_TEST_SEED=<seed> scripts/test.sh repeats that order)
#   scripts/test.sh --results D  also keeps the TRX result files in folder D (for CI artifacts, or to check what ran)
#   scripts/test.sh --via-pgbouncer  every connection of the tests and the app goes through a PgBouncer (1.18+) in
#                                transaction-pooling mode in front of the private cluster, with the connection profile
#                                of README.md "PgBouncer" (not part of CI: it needs the pgbouncer package)
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
# shellcheck source=lib/compiler-server.sh
source scripts/lib/compiler-server.sh

repeat=1
keep_results=""
via_pgbouncer=""
coverage=yes
only=""
filter=()
exclude=""
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat=${2:?--repeat takes a number}; shift 2 ;;
    --results) keep_results=${2:?--results takes a folder}; shift 2 ;;
    --via-pgbouncer) via_pgbouncer=yes; shift ;;
    --coverage) coverage=yes; shift ;;
    --no-coverage) coverage=""; shift ;;
    --only) only=${2:?--only takes a test project name}; shift 2 ;;
    --exclude) exclude=${2:?--exclude takes a test project name}; shift 2 ;;
    --without-tools) filter=(--filter "TestCategory!=NeedsExternalTools"); shift ;;
    *) echo "usage: scripts/test.sh [--repeat N] [--results DIR] [--no-coverage] [--only NAME | --exclude NAME] [--without-tools] [--via-pgbouncer]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Builds and test hosts are short-lived: they keep the code the runtime first made (ReadyToRun or quick JIT), because
# counting calls, instrumenting for PGO and recompiling hot methods at tier 1 costs them more CPU than it gives back
# (together about a third of this script's CPU time on 2 cores, README "Continuous integration"). Everything started
# from here inherits this (the compiler server and the apps under test too); a deployed app keeps the runtime's default.
export DOTNET_TieredPGO=${DOTNET_TieredPGO:-0} DOTNET_TC_CallCounting=${DOTNET_TC_CallCounting:-0}
compiler_server_start

work=$(mktemp -d "${TMPDIR:-/tmp}/fpas-test.XXXXXX")
chmod 755 "$work"
cluster=""
bouncer=""
cleanup() {
  compiler_server_stop
  if [ -n "$bouncer" ]; then
    kill "$(cat "$bouncer/pgbouncer.pid" 2>/dev/null)" 2>/dev/null || true
  fi
  if [ -n "$cluster" ]; then
    pg_stop "$cluster"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "$via_pgbouncer" ] && ! command -v pgbouncer >/dev/null 2>&1; then
  echo "error: --via-pgbouncer needs PgBouncer (Debian/Ubuntu: apt-get install pgbouncer)" >&2
  exit 2
fi

if [ -n "${FPAS_TEST_CONNECTION:-}" ] && [ -z "$via_pgbouncer" ]; then
  echo "PostgreSQL: FPAS_TEST_CONNECTION"
elif docker_available && [ -z "$via_pgbouncer" ]; then
  echo "PostgreSQL: Testcontainers (Docker answers)"
elif pg_bin_dir >/dev/null; then
  cluster="$work/pgdata"
  port=$(pg_start_throwaway "$cluster")
  export FPAS_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL: private cluster $(basename "$(dirname "$(pg_bin_dir)")") on 127.0.0.1:$port"
else
  echo "error: no PostgreSQL for the integration tests: FPAS_TEST_CONNECTION is not set, Docker does not answer, and no PostgreSQL server binaries were found." >&2
  echo "       $PG_INSTALL_HINT" >&2
  exit 2
fi

if [ -n "$via_pgbouncer" ]; then
  # Transaction pooling: a server connection per transaction, so no server-side prepared statements (Max Auto
  # Prepare=0), no multiplexing, and no reset query of Npgsql's own (the pooler resets nothing in this mode anyway).
  bouncer="$work/pgbouncer"
  mkdir -p "$bouncer"
  bouncer_port=$(pg_free_port)
  server_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$FPAS_TEST_CONNECTION")
  echo '"postgres" ""' >"$bouncer/userlist.txt"
  cat >"$bouncer/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$server_port
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = trust
auth_file = $bouncer/userlist.txt
pool_mode = transaction
max_client_conn = 2000
default_pool_size = 40
ignore_startup_parameters = extra_float_digits
logfile = $bouncer/pgbouncer.log
pidfile = $bouncer/pgbouncer.pid
INI
  chown -R postgres: "$bouncer" 2>/dev/null || true
  pg_as_owner pgbouncer -d "$bouncer/pgbouncer.ini"
  for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$bouncer_port") 2>/dev/null && break; sleep 0.1; done
  # Start-up migrations hold a session-level advisory lock, which transaction pooling cannot keep: as in production,
  # they go to PostgreSQL directly (the migration tests use this connection).
  export FPAS_TEST_DIRECT_CONNECTION="$FPAS_TEST_CONNECTION"
  export FPAS_TEST_CONNECTION="Host=127.0.0.1;Port=$bouncer_port;Username=postgres;Database=postgres;Max Auto Prepare=0;Multiplexing=false;No Reset On Close=true"
  echo "PgBouncer (transaction pooling) on 127.0.0.1:$bouncer_port in front of it"
fi

# Every test project, including any outside the solution (the template test is repository-only).
mapfile -t projects < <(find tests -mindepth 2 -maxdepth 2 -name '*Tests.csproj' | sort \
  | { if [ -n "$only" ]; then grep "/$only.csproj$"; elif [ -n "$exclude" ]; then grep -v "/$exclude.csproj$"; else cat; fi; })
if [ "${#projects[@]}" -eq 0 ]; then
  echo "error: no test project matches" >&2
  exit 2
fi
dotnet tool restore >/dev/null

in_solution() { grep -q "$(basename "$1")" Fpas.sln; }

# run_project PROJECT RESULTS [--no-build]: one dotnet test, its TRX (and Cobertura report) in a folder of its own,
# its output in a log. Coverage is collected for the solution's projects, which run src/ in-process.
run_project() {
  local project=$1 results=$2 name collect=()
  name=$(basename "$project" .csproj)
  mkdir -p "$results"
  if [ -n "$coverage" ] && in_solution "$project"; then
    collect=(--collect "XPlat Code Coverage" --settings tests/coverage.runsettings)
  fi
  dotnet test "$project" "${@:3}" "${collect[@]}" "${filter[@]}" --nologo -v quiet --logger trx --results-directory "$results/$name" \
    >"$results/$name.log" 2>&1
}

# coverage_line RESULTS: the merged coverage of src/ against the floor (only when a solution project ran).
coverage_line() {
  local results=$1
  if [ -n "$coverage" ] && find "$results" -name 'coverage.cobertura.xml' -print -quit 2>/dev/null | grep -q .; then
    bash scripts/lib/coverage-summary.sh "$results" "$(tr -d ' \n' < tests/coverage-floor)" | tee "$results/coverage.txt"
  fi
}

show_result() {
  grep -E "^(Passed|Failed)!| error |rror\(s\)" "$1/$(basename "$2" .csproj).log" | grep -v " 0 Error(s)" || true
}

# run_suite RESULTS: the projects outside the solution (the template test: it generates and builds a solution of
# its own, on databases of its own) start first and build themselves, beside the build of the solution; the
# solution's projects then run side by side with --no-build (each integration test project has databases of its own,
# the unit tests none).
built=""
run_suite() {
  local results=$1 status=0 pids=() started=() project i
  for project in "${projects[@]}"; do
    if ! in_solution "$project"; then
      run_project "$project" "$results" &
      pids+=("$!")
      started+=("$project")
    fi
  done
  if [ -z "$built" ]; then
    dotnet build Fpas.sln --nologo -v quiet -clp:NoSummary || { wait; return 1; }
    built=yes
  fi
  local solution_pids=() solution_projects=()
  for project in "${projects[@]}"; do
    if in_solution "$project"; then
      run_project "$project" "$results" --no-build &
      solution_pids+=("$!")
      solution_projects+=("$project")
    fi
  done
  pids=("${solution_pids[@]}" "${pids[@]}")
  started=("${solution_projects[@]}" "${started[@]}")
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || status=1
    show_result "$results" "${started[$i]}"
  done
  return $status
}

if [ "$repeat" -le 1 ]; then
  status=0
  run_suite "$work/results" || status=$?
  coverage_line "$work/results" || status=1
  if [ -n "$keep_results" ] && [ -d "$work/results" ]; then
    mkdir -p "$keep_results"
    cp -r "$work/results/." "$keep_results/"
  fi
  bash scripts/lib/trx-summary.sh "$work/results" || exit 1
  exit "$status"
fi

failing_seeds=()
for run in $(seq 1 "$repeat"); do
  export FPAS_TEST_SEED=$((RANDOM * 32768 + RANDOM))
  results="$work/run-$run"
  if run_suite "$results" && bash scripts/lib/trx-summary.sh "$results" >"$results/summary.txt" 2>&1; then
    echo "run $run/$repeat (seed $FPAS_TEST_SEED): $(tail -n 1 "$results/summary.txt")"
  else
    failing_seeds+=("$FPAS_TEST_SEED")
    kept="${TMPDIR:-/tmp}/fpas-failed-run-$FPAS_TEST_SEED"
    rm -rf "$kept"
    cp -r "$results" "$kept"
    echo "run $run/$repeat (seed $FPAS_TEST_SEED): FAILED; output kept in $kept"
    cat "$results/summary.txt" >&2 || true
  fi
done
echo "failing seeds: ${failing_seeds[*]:-none}"
failed_runs=${#failing_seeds[@]}
echo "runs: $((repeat - failed_runs)) passed, $failed_runs failed"
[ "$failed_runs" -eq 0 ]
