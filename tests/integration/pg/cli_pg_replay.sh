#!/usr/bin/env bash
# A migrations directory replayed on PostgreSQL (README: Migrations): with --dev-url (or the
# config's dev_url), the up migrations run in a scratch database on that server, which is
# inspected and dropped again, also when a migration fails:
#  - a directory applied with psql to a database: check DIR DB exits 0; a column added by
#    hand is reported as exactly that; DIR@VERSION stops at VERSION; Flyway with a
#    repeatable migration; statements that cannot run in a transaction (CREATE INDEX
#    CONCURRENTLY, an enum value used after ADD VALUE) replay;
#  - a statement the server refuses names file:line with its message; a file PostgreSQL's
#    parser refuses names file:line; no dev server is an error saying how to give one;
#  - --dev-url auto: a throwaway server (initdb) used and removed;
#  - ^C while the server runs a migration cancels it and drops the scratch database;
#  - no scratch database is left behind, and no password is printed.
# Usage: cli_pg_replay.sh SCHEMADRIFT STATEFILE [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
cli_pg_init "$1" "$2" "${3:-cli.pg.replay}"

ok() {
  local msg=$1
  shift
  if "$@"; then pass; else fail "$msg"; fi
}
scratch_dbs() { sd_psql -d postgres -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'schemadrift\_replay\_%'"; }
before=$(scratch_dbs)

m=$work/m
mkdir "$m"
cat > "$m/0001_init.up.sql" <<'SQL'
CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,
                    m mood DEFAULT 'ok', note text DEFAULT 'a;b');
CREATE FUNCTION bump() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  NEW.name := trim(NEW.name); -- a ';' inside the body
  RETURN NEW;
END;
$body$;
CREATE TRIGGER users_bump BEFORE INSERT ON users FOR EACH ROW EXECUTE FUNCTION bump();
SQL
echo "DROP TABLE users; DROP FUNCTION bump(); DROP TYPE mood;" > "$m/0001_init.down.sql"
cat > "$m/0002_concurrently.up.sql" <<'SQL'
-- schemadrift:no-transaction
ALTER TYPE mood ADD VALUE 'happy';
ALTER TABLE users ALTER COLUMN m SET DEFAULT 'happy';
CREATE INDEX CONCURRENTLY users_name ON users (name);
SQL
echo "DROP INDEX users_name;" > "$m/0002_concurrently.down.sql"
cat > "$m/0003_view.up.sql" <<'SQL'
BEGIN;
CREATE VIEW happy_users AS SELECT id, name FROM users WHERE m = 'happy';
COMMENT ON VIEW happy_users IS 'them; all';
COMMIT;
SQL
echo "DROP VIEW happy_users;" > "$m/0003_view.down.sql"

cli_pg_db prod "$m/0001_init.up.sql" "$m/0002_concurrently.up.sql" "$m/0003_view.up.sql"
cli_pg_db v1 "$m/0001_init.up.sql"
cli_pg_db v2 "$m/0001_init.up.sql" "$m/0002_concurrently.up.sql"
PROD=$(cli_pg_src prod)
DEV=$(sd_pg_conninfo postgres)

run "$bin" check "$m" "$PROD" --dev-url "$DEV"
expect_rc "check m prod" 0 && ok "check m prod: $(cat "$work/out")" grep -qx 'no drift' "$work/out"
run "$bin" check "$PROD" "migrations:$m" --dev-url "$DEV"
expect_rc "check prod migrations:m" 0
run "$bin" check "$m@1" "$(cli_pg_src v1)" --dev-url "$DEV"
expect_rc "check m@1 v1" 0

sd_psql -d "$(sd_pg_dbname "$cli_pg_name" prod)" -c "ALTER TABLE users ADD COLUMN nick text" > /dev/null
run "$bin" check "$m" "$PROD" --dev-url "$DEV"
expect_rc "check m prod after a hand change" 1 &&
  ok "hand change reported as: $(cat "$work/out")" test "$(head -n -1 "$work/out")" = "extra     column public.users.nick"
run "$bin" diff "$PROD" "$m" --dev-url "$DEV"
expect_rc "diff prod m" 0 && ok "diff prod m: $(cat "$work/out")" grep -q 'DROP COLUMN nick' "$work/out"

