#!/usr/bin/env bash
# Objects of kinds schemadrift does not compare are never skipped silently (README: check).
# For every kind the PostgreSQL introspector reports as "not compared", one object of that kind
# is created in database FULL; database BASE holds the same compared objects (the helpers:
# table, functions, types) but none of them. Then `check BASE FULL` and `check FULL BASE`
# must exit 0 (not compared is never drift) and list each object, by kind and name, in the
# text report ("not compared  KIND NAME (actual only)") and in the JSON report's not_compared array, with
# the summary's count equal to the list's length; the same with FULL's snapshot (inspect) in
# its place. One assertion per kind. A kind that cannot exist on the test server (security
# labels: no label provider) is instead proved unmakeable there: its statement must be refused.
#
# The kinds are also read from the introspector's source (introspect/pg_*.c: the labels of its
# not-compared queries and its sd_model_add_uncompared() calls): a kind reported there that this
# test does not create, or a kind in the reports that the test does not know, is a failure, so
# the test stays in step with the introspector.
# Usage: cli_pg_not_compared.sh SCHEMADRIFT STATEFILE INTROSPECT_DIR [NAME]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cli_pg_lib.sh
. "$here/cli_pg_lib.sh"
introspect_dir=${3:?usage: cli_pg_not_compared.sh SCHEMADRIFT STATEFILE INTROSPECT_DIR [NAME]}
cli_pg_init "$1" "$2" "${4:-cli.pg.not_compared}"

# ---- the kinds the introspector reports ---------------------------------------------------
# Backslash-continued macros joined, the whole source on one line, then the labels: the
# first argument of IN_SCHEMA()/DB_WIDE(), a "SELECT 'label'" row, and the string literals of sd_model_add_uncompared() calls (one-letter codes aside).
src_kinds() {
  local f
  for f in "$introspect_dir"/pg_*.c; do
    sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$f" | tr '\n' ' ' |
      grep -oE "(IN_SCHEMA|DB_WIDE)\(\"[^\"]+\"|SELECT '[a-z][a-z -]*'|sd_model_add_uncompared\([^;]*;" |
      grep -oE "\"[a-z][a-z -]+\"|'[a-z][a-z -]+'" | tr -d "\"'"
  done | LC_ALL=C sort -u
}
src_kinds > "$work/src_kinds"
[ -s "$work/src_kinds" ] || die "no not-compared kinds found in $introspect_dir/pg_*.c"

# ---- the objects ---------------------------------------------------------------------------
# Compared helpers, in both databases.
cat > "$work/base.sql" <<'SQL'
CREATE TABLE t (a int, b int);
CREATE TYPE sd_enum AS ENUM ('x');
SQL

# kind|name as reported|SQL creating it in FULL (run in this order). None today: base and
# shell types, the last kinds listed here, are compared now; security labels are below.
objects=()
# Kinds the introspector lists that cannot exist on the test server, with the statement that
# would make one: each must be refused there (so the day it is not, this test asks for a real
# object). Security labels need a label provider module (sepgsql, which needs SELinux).
unmakeable=(
  "security label|SECURITY LABEL ON TABLE t IS 'system_u:object_r:sepgsql_table_t:s0'"
)
: > "$work/full.sql"
: > "$work/test_kinds"
for row in "${objects[@]}"; do
  IFS='|' read -r kind name sql <<< "$row"
  printf '%s;\n' "$sql" >> "$work/full.sql"
  printf '%s\n' "$kind" >> "$work/test_kinds"
done
LC_ALL=C sort -u -o "$work/test_kinds" "$work/test_kinds"

cli_pg_db base "$work/base.sql"
cli_pg_db full "$work/base.sql" "$work/full.sql"
base=$(cli_pg_src base)
full=$(cli_pg_src full)

for row in "${unmakeable[@]}"; do
  IFS='|' read -r kind sql <<< "$row"
  if sd_psql -d "$(sd_pg_dbname "$cli_pg_name" full)" -c "$sql" > "$work/unmakeable.out" 2>&1; then
    fail "'$sql' succeeded: the server can make a $kind now; add one to the objects list of $0"
  elif grep -q 'no security label providers have been loaded' "$work/unmakeable.out"; then
    pass
    printf '%s\n' "$kind" >> "$work/test_kinds"
  else
    fail "'$sql' failed for another reason than a missing provider: $(cat "$work/unmakeable.out")"
  fi
done
# Made at the end (it needs a role that cannot see them).
printf '%s\n' "user mapping options" >> "$work/test_kinds"
LC_ALL=C sort -u -o "$work/test_kinds" "$work/test_kinds"

# ---- the test covers every kind the introspector has ------------------------------------
while IFS= read -r kind; do
  if grep -qxF -- "$kind" "$work/test_kinds"; then
    pass
  else
    fail "kind '$kind' (reported as not compared by $introspect_dir/pg_*.c) is not created by" \
      "this test: add an object of that kind to the objects list of $0"
  fi
done < "$work/src_kinds"
while IFS= read -r kind; do
  grep -qxF -- "$kind" "$work/src_kinds" ||
    fail "kind '$kind' is created by this test but not found in $introspect_dir/pg_*.c" \
      "(renamed? update this test or the source-scanning patterns in src_kinds)"
done < "$work/test_kinds"

