#!/usr/bin/env bash
# schemadrift benchmark, PostgreSQL: generate large schemas, load a base and a drifted copy
# into a throwaway PostgreSQL 15 server, time schemadrift side by side with pg_dump, the bare
# catalog queries (through psql) and the peer tools migra and apgdiff, check that our
# migration round-trips, and print the results as Markdown tables.
#
#   bench/pg.sh [--write] [SIZE...]      SIZE = number of tables (default: 1000 5000 10000)
#   (also: bench/run.sh --engine pg ...)
#
# --write replaces the PostgreSQL results section of bench/README.md (between its markers).
# Environment: RUNS (runs per command, median reported; default 3), TIMEOUT (seconds allowed
# per single run of a command; default 600), PEER_TIMEOUT (the same for migra and apgdiff;
# default TIMEOUT), APPLY_TIMEOUT (seconds for applying the migration in the round-trip
# check; default 1800), PEERS (the peers to run, default "migra apgdiff"; empty: none),
# MIGRA_VERSION (@pgkit/migra version installed from npm; default 0.6.1), MIGRA_DIR (npm
# prefix it is installed into; default bench/.cache/migra), MIGRA (a migra CLI to use
# instead), MIGRA_NODE_OPTIONS (default --max-old-space-size=8192), SCHEMADRIFT (binary;
# default build/schemadrift), SD_PG_BINDIR (PostgreSQL 15 binaries; default
# /usr/lib/postgresql/15/bin), KEEP=1 (keep the work directory), BENCH_TMP (where the work
# directory is made; default $TMPDIR or /tmp).
#
# Needs bash, awk, coreutils, GNU time and PostgreSQL 15 (Debian packages postgresql-15,
# postgresql-client-15); the peers need npm (Node.js) and the Debian package apgdiff. Missing
# packages are installed with scripts/install-deps.sh; a peer that does not install, crashes
# or times out is reported in its cells and does not fail the run. See bench/README.md.
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
readme=${BENCH_README:-$here/README.md}
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
# shellcheck source=tests/scripts/pg_env.sh
. "$repo/tests/scripts/pg_env.sh"

usage() {
  sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

write=0
sizes=()
for arg in "$@"; do
  case "$arg" in
    --write) write=1 ;;
    -h|--help) usage; exit 0 ;;
    ''|*[!0-9]*) echo "pg.sh: not a table count: '$arg' (try --help)" >&2; exit 2 ;;
    *)
      if [ "$arg" -lt 100 ]; then echo "pg.sh: size must be at least 100 tables" >&2; exit 2; fi
      sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000)
RUNS=${RUNS:-3}
TIMEOUT=${TIMEOUT:-600}
PEER_TIMEOUT=${PEER_TIMEOUT:-$TIMEOUT}
APPLY_TIMEOUT=${APPLY_TIMEOUT:-1800}
PEERS=${PEERS-migra apgdiff}
MIGRA_VERSION=${MIGRA_VERSION:-0.6.1}
MIGRA_NODE_OPTIONS=${MIGRA_NODE_OPTIONS:---max-old-space-size=8192}
export SD_PG_BINDIR=${SD_PG_BINDIR:-/usr/lib/postgresql/15/bin}
for v in RUNS TIMEOUT PEER_TIMEOUT APPLY_TIMEOUT; do
  case "${!v}" in ''|*[!0-9]*|0) echo "pg.sh: $v must be a positive integer" >&2; exit 2 ;; esac
