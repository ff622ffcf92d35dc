#!/usr/bin/env bash
# Round trip of one PostgreSQL schema pair, proved against PostgreSQL itself (the PostgreSQL
# twin of ../roundtrip_sqlite.sh):
#   create the roles of the "-- roles:" header; load FROM.sql into a new database A and TO.sql
#   into B; `schemadrift diff A B` > up.sql; apply up.sql to A (psql, ON_ERROR_STOP) giving A';
#   `diff --format json` describes up.sql step by step (tests/scripts/plan_check.py);
#   then `schemadrift check B A'` exits 0, pg_dump --schema-only of A' and of B agree (column
#   order inside CREATE TABLE aside), so the verdict does not rest on our own introspection
#   alone; rows of kept columns are intact; a second diff A' B is empty; snapshots of B are
#   byte-stable and match B. Identical schemas (same file, or pg_dump of A equal to B's) must
#   give an empty diff.
# Optional expectations, files next to FROM.sql (for a plan that is correct but does too
# much, or an order pg_dump's comparison above does not see):
#   expect_not.txt           one extended regex (grep -E) a line, '#' lines and blank lines
#                            aside: no line of up.sql may match any of them (e.g. an index
#                            that must not be dropped and created again);
#   expect_column_order.txt  one table a line, as quote_ident(schema).quote_ident(name):
#                            its columns in A' come in the same order as in B;
#   expect_sequences.txt     one sequence a line, named the same way: A' goes on from where
#                            A's was (pg_sequence_last_value), e.g. across a table rebuild;
#   rows_moved.txt           one partitioned table a line, named the same way, whose rows
#                            move between its partitions (a new partition takes rows from
#                            the DEFAULT one): its rows are compared as a whole, through its
#                            partitions, and its partitions' own rows are not compared each.
# An optional file "args" next to FROM.sql holds extra arguments for the `diff A B` that makes
# the migration (and for a `check A B` before it, which must then report drift, not fail), one
# argument a line; blank lines and lines starting with '#' are skipped. Rename hints in it
# (--rename schema:old=new, table:s.old=new, column:s.t.old=new, enum-value:s.type.old=new;
# plain lower-case names) also map A's tables, columns and enum values to B's for the
# kept-rows check, so rows of renamed objects must survive with their meaning.
# --using=TABLE.COLUMN=EXPR in it goes to diff only (check has no such option).
# --strict-column-order in it also applies to the checks after the migration (check B A' and
# the second diff), so that column order is verified there too.
# Usage: roundtrip_pg.sh SCHEMADRIFT STATEFILE FROM.sql TO.sql [NAME]
#   STATEFILE is the fixture's (tests/scripts/pg_tmp.sh); NAME (the CTest test name) names the
#   databases, so tests can run in parallel on the one server. The databases are dropped at
#   the end, also on failure; SD_KEEP_WORK=1 keeps the work directory (dumps, up.sql).
#   With SD_RT_ROWS=N in the environment, A also gets N generated rows per table (`schemadrift
#   fill A --rows N`) right after FROM.sql, so that a script that only works on the pair's own
#   few rows fails here and not at a user's; and the --plain script runs through psql
#   -v ON_ERROR_STOP=0 (clients_pg.sh: nothing stops psql at an error) on a copy of the filled
#   A (CREATE DATABASE ... TEMPLATE), with the same checks (check B, kept rows). up.sql itself
#   is applied by psql as emitted (only its own \set ON_ERROR_STOP on stops it).
#   With SD_RT_REFUSED=1 as well (pairs whose generated rows B rightly refuses, category (b)
#   of tests/cases/rows_known_failures.txt), the scripts are made past the preflight
#   (--no-preflight) and each client of clients_pg.sh runs them on its own copy of the filled
#   A: each must leave it byte-identical (pg_dump with rows), psql and psql -v ON_ERROR_STOP=1
#   must exit non-zero; then the test ends.
set -euo pipefail
if [ $# -lt 4 ] || [ $# -gt 5 ]; then
  echo "usage: $0 SCHEMADRIFT STATEFILE FROM.sql TO.sql [NAME]" >&2
  exit 2
fi
bin=$1
state=$2
from_sql=$3
to_sql=$4
name=${5:-rt.$(basename "$(dirname "$from_sql")").$(printf '%s %s' "$from_sql" "$to_sql" | md5sum | cut -c1-8)}

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC1091 # tests/scripts/pg_env.sh
. "$here/../../scripts/pg_env.sh"
# shellcheck source-path=SCRIPTDIR source=clients_pg.sh
. "$here/clients_pg.sh"
sd_pg_env "$state"

dba=$(sd_pg_dbname "$name" a)
dbb=$(sd_pg_dbname "$name" b)
# Copies of the filled A for the other clients.
dbp=$(sd_pg_dbname "$name" p)
dbc=()
for c in psql psql-stop psql-plain; do dbc+=("$(sd_pg_dbname "$name" "${c//-/_}")"); done
conn_a=$(sd_pg_conninfo "$dba")
conn_b=$(sd_pg_conninfo "$dbb")
work=$(mktemp -d "${TMPDIR:-/tmp}/sd-rtpg.XXXXXX")
cleanup() {
  sd_pg_dropdbs "$dba" "$dbb" "$dbp" "${dbc[@]}"
  if [ "${SD_KEEP_WORK:-0}" = 1 ]; then
    echo "(work dir kept: $work)" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
show() { # "--- label:" and the file, for failure messages
  printf '\n--- %s:\n%s' "$1" "$(head -c 20000 "$2")"
}

extra=()
args_file="$(dirname "$from_sql")/args"
if [ -f "$args_file" ]; then
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    extra+=("$line")
  done < "$args_file"
fi
# The rename hints among them, as "kind<TAB>old<TAB>new" lines.
for ((i = 0; i < ${#extra[@]}; i++)); do
  v=""
  case "${extra[$i]}" in
    --rename=*) v=${extra[$i]#--rename=} ;;
    --rename) v=${extra[$((i + 1))]:-} ;;
  esac
  [ -n "$v" ] || continue
  printf '%s\t%s\t%s\n' "${v%%:*}" "$(echo "${v#*:}" | cut -d= -f1)" "${v#*=}"
done > "$work/hints"
after_args=()
for a in ${extra[@]+"${extra[@]}"}; do
  [ "$a" != --strict-column-order ] || after_args+=("$a")
done
# --using (written --using=VALUE in args) converts values in the script only: check has no such
# option, so its checks get the rest.
check_extra=()
for a in ${extra[@]+"${extra[@]}"}; do
  case "$a" in --using=*) ;; *) check_extra+=("$a") ;; esac
done

for f in "$from_sql" "$to_sql"; do
  [ -r "$f" ] || fail "cannot read $f"
done
sd_pg_create_roles "$from_sql" "$to_sql" > "$work/roles.err" 2>&1 ||
  fail "could not create the header roles: $(cat "$work/roles.err")"

load() { # load SQL file $1 into new database $2
  sd_pg_createdb "$2" > "$work/createdb.err" 2>&1 || fail "could not create database $2: $(cat "$work/createdb.err")"
  sd_psql -d "$2" -f "$1" > /dev/null 2> "$work/load.err" ||
    fail "could not load $1: $(head -c 2000 "$work/load.err")"
}
load "$from_sql" "$dba"
load "$to_sql" "$dbb"

if [ -n "${SD_RT_ROWS:-}" ]; then
  # Rows in every ordinary table of A (ONLY: a parent's count leaves out its children's).
  count_sql="SELECT coalesce(sum((xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM ONLY %I.%I',
                 n.nspname, c.relname), false, true, '')))[1]::text::bigint), 0)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname !~ '^pg_(toast|temp_)'"
  before=$(sd_psql -d "$dba" -At -c "$count_sql") || fail "counting A's rows failed"
  # Numbered from 101 on in keys, so that the generated rows rarely meet the pair's own.
  rc=0
  "$bin" fill "$conn_a" --rows "$SD_RT_ROWS" --seed 100 > "$work/fill.sql" 2> "$work/fill.err" || rc=$?
  [ $rc -eq 0 ] || fail "schemadrift fill exited $rc: $(cat "$work/fill.err")"
  # ON_ERROR_STOP: each row's DO block swallows only the rows the schema refuses (SQLSTATE
  # classes 22 and 23), so any other error is a bug in the filler and stops the load.
  sd_psql -d "$dba" -f "$work/fill.sql" > /dev/null 2> "$work/fill.err" ||
    fail "loading the generated rows failed: $(head -c 2000 "$work/fill.err")"
  after=$(sd_psql -d "$dba" -At -c "$count_sql") || fail "counting A's rows failed"
  inserts=$(grep -c '^DO ' "$work/fill.sql" || true)
  [ "$inserts" -eq 0 ] || [ "$after" -gt "$before" ] ||
    fail "none of the $inserts generated rows could be inserted"
  echo "filled: $((after - before)) of $inserts generated rows inserted"
