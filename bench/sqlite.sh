#!/usr/bin/env bash
# schemadrift benchmark, SQLite: generate large SQLite schemas, time the tool against them,
# check that the generated migration round-trips, and print the results as a Markdown table.
#
#   bench/sqlite.sh [--write] [SIZE...]  SIZE = number of tables (default: 1000 5000)
#   (also: bench/run.sh --engine sqlite ...)
#
# --write replaces the SQLite results section of bench/README.md (between its marker lines).
# Environment: RUNS (runs per command, median reported; default 5), TIMEOUT (seconds allowed
# per single run of a command; default 600), APPLY_TIMEOUT (seconds allowed for applying the
# migration in the round-trip check; default 1800), SCHEMADRIFT (binary; default
# build/schemadrift, built with `make build` when missing), KEEP=1 (keep the work directory),
# BENCH_TMP (where the work directory is made; default $TMPDIR or /tmp), BENCH_CACHE (a
# directory where the loaded databases are kept and reused by later runs; default: none).
#
# Uses only bash, awk (any POSIX awk: mawk, gawk), sqlite3, coreutils and GNU time
# (/usr/bin/time, Debian package `time`). Missing packages are installed with
# scripts/install-deps.sh. See bench/README.md.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
readme=${BENCH_README:-$here/README.md}
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

write=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --write) write=1 ;;
    -h|--help) usage; exit 0 ;;
    ''|*[!0-9]*) echo "sqlite.sh: not a table count: '$arg' (try --help)" >&2; exit 2 ;;
    *)
      if [ "$arg" -lt 10 ]; then echo "sqlite.sh: size must be at least 10 tables" >&2; exit 2; fi
      sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)
RUNS=${RUNS:-5}
TIMEOUT=${TIMEOUT:-600}
APPLY_TIMEOUT=${APPLY_TIMEOUT:-1800}
case "$RUNS" in ''|*[!0-9]*|0) echo "sqlite.sh: RUNS must be a positive integer" >&2; exit 2 ;; esac

# --- dependencies ---------------------------------------------------------------------------
need=()
command -v sqlite3 >/dev/null || need+=(sqlite3)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  "$repo/scripts/install-deps.sh" time sqlite3
fi
command -v awk >/dev/null || { echo "sqlite.sh: awk not found" >&2; exit 2; }

work=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/schemadrift-bench.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "sqlite.sh: work directory kept: $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

setup_schemadrift "$repo" sqlite.sh

