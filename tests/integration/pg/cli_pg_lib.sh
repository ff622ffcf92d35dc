# shellcheck shell=bash
# Sourced by the cli_pg_*.sh tests (CLI behaviour against the PostgreSQL fixture server).
# Usage, at the top of a test:  . "$here/cli_pg_lib.sh"; cli_pg_init SCHEMADRIFT STATEFILE NAME
# Sets $bin, $work (a temporary directory, removed at exit with every database made by
# cli_pg_db), the fixture's PG* environment (../../scripts/pg_env.sh), and counts results:
# pass/fail per assertion, cli_pg_finish prints the totals and fails when any assertion did.

cli_pg_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck disable=SC1091 # tests/scripts/pg_env.sh
. "$cli_pg_here/../../scripts/pg_env.sh"

passes=0
failures=0
cli_pg_dbs=()

pass() {
  passes=$((passes + 1))
}

fail() {
  echo "FAIL $*"
  failures=$((failures + 1))
}

# assert MESSAGE -- COMMAND...: pass when COMMAND succeeds, else fail with MESSAGE.
assert() {
  local msg=$1
  shift 2
  if "$@"; then
    pass
  else
    fail "$msg"
  fi
}

# Setup failures end the test at once.
die() {
  echo "FAIL setup: $*"
  exit 1
}

cli_pg_cleanup() {
  sd_pg_dropdbs "${cli_pg_dbs[@]}"
  if [ "${SD_KEEP_WORK:-0}" = 1 ]; then
    echo "(work dir kept: $work)" >&2
  else
    rm -rf "$work"
  fi
}

cli_pg_init() {
  # shellcheck disable=SC2034 # used by the sourcing test
  bin=${1:?usage: SCHEMADRIFT STATEFILE NAME}
  local state=${2:?usage: SCHEMADRIFT STATEFILE NAME}
  cli_pg_name=${3:?usage: SCHEMADRIFT STATEFILE NAME}
  sd_pg_env "$state" || exit 1
  # A connection attempt must never hang the test.
  export PGCONNECT_TIMEOUT=10
  work=$(mktemp -d "${TMPDIR:-/tmp}/sd-clipg.XXXXXX")
  trap cli_pg_cleanup EXIT
  trap 'exit 143' TERM INT HUP
}

# cli_pg_db SUFFIX [SQL...]: create this test's database SUFFIX (named by sd_pg_dbname; its
# source string is $(cli_pg_src SUFFIX)) and run each SQL string, or file when the argument
# is an existing path, in it. Not in a subshell: it records the database for the cleanup.
cli_pg_db() {
  local db s
  db=$(sd_pg_dbname "$cli_pg_name" "$1")
  shift
  cli_pg_dbs+=("$db")
  sd_pg_createdb "$db" > "$work/createdb.err" 2>&1 || die "cannot create database $db: $(cat "$work/createdb.err")"
  for s in "$@"; do
    if [ -f "$s" ]; then
      sd_psql -d "$db" -f "$s" > /dev/null 2> "$work/load.err" || die "loading $s into $db: $(cat "$work/load.err")"
    else
      sd_psql -d "$db" -c "$s" > /dev/null 2> "$work/load.err" || die "running '$s' in $db: $(cat "$work/load.err")"
    fi
  done
}

# The conninfo string of this test's database SUFFIX.
cli_pg_src() {
  sd_pg_conninfo "$(sd_pg_dbname "$cli_pg_name" "$1")"
}

# run COMMAND...: run it with stdout in $work/out, stderr in $work/err, exit status in $rc.
run() {
  "$@" > "$work/out" 2> "$work/err"
  rc=$?
}

# expect_rc NAME CODE: the last run exited with CODE (else a failure showing its output).
# Returns non-zero on failure so callers can chain further checks with &&.
expect_rc() {
  if [ "$rc" -ne "$2" ]; then
    fail "$1: exit $rc, expected $2; stdout: $(head -c 3000 "$work/out"); stderr: $(head -c 3000 "$work/err")"
    return 1
  fi
  return 0
}

# not_compared_json FILE: the not_compared entries of a check --format json report, one
# "KIND<TAB>NAME" line each (the report's strings hold no quotes or backslashes here).
not_compared_json() {
  tr '\n' ' ' < "$1" | sed -e 's/.*"not_compared": *\[//' |
    grep -oE '"kind": *"[^"]*", *"name": *"[^"]*"' |
    sed -E 's/^"kind": *"([^"]*)", *"name": *"([^"]*)"$/\1\t\2/'
}

cli_pg_finish() {
  echo "$cli_pg_name: $passes passed, $failures failed"
  [ "$failures" -eq 0 ]
}
