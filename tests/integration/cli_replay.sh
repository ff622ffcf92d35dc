#!/usr/bin/env bash
# A migrations directory as a SOURCE (SQLite): its up migrations replayed in a scratch
# database equal what the sqlite3 shell makes of the same files, in every layout read
# (golang-migrate, Flyway with a repeatable, dbmate, single files); a change made by hand is
# reported as exactly that change; DIR@VERSION stops at VERSION; the scratch files are
# removed; a statement SQLite refuses names the file and line; an unknown engine, an unknown
# version and PostgreSQL without a dev server exit 2 saying what to do; ^C removes the
# scratch file.
# Usage: cli_replay.sh SCHEMADRIFT
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # the test changes directory
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-clireplay.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
bad() { echo "FAIL $*"; failures=$((failures + 1)); }
cd "$work" || exit 2
mkdir tmp
export TMPDIR=$work/tmp # the replay's scratch directory goes here, and must not stay

# apply DB FILE...: what the sqlite3 shell makes of the files, in order.
apply() {
  local db=$1
  shift
  for f in "$@"; do sqlite3 -bail "$db" < "$f" || bad "sqlite3 refused $f"; done
}
# same DIR DB: check exits 0 (no drift) between the replay and the database.
same() {
  "$bin" check "$1" "$2" > out 2> err
  local rc=$?
  [ "$rc" -eq 0 ] || bad "check $1 $2: exit $rc, expected 0: $(cat out err)"
}

# golang-migrate, with a trigger body holding ';', a view, a comment-only file and quoting.
mkdir golang
cat > golang/0001_init.up.sql <<'SQL'
-- the first migration
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'it''s; fine');
CREATE INDEX users_name ON users (name);
/* a block comment; with a semicolon */
CREATE TRIGGER users_ai AFTER INSERT ON users BEGIN
  UPDATE users SET name = trim(NEW.name) WHERE id = NEW.id; -- ; inside