# ---- the reports --------------------------------------------------------------------------
check_reports() { # LABEL EXPECTED ACTUAL: the text report in $work/LABEL.txt, JSON in .json
  local label=$1
  run "$bin" check "$2" "$3"
  expect_rc "$label text: not compared objects are not drift" 0 && pass
  cp "$work/out" "$work/$label.txt"
  run "$bin" check --format json "$2" "$3"
  expect_rc "$label json: not compared objects are not drift" 0 && pass
  cp "$work/out" "$work/$label.json"
  not_compared_json "$work/$label.json" > "$work/$label.nc"
  assert "$label json: drift is not false" -- grep -q '"drift": false' "$work/$label.json"
  local n count
  n=$(wc -l < "$work/$label.nc")
  count=$(tr '\n' ' ' < "$work/$label.json" | grep -oE '"summary": *\{[^}]*\}' |
    grep -oE '"not_compared": *[0-9]+' | grep -oE '[0-9]+$')
  assert "$label json: summary.not_compared is '$count', the not_compared list has $n entries" -- \
    [ "$count" = "$n" ]
  if [ "$n" -gt 0 ]; then
    assert "$label text: the summary does not say '($n not compared)': $(tail -1 "$work/$label.txt")" -- \
      grep -qF "($n not compared)" "$work/$label.txt"
  else
    assert "$label text: the summary mentions objects not compared: $(tail -1 "$work/$label.txt")" -- \
      sh -c '! grep -qF "not compared)" "$1"' sh "$work/$label.txt"
  fi
  local nt
  nt=$(grep -c '^not compared  ' "$work/$label.txt")
  assert "$label: the text report lists $nt objects not compared, the JSON report $n" -- [ "$nt" -eq "$n" ]
  # Every kind reported is one the test knows (so nothing unexpected hides in the list).
  cut -f1 "$work/$label.nc" | LC_ALL=C sort -u | while IFS= read -r kind; do
    grep -qxF -- "$kind" "$work/test_kinds" ||
      echo "FAIL $label: the report has kind '$kind', which this test does not create"
  done > "$work/unknown"
  if [ -s "$work/unknown" ]; then
    cat "$work/unknown"
    failures=$((failures + $(wc -l < "$work/unknown")))
  fi
}
check_reports forward "$base" "$full"
check_reports backward "$full" "$base"
# The list survives a snapshot: FULL written to YAML and checked against BASE.
run "$bin" inspect "$full" -o "$work/full.yaml"
expect_rc "inspect FULL" 0 || die "inspect of FULL failed: $(cat "$work/err")"
check_reports snapshot "$work/full.yaml" "$base"

# One assertion per kind: each object in both reports of every check above.
for row in "${objects[@]}"; do
  IFS='|' read -r kind name _ <<< "$row"
  missing=""
  for label in forward backward snapshot; do
    # FULL alone holds it: ACTUAL in forward, EXPECTED in the others.
    side="expected only"
    [ "$label" = forward ] && side="actual only"
    grep -qxF -- "not compared  $kind $name ($side)" "$work/$label.txt" || missing+=" $label-text"
    grep -qxF -- "$kind"$'\t'"$name" "$work/$label.nc" || missing+=" $label-json"
  done
  if [ -z "$missing" ]; then
    pass
  else
    fail "$kind '$name' is not listed as not compared in:$missing (text report:" \
      "$(grep '^not compared' "$work/forward.txt" | tr '\n' ';'))"
  fi
done

# ---- options of user mappings the reading role cannot see ---------------------------------
# pg_user_mappings shows a mapping's options only to a superuser, the server's owner, or the
# mapped user with USAGE on the server. Two databases whose mapping options differ: read as a
# superuser, that is drift; read by a role that sees neither side's options, they are not
# compared (no drift), and the mapping is listed as such, by name, on both sides.
um_sql() { # USER_VALUE
  printf '%s\n' "CREATE FOREIGN DATA WRAPPER sd_nc_wrapper;" \
    "CREATE SERVER sd_nc_server FOREIGN DATA WRAPPER sd_nc_wrapper;" \
    "CREATE USER MAPPING FOR PUBLIC SERVER sd_nc_server OPTIONS (user '$1');"
}
printf '%s\n' "-- roles: sd_nc_reader" > "$work/um_roles.sql"
sd_pg_create_roles "$work/um_roles.sql" > "$work/roles.err" 2>&1 || die "creating roles: $(cat "$work/roles.err")"
sd_psql -d postgres -c "ALTER ROLE sd_nc_reader LOGIN" > /dev/null 2> "$work/roles.err" ||
  die "ALTER ROLE: $(cat "$work/roles.err")"
um_sql x > "$work/um_a.sql"
um_sql y > "$work/um_b.sql"
cli_pg_db um_a "$work/um_a.sql"
cli_pg_db um_b "$work/um_b.sql"
run "$bin" check "$(cli_pg_src um_a)" "$(cli_pg_src um_b)"
expect_rc "user mapping options read by a superuser are compared" 1 && pass
assert "a superuser's check does not name the options that differ: $(cat "$work/out")" -- \
  grep -qF "user mapping public@sd_nc_server: options (user=x) -> (user=y)" "$work/out"
run "$bin" check "$(cli_pg_src um_a) user=sd_nc_reader" "$(cli_pg_src um_b) user=sd_nc_reader"
expect_rc "user mapping options a role cannot see are not drift" 0 && pass
assert "hidden user mapping options are not listed as not compared: $(cat "$work/out")" -- \
  grep -qxF "not compared  user mapping options public@sd_nc_server" "$work/out"

cli_pg_finish