done
peer_on() { case " $PEERS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- dependencies ---------------------------------------------------------------------------
need=()
[ -x /usr/bin/time ] || need+=(time)
[ -x "$SD_PG_BINDIR/postgres" ] || need+=(postgresql-15)
[ -x "$SD_PG_BINDIR/psql" ] && [ -x "$SD_PG_BINDIR/pg_dump" ] || need+=(postgresql-client-15)
if [ ${#need[@]} -gt 0 ]; then
  "$repo/scripts/install-deps.sh" "${need[@]}" >&2 || { echo "pg.sh: could not install ${need[*]}" >&2; exit 2; }
fi
command -v awk >/dev/null || { echo "pg.sh: awk not found" >&2; exit 2; }

work=$(mktemp -d "${BENCH_TMP:-${TMPDIR:-/tmp}}/schemadrift-bench-pg.XXXXXX")
state="$work/pg.state"
cleanup() {
  # The server goes first (its directory is pg_tmp.sh's own, under /tmp), even on failure.
  "$repo/tests/scripts/pg_tmp.sh" stop "$state" > /dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "pg.sh: work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

setup_schemadrift "$repo" pg.sh

# The floor of reading a snapshot: libyaml's bare event parse (bench/yaml_floor.c), built
# with the same libyaml schemadrift links.
cc -O2 "$here/yaml_floor.c" -lyaml -o "$work/yaml_floor" 2> "$work/yaml_floor.err" ||
  { echo "pg.sh: could not build bench/yaml_floor.c: $(head -c 500 "$work/yaml_floor.err")" >&2; exit 2; }

# --- peers ----------------------------------------------------------------------------------
# Each peer ends up either ready (its command in MIGRA_CMD / APGDIFF_CMD) or with a reason in
# PEER_NOTE[peer], shown in its cells instead of figures.
declare -A PEER_NOTE PEER_VERSION
setup_migra() {
  local dir=${MIGRA_DIR:-$here/.cache/migra} have=""
  if [ -n "${MIGRA:-}" ]; then
    MIGRA_CMD=$MIGRA
  else
    MIGRA_CMD="$dir/node_modules/.bin/migra"
    [ ! -f "$dir/node_modules/@pgkit/migra/package.json" ] ||
      have=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$dir/node_modules/@pgkit/migra/package.json")
    if [ "$have" != "$MIGRA_VERSION" ]; then
      if ! command -v npm > /dev/null; then
        "$repo/scripts/install-deps.sh" nodejs npm > "$work/npm.log" 2>&1 || true
      fi
      if ! command -v npm > /dev/null; then
        PEER_NOTE[migra]="not installed (no npm)"; return 0
      fi
      log "installing @pgkit/migra@$MIGRA_VERSION from npm into $dir"
      mkdir -p "$dir"
      if ! npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error \
           "@pgkit/migra@$MIGRA_VERSION" >> "$work/npm.log" 2>&1; then
        PEER_NOTE[migra]="not installed (npm install failed: $(grep -m1 -i 'err' "$work/npm.log" | head -c 120 | tr '|' '/'))"
        return 0
      fi
    fi
  fi
  if [ ! -x "$MIGRA_CMD" ] && ! command -v "$MIGRA_CMD" > /dev/null; then
    PEER_NOTE[migra]="not installed ($MIGRA_CMD missing)"; return 0
  fi
  PEER_VERSION[migra]="@pgkit/migra $(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$dir/node_modules/@pgkit/migra/package.json" 2>/dev/null || echo '(version unknown)') on Node.js $(node --version 2>/dev/null || echo '?')"
}
setup_apgdiff() {
  command -v apgdiff > /dev/null || "$repo/scripts/install-deps.sh" apgdiff > "$work/apt.log" 2>&1 || true
  if ! command -v apgdiff > /dev/null; then
    PEER_NOTE[apgdiff]="not installed (Debian package apgdiff)"; return 0
  fi
  APGDIFF_CMD=$(command -v apgdiff)
  PEER_VERSION[apgdiff]="apgdiff $(dpkg-query -W -f '${Version}' apgdiff 2>/dev/null || echo '?') (Debian) on $(java -version 2>&1 | head -n 1 | tr -d '"')"
}
for p in migra apgdiff; do
  if peer_on "$p"; then "setup_$p"; else PEER_NOTE[$p]="not run (PEERS)"; fi
done

# --- server ---------------------------------------------------------------------------------
# The throwaway server of the tests (tests/scripts/pg_tmp.sh): initdb in a new /tmp/sd-pg.*,
# unix socket only, fsync off; its watchdog stops it if this script dies without cleanup.
# Two settings need a restart: pg_dump locks every table of the database in one transaction,
# more than the stock lock table holds (max_locks_per_transaction 64 x 100 connections) at
# 10,000 tables; autovacuum is off so that nothing runs on the server between measurements
# (the catalogs are vacuumed and analyzed once after each load instead).
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
log "starting a throwaway PostgreSQL server"
SD_PG_WATCH_PID=$$ "$repo/tests/scripts/pg_tmp.sh" start "$state" >&2 || { echo "pg.sh: could not start PostgreSQL" >&2; exit 2; }
sd_pg_env "$state"
sd_psql -d postgres -c "ALTER SYSTEM SET max_locks_per_transaction = 1024" -c "ALTER SYSTEM SET autovacuum = off" > /dev/null
as_owner "$PGBIN/pg_ctl" -D "$PGHOST/data" -l "$PGHOST/server.log" -m fast -w -t 120 restart > "$work/restart.log" 2>&1 ||
  { echo "pg.sh: could not restart PostgreSQL: $(cat "$work/restart.log")" >&2; exit 2; }
"$PGBIN/pg_isready" -q -t 30 || { echo "pg.sh: PostgreSQL does not answer after the restart" >&2; exit 2; }
pg_version=$(sd_psql -d postgres -At -c "SHOW server_version" | awk '{ print $1 }')
log "PostgreSQL $pg_version in $PGHOST, port $PGPORT"

conninfo() { sd_pg_conninfo "sdbench_$1"; }
url() { printf 'postgresql://postgres@localhost/sdbench_%s?host=%s&port=%s' "$1" "$PGHOST" "$PGPORT"; }
createdb() { # createdb NAME [TEMPLATE]
  sd_psql -d postgres -c "DROP DATABASE IF EXISTS sdbench_$1 WITH (FORCE)" \
    -c "CREATE DATABASE sdbench_$1 TEMPLATE ${2:-template0}" > /dev/null
}
dropdbs() { local db; for db in "$@"; do sd_pg_dropdbs "sdbench_$db"; done; }

# Objects counted per kind in the user schemas: relations (tables, views, indexes, sequences),
# the constraints that have no index of their own (CHECK, FOREIGN KEY), functions, triggers,
# enum types and the schemas themselves. Columns are listed but not counted as objects.
cat > "$work/count.sql" <<'SQL'
WITH n AS (SELECT oid FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'),
o AS (
  SELECT 'schemas' AS kind, count(*) AS n FROM n
  UNION ALL SELECT CASE c.relkind WHEN 'r' THEN 'tables' WHEN 'v' THEN 'views' WHEN 'i' THEN 'indexes' WHEN 'S' THEN 'sequences' ELSE 'other relations' END, count(*)
    FROM pg_class c WHERE c.relnamespace IN (SELECT oid FROM n) AND c.relkind IN ('r', 'v', 'i', 'S', 'm', 'p', 'I', 'f', 'c') GROUP BY 1
  UNION ALL SELECT 'check and foreign key constraints', count(*) FROM pg_constraint k WHERE k.connamespace IN (SELECT oid FROM n) AND k.contype IN ('c', 'f')
  UNION ALL SELECT 'functions', count(*) FROM pg_proc p WHERE p.pronamespace IN (SELECT oid FROM n)
  UNION ALL SELECT 'triggers', count(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE NOT g.tgisinternal AND c.relnamespace IN (SELECT oid FROM n)
  UNION ALL SELECT 'enums', count(*) FROM pg_type t WHERE t.typtype = 'e' AND t.typnamespace IN (SELECT oid FROM n)
)
SELECT n, kind FROM o WHERE n > 0 ORDER BY kind;
SELECT count(*), 'columns (not counted)' FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname = 'public');
SQL
# The catalogs every introspector reads, vacuumed and analyzed once after each load.
catalogs="pg_class, pg_attribute, pg_attrdef, pg_constraint, pg_index, pg_depend, pg_description, pg_type, pg_proc, pg_trigger, pg_rewrite, pg_namespace, pg_sequence, pg_inherits, pg_enum, pg_collation, pg_am, pg_opclass, pg_policy, pg_extension"

# The catalog floor: the very statements `schemadrift inspect` sends, taken from the server log
# of one inspect run with log_statement = all (PGOPTIONS), in the order they were sent, in one
# transaction on one session; each parameterised query becomes PREPARE + EXECUTE with the
# parameters it was sent ('{}', '{}': no schema filter), so the text the server plans is byte
# for byte ours. inspect shares its queries between two connections in one exported snapshot
# (introspect/pg.c): the queries of both are taken, the snapshot export and import are not
# (they are not catalog reads), and the floor runs them all one after another.
# $1: the server log byte offset before that run. Writes $work/catalog.sql.
capture_floor() {
  tail -c +"$(($1 + 1))" "$PGHOST/server.log" | awk '
    {
      if (!match($0, /\[[0-9]+\] (LOG|DETAIL): +/)) next
      pid = substr($0, RSTART + 1); pid = substr(pid, 1, index(pid, "]") - 1)
      text = substr($0, RSTART + RLENGTH)
      if (text ~ /^statement: BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY/) {
        if (main == "") { main = pid; print substr(text, 12) ";" }
        ours[pid] = 1; next
      }
      if (!(pid in ours)) next
      if (text ~ /^statement: /) {
        sql = substr(text, 12)
        if (pid == main && sql == "COMMIT") { print sql ";"; done = 1; exit }
        if (sql !~ /pg_export_snapshot|^SET TRANSACTION SNAPSHOT/) print sql ";"
      } else if (text ~ /^execute <unnamed>: SET TRANSACTION SNAPSHOT /) {
        next
      } else if (text ~ /^execute <unnamed>: /) {
        n++; last[pid] = n; printf "PREPARE sd_q%d(text[], text[]) AS %s;\n", n, substr(text, 20)
      } else if (text ~ /^parameters: /) {
        p = substr(text, 13); gsub(/\$[12] = /, "", p)
        printf "EXECUTE sd_q%d(%s);\n", last[pid], p
      }
    }
    END { if (!done || n < 5) exit 1 }' > "$work/catalog.sql"
}

# --- run ------------------------------------------------------------------------------------
keys=(inspect check_db diff check_yaml read_yaml yaml_floor pg_dump catalog migra apgdiff)
sd_keys=(inspect check_db diff check_yaml)
rows=()
ratios=()
perobj=()
reads=()
pgside=()
breakdowns=()
notes=()
declare -A SIZE_OBJ SIZE_SNAP
t_start=$(date +%s)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "schemadrift: $SD_SRC ($sd_version, built $sd_built), copied to $SD; RUNS=$RUNS TIMEOUT=${TIMEOUT}s PEER_TIMEOUT=${PEER_TIMEOUT}s; work dir $work"
for p in migra apgdiff; do log "peer $p: ${PEER_VERSION[$p]:-${PEER_NOTE[$p]}}"; done
for size in "${sizes[@]}"; do
  d="$work/$size"
  mkdir -p "$d"
  log "size $size: generating schemas"
  awk -v N="$size" -v drift=0 -f "$here/pg_gen.awk" > "$d/base.sql"
  awk -v N="$size" -v drift=1 -f "$here/pg_gen.awk" > "$d/drifted.sql"
  drifted_objs=$(sed -n 's/^-- drifted objects: //p' "$d/drifted.sql")
  createdb base
  createdb drifted
  # The two loads run side by side (nothing is being measured yet), each in transactions of
  # 500 tables.
  g0=$EPOCHREALTIME
  sd_psql -d sdbench_base -f "$d/base.sql" > /dev/null 2> "$d/load_base.err" & p1=$!
  sd_psql -d sdbench_drifted -f "$d/drifted.sql" > /dev/null 2> "$d/load_drifted.err" & p2=$!
  wait "$p1" || { echo "pg.sh: loading base.sql failed (size $size): $(head -c 500 "$d/load_base.err")" >&2; exit 2; }
  wait "$p2" || { echo "pg.sh: loading drifted.sql failed (size $size): $(head -c 500 "$d/load_drifted.err")" >&2; exit 2; }
  g1=$EPOCHREALTIME
  load_s=$(elapsed "$g0" "$g1")
  for db in base drifted; do sd_psql -d "sdbench_$db" -c "VACUUM (ANALYZE) $catalogs" > /dev/null; done
  sd_psql -d sdbench_base -At -F ' ' -f "$work/count.sql" > "$d/count.txt"
  objects=$(awk '$2 != "columns" { s += $1 } END { print s }' "$d/count.txt")
  breakdown=$(awk '{ n = $1; $1 = ""; sub(/^ /, ""); printf "%s%s %s", (NR > 1 ? ", " : ""), n, $0 }' "$d/count.txt")
  drift_pct=$(awk -v a="$drifted_objs" -v b="$objects" 'BEGIN { printf "%.1f", 100 * a / b }')
  log "size $size: $objects objects ($breakdown), $drifted_objs drifted ($drift_pct%); both DBs loaded in $load_s s"
  breakdowns+=("- $size tables: $objects objects ($breakdown); the drifted copy changes $drifted_objs of them ($drift_pct%).")

  # Warm-up, untimed: one inspect that also records the statements it sends (the catalog
  # floor), and the pg_dump of both databases that apgdiff compares.
  off=$(stat -c %s "$PGHOST/server.log")
  PGOPTIONS='-c log_statement=all' "$SD" inspect "$(conninfo base)" -o "$d/snap.yaml" 2> "$d/warm.err" ||
    { echo "pg.sh: schemadrift inspect failed (size $size): $(head -c 500 "$d/warm.err")" >&2; exit 2; }
  capture_floor "$off" || { echo "pg.sh: could not read the catalog queries from the server log" >&2; exit 2; }
  nqueries=$(grep -c '^EXECUTE ' "$work/catalog.sql")
  for db in base drifted; do
    "$PGBIN/pg_dump" --schema-only -d "sdbench_$db" -f "$d/$db.dump"
    # apgdiff (2013) stops at pg_dump's \restrict lines (psql meta-commands, PostgreSQL
    # 15.14 and later): they are left out of the files it compares.
    grep -v '^\\\(un\)\{0,1\}restrict ' "$d/$db.dump" > "$d/$db.apgdiff.sql" || true
  done
  dump_bytes=$(stat -c %s "$d/base.dump")

  reset_keys "${keys[@]}"
  for p in migra apgdiff; do [ -z "${PEER_NOTE[$p]:-}" ] || R_STATUS[$p]="${PEER_NOTE[$p]}"; done
  for ((round = 1; round <= RUNS; round++)); do
    log "size $size: round $round of $RUNS"
    run_once inspect    0 /dev/null         "$SD" inspect "$(conninfo base)" -o "$d/snap.yaml"
    run_once check_db   1 "$d/check.txt"    "$SD" check "$(conninfo base)" "$(conninfo drifted)"
    run_once diff       0 "$d/out.sql"      "$SD" diff "$(conninfo base)" "$(conninfo drifted)"
    run_once check_yaml 0 /dev/null         "$SD" check "$d/snap.yaml" "$(conninfo base)"
    # The snapshot read alone: read twice (side by side) and compared with itself, against
    # libyaml parsing the same file twice with nothing kept.
    run_once read_yaml  0 /dev/null         "$SD" check "$d/snap.yaml" "$d/snap.yaml"
    run_once yaml_floor 0 /dev/null         "$work/yaml_floor" "$d/snap.yaml" "$d/snap.yaml"
    run_once pg_dump    0 /dev/null         "$PGBIN/pg_dump" --schema-only -d sdbench_base -f "$d/base.dump"
    run_once catalog    0 /dev/null         "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d sdbench_base -f "$work/catalog.sql"
    if [ -z "${PEER_NOTE[migra]:-}" ]; then
      TIMEOUT=$PEER_TIMEOUT run_once migra 0 "$d/migra.sql" \
        env NODE_OPTIONS="$MIGRA_NODE_OPTIONS" "$MIGRA_CMD" run "$(url base)" "$(url drifted)" --unsafe true
    fi
    if [ -z "${PEER_NOTE[apgdiff]:-}" ]; then
      TIMEOUT=$PEER_TIMEOUT run_once apgdiff 0 "$d/apgdiff.sql" "$APGDIFF_CMD" "$d/base.apgdiff.sql" "$d/drifted.apgdiff.sql"
    fi
  done
  for k in "${keys[@]}"; do finish "$k"; done
  snap_bytes=$(stat -c %s "$d/snap.yaml" 2>/dev/null || echo 0)
  differences=$(tail -n 1 "$d/check.txt" | sed -n 's/^\([0-9][0-9]*\) difference.*/\1/p')
  SIZE_OBJ[$size]=$objects
  SIZE_SNAP[$size]=$snap_bytes

  # Round trip: out.sql applied to a copy of base (CREATE DATABASE ... TEMPLATE) must leave no
  # drift against drifted. The apply is timed too: it is the server's cost of the migration.
  rt=""
  apply_s=n/a
  stmts=$(grep -c -E '^(CREATE|ALTER|DROP|COMMENT|GRANT|REVOKE) ' "$d/out.sql" || true)
  if [ "${R_STATUS[diff]}" != ok ]; then
    rt="fail (diff did not run cleanly)"
  else
    createdb copy sdbench_base
    log "size $size: applying out.sql ($(wc -l < "$d/out.sql") lines, $stmts statements) to a copy of base"
    set +e
    a0=$EPOCHREALTIME
    PGOPTIONS='-c client_min_messages=warning' timeout "$APPLY_TIMEOUT" \
      "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d sdbench_copy -f "$d/out.sql" > /dev/null 2> "$d/apply.err"
    rc=$?
    a1=$EPOCHREALTIME
    set -e
    apply_s=$(elapsed "$a0" "$a1")
    if [ "$rc" -eq 124 ]; then
      rt="fail (applying out.sql: timeout after ${APPLY_TIMEOUT}s)"; apply_s=">$APPLY_TIMEOUT"
    elif [ "$rc" -ne 0 ]; then
      rt="fail (applying out.sql: exit $rc: $(head -c 200 "$d/apply.err" | tr '\n' ' '))"
    fi
  fi
  if [ -z "$rt" ]; then
    set +e
    timeout "$TIMEOUT" "$SD" check "$(conninfo drifted)" "$(conninfo copy)" > "$d/rt.txt" 2>&1
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then rt="pass"
    else rt="fail (check exit $rc: $(tail -n 1 "$d/rt.txt"))"; fi
  fi
  rt=${rt//|//}
  log "size $size: round trip $rt (apply took $apply_s s)"
  [ "$rt" = pass ] || echo "size $size: round trip: $rt" >> "$work/failures.txt"
  dropdbs base drifted copy

  # Ratios. r WALL_A WALL_B: a / b with one decimal; "> x" when a timed out, "< x" when b did.
  r() {
    awk -v a="${R_WALL[$1]}" -v b="${R_WALL[$2]}" -v ta="$(timed_out_after "$1")" -v tb="$(timed_out_after "$2")" 'BEGIN {
      if (a == "nan" && ta != "") { a = ta; pre = "> " }
      if (b == "nan" && tb != "") { b = tb; pre = "< " }
      if (a == "nan" || b == "nan" || b <= 0) { print "n/a"; exit }
      printf "%s%.2f", pre, a / b }'
  }
  rc_cpu=$(awk -v c="${R_CPU[inspect]}" -v d="${R_CPU[catalog]}" 'BEGIN { if (c == "nan" || d == "nan" || d <= 0) print "n/a"; else printf "%.2f", c / d }')
  mem() { awk -v a="${R_MB[$1]}" -v b="$snap_bytes" 'BEGIN { if (a == "nan" || b <= 0) print "n/a"; else printf "%.1f\n", a * 1048576 / b }'; }
  peer_cell() { if [ -n "${PEER_NOTE[$1]:-}" ]; then printf '%s' "${PEER_NOTE[$1]}"; else cell "$1"; fi; }
  rows+=("| $size | $objects | ${differences:-?} ($drifted_objs) | $snap_bytes | $(cell inspect) | $(cell check_db) | $(cell diff) | $(cell check_yaml) | $(cell pg_dump) | $(cell catalog) | $(peer_cell migra) | $(peer_cell apgdiff) | $rt |")
  ratios+=("| $size | $(r check_db pg_dump) | $(r migra check_db) | $(r apgdiff check_db) | $(r inspect catalog) ($rc_cpu) | $(mem inspect) | $(mem check_db) | $(mem diff) | $(mem check_yaml) |")
  po="| $size | $objects"
  for k in inspect check_db diff check_yaml pg_dump catalog migra apgdiff; do
    po+=" | $(awk -v w="${R_WALL[$k]}" -v o="$objects" 'BEGIN { if (w == "nan") print "n/a"; else printf "%.0f", w * 1e6 / o }')"
  done
  for k in "${sd_keys[@]}"; do
    po+=" | $(awk -v w="${R_CPU[$k]}" -v o="$objects" 'BEGIN { if (w == "nan") print "n/a"; else printf "%.0f", w * 1e6 / o }')"
  done
  for k in "${sd_keys[@]}"; do
    po+=" | $(awk -v m="${R_MB[$k]}" -v o="$objects" 'BEGIN { if (m == "nan") print "n/a"; else printf "%.1f", m * 1024 / o }')"
  done
  perobj+=("$po |")
  read_ratio=$(awk -v c="${R_CPU[read_yaml]}" -v d="${R_CPU[yaml_floor]}" 'BEGIN { if (c == "nan" || d == "nan" || d <= 0) print "n/a"; else printf "%.2f", c / d }')
  read_us=$(awk -v c="${R_CPU[read_yaml]}" -v o="$objects" 'BEGIN { if (c == "nan") print "n/a"; else printf "%.0f", c * 1e6 / (2 * o) }')
  reads+=("| $size | $objects | $snap_bytes | $(cell read_yaml) | $(cell yaml_floor) | $read_ratio | $read_us |")
  eval "RC_read_$size=\${R_CPU[read_yaml]}"
  last_read_ratio=$read_ratio
  pgside+=("| $size | $objects | $load_s | $dump_bytes | $nqueries | $(wc -l < "$d/out.sql") | $stmts | $apply_s |")
  # Per-size figures the targets below are judged on (the last size is the largest).
  for k in "${keys[@]}"; do
    eval "W_${k}_$size=\${R_WALL[$k]}"
  done
  for k in inspect check_db diff check_yaml read_yaml yaml_floor pg_dump catalog; do
    [ "${R_STATUS[$k]}" = ok ] || echo "size $size: $k: ${R_STATUS[$k]}" >> "$work/failures.txt"
  done
  for k in migra apgdiff; do
    if [ -z "${PEER_NOTE[$k]:-}" ] && [ "${R_STATUS[$k]}" != ok ]; then
      notes+=("- size $size: $k: ${R_STATUS[$k]}")
    fi
  done
  last_ratio_check_dump=$(r check_db pg_dump)
  last_ratio_migra=$(r migra check_db)
  last_ratio_floor=$(r inspect catalog)
  # The largest peak / snapshot among the commands that read databases only, and that of
  # check yaml db (which also parses the snapshot), judged separately.
  last_mem=$(for k in inspect check_db diff; do echo "$(mem "$k") $k"; done | grep -v '^n/a' | sort -g | tail -n 1 || true)
  last_mem_yaml=$(mem check_yaml)
  last_size=$size
  [ -n "${first_size:-}" ] || first_size=$size
done
t_end=$(date +%s)

# --- targets (judged on the largest size, the last one given) --------------------------------
# Linearity: wall time per object at the largest size over the same at the smallest; 1.0 is
# perfectly linear, and anything up to 1.5 is counted as linear (the server's own catalog
# scans are not free either: see the floor's figure).
growth() { # KEY -> per-object wall at the last size / at the first size
  local a b
  a=$(eval "echo \${W_${1}_$last_size:-nan}")
  b=$(eval "echo \${W_${1}_$first_size:-nan}")
  awk -v a="$a" -v b="$b" -v oa="${SIZE_OBJ[$last_size]}" -v ob="${SIZE_OBJ[$first_size]}" \
    'BEGIN { if (a == "nan" || b == "nan" || b <= 0) print "n/a"; else printf "%.2f", (a / oa) / (b / ob) }'
}
verdict() { # verdict FIGURE OP LIMIT -> met / missed / n/a (a "> x" figure is a lower bound)
  awk -v f="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (f == "n/a" || f == "") { print "n/a"; exit }
    lb = (f ~ /^> /); ub = (f ~ /^< /); sub(/^[<>] /, "", f); f += 0
    if (op == "<") ok = (f < l) && !lb
    else if (op == "<=") ok = (f <= l) && !lb
    else ok = (f >= l) && !ub
    print (ok ? "met" : "missed") }'
}
targets=()
if [ "${#sizes[@]}" -gt 0 ]; then
  g_check=$(growth check_db); g_inspect=$(growth inspect); g_diff=$(growth diff); g_floor=$(growth catalog)
  g_read=$(awk -v a="$(eval "echo \${RC_read_$last_size:-nan}")" -v b="$(eval "echo \${RC_read_$first_size:-nan}")" \
    -v oa="${SIZE_OBJ[$last_size]}" -v ob="${SIZE_OBJ[$first_size]}" \
    'BEGIN { if (a == "nan" || b == "nan" || b <= 0) print "n/a"; else printf "%.2f", (a / oa) / (b / ob) }')
  g_max=$(printf '%s\n' "$g_check" "$g_inspect" "$g_diff" | grep -v n/a | sort -g | tail -n 1 || true)
  targets+=("| \`check\` of two databases faster than one \`pg_dump --schema-only\` | check / pg_dump wall = $last_ratio_check_dump | < 1 | $(verdict "$last_ratio_check_dump" "<" 1) |")
  targets+=("| \`check\` at least 20x faster than migra | migra / check wall = $last_ratio_migra | >= 20 | $(verdict "$last_ratio_migra" ">=" 20) |")
  targets+=("| \`inspect\` within 1.5x of the catalog floor | inspect / floor wall = $last_ratio_floor | <= 1.5 | $(verdict "$last_ratio_floor" "<=" 1.5) |")
  targets+=("| the snapshot read within 2x of libyaml's bare parse of it, client cpu | read / floor cpu = ${last_read_ratio:-n/a} | <= 2 | $(verdict "${last_read_ratio:-n/a}" "<=" 2) |")
  targets+=("| peak memory under 10x the snapshot's size: commands reading two databases or one | largest, ${last_mem#* }: peak / snapshot = ${last_mem%% *} | < 10 | $(verdict "${last_mem%% *}" "<" 10) |")
  targets+=("| the same for \`check snap.yaml db\` (parses the snapshot too) | peak / snapshot = $last_mem_yaml | < 10 | $(verdict "$last_mem_yaml" "<" 10) |")
  if [ "$first_size" != "$last_size" ]; then
    targets+=("| cost linear in the object count | wall per object at $last_size over $first_size tables: check $g_check, inspect $g_inspect, diff $g_diff (catalog floor $g_floor) | <= 1.5 | $(verdict "${g_max:-n/a}" "<=" 1.5) |")
    targets+=("| the snapshot read's cost per object flat | cpu per object at $last_size over $first_size tables = $g_read | <= 1.3 | $(verdict "$g_read" "<=" 1.3) |")
  fi
fi

# --- report ---------------------------------------------------------------------------------
{
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(machine_line), PostgreSQL $pg_version (server, psql and pg_dump),"
  echo "$sd_version ($SD_SRC built $sd_built; repository at commit $sd_commit when the run started)."
  echo "Peers: ${PEER_VERSION[migra]:-migra ${PEER_NOTE[migra]}}; ${PEER_VERSION[apgdiff]:-apgdiff ${PEER_NOTE[apgdiff]}}."
  echo "Load average $load_start at start, $(cut -d' ' -f1-3 /proc/loadavg) at end (other work on the machine inflates wall times)."
  echo "Median of $RUNS runs per command. Cells: wall seconds (bash EPOCHREALTIME around each run) with the client's user + system cpu seconds in parentheses, then the client's peak RSS in MB (GNU time %M %U %S; the server's work shows in the wall time only). Timeouts: ${TIMEOUT} s per run, ${PEER_TIMEOUT} s for the peers. Whole run $((t_end - t_start)) s."
  echo
  echo "| tables | objects | differences (drifted objects) | snapshot bytes | inspect | check db db | diff | check yaml db | \`pg_dump --schema-only\` | catalog floor (psql) | migra | apgdiff (2 dump files) | round trip |"
  echo "| ---: | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${rows[@]}"
  echo
  printf '%s\n' "${breakdowns[@]}"
  echo
  echo "Ratios (wall times; \`>\` / \`<\`: a bound, one side timed out) and peak memory over the snapshot's size:"
  echo
  echo "| tables | check / pg_dump | migra / check | apgdiff / check | inspect / catalog floor, wall (client cpu) | inspect peak / snapshot | check db db peak / snapshot | diff peak / snapshot | check yaml db peak / snapshot |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ratios[@]}"
  echo
  echo "Targets, at $last_size tables:"
  echo
  echo "| target | figure | limit | |"
  echo "| --- | --- | --- | --- |"
  printf '%s\n' "${targets[@]}"
  echo
  echo "The snapshot read alone (client cpu): \`check snap.yaml snap.yaml\` reads the snapshot twice, side by side, and compares the two models; the floor is libyaml's event parser run over the same file twice with every event thrown away (bench/yaml_floor.c), the least a reader built on libyaml does:"
  echo
  echo "| tables | objects | snapshot bytes | check yaml yaml | libyaml floor (2 parses) | read / floor, cpu | read cpu µs per object |"
  echo "| ---: | ---: | ---: | --- | --- | ---: | ---: |"
  printf '%s\n' "${reads[@]}"
  echo
  echo "Per-object cost (wall µs per object for every command; the client's user + system cpu µs and peak KB per object for schemadrift's):"
  echo
  echo "| tables | objects | inspect µs | check db db µs | diff µs | check yaml db µs | pg_dump µs | catalog µs | migra µs | apgdiff µs | inspect cpu µs | check db db cpu µs | diff cpu µs | check yaml db cpu µs | inspect KB | check db db KB | diff KB | check yaml db KB |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${perobj[@]}"
  echo
  echo "The server's side (not schemadrift's time): loading the two generated schemas with psql (side by side), the size of one \`pg_dump --schema-only\`, the number of catalog queries in the floor, and applying out.sql to a copy of base with psql:"
  echo
  echo "| tables | objects | load base + drifted s | pg_dump bytes | catalog queries | out.sql lines | out.sql statements | apply out.sql s |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${pgside[@]}"
  if [ "${#notes[@]}" -gt 0 ]; then
    echo
    echo "Peers that did not finish (not a failure of the run):"
    echo
    printf '%s\n' "${notes[@]}"
  fi
  if [ -s "$work/failures.txt" ]; then
    echo
    echo "Failures:"
    echo
    sed 's/^/- /' "$work/failures.txt"
  fi
} > "$work/report.md"
cat "$work/report.md"

if [ "$write" = 1 ]; then
  write_section "$readme" '<!-- bench-results-pg:begin -->' '<!-- bench-results-pg:end -->' "$work/report.md"
fi

# Exit 1 when one of schemadrift's commands, pg_dump or the floor failed or timed out, or a
# round trip did not pass (the peers do not count).
if [ -s "$work/failures.txt" ]; then exit 1; fi
exit 0