# --- schema generator -----------------------------------------------------------------------
# One awk program writes either the base schema (drift=0) or the drifted one (drift=1). Every
# choice comes from a fixed arithmetic hash of (table number, purpose), so both files and every
# run are identical, and the drifted file differs from the base only where a drift decision
# says so. The drifted file ends with a comment "-- drifted objects: N".
cat > "$work/gen.awk" <<'AWK'
function rnd(i, k,   s) {              # deterministic hash of (i, k) in [1, 2^31-2]
  s = (i * 7919 + k * 104729 + 12345) % P
  if (s == 0) s = 1
  s = (s * 16807) % P
  s = (s + (s % 9973) * (s % 7919) * 31) % P
  s = (s * 16807) % P
  s = (s + (s % 9967) * (s % 7907) * 29) % P
  s = (s * 16807) % P
  return s
}
function tn(i) { return sprintf("t%05d", i) }
function cn(k) { return sprintf("c%02d", k) }
# Column definition k of table i. cls: int, text, dt, real, blob, any. swap: type changed.
function coldef(i, k, strict, swap,   t, typ, cls, dcls, nn, hasdef, def, r, s) {
  if (k == 2) t = 1
  else if (k == 3) t = 0
  else t = rnd(i, 100 + k) % 8
  if (strict) {
    if (t == 0) { typ = "INTEGER"; cls = "int" }
    else if (t == 1 || t == 2) { typ = "TEXT"; cls = "text" }
    else if (t == 3 || t == 4) { typ = "REAL"; cls = "real" }
    else if (t == 5) { typ = "INT"; cls = "int" }
    else if (t == 6) { typ = "TEXT"; cls = "dt" }
    else if (rnd(i, 300 + k) % 2) { typ = "ANY"; cls = "any" }
    else { typ = "BLOB"; cls = "blob" }
  } else {
    if (t == 0) { typ = "INTEGER"; cls = "int" }
    else if (t == 1) { typ = "TEXT"; cls = "text" }
    else if (t == 2) { typ = "VARCHAR(64)"; cls = "text" }
    else if (t == 3) { typ = "REAL"; cls = "real" }
    else if (t == 4) { typ = "NUMERIC(10,2)"; cls = "real" }
    else if (t == 5) { typ = "BOOLEAN"; cls = "int" }
    else if (t == 6) { typ = "DATETIME"; cls = "dt" }
    else { typ = "BLOB"; cls = "blob" }
  }
  if (swap) {                          # drift: type change (the default keeps its value
    dcls = cls                          # on plain tables; STRICT ones get one of the new type)
    if (cls == "int") { typ = "TEXT"; cls = "text" } else { typ = "INTEGER"; cls = "int" }
    if (!strict) cls = dcls
  }
  r = rnd(i, 200 + k)
  nn = (r % 10 < 4)
  hasdef = nn ? (r % 40 >= 10) : (r % 40 < 10)
  def = ""
  if (hasdef) {
    s = int(r / 40) % 4
    if (cls == "int") def = (s == 0) ? "0" : (s == 1) ? "-1" : (s == 2) ? "42" : "(abs(-7))"
    else if (cls == "text") def = (s == 0) ? "'n/a'" : (s == 1) ? "''" : (s == 2) ? "'it''s'" : "(lower('X'))"
    else if (cls == "dt") def = (s < 2) ? "CURRENT_TIMESTAMP" : "'1970-01-01 00:00:00'"
    else if (cls == "real") def = (s == 0) ? "0.0" : (s == 1) ? "1.5" : (s == 2) ? "-2.5e3" : "(1.0 / 4)"
    else if (cls == "blob") def = "X'00'"
  }
  s = "  " cn(k) " " typ
  if (nn) s = s " NOT NULL"
  if (def != "") s = s " DEFAULT " def
  if ((cls == "text" || cls == "dt") && rnd(i, 400 + k) % 5 == 0) s = s " COLLATE NOCASE"
  if (k == 5 && i % 13 == 0) s = s " UNIQUE"
  if (k == 2 && i % 5 == 2) s = s " CHECK (length(c02) <= 200)"
  return s
}
function parent(i,   j) {              # an earlier table with a single-column INTEGER PRIMARY KEY
  j = 1 + rnd(i, 2) % (i - 1)
  while (j > 1 && j % 17 == 0) j--
  return j
}
function table(i, kind,   ncols, strict, comp, wr, fk, L, k, out, cons, j, act, ck, n) {
  ncols = 10 + rnd(i, 1) % 16
  strict = (i % 6 == 0)
  comp = (i % 17 == 0)
  wr = (i % 34 == 0)
  fk = (i > 1 && i % 3 == 0)
  L = ncols - fk
  n = 0
  if (comp) out[++n] = "  id INTEGER NOT NULL"
  else if (i % 23 == 0) out[++n] = "  id INTEGER PRIMARY KEY AUTOINCREMENT"
  else out[++n] = "  id INTEGER PRIMARY KEY"
  if (fk) {
    j = parent(i)
    act = rnd(i, 3) % 3
    act = (act == 0) ? " ON DELETE CASCADE" : (act == 1) ? " ON DELETE SET NULL ON UPDATE CASCADE" : ""
    if (i % 2 == 0) out[++n] = "  parent_id INTEGER REFERENCES " tn(j) "(id)" act
    else out[++n] = "  parent_id INTEGER"
  }
  for (k = 2; k <= L; k++) {
    if (k == L && kind == 2) continue                      # drift: drop the last column
    out[++n] = coldef(i, k, strict, (k == L && kind == 3))  # drift: change its type
  }
  if (kind == 1) out[++n] = "  added_col TEXT DEFAULT 'new'" # drift: add a column
  if (comp) out[++n] = "  PRIMARY KEY (id, c03)"
  if (i % 4 == 1) out[++n] = "  UNIQUE (c03, c04)"
  ck = ""
  if (i % 3 == 1) ck = "CHECK (c03 >= 0)"
  if (kind == 6) ck = "CHECK (c03 >= 1)"                    # drift: a CHECK changed (or added)
  if (ck != "") out[++n] = "  " ((i % 9 == 1) ? "CONSTRAINT ck_" tn(i) " " : "") ck
  if (fk && i % 2 == 1) out[++n] = "  FOREIGN KEY (parent_id) REFERENCES " tn(j) "(id)" act
  printf "CREATE TABLE %s (\n", tn(i)
  for (k = 1; k <= n; k++) printf "%s%s\n", out[k], (k < n ? "," : "")
  printf ")%s%s;\n", (strict ? " STRICT" : ""), (wr ? (strict ? ", WITHOUT ROWID" : " WITHOUT ROWID") : "")
  if (fk) printf "CREATE INDEX fx_%s ON %s(parent_id);\n", tn(i), tn(i)
}
function indexes(i, kind,   t, hasix) {
  t = tn(i)
  hasix = (rnd(i, 60) % 10 < 8)
  if (hasix && kind != 4) {
    if (rnd(i, 61) % 3 == 0) printf "CREATE INDEX ix_%s_c03 ON %s(c03, c04 DESC);\n", t, t
    else printf "CREATE INDEX ix_%s_c03 ON %s(c03);\n", t, t
  }
  if (i % 4 == 2) printf "CREATE INDEX px_%s ON %s(c04) WHERE c04 IS NOT NULL;\n", t, t
  if (i % 5 == 3) printf "CREATE INDEX lx_%s ON %s(lower(c02));\n", t, t
  if (i % 8 == 5) printf "CREATE UNIQUE INDEX ux_%s ON %s(c02, c03)%s;\n", t, t, (i % 16 == 13 ? " WHERE c03 > 0" : "")
  if (i % 7 == 4) printf "CREATE INDEX cx_%s ON %s(c02 COLLATE NOCASE, c05 DESC);\n", t, t
  if (kind == 5 || (kind == 4 && !hasix)) printf "CREATE INDEX dx_%s ON %s(c04, c05);\n", t, t
}
function view(i, vd,   v) {
  v = sprintf("v%05d", i)
  if (i % 90 == 0)
    printf "CREATE VIEW %s AS SELECT id, c02 FROM v%05d UNION ALL SELECT id, c02 FROM v%05d%s;\n", v, i - 10, i - 60, (vd ? " WHERE id > 0" : "")
  else if (i % 30 == 0)
    printf "CREATE VIEW %s AS SELECT a.id, a.c02, b.c03 FROM v%05d a JOIN %s b ON b.id = a.id%s;\n", v, i - 10, tn(i), (vd ? " WHERE b.c03 > 0" : "")
  else
    printf "CREATE VIEW %s AS SELECT id, c02, c03 FROM %s WHERE c03 IS NOT NULL%s;\n", v, tn(i), (vd ? " AND id > 0" : "")
}
function trigger(i,   t) {
  t = tn(i)
  if (i % 50 == 25)
    printf "CREATE TRIGGER tr_%s BEFORE INSERT ON %s WHEN NEW.c03 < 0 BEGIN SELECT RAISE(ABORT, 'negative c03'); END;\n", t, t
  else if (i % 20 == 5)
    printf "CREATE TRIGGER tr_%s AFTER UPDATE OF c02 ON %s FOR EACH ROW WHEN NEW.c02 IS NOT OLD.c02 BEGIN UPDATE %s SET c03 = c03 + 0 WHERE id = NEW.id; END;\n", t, t, t
  else
    printf "CREATE TRIGGER tr_%s AFTER DELETE ON %s BEGIN DELETE FROM %s WHERE c03 = OLD.id; END;\n", t, t, tn(i - 3)
}
BEGIN {
  P = 2147483647
  changed = 0
  print "BEGIN;"
  for (i = 1; i <= N; i++) {
    kind = 0
    if (drift && rnd(i, 50) % 1000 < 50) { kind = 1 + rnd(i, 51) % 6; changed++ }
    table(i, kind)
    indexes(i, kind)
  }
  for (i = 10; i <= N; i += 10) {
    vd = (drift && rnd(i, 52) % 100 < 15)
    if (vd) changed++
    view(i, vd)
  }
  for (i = 15; i <= N; i += 10) trigger(i)
  print "COMMIT;"
  if (drift) printf "-- drifted objects: %d\n", changed
}
AWK

