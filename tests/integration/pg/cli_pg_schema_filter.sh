#!/usr/bin/env bash
# --schema / --exclude-schema on PostgreSQL sources (README: Common options): objects outside
# the selected schemas are not read, on both sides of check and diff and by inspect. Drift
# only in excluded schemas is no drift; drift in an included one is; --schema repeats;
# --exclude-schema wins over --schema; names are exact and case-sensitive, and a name that
# matches no schema on either side is an error; objects in an excluded schema are not listed
# at all.
# Usage: cli_pg_schema_filter.sh SCHEMADRIFT STATEFILE [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
cli_pg_init "$1" "$2" "${3:-cli.pg.schema_filter}"

# A: app, other and "App" (a different schema from app), one table each.
# B: app the same; other.o and "App".t have an extra column; other holds a shell type;
#    schema onlyb exists in B only.
#    B also holds an event trigger, a cast and an access method: database-wide, read only without --schema (as
#    pg_dump -n leaves them out), whatever --exclude-schema says.
# C: A with an extra column in app.t only.
common='CREATE SCHEMA app; CREATE SCHEMA other; CREATE SCHEMA "App";
        CREATE TABLE app.t (a int); CREATE VIEW app.v AS SELECT a FROM app.t;
        CREATE FUNCTION app.sd_evt() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;'
cli_pg_db a "$common" 'CREATE TABLE other.o (a int); CREATE TABLE "App".t (a int);'
cli_pg_db b "$common" 'CREATE TABLE other.o (a int, b int); CREATE TABLE "App".t (a int, c int);
  CREATE TYPE other.sd_shell; CREATE SCHEMA onlyb; CREATE TABLE onlyb.z (a int);
  CREATE CAST (text AS bytea) WITHOUT FUNCTION;
  CREATE ACCESS METHOD sd_am TYPE INDEX HANDLER bthandler;
  CREATE EVENT TRIGGER sd_evtrig ON ddl_command_end EXECUTE FUNCTION app.sd_evt();'
cli_pg_db c 'CREATE SCHEMA app; CREATE SCHEMA other; CREATE SCHEMA "App";
  CREATE TABLE app.t (a int, extra int); CREATE VIEW app.v AS SELECT a FROM app.t;
  CREATE TABLE other.o (a int); CREATE TABLE "App".t (a int);'
A=$(cli_pg_src a)
B=$(cli_pg_src b)
C=$(cli_pg_src c)

# check_case NAME EXIT [+TEXT|-TEXT]... -- OPTIONS...: check A B OPTIONS exits EXIT; each
# +TEXT must be a line of the report, each -TEXT must not occur in it.
check_case() {
  local name=$1 code=$2 want=() t ok=1
  shift 2
  while [ "$1" != -- ]; do
    want+=("$1")
    shift
  done
  shift
  run "$bin" check "$@"
  expect_rc "$name" "$code" || return
  for t in "${want[@]}"; do
    case $t in
      +*) grep -qxF -- "${t#+}" "$work/out" || { fail "$name: no line '${t#+}' in: $(cat "$work/out")"; ok=0; } ;;
      -*) grep -qF -- "${t#-}" "$work/out" && { fail "$name: '${t#-}' in: $(cat "$work/out")"; ok=0; } ;;
    esac
  done
  [ $ok -eq 1 ] && pass
}

# Without a filter every difference shows, the shell type too.
check_case all 1 "+extra     column other.o.b" "+extra     column App.t.c" "+extra     schema onlyb" \
  "+extra     base type other.sd_shell" "+extra     event trigger sd_evtrig" \
  "+extra     cast (text AS bytea)" "+extra     access method sd_am" -- "$A" "$B"
# Only app, which is equal: no drift, nothing of the other schemas, not even not-compared.
check_case only-app 0 "+no drift" "-other" "-App." "-onlyb" "-sd_evtrig" "-cast" "-sd_am" -- "$A" "$B" --schema app
check_case only-app-json 0 '-"other' '-"App' -- --format json "$A" "$B" --schema app
assert "only-app-json: not_compared is not empty: $(cat "$work/out")" -- \
  grep -q '"not_compared": \[\]' "$work/out"
# Everything but the drifted schemas: only the database-wide objects drift (--exclude-schema
# keeps them, as pg_dump -N does).
check_case exclude-all-drifted 1 "+extra     event trigger sd_evtrig" "+extra     cast (text AS bytea)" \
  "+extra     access method sd_am" "+3 differences: 0 missing, 3 extra, 0 changed" -- "$A" "$B" --exclude-schema other --exclude-schema App --exclude-schema onlyb