fi

if [ -n "${SD_RT_REFUSED:-}" ]; then
  [ -n "${SD_RT_ROWS:-}" ] || fail "SD_RT_REFUSED needs SD_RT_ROWS"
  "$bin" diff --no-preflight ${extra[@]+"${extra[@]}"} "$conn_a" "$conn_b" > "$work/up.sql" 2> "$work/diff.err" ||
    fail "schemadrift diff --no-preflight failed: $(cat "$work/diff.err")"
  "$bin" diff --no-preflight --plain ${extra[@]+"${extra[@]}"} "$conn_a" "$conn_b" > "$work/plain.sql" 2> "$work/diff.err" ||
    fail "schemadrift diff --no-preflight --plain failed: $(cat "$work/diff.err")"
  [ -s "$work/up.sql" ] || fail "the diff is empty: nothing to refuse the rows"
  sd_pg_full_dump "$dba" "$work/before.dump" 2> "$work/dump.err" || fail "pg_dump of A failed: $(cat "$work/dump.err")"
  i=0
  for client in psql psql-stop psql-plain; do
    script="$work/up.sql"
    [ "$client" = psql-plain ] && script="$work/plain.sql"
    msg=$(sd_pg_refused "$client" "$dba" "${dbc[$i]}" "$script" "$work/before.dump" "$work") || fail "$msg"
    i=$((i + 1))
  done
  echo "ok: the scripts left A unchanged through every client"
  exit 0
