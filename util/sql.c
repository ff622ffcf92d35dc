/*
 * sql.c: identifier and literal quoting per engine, and the compiled-in keyword tables.
 *
 * The tables are sorted upper-case arrays searched with a case-insensitive binary search.
 * They are compiled in because util/ may not link sqlite3 or libpq; an integration test
 * compares them with the live engines so they cannot go stale silently. This file does not
 * parse SQL (see sqltok.c) and never decides whether a name needs quoting by any other rule
 * than the one in sql.h.
 */
#include "util/sql.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "util/ascii.h"
#include "util/util.h"

/* ---- keyword tables ---- */

/* Exactly the words sqlite3_keyword_name() reports in SQLite 3.40 (C-locale sorted). */
static const char *const sqlite_keywords[] = {
    "ABORT",
    "ACTION",
    "ADD",
    "AFTER",
    "ALL",
    "ALTER",
    "ALWAYS",
    "ANALYZE",
    "AND",
    "AS",
    "ASC",
    "ATTACH",
    "AUTOINCREMENT",
    "BEFORE",
    "BEGIN",
    "BETWEEN",
    "BY",
    "CASCADE",
    "CASE",
    "CAST",
    "CHECK",
    "COLLATE",
    "COLUMN",
    "COMMIT",
    "CONFLICT",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CURRENT",
    "CURRENT_DATE",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "DATABASE",
    "DEFAULT",
    "DEFERRABLE",
    "DEFERRED",
    "DELETE",
    "DESC",
    "DETACH",
    "DISTINCT",
    "DO",
    "DROP",
    "EACH",
    "ELSE",
    "END",
    "ESCAPE",
    "EXCEPT",
    "EXCLUDE",
    "EXCLUSIVE",
    "EXISTS",
    "EXPLAIN",
    "FAIL",
    "FILTER",
    "FIRST",
    "FOLLOWING",
    "FOR",
    "FOREIGN",
    "FROM",
    "FULL",
    "GENERATED",
    "GLOB",
    "GROUP",
    "GROUPS",
    "HAVING",
    "IF",
    "IGNORE",
    "IMMEDIATE",
    "IN",
    "INDEX",
    "INDEXED",
    "INITIALLY",
    "INNER",
    "INSERT",
    "INSTEAD",
    "INTERSECT",
    "INTO",
    "IS",
    "ISNULL",
    "JOIN",
    "KEY",
    "LAST",
    "LEFT",
    "LIKE",
    "LIMIT",
    "MATCH",
    "MATERIALIZED",
    "NATURAL",
    "NO",
    "NOT",
    "NOTHING",
    "NOTNULL",
    "NULL",
    "NULLS",
    "OF",
    "OFFSET",
    "ON",
    "OR",
    "ORDER",
    "OTHERS",
    "OUTER",
    "OVER",
    "PARTITION",
    "PLAN",
    "PRAGMA",
    "PRECEDING",
    "PRIMARY",
    "QUERY",
    "RAISE",
    "RANGE",
    "RECURSIVE",
    "REFERENCES",
    "REGEXP",
    "REINDEX",
    "RELEASE",
    "RENAME",
    "REPLACE",
    "RESTRICT",
    "RETURNING",
    "RIGHT",
    "ROLLBACK",
    "ROW",
    "ROWS",
    "SAVEPOINT",
    "SELECT",
    "SET",
    "TABLE",
    "TEMP",
    "TEMPORARY",
    "THEN",
    "TIES",
    "TO",
    "TRANSACTION",
    "TRIGGER",
    "UNBOUNDED",
    "UNION",
    "UNIQUE",
    "UPDATE",
    "USING",
    "VACUUM",
    "VALUES",
    "VIEW",
    "VIRTUAL",
    "WHEN",
    "WHERE",
    "WINDOW",
    "WITH",
    "WITHOUT",
};

/*
 * PostgreSQL 15 keywords whose category is not unreserved: SELECT word FROM
 * pg_get_keywords() WHERE catcode <> 'U' (reserved, col_name and type_func_name). pg_dump's
 * fmtId() quotes the same set. C-locale sorted.
 */
