#!/usr/bin/env bash
# Summary of a corpus run: per folder, how many cases the manifest has for the engine, how
# many were registered as tests (both sides load), and how many of those passed, are known
# failures, failed unexpectedly, or have no result in this run.
# Usage: corpus_summary.sh MANIFEST ENGINE CASES_FILE LIST RESULTS_DIR
#   CASES_FILE  the case ids registered at configure time, one per line
#   LIST        the known-failure list (tests/corpus/*_known_failures.txt)
#   RESULTS_DIR the outcomes known_failure.sh recorded
# Fails when the list names a case that is not registered (renamed, removed, or no longer
# loading), or names one twice: a stale entry would hide nothing, but it would make the
# counts lie.
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: $0 MANIFEST ENGINE CASES_FILE LIST RESULTS_DIR" >&2; exit 2; }
manifest=$1
engine=$2
cases=$3
list=$4
results=$5
shown="tests/corpus/$(basename "$list")"

listed=$(mktemp "${TMPDIR:-/tmp}/sd-sum.XXXXXX")
trap 'rm -f "$listed"' EXIT
if [ -f "$list" ]; then
  sed 's/#.*//' "$list" | tr -d '\r' | awk '{ $1 = $1 } NF' > "$listed"
fi

rc=0
dups=$(sort "$listed" | uniq -d)
if [ -n "$dups" ]; then
  echo "FAIL: listed more than once in $shown:" "${dups//$'\n'/ }"
  rc=1
fi
stale=$(grep -vxF -f "$cases" "$listed" || true)
if [ -n "$stale" ]; then
  echo "FAIL: $shown lists cases that are not registered tests (remove them):"
  printf '%s\n' "$stale" | sed 's/^/  /'
  rc=1
fi

# folder<TAB>manifest-cases, from the manifest.
awk -F '\t' -v eng="$engine" 'NR > 1 && $2 == eng { split($1, p, "/"); n[p[1]]++ }
  END { for (f in n) print f "\t" n[f] }' "$manifest" | sort > "$listed.manifest"
# case<TAB>pass|fail, from this run's records.
cat "$results"/*.result 2> /dev/null | cut -f1,2 | sort > "$listed.results" || true

awk -F '\t' -v listfile="$listed" -v resfile="$listed.results" -v manfile="$listed.manifest" '
  BEGIN {
    while ((getline l < listfile) > 0) known[l] = 1
    while ((getline l < resfile) > 0) { split(l, r, "\t"); res[r[1]] = r[2] }
    while ((getline l < manfile) > 0) { split(l, r, "\t"); man[r[1]] = r[2]; folders[r[1]] = 1 }
  }
  {
    c = $0; split(c, p, "/"); f = p[1]; folders[f] = 1; tests[f]++
    if (!(c in res)) notrun[f]++
    else if (res[c] == "pass") pass[f]++
    else if (c in known) kf[f]++
    else bad[f]++
  }
  END {
    printf "%-14s %7s %7s %8s %14s %11s %8s\n", "folder", "cases", "tests", "passing", "known-failing", "unexpected", "not-run"
    for (f in folders) line[++n] = f
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (line[j] < line[i]) { t = line[i]; line[i] = line[j]; line[j] = t }
    for (i = 1; i <= n; i++) {
      f = line[i]
      printf "%-14s %7d %7d %8d %14d %11d %8d\n", f, man[f], tests[f], pass[f], kf[f], bad[f], notrun[f]
      T += tests[f]; P += pass[f]; K += kf[f]; B += bad[f]; N += notrun[f]; M += man[f]
    }
    printf "%-14s %7d %7d %8d %14d %11d %8d\n", "total", M, T, P, K, B, N
  }' "$cases"
rm -f "$listed.manifest" "$listed.results"
echo "(cases: in the manifest for $engine; tests: registered, i.e. both sides load; real/ has"
echo " two tests per schema. Known failures are listed in $shown.)"
exit $rc
