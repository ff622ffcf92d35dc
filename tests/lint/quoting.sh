#!/usr/bin/env bash
# quoting.sh ROOT: fail on hand-made quoting outside util/sql.c (ARCHITECTURE.md, Quoting) and on
# banned functions (ARCHITECTURE.md, Banned functions) in all C sources outside tests/, fuzz/ and bench/.
# Prints "file:line: message" per finding. The checks themselves are in quoting.awk.
#
# Format strings of error messages are prose, not SQL, and may quote a path or name: those of
# sd_err_*(), fprintf(stderr, ...) and of any function with fail, error or warn in its name
# (a module's static fail(ctx, at, fmt, ...) wrapping sd_err_set). Anything else that truly is not SQL can carry
# a "lint: quoting-ok <reason>" comment on the same line; review will ask for the reason.
set -euo pipefail
root=${1:?usage: quoting.sh ROOT}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

cd "$root"
mapfile -t files < <(sd_lint_files . --no-tests c h)
if [ ${#files[@]} -eq 0 ]; then
    echo "quoting: no C sources found under $root" >&2
    exit 2
fi
if [ ! -f util/sql.c ]; then
    echo "quoting: util/sql.c is missing: the exemption for it would be stale" >&2
    exit 2
fi
rc=0
awk -f "$here/quoting.awk" "${files[@]}" || rc=$?
if [ "$rc" -eq 1 ]; then
    echo "quoting: findings above (ARCHITECTURE.md: Quoting, Banned functions)"
    exit 1
elif [ "$rc" -ne 0 ]; then
    echo "quoting: awk failed (exit $rc)" >&2
    exit 2
fi
echo "quoting: ok (${#files[@]} files)"