static const char *const pg_keywords[] = {
    "ALL",
    "ANALYSE",
    "ANALYZE",
    "AND",
    "ANY",
    "ARRAY",
    "AS",
    "ASC",
    "ASYMMETRIC",
    "AUTHORIZATION",
    "BETWEEN",
    "BIGINT",
    "BINARY",
    "BIT",
    "BOOLEAN",
    "BOTH",
    "CASE",
    "CAST",
    "CHAR",
    "CHARACTER",
    "CHECK",
    "COALESCE",
    "COLLATE",
    "COLLATION",
    "COLUMN",
    "CONCURRENTLY",
    "CONSTRAINT",
    "CREATE",
    "CROSS",
    "CURRENT_CATALOG",
    "CURRENT_DATE",
    "CURRENT_ROLE",
    "CURRENT_SCHEMA",
    "CURRENT_TIME",
    "CURRENT_TIMESTAMP",
    "CURRENT_USER",
    "DEC",
    "DECIMAL",
    "DEFAULT",
    "DEFERRABLE",
    "DESC",
    "DISTINCT",
    "DO",
    "ELSE",
    "END",
    "EXCEPT",
    "EXISTS",
    "EXTRACT",
    "FALSE",
    "FETCH",
    "FLOAT",
    "FOR",
    "FOREIGN",
    "FREEZE",
    "FROM",
    "FULL",
    "GRANT",
    "GREATEST",
    "GROUP",
    "GROUPING",
    "HAVING",
    "ILIKE",
    "IN",
    "INITIALLY",
    "INNER",
    "INOUT",
    "INT",
    "INTEGER",
    "INTERSECT",
    "INTERVAL",
    "INTO",
    "IS",
    "ISNULL",
    "JOIN",
    "LATERAL",
    "LEADING",
    "LEAST",
    "LEFT",
    "LIKE",
    "LIMIT",
    "LOCALTIME",
    "LOCALTIMESTAMP",
    "NATIONAL",
    "NATURAL",
    "NCHAR",
    "NONE",
    "NORMALIZE",
    "NOT",
    "NOTNULL",
    "NULL",
    "NULLIF",
    "NUMERIC",
    "OFFSET",
    "ON",
    "ONLY",
    "OR",
    "ORDER",
    "OUT",
    "OUTER",
    "OVERLAPS",
    "OVERLAY",
    "PLACING",
    "POSITION",
    "PRECISION",
    "PRIMARY",
    "REAL",
    "REFERENCES",
    "RETURNING",
    "RIGHT",
    "ROW",
    "SELECT",
    "SESSION_USER",
    "SETOF",
    "SIMILAR",
    "SMALLINT",
    "SOME",
    "SUBSTRING",
    "SYMMETRIC",
    "TABLE",
    "TABLESAMPLE",
    "THEN",
    "TIME",
    "TIMESTAMP",
    "TO",
    "TRAILING",
    "TREAT",
    "TRIM",
    "TRUE",
    "UNION",
    "UNIQUE",
    "USER",
    "USING",
    "VALUES",
    "VARCHAR",
    "VARIADIC",
    "VERBOSE",
    "WHEN",
    "WHERE",
    "WINDOW",
    "WITH",
    "XMLATTRIBUTES",
    "XMLCONCAT",
    "XMLELEMENT",
    "XMLEXISTS",
    "XMLFOREST",
    "XMLNAMESPACES",
    "XMLPARSE",
    "XMLPI",
    "XMLROOT",
    "XMLSERIALIZE",
    "XMLTABLE",
};

_Static_assert(SD_ARRAY_LEN(sqlite_keywords) == 147, "SQLite 3.40 has 147 keywords");
_Static_assert(SD_ARRAY_LEN(pg_keywords) == 151, "PostgreSQL 15 has 151 non-unreserved keywords");

/* strcmp() of upper(word) against an upper-case table entry. */
static int
cmp_upper(const char *word, const char *entry)
{
    const unsigned char *a = (const unsigned char *)word;
    const unsigned char *b = (const unsigned char *)entry;
    while (*a != '\0' && (unsigned char)sd_ascii_upper((char)*a) == *b) {
        a++;
        b++;
    }
    return (unsigned char)sd_ascii_upper((char)*a) - *b;
}

