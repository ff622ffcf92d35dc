#!/usr/bin/env bash
# Errors on PostgreSQL sources, with a real server (../cli_pg_redact.sh covers the same without
# one): a port nothing listens on, a database or role that does not exist, and a catalog query
# that fails on the server, through inspect, check (either side failing, both failing) and
# diff. Each must exit 2 with nothing on stdout (no partial report, no snapshot file), an
# error on stderr that names the source and a hint, and no crash or stack trace. A password
# in the source never appears in any output, whether the command fails or succeeds (the
# fixture trusts local connections, so a password is accepted and ignored).
# Usage: cli_pg_errors.sh SCHEMADRIFT STATEFILE [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
cli_pg_init "$1" "$2" "${3:-cli.pg.errors}"
secret=S3cr3tPW
reader=sd_cli_errors_reader

cli_pg_db good 'CREATE TABLE t (id int PRIMARY KEY, name text); CREATE VIEW v AS SELECT id FROM t;'
# A database where the reader role may not call pg_get_viewdef(): reading views fails.
cli_pg_db denied 'CREATE TABLE t (id int PRIMARY KEY, name text); CREATE VIEW v AS SELECT id FROM t;' \
  "DO \$\$BEGIN CREATE ROLE $reader LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END\$\$" \
  'REVOKE EXECUTE ON FUNCTION pg_get_viewdef(oid) FROM PUBLIC'
good=$(cli_pg_src good)
gooddb=$(sd_pg_dbname "$cli_pg_name" good)
denieddb=$(sd_pg_dbname "$cli_pg_name" denied)
nodb=$(sd_pg_dbname "$cli_pg_name" nodb)
"$bin" inspect "$good" -o "$work/good.yaml" > /dev/null 2>&1 || die "inspect of the good database failed"

# A password holding '@' and '/' (percent-encoded in URLs): none of its pieces may show.
pieces=(Pa1rtOne Pa2rtTwo Pa3rtThree)
leaked() { # the password in any output (in any letter case)
  grep -qi -e "$secret" -e "${pieces[0]}" -e "${pieces[1]}" -e "${pieces[2]}" \
    "$work/out" "$work/err" "$@" 2> /dev/null
}

# expect_error NAME NEEDLE -- COMMAND...: exit 2, empty stdout, stderr names NEEDLE, has a
# hint, shows no crash, and no output holds the password.
expect_error() {
  local name=$1 needle=$2 ok=1
  shift 3
  rm -f "$work/o.yaml"
  run "$@"
  expect_rc "$name" 2 || ok=0
  if [ $ok -eq 1 ] && [ -s "$work/out" ]; then
    fail "$name: output on stdout after an error: $(head -c 2000 "$work/out")"
    ok=0
  fi
  if [ $ok -eq 1 ] && ! grep -q '^schemadrift: error: ' "$work/err"; then
    fail "$name: no 'schemadrift: error:' line: $(cat "$work/err")"
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
  if grep -qiE 'segmentation|abort|sanitizer|stack|backtrace|core dumped|#[0-9]+ 0x' "$work/err"; then
    fail "$name: a crash or stack trace: $(cat "$work/err")"
    ok=0
  fi
  if [ -e "$work/o.yaml" ]; then
    fail "$name: inspect -o wrote a file after an error"
    ok=0
  fi
  if leaked; then
    fail "$name: the password leaked: $(cat "$work/out" "$work/err")"
    ok=0
  fi
  [ $ok -eq 1 ] && pass
}

# name|source|what the error must name (the redacted source, and the failing part)
bad_sources=(
  "no-listener-conninfo|host=$PGHOST port=1 dbname=$gooddb user=postgres password=$secret|host=$PGHOST port=1 dbname=$gooddb"
  "no-listener-url|postgresql://postgres:$secret@/$gooddb?host=$PGHOST&port=1|postgresql://postgres@/$gooddb?host=$PGHOST&port=1"
  "no-listener-tcp|postgresql://postgres:$secret@127.0.0.1:1/$gooddb|127.0.0.1:1"
  "no-database|host=$PGHOST port=$PGPORT dbname=$nodb user=postgres password=$secret|\"$nodb\" does not exist"
  "no-database-url|postgresql://postgres:$secret@/$nodb?host=$PGHOST&port=$PGPORT|postgresql://postgres@/$nodb"
  "no-role|host=$PGHOST port=$PGPORT dbname=$gooddb user=sd_no_such_role password=$secret|\"sd_no_such_role\" does not exist"
  "query-fails|host=$PGHOST port=$PGPORT dbname=$denieddb user=$reader password=$secret|permission denied for function pg_get_viewdef"
  "query-fails-url|postgresql://$reader:$secret@/$denieddb?host=$PGHOST&port=$PGPORT|postgresql://$reader@/$denieddb"
)

