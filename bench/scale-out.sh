#!/usr/bin/env bash
# Measures Fpas scaled out with scripts/cluster.sh (HAProxy in front) on a private PostgreSQL (fsync on):
#   1. the proxy hop: read_one and mixed at 64 connections, one instance direct, one behind HAProxy, three behind it;
#   2. a rolling restart of the three instances under mixed load: failed requests (non-2xx and socket errors);
#   3. kill -9 of one instance under write load (POST, 8 connections): failed requests while HAProxy notices, and
#      whether every create that got a 200 is stored.
# The instances run in Production with the repository's appsettings and Authentication:AllowAnonymousWrites=true.
# Settings: SCALE_DURATION (10s), SCALE_ITEMS (10000). Figures: bench/results/scale-out.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

duration=${SCALE_DURATION:-10s}
export BENCH_ITEMS=${SCALE_ITEMS:-10000}
export BENCH_WRK_DIR="$root/bench/wrk"
for tool in wrk haproxy; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool is not installed (Debian/Ubuntu: apt-get install $tool)" >&2; exit 2; }
done
pg_bin_dir >/dev/null || { echo "error: no PostgreSQL server binaries. $PG_INSTALL_HINT" >&2; exit 2; }
pg_check_owner

work=$(mktemp -d "${TMPDIR:-/tmp}/fpas-scale.XXXXXX")
chmod 755 "$work"
cluster_pid=""
stop_cluster() {
  if [ -n "$cluster_pid" ]; then
    kill -TERM "$cluster_pid" 2>/dev/null || true
    wait "$cluster_pid" 2>/dev/null || true
    cluster_pid=""
  fi
}
cleanup() {
  stop_cluster
  pg_stop "$work/pgdata"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_init "$work/pgdata"
db_port=$(pg_start_free "$work/pgdata" "-c max_connections=300")
export ConnectionStrings__Default="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=scale"
export ASPNETCORE_ENVIRONMENT=Production Authentication__AllowAnonymousWrites=true
export FPAS_CLUSTER_DIR="$work/cluster"
port=$(pg_free_port)
balancer="http://127.0.0.1:$port"

# start_cluster N: scripts/cluster.sh with N instances, in the background, until the balancer answers.
start_cluster() {
  bash scripts/cluster.sh --instances "$1" --port "$port" >"$work/cluster-$1.log" 2>&1 &
  cluster_pid=$!
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null "$balancer/health/ready" 2>/dev/null && grep -q "behind HAProxy" "$work/cluster-$1.log"; then return 0; fi
    sleep 0.2
  done
  echo "error: the cluster did not start; its log:" >&2
  cat "$work/cluster-$1.log" >&2
  exit 1
}

# load SCRIPT CONNECTIONS DURATION URL: prints "req/s non2xx errors requests".
load() {
  wrk -t2 -c"$2" -d"$3" -s "$BENCH_WRK_DIR/$1.lua" "$4" | awk '
    /Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx/ { bad = $5 }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    /requests in/ { requests = $1 }
    END { printf "%s %d %d %d\n", rps, bad, errors, requests }'
}

report="$work/report.md"
{
  echo "| setup | workload | req/s | non-2xx | socket errors |"
  echo "|---|---|---|---|---|"
} >"$report"

start_cluster 1
echo "Seeding $BENCH_ITEMS items"
seq 1 "$BENCH_ITEMS" | awk -v url="$balancer/items/" '{
  if (NR > 1) print "next"
  printf "url = \"%s\"\nrequest = \"POST\"\nheader = \"Content-Type: application/json\"\n", url
  printf "data = \"{\\\"name\\\": \\\"seed %d\\\"}\"\noutput = \"/dev/null\"\n", $1
}' >"$work/seed.curl"
curl -s --no-progress-meter --fail --parallel --parallel-max 16 -K "$work/seed.curl"
direct="http://127.0.0.1:$((port + 1))"
for workload in read_one mixed; do
  wrk -t2 -c64 -d5s -s "$BENCH_WRK_DIR/$workload.lua" "$direct" >/dev/null
  read -r rps bad errors _ < <(BENCH_TAG="direct-$workload" load "$workload" 64 "$duration" "$direct")
  echo "| 1 instance, direct | $workload | $rps | $bad | $errors |" | tee -a "$report"
  read -r rps bad errors _ < <(BENCH_TAG="one-$workload" load "$workload" 64 "$duration" "$balancer")
  echo "| 1 instance behind HAProxy | $workload | $rps | $bad | $errors |" | tee -a "$report"
done
stop_cluster

start_cluster 3
# Each instance gets a third of the warm-up load: warm longer, or tiered JIT is still cold.
wrk -t2 -c64 -d20s -s "$BENCH_WRK_DIR/mixed.lua" "$balancer" >/dev/null
for workload in read_one mixed; do
  wrk -t2 -c64 -d5s -s "$BENCH_WRK_DIR/$workload.lua" "$balancer" >/dev/null
  read -r rps bad errors _ < <(BENCH_TAG="three-$workload" load "$workload" 64 "$duration" "$balancer")
  echo "| 3 instances behind HAProxy | $workload | $rps | $bad | $errors |" | tee -a "$report"
done

echo "Rolling restart of 3 instances under mixed load (64 connections)"
BENCH_TAG=rolling load mixed 64 40s "$balancer" >"$work/rolling.txt" &
load_pid=$!
sleep 3
bash scripts/cluster.sh --rolling-restart | tee "$work/restart.txt"
wait "$load_pid"
read -r rps bad errors requests <"$work/rolling.txt"
echo "| 3 instances, rolling restart of all three during 40 s | mixed | $rps | $bad | $errors |" | tee -a "$report"

echo "kill -9 of one instance under write load (POST, 8 connections)"
BENCH_TAG=killed load create 8 15s "$balancer" >"$work/killed.txt" &
load_pid=$!
sleep 5
kill -9 "$(cat "$FPAS_CLUSTER_DIR/2.pid")"
wait "$load_pid"
read -r rps bad errors requests <"$work/killed.txt"
stored=$(psql -tA -h 127.0.0.1 -p "$db_port" -U postgres -d scale -c "SELECT count(*) FROM item WHERE name LIKE 'killed-%'")
ok=$((requests - bad - errors))
echo "| 3 instances, kill -9 of one after 5 s of 15 s | create | $rps | $bad | $errors |" | tee -a "$report"
stop_cluster

{
  echo
  echo "Rolling restart: $(tr '\n' ';' <"$work/restart.txt")"
  echo "kill -9: $requests requests, $ok answered 200, $stored rows stored with the run's names (every 200 stored: $([ "$stored" -ge "$ok" ] && echo yes || echo NO))."
} | tee -a "$report"
mkdir -p bench/results
cp "$report" bench/results/scale-out.md
