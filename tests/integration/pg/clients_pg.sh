# shellcheck shell=bash
# Sourced by the PostgreSQL tests that run a migration script through psql as users run it
# (cli_pg_client_matrix.sh, roundtrip_pg.sh), after ../../scripts/pg_env.sh: one definition of
# each client, copies of a database, and the "a refused script changes nothing" check.
# Clients:
#   psql        psql -f SCRIPT (as emitted: only the script's own \set ON_ERROR_STOP on stops it)
#   psql-stop   psql -v ON_ERROR_STOP=1 -f SCRIPT
#   psql-plain  psql -v ON_ERROR_STOP=0 -f SCRIPT (for the --plain script: nothing stops psql,
#               the transactions and the guards alone must keep the database unchanged)
# -q and client_min_messages=warning only keep the output short; they change nothing else.

# sd_pg_client CLIENT DB SCRIPT ERR: run SCRIPT in database DB with CLIENT, stderr into ERR
# (stdout is dropped: a script's SELECTs print rows); returns psql's exit status.
sd_pg_client() {
  local client=$1 db=$2 script=$3 err=$4 stop
  case $client in
    psql) stop=() ;;
    psql-stop) stop=(-v ON_ERROR_STOP=1) ;;
    psql-plain) stop=(-v ON_ERROR_STOP=0) ;;
    *)
      echo "sd_pg_client: unknown client $client" > "$err"
      return 2
      ;;
  esac
  PGOPTIONS='-c client_min_messages=warning' \
    "$PGBIN/psql" -X -q ${stop[@]+"${stop[@]}"} -d "$db" -f "$script" > /dev/null 2> "$err"
}

# sd_pg_clone SRC DST: database DST, a copy of SRC (CREATE DATABASE ... TEMPLATE: a file copy,
# much cheaper than loading again; nothing may be connected to SRC meanwhile). Subscriptions
# live in a shared catalog, which the copy leaves out: they are made again from SRC's dump.
sd_pg_clone() {
  sd_pg_dropdbs "$2"
  sd_psql -d postgres -c "CREATE DATABASE $2 TEMPLATE $1" || return 1
  "$PGBIN/pg_dump" --schema-only --restrict-key=sdtestkey -d "$1" |
    { grep -E '^(CREATE|ALTER|COMMENT ON) SUBSCRIPTION ' || true; } | sd_psql -d "$2" -f - > /dev/null
}

# sd_pg_full_dump DB FILE: schema and rows of DB (pg_dump, enum values included; the fixed
# \restrict key makes two dumps of one database byte-identical).
sd_pg_full_dump() {
  "$PGBIN/pg_dump" --restrict-key=sdtestkey -d "$1" -f "$2"
}

# sd_pg_refused CLIENT SRC COPY SCRIPT BEFORE WORK: run SCRIPT with CLIENT on COPY, a new copy
# of database SRC whose rows the script must refuse; BEFORE is SRC's sd_pg_full_dump. Returns 0
# when COPY's dump equals BEFORE and the client failed (psql-plain exits 0 whatever happens:
# only the dump counts there); else prints why and returns 1. The caller drops COPY.
sd_pg_refused() {
  local client=$1 src=$2 copy=$3 script=$4 before=$5 work=$6 rc=0
  if ! sd_pg_clone "$src" "$copy" > "$work/clone.err" 2>&1; then
    echo "$client: cannot copy $src: $(cat "$work/clone.err")"
    return 1
  fi
  sd_pg_client "$client" "$copy" "$script" "$work/client.err" || rc=$?
  if [ "$client" != psql-plain ] && [ "$rc" -eq 0 ]; then
    echo "$client: the script succeeded on rows the target refuses: $(head -c 2000 "$work/client.err")"
    return 1
  fi
  if ! sd_pg_full_dump "$copy" "$work/after.dump" 2> "$work/dump.err"; then
    echo "$client: pg_dump of $copy failed: $(cat "$work/dump.err")"
    return 1
  fi
  if ! cmp -s "$before" "$work/after.dump"; then
    echo "$client: a failed script changed the database: $(diff "$before" "$work/after.dump" | head -30)"
    echo "--- client said: $(tail -5 "$work/client.err")"
    return 1
  fi
}
