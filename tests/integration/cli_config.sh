#!/usr/bin/env bash
# schemadrift.yaml's environments as SOURCEs: a name stands for its url (${VAR} from the
# environment), from ./schemadrift.yaml or --config FILE; the report names the environment;
# a path, URL or snapshot is never taken for an environment; a broken config, an unset
# variable, a missing --config file and an unknown name exit 2 naming the file, line and
# column, and never print an environment's password.
# Usage: cli_config.sh SCHEMADRIFT
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # the test changes directory
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-cliconfig.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
bad() { echo "FAIL $*"; failures=$((failures + 1)); }
cd "$work" || exit 2

sqlite3 dev.db "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT);"
sqlite3 prod.db "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y INTEGER);"
cat > schemadrift.yaml <<'YAML'
environments:
  dev: dev.db
  prod: ${SD_TEST_PROD}
  staging:
    url: sqlite:dev.db
YAML

# Names resolve through ./schemadrift.yaml; the JSON report names the environments.
SD_TEST_PROD=sqlite:prod.db "$bin" check dev prod --format json > out.json 2> err
rc=$?
[ "$rc" -eq 1 ] || bad "check dev prod: exit $rc, expected 1 (drift): $(cat err)"
grep -q '"dev (dev.db)"' out.json || bad "report does not name dev: $(head -c 400 out.json)"
grep -q '"prod (sqlite:prod.db)"' out.json || bad "report does not name prod: $(head -c 400 out.json)"
grep -q '"y"' out.json || bad "report misses the extra column y"
SD_TEST_PROD=sqlite:prod.db "$bin" check dev staging > out 2> err
rc=$?
[ "$rc" -eq 0 ] || bad "check dev staging: exit $rc, expected 0: $(cat err)"
SD_TEST_PROD=sqlite:prod.db "$bin" diff staging prod > out.sql 2> err ||
  bad "diff staging prod: exit $?: $(cat err)"
grep -q 'ADD COLUMN' out.sql || bad "diff staging prod has no ADD COLUMN: $(cat out.sql)"
# A path is a path even when an environment has its name.
SD_TEST_PROD=sqlite:prod.db "$bin" check dev.db prod > /dev/null 2> err
[ $? -eq 1 ] || bad "check dev.db prod: $(cat err)"

# --config FILE, from anywhere; the config in the working directory is then not read.
mkdir sub
cp schemadrift.yaml sub/other.yaml
printf 'environments: [broken\n' > sub/schemadrift.yaml
(cd sub && SD_TEST_PROD=sqlite:../prod.db "$bin" check dev prod --config other.yaml > /dev/null 2> ../err)
rc=$?
[ "$rc" -eq 2 ] || bad "--config other.yaml from sub/: exit $rc, expected 2 (dev.db is relative to the working directory)"
grep -q 'dev.db' err || bad "--config: error does not name dev.db: $(cat err)"

expect_error() { # NAME NEEDLE -- command...
  local name=$1 needle=$2
  shift 3
  "$@" > out 2> err
  local rc=$?
  [ "$rc" -eq 2 ] || bad "$name: exit $rc, expected 2: $(cat err)"
  grep -qF -- "$needle" err || bad "$name: stderr lacks '$needle': $(cat err)"
  if grep -q 's3cret' out err; then bad "$name: a password was printed"; fi
}
expect_error unset-var 'schemadrift.yaml:3:9: environment variable SD_TEST_PROD is not set (used by environments.prod)' \
  -- env -u SD_TEST_PROD "$bin" check dev prod
# prod's variable is needed only when prod is used.
env -u SD_TEST_PROD "$bin" check dev staging > out 2> err || bad "check dev staging without prod's variable: $(cat err)"
# An environment whose url is a file form that may hold a password: refused, never shown.
printf 'environments:\n  dev: dev.db\n  prod: ${U}\n' > leak.yaml
for u in 'mysql://app:s3cret@db/app.db' 'https://ci:s3cret@example.com/schema.yaml' 'dir=a password=s3cret x.db'; do
  U=$u expect_error "file-form url $u" 'leak.yaml:3: the url of environment prod is not a SOURCE' \
    -- "$bin" inspect prod --config leak.yaml
done
# A PostgreSQL url libpq refuses: the error names the environment, not the password.
U='postgresql://app:p@ss@db/app' expect_error pg-refused 'environment prod' -- "$bin" inspect prod --config leak.yaml
expect_error unknown-name 'Name an environment of schemadrift.yaml (dev, prod, staging)' \
  -- env SD_TEST_PROD=x "$bin" check dev prdo
expect_error missing-config 'could not open "nope.yaml"' -- "$bin" check dev prod --config nope.yaml
printf 'environments:\n  dev: dev.db\n  prod: postgres://app:s3cret@localhost/app\nmigrations:\n  dri: x\n' > bad.yaml
expect_error unknown-key 'bad.yaml:5:3: unknown key dri in migrations' -- "$bin" check dev prod --config bad.yaml
printf 'environments:\n  prod: "app:s3cret@somewhere"\n' > notsource.yaml
expect_error not-a-source 'notsource.yaml:2: the url of environment prod is not a SOURCE' \
  -- "$bin" inspect prod --config notsource.yaml
printf 'environments:\n  prod: "postgresql://app:s3cret@127.0.0.1:1/app?connect_timeout=2"\n' > pg.yaml
expect_error pg-label 'prod (postgresql://app@127.0.0.1:1/app' -- "$bin" inspect prod --config pg.yaml

# init: a starter config that the reader takes, and the migrations directory it names; an
# existing config is never replaced.
mkdir fresh
(cd fresh && "$bin" init --dir db/mig > ../out 2> ../err)
[ "$(cat out)" = "$(printf 'schemadrift.yaml\ndb/mig/')" ] ||
  bad "init --dir db/mig printed '$(cat out)': $(cat err)"
(cd fresh && "$bin" init > ../out 2> ../err)
rc=$?
[ "$rc" -eq 2 ] || bad "init over an existing config: exit $rc, expected 2"
grep -q 'already exists' err || bad "init over an existing config: $(cat err)"
(cd fresh && "$bin" migrate new first > ../out 2> ../err) || bad "migrate new after init: $(cat err)"
[ -f fresh/db/mig/0001_first.up.sql ] || bad "migrate new after init did not use the config's dir: $(cat out)"
mkdir fresh2
(cd fresh2 && "$bin" init > ../out 2> ../err) || bad "init: exit $?: $(cat err)"
[ "$(cat out)" = "$(printf 'schemadrift.yaml\nmigrations/')" ] || bad "init printed '$(cat out)'"
[ -d fresh2/migrations ] || bad "init did not create migrations/"
grep -q '^  dir: migrations$' fresh2/schemadrift.yaml || bad "init's config does not name migrations"
(cd fresh2 && "$bin" init --config other.yaml --dir 'a b' > ../out 2> ../err)
[ $? -eq 2 ] || bad "init --dir 'a b' is not refused"
[ -e fresh2/other.yaml ] && bad "init --dir 'a b' wrote other.yaml"
# A file where the directory should go: nothing is left behind.
touch fresh2/blocked
(cd fresh2 && "$bin" init --config c2.yaml --dir blocked/sub > ../out 2> ../err)
[ $? -eq 2 ] || bad "init --dir through a file is not refused"
[ -e fresh2/c2.yaml ] && bad "init left c2.yaml behind after failing to make its directory"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "cli_config: ok"
