#!/usr/bin/env bash
# Rewrite tests/corpus/pg_known_failures.txt from a fresh run of the PostgreSQL corpus tests.
# Usage: update_known_failures.sh BUILD_DIR [JOBS]
#   Runs `ctest -L corpus -R '^corpus\.pg\.'` in BUILD_DIR (configured and built), then lists
#   every case that failed, each with the first FAIL line of its output as the reason. The
#   comment lines at the top of the list are kept. Review the change with `git diff`: a case
#   that leaves the list is fixed; one that enters it is a regression unless it is new.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [JOBS]" >&2
  exit 2
fi
build=$(cd "$1" && pwd)
jobs=${2:-$(nproc 2> /dev/null || echo 2)}
here=$(cd "$(dirname "$0")" && pwd)
list=$here/../corpus/pg_known_failures.txt
cases=$build/corpus-pg-cases.txt
results=$build/corpus-results/pg

[ -f "$cases" ] || { echo "error: $cases not found: configure $build first" >&2; exit 1; }
# The run resets $results itself (corpus.pg.reset); its exit status only says that some
# cases failed, which is what we are here to record.
(cd "$build" && ctest -L corpus -R '^corpus\.pg\.' -j"$jobs" --output-on-failure > "$build/corpus-pg-run.log" 2>&1) || true

tmp=$(mktemp "${TMPDIR:-/tmp}/sd-kfl.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# Keep the header: the leading comment and blank lines of the current list.
if [ -f "$list" ]; then
  awk '/^[[:space:]]*(#|$)/ { print; next } { exit }' "$list" > "$tmp"
else
  cat > "$tmp" << 'EOF'
# PostgreSQL corpus cases (../shared/corpus) that are known to fail: one case per line, then
# "# reason" (the first FAIL line of its output). A listed case still runs and must fail; if
# it passes, its test fails with "now passes: remove it from tests/corpus/pg_known_failures.txt".
# Regenerate with tests/scripts/update_known_failures.sh BUILD_DIR and review the git diff.

EOF
fi
n_fail=0
n_pass=0
while IFS= read -r c; do
  [ -n "$c" ] || continue
  r="$results/$(printf '%s' "$c" | tr '/:' '__').result"
  if [ ! -f "$r" ]; then
    printf '%s  # no result: the test did not run to the end (see %s)\n' "$c" "corpus-pg-run.log" >> "$tmp"
    n_fail=$((n_fail + 1))
  elif [ "$(cut -f2 "$r")" = pass ]; then
    n_pass=$((n_pass + 1))
  else
    printf '%s  # %s\n' "$c" "$(cut -f3- "$r")" >> "$tmp"
    n_fail=$((n_fail + 1))
  fi
done < <(LC_ALL=C sort "$cases")

old=$(mktemp "${TMPDIR:-/tmp}/sd-kfo.XXXXXX")
if [ -f "$list" ]; then
  sed 's/#.*//' "$list" | awk '{ $1 = $1 } NF' | sort > "$old"
fi
new_ids=$(sed 's/#.*//' "$tmp" | awk '{ $1 = $1 } NF' | sort)
mkdir -p "$(dirname "$list")"
mv "$tmp" "$list"
echo "$n_pass passing, $n_fail known failures written to tests/corpus/pg_known_failures.txt"
fixed=$(comm -23 "$old" <(printf '%s\n' "$new_ids") | grep -c . || true)
broke=$(comm -13 "$old" <(printf '%s\n' "$new_ids") | grep -c . || true)
echo "left the list: $fixed; entered the list: $broke (full ctest log: $build/corpus-pg-run.log)"
rm -f "$old"
