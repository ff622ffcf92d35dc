#!/usr/bin/env bash
# Run one corpus case under a known-failure list, so that the list can only shrink honestly.
# Usage: known_failure.sh LIST CASE RESULTS_DIR TIMEOUT -- COMMAND [ARGS...]
#   LIST     known-failure list: one case per line, "CASE  # reason"; '#' starts a comment.
#   CASE     this case's id as the list spells it (apgdiff/add_column, real/pagila.sql:self,
#            pg/013_name for tests/cases/rows_known_failures.txt).
#   RESULTS_DIR  where to record the outcome (one file per case) for the summary test and
#            tests/scripts/update_known_failures.sh.
#   TIMEOUT  seconds COMMAND may run; running longer is a failure ("timed out"), recorded
#            like any other (keep it below the CTest TIMEOUT so the record gets written).
# Outcome:
#   not listed, COMMAND passes   -> pass
#   not listed, COMMAND fails    -> FAIL (COMMAND's output shows why)
#   listed, COMMAND fails        -> pass, printed as a known failure with its reason
#   listed, COMMAND passes       -> FAIL: "now passes: remove it from <list>"
set -uo pipefail
if [ $# -lt 6 ] || [ "$5" != "--" ]; then
  echo "usage: $0 LIST CASE RESULTS_DIR TIMEOUT -- COMMAND [ARGS...]" >&2
  exit 2
fi
list=$1
case_id=$2
results=$3
limit=$4
shift 5
shown="tests/${list##*/tests/}" # the list's path in the repository

out=$(mktemp "${TMPDIR:-/tmp}/sd-kf.XXXXXX")
trap 'rm -f "$out"' EXIT
# COMMAND's output goes to the test log as it comes, and to $out for the reason.
timeout -k 10 "$limit" "$@" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}

reason=""
if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
  reason="timed out after ${limit}s"
elif [ "$rc" -ne 0 ]; then
  # The first FAIL line, without temporary paths (psql:/tmp/sd-rtpg.Xy12Ab/up.sql:8: ...),
  # so that the reason recorded in the list is the same from run to run.
  reason=$(grep -m1 '^FAIL: ' "$out" | sed -e 's/^FAIL: //' -e 's#/[^ :]*/sd-[a-z]*\.[A-Za-z0-9]*/##g' |
    tr -d '\r\t' | cut -c1-200)
  [ -n "$reason" ] || reason="exited $rc without a FAIL line"
fi

mkdir -p "$results"
rfile="$results/$(printf '%s' "$case_id" | tr '/:' '__').result"
if [ "$rc" -eq 0 ]; then
  printf '%s\tpass\n' "$case_id" > "$rfile"
else
  printf '%s\tfail\t%s\n' "$case_id" "$reason" > "$rfile"
fi

listed=false
listed_reason=""
if [ -f "$list" ]; then
  while IFS= read -r line; do
    entry=${line%%#*}
    entry=$(printf '%s' "$entry" | tr -d '[:space:]')
    if [ "$entry" = "$case_id" ]; then
      listed=true
      case $line in *"#"*) listed_reason=${line#*#} ;; esac
      break
    fi
  done < "$list"
fi

if $listed; then
  if [ "$rc" -eq 0 ]; then
    echo "FAIL: $case_id now passes: remove it from $shown"
    exit 1
  fi
  echo "known failure (listed in $shown:$listed_reason): $reason"
  exit 0
fi
[ "$rc" -eq 0 ] || echo "FAIL: $case_id is not in $shown: $reason"
[ "$rc" -eq 0 ]
