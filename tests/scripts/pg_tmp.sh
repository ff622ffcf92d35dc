#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (ARCHITECTURE.md, Tests), used as the CTest fixture
# "pg": pg.start runs `pg_tmp.sh start STATEFILE`, pg.stop runs `pg_tmp.sh stop STATEFILE`.
#
#   start STATEFILE  initdb into a new mktemp -d /tmp/sd-pg.XXXXXX (not under the build dir: a
#                    repository under /root is not traversable by the postgres user), start the
#                    server on a unix socket in that directory only (no TCP), fsync off, wait
#                    until it accepts connections, and write PGHOST/PGPORT/PGUSER/PGDATABASE/
#                    PGBIN/SD_PG_DIR lines to STATEFILE for the tests to read.
#   stop STATEFILE   stop that server (immediate shutdown: nothing in it is worth keeping) and
#                    remove its directory and STATEFILE. Safe to run twice.
#
# No system cluster is used. As root, initdb and pg_ctl run as the postgres user (initdb
# refuses to run as root); otherwise as the calling user. A missing PostgreSQL is a failure
# naming the package to install, never a skip.
#
# Several ctest runs in one build directory share the server: each `start` records its
# ctest's pid in STATEFILE.users (under a lock, STATEFILE.lock), `stop` removes it, and the
# server is stopped when the last user is gone. If a ctest goes away without running `stop`
# (killed, ^C), a detached watchdog notices that no recorded process is alive any more and
# stops the server and removes the directory, so no server outlives its runs. A `start` that
# finds a recorded server with no live user stops it first.
#
# Environment: SD_PG_BINDIR overrides the server binary directory
# (default /usr/lib/postgresql/15/bin, Debian's location; it is not on PATH).
# SD_PG_WATCH_PID: the process whose exit stops the server (default: our parent; 0: none,
# for a server started by hand that should live until `stop`).
set -euo pipefail

usage() { echo "usage: $0 start|stop STATEFILE" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
state=$2

bindir=${SD_PG_BINDIR:-/usr/lib/postgresql/15/bin}

# Run a server binary as the cluster owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Read STATEFILE into sd_* variables without sourcing it (it is data, not a script).
read_state() {
  sd_dir="" sd_port="" sd_bin=""
  [ -f "$state" ] || return 1
  while IFS='=' read -r k v; do
    case $k in
      SD_PG_DIR) sd_dir=$v ;;
      PGPORT) sd_port=$v ;;
      PGBIN) sd_bin=$v ;;
    esac
  done < "$state"
  [ -n "$sd_dir" ]
}

# Stop the cluster in directory $1 (binaries in $2) and remove the directory. Only ever
# touches a directory that looks like ours.
stop_cluster() {
  local dir=$1 bin=$2
  case $dir in
    /tmp/sd-pg.* | "${TMPDIR:-/tmp}"/sd-pg.*) ;;
    *) echo "pg_tmp: refusing to remove unexpected directory '$dir'" >&2; return 1 ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 60 stop > /dev/null 2>&1 || true
  fi
  # pg_ctl failing (binaries gone, wrong user) must not leave a server: kill the postmaster by
  # the pid it recorded, if that process is still a postgres of this data directory.
  if [ -f "$dir/data/postmaster.pid" ]; then
    local pid
    pid=$(head -1 "$dir/data/postmaster.pid" 2> /dev/null || true)
    if [ -n "$pid" ] && grep -qs "$dir/data" "/proc/$pid/cmdline"; then
      kill -QUIT "$pid" 2> /dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2> /dev/null || true
    fi
  fi
  rm -rf "$dir"
}

users="$state.users"
me=${SD_PG_WATCH_PID:-$PPID}

# Keep only the live pids in the users file (0, a server started by hand, stays until stop);
# true when one is left.
prune_users() {
  local keep="" p
  [ -f "$users" ] || return 1
  while read -r p; do
    [ -n "$p" ] || continue
    if [ "$p" = 0 ] || kill -0 "$p" 2> /dev/null; then keep="$keep$p"$'\n'; fi
  done < "$users"
  printf '%s' "$keep" > "$users"
  [ -n "$keep" ]
}

do_stop() {
  if [ -f "$users" ]; then
    grep -vx -- "$me" "$users" > "$users.tmp" || true
    mv "$users.tmp" "$users"
  fi
  if prune_users; then
    echo "pg_tmp: the server is still used by another run ($(tr '\n' ' ' < "$users")); left running"
    return 0
  fi
  if read_state; then
    stop_cluster "$sd_dir" "${sd_bin:-$bindir}"
    # The watchdog exits on its own once the directory is gone.
    echo "pg_tmp: stopped the server in $sd_dir (port $sd_port)"
  else
    echo "pg_tmp: no server recorded in $state"
  fi
  rm -f "$state" "$users"
}