# --dev-url auto: a throwaway server of its own (initdb, a private socket), stopped and removed.
dev_dirs() { find /tmp "${TMPDIR:-/tmp}" -maxdepth 1 -name 'schemadrift-dev.*' 2> /dev/null | sort -u | wc -l; }
dev_before=$(dev_dirs)
run "$bin" check "$m@2" "$(cli_pg_src v2)" --dev-url auto
expect_rc "check m@2 v2 --dev-url auto" 0
ok "--dev-url auto left its directory behind" test "$(dev_dirs)" = "$dev_before"
ok "--dev-url auto left a server running" sh -c "! pgrep -f '[s]chemadrift-dev\.' > /dev/null"

# The config's dev_url.
printf 'dev_url: "%s"\n' "$DEV" > "$work/sd.yaml"
run "$bin" check "$m" "$PROD" --config "$work/sd.yaml"
expect_rc "check with the config's dev_url" 1

# Flyway with a repeatable migration.
fw=$work/fw
mkdir "$fw"
echo "CREATE TABLE a (id int PRIMARY KEY, x text);" > "$fw/V1__a.sql"
echo "ALTER TABLE a ADD COLUMN y int;" > "$fw/V2__y.sql"
echo "CREATE OR REPLACE VIEW av AS SELECT x, y FROM a;" > "$fw/R__views.sql"
cli_pg_db fw "$fw/V1__a.sql" "$fw/V2__y.sql" "$fw/R__views.sql"
run "$bin" check "$fw" "$(cli_pg_src fw)" --dev-url "$DEV"
expect_rc "check flyway" 0

# Errors.
bad=$work/bad
mkdir "$bad"
echo "CREATE TABLE t (a int);" > "$bad/1_ok.sql"
printf 'CREATE TABLE u (a int);\n\n-- then\nSELECT 1 / 0;\n' > "$bad/2_fails.sql"
run "$bin" check "$bad" "$PROD" --dev-url "$DEV"
expect_rc "a failing statement" 2 &&
  ok "failing statement: $(cat "$work/err")" grep -qF "bad/2_fails.sql:4: division by zero" "$work/err"
printf 'CREATE TABLE u (a int);\nCREATE TABL v ();\n' > "$bad/2_fails.sql"
run "$bin" check "$bad" "$PROD" --dev-url "$DEV"
expect_rc "a file the parser refuses" 2 &&
  ok "parser error: $(cat "$work/err")" grep -qF 'bad/2_fails.sql:2: syntax error at or near "TABL"' "$work/err"
run "$bin" check "$m" "$PROD"
expect_rc "no dev server" 2 &&
  ok "no dev server: $(cat "$work/err")" grep -qF 'needs a dev server' "$work/err"
run "$bin" check "$m" "$PROD" --dev-url "postgresql://someone:s3cretpw@127.0.0.1:1/x?connect_timeout=3"
expect_rc "unreachable dev server" 2 &&
  ok "password printed: $(cat "$work/err")" sh -c "! grep -q s3cretpw '$work/err' '$work/out'"

# ^C while the dev server runs a statement: cancelled, the scratch database dropped, exit 2.
slow=$work/slow
mkdir "$slow"
echo "CREATE TABLE t (a int);" > "$slow/1_t.sql"
echo "SELECT pg_sleep(60);" > "$slow/2_sleep.sql"
"$bin" check "$slow" "$PROD" --dev-url "$DEV" > "$work/out" 2> "$work/err" &
pid=$!
sleeping() { sd_psql -d postgres -At -c "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)'"; }
for _ in $(seq 100); do [ "$(sleeping)" = 1 ] && break; sleep 0.1; done
ok "the slow migration did not start" test "$(sleeping)" = 1
t0=$SECONDS
kill -INT "$pid"
wait "$pid"
rc=$?
expect_rc "^C during a replay" 2 &&
  ok "^C during a replay: $(cat "$work/err")" grep -q 'interrupted' "$work/err"
ok "^C took $((SECONDS - t0)) s to stop the replay" test $((SECONDS - t0)) -lt 20

ok "scratch databases left behind: $(scratch_dbs) (before: $before)" test "$(scratch_dbs)" = "$before"
cli_pg_finish