for row in "${bad_sources[@]}"; do
  IFS='|' read -r name src needle <<< "$row"
  expect_error "$name.inspect-o" "$needle" -- "$bin" inspect "$src" -o "$work/o.yaml"
  expect_error "$name.check-actual" "$needle" -- "$bin" check "$good" "$src"
  expect_error "$name.check-expected-json" "$needle" -- "$bin" check --format json "$src" "$work/good.yaml"
  expect_error "$name.diff-from" "$needle" -- "$bin" diff "$src" "$work/good.yaml" --schema public
done

# The query failure names what was being read and the source.
expect_error query-fails-where "(reading views)" -- "$bin" check "$good" \
  "host=$PGHOST port=$PGPORT dbname=$denieddb user=$reader"
assert "query-fails-where: the source is not named with what was read: $(cat "$work/err")" -- \
  grep -qF "dbname=$denieddb user=$reader (reading views)" "$work/err"

# Both sides fail: the first side's error is reported (README: diff and check).
expect_error both-fail-check "port=1" -- "$bin" check "host=$PGHOST port=1 dbname=x password=$secret" \
  "host=$PGHOST port=$PGPORT dbname=$nodb user=postgres"
grep -qF "$nodb" "$work/err" && fail "both-fail-check: the second side's error was reported: $(cat "$work/err")"
expect_error both-fail-diff "$nodb" -- "$bin" diff "host=$PGHOST port=$PGPORT dbname=$nodb user=postgres" \
  "host=$PGHOST port=1 dbname=x password=$secret"

# Engines differ: an error, not drift.
if command -v sqlite3 > /dev/null; then
  sqlite3 "$work/a.db" "CREATE TABLE t (id INTEGER PRIMARY KEY);"
  run "$bin" check "$work/a.db" "$good"
  expect_rc engine-mismatch 2 && pass
else
  fail "engine-mismatch: sqlite3 is not installed (apt-get install sqlite3)"
fi

# Success paths with a password in the source: it is accepted (trust) and never echoed.
url="postgresql://postgres:$secret@/$gooddb?host=$PGHOST&port=$PGPORT"
conninfo="host=$PGHOST port=$PGPORT dbname=$gooddb user=postgres password=$secret"
expect_ok() { # NAME -- COMMAND...: exit 0 and no password in the output (or in FILES after --)
  local name=$1
  shift 2
  run "$@"
  expect_rc "$name" 0 || return
  if leaked "$work/o.yaml"; then
    fail "$name: the password leaked: $(cat "$work/out" "$work/err")"
  else
    pass
  fi
}
expect_ok ok-check-url -- "$bin" check "$url" "$conninfo"
grep -qx "no drift" "$work/out" || fail "ok-check-url: not 'no drift': $(cat "$work/out")"
expect_ok ok-check-json -- "$bin" check --format json "$url" "$conninfo"
assert "ok-check-json: the expected label is not the redacted URL: $(head -5 "$work/out")" -- \
  grep -qF "\"expected\": \"postgresql://postgres@/$gooddb?host=$PGHOST&port=$PGPORT\"" "$work/out"
assert "ok-check-json: the actual label is not the redacted conninfo: $(head -5 "$work/out")" -- \
  grep -qF "\"actual\": \"host=$PGHOST port=$PGPORT dbname=$gooddb user=postgres\"" "$work/out"
expect_ok ok-check-drift -- "$bin" check "$url" "$work/good.yaml"
expect_ok ok-inspect -- "$bin" inspect "$url" -o "$work/o.yaml"
expect_ok ok-inspect-stdout -- "$bin" inspect "$conninfo"
expect_ok ok-diff -- "$bin" diff "$conninfo" "$url"
expect_ok ok-env-password -- env PGPASSWORD=$secret "$bin" check --format json \
  "host=$PGHOST port=$PGPORT dbname=$gooddb user=postgres" "$url"

# A password with '@' and '/': percent-encoded it connects (trust) and the label is libpq's
# parse without it; raw, libpq would split it (host "Pa2rtTwo"...), so it is refused.
enc="postgresql://postgres:Pa1rtOne%40Pa2rtTwo%2FPa3rtThree@/$gooddb?host=$PGHOST&port=$PGPORT"
expect_ok ok-encoded-at-slash -- "$bin" check --format json "$enc" "$conninfo"
assert "ok-encoded-at-slash: the label is not libpq's parse: $(head -5 "$work/out")" -- \
  grep -qF "\"expected\": \"postgresql://postgres@/$gooddb?host=$PGHOST&port=$PGPORT\"" "$work/out"
expect_ok ok-conninfo-at-slash -- "$bin" inspect \
  "host=$PGHOST port=$PGPORT dbname=$gooddb user=postgres password=Pa1rtOne@Pa2rtTwo/Pa3rtThree"
expect_error raw-at-slash "unencoded '@'" -- "$bin" check \
  "postgresql://postgres:Pa1rtOne@Pa2rtTwo/Pa3rtThree@/$gooddb?host=$PGHOST&port=$PGPORT" "$good"

cli_pg_finish
