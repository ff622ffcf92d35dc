# shellcheck shell=bash
# common.sh: shared by the lint scripts in this directory (sourced, not run).
#
# sd_lint_files ROOT [--no-tests] EXT...
#   Prints the repo-relative paths of the files under ROOT whose names end in one of EXT
#   (e.g. c h), sorted, skipping .git and every build directory: top-level build*, CMakeFiles,
#   or any directory holding a CMakeCache.txt (a build dir configured under another name).
#   With --no-tests it also skips tests/, fuzz/ and bench/.

# Top-level directories that are not modules (ARCHITECTURE.md, Module map).
SD_LINT_NON_MODULE_DIRS="tests fuzz bench examples cmake docs"

sd_lint_is_build_dir()
{
    local d=$1
    case ${d##*/} in
    build* | .git | CMakeFiles | _deps) return 0 ;; # d is a top-level directory here
    esac
    [ -e "$d/CMakeCache.txt" ]
}

sd_lint_files()
{
    local root=$1
    shift
    local no_tests=0
    if [ "${1:-}" = --no-tests ]; then
        no_tests=1
        shift
    fi
    local -a name_args=()
    local ext
    for ext in "$@"; do
        if [ ${#name_args[@]} -gt 0 ]; then
            name_args+=(-o)
        fi
        name_args+=(-name "*.$ext")
    done
    (
        cd "$root" || exit 2
        local -a prune=()
        local d
        # Prune every build directory found anywhere in the tree.
        while IFS= read -r d; do
            d=${d%/CMakeCache.txt}
            prune+=(-path "$d" -o)
        done < <(find . -name CMakeCache.txt -not -path './.git/*' 2>/dev/null)
        if [ "$no_tests" = 1 ]; then
            prune+=(-path ./tests -o -path ./fuzz -o -path ./bench -o)
        fi
        find . \( "${prune[@]}" -name .git -o -path './build*' -o -name CMakeFiles -o -name _deps \) \
            -type d -prune -o -type f \( "${name_args[@]}" \) -print |
            sed 's|^\./||' | LC_ALL=C sort
    )
}

# sd_lint_modules ROOT: top-level directories holding C sources that are modules, sorted.
sd_lint_modules()
{
    local root=$1 d name
    for d in "$root"/*/; do
        d=${d%/}
        name=${d##*/}
        case " $SD_LINT_NON_MODULE_DIRS " in
        *" $name "*) continue ;;
        esac
        sd_lint_is_build_dir "$d" && continue
        if [ -n "$(find "$d" \( -name '*.c' -o -name '*.h' \) -print -quit)" ]; then
            echo "$name"
        fi
    done
}