END;
SQL
echo "DROP TABLE users;" > golang/0001_init.down.sql
cat > golang/0002_orders.up.sql <<'SQL'
CREATE TABLE "order items" (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE CASCADE);
CREATE VIEW user_orders AS SELECT u.name, count(*) AS n FROM users u JOIN "order items" o ON o.user_id = u.id GROUP BY u.name
SQL
echo "DROP VIEW user_orders; DROP TABLE \"order items\";" > golang/0002_orders.down.sql
echo "-- nothing to do" > golang/0003_noop.up.sql
echo "-- nothing to undo" > golang/0003_noop.down.sql
echo "ALTER TABLE users ADD COLUMN email TEXT;" > golang/0004_email.up.sql
echo "ALTER TABLE users DROP COLUMN email;" > golang/0004_email.down.sql
apply golang.db golang/*.up.sql
same golang/ golang.db
same migrations:golang golang.db
same golang.db golang

# A change by hand: reported as exactly that change, in both directions.
cp golang.db hand.db
sqlite3 hand.db "CREATE INDEX by_hand ON users (email);"
"$bin" check golang hand.db > out 2> err
[ $? -eq 1 ] || bad "check golang hand.db: expected drift: $(cat out err)"
[ "$(head -n -1 out)" = "extra     index main.users.by_hand" ] || bad "check golang hand.db reported: $(cat out)"
"$bin" diff hand.db golang > out.sql 2> err || bad "diff hand.db golang: $(cat err)"
grep -q '^DROP INDEX by_hand;$' out.sql || bad "diff hand.db golang: $(cat out.sql)"

# DIR@VERSION: the schema after version 2 (leading zeros do not matter).
apply v2.db golang/0001_init.up.sql golang/0002_orders.up.sql
same golang@2 v2.db
same migrations:golang@0002 v2.db
"$bin" check golang@2 golang.db > out 2> err
[ $? -eq 1 ] && grep -q 'column main.users.email' out || bad "golang@2 against the full schema: $(cat out err)"

# Flyway, with a repeatable migration run after the versioned ones.
mkdir flyway
echo "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);" > flyway/V1__a.sql
echo "CREATE TABLE b (id INTEGER PRIMARY KEY);" > flyway/V1.1__b.sql
echo "ALTER TABLE a ADD COLUMN y INTEGER;" > flyway/V2__y.sql
echo "DROP VIEW IF EXISTS av; CREATE VIEW av AS SELECT x, y FROM a;" > flyway/R__views.sql
apply flyway.db flyway/V1__a.sql flyway/V1.1__b.sql flyway/V2__y.sql flyway/R__views.sql
same flyway flyway.db

# dbmate: only the up sections run.
mkdir dbmate
printf -- '-- migrate:up\nCREATE TABLE t (id INTEGER PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE t;\n' > dbmate/20260101000000_t.sql
printf -- '-- migrate:up\nCREATE INDEX t_id ON t (id);\n-- migrate:down\nDROP INDEX t_id;\n' > dbmate/20260102000000_ix.sql
sqlite3 dbmate.db "CREATE TABLE t (id INTEGER PRIMARY KEY); CREATE INDEX t_id ON t (id);"
same dbmate dbmate.db

# Single files.
mkdir single
echo "CREATE TABLE s (id INTEGER PRIMARY KEY, v TEXT);" > single/001_s.sql
echo "CREATE UNIQUE INDEX s_v ON s (v);" > single/002_v.sql
apply single.db single/*.sql
same single single.db

[ -z "$(ls -A tmp)" ] || bad "the replay left files behind: $(ls -A tmp)"

expect_error() { # NAME NEEDLE -- command...
  local name=$1 needle=$2
  shift 3
  "$@" > out 2> err
  local rc=$?
  [ "$rc" -eq 2 ] || bad "$name: exit $rc, expected 2: $(cat out err)"
  grep -qF -- "$needle" err || bad "$name: stderr lacks '$needle': $(cat err)"
}
expect_error no-engine 'cannot tell which database engine the migrations of golang are for' -- "$bin" inspect golang
expect_error no-version 'no migration of golang has version 7' -- "$bin" check golang@7 golang.db
mkdir broken
echo "CREATE TABLE ok (id INTEGER);" > broken/1_a.sql
printf 'CREATE TABLE fine (id INTEGER);\n\n  -- a comment\n  CREAT TABLE oops (id INTEGER);\n' > broken/2_b.sql
expect_error bad-statement 'broken/2_b.sql:4: near "CREAT": syntax error' -- "$bin" check broken golang.db
[ -z "$(ls -A tmp)" ] || bad "a failed replay left files behind: $(ls -A tmp)"

# ^C during a replay: the statement stops, the scratch file is removed, exit 2. The signal is
# sent once the replay runs (its scratch directory exists), never before.
mkdir slow
echo "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;" > slow/1_forever.sql
"$bin" check slow golang.db > out 2> err &
pid=$!
for _ in $(seq 100); do [ -n "$(ls -A tmp)" ] && break; sleep 0.1; done
[ -n "$(ls -A tmp)" ] || bad "the slow replay did not start"
kill -INT "$pid"
wait "$pid"
rc=$?
[ "$rc" -eq 2 ] || bad "^C during a replay: exit $rc, expected 2: $(cat err)"
grep -q 'interrupted' err || bad "^C during a replay: $(cat err)"
[ -z "$(ls -A tmp)" ] || bad "an interrupted replay left files behind: $(ls -A tmp)"

# The config's engine: inspect of a replay; PostgreSQL without a dev server (cli.pg.replay has one).
printf 'engine: sqlite\n' > schemadrift.yaml
"$bin" inspect golang -o golang.yaml 2> err || bad "inspect golang with engine: sqlite: $(cat err)"
same golang.yaml golang.db
printf 'engine: postgresql\n' > pg.yaml
expect_error pg-replay 'replaying golang on PostgreSQL needs a dev server' -- "$bin" inspect golang --config pg.yaml

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "cli_replay: ok"
