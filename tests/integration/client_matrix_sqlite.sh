#!/usr/bin/env bash
# A script either completes or changes nothing, however it is run (SQLite).
#
# For each case tests/matrix/sqlite/<case>/{from.sql,to.sql,violate.sql}: A is from.sql,
# B is to.sql; `schemadrift diff A B` is run through every client a user has (clients_sqlite.sh):
#   sqlite3 A < up.sql          (no -bail: the script's own `.bail on` must stop it)
#   sqlite3 -bail A < up.sql
#   Python's executescript()    (the --plain script; the program then closes without COMMIT)
# `diff` itself refuses (exit 2, before printing) the rows the target would refuse, naming
# them as the case's preflight.txt says; the scripts are made with --no-preflight. On A plus violate.sql (rows the target refuses) every
# client must fail and leave A exactly as
# it was (.dump, schema and rows, byte-identical); on A alone every client must migrate it
# (`check B A'` exits 0).
# Usage: client_matrix_sqlite.sh SCHEMADRIFT CASES_DIR
set -euo pipefail
bin=$1
cases=$2

# shellcheck source-path=SCRIPTDIR source=clients_sqlite.sh
. "$(dirname "$0")/clients_sqlite.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/sd-matrix.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; echo "(work dir kept: $work)" >&2; trap - EXIT; exit 1; }

load() { # new database $2 from the SQL files $1 (space-separated)
  rm -f "$2"
  cat $1 | sqlite3 -bail "$2" 2> "$work/load.err" || fail "could not load $1: $(cat "$work/load.err")"
}

n=0
for dir in "$cases"/*/; do
  name=$(basename "$dir")
  load "$dir/from.sql" "$work/b0.db"   # only to read the schemas
  load "$dir/to.sql" "$work/b.db"
  for data in violate valid; do
    files="$dir/from.sql"
    [ $data = violate ] && files="$dir/from.sql $dir/violate.sql"
    load "$files" "$work/a.db"
    # Preflight: diff refuses rows the target would refuse, naming them (the case's
    # preflight.txt holds the words expected), before printing anything.
    set +e
    "$bin" diff "$work/a.db" "$work/b.db" > "$work/pre.out" 2> "$work/pre.err"
    rc=$?
    set -e
    if [ $data = violate ] && [ -f "$dir/preflight.txt" ]; then
      [ $rc -eq 2 ] && [ ! -s "$work/pre.out" ] && grep -qF "$(cat "$dir/preflight.txt")" "$work/pre.err" ||
        fail "$name: preflight did not refuse the rows (exit $rc): $(cat "$work/pre.err")"
    else
      [ $rc -eq 0 ] || fail "$name: diff exited $rc: $(cat "$work/pre.err")"
    fi
    # The scripts themselves, past the preflight: their guards must hold on their own.
    "$bin" diff --no-preflight "$work/a.db" "$work/b.db" > "$work/up.sql" || fail "$name: diff exited $?"
    "$bin" diff --no-preflight --plain "$work/a.db" "$work/b.db" > "$work/plain.sql" || fail "$name: diff --plain exited $?"
    head -n 1 "$work/up.sql" | grep -qx '.bail on' || fail "$name: the script does not start with .bail on"
    grep -q '^\.bail' "$work/plain.sql" && fail "$name: the --plain script has a .bail line"
    for client in sqlite3 sqlite3-bail executescript; do
      script="$work/up.sql"
      [ $client = executescript ] && script="$work/plain.sql"
      if [ $data = violate ]; then
        msg=$(sd_sqlite_refused $client "$work/a.db" "$script" "$work") || fail "$name/$msg"
      else
        cp "$work/a.db" "$work/run.db"
        rc=0
        sd_sqlite_client $client "$work/run.db" "$script" "$work/client.out" || rc=$?
        [ $rc -eq 0 ] || fail "$name/$client: the script failed on valid rows: $(cat "$work/client.out")"
        "$bin" check "$work/b.db" "$work/run.db" > "$work/check.out" 2>&1 ||
          fail "$name/$client: drift after the script:"$'\n'"$(cat "$work/check.out")"
      fi
      n=$((n + 1))
    done
  done
done
[ $n -ge 30 ] || fail "only $n runs: expected at least 5 cases x 2 data sets x 3 clients"
echo "ok: $n client runs"
