#!/usr/bin/env bash
# schemadrift benchmark: generate large schemas, time schemadrift (and, on PostgreSQL, the
# server's own tools and peer diff tools) against them, check that the generated migration
# round-trips, and print the results as Markdown tables.
#
#   bench/run.sh [--engine sqlite|pg|all] [--write] [SIZE...]   SIZE = number of tables
#
# --engine sqlite   bench/sqlite.sh: SQLite files (default sizes 1000 5000, RUNS 5)
# --engine pg       bench/pg.sh: a throwaway PostgreSQL 15 server, with pg_dump, the catalog
#                   floor through psql, migra and apgdiff side by side (default sizes 1000
#                   5000 10000, RUNS 3)
# --engine all      both, one after the other (the default)
# --write           replace each engine's results section of bench/README.md
#
# The sizes, --write and the environment (RUNS, TIMEOUT, KEEP, BENCH_TMP, SCHEMADRIFT...)
# are passed to each engine's script; `bench/sqlite.sh --help` and `bench/pg.sh --help` list
# what each accepts. Exit status: 0 when everything behaved as expected, 1 when a command
# failed or a round trip did not pass, 2 on a usage or setup error (the worst of the engines
# run). See bench/README.md.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
  sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

engine=all
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) [ $# -ge 2 ] || { echo "run.sh: --engine needs a value: sqlite, pg or all" >&2; exit 2; }
              engine=$2; shift 2; continue ;;
    --engine=*) engine=${1#--engine=} ;;
    -h|--help) usage; exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done
case "$engine" in
  sqlite) engines=(sqlite) ;;
  pg|postgres|postgresql) engines=(pg) ;;
  all) engines=(sqlite pg) ;;
  *) echo "run.sh: unknown engine '$engine' (sqlite, pg or all)" >&2; exit 2 ;;
esac

worst=0
for e in "${engines[@]}"; do
  "$here/$e.sh" "${args[@]}"
  rc=$?
  # 2 (usage or setup error) outranks 1 (a failed command or round trip).
  if [ "$rc" -eq 2 ] || { [ "$rc" -ne 0 ] && [ "$worst" -eq 0 ]; }; then worst=$rc; fi
  if [ "$rc" -eq 2 ]; then break; fi
  [ "$e" = "${engines[-1]}" ] || echo
done
exit "$worst"