static bool
table_has(const char *const *table, size_t n, const char *word)
{
    size_t lo = 0;
    size_t hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_upper(word, table[mid]);
        if (c == 0)
            return true;
        if (c < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}

bool
sd_sql_is_keyword(sd_engine e, const char *word)
{
    if (word == NULL)
        return false;
    switch (e) {
    case SD_ENGINE_SQLITE:
        return table_has(sqlite_keywords, SD_ARRAY_LEN(sqlite_keywords), word);
    case SD_ENGINE_PG:
        return table_has(pg_keywords, SD_ARRAY_LEN(pg_keywords), word);
    case SD_ENGINE__COUNT:
        break;
    }
    return false;
}

/* ---- engine names ---- */

static const char *const engine_names[] = {
    [SD_ENGINE_SQLITE] = "sqlite",
    [SD_ENGINE_PG] = "postgresql",
};

_Static_assert(SD_ARRAY_LEN(engine_names) == SD_ENGINE__COUNT, "one name per engine");

const char *
sd_engine_name(sd_engine e)
{
    if ((unsigned)e >= SD_ENGINE__COUNT)
        return "unknown";
    return engine_names[e];
}

bool
sd_engine_from_name(const char *name, sd_engine *out)
{
    if (name == NULL)
        return false;
    for (size_t i = 0; i < SD_ARRAY_LEN(engine_names); i++) {
        if (strcmp(name, engine_names[i]) == 0) {
            *out = (sd_engine)i;
            return true;
        }
    }
    return false;
}

/* ---- quoting ---- */

bool
sd_sql_ident_is_bare(sd_engine e, const char *name)
{
    if (name == NULL || name[0] == '\0')
        return false;
    if (!((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_'))
        return false;
    for (const char *p = name + 1; *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
            return false;
    }
    return !sd_sql_is_keyword(e, name);
}

/* Append s between q quotes, doubling every q inside. */
static void
append_quoted(sd_buf *b, char q, const char *s)
{
    sd_buf_putc(b, q);
    for (const char *p = s; *p != '\0'; p++) {
        const char *next = strchr(p, q);
        if (next == NULL) {
            sd_buf_append(b, p);
            break;
        }
        sd_buf_appendn(b, p, (size_t)(next - p) + 1);
        sd_buf_putc(b, q);
        p = next;
    }
    sd_buf_putc(b, q);
}

void
sd_sql_ident(sd_buf *b, sd_engine e, const char *name)
{
    if (name == NULL)
        name = "";
    if (sd_sql_ident_is_bare(e, name)) {
        sd_buf_append(b, name);
    } else {
        append_quoted(b, '"', name);
    }
}

void
sd_sql_qualified(sd_buf *b, sd_engine e, const char *schema, const char *name)
{
    if (schema != NULL && schema[0] != '\0') {
        sd_sql_ident(b, e, schema);
        sd_buf_putc(b, '.');
    }
    sd_sql_ident(b, e, name);
}

void
sd_sql_literal(sd_buf *b, sd_engine e, const char *value)
{
    /*
     * Both engines take '' as the only escape. For PostgreSQL that holds because
     * standard_conforming_strings is on (the default since 9.1), so a backslash is an
     * ordinary character; E'' would change its meaning.
     */
    (void)e;
    append_quoted(b, '\'', value != NULL ? value : "");
}

/*
 * True when body can be closed by tag: tag does not occur in body, and no suffix of body
 * joins with the closing tag to end the quote early ("a$" + "$$" reads as "a" then "$").
 */
static bool
tag_fits(const char *body, size_t blen, const char *tag)
{
    size_t tlen = strlen(tag);
    if (strstr(body, tag) != NULL)
        return false;
    for (size_t k = 1; k < tlen && k <= blen; k++) {
        if (memcmp(body + blen - k, tag, k) == 0 && memcmp(tag + k, tag, tlen - k) == 0)
            return false;
    }
    return true;
}

void
sd_sql_dollar_body(sd_buf *b, const char *body)
{
    char tag[32] = "$$";
    if (body == NULL)
        body = "";
    size_t blen = strlen(body);
    if (!tag_fits(body, blen, tag)) {
        /* Each candidate is new, so this ends before running out of numbers. */
        for (unsigned long n = 0;; n++) {
            if (n == 0) {
                memcpy(tag, "$sd$", 5);
            } else {
                snprintf(tag, sizeof(tag), "$sd%lu$", n);
            }
            if (tag_fits(body, blen, tag))
                break;
        }
    }
    sd_buf_append(b, tag);
    sd_buf_appendn(b, body, blen);
    sd_buf_append(b, tag);
}

const char *
sd_sql_read_ident(const char *s, bool (*bare_char)(char ch), sd_buf *out)
{
    const char *p = s;
    if (*p != '"') {
        while (*p != '\0' && bare_char(*p))
            sd_buf_putc(out, *p++);
        return p;
    }
    for (p++; *p != '\0'; p++) {
        if (*p == '"' && p[1] != '"')
            return p + 1;
        if (*p == '"')
            p++;
        sd_buf_putc(out, *p);
    }
    return NULL;
}
