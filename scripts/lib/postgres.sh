# Helpers to run a private PostgreSQL cluster from the local server binaries.
# Sourced by scripts/test.sh, scripts/mutation.sh, scripts/run.sh and bench/run.sh; not run on its own.
# The server refuses to run as root, so as root every server command runs as the
# `postgres` OS user, on a data directory that user owns.

PG_INSTALL_HINT="Install the PostgreSQL server binaries (Debian/Ubuntu: apt-get install postgresql; Fedora: dnf install postgresql-server) or Docker, or point the script at an existing server (see README.md)."

# Prints the directory holding initdb and pg_ctl, or fails.
pg_bin_dir() {
  local initdb
  if initdb=$(command -v initdb 2>/dev/null) && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$initdb")"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin /usr/pgsql-*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# Runs a command as the OS user that owns the cluster.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Checks that the cluster owner exists when running as root.
pg_check_owner() {
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "error: running as root, and PostgreSQL refuses to run as root; there is no 'postgres' OS user to run it as." >&2
    echo "       Create one (useradd --system postgres) or run this script as a normal user." >&2
    return 1
  fi
}

# Prints a TCP port on 127.0.0.1 that nothing listens on.
pg_free_port() {
  local port attempt
  for attempt in $(seq 1 50); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 12700 ))  # 20000-32699: below the ephemeral range (32768-60999)
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "error: found no free TCP port on 127.0.0.1" >&2
  return 1
}

# pg_init DIR: creates a cluster in DIR (which must not exist or be empty).
pg_init() {
  local dir=$1 bin
  bin=$(pg_bin_dir)
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  pg_as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir.initdb.log" 2>&1 || {
    echo "error: initdb failed; its output is in $dir.initdb.log" >&2
    return 1
  }
}

# pg_start DIR PORT [SERVER OPTIONS]: starts the cluster on 127.0.0.1:PORT (sockets in DIR) and waits
# until it accepts connections.
pg_start() {
  local dir=$1 port=$2 extra=${3:-} bin
  bin=$(pg_bin_dir)
  pg_as_owner "$bin/pg_ctl" -D "$dir" -w -t 30 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$dir' $extra" start >/dev/null || {
    echo "error: PostgreSQL did not start; see $dir/server.log" >&2
    return 1
  }
}

# pg_start_free DIR [SERVER OPTIONS]: starts the cluster on a free port of 127.0.0.1 and prints that port. A port
# found free can be taken before the server binds it (seen: "could not bind ... Address already in use"), so a
# start that fails on the bind is tried again on another port.
pg_start_free() {
  local dir=$1 extra=${2:-} port attempt
  for attempt in 1 2 3 4 5; do
    port=$(pg_free_port) || return 1
    if pg_start "$dir" "$port" "$extra" 2>/dev/null; then
      echo "$port"
      return 0
    fi
    if ! grep -q "Address already in use" "$dir/server.log" 2>/dev/null; then
      echo "error: PostgreSQL did not start; see $dir/server.log" >&2
      return 1
    fi
    echo "PostgreSQL: port $port was taken before the server bound it; trying another" >&2
    : >"$dir/server.log"
  done
  echo "error: PostgreSQL found no free port in 5 tries; see $dir/server.log" >&2
  return 1
}

# pg_start_throwaway DIR: a cluster for one test run in DIR (created here), without durability, on a free port of
# 127.0.0.1; prints the port. pg_stop DIR stops it.
pg_start_throwaway() {
  pg_check_owner || return 1
  pg_init "$1" || return 1
  # A throwaway cluster needs no durability: without fsync a Respawn reset (TRUNCATE) averaged 6 ms here, 12 ms with it.
  pg_start_free "$1" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
}

# pg_is_running DIR
pg_is_running() {
  local bin
  bin=$(pg_bin_dir) || return 1
  pg_as_owner "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1
}

# pg_stop DIR: fast shutdown (rolls back open transactions, keeps committed data).
pg_stop() {
  local bin
  bin=$(pg_bin_dir) || return 0
  pg_as_owner "$bin/pg_ctl" -D "$1" -m fast -w stop >/dev/null 2>&1 || true
}

# Succeeds when a Docker engine answers.
docker_available() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}
