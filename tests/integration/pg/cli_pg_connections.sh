#!/usr/bin/env bash
# How many connections a PostgreSQL read uses (introspect/pg.c, README: Limits): reading one
# database (inspect, check against a snapshot) opens a second connection that joins the
# first one's exported snapshot and shares the catalog queries; reading two (check, diff)
# uses one each. The second connection changes nothing but the time: a role that may open
# only one connection reads the same snapshot, byte for byte, through the first alone, and
# check and diff of two databases read them one after the other (also when the two
# connections, started at once, were both refused: each backend counts the other).
# Connections are counted with pg_stat_database.sessions, which counts established sessions.
# Usage: cli_pg_connections.sh SCHEMADRIFT STATEFILE [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
cli_pg_init "$1" "$2" "${3:-cli.pg.connections}"
role=sd_cli_conn_one

# Enough of every common kind that both connections get work.
cat > "$work/schema.sql" <<SQL
DO \$\$BEGIN CREATE ROLE $role LOGIN CONNECTION LIMIT 1;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END\$\$;
CREATE SCHEMA app;
CREATE TYPE app.state AS ENUM ('new', 'done');
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS \$b\$BEGIN RETURN NEW; END\$b\$;
DO \$\$
BEGIN
  FOR i IN 1..40 LOOP
    EXECUTE format('CREATE TABLE app.t%s (id bigint PRIMARY KEY, name text NOT NULL DEFAULT %L,
                      state app.state, parent bigint %s, n numeric(10,2) CHECK (n >= 0),
                      UNIQUE (name, state))',
                   i, 'x' || i, CASE WHEN i > 1 THEN format('REFERENCES app.t%s', i - 1) ELSE '' END);
    EXECUTE format('CREATE INDEX t%s_lower ON app.t%s (lower(name)) WHERE state IS NOT NULL', i, i);
    EXECUTE format('COMMENT ON TABLE app.t%s IS %L', i, 'table ' || i);
    EXECUTE format('CREATE VIEW app.v%s AS SELECT id, name FROM app.t%s', i, i);
    EXECUTE format('CREATE TRIGGER t%s_touch BEFORE UPDATE ON app.t%s FOR EACH ROW
                      EXECUTE FUNCTION app.touch()', i, i);
  END LOOP;
END\$\$;
SQL
cli_pg_db many "$work/schema.sql"
cli_pg_db other "CREATE TABLE lonely (id integer)"
many=$(cli_pg_src many)
other=$(cli_pg_src other)
many_db=$(sd_pg_dbname "$cli_pg_name" many)
other_db=$(sd_pg_dbname "$cli_pg_name" other)

sessions() {
  sd_psql -d postgres -At -c "SELECT sessions FROM pg_stat_database WHERE datname = '$1'"
}

# expect_sessions WHAT DB BEFORE N: DB has had N sessions more than BEFORE. A backend counts
# its session when it ends, which may be just after the client has gone: wait a little.
expect_sessions() {
  local now i
  for i in $(seq 50); do
    now=$(sessions "$2")
    [ "$now" -ge $(($3 + $4)) ] && break
    sleep 0.1
  done
  assert "$1: $(($now - $3)) sessions in $2, expected $4" -- test "$now" -eq $(($3 + $4))
}

# ---- one database: two connections ------------------------------------------------------
before=$(sessions "$many_db")
run "$bin" inspect "$many" -o "$work/two.yaml"
expect_rc inspect 0 && expect_sessions inspect "$many_db" "$before" 2

# ---- the second connection refused: the first does it all, with the same result ----------
before=$(sessions "$many_db")
run "$bin" inspect "$many user=$role" -o "$work/one.yaml"
expect_rc inspect-one-connection 0 && {
  expect_sessions inspect-one-connection "$many_db" "$before" 1
  assert "the snapshot read through one connection differs: $(diff "$work/two.yaml" "$work/one.yaml" | head -20)" -- \
    cmp -s "$work/two.yaml" "$work/one.yaml"
}

# ---- a snapshot and a database: the database read with two -------------------------------
before=$(sessions "$many_db")
run "$bin" check "$work/two.yaml" "$many"
expect_rc check-snapshot-db 0 && expect_sessions check-snapshot-db "$many_db" "$before" 2

# ---- two databases: one connection each -----------------------------------------------------
before=$(sessions "$many_db")
before_other=$(sessions "$other_db")
run "$bin" check "$many" "$other"
expect_rc check-db-db 1 && {
  expect_sessions check-db-db "$many_db" "$before" 1
  expect_sessions check-db-db "$other_db" "$before_other" 1
}
# ---- the sessions are named: application_name schemadrift unless the source says otherwise --
# A lock on pg_depend holds the read at its first query on it, long enough to look; the
# database is this test's own, so every session in it but psql's is the read's.
app_names() {
  sd_psql -d postgres -At -c "SELECT string_agg(DISTINCT application_name, ',' ORDER BY application_name)
    FROM pg_stat_activity WHERE datname = '$many_db' AND application_name NOT IN ('', 'psql')"
}
held_read() { # held_read EXPECTED PGAPPNAME SOURCE: the names the read's sessions show
  PGAPPNAME=psql sd_psql -d "$many_db" -c "BEGIN; LOCK TABLE pg_catalog.pg_depend IN ACCESS EXCLUSIVE MODE;
    SELECT pg_sleep(30)" > /dev/null 2>&1 &
  local locker=$! names="" i
  sleep 0.3
  if [ -n "$2" ]; then
    PGAPPNAME=$2 "$bin" inspect "$3" -o "$work/held.yaml" > /dev/null 2>&1 &
  else
    env -u PGAPPNAME "$bin" inspect "$3" -o "$work/held.yaml" > /dev/null 2>&1 &
  fi
  local reader=$!
  for i in $(seq 100); do
    names=$(PGAPPNAME=psql app_names)
    [ -n "$names" ] && break
    sleep 0.1
  done
  PGAPPNAME=psql sd_psql -d postgres -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity
    WHERE datname = '$many_db' AND query LIKE '%pg_sleep(30)%' AND pid <> pg_backend_pid()" > /dev/null
  wait $locker $reader
  assert "application_name: sessions show '$names', expected '$1'" -- test "$names" = "$1"
}
held_read schemadrift "" "$many"
held_read sd_from_env sd_from_env "$many"
held_read sd_given sd_from_env "$many application_name=sd_given"

# ---- two databases, a role that may open only one connection: read one after the other ----
run "$bin" check "$many user=$role" "$other user=$role"
expect_rc check-db-db-one-connection 1 && assert "check with one connection: $(head -c 2000 "$work/out")" -- \
  grep -qx "extra     table public.lonely" "$work/out"
run "$bin" diff "$many user=$role" "$many user=$role"
expect_rc diff-same-one-connection 0 && assert "diff of a database with itself is not empty" -- \
  test ! -s "$work/out"
run "$bin" diff "$many" "$many"
expect_rc diff-same 0 && assert "diff of a database with itself is not empty: $(head -c 2000 "$work/out")" -- \
  test ! -s "$work/out"

cli_pg_finish
