#!/usr/bin/env bash
# `schemadrift migrate new`: the next migration in each layout the directory uses (golang-migrate
# pairs numbered or timestamped, Flyway V/U, dbmate, single files), printed paths, header
# comments, the default directory, and the errors: exit 2 with one message and nothing on
# stdout for a missing or unknown subcommand, a bad name, a bad option, a directory the reader
# refuses, and a file in the way (which nothing overwrites).
# Usage: cli_migrate.sh SCHEMADRIFT
set -uo pipefail
bin=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-climig.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
bad() { echo "FAIL $*"; failures=$((failures + 1)); }

# run EXPECTED_STATUS ARGS...: run schemadrift in $work, stdout to $work/out, stderr to $work/err.
run() {
    local want=$1
    shift
    (cd "$work" && "$bin" "$@") > "$work/out" 2> "$work/err"
    local got=$?
    [ "$got" = "$want" ] || bad "'$*' exited $got, expected $want: $(cat "$work/err")"
}
# fails ARGS... PATTERN: exit 2, nothing on stdout, one error line matching PATTERN.
fails() {
    local pattern=${*: -1}
    run 2 "${@:1:$#-1}"
    [ -s "$work/out" ] && bad "'${*:1:$#-1}' printed on stdout: $(cat "$work/out")"
    grep -q -- "$pattern" "$work/err" || bad "'${*:1:$#-1}': no '$pattern' in: $(cat "$work/err")"
    [ "$(grep -c '^schemadrift: error:' "$work/err")" = 1 ] || bad "'${*:1:$#-1}': not one error"
}
expect_out() {
    [ "$(cat "$work/out")" = "$1" ] || bad "printed '$(cat "$work/out")', expected '$1'"
}

# The default directory, created when missing: a golang-migrate pair 0001.
run 0 migrate new create_users
expect_out $'migrations/0001_create_users.up.sql\nmigrations/0001_create_users.down.sql'
[ "$(head -1 "$work/migrations/0001_create_users.up.sql")" = \
  "-- 0001_create_users.up.sql: the SQL that applies this migration." ] || bad "up header"
grep -q '^-- 0001_create_users.down.sql: the SQL that reverts 0001_create_users.up.sql.$' \
  "$work/migrations/0001_create_users.down.sql" || bad "down header"
run 0 migrate new add-index
expect_out $'migrations/0002_add-index.up.sql\nmigrations/0002_add-index.down.sql'

# --dir, width kept.
mkdir "$work/w"
: > "$work/w/009_a.up.sql"
: > "$work/w/009_a.down.sql"
run 0 migrate new b --dir w
expect_out $'w/010_b.up.sql\nw/010_b.down.sql'
run 0 migrate new --dir=w c
expect_out $'w/011_c.up.sql\nw/011_c.down.sql'

# Timestamps: the current UTC time.
mkdir "$work/ts"
: > "$work/ts/20200101000000_a.up.sql"
: > "$work/ts/20200101000000_a.down.sql"
before=$(date -u +%Y%m%d%H%M%S)
run 0 migrate new b --dir ts
after=$(date -u +%Y%m%d%H%M%S)
v=$(sed -n '1s|^ts/\([0-9]*\)_b\.up\.sql$|\1|p' "$work/out")
if [ -z "$v" ] || [ "$v" -lt "$before" ] || [ "$v" -gt "$after" ]; then
    bad "timestamp version '$v' not between $before and $after: $(cat "$work/out")"
fi

# Flyway: V and U after the last version's first part.
mkdir "$work/fw"
: > "$work/fw/V1__init.sql"
: > "$work/fw/V1.1__more.sql"
: > "$work/fw/R__views.sql"
run 0 migrate new next --dir fw
expect_out $'fw/V2__next.sql\nfw/U2__next.sql'

# dbmate: one file with both sections.
mkdir "$work/db"
printf -- '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;\n' \
  > "$work/db/3_a.sql"
