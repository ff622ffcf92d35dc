#!/usr/bin/env bash
# selftest.sh ROOT [CLANG_FORMAT [CLANG_TIDY]]: prove that layering.sh, quoting.sh, format.sh
# and tidy.sh can fail.
# Each case copies ROOT's module sources into a scratch tree, plants one violation, and
# expects the lint to exit 1 and name the planted file:line. A clean scratch copy of the
# toy tree must pass. Nothing is written outside the scratch directory.
set -euo pipefail
root=${1:?usage: selftest.sh ROOT [CLANG_FORMAT [CLANG_TIDY]]}
cf=${2:-clang-format}
ct=${3:-clang-tidy}
here=$(cd "$(dirname "$0")" && pwd)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/sd-lint-selftest.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
failures=0

# A small tree that is clean for every lint: the layering of ARCHITECTURE.md in miniature.
make_tree()
{
    local t=$1
    rm -rf "$t"
    mkdir -p "$t/util" "$t/model" "$t/diff" "$t/emit" "$t/cli" "$t/tests"
    cp "$root/.clang-format" "$root/.clang-tidy" "$t/"
    cat >"$t/util/sql.h" <<'EOF'
#ifndef SD_UTIL_SQL_H
#define SD_UTIL_SQL_H

void sd_sql_ident(char *out, const char *name);

#endif
EOF
    cat >"$t/util/sql.c" <<'EOF'
#include "util/sql.h"

#include <stdio.h>

void
sd_sql_ident(char *out, const char *name)
{
    snprintf(out, 64, "\"%s\"", name);
}
EOF
    cat >"$t/util/map.c" <<'EOF'
#include <xxhash.h>

#include "util/sql.h"
EOF
    cat >"$t/model/model.h" <<'EOF'
#ifndef SD_MODEL_MODEL_H
#define SD_MODEL_MODEL_H

#include "util/sql.h"

#endif
EOF
    cat >"$t/model/model_int.h" <<'EOF'
#ifndef SD_MODEL_MODEL_INT_H
#define SD_MODEL_MODEL_INT_H

#include "model/model.h"

#endif
EOF
    cat >"$t/diff/diff.h" <<'EOF'
#ifndef SD_DIFF_DIFF_H
#define SD_DIFF_DIFF_H

#include "model/model.h"

#endif
EOF
    cat >"$t/emit/emit.c" <<'EOF'
#include <stdio.h>

#include <sys/stat.h>

#include "diff/diff.h"
#include "util/sql.h"

int sd_emit_x(char *out, const char *name, const char *path);
void sd_emit_fail(char *out, const char *fmt, ...);

int
sd_emit_x(char *out, const char *name, const char *path)
{
    sd_sql_ident(out, name);
    fprintf(stderr, "could not open \"%s\"\n", path);
    sd_emit_fail(out,
                 "no table '%s' in the schema named \"%s\" (a message for people, not SQL text)",
                 name, path);
    return snprintf(out, 8, "%s", name);
}
EOF
    cat >"$t/cli/main.c" <<'EOF'
#include "diff/diff.h"
#include "model/model.h"

int
main(void)
{
    return 0;
}
EOF
    # tests/ is exempt from layering and quoting.
    cat >"$t/tests/test_x.c" <<'EOF'
#include <stdlib.h>

#include "model/model_int.h"

int
main(void)
{
    return atoi("0");
}
EOF
}

# expect LINT NAME WANT_RC PATTERN: run a lint on $scratch/t; check its status and output.
expect()
{
    local script=$1 name=$2 want=$3 pattern=$4 out rc
    shift 4
    out=$(bash "$here/$script" "$scratch/t" "$@" 2>&1) && rc=0 || rc=$?
    if [ "$rc" -ne "$want" ] || ! printf '%s\n' "$out" | grep -q -e "$pattern"; then
        echo "FAIL $script/$name: want exit $want and /$pattern/, got exit $rc:"
        printf '%s\n' "$out" | sed 's/^/    /'
        failures=$((failures + 1))
    else
        echo "ok   $script/$name"
    fi
}

# compdb: a compile_commands.json in $scratch/t/build for the toy tree's module sources.
compdb()
{
    local t=$scratch/t f sep=""
    mkdir -p "$t/build"
    {
        echo "["
        for f in util/sql.c util/map.c emit/emit.c cli/main.c; do
            printf '%s{"directory": "%s", "file": "%s/%s", "command": "cc -std=c11 -Wall -Wextra -I%s -c %s/%s"}\n' \
                "$sep" "$t" "$t" "$f" "$t" "$t" "$f"
            sep=","
        done
        echo "]"
    } >"$t/build/compile_commands.json"
}

