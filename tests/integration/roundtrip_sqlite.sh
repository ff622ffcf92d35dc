#!/usr/bin/env bash
# Round trip of one SQLite schema pair, proved against SQLite itself:
#   load FROM.sql into A and TO.sql into B; `schemadrift diff A B` > up.sql (and
#   `diff --format json` must describe it step by step: ../scripts/plan_check.py); apply up.sql to
#   a copy A' of A with foreign keys enforced (sqlite3 -bail, no stderr, no FK violations);
#   then `schemadrift check B A'` exits 0, SQLite's own catalog of A' agrees with B's (read
#   with SQL, not with our introspector), rows of kept columns are intact, a second diff is
#   empty, and snapshots of B round-trip byte-identically.
# Usage: roundtrip_sqlite.sh SCHEMADRIFT FROM.sql TO.sql [--strict-column-order]
# An optional file "args" next to FROM.sql holds extra arguments for the `diff A B` that makes
# the migration (and a `check A B` before it, which must then report drift, not fail), one
# argument a line; blank lines and lines starting with '#' are skipped. Rename hints in it
# (--rename table:main.old=new, --rename column:main.t.old=new) also map A's tables and
# columns to B's names for the kept-rows check, so rows of renamed objects must survive.
# With SD_RT_ROWS=N in the environment, A also gets N generated rows per table
# (`schemadrift fill A --rows N`) before everything else, so that a script that only works on
# the pair's own few rows fails here and not at a user's; and the script, as --plain too, runs
# through the other clients (clients_sqlite.sh: sqlite3 without -bail and executescript on the
# --plain script), each on its own copy of the filled A, with the same checks (B, kept rows).
# With SD_RT_REFUSED=1 as well (pairs whose generated rows B rightly refuses, category (b) of
# tests/cases/rows_known_failures.txt), the scripts are made past the preflight
# (--no-preflight) and every client must fail on them and leave A byte-identical (.dump); then
# the test ends.
set -euo pipefail
bin=$1
from_sql=$2
to_sql=$3
strict=${4:-}

