#!/usr/bin/env bash
# layering.sh ROOT: check every #include in <module>/**/*.{c,h} against the module table of
# ARCHITECTURE.md, Layering. Prints "file:line: module A includes B (...)" for each forbidden edge and
# exits 1 if there is any. tests/, fuzz/ and bench/ are exempt.
#
# Rules:
# - project headers are included as "mod/file.h" from the repo root: no bare "file.h",
#   no "../", no absolute paths, no computed #include MACRO;
# - a module includes its own headers, and the headers of the modules listed in DEPS;
# - "<mod>/<x>_int.h" is private to <mod>: any other module including it is a failure;
# - <...> headers must be libc/POSIX, or a third-party header listed in THIRD for the module
#   ("file.c:header.h" restricts the header to one file of the module);
# - a top-level directory with C sources that is not in the table fails: add its row here and
#   in ARCHITECTURE.md, Layering, before it can grow edges nobody checked.
set -euo pipefail
root=${1:?usage: layering.sh ROOT}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$here/common.sh"

declare -A DEPS=(
    [util]=""
    [conn]="util"
    [model]="util"
    [introspect]="conn model util"
    [snapshots]="model util"
    [diff]="model util"
    [plan]="diff model util"
    [parse]="util"
    [emit]="parse plan diff model util"
    [report]="plan diff model util"
    [fill]="model util"
    [migrate]="emit parse diff model util introspect conn"
    [config]="util"
    [audit]="model util"
    [cli]="*" # every module's public header
)
declare -A THIRD=(
    [util]="map.c:xxhash.h"
    [conn]="libpq-fe.h"
    [model]="xxhash.h"
    [introspect]="sqlite3.h libpq-fe.h"
    [snapshots]="yaml.h"
    [diff]=""
    [plan]=""
    [parse]="parse_pg.c:pg_query.h parse_pg.c:jansson.h parse_sqlite.c:sqlite3.h"
    [emit]=""
    [report]="jansson.h"
    [fill]=""
    [migrate]="libpq-fe.h sqlite3.h sys/file.h"
    [config]="yaml.h"
    [audit]="libpq-fe.h"
    [cli]="jansson.h"
)

# C11 and POSIX.1-2008 headers: "libc", allowed everywhere.
LIBC="assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h locale.h
math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h stdint.h stdio.h
stdlib.h stdnoreturn.h string.h tgmath.h threads.h time.h uchar.h wchar.h wctype.h
aio.h arpa/inet.h cpio.h dirent.h dlfcn.h fcntl.h fmtmsg.h fnmatch.h ftw.h glob.h grp.h iconv.h
langinfo.h libgen.h monetary.h mqueue.h ndbm.h net/if.h netdb.h netinet/in.h netinet/tcp.h
nl_types.h poll.h pthread.h pwd.h regex.h sched.h search.h semaphore.h spawn.h strings.h
sys/ipc.h sys/mman.h sys/msg.h sys/resource.h sys/select.h sys/sem.h sys/shm.h sys/socket.h
sys/stat.h sys/statvfs.h sys/time.h sys/times.h sys/types.h sys/uio.h sys/un.h sys/utsname.h
sys/wait.h syslog.h tar.h termios.h ulimit.h unistd.h utime.h utmpx.h wordexp.h "
LIBC=" ${LIBC//$'\n'/ } " # one line, each name between spaces

cd "$root"
fails=0
fail()
{
    echo "$1"
    fails=$((fails + 1))
}

mapfile -t modules < <(sd_lint_modules .)
if [ ${#modules[@]} -eq 0 ]; then
    echo "layering: no module directories found under $root" >&2
    exit 2
fi
for m in "${modules[@]}"; do
    if [ -z "${DEPS[$m]+set}" ]; then
        fail "$m/: module $m is not in the layering table: add its row to tests/lint/layering.sh and to ARCHITECTURE.md, Layering"
    fi
done

is_module()
{
    [ -n "${DEPS[$1]+set}" ]
}

files=0
include_re='^[[:space:]]*#[[:space:]]*include[[:space:]]*(.*)$'
for m in "${modules[@]}"; do
    is_module "$m" || continue
    while IFS= read -r f; do
        files=$((files + 1))
        base=${f##*/}
        while IFS= read -r hit; do
            line=${hit%%:*}
            text=${hit#*:}
            [[ $text =~ $include_re ]] || continue
            arg=${BASH_REMATCH[1]}
            where="$f:$line"
            if [[ $arg =~ ^\"([^\"]*)\" ]]; then
                kind=quote
                path=${BASH_REMATCH[1]}
            elif [[ $arg =~ ^\<([^\>]*)\> ]]; then
                kind=angle
                path=${BASH_REMATCH[1]}
            else
                fail "$where: module $m: computed or malformed #include $arg cannot be checked"
                continue
            fi
            first=${path%%/*}
            if [ "$kind" = angle ] && { [ "$path" = "$first" ] || ! is_module "$first"; }; then
                # System or third-party header.
                case $LIBC in *" $path "*) continue ;; esac
                ok=0
                for t in ${THIRD[$m]}; do
                    if [ "$t" = "$path" ] || [ "$t" = "$base:$path" ]; then
                        ok=1
                    fi
                done
                if [ $ok = 0 ]; then
                    allowed=${THIRD[$m]:-none}
                    fail "$where: module $m includes third-party <$path> (allowed in $m: $allowed)"
                fi
                continue
            fi
            case $path in
            /* | ../* | */../* | ./*)
                fail "$where: module $m includes \"$path\": include project headers as \"mod/file.h\" from the repo root"
                continue
                ;;
            esac
            if [ "$path" = "$first" ]; then
                fail "$where: module $m includes \"$path\": include project headers as \"mod/file.h\" from the repo root"
                continue
            fi
            if ! is_module "$first"; then
                fail "$where: module $m includes \"$path\", which is not in a module"
                continue
            fi
            [ "$first" = "$m" ] && continue
            if [[ ${path##*/} == *_int.h ]]; then
                fail "$where: module $m includes $first's internal header \"$path\" (*_int.h is private to $first)"
                continue
            fi
            [ "${DEPS[$m]}" = "*" ] && continue
            case " ${DEPS[$m]} " in *" $first "*) continue ;; esac
            fail "$where: module $m includes $first (\"$path\"); $m may include only: ${DEPS[$m]:-nothing but itself}"
        done < <(grep -n -E '^[[:space:]]*#[[:space:]]*include' "$f" || true)
    done < <(find "$m" -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort)
done

if [ "$files" -eq 0 ]; then
    echo "layering: no module sources found under $root" >&2
    exit 2
fi
if [ "$fails" -gt 0 ]; then
    echo "layering: $fails forbidden include(s) in $files files (ARCHITECTURE.md, Layering)"
    exit 1
fi
echo "layering: ok ($files files in ${#modules[@]} modules)"
