# The database of scripts/run.sh and scripts/cluster.sh; sourced after postgres.sh, not run on its own.
# use_database DATA_DIR exports ConnectionStrings__Default, in this order:
#   1. ConnectionStrings__Default, when set;
#   2. a local PostgreSQL cluster from the server binaries in DATA_DIR/postgres (created on first use, kept between
#      runs, started here: the caller stops it on exit when started_cluster is set);
#   3. a PostgreSQL container in Docker (data in DATA_DIR/docker), when Docker is the only option (started_container).
started_cluster=""
started_container=""

use_database() {
  data=$1
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    echo "Using the database in ConnectionStrings__Default"
  elif pg_bin_dir >/dev/null; then
    use_local_cluster
  elif docker_available; then
    use_docker
  else
    echo "error: no database: ConnectionStrings__Default is not set, and neither PostgreSQL server binaries nor Docker were found." >&2
    echo "       $PG_INSTALL_HINT" >&2
    exit 2
  fi
}

# stop_database: stops what use_database started.
stop_database() {
  if [ -n "$started_cluster" ]; then
    pg_stop "$started_cluster"
    echo "Stopped the PostgreSQL cluster in $started_cluster" 2>/dev/null || true
  fi
  if [ -n "$started_container" ]; then
    docker stop "$started_container" >/dev/null 2>&1 || true
    echo "Stopped the PostgreSQL container $started_container" 2>/dev/null || true
  fi
}

use_local_cluster() {
  local cluster="$data/postgres" port_file="$data/postgres.port" db_port
  pg_check_owner
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$data"; then
    echo "error: the 'postgres' OS user cannot reach $data (a parent directory is private)." >&2
    echo "       Move the checkout somewhere that user can enter, or set ConnectionStrings__Default." >&2
    exit 2
  fi
  exec 9>"$data/.lock"
  flock 9
  if [ ! -f "$cluster/PG_VERSION" ]; then
    echo "Creating a PostgreSQL cluster in $cluster"
    pg_init "$cluster"
    pg_free_port >"$port_file"
  fi
  db_port=$(cat "$port_file")
  if pg_is_running "$cluster"; then
    echo "Using the PostgreSQL cluster already running in $cluster (port $db_port)"
  else
    pg_start "$cluster" "$db_port"
    started_cluster="$cluster"
    echo "Started PostgreSQL in $cluster on 127.0.0.1:$db_port"
  fi
  flock -u 9
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=fpas"
}

use_docker() {
  local name=fpas-postgres db_port=${FPAS_DOCKER_PG_PORT:-5433}
  mkdir -p "$data/docker"
  if [ "$(docker inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" = "true" ]; then
    echo "Using the running container $name"
  else
    docker rm "$name" >/dev/null 2>&1 || true
    docker run -d --name "$name" -p "127.0.0.1:$db_port:5432" -e POSTGRES_HOST_AUTH_METHOD=trust \
      -v "$data/docker:/var/lib/postgresql/data" postgres:17-alpine >/dev/null
    started_container=$name
    until docker exec "$name" pg_isready -U postgres >/dev/null 2>&1; do sleep 0.5; done
    echo "Started PostgreSQL in Docker container $name on 127.0.0.1:$db_port"
  fi
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$db_port;Username=postgres;Database=fpas"
}