extra=()
args_file="$(dirname "$from_sql")/args"
if [ -f "$args_file" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    extra+=("$line")
  done < "$args_file"
fi
# The rename hints among them, as "kind<TAB>old<TAB>new" lines (lower case, as compared).
hints() {
  local i v
  for ((i = 0; i < ${#extra[@]}; i++)); do
    v=""
    case "${extra[$i]}" in
      --rename=*) v=${extra[$i]#--rename=} ;;
      --rename) v=${extra[$((i + 1))]:-} ;;
    esac
    [ -n "$v" ] || continue
    printf '%s\t%s\t%s\n' "${v%%:*}" "$(echo "${v#*:}" | cut -d= -f1)" "${v#*=}"
  done | tr '[:upper:]' '[:lower:]'
}

# shellcheck source-path=SCRIPTDIR source=clients_sqlite.sh
. "$(dirname "$0")/clients_sqlite.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/sd-rt.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; echo "(work dir kept: $work)" >&2; trap - EXIT; exit 1; }

load() { # load SQL file $1 into new db $2; any stderr output is a failure
  : > "$2"
  if ! sqlite3 -bail "$2" < "$1" 2> "$work/load.err" || [ -s "$work/load.err" ]; then
    fail "could not load $1: $(cat "$work/load.err")"
  fi
}
load "$from_sql" "$work/a.db"
load "$to_sql" "$work/b.db"

if [ -n "${SD_RT_ROWS:-}" ]; then
  # Numbered from 101 on, so that the generated keys rarely meet the pair's own rows.
  "$bin" fill "$work/a.db" --rows "$SD_RT_ROWS" --seed 100 > "$work/fill.sql" 2> "$work/fill.err" ||
    fail "schemadrift fill exited $?: $(cat "$work/fill.err")"
  # One statement per row, foreign keys on and no -bail: a row the schema refuses is an error
  # for that statement only. Constraint errors are the rows the filler could not make valid
  # (a foreign key inside a cycle, a STRICT type); any other error is a bug in the filler.
  { echo "PRAGMA foreign_keys=ON;"; cat "$work/fill.sql"; echo "SELECT total_changes();"; } |
    sqlite3 "$work/a.db" > "$work/fill.out" 2> "$work/fill.err" || true
  if grep -v -E 'constraint failed|cannot store [A-Z]+ value in [A-Z]+ column' "$work/fill.err" | grep -q .; then
    fail "loading the generated rows failed: $(grep -v -E 'constraint failed|cannot store' "$work/fill.err" | head -5)"
  fi
  inserts=$(grep -c '^INSERT' "$work/fill.sql" || true)
  added=$(tail -n 1 "$work/fill.out")
  [ "$inserts" -eq 0 ] || [ "${added:-0}" -gt 0 ] ||
    fail "none of the $inserts generated rows could be inserted: $(head -3 "$work/fill.err")"
  echo "filled: $added of $inserts generated rows inserted"
fi
cp "$work/a.db" "$work/a2.db"

if [ -n "${SD_RT_REFUSED:-}" ]; then
  [ -n "${SD_RT_ROWS:-}" ] || fail "SD_RT_REFUSED needs SD_RT_ROWS"
  "$bin" diff --no-preflight ${strict:+"$strict"} ${extra[@]+"${extra[@]}"} "$work/a.db" "$work/b.db" > "$work/up.sql" 2> "$work/diff.err" ||
    fail "schemadrift diff --no-preflight exited $?: $(cat "$work/diff.err")"
  "$bin" diff --no-preflight --plain ${strict:+"$strict"} ${extra[@]+"${extra[@]}"} "$work/a.db" "$work/b.db" > "$work/plain.sql" 2> "$work/diff.err" ||
    fail "schemadrift diff --no-preflight --plain exited $?: $(cat "$work/diff.err")"
  [ -s "$work/up.sql" ] || fail "the diff is empty: nothing to refuse the rows"
  { echo "PRAGMA foreign_keys=ON;"; cat "$work/up.sql"; } > "$work/apply.sql"
  { echo "PRAGMA foreign_keys=ON;"; cat "$work/plain.sql"; } > "$work/apply_plain.sql"
  # Not sqlite3 without -bail on the --plain script: SQLite keeps the transaction open after
  # a failed statement, so the statements after it run and COMMIT keeps them (README: --plain
  # is for clients that stop at the first error).
  for client in sqlite3-bail sqlite3 executescript; do
    script="$work/apply.sql"
    [ $client = executescript ] && script="$work/apply_plain.sql"
    msg=$(sd_sqlite_refused $client "$work/a.db" "$script" "$work") || fail "$msg"
  done
  echo "ok: every client failed on the rows and left A unchanged"
  exit 0
fi

"$bin" diff $strict ${extra[@]+"${extra[@]}"} "$work/a.db" "$work/b.db" > "$work/up.sql" 2> "$work/diff.err" ||
  fail "schemadrift diff exited $?: $(cat "$work/diff.err")"
[ -s "$work/diff.err" ] && fail "schemadrift diff wrote to stderr: $(cat "$work/diff.err")"
# The JSON plan describes exactly this script, step by step.
"$bin" diff --format json $strict ${extra[@]+"${extra[@]}"} "$work/a.db" "$work/b.db" > "$work/plan.json" ||
  fail "schemadrift diff --format json exited $?"
python3 "$(dirname "$0")/../scripts/plan_check.py" "$work/up.sql" "$work/plan.json" 2> "$work/plan.err" ||
  fail "the JSON plan does not describe the script: $(cat "$work/plan.err")"$'\n'"$(cat "$work/up.sql")"

if [ ${#extra[@]} -gt 0 ]; then
  rc=0
  "$bin" check $strict ${extra[@]+"${extra[@]}"} "$work/a.db" "$work/b.db" > "$work/precheck.out" 2>&1 || rc=$?
  [ $rc -eq 1 ] || fail "check A B with the pair's args exited $rc (drift expected):"$'\n'"$(cat "$work/precheck.out")"
fi

if cmp -s "$from_sql" "$to_sql" && [ -s "$work/up.sql" ]; then
  fail "identical schemas gave a non-empty diff:"$'\n'"$(cat "$work/up.sql")"
fi

# Apply with foreign keys enforced, as an application connection would have them; the client
# is sqlite3 -bail, on the script as emitted. The script prints nothing when it succeeds.
{ echo "PRAGMA foreign_keys=ON;"; cat "$work/up.sql"; } > "$work/apply.sql"
if ! sd_sqlite_client sqlite3-bail "$work/a2.db" "$work/apply.sql" "$work/apply.out" ||
   [ -s "$work/apply.out" ]; then
  fail "applying the diff failed: $(cat "$work/apply.out")"$'\n'"--- up.sql:"$'\n'"$(cat "$work/up.sql")"
fi

"$bin" check $strict "$work/b.db" "$work/a2.db" > "$work/check.out" 2>&1 ||
  fail "check B A' found drift after applying the diff:"$'\n'"$(cat "$work/check.out")"$'\n'"--- up.sql:"$'\n'"$(cat "$work/up.sql")"

# SQLite's own view of both schemas. Column order is compared only with --strict-column-order.
order="lower(p.name)"
[ -n "$strict" ] && order="p.cid"
catalog() {
  sqlite3 -bail "$1" <<SQL
SELECT 'table', lower(l.name), l.strict, l.wr FROM pragma_table_list l
  WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY l.name;
SELECT 'column', lower(m.name), lower(p.name), p.type, p."notnull", quote(p.dflt_value), p.pk, p.hidden
  FROM sqlite_schema m, pragma_table_xinfo(m.name) p
  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY lower(m.name), $order;
SELECT 'index', lower(m.name), CASE WHEN i.origin = 'c' THEN lower(i.name) ELSE i.origin END, i."unique", i.partial,
       (SELECT group_concat(coalesce(lower(x.name), '<expr>') || ' ' || x.desc || ' ' || x.coll, ', ')
          FROM pragma_index_xinfo(i.name) x WHERE x.key = 1)
  FROM sqlite_schema m, pragma_index_list(m.name) i
  WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY 1, 2, 3, 6;
SELECT 'fk', lower(m.name), lower(f."table"), group_concat(lower(f."from") || '>' || coalesce(lower(f."to"), ''), ','),
       f.on_update, f.on_delete, f."match"
  FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
  WHERE m.type = 'table' GROUP BY m.name, f.id ORDER BY 1, 2, 3, 4, 5, 6;
SELECT type, lower(name), lower(tbl_name) FROM sqlite_schema WHERE type IN ('view', 'trigger') ORDER BY 1, 2;
SELECT 'view column', lower(m.name), lower(p.name), p.type FROM sqlite_schema m, pragma_table_xinfo(m.name) p
  WHERE m.type = 'view' ORDER BY 2, p.cid;
SQL
}
catalog "$work/b.db" > "$work/b.cat"
catalog "$work/a2.db" > "$work/a2.cat"
cmp -s "$work/b.cat" "$work/a2.cat" ||
  fail "SQLite's catalog of A' differs from B's:"$'\n'"$(diff "$work/b.cat" "$work/a2.cat")"

# Rows in kept columns: every table present in both A and B, columns present in both (not
# generated), compared as text so that a declared-type change does not count as data loss.
sqlite3 -bail "$work/a.db" "SELECT lower(m.name) || char(9) || lower(p.name) FROM sqlite_schema m, pragma_table_xinfo(m.name) p
  WHERE m.type='table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND p.hidden = 0 ORDER BY 1" > "$work/a.cols"
sqlite3 -bail "$work/b.db" "SELECT lower(m.name) || char(9) || lower(p.name) FROM sqlite_schema m, pragma_table_xinfo(m.name) p
  WHERE m.type='table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND p.hidden = 0 ORDER BY 1" > "$work/b.cols"
# Kept columns, as "B table<TAB>B column<TAB>A table<TAB>A column": A's names through the
# rename hints.
hints > "$work/hints"
awk -F '\t' -v OFS='\t' '
  FILENAME == ARGV[1] {
    if ($1 == "table") { split($2, p, "."); tmap[substr($2, length(p[1]) + 2)] = $3 }
    if ($1 == "column") {
      s = substr($2, index($2, ".") + 1); k = index(s, ".")
      cmap[substr(s, 1, k - 1) "\t" substr(s, k + 1)] = $3
    }
    next
  }
  FILENAME == ARGV[2] { inb[$0] = 1; next }
  {
    nt = ($1 in tmap) ? tmap[$1] : $1
    nc = (($1 "\t" $2) in cmap) ? cmap[$1 "\t" $2] : $2
    if ((nt "\t" nc) in inb) print nt, nc, $1, $2
  }' "$work/hints" "$work/b.cols" "$work/a.cols" > "$work/kept.cols"
qi() { printf '"%s"' "${1//\"/\"\"}"; }  # test-side identifier quoting for sqlite3 queries
tables=$(cut -f1 "$work/kept.cols" | sort -u)
rows_intact() { # the kept columns of migrated database $1 hold A's rows; $2 names it
  local t tt c at ac cols cols_a ta ob
  while IFS= read -r t; do
    [ -z "$t" ] && continue
    cols=""
    cols_a=""
    ta=""
    while IFS=$'\t' read -r tt c at ac; do
      [ "$tt" = "$t" ] || continue
      cols="$cols${cols:+, }CAST($(qi "$c") AS TEXT)"
      cols_a="$cols_a${cols_a:+, }CAST($(qi "$ac") AS TEXT)"
      ta=$at
    done < "$work/kept.cols"
    ob=$(seq -s, 1 "$(echo "$cols" | awk -F'CAST' '{print NF-1}')")
    sqlite3 -bail "$work/a.db" "SELECT $cols_a FROM $(qi "$ta") ORDER BY $ob;" > "$work/rows.a"
    sqlite3 -bail "$1" "SELECT $cols FROM $(qi "$t") ORDER BY $ob;" > "$work/rows.a2"
    cmp -s "$work/rows.a" "$work/rows.a2" ||
      fail "$2: rows of kept columns in table $t changed:"$'\n'"$(diff "$work/rows.a" "$work/rows.a2" | head -20)"
  done <<< "$tables"
}
rows_intact "$work/a2.db" "A'"

if [ -n "${SD_RT_ROWS:-}" ]; then
  # The other clients, each on its own copy of the filled A, on the --plain script: sqlite3
  # without -bail (nothing stops it at an error) and Python's executescript.
  "$bin" diff --plain ${strict:+"$strict"} ${extra[@]+"${extra[@]}"} "$work/a.db" "$work/b.db" > "$work/plain.sql" 2> "$work/diff.err" ||
    fail "schemadrift diff --plain exited $?: $(cat "$work/diff.err")"
  { echo "PRAGMA foreign_keys=ON;"; cat "$work/plain.sql"; } > "$work/apply_plain.sql"
  for client in sqlite3 executescript; do
    cp "$work/a.db" "$work/a_$client.db"
    if ! sd_sqlite_client $client "$work/a_$client.db" "$work/apply_plain.sql" "$work/client.out" ||
       [ -s "$work/client.out" ]; then
      fail "$client: the --plain script failed: $(cat "$work/client.out")"$'\n'"--- plain.sql:"$'\n'"$(cat "$work/plain.sql")"
    fi
    "$bin" check ${strict:+"$strict"} "$work/b.db" "$work/a_$client.db" > "$work/check.out" 2>&1 ||
      fail "$client: check B A' found drift after the --plain script:"$'\n'"$(cat "$work/check.out")"
    rows_intact "$work/a_$client.db" "$client"
  done
fi

# Idempotence: nothing left to do.
"$bin" diff $strict "$work/a2.db" "$work/b.db" > "$work/again.sql"
[ -s "$work/again.sql" ] && fail "a second diff is not empty:"$'\n'"$(cat "$work/again.sql")"

# Snapshots: byte-stable, and load(write(m)) == m.
"$bin" inspect "$work/b.db" -o "$work/b1.yaml"
"$bin" inspect "$work/b.db" > "$work/b2.yaml"
cmp -s "$work/b1.yaml" "$work/b2.yaml" || fail "two snapshots of B differ"
"$bin" inspect "$work/b1.yaml" -o "$work/b3.yaml"
cmp -s "$work/b1.yaml" "$work/b3.yaml" || fail "snapshot -> model -> snapshot is not byte-identical"
"$bin" check "$work/b1.yaml" "$work/b.db" > /dev/null || fail "check SNAPSHOT(B) B found drift"
"$bin" inspect "$work/a2.db" -o "$work/a2.yaml"
"$bin" check "$work/b1.yaml" "$work/a2.yaml" $strict > /dev/null || fail "check SNAPSHOT(B) SNAPSHOT(A') found drift"
echo "ok: $(grep -c ';' "$work/up.sql" || true) statements applied"
