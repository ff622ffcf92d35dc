#!/usr/bin/env bash
# format.sh ROOT [CLANG_FORMAT]: clang-format --dry-run --Werror with ROOT/.clang-format on
# every *.c and *.h outside build directories (tests and fuzz included). A missing
# clang-format is a failure, not a skip (ARCHITECTURE.md, Tests).
set -euo pipefail
root=${1:?usage: format.sh ROOT [CLANG_FORMAT]}
cf=${2:-clang-format}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

if ! command -v "$cf" >/dev/null 2>&1; then
    echo "format: $cf not found: install clang-format (Debian: apt-get install clang-format)" >&2
    exit 1
fi
cd "$root"
if [ ! -f .clang-format ]; then
    echo "format: $root/.clang-format is missing" >&2
    exit 1
fi
mapfile -t files < <(sd_lint_files . c h)
if [ ${#files[@]} -eq 0 ]; then
    echo "format: no C sources found under $root" >&2
    exit 2
fi
out=$("$cf" --dry-run --Werror --style=file "${files[@]}" 2>&1) && rc=0 || rc=$?
if [ "$rc" -ne 0 ]; then
    # One line per offending source line (clang-format reports every column), then the fix.
    mapfile -t locs < <(printf '%s\n' "$out" |
        sed -n 's/^\([^ ]*:[0-9]*\):[0-9]*: error: code should be clang-formatted.*/\1/p' |
        LC_ALL=C sort -t: -k1,1 -k2,2n -u)
    if [ ${#locs[@]} -eq 0 ]; then
        printf '%s\n' "$out"
    else
        printf '%s: not clang-formatted\n' "${locs[@]}"
    fi
    mapfile -t bad < <(printf '%s\n' "${locs[@]}" | sed 's/:[0-9]*$//' | LC_ALL=C sort -u)
    echo "format: ${#locs[@]} lines in ${#bad[@]} files not clang-formatted ($("$cf" --version | head -1)); see the change with"
    echo "  clang-format --style=file FILE | diff -u FILE -     and fix with:"
    echo "  clang-format -i ${bad[*]}"
    exit 1
fi
echo "format: ok (${#files[@]} files, $("$cf" --version | head -1))"