fi
sd_pg_dump "$dba" "$work/a.dump" || fail "pg_dump of A failed"
sd_pg_dump "$dbb" "$work/b.dump" || fail "pg_dump of B failed"

# ---- the oracle: `check A B` finds drift exactly when pg_dump of A and B differ ----------
# (normalized as below: column order inside CREATE TABLE, ACL order and option order aside).
# A difference pg_dump shows that check does not is a silent gap; the reverse is drift that
# PostgreSQL does not see. --strict-column-order makes column order count, which the
# normalized dumps leave out, so only the first half holds there.
sd_pg_dump_normalize "$work/a.dump" > "$work/a.norm"
sd_pg_dump_normalize "$work/b.dump" > "$work/b.norm"
rc=0
"$bin" check ${check_extra[@]+"${check_extra[@]}"} "$conn_a" "$conn_b" > "$work/oracle.out" 2>&1 || rc=$?
if cmp -s "$work/a.norm" "$work/b.norm"; then
  if [ $rc -ne 0 ] && [ ${#after_args[@]} -eq 0 ]; then
    fail "check A B exited $rc but pg_dump of A and B agree:"$'\n'"$(head -c 4000 "$work/oracle.out")"
  fi
elif [ $rc -ne 1 ]; then
  diff -u "$work/b.norm" "$work/a.norm" > "$work/oracle.diff" || true
  fail "check A B exited $rc but pg_dump of A and B differ (a silent gap; - B, + A):"$'\n'"$(head -60 "$work/oracle.diff")"$'\n'"--- check said:"$'\n'"$(head -c 2000 "$work/oracle.out")"
fi

# ---- rows of kept columns, read before the migration -----------------------------------
if [ -f "$(dirname "$from_sql")/rows_moved.txt" ]; then
  while IFS= read -r q; do
    case $q in '' | '#'*) continue ;; esac
    printf 'whole\t%s\n' "$q"
    qq=${q//\'/\'\'}
    sd_psql -d "$dba" -At -c "SELECT 'part' || chr(9) || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
      FROM pg_catalog.pg_partition_tree('$qq'::regclass) t JOIN pg_class c ON c.oid = t.relid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE t.level > 0" ||
      fail "reading the partitions of $q failed"
  done < "$(dirname "$from_sql")/rows_moved.txt" >> "$work/hints"
fi
# Columns (not generated) of tables present in A and in B, each table's own rows (ONLY: rows
# of inheritance children and partitions are compared in those tables). A column whose type
# differs is compared by NULL-ness only, so a legitimate change of representation is not a
# failure but a drop-and-re-add that loses the values is. "Type" includes the attributes of a
# composite (or array of composite) type and the base type of a domain: their text form
# changes with them.
columns_sql="SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(a.attname),
       format_type(a.atttypid, a.atttypmod)
       || coalesce(' ' || format_type(nullif(e.typbasetype, 0), e.typtypmod), '')
       || coalesce(' (' || (SELECT string_agg(quote_ident(ca.attname) || ' '
                                              || format_type(ca.atttypid, ca.atttypmod), ', '
                                              ORDER BY ca.attnum)
                              FROM pg_attribute ca
                             WHERE ca.attrelid = e.typrelid AND ca.attnum > 0
                               AND NOT ca.attisdropped) || ')', '')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid
  JOIN pg_type t ON t.oid = a.atttypid
  JOIN pg_type e ON e.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
 WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                   AND d.objid = c.oid AND d.deptype = 'e')
 ORDER BY 1, a.attnum"
sd_psql -d "$dba" -At -F $'\t' -c "$columns_sql" > "$work/a.cols" || fail "reading A's columns failed"
sd_psql -d "$dbb" -At -F $'\t' -c "$columns_sql" > "$work/b.cols" || fail "reading B's columns failed"
# Two psql scripts, for A (its names) and A' (B's names, A's through the rename hints): for
# each kept table, a marker line and its rows as text, in a fixed order. A value of a renamed
# enum value is read from A as its new label.
awk -F '\t' -v rows_a="$work/rows_a.sql" -v rows_a2="$work/rows_a2.sql" '
  FILENAME == ARGV[1] {
    if ($1 == "schema") smap[$2] = $3
    if ($1 == "table") tmap[$2] = $3
    if ($1 == "whole") whole[$2] = 1
    if ($1 == "part") part[$2] = 1
    if ($1 == "column") { k = match($2, /\.[^.]*$/); cmap[substr($2, 1, k - 1) "\t" substr($2, k + 1)] = $3 }
    if ($1 == "enum-value") {
      k = match($2, /\.[^.]*$/); ty = substr($2, 1, k - 1); sub(/^public\./, "", ty)
      v = substr($2, k + 1); gsub(/\x27/, "\x27\x27", v); n3 = $3; gsub(/\x27/, "\x27\x27", n3)
      emap[ty] = emap[ty] " WHEN \x27" v "\x27 THEN \x27" n3 "\x27"
    }
    next
  }
  FILENAME == ARGV[2] { type[$1 "\t" $2] = $3; next }
  $1 in part { next }
  {
    nt = $1
    k = index(nt, "."); sc = substr(nt, 1, k - 1)
    if (sc in smap) nt = smap[sc] substr(nt, k)
    if ($1 in tmap) { k = index($1, "."); nt = substr(nt, 1, index(nt, ".")) tmap[$1] }
    nc = (($1 "\t" $2) in cmap) ? cmap[$1 "\t" $2] : $2
    if (!((nt "\t" nc) in type)) next
    same = ($3 == type[nt "\t" nc])
    ea = same ? "(" $2 ")::text" : "((" $2 ") IS NULL)::text"
    if (same && ($3 in emap)) ea = "CASE (" $2 ")::text" emap[$3] " ELSE (" $2 ")::text END"
    ty = $3; sub(/\[\]$/, "", ty)
    if (same && $3 != ty && (ty in emap))
      ea = "CASE WHEN " $2 " IS NOT NULL THEN array(SELECT CASE u::text" emap[ty] " ELSE u::text END" \
           " FROM unnest(" $2 ") WITH ORDINALITY AS x(u, o) ORDER BY o)::text END"
    e2 = same ? "(" nc ")::text" : "((" nc ") IS NULL)::text"
    if (!(nt in ex_a)) { order[++n] = nt; src[nt] = $1; ex_a[nt] = ea; ex_a2[nt] = e2; cnt[nt] = 1 }
    else { ex_a[nt] = ex_a[nt] ", " ea; ex_a2[nt] = ex_a2[nt] ", " e2; cnt[nt]++ }
  }
  END {
    for (i = 1; i <= n; i++) {
      t = order[i]; ob = "1"
      for (k = 2; k <= cnt[t]; k++) ob = ob ", " k
      m = t; gsub(/\x27/, "\x27\x27", m)
      print "SELECT \x27--- table " m "\x27;" > rows_a
      only = (src[t] in whole) ? " FROM " : " FROM ONLY "
      print "SELECT " ex_a[t] only src[t] " ORDER BY " ob ";" > rows_a
      print "SELECT \x27--- table " m "\x27;" > rows_a2
      print "SELECT " ex_a2[t] only t " ORDER BY " ob ";" > rows_a2
    }
    printf "" > rows_a; printf "" > rows_a2
  }' "$work/hints" "$work/b.cols" "$work/a.cols"
rows() { # rows of the kept columns of database $1 into file $2, read with script $3
  sd_psql -d "$1" -At -P null='<NULL>' -f "$3" > "$2" 2> "$work/rows.err"
}
rows "$dba" "$work/rows.a" "$work/rows_a.sql" || fail "reading A's rows failed: $(cat "$work/rows.err")"
seqs() { # last value of each sequence of expect_sequences.txt in database $1, into file $2
  : > "$2"
  while IFS= read -r q; do
    case $q in '' | '#'*) continue ;; esac
    qq=${q//\'/\'\'}
    printf '%s\t%s\n' "$q" "$(sd_psql -d "$1" -At -c "SELECT coalesce(pg_catalog.pg_sequence_last_value('$qq'::regclass)::text, 'not called')")" >> "$2" ||
      return 1
  done < "$(dirname "$from_sql")/expect_sequences.txt"
}
if [ -f "$(dirname "$from_sql")/expect_sequences.txt" ]; then
  seqs "$dba" "$work/seqs.a" || fail "reading A's sequences failed"
fi

# ---- the migration ------------------------------------------------------------------------
rc=0
"$bin" diff ${extra[@]+"${extra[@]}"} "$conn_a" "$conn_b" > "$work/up.sql" 2> "$work/diff.err" || rc=$?
[ $rc -eq 0 ] || fail "schemadrift diff exited $rc: $(cat "$work/diff.err")"
if [ ${#check_extra[@]} -gt 0 ]; then
  rc=0
  "$bin" check ${check_extra[@]+"${check_extra[@]}"} "$conn_a" "$conn_b" > "$work/precheck.out" 2>&1 || rc=$?
  [ $rc -eq 1 ] || fail "check A B with the pair's args exited $rc (drift expected):"$'\n'"$(cat "$work/precheck.out")"
fi
[ -s "$work/diff.err" ] && echo "schemadrift diff said on stderr: $(cat "$work/diff.err")" >&2
# The JSON plan describes exactly this script, step by step.
"$bin" diff --format json ${extra[@]+"${extra[@]}"} "$conn_a" "$conn_b" > "$work/plan.json" 2> "$work/plan.err" ||
  fail "schemadrift diff --format json failed: $(cat "$work/plan.err")"
python3 "$here/../../scripts/plan_check.py" "$work/up.sql" "$work/plan.json" 2> "$work/plan.err" ||
  fail "the JSON plan does not describe the script: $(cat "$work/plan.err")$(show up.sql "$work/up.sql")"

if [ -s "$work/up.sql" ]; then
  if cmp -s "$from_sql" "$to_sql"; then
    fail "identical schemas gave a non-empty diff:$(show up.sql "$work/up.sql")"
  fi
  if cmp -s "$work/a.dump" "$work/b.dump"; then
    fail "schemas with identical pg_dump output gave a non-empty diff:$(show up.sql "$work/up.sql")"
  fi
fi

case_dir=$(dirname "$from_sql")
if [ -f "$case_dir/expect_not.txt" ]; then
  while IFS= read -r re; do
    case $re in '' | '#'*) continue ;; esac
    hit=$(grep -n -E -m1 -- "$re" "$work/up.sql" || true)
    [ -z "$hit" ] || fail "up.sql has a line expect_not.txt excludes ($re): $hit$(show up.sql "$work/up.sql")"
  done < "$case_dir/expect_not.txt"
fi

if [ -n "${SD_RT_ROWS:-}" ]; then
  "$bin" diff --plain ${extra[@]+"${extra[@]}"} "$conn_a" "$conn_b" > "$work/plain.sql" 2> "$work/diff.err" ||
    fail "schemadrift diff --plain failed: $(cat "$work/diff.err")"
  sd_pg_clone "$dba" "$dbp" > "$work/clone.err" 2>&1 || fail "cannot copy A: $(cat "$work/clone.err")"
fi

# An ERROR that psql went past (a script without its \set ON_ERROR_STOP on) fails too.
if ! sd_pg_client psql "$dba" "$work/up.sql" "$work/apply.err" || grep -q 'ERROR:' "$work/apply.err"; then
  fail "applying the diff failed: $(head -c 2000 "$work/apply.err")$(show up.sql "$work/up.sql")"
fi

rc=0
"$bin" check ${after_args[@]+"${after_args[@]}"} "$conn_b" "$conn_a" > "$work/check.out" 2>&1 || rc=$?
[ $rc -eq 0 ] ||
  fail "check B A' exited $rc after applying the diff: $(grep -m1 . "$work/check.out")"$'\n'"$(head -c 20000 "$work/check.out")$(show up.sql "$work/up.sql")"

# PostgreSQL's own view: pg_dump of A' and B agree.
sd_pg_dump "$dba" "$work/a2.dump" || fail "pg_dump of A' failed"
sd_pg_dump_normalize "$work/a2.dump" > "$work/a2.norm"
sd_pg_dump_normalize "$work/b.dump" > "$work/b.norm"
if ! cmp -s "$work/b.norm" "$work/a2.norm"; then
  diff -U2 "$work/b.norm" "$work/a2.norm" | tail -n +3 > "$work/dump.diff" || true
  # The first changed statement line (not a "-- Name:" comment), for the one-line reason.
  first=$(awk '/^[-+]/ && substr($0, 2) !~ /^(--|[[:space:]]*$)/ { print; exit }' "$work/dump.diff")
  fail "pg_dump of A' differs from B's at: ${first:-?}"$'\n'"(- B, + A'):"$'\n'"$(head -80 "$work/dump.diff")$(show up.sql "$work/up.sql")"
fi

if [ -f "$case_dir/expect_column_order.txt" ]; then
  # Every column, generated ones too, in attnum order.
  order_sql="SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), quote_ident(a.attname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid
 WHERE a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum"
  sd_psql -d "$dbb" -At -F $'\t' -c "$order_sql" > "$work/b.order" || fail "reading B's columns failed"
  sd_psql -d "$dba" -At -F $'\t' -c "$order_sql" > "$work/a2.order" || fail "reading the columns of A' failed"
  while IFS= read -r t; do
    case $t in '' | '#'*) continue ;; esac
    awk -F '\t' -v t="$t" '$1 == t { print $2 }' "$work/b.order" > "$work/order.b"
    awk -F '\t' -v t="$t" '$1 == t { print $2 }' "$work/a2.order" > "$work/order.a2"
    [ -s "$work/order.b" ] || fail "expect_column_order.txt: no table $t in B"
    cmp -s "$work/order.b" "$work/order.a2" ||
      fail "columns of $t in A' are not in B's order (B: $(paste -sd, "$work/order.b"); A': $(paste -sd, "$work/order.a2"))$(show up.sql "$work/up.sql")"
  done < "$case_dir/expect_column_order.txt"
fi

if [ -f "$case_dir/expect_sequences.txt" ]; then
  seqs "$dba" "$work/seqs.a2" || fail "reading the sequences of A' failed"
  cmp -s "$work/seqs.a" "$work/seqs.a2" ||
    fail "sequences do not go on from where they were (- before, + after):"$'\n'"$(diff "$work/seqs.a" "$work/seqs.a2")"
fi

rows "$dba" "$work/rows.a2" "$work/rows_a2.sql" || fail "reading the kept columns of A' failed: $(cat "$work/rows.err")"
cmp -s "$work/rows.a" "$work/rows.a2" ||
  fail "rows of kept columns changed (- before, + after):"$'\n'"$(diff -U1 "$work/rows.a" "$work/rows.a2" | tail -n +3 | head -40)"

if [ -n "${SD_RT_ROWS:-}" ]; then
  # The --plain script through psql that goes on after errors, on its copy of the filled A.
  rc=0
  sd_pg_client psql-plain "$dbp" "$work/plain.sql" "$work/plain.err" || rc=$?
  if [ $rc -ne 0 ] || grep -q 'ERROR:' "$work/plain.err"; then
    fail "psql-plain: the --plain script failed: $(head -c 2000 "$work/plain.err")$(show plain.sql "$work/plain.sql")"
  fi
  rc=0
  "$bin" check "$conn_b" "$(sd_pg_conninfo "$dbp")" > "$work/check.out" 2>&1 || rc=$?
  [ $rc -eq 0 ] ||
    fail "psql-plain: check B A' exited $rc after the --plain script: $(grep -m1 . "$work/check.out")"$'\n'"$(head -c 20000 "$work/check.out")"
  rows "$dbp" "$work/rows.p" "$work/rows_a2.sql" || fail "reading the kept columns of the --plain copy failed: $(cat "$work/rows.err")"
  cmp -s "$work/rows.a" "$work/rows.p" ||
    fail "psql-plain: rows of kept columns changed (- before, + after):"$'\n'"$(diff -U1 "$work/rows.a" "$work/rows.p" | tail -n +3 | head -40)"
  sd_pg_dropdbs "$dbp"
fi

# Idempotence: nothing left to do.
rc=0
"$bin" diff ${after_args[@]+"${after_args[@]}"} "$conn_a" "$conn_b" > "$work/again.sql" 2> "$work/again.err" || rc=$?
[ $rc -eq 0 ] || fail "second schemadrift diff exited $rc: $(cat "$work/again.err")"
[ -s "$work/again.sql" ] && fail "a second diff is not empty:$(show again.sql "$work/again.sql")"

# Snapshots: byte-stable, load(write(m)) == m, and a snapshot matches its database.
"$bin" inspect "$conn_b" -o "$work/b1.yaml" 2> "$work/inspect.err" || fail "inspect B failed: $(cat "$work/inspect.err")"
"$bin" inspect "$conn_b" > "$work/b2.yaml" 2> "$work/inspect.err" || fail "inspect B to stdout failed: $(cat "$work/inspect.err")"
cmp -s "$work/b1.yaml" "$work/b2.yaml" ||
  fail "two snapshots of B differ:"$'\n'"$(diff "$work/b1.yaml" "$work/b2.yaml" | head -40)"
"$bin" inspect "$work/b1.yaml" -o "$work/b3.yaml" 2> "$work/inspect.err" || fail "reading B's snapshot failed: $(cat "$work/inspect.err")"
cmp -s "$work/b1.yaml" "$work/b3.yaml" ||
  fail "snapshot -> model -> snapshot is not byte-identical:"$'\n'"$(diff "$work/b1.yaml" "$work/b3.yaml" | head -40)"
"$bin" check "$work/b1.yaml" "$conn_b" > "$work/check.out" 2>&1 ||
  fail "check SNAPSHOT(B) B found drift:"$'\n'"$(head -c 20000 "$work/check.out")"
"$bin" inspect "$conn_a" -o "$work/a2.yaml" 2> "$work/inspect.err" || fail "inspect A' failed: $(cat "$work/inspect.err")"
"$bin" check "$work/b1.yaml" "$work/a2.yaml" > "$work/check.out" 2>&1 ||
  fail "check SNAPSHOT(B) SNAPSHOT(A') found drift:"$'\n'"$(head -c 20000 "$work/check.out")"
echo "ok: $(grep -c ';' "$work/up.sql" || true) statements applied"
