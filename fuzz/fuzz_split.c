/*
 * fuzz_split.c: libFuzzer target for splitting migration scripts (parse.h,
 * sd_parse_pg_split() and sd_parse_sqlite_split()).
 *
 * Besides crashes and sanitizer reports it checks, with abort(), what the migration runner
 * relies on: statements in order, inside the script, not overlapping, none empty, each
 * starting where its line and column say; a refused script leaves no statement and an error
 * position inside it. And that the splits are the engines' own: PostgreSQL's statements are
 * as many as pg_query_split_with_parser() finds, each inside the place it gives, and what
 * was skipped before one parses to nothing; each SQLite statement with a ';' after it is one
 * sqlite3_complete() takes.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pg_query.h>

#include <sqlite3.h>

#include "parse/parse.h"
#include "util/err.h"

/* libFuzzer fixes the name. */
/* NOLINTNEXTLINE(readability-identifier-naming) */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(bool ok)
{
    if (!ok)
        abort();
}

/* Whether pos is where offset is: its line, and a column no larger than the bytes before it on
 * that line allow. */
static bool
pos_ok(const char *s, const sd_sql_pos *pos)
{
    size_t line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < pos->offset; i++) {
        if (s[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    return pos->line == line && pos->column >= 1 && pos->column <= pos->offset - line_start + 1;
}

/* A blank both engines skip before a token ('\v' is one only inside a run of blanks in
 * SQLite, and none in PostgreSQL 15: a statement may start at it, for SQLite to refuse). */
static bool
blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The contract of any split of s (size bytes); rc its status. */
static void
check_split(const char *s, size_t size, sd_status rc, const sd_sql_split *out, const sd_err *err)
{
    if (rc != SD_OK) {
        check(rc == SD_ERR_PARSE && err->msg[0] != '\0' && out->stmts.len == 0);
        check(out->error.line == 0 || (out->error.offset <= size && pos_ok(s, &out->error)));
        return;
    }
    size_t prev_end = 0;
    for (size_t i = 0; i < out->stmts.len; i++) {
        const sd_sql_stmt *st = &out->stmts.items[i];
        check(st->len > 0 && st->at.offset >= prev_end && st->at.offset + st->len <= size);
        check(!blank(s[st->at.offset]) && !blank(s[st->at.offset + st->len - 1]));
        check(pos_ok(s, &st->at));
        prev_end = st->at.offset + st->len;
    }
}

static void
check_pg(const char *text, size_t size, const sd_sql_split *out)
{
    PgQuerySplitResult r = pg_query_split_with_parser(text);
    check(r.error == NULL && (size_t)r.n_stmts == out->stmts.len);
    char *prefix = malloc(size + 1);
    check(prefix != NULL);
    for (size_t i = 0; i < out->stmts.len; i++) {
        const sd_sql_stmt *st = &out->stmts.items[i];
        size_t loc = (size_t)r.stmts[i]->stmt_location;
        size_t len = (size_t)r.stmts[i]->stmt_len;
        check(loc <= st->at.offset && st->at.offset + st->len <= loc + len);
        /* What lies between the parser's start and the first token is blanks and comments. */
        memcpy(prefix, text + loc, st->at.offset - loc);
        prefix[st->at.offset - loc] = '\0';
        PgQueryParseResult p = pg_query_parse(prefix);
        check(p.error == NULL && p.parse_tree != NULL && strstr(p.parse_tree, "\"stmt\"") == NULL);
        pg_query_free_parse_result(p);
    }
    free(prefix);
    pg_query_free_split_result(r);
}

static void
check_sqlite(const char *text, const sd_sql_split *out)
{
    for (size_t i = 0; i < out->stmts.len; i++) {
        const sd_sql_stmt *st = &out->stmts.items[i];
        char *one = malloc(st->len + 3);
        check(one != NULL);
        memcpy(one, text + st->at.offset, st->len);
        memcpy(one + st->len, "\n;", 3);
        check(sqlite3_complete(one) != 0);
        free(one);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    char *text = malloc(size + 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    bool nul = memchr(data, '\0', size) != NULL;

    sd_sql_split out = SD_SQL_SPLIT_INIT;
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_parse_pg_split(s, size, &out, &err);
    check_split(s, size, rc, &out, &err);
    check(!nul || rc == SD_ERR_PARSE);
    if (rc == SD_OK)
        check_pg(text, size, &out);

    err = (sd_err)SD_ERR_INIT;
    rc = sd_parse_sqlite_split(s, size, &out, &err);
    check_split(s, size, rc, &out, &err);
    check(!nul || rc == SD_ERR_PARSE);
    if (rc == SD_OK)
        check_sqlite(text, &out);

    sd_sql_split_dispose(&out);
    free(text);
    return 0;
}