# --- measurement helpers: see lib.sh (run_once, finish, cell) ----------------------------

cat > "$work/catalog.sql" <<'SQL'
SELECT m.name, p.* FROM sqlite_schema m, pragma_table_xinfo(m.name) p WHERE m.type = 'table';
SELECT m.name, il.*, ix.* FROM sqlite_schema m, pragma_index_list(m.name) il, pragma_index_xinfo(il.name) ix WHERE m.type = 'table';
SELECT m.name, f.* FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table';
SELECT * FROM pragma_table_list;
SELECT type, name, tbl_name, sql FROM sqlite_schema;
SQL

# --- run ------------------------------------------------------------------------------------
keys=(inspect check_db diff check_yaml schema catalog)
rows=()
perobj=()
sqlside=()
t_start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "schemadrift: $SD_SRC ($sd_version, built $sd_built), copied to $SD; RUNS=$RUNS TIMEOUT=${TIMEOUT}s; work dir $work"
for size in "${sizes[@]}"; do
  d="$work/$size"
  mkdir -p "$d"
  log "size $size: generating schemas"
  awk -v N="$size" -v drift=0 -f "$work/gen.awk" > "$d/base.sql"
  awk -v N="$size" -v drift=1 -f "$work/gen.awk" > "$d/drifted.sql"
  drifted_objs=$(sed -n 's/^-- drifted objects: //p' "$d/drifted.sql")
  # The two loads run side by side (nothing is being measured yet). SQLite's own CREATE cost
  # grows with the schema already there, so this step is quadratic (see README).
  # With BENCH_CACHE set, loaded databases are kept there per generator version and size, and
  # reused by later runs (the load is the slowest step at 10000 tables).
  cached=""
  [ -z "${BENCH_CACHE:-}" ] || cached="$BENCH_CACHE/gen-$(cksum < "$work/gen.awk" | awk '{ print $1 }')/$size"
  if [ -n "$cached" ] && [ -f "$cached/base.db" ] && [ -f "$cached/drifted.db" ] && [ -f "$cached/load_s" ]; then
    cp "$cached/base.db" "$cached/drifted.db" "$d/"
    load_s=$(cat "$cached/load_s")
    log "size $size: databases taken from $cached"
  else
    g0=$EPOCHREALTIME
    sqlite3 -bail "$d/base.db" < "$d/base.sql" & p1=$!
    sqlite3 -bail "$d/drifted.db" < "$d/drifted.sql" & p2=$!
    wait "$p1" || { echo "sqlite.sh: loading base.sql failed (size $size)" >&2; exit 2; }
    wait "$p2" || { echo "sqlite.sh: loading drifted.sql failed (size $size)" >&2; exit 2; }
    g1=$EPOCHREALTIME
    load_s=$(awk -v a="$g0" -v b="$g1" 'BEGIN { printf "%.1f", b - a }')
    if [ -n "$cached" ]; then
      mkdir -p "$cached"
      cp "$d/base.db" "$d/drifted.db" "$cached/"
      echo "$load_s" > "$cached/load_s"
    fi
  fi
  objects=$(sqlite3 "$d/base.db" "SELECT count(*) FROM sqlite_schema WHERE type IN ('table','index','view','trigger')")
  breakdown=$(sqlite3 "$d/base.db" "SELECT group_concat(n || ' ' || type || CASE type WHEN 'index' THEN 'es' ELSE 's' END, ', ') FROM (SELECT type, count(*) n FROM sqlite_schema GROUP BY type ORDER BY type)")
  log "size $size: $objects objects ($breakdown), $drifted_objs drifted; both DBs loaded in $load_s s"

  reset_keys "${keys[@]}"
  for ((round = 1; round <= RUNS; round++)); do
    log "size $size: round $round of $RUNS"
    run_once inspect    0 /dev/null      "$SD" inspect "$d/base.db" -o "$d/snap.yaml"
    run_once check_db   1 "$d/check.txt" "$SD" check "$d/base.db" "$d/drifted.db"
    run_once diff       0 "$d/out.sql"   "$SD" diff "$d/base.db" "$d/drifted.db"
    run_once check_yaml 0 /dev/null      "$SD" check "$d/snap.yaml" "$d/base.db"
    run_once schema     0 /dev/null      sqlite3 "$d/base.db" .schema
    run_once catalog    0 /dev/null      sqlite3 -bail "$d/base.db" ".read $work/catalog.sql"
  done
  for k in "${keys[@]}"; do finish "$k"; done
  snap_bytes=$(stat -c %s "$d/snap.yaml" 2>/dev/null || echo 0)
  differences=$(tail -n 1 "$d/check.txt" | sed -n 's/^\([0-9][0-9]*\) difference.*/\1/p')

  # Round trip: the diff applied to a copy of base must leave no drift against drifted.
  # The apply is timed too: it is SQLite's cost of the generated migration.
  rt=""
  apply_s=n/a
  alters=$(grep -c '^ALTER TABLE' "$d/out.sql" || true)
  rebuilds=$(grep -c '^ALTER TABLE .* RENAME TO ' "$d/out.sql" || true)
  cp "$d/base.db" "$d/copy.db"
  log "size $size: applying out.sql ($(wc -l < "$d/out.sql") lines, $alters ALTER TABLE of which $rebuilds table rebuilds) to a copy of base.db"
  if [ "${R_STATUS[diff]}" != ok ]; then
    rt="fail (diff did not run cleanly)"
  else
    set +e
    a0=$EPOCHREALTIME
    timeout "$APPLY_TIMEOUT" sqlite3 -bail "$d/copy.db" < "$d/out.sql" > /dev/null 2> "$d/apply.err"
    rc=$?
    a1=$EPOCHREALTIME
    set -e
    apply_s=$(awk -v a="$a0" -v b="$a1" 'BEGIN { printf "%.1f", b - a }')
    if [ "$rc" -eq 124 ]; then
      rt="fail (applying out.sql: timeout after ${APPLY_TIMEOUT}s)"; apply_s=">$APPLY_TIMEOUT"
    elif [ "$rc" -ne 0 ]; then
      rt="fail (applying out.sql: exit $rc: $(head -c 200 "$d/apply.err" | tr '\n' ' '))"
    fi
  fi
  if [ -z "$rt" ]; then
    set +e
    timeout "$TIMEOUT" "$SD" check "$d/drifted.db" "$d/copy.db" > "$d/rt.txt" 2>&1
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then rt="pass"
    else rt="fail (check exit $rc: $(tail -n 1 "$d/rt.txt"))"; fi
  fi
  rt=${rt//|//}
  log "size $size: round trip $rt (apply took $apply_s s)"
  [ "$rt" = pass ] || echo "size $size: round trip: $rt" >> "$work/failures.txt"

  ratio_t=$(awk -v a="${R_WALL[inspect]}" -v b="${R_WALL[catalog]}" -v c="${R_CPU[inspect]}" -v d="${R_CPU[catalog]}" \
    'BEGIN { if (b > 0) printf "%.1f", a / b; else printf "n/a"; if (d > 0) printf " (%.1f)", c / d; else printf " (n/a)" }')
  ratio_m=$(awk -v a="${R_MB[inspect]}" -v b="$snap_bytes" 'BEGIN { if (b > 0) printf "%.1f", a * 1048576 / b; else print "n/a" }')
  rows+=("| $size | $objects | ${differences:-?} ($drifted_objs) | $snap_bytes | $(cell inspect) | $(cell check_db) | $(cell diff) | $(cell check_yaml) | $(cell schema) | $(cell catalog) | $ratio_t | $ratio_m | $rt |")
  po="| $size | $objects"
  for k in "${keys[@]}"; do
    po+=" | $(awk -v w="${R_CPU[$k]}" -v o="$objects" 'BEGIN { if (w == "nan") print "n/a"; else printf "%.0f", w * 1e6 / o }')"
  done
  for k in inspect check_db diff check_yaml; do
    po+=" | $(awk -v m="${R_MB[$k]}" -v o="$objects" 'BEGIN { if (m == "nan") print "n/a"; else printf "%.1f", m * 1024 / o }')"
  done
  perobj+=("$po |")
  sqlside+=("| $size | $objects | $load_s | $(wc -l < "$d/out.sql") | $alters | $rebuilds | $apply_s |")
  for k in "${keys[@]}"; do
    [ "${R_STATUS[$k]}" = ok ] || echo "size $size: $k: ${R_STATUS[$k]}" >> "$work/failures.txt"
  done
done
t_end=$(date +%s)

# --- report ---------------------------------------------------------------------------------
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(machine_line), SQLite $(sqlite3 --version | awk '{ print $1 }'),"
  echo "$sd_version ($SD_SRC built $sd_built; repository at commit $sd_commit when the run started)."
  echo "Load average $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end (other work on the machine inflates wall times; cpu seconds are less affected)."
  echo "Median of $RUNS runs per command. Cells: wall seconds (bash EPOCHREALTIME around each run) with user + system cpu seconds in parentheses, then peak RSS in MB (GNU time %e %M %U %S). Whole run $((t_end - t_start)) s."
  echo
  echo "| tables | objects | differences (drifted objects) | snapshot bytes | inspect | check db db | diff | check yaml db | \`.schema\` floor | catalog floor | inspect / catalog, wall (cpu) | inspect peak / snapshot | round trip |"
  echo "| ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | ---: | ---: | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Per-object cost (user + system cpu µs per schema object, from the medians above; peak KB per object):"
  echo
  echo "| tables | objects | inspect µs | check db db µs | diff µs | check yaml db µs | \`.schema\` µs | catalog µs | inspect KB | check db db KB | diff KB | check yaml db KB |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${perobj[@]}"
  echo
  echo "SQLite's side (not schemadrift's time): loading the two generated schemas with \`sqlite3 -bail\` (run side by side), and applying out.sql to a copy of base.db:"
  echo
  echo "| tables | objects | load base + drifted s | out.sql lines | ALTER TABLE statements | of which table rebuilds (RENAME) | apply out.sql s |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${sqlside[@]}"
  if [ -s "$work/failures.txt" ]; then
    echo
    echo "Failures:"
    echo
    sed 's/^/- /' "$work/failures.txt"
  fi
} > "$work/report.md"
cat "$work/report.md"

if [ "$write" = 1 ]; then
  write_section "$readme" '<!-- bench-results:begin -->' '<!-- bench-results:end -->' "$work/report.md"
fi

# Exit 1 when any command failed, timed out, or a round trip did not pass.
if [ -s "$work/failures.txt" ]; then exit 1; fi
exit 0
