# shellcheck shell=bash
# Sourced by the SQLite tests that run a migration script through the clients users run it
# with (client_matrix_sqlite.sh, roundtrip_sqlite.sh): one definition of each client, and the
# "a refused script changes nothing" check. Clients:
#   sqlite3-bail   sqlite3 -bail DB < SCRIPT
#   sqlite3        sqlite3 DB < SCRIPT (no -bail: on the script as emitted only its own
#                  `.bail on` stops it; on a --plain script nothing does)
#   executescript  Python's sqlite3 executescript(); after an error the program closes the
#                  connection without COMMIT, as a program does after a failed migration

# sd_sqlite_client CLIENT DB SCRIPT OUT: run SCRIPT on DB with CLIENT, its stdout and stderr
# into OUT; returns the client's exit status.
sd_sqlite_client() {
  local client=$1 db=$2 script=$3 out=$4
  case $client in
    sqlite3-bail) sqlite3 -bail "$db" < "$script" > "$out" 2>&1 ;;
    sqlite3) sqlite3 "$db" < "$script" > "$out" 2>&1 ;;
    executescript)
      python3 - "$db" "$script" > "$out" 2>&1 << 'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
try:
    con.executescript(open(sys.argv[2]).read())
except sqlite3.Error as e:
    print("error:", e)
    con.close()  # no COMMIT: what a program does after a failed migration
    sys.exit(1)
con.close()
PY
      ;;
    *)
      echo "sd_sqlite_client: unknown client $client" > "$out"
      return 2
      ;;
  esac
}

# sd_sqlite_refused CLIENT DB SCRIPT WORK: run SCRIPT with CLIENT on a copy of DB (WORK/run.db),
# whose rows the script must refuse. Returns 0 when the client failed and left the copy
# byte-identical to DB (.dump: schema and rows); else prints why and returns 1.
sd_sqlite_refused() {
  local client=$1 db=$2 script=$3 work=$4 rc=0
  sqlite3 "$db" .dump > "$work/before.dump"
  cp "$db" "$work/run.db"
  sd_sqlite_client "$client" "$work/run.db" "$script" "$work/client.out" || rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "$client: the script succeeded on rows the target refuses: $(head -c 2000 "$work/client.out")"
    return 1
  fi
  sqlite3 "$work/run.db" .dump > "$work/after.dump"
  if ! cmp -s "$work/before.dump" "$work/after.dump"; then
    echo "$client: a failed script changed the database:"
    diff "$work/before.dump" "$work/after.dump" | head -30
    echo "--- client said: $(head -c 2000 "$work/client.out")"
    return 1
  fi
}