run 0 migrate new b --dir db
expect_out 'db/4_b.sql'
if ! grep -q '^-- migrate:up$' "$work/db/4_b.sql" || ! grep -q '^-- migrate:down$' "$work/db/4_b.sql"; then
    bad "dbmate file without both markers: $(cat "$work/db/4_b.sql")"
fi

# Single files: one more, no down.
mkdir "$work/one"
echo 'CREATE TABLE a (id int);' > "$work/one/0007_a.sql"
run 0 migrate new b --dir one
expect_out 'one/0008_b.sql'

# Usage errors.
fails migrate '"migrate" needs a subcommand'
fails migrate bogus 'unknown subcommand "bogus" for "migrate"'
fails migrate new '"migrate new" needs NAME'
fails migrate new 'a b' 'invalid migration name "a b"'
fails migrate new x.y 'invalid migration name'
fails migrate new x --bogus 'unknown option "--bogus" for "migrate new"'
fails migrate new x --dir '"--dir" needs a value'
fails migrate new x y 'unexpected argument "y"'
fails migrate new x --dir "$work/no/such" 'could not create migrations directory'
run 0 migrate --help
grep -q '^  new NAME ' "$work/out" || bad "migrate --help does not list 'new NAME'"
run 0 help migrate new
grep -q '^usage: schemadrift migrate new NAME \[--config FILE\] \[--dir DIR\]$' "$work/out" ||
  bad "help migrate new: $(head -1 "$work/out")"
run 0 --help
grep -q '^  migrate new NAME ' "$work/out" || bad "--help does not list 'migrate new NAME'"

# A directory the reader refuses gets nothing.
mkdir "$work/mixed"
: > "$work/mixed/0001_a.up.sql"
: > "$work/mixed/0001_a.down.sql"
: > "$work/mixed/V2__b.sql"
fails migrate new c --dir mixed 'mixes layouts'
n=$(find "$work/mixed" -type f | wc -l)
[ "$n" = 3 ] || bad "a refused directory holds $n files, not 3"
mkdir "$work/latin1"
printf 'SELECT 1;\n-- caf\351\n' > "$work/latin1/01_a.sql"
fails migrate new c --dir latin1 'latin1/01_a.sql:2'
mkdir "$work/unpaired"
: > "$work/unpaired/0001_a.up.sql"
fails migrate new c --dir unpaired 'has no down migration'

# Nothing is overwritten: a directory where the down file would go stops the pair, and the
# up file made before it is gone again.
mkdir "$work/busy" "$work/busy/0001_x.down.sql"
fails migrate new x --dir busy 'already exists'
[ -e "$work/busy/0001_x.up.sql" ] && bad "half a pair left behind"

# The config's migrations.dir when --dir is not given; --dir wins over it; a broken config is
# an error before anything is created.
mkdir "$work/cfg"
printf 'migrations:\n  dir: db/migrations\n' > "$work/cfg/schemadrift.yaml"
mkdir -p "$work/cfg/db"
(cd "$work/cfg" && "$bin" migrate new from_config) > "$work/out" 2> "$work/err" || bad "migrate new with a config: $(cat "$work/err")"
expect_out "db/migrations/0001_from_config.up.sql
db/migrations/0001_from_config.down.sql"
(cd "$work/cfg" && "$bin" migrate new given --dir other) > "$work/out" 2> "$work/err" || bad "migrate new --dir with a config: $(cat "$work/err")"
expect_out "other/0001_given.up.sql
other/0001_given.down.sql"
printf 'migrations:\n  dri: x\n' > "$work/cfg/bad.yaml"
before=$(find "$work" -name '*.sql' | sort)
fails migrate new y --config cfg/bad.yaml 'unknown key dri in migrations'
[ "$(find "$work" -name '*.sql' | sort)" = "$before" ] || bad "created a migration despite a broken config"

if [ "$failures" -gt 0 ]; then
    echo "cli_migrate: $failures failure(s)"
    exit 1
fi
echo "cli_migrate: ok"
