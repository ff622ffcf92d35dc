#!/usr/bin/env bash
# A script either completes or changes nothing, however it is run (PostgreSQL).
#
# For each case tests/matrix/pg/<case>/{from.sql,to.sql,violate.sql}: A is from.sql, B is
# to.sql; `schemadrift diff A B` is run through psql as users run it (clients_pg.sh):
#   psql -f up.sql                      (no ON_ERROR_STOP: the script's own \set must stop it)
#   psql -v ON_ERROR_STOP=1 -f up.sql
#   psql -v ON_ERROR_STOP=0 -f plain.sql (--plain, nothing stops psql: the transactions and
#                                        the guards alone must keep the database unchanged)
# each on its own copy of A (CREATE DATABASE ... TEMPLATE). `diff` itself refuses (exit 2,
# before printing) the rows the target would refuse, naming them as the case's preflight.txt
# says; the scripts are made with --no-preflight. On A plus violate.sql (rows the
# target refuses) the database must be exactly as before (pg_dump of schema and rows, enum
# values included), and the first two clients must exit non-zero; on A alone every client
# must migrate it (`check B A'` exits 0).
# Usage: cli_pg_client_matrix.sh SCHEMADRIFT STATEFILE NAME CASES_DIR
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC1091 # cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
# shellcheck source-path=SCRIPTDIR source=clients_pg.sh
. "$here/clients_pg.sh"
cli_pg_init "$1" "$2" "$3"
cases=${4:?usage: SCHEMADRIFT STATEFILE NAME CASES_DIR}

runs=0
for dir in "$cases"/*/; do
  name=$(basename "$dir")
  cli_pg_db "${name:0:2}b" "$dir/to.sql"
  b_db=$(sd_pg_dbname "$cli_pg_name" "${name:0:2}b")
  for data in violate valid; do
    cli_pg_db "${name:0:2}${data:0:3}" "$dir/from.sql"
    a=${name:0:2}${data:0:3}
    a_db=$(sd_pg_dbname "$cli_pg_name" "$a")
    [ "$data" = violate ] && { sd_psql -d "$a_db" -f "$dir/violate.sql" > /dev/null || die "$name: loading violate.sql"; }
    # Preflight: diff refuses rows the target would refuse, naming them (the case's
    # preflight.txt holds the words expected), before printing anything.
    run "$bin" diff "$(cli_pg_src "$a")" "$(cli_pg_src "${name:0:2}b")"
    if [ "$data" = violate ] && [ -f "$dir/preflight.txt" ]; then
      expect_rc "$name: preflight refuses the rows" 2 &&
        assert "$name: preflight names the object and the count" -- \
          grep -qF "$(cat "$dir/preflight.txt")" "$work/err"
    else
      expect_rc "$name: diff" 0
    fi
    # The scripts themselves, past the preflight: their guards must hold on their own.
    "$bin" diff --no-preflight "$(cli_pg_src "$a")" "$(cli_pg_src "${name:0:2}b")" > "$work/up.sql" 2> "$work/diff.err" ||
      die "$name: diff failed: $(cat "$work/diff.err")"
    "$bin" diff --no-preflight --plain "$(cli_pg_src "$a")" "$(cli_pg_src "${name:0:2}b")" > "$work/plain.sql" ||
      die "$name: diff --plain failed"
    assert "$name: the script starts with \\set ON_ERROR_STOP on" -- \
      test "$(head -n 1 "$work/up.sql")" = '\set ON_ERROR_STOP on'
    assert "$name: the --plain script has no psql meta-command" -- \
      bash -c "! grep -q '^\\\\' '$work/plain.sql'"
    sd_pg_full_dump "$a_db" "$work/before.dump" || die "$name: pg_dump"
    for client in psql psql-stop psql-plain; do
      copy="${a}_${client//-/_}"
      copy_db=$(sd_pg_dbname "$cli_pg_name" "$copy")
      cli_pg_dbs+=("$copy_db")
      script="$work/up.sql"
      [ "$client" = psql-plain ] && script="$work/plain.sql"
      runs=$((runs + 1))
      if [ "$data" = violate ]; then
        if msg=$(sd_pg_refused "$client" "$a_db" "$copy_db" "$script" "$work/before.dump" "$work"); then
          pass
        else
          fail "$name/$msg"
        fi
      else
        sd_pg_clone "$a_db" "$copy_db" > /dev/null 2>&1 || die "$name: cannot copy $a_db"
        rc=0
        sd_pg_client "$client" "$copy_db" "$script" "$work/client.err" || rc=$?
        if [ "$rc" -ne 0 ] || grep -q 'ERROR:' "$work/client.err"; then
          fail "$name/$client: the script failed on valid rows: $(cat "$work/client.err")"
        elif "$bin" check "$(cli_pg_src "${name:0:2}b")" "$(cli_pg_src "$copy")" > "$work/check.out" 2>&1; then
          pass
        else
          fail "$name/$client: drift after the script: $(cat "$work/check.out")"
        fi
      fi
    done
  done
  : "$b_db"
done
assert "at least 7 cases x 2 data sets x 3 clients ran ($runs)" -- test "$runs" -ge 42
cli_pg_finish
