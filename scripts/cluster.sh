#!/usr/bin/env bash
# Runs several instances of the published API behind HAProxy, in the foreground; Ctrl-C stops what it started.
#
#   scripts/cluster.sh [--instances N] [--port P]   N instances (3) on ports P+1..P+N, the balancer on P (8000)
#   scripts/cluster.sh --rolling-restart            in another terminal: restarts the running cluster's instances one
#                                                   by one (SIGTERM, wait for exit, start, wait for /health/ready)
#
# The database is chosen as scripts/run.sh chooses it (ConnectionStrings__Default, else the local cluster in
# .data/postgres). Every instance gets the environment this script gets (authentication included), as a single
# instance would, in Development unless ASPNETCORE_ENVIRONMENT says otherwise, with a drain delay of 2 s unless
# Shutdown__DrainDelay says otherwise: time for the balancer's health check (every 500 ms) to see readiness turn 503.
# State (published app, pids, logs, haproxy.cfg) goes to .data/cluster, or FPAS_CLUSTER_DIR.
# HAProxy: active health checks on /health/ready, keep-alive to the instances, and a retry on another instance only for
# requests that never reached one or whose method is idempotent (GET, HEAD, OPTIONS, PUT, DELETE).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=lib/postgres.sh
source scripts/lib/postgres.sh
# shellcheck source=lib/database.sh
source scripts/lib/database.sh

instances=3
port=${PORT:-8000}
rolling=""
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) instances=${2:?--instances takes a number}; shift 2 ;;
    --port) port=${2:?--port takes a number}; shift 2 ;;
    --rolling-restart) rolling=yes; shift ;;
    *) echo "usage: scripts/cluster.sh [--instances N] [--port P] | --rolling-restart" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
data="$root/.data"
state=${FPAS_CLUSTER_DIR:-$data/cluster}

# start_instance I: starts instance I in a session of its own (so that it outlives a --rolling-restart), with the
# settings saved in $state/instance.env, and records its pid.
start_instance() {
  local i=$1 instance_port
  instance_port=$(cat "$state/$i.port")
  (
    set -a
    # shellcheck disable=SC1091
    source "$state/instance.env"
    set +a
    # From the app's folder: the content root, where its appsettings.json is read, is the working directory.
    cd "$state/app"
    exec setsid dotnet Fpas.Api.dll --urls "http://127.0.0.1:$instance_port" >>"$state/$i.log" 2>&1
  ) &
  echo $! >"$state/$i.pid"
}

# wait_ready I: waits up to 60 s for instance I's readiness.
wait_ready() {
  local i=$1 instance_port
  instance_port=$(cat "$state/$i.port")
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$instance_port/health/ready" 2>/dev/null | grep -q 200; then
      return 0
    fi
    if ! kill -0 "$(cat "$state/$i.pid")" 2>/dev/null; then
      echo "error: instance $i exited; its log: $state/$i.log" >&2
      tail -n 20 "$state/$i.log" >&2
      return 1
    fi
    sleep 0.2
  done
  echo "error: instance $i was not ready within 60 s; its log: $state/$i.log" >&2
  return 1
}

# stop_instance I: SIGTERM, then waits for the process to exit (drain + requests in flight).
stop_instance() {
  local pid
  pid=$(cat "$state/$1.pid" 2>/dev/null) || return 0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

if [ -n "$rolling" ]; then
  [ -f "$state/instances" ] && kill -0 "$(cat "$state/haproxy.pid" 2>/dev/null)" 2>/dev/null || {
    echo "error: no running cluster (start one with scripts/cluster.sh)" >&2
    exit 2
  }
  for i in $(seq 1 "$(cat "$state/instances")"); do
    started=$(date +%s.%N)
    stop_instance "$i"
    start_instance "$i"
    wait_ready "$i"
    echo "instance $i restarted in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
  done
  exit 0
fi

if ! command -v haproxy >/dev/null 2>&1; then
  echo "error: HAProxy is not installed (Debian/Ubuntu: apt-get install haproxy; Fedora: dnf install haproxy)" >&2
  exit 2
fi
if [ -f "$state/haproxy.pid" ] && kill -0 "$(cat "$state/haproxy.pid")" 2>/dev/null; then
  echo "error: a cluster is already running (balancer pid $(cat "$state/haproxy.pid"))" >&2
  exit 2
fi

haproxy_pid=""
cleanup() {
  trap '' PIPE INT TERM
  for pid_file in "$state"/*.pid; do
    [ -f "$pid_file" ] || continue
    [ "$pid_file" = "$state/haproxy.pid" ] && continue
    kill -TERM "$(cat "$pid_file")" 2>/dev/null || true
  done
  for pid_file in "$state"/*.pid; do
    [ -f "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    [ "$pid_file" = "$state/haproxy.pid" ] && continue
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  done
  if [ -n "$haproxy_pid" ]; then kill -TERM "$haproxy_pid" 2>/dev/null || true; fi
  rm -f "$state"/*.pid
  stop_database
  echo "Stopped the cluster" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

use_database "$data"
rm -rf "$state"
mkdir -p "$state"
echo "Publishing the API (Release) into $state/app"
dotnet publish src/Fpas.Api -c Release -o "$state/app" -v quiet --nologo >/dev/null

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Shutdown__DrainDelay=${Shutdown__DrainDelay:-00:00:02}
export Database__MigrateOnStartup=${Database__MigrateOnStartup:-true}
# What the instances get, for this run and for a --rolling-restart: the app's settings from the environment.
env | grep -E '^(ASPNETCORE_|DOTNET_|ConnectionStrings__|Authentication__|Authorization__|RateLimiting__|Shutdown__|HostOptions__|Database__|Cors__|ForwardedHeaders__|Logging__|AllowedHosts|OTEL_)' \
  | sed -E "s/^([^=]*)=(.*)$/\1='\2'/" >"$state/instance.env"
echo "$instances" >"$state/instances"

servers=""
for i in $(seq 1 "$instances"); do
  echo $((port + i)) >"$state/$i.port"
  servers="$servers    server instance$i 127.0.0.1:$((port + i)) check
"
done
cat >"$state/haproxy.cfg" <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 60s
    option http-keep-alive
    retries 2
    option redispatch 1
    retry-on conn-failure empty-response response-timeout

frontend fpas
    bind 127.0.0.1:$port
    default_backend instances

backend instances
    balance roundrobin
    http-reuse safe
    # L7 retries (after the request was sent) only for idempotent methods; a POST is retried only when it never left.
    http-request disable-l7-retry unless METH_GET || METH_HEAD || METH_OPTIONS || { method PUT DELETE }
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 500ms fall 1 rise 2
$servers
CFG
haproxy -c -q -f "$state/haproxy.cfg"

for i in $(seq 1 "$instances"); do start_instance "$i"; done
for i in $(seq 1 "$instances"); do wait_ready "$i"; done
haproxy -db -f "$state/haproxy.cfg" >"$state/haproxy.log" 2>&1 &
haproxy_pid=$!
echo "$haproxy_pid" >"$state/haproxy.pid"
echo "Fpas: $instances instances (ports $((port + 1))-$((port + instances))) behind HAProxy on http://127.0.0.1:$port; Ctrl-C stops them"
echo "Rolling restart: scripts/cluster.sh --rolling-restart"
wait "$haproxy_pid"
