#!/usr/bin/env bash
# CLI behaviour on SQLite sources and snapshots: documented exit codes (0 no drift,
# 1 drift, 2 error), errors that name the input, read-only access, and byte-identical
# output for the same schema built in different orders.
# Usage: cli_sqlite.sh SCHEMADRIFT FIXTURES_DIR
set -uo pipefail
bin=$1
fixtures=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-cli.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

# expect NAME EXIT_CODE STDERR_SUBSTRING -- command...
expect() {
  local name=$1 code=$2 needle=$3
  shift 4
  "$@" > "$work/out" 2> "$work/err"
  local rc=$?
  if [ "$rc" -ne "$code" ]; then
    echo "FAIL $name: exit $rc, expected $code; stderr: $(cat "$work/err")"
    failures=$((failures + 1))
  elif [ -n "$needle" ] && ! grep -qF -- "$needle" "$work/err"; then
    echo "FAIL $name: stderr lacks '$needle': $(cat "$work/err")"
    failures=$((failures + 1))
  else
    passes=$((passes + 1))
  fi
}

sqlite3 "$work/a.db" "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'x');"
sqlite3 "$work/b.db" "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, email TEXT);"
cp "$work/a.db" "$work/a-copy.db"
echo "this is not a database, just text that is long enough to have a header" > "$work/text.db"

expect version 0 "" -- "$bin" --version
for lib in "schemadrift " "libpq " "SQLite 3." "libyaml " "xxHash " "jansson " "libpg_query (PostgreSQL "; do
  grep -q "^$lib" "$work/out" || { echo "FAIL version: no line '$lib' in: $(cat "$work/out")"; failures=$((failures + 1)); }
done
expect help 0 "" -- "$bin" --help
expect help-check 0 "" -- "$bin" check --help
expect help-diff 0 "" -- "$bin" diff --help
expect help-inspect 0 "" -- "$bin" inspect --help
expect no-args 2 "" -- "$bin"
expect unknown-command 2 "frobnicate" -- "$bin" frobnicate
expect unknown-option 2 "--bogus" -- "$bin" check --bogus "$work/a.db" "$work/a.db"
expect no-drift 0 "" -- "$bin" check "$work/a.db" "$work/a-copy.db"
expect drift 1 "" -- "$bin" check "$work/a.db" "$work/b.db"
expect drift-json 1 "" -- "$bin" check --format json "$work/a.db" "$work/b.db"
expect bad-format 2 "xml" -- "$bin" check --format xml "$work/a.db" "$work/b.db"
expect diff-no-changes 0 "" -- "$bin" diff "$work/a.db" "$work/a-copy.db"
expect diff-exit-code-none 0 "" -- "$bin" diff --exit-code "$work/a.db" "$work/a-copy.db"
expect diff-exit-code-changes 1 "" -- "$bin" diff --exit-code "$work/a.db" "$work/b.db"
grep -q "ADD COLUMN" "$work/out" || { echo "FAIL diff-exit-code-changes: no script printed"; failures=$((failures + 1)); }
expect diff-changes 0 "" -- "$bin" diff "$work/a.db" "$work/b.db"
expect missing-file 2 "nope.db" -- "$bin" check "$work/nope.db" "$work/a.db"
[ -e "$work/nope.db" ] && { echo "FAIL missing-file: a database file was created"; failures=$((failures + 1)); }
expect sqlite-prefix 0 "" -- "$bin" check "sqlite:$work/a.db" "$work/a-copy.db"
expect not-a-database 2 "text.db" -- "$bin" inspect "$work/text.db"
expect unknown-source 2 "mystery.txt" -- "$bin" inspect "$work/mystery.txt"
expect missing-snapshot 2 "gone.yaml" -- "$bin" check "$work/gone.yaml" "$work/a.db"
expect inspect-out 0 "" -- "$bin" inspect "$work/a.db" -o "$work/a.yaml"
# Writing to a device must write through it, never replace it (root may run this).
expect inspect-devnull 0 "" -- "$bin" inspect "$work/a.db" -o /dev/null
[ -c /dev/null ] || { echo "FAIL inspect-devnull: /dev/null is no longer a device"; failures=$((failures + 1)); }
expect snapshot-vs-db 0 "" -- "$bin" check "$work/a.yaml" "$work/a.db"
expect pg-unreachable 2 "" -- "$bin" check "postgresql://u:sekrit@localhost:1/db" "$work/a.db"
grep -q sekrit "$work/err" && { echo "FAIL pg-unreachable: password echoed"; failures=$((failures + 1)); }

