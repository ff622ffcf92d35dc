#!/usr/bin/env bash
# tidy.sh ROOT BUILD_DIR [CLANG_TIDY]: clang-tidy with ROOT/.clang-tidy on every module .c file
# (util, model, ..., cli), using BUILD_DIR/compile_commands.json, $SD_TIDY_JOBS (default:
# nproc) files at a time. A missing clang-tidy is a failure, not a skip (ARCHITECTURE.md, Tests).
set -euo pipefail
root=${1:?usage: tidy.sh ROOT BUILD_DIR [CLANG_TIDY]}
build=${2:?usage: tidy.sh ROOT BUILD_DIR [CLANG_TIDY]}
ct=${3:-clang-tidy}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

if ! command -v "$ct" >/dev/null 2>&1; then
    echo "tidy: $ct not found: install clang-tidy (Debian: apt-get install clang-tidy)" >&2
    exit 1
fi
if [ ! -f "$build/compile_commands.json" ]; then
    echo "tidy: $build/compile_commands.json is missing (configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2
    exit 1
fi
cd "$root"
if [ ! -f .clang-tidy ]; then
    echo "tidy: $root/.clang-tidy is missing" >&2
    exit 1
fi
files=()
while IFS= read -r m; do
    while IFS= read -r f; do
        files+=("$f")
    done < <(find "$m" -type f -name '*.c' | LC_ALL=C sort)
done < <(sd_lint_modules .)
if [ ${#files[@]} -eq 0 ]; then
    echo "tidy: no module sources found under $root" >&2
    exit 2
fi
# Every file must be in the compile database, or clang-tidy would guess its flags.
missing=0
for f in "${files[@]}"; do
    if ! grep -qF "/$f\"" "$build/compile_commands.json"; then
        echo "tidy: $f is not in $build/compile_commands.json (not built by any target?)"
        missing=1
    fi
done
jobs=${SD_TIDY_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=$(mktemp -d "${TMPDIR:-/tmp}/sd-tidy.XXXXXX")
trap 'rm -rf "$out"' EXIT
start=$(date +%s)
# One clang-tidy per file, $jobs at a time. Each writes only under $out: <n>.log, and
# <n>.failed when clang-tidy exits non-zero (findings are errors: WarningsAsErrors '*').
# shellcheck disable=SC2016 # the single-quoted script is expanded by the inner bash
for i in "${!files[@]}"; do
    printf '%s\0%s\0' "$i" "${files[$i]}"
done |
    SD_CT=$ct SD_BUILD=$build SD_OUT=$out xargs -0 -n 2 -P "$jobs" bash -c '
        if ! "$SD_CT" --quiet -p "$SD_BUILD" "$2" >"$SD_OUT/$1.log" 2>&1; then
            echo "$2" >"$SD_OUT/$1.failed"
        fi' sd-tidy
end=$(date +%s)
failed=()
for i in "${!files[@]}"; do
    if [ -e "$out/$i.failed" ]; then
        failed+=("${files[$i]}")
        # Drop clang-tidy's "N warnings generated." / "treated as errors" chatter.
        grep -v -E '^[0-9]+ (warning|error)s? (generated|treated as errors?)' "$out/$i.log" || true
    fi
done
if [ ${#failed[@]} -gt 0 ] || [ "$missing" -ne 0 ]; then
    echo "tidy: ${#failed[@]} of ${#files[@]} files have findings ($((end - start))s, $jobs jobs):"
    printf '  %s\n' "${failed[@]}"
    exit 1
fi
echo "tidy: ok (${#files[@]} files in $((end - start))s, $jobs jobs, $("$ct" --version | grep -i version | head -1))"