check_case exclude-all-drifted-json 1 '+      "kind": "event_trigger",' '+      "schema": null,' \
  '+      "name": "sd_evtrig",' -- --format json "$A" "$B" --exclude-schema other --exclude-schema App \
  --exclude-schema onlyb
# Excluding one drifted schema: the others still drift, the excluded one is not read.
check_case exclude-other 1 "+extra     column App.t.c" "+extra     schema onlyb" "-other" -- \
  "$A" "$B" --exclude-schema other
# Repeated --schema: both named schemas are read, nothing else.
check_case two-schemas 1 "+extra     column other.o.b" "+extra     base type other.sd_shell" \
  "-App." "-onlyb" "-sd_evtrig" "-cast" -- "$A" "$B" --schema app --schema other
# Names are exact and case-sensitive: App is not app.
check_case case-sensitive 1 "+extra     column App.t.c" "-other" "-app." -- "$A" "$B" --schema App
# A name that matches no schema on either side is an error (as pg_dump -n), not "no drift":
# onlyB is not onlyb. A schema on one side only is fine (drift, below).
run "$bin" check "$A" "$B" --schema app --schema onlyB
expect_rc no-such-schema 2 && assert "no-such-schema: stderr does not name it: $(cat "$work/err")" -- \
  grep -qF -- "--schema onlyB matches no schema of" "$work/err"
run "$bin" inspect "$A" --schema nosuch
expect_rc inspect-no-such-schema 2 && assert "inspect-no-such-schema: output written" -- \
  test ! -s "$work/out"
run "$bin" diff "$A" "$B" --schema nosuch
expect_rc diff-no-such-schema 2 && assert "diff-no-such-schema: output written" -- \
  test ! -s "$work/out"
# --exclude-schema wins over --schema.
check_case exclude-wins 0 "+no drift" "-other" -- "$A" "$B" --schema other --exclude-schema other
# A schema that is on one side only is drift when included.
check_case one-side-schema 1 "+extra     schema onlyb" "+extra     table onlyb.z" -- "$A" "$B" --schema onlyb
# Drift in an included schema is drift; excluded, it is not.
check_case included-drift 1 "+missing   column app.t.extra" -- "$C" "$A" --schema app
check_case included-drift-other-too 1 "+missing   column app.t.extra" -- "$C" "$A" --schema app --schema other
check_case excluded-drift 0 "+no drift" -- "$C" "$A" --exclude-schema app
# The options may come first.
check_case options-first 0 "+no drift" -- --schema app "$A" "$B"

# diff: only the included schemas.
run "$bin" diff "$A" "$B" --schema app
expect_rc diff-only-app 0 && {
  if grep -qiE 'other|onlyb|"App"' "$work/out"; then
    fail "diff-only-app: statements outside app: $(cat "$work/out")"
  else
    pass
  fi
}
run "$bin" diff "$A" "$B" --schema other
expect_rc diff-other 0 && {
  if grep -qF 'other.o' "$work/out" && ! grep -qiE 'onlyb|"App"|app\.' "$work/out"; then
    pass
  else
    fail "diff-other: expected other.o changes only: $(cat "$work/out")"
  fi
}

# inspect: only the included schemas in the snapshot, and it is what check compares with.
run "$bin" inspect "$B" --schema app --schema other -o "$work/b.yaml"
expect_rc inspect-filtered 0 && {
  names=$(grep -E '^- name: ' "$work/b.yaml" | tr '\n' ' ')
  if [ "$names" = "- name: app - name: other " ]; then
    pass
  else
    fail "inspect-filtered: schemas in the snapshot: '$names', expected app and other"
  fi
}
check_case snapshot-filtered 0 "+no drift" -- "$work/b.yaml" "$B" --schema app --schema other
check_case snapshot-unfiltered 1 "+extra     table App.t" "+extra     schema onlyb" -- "$work/b.yaml" "$B"
run "$bin" inspect "$B" --exclude-schema other -o "$work/b2.yaml"
expect_rc inspect-excluded 0 && {
  if grep -qE '^- name: other$|sd_shell' "$work/b2.yaml"; then
    fail "inspect-excluded: schema other is in the snapshot"
  else
    pass
  fi
}
# Database-wide objects are in the snapshot without --schema, not with it.
assert "inspect-excluded: no event trigger under database:" -- grep -qxF '  - name: sd_evtrig' "$work/b2.yaml"
assert "inspect-filtered: the event trigger is in the snapshot" -- \
  grep -qxF '  event_triggers: []' "$work/b.yaml"

cli_pg_finish