do_start() {
  if [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ] || [ ! -x "$bindir/psql" ]; then
    echo "FAIL: PostgreSQL 15 server binaries not found in $bindir." >&2
    echo "Install the Debian packages postgresql-15 and postgresql-client-15" >&2
    echo "(apt-get install postgresql-15 postgresql-client-15; 'make deps' does this)," >&2
    echo "or point SD_PG_BINDIR at a PostgreSQL 15 bin directory." >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres > /dev/null 2>&1; then
    echo "FAIL: running as root, but there is no 'postgres' user to run the server as." >&2
    echo "Install the Debian package postgresql-15 (it creates that user)." >&2
    exit 1
  fi
  # A server another live run of this build started: share it.
  if read_state && prune_users && [ -d "$sd_dir" ] &&
     "$bindir/pg_isready" -q -h "$sd_dir" -p "$sd_port" -U postgres -d postgres; then
    echo "$me" >> "$users"
    echo "pg_tmp: sharing the server in $sd_dir, port $sd_port, with another run (state: $state)"
    return 0
  fi
  # A server left over from an interrupted run of this build: stop it first.
  if read_state; then
    echo "pg_tmp: stopping a server left over from an earlier run ($sd_dir)"
    stop_cluster "$sd_dir" "${sd_bin:-$bindir}" || true
    rm -f "$state"
  fi

  local dir
  dir=$(mktemp -d /tmp/sd-pg.XXXXXX)
  # From here on, a failure must not leave a half-started server behind.
  trap 'stop_cluster "$dir" "$bindir" || true' EXIT
  chmod 755 "$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  if ! as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres --encoding=UTF8 \
       --locale=C.UTF-8 --no-sync > "$dir/initdb.log" 2>&1; then
    echo "FAIL: initdb failed:" >&2
    cat "$dir/initdb.log" >&2
    exit 1
  fi

  # With TCP off and a private socket directory, the port only names the socket file
  # (.s.PGSQL.PORT) inside $dir, so any port that has no socket there yet is free.
  local port=0
  for _ in $(seq 20); do
    port=$((50000 + RANDOM % 10000))
    [ -e "$dir/.s.PGSQL.$port" ] || [ -e "$dir/.s.PGSQL.$port.lock" ] || break
  done
  local opts="-c listen_addresses='' -k $dir -p $port -c fsync=off -c full_page_writes=off"
  opts="$opts -c synchronous_commit=off -c max_connections=100"
  # 9>&-: the server must not inherit (and so hold forever) the lock on STATEFILE.lock.
  if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t 60 \
       start > "$dir/pg_ctl.log" 2>&1 9>&-; then
    echo "FAIL: the PostgreSQL server did not start:" >&2
    cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2> /dev/null || true
    exit 1
  fi
  local ready=false
  for _ in $(seq 100); do
    if "$bindir/pg_isready" -q -h "$dir" -p "$port" -U postgres -d postgres; then
      ready=true
      break
    fi
    sleep 0.1
  done
  if ! $ready; then
    echo "FAIL: the PostgreSQL server in $dir does not accept connections:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
  fi

  local tmp="$state.tmp.$$"
  {
    echo "PGHOST=$dir"
    echo "PGPORT=$port"
    echo "PGUSER=postgres"
    echo "PGDATABASE=postgres"
    echo "PGBIN=$bindir"
    echo "SD_PG_DIR=$dir"
  } > "$tmp"
  mv "$tmp" "$state"
  echo "$me" > "$users"

  # Watchdog: when the process that started us (ctest) is gone, stop the server. Detached
  # (setsid, stdin/stdout/stderr on /dev/null) so that ctest does not wait for it. It is a
  # simple command, so the background child execs setsid directly: a subshell around it
  # would keep our stdout (ctest's pipe) open for as long as the watchdog runs.
  local owner=self
  [ "$(id -u)" -ne 0 ] || owner=postgres
  if [ "$me" != 0 ]; then
    # shellcheck disable=SC2016 # expanded by the watchdog's own shell
    setsid bash -c '
      users=$1 dir=$2 bin=$3 owner=$4 lock=$5
      alive() { # any recorded run still alive (read under the lock)
        local p
        while read -r p; do
          [ -n "$p" ] && { [ "$p" = 0 ] || kill -0 "$p" 2> /dev/null; } && return 0
        done < "$users"
        return 1
      }
      exec 9> "$lock"
      while [ -d "$dir" ]; do
        flock 9
        [ -f "$users" ] && alive || break
        flock -u 9
        sleep 2
      done
      [ -d "$dir" ] || exit 0
      if [ "$owner" = postgres ]; then
        runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop
      else
        "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop
      fi
      rm -rf "$dir"' sd-pg-watchdog "$users" "$dir" "$bindir" "$owner" "$state.lock" \
      < /dev/null > /dev/null 2>&1 9>&- &
  fi
  trap - EXIT
  echo "pg_tmp: PostgreSQL $("$bindir/postgres" -V | awk '{print $3}') running in $dir, port $port (state: $state)"
}

# One start or stop at a time per STATEFILE (concurrent ctest runs in one build directory).
exec 9> "$state.lock"
flock 9
case $cmd in
  start) do_start ;;
  stop) do_stop ;;
  *) usage ;;
esac
