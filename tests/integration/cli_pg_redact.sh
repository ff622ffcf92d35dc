#!/usr/bin/env bash
# Credentials never reach output (ARCHITECTURE.md, Credentials): PostgreSQL sources that carry a password and
# cannot connect, through inspect, diff and check, on either side and on both sides at once.
# Each run must exit 2 with an error that names the (redacted) server and gives a hint, and
# the password must appear neither on stdout nor on stderr. Needs no server: every address
# refuses the connection (TCP port 1 on 127.0.0.1, or a socket directory that does not exist).
# Usage: cli_pg_redact.sh SCHEMADRIFT
set -uo pipefail
bin=${1:?usage: cli_pg_redact.sh SCHEMADRIFT}
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-redact.XXXXXX")
trap 'rm -rf "$work"' EXIT
passes=0
failures=0
secret=S3cr3tPW
# A password holding a raw '@' and '/': libpq splits it (user:password ends at the first '@' or
# '/'), so none of its three pieces may show anywhere.
pieces=(Pa1rtOne Pa2rtTwo Pa3rtThree)

# Nothing from the caller's environment may pick another server or a stored password, and a
# connection attempt must not hang.
unset PGHOST PGHOSTADDR PGPORT PGDATABASE PGUSER PGPASSWORD PGSERVICE PGSERVICEFILE PGOPTIONS
export PGPASSFILE=$work/no-pgpass PGCONNECT_TIMEOUT=10 PGSYSCONFDIR=$work

fail() {
  echo "FAIL $1"
  failures=$((failures + 1))
}

# expect NAME NEEDLE -- command...: exit 2, stderr names NEEDLE and has a hint, and no
# output mentions the password (in any letter case, or percent-encoded as below).
expect() {
  local name=$1 needle=$2
  shift 3
  "$@" > "$work/out" 2> "$work/err"
  local rc=$?
  local ok=1
  if [ "$rc" -ne 2 ]; then
    fail "$name: exit $rc, expected 2; stderr: $(cat "$work/err")"
    ok=0
  fi
  if [ $ok -eq 1 ] && ! grep -qF -- "$needle" "$work/err"; then
    fail "$name: stderr does not name '$needle': $(cat "$work/err")"
    ok=0
  fi
  if [ $ok -eq 1 ] && ! grep -q '^hint: ' "$work/err"; then
    fail "$name: no hint: $(cat "$work/err")"
    ok=0
  fi
  if grep -qi -e "$secret" -e 'S3cr3t%50W' -e "${pieces[0]}" -e "${pieces[1]}" -e "${pieces[2]}" \
    "$work/out" "$work/err"; then
    fail "$name: the password leaked: $(cat "$work/out" "$work/err")"
    ok=0
  fi
  [ $ok -eq 1 ] && passes=$((passes + 1))
}

if ! command -v sqlite3 > /dev/null; then
  echo "FAIL setup: sqlite3 is not installed (apt-get install sqlite3)"
  exit 1
fi
sqlite3 "$work/a.db" "CREATE TABLE t (id INTEGER PRIMARY KEY);" || { echo "FAIL setup: sqlite3"; exit 1; }
"$bin" inspect "$work/a.db" -o "$work/a.yaml" || { echo "FAIL setup: inspect a.db"; exit 1; }

# name|source|what the error must name
sources=(
  "url-tcp|postgresql://alice:$secret@127.0.0.1:1/db|127.0.0.1"
  "url-socket|postgres://alice:$secret@/db?host=/nonexistent|/nonexistent"
  "conninfo|host=/nonexistent port=1 dbname=db user=alice password=$secret|/nonexistent"
  "url-query-password|postgresql:///db?password=$secret&host=/nonexistent|/nonexistent"
  "url-encoded|postgresql://alice:S3cr3t%50W@127.0.0.1:1/db|127.0.0.1"
  "conninfo-quoted|host=/nonexistent dbname='db' password='$secret'|/nonexistent"
  "url-raw-at|postgresql://alice:$secret@x@127.0.0.1:1/db|unencoded '@'"
  "url-bad-escape|postgresql://alice:$secret%zz@127.0.0.1:1/db|percent-encoded"
  "conninfo-unterminated|host=/nonexistent dbname=db password='$secret|unterminated quoted string"
  "nested-dbname|host=/nonexistent dbname='host=/nonexistent password=$secret'|/nonexistent"
  # '@' and '/' in a password: refused unless percent-encoded (libpq would take a piece of
  # it for the host, port or database: "u:p@ss/w@h/db" is host "ss", database "w@h/db").
  "url-at-slash|postgresql://alice:Pa1rtOne@Pa2rtTwo/Pa3rtThree@127.0.0.1:1/db|unencoded '@'"
  "url-slash|postgresql://alice:Pa1rtOne/Pa2rtTwo@127.0.0.1:1/db|unencoded '@'"
  "url-two-at|postgresql://alice:Pa1rtOne@Pa2rtTwo@127.0.0.1:1/db|unencoded '@'"
  "url-query-at|postgresql:///db?host=/nonexistent&password=Pa1rtOne@Pa2rtTwo|unencoded '@'"
  "url-at-slash-encoded|postgresql://alice:Pa1rtOne%40Pa2rtTwo%2FPa3rtThree@127.0.0.1:1/db|postgresql://alice@127.0.0.1:1/db"
  "conninfo-at-slash|host=/nonexistent dbname=db user=alice password=Pa1rtOne@Pa2rtTwo/Pa3rtThree|host=/nonexistent dbname=db user=alice"
)

for row in "${sources[@]}"; do
  IFS='|' read -r name src needle <<< "$row"
  expect "$name.inspect" "$needle" -- "$bin" inspect "$src"
  expect "$name.inspect-o" "$needle" -- "$bin" inspect "$src" -o "$work/out.yaml"
  expect "$name.inspect-schema" "$needle" -- "$bin" inspect --schema public --exclude-schema x "$src"
  expect "$name.check-expected" "$needle" -- "$bin" check "$src" "$work/a.db"
  expect "$name.check-actual" "$needle" -- "$bin" check "$work/a.yaml" "$src"
  expect "$name.check-json" "$needle" -- "$bin" check --format json "$work/a.db" "$src"
  expect "$name.diff-from" "$needle" -- "$bin" diff "$src" "$work/a.db"
  expect "$name.diff-to" "$needle" -- "$bin" diff "$work/a.db" "$src" --schema public
  [ -e "$work/out.yaml" ] && fail "$name: inspect -o wrote a file after an error"
done

# Both sides fail at once: the first side's error is the one reported.
expect both-fail-first "127.0.0.1" -- "$bin" check \
  "postgresql://alice:$secret@127.0.0.1:1/db" "host=/nonexistent dbname=db password=$secret"
grep -qF "/nonexistent" "$work/err" && fail "both-fail-first: the second side's error was reported"
expect both-fail-first-diff "/nonexistent" -- "$bin" diff \
  "host=/nonexistent dbname=db password=$secret" "postgresql://alice:$secret@127.0.0.1:1/db"

# A password given only in the environment.
expect pgpassword-env "127.0.0.1" -- env PGPASSWORD=$secret "$bin" check \
  "postgresql://alice@127.0.0.1:1/db" "$work/a.db"
expect pgpassword-env-conninfo "/nonexistent" -- env PGPASSWORD=$secret "$bin" inspect \
  "host=/nonexistent port=1 dbname=db user=alice"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