# A source of another engine: comparing it with a SQLite database is an error naming both.
expect wrong-engine 2 "postgresql" -- "$bin" check "$fixtures/engines/postgresql_empty.yaml" "$work/a.db"
expect wrong-engine-diff 2 "sqlite" -- "$bin" diff "$work/a.db" "$fixtures/engines/postgresql_empty.yaml"

# Read-only: inspect, diff and check never modify a database.
before=$(sha256sum "$work/a.db" "$work/b.db")
"$bin" inspect "$work/a.db" > /dev/null
"$bin" diff "$work/a.db" "$work/b.db" > /dev/null
"$bin" check "$work/a.db" "$work/b.db" > /dev/null
after=$(sha256sum "$work/a.db" "$work/b.db")
[ "$before" = "$after" ] || { echo "FAIL read-only: a database changed"; failures=$((failures + 1)); }
ls "$work"/*-journal "$work"/*-wal > /dev/null 2>&1 && { echo "FAIL read-only: journal left"; failures=$((failures + 1)); }

# Malformed snapshots: each fixture must be rejected with exit 2 and file:line:col.
for f in "$fixtures"/snapshots/*.yaml; do
  [ -e "$f" ] || continue
  expect "snapshot-$(basename "$f")" 2 "$(basename "$f"):" -- "$bin" check "$f" "$work/a.db"
done

# Determinism: the same schema created in a different order gives identical bytes.
sqlite3 "$work/o1.db" "CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT);
  CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id), w TEXT CHECK (w <> ''));
  CREATE INDEX c_w ON c (w); CREATE VIEW v AS SELECT * FROM c; CREATE INDEX p_v ON p (v DESC);"
sqlite3 "$work/o2.db" "CREATE TABLE c (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p(id), w TEXT CHECK (w <> ''));
  CREATE INDEX p_v_tmp ON c (w); DROP INDEX p_v_tmp; CREATE VIEW v AS SELECT * FROM c;
  CREATE TABLE p (id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX p_v ON p (v DESC); CREATE INDEX c_w ON c (w);"
"$bin" inspect "$work/o1.db" -o "$work/o1.yaml"
"$bin" inspect "$work/o2.db" -o "$work/o2.yaml"
cmp -s "$work/o1.yaml" "$work/o2.yaml" && passes=$((passes + 1)) ||
  { echo "FAIL order-independence: snapshots differ"; diff "$work/o1.yaml" "$work/o2.yaml"; failures=$((failures + 1)); }
"$bin" diff "$work/a.db" "$work/o1.db" > "$work/d1.sql"
"$bin" diff "$work/a.db" "$work/o2.db" > "$work/d2.sql"
# The header comment names the sides, which differ here; the rest must not.
cmp -s <(sed '/^-- schemadrift [0-9]/d' "$work/d1.sql") <(sed '/^-- schemadrift [0-9]/d' "$work/d2.sql") &&
  passes=$((passes + 1)) || { echo "FAIL order-independence: diff SQL differs"; failures=$((failures + 1)); }
# The header: the version and both sides, as given, right after the client directive.
[ "$(sed -n 2p "$work/d1.sql")" = "-- schemadrift $("$bin" --version | head -1 | cut -d' ' -f2): the SQL that turns $work/a.db into $work/o1.db" ] &&
  passes=$((passes + 1)) || { echo "FAIL header: $(sed -n 2p "$work/d1.sql")"; failures=$((failures + 1)); }
LC_ALL=C "$bin" check --format json "$work/a.db" "$work/o1.db" > "$work/j1.json"
LC_ALL=C.UTF-8 "$bin" check --format json "$work/a.db" "$work/o1.db" > "$work/j2.json"
cmp -s "$work/j1.json" "$work/j2.json" && passes=$((passes + 1)) ||
  { echo "FAIL locale: JSON report differs between locales"; failures=$((failures + 1)); }

# A directory named like a source says so.
mkdir "$work/dir.db" "$work/dir.yaml"
expect directory-db 2 "is a directory" -- "$bin" inspect "$work/dir.db"
expect directory-yaml 2 "is a directory" -- "$bin" check "$work/dir.yaml" "$work/a.db"

# A WAL database is read without leaving -wal/-shm files behind, and in a directory that
# refuses new files (as another user would find it) it is read at all, as immutable.
mkdir "$work/wal"
sqlite3 "$work/wal/w.db" "PRAGMA journal_mode=WAL; CREATE TABLE t (a); INSERT INTO t VALUES (1);" > /dev/null
sum_before=$(md5sum < "$work/wal/w.db")
expect wal-read 0 "" -- "$bin" inspect "$work/wal/w.db"
expect wal-check 0 "" -- "$bin" diff --exit-code "$work/wal/w.db" "$work/wal/w.db"
[ "$(ls "$work/wal")" = "w.db" ] || { echo "FAIL wal-read: files left: $(ls "$work/wal")"; failures=$((failures + 1)); }
[ "$(md5sum < "$work/wal/w.db")" = "$sum_before" ] || { echo "FAIL wal-read: the database changed"; failures=$((failures + 1)); }
chmod 555 "$work/wal"
if [ "$(id -u)" -eq 0 ] && id nobody > /dev/null 2>&1; then
  # root writes anywhere: read as nobody, for whom the directory is read-only.
  chmod 755 "$work"
  runuser -u nobody -- "$bin" inspect "$work/wal/w.db" > "$work/out" 2> "$work/err"
  rc=$?
else
  "$bin" inspect "$work/wal/w.db" > "$work/out" 2> "$work/err"
  rc=$?
fi
if [ $rc -ne 0 ] || ! grep -q "name: t" "$work/out"; then
  echo "FAIL wal-readonly-dir: exit $rc: $(cat "$work/err")"
  failures=$((failures + 1))
else
  passes=$((passes + 1))
fi
chmod 755 "$work/wal"
[ "$(ls "$work/wal")" = "w.db" ] || { echo "FAIL wal-readonly-dir: files left: $(ls "$work/wal")"; failures=$((failures + 1)); }

# -o never replaces an input: the same file, or the same file through a link, is refused
# before anything is read (exit 2), and the database stays a database. A link at -o is
# written through; an existing -o file keeps its mode.
cp "$work/a.db" "$work/io.db"
ln -s io.db "$work/io-link.db"
expect output-is-input 2 "is the input" -- "$bin" inspect "$work/io.db" -o "$work/io.db"
expect output-is-input-link 2 "is the input" -- "$bin" inspect "$work/io-link.db" -o "$work/io.db"
expect output-is-link-to-input 2 "is the input" -- "$bin" inspect "$work/io.db" -o "$work/io-link.db"
expect fill-output-is-input 2 "is the input" -- "$bin" fill "$work/io.db" -o "$work/io.db"
expect diff-output-is-input 2 "is the input" -- "$bin" diff "$work/a.db" "$work/io-link.db" -o "$work/io.db"
expect check-output-is-input 2 "is the input" -- "$bin" check "$work/io.db" "$work/a.db" -o "$work/io-link.db"
sqlite3 "$work/io.db" "SELECT count(*) FROM t" > /dev/null 2>&1 || { echo "FAIL output-is-input: the database was replaced"; failures=$((failures + 1)); }
expect diff-output 0 "" -- "$bin" diff "$work/a.db" "$work/b.db" -o "$work/d.sql"
grep -q "ADD COLUMN" "$work/d.sql" && [ ! -s "$work/out" ] || { echo "FAIL diff-output: the script is not in the file alone"; failures=$((failures + 1)); }
expect check-output 1 "" -- "$bin" check "$work/a.db" "$work/b.db" -o "$work/r.txt"
grep -q "extra     column main.t.email" "$work/r.txt" && [ ! -s "$work/out" ] || { echo "FAIL check-output: the report is not in the file alone"; failures=$((failures + 1)); }
ln -s real.yaml "$work/snap-link.yaml"
expect output-through-link 0 "" -- "$bin" inspect "$work/a.db" -o "$work/snap-link.yaml"
[ -L "$work/snap-link.yaml" ] && [ -s "$work/real.yaml" ] || { echo "FAIL output-through-link: the link was replaced"; failures=$((failures + 1)); }
# Another user's link in a sticky world-writable directory (a planted /tmp link) is not
# followed, as the kernel's fs.protected_symlinks would refuse it.
if [ "$(id -u)" -eq 0 ] && id nobody > /dev/null 2>&1; then
  mkdir -m 1777 "$work/sticky"
  chmod 755 "$work"
  echo keep > "$work/victim.txt"
  runuser -u nobody -- ln -s "$work/victim.txt" "$work/sticky/plant.yaml"
  expect planted-link 2 "will not write through the link" -- "$bin" inspect "$work/a.db" -o "$work/sticky/plant.yaml"
  [ "$(cat "$work/victim.txt")" = keep ] || { echo "FAIL planted-link: the link's target was replaced"; failures=$((failures + 1)); }
fi
chmod 600 "$work/real.yaml"
expect output-keeps-mode 0 "" -- "$bin" inspect "$work/a.db" -o "$work/real.yaml"
[ "$(stat -c %a "$work/real.yaml")" = 600 ] || { echo "FAIL output-keeps-mode: mode is $(stat -c %a "$work/real.yaml")"; failures=$((failures + 1)); }

# A schema is untrusted input: a trigger or view whose stored text was rewritten (PRAGMA
# writable_schema; SQLite itself reads only the first statement) must not bring a second
# statement into the script: diff refuses it, naming the object, and prints nothing.
sqlite3 "$work/forged.db" "CREATE TABLE users (id INTEGER PRIMARY KEY); CREATE TABLE log (x);
  CREATE TRIGGER tr AFTER INSERT ON users BEGIN INSERT INTO log VALUES (1); END;
  CREATE VIEW v AS SELECT 1 AS one;"
sqlite3 "$work/plain.db" "CREATE TABLE users (id INTEGER PRIMARY KEY); CREATE TABLE log (x);"
sqlite3 "$work/forged.db" "PRAGMA writable_schema = ON;
  UPDATE sqlite_master SET sql = 'CREATE TRIGGER tr AFTER INSERT ON users BEGIN INSERT INTO log VALUES (1); END; DROP TABLE users; --' WHERE name = 'tr';"
expect forged-trigger 2 "trigger main.users.tr: invalid SQL text of trigger: it holds more than one statement" -- "$bin" diff "$work/plain.db" "$work/forged.db"
grep -q "DROP TABLE users" "$work/out" && { echo "FAIL forged-trigger: the script holds the smuggled statement"; failures=$((failures + 1)); }
# The same text in a snapshot (its fingerprint is right: inspect wrote it): the error names
# the object and where it is in the snapshot.
"$bin" inspect "$work/forged.db" -o "$work/forged.yaml"
line=$(grep -n "^  - name: tr$" "$work/forged.yaml" | cut -d: -f1)
expect forged-trigger-snapshot 2 "trigger main.users.tr ($work/forged.yaml:$line:5): invalid SQL text of trigger" -- \
  "$bin" diff "$work/plain.db" "$work/forged.yaml"
sqlite3 "$work/forged.db" "PRAGMA writable_schema = ON;
  UPDATE sqlite_master SET sql = 'CREATE TRIGGER tr AFTER INSERT ON users BEGIN INSERT INTO log VALUES (1); END' WHERE name = 'tr';
  UPDATE sqlite_master SET sql = 'CREATE VIEW v AS SELECT 1 AS one; DELETE FROM users' WHERE name = 'v';"
expect forged-view 2 "view main.v: invalid SQL text of view: it holds more than one statement" -- "$bin" diff "$work/plain.db" "$work/forged.db"
# One statement to SQLite, but the sqlite3 shell ends a statement at a line "/": the rest
# (1 / attach(...) AS x) would run ATTACH on its own. Built with SQLite itself, no forging.
sqlite3 "$work/slash.db" "CREATE VIEW v AS SELECT 1
/
attach('$work/pwn.db') AS x;"
expect slash-line-view 2 "ends a statement for the sqlite3 shell" -- "$bin" diff "$work/plain.db" "$work/slash.db"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