# plant FILE TEXT: append TEXT to FILE in a fresh copy of the clean tree; PL is the line
# number TEXT starts at, for the file:line the lint must report.
plant()
{
    make_tree "$scratch/t"
    PL=$(($(wc -l <"$scratch/t/$1") + 1))
    printf '%s\n' "$2" >>"$scratch/t/$1"
}

make_tree "$scratch/t"
expect layering.sh clean 0 'layering: ok'
expect quoting.sh clean 0 'quoting: ok'
expect format.sh clean 0 'format: ok' "$cf"

plant emit/emit.c '#include "model/model_int.h"'
expect layering.sh int-header 1 "emit/emit.c:$PL: module emit includes model's internal header"
plant cli/main.c '#include "model/model_int.h"'
expect layering.sh cli-int-header 1 "cli/main.c:$PL: module cli includes model's internal header"
plant model/model.h '#include "diff/diff.h"'
expect layering.sh upward-edge 1 "model/model.h:$PL: module model includes diff"
plant util/sql.h '#include "model/model.h"'
expect layering.sh util-edge 1 "util/sql.h:$PL: module util includes model"
plant diff/diff.h '#include <yaml.h>'
expect layering.sh third-party 1 "diff/diff.h:$PL: module diff includes third-party <yaml.h>"
plant util/sql.c '#include <xxhash.h>'
expect layering.sh xxhash-outside-map 1 "util/sql.c:$PL: module util includes third-party <xxhash.h>"
plant emit/emit.c '#include "../model/model.h"'
expect layering.sh relative 1 "emit/emit.c:$PL: .*\"mod/file.h\""
plant emit/emit.c '#include "sql.h"'
expect layering.sh bare 1 "emit/emit.c:$PL: .*\"mod/file.h\""
make_tree "$scratch/t"
mkdir "$scratch/t/newmod" && echo 'int x;' >"$scratch/t/newmod/x.c"
expect layering.sh unknown-module 1 'module newmod is not in the layering table'

plant emit/emit.c 'static const char *q1 = "CREATE TABLE \"%s\" (";'
expect quoting.sh dquote 1 "emit/emit.c:$PL: hand-made \"...\" quoting"
plant emit/emit.c 'static const char *q2 = "DEFAULT '"'%s'"'";'
expect quoting.sh squote 1 "emit/emit.c:$PL: hand-made '...' quoting"
plant emit/emit.c 'static const char *q3 = "[%s]";'
expect quoting.sh brackets 1 "emit/emit.c:$PL: hand-made \[...\]"
plant emit/emit.c 'static const char *q4 = "\"\"";'
expect quoting.sh doubling 1 "emit/emit.c:$PL: hand-made quote doubling"
plant model/model.h 'static int bad(const char *s) { return atoi(s); }'
expect quoting.sh atoi 1 "model/model.h:$PL: banned function atoi()"
plant util/sql.c 'static void bad(char *d) { strcpy(d, "x"); }'
expect quoting.sh banned-in-sql-c 1 "util/sql.c:$PL: banned function strcpy()"
plant cli/main.c 'static void bad(void *c, const char *q) { PQexec(c, q); }'
expect quoting.sh pqexec 1 "cli/main.c:$PL: PQexec() with a non-constant query"

plant emit/emit.c 'int  sd_emit_y( void );'
expect format.sh misformatted 1 "emit/emit.c:$PL: not clang-formatted" "$cf"
expect format.sh no-clang-format 1 'not found: install clang-format' sd-no-such-clang-format

make_tree "$scratch/t"
compdb
expect tidy.sh clean 0 'tidy: ok' "$scratch/t/build" "$ct"
plant emit/emit.c 'static int Bad_Name;
int *sd_emit_z(void);
int *
sd_emit_z(void)
{
    return &Bad_Name;
}'
compdb
expect tidy.sh naming 1 "emit/emit.c:$PL:12: error: invalid case style for variable 'Bad_Name'" "$scratch/t/build" "$ct"
expect tidy.sh no-clang-tidy 1 'not found: install clang-tidy' "$scratch/t/build" sd-no-such-clang-tidy
rm -rf "$scratch/t/build"
expect tidy.sh no-compdb 1 'compile_commands.json is missing' "$scratch/t/build" "$ct"

if [ "$failures" -gt 0 ]; then
    echo "selftest: $failures case(s) failed: a lint no longer catches what it should"
    exit 1
fi
echo "selftest: ok"
