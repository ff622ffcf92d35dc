/*
 * test_split.c: migration scripts split into statements by the engines' own parsers
 * (parse.h, sd_parse_pg_split() and sd_parse_sqlite_split()): every quoting form, comments,
 * empty statements, positions in lines and characters (of statements and of errors, after
 * multibyte characters), and the transaction flags.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "parse/parse.h"
#include "util/util.h"

typedef sd_status (*split_fn)(const char *, size_t, sd_sql_split *, sd_err *);

/* A statement expected: its text, where it starts, and its flags. */
typedef struct want {
    const char *text;
    size_t line;
    size_t column;
    bool txn;
    bool no_txn;
} want;

/* What every split must be: in order, inside the script, not overlapping, each starting at a
 * position whose line and column count to its offset. */
static void
check_invariants(const char *script, size_t len, const sd_sql_split *s)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < s->stmts.len; i++) {
        const sd_sql_stmt *st = &s->stmts.items[i];
        assert_true(st->at.offset >= prev_end);
        assert_true(st->len > 0 && st->at.offset + st->len <= len);
        size_t line = 1;
        size_t line_start = 0;
        for (size_t k = 0; k < st->at.offset; k++) {
            if (script[k] == '\n') {
                line++;
                line_start = k + 1;
            }
        }
        assert_int_equal(st->at.line, line);
        assert_true(st->at.column >= 1 && st->at.column <= st->at.offset - line_start + 1);
        prev_end = st->at.offset + st->len;
    }
}

static void
check_split(split_fn fn, const char *script, size_t len, const want *w, size_t n)
{
    sd_sql_split s = SD_SQL_SPLIT_INIT;
    sd_err err = SD_ERR_INIT;
    sd_status rc = fn(script, len, &s, &err);
    if (rc != SD_OK)
        print_error("refused: %s\n", err.msg);
    assert_int_equal(rc, SD_OK);
    check_invariants(script, len, &s);
    if (s.stmts.len != n) {
        for (size_t i = 0; i < s.stmts.len; i++)
            print_error("got <%.*s>\n", (int)s.stmts.items[i].len,
                        script + s.stmts.items[i].at.offset);
    }
    assert_int_equal(s.stmts.len, n);
    for (size_t i = 0; i < n; i++) {
        const sd_sql_stmt *st = &s.stmts.items[i];
        if (st->len != strlen(w[i].text) || memcmp(script + st->at.offset, w[i].text, st->len) != 0)
            print_error("statement %zu is <%.*s>, not <%s>\n", i, (int)st->len,
                        script + st->at.offset, w[i].text);
        assert_int_equal(st->len, strlen(w[i].text));
        assert_memory_equal(script + st->at.offset, w[i].text, st->len);
        if (st->at.line != w[i].line || st->at.column != w[i].column)
            print_error("<%s> at %zu:%zu\n", w[i].text, st->at.line, st->at.column);
        assert_int_equal(st->at.line, w[i].line);
        assert_int_equal(st->at.column, w[i].column);
        assert_int_equal(st->txn_control, w[i].txn);
        assert_int_equal(st->no_txn, w[i].no_txn);
    }
    sd_sql_split_dispose(&s);
}

#define SPLIT(fn, script, ...)                                                     \
    do {                                                                           \
        const want w_[] = { __VA_ARGS__ };                                         \
        check_split((fn), (script), strlen(script), w_, sizeof(w_) / sizeof(*w_)); \
    } while (0)

static void
split_none(split_fn fn, const char *script)
{
    check_split(fn, script, strlen(script), NULL, 0);
}

/* Refused at line:column, with a message holding why and the position. */
static void
refused_at(split_fn fn, const char *script, size_t len, const char *why, size_t line, size_t col)
{
    sd_sql_split s = SD_SQL_SPLIT_INIT;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(fn(script, len, &s, &err), SD_ERR_PARSE);
    char where[64];
    snprintf(where, sizeof(where), "(line %zu, column %zu)", line, col);
    if (strstr(err.msg, why) == NULL || strstr(err.msg, where) == NULL)
        print_error("message \"%s\" lacks \"%s\" or \"%s\"\n", err.msg, why, where);
    assert_non_null(strstr(err.msg, why));
    assert_non_null(strstr(err.msg, where));
    assert_int_equal(s.stmts.len, 0);
    assert_int_equal(s.error.line, line);
    assert_int_equal(s.error.column, col);
    sd_sql_split_dispose(&s);
}

/* A statement: plain, transaction control, refused in a transaction, or both. */
#define ST(t, l, c)                 \
    {                               \
        (t), (l), (c), false, false \
    }
#define TXN(t, l, c)               \
    {                              \
        (t), (l), (c), true, false \
    }
#define NOTXN(t, l, c)             \
    {                              \
        (t), (l), (c), false, true \
    }
#define BOTH(t, l, c)             \
    {                             \
        (t), (l), (c), true, true \
    }

#define PG   sd_parse_pg_split
#define LITE sd_parse_sqlite_split

static void
test_pg_comments_and_empty(void **state)
{
    (void)state;
    SPLIT(PG, "SELECT 1;;  -- c;\n /* a /* b; */ ; */ SELECT 2 /* t */ ; SELECT 3 -- x\n\n",
          ST("SELECT 1", 1, 1), ST("SELECT 2 /* t */", 2, 21), ST("SELECT 3 -- x", 2, 40));
    SPLIT(PG, ";;SELECT 1;;;", ST("SELECT 1", 1, 3));
    SPLIT(PG, "SELECT 1 -- ; x\n;", ST("SELECT 1 -- ; x", 1, 1));
    SPLIT(PG, "\n\n   SELECT 1   \n", ST("SELECT 1", 3, 4));
    SPLIT(PG, "SELECT 1;\r\nSELECT 2\r\n;\r\n", ST("SELECT 1", 1, 1), ST("SELECT 2", 2, 1));
    split_none(PG, "");
    split_none(PG, ";;");
    split_none(PG, "-- only a comment\n/* and /* a nested */ one */\n");
}

static void
test_pg_quoting(void **state)
{
    (void)state;
    SPLIT(PG,
          "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN 1; END$$;\n"
          "DO $body$ BEGIN PERFORM ';'; END $body$;",
          ST("CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN 1; END$$", 1, 1),
          ST("DO $body$ BEGIN PERFORM ';'; END $body$", 2, 1));
    SPLIT(PG,
          "CREATE FUNCTION g() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\n"
          "END;\nSELECT 3;",
          ST("CREATE FUNCTION g() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT "
             "2;\nEND",
             1, 1),
          ST("SELECT 3", 6, 1));
    /* E'' strings escape with a backslash; with standard_conforming_strings on, '' strings do
     * not: 'c\' is a whole string. */
    SPLIT(PG, "SELECT E'a\\';b'; SELECT 'c\\'; SELECT 2;", ST("SELECT E'a\\';b'", 1, 1),
          ST("SELECT 'c\\'", 1, 18), ST("SELECT 2", 1, 31));
    SPLIT(PG, "SELECT 1 AS \"a;b\"; SELECT 2 AS \"x\"\"y;\";", ST("SELECT 1 AS \"a;b\"", 1, 1),
          ST("SELECT 2 AS \"x\"\"y;\"", 1, 20));
    SPLIT(PG, "SELECT 'it''s;', U&'d\\0061t;a' UESCAPE '\\';",
          ST("SELECT 'it''s;', U&'d\\0061t;a' UESCAPE '\\'", 1, 1));
    SPLIT(PG, "CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);",
          ST("CREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2)", 1, 1));
}

static void
test_pg_positions(void **state)
{
    (void)state;
    /* Columns count characters: 'é' is two bytes, one column. */
    SPLIT(PG, "SELECT 'é'; SELECT 'ü';\n\t SELECT 3", ST("SELECT 'é'", 1, 1),
          ST("SELECT 'ü'", 1, 13), ST("SELECT 3", 2, 3));
    /* libpg_query's cursorpos counts characters: ')' is character 25 of the script, byte 26. */
    const char *bad = "SELECT 'é';\nSELECT 'ü', ) ;";
    refused_at(PG, bad, strlen(bad), "syntax error at or near \")\"", 2, 13);
    sd_sql_split s = SD_SQL_SPLIT_INIT;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_parse_pg_split(bad, strlen(bad), &s, &err), SD_ERR_PARSE);
    assert_int_equal(s.error.offset, 26);
    assert_int_equal(bad[s.error.offset], ')');
    sd_sql_split_dispose(&s);
    refused_at(PG, "SELECT 1;\nSELECT 'open", 22, "unterminated quoted string", 2, 8);
    refused_at(PG, "SELECT 1; /* open /* nested */", 30, "unterminated /* comment", 1, 11);
    refused_at(PG, "SELECT 1;\nSELECT $x$ body $y$;", 30, "unterminated dollar-quoted", 2, 8);
    /* A psql meta-command is not SQL: refused at its line. */
    refused_at(PG, "SELECT 1;\n\\set ON_ERROR_STOP on\nSELECT 2;", 41,
               "syntax error at or near \"\\\"", 2, 1);
    refused_at(PG, "SELECT 1;\0SELECT 2;", 19, "a NUL byte", 1, 10);
    /* Only len bytes are the script. */
    SPLIT(PG, "SELECT 1; SELECT 2", ST("SELECT 1", 1, 1), ST("SELECT 2", 1, 11));
    check_split(PG, "SELECT 1; garbage", 9, (const want[]){ ST("SELECT 1", 1, 1) }, 1);
}

static void
test_pg_flags(void **state)
{
    (void)state;
    SPLIT(PG,
          "BEGIN; START TRANSACTION ISOLATION LEVEL SERIALIZABLE; SAVEPOINT s; RELEASE s;"
          "ROLLBACK TO s; COMMIT; ROLLBACK; END; PREPARE TRANSACTION 'g'; COMMIT PREPARED 'g';"
          "SET TRANSACTION READ ONLY",
          TXN("BEGIN", 1, 1), TXN("START TRANSACTION ISOLATION LEVEL SERIALIZABLE", 1, 8),
          TXN("SAVEPOINT s", 1, 56), TXN("RELEASE s", 1, 69), TXN("ROLLBACK TO s", 1, 79),
          TXN("COMMIT", 1, 94), TXN("ROLLBACK", 1, 102), TXN("END", 1, 112),
          TXN("PREPARE TRANSACTION 'g'", 1, 117), BOTH("COMMIT PREPARED 'g'", 1, 142),
          ST("SET TRANSACTION READ ONLY", 1, 162));
    SPLIT(PG,
          "CREATE INDEX CONCURRENTLY i ON t (a);\nCREATE INDEX j ON t (a);\n"
          "DROP INDEX CONCURRENTLY i;\nDROP INDEX j;\nREINDEX TABLE CONCURRENTLY t;\n"
          "REINDEX (CONCURRENTLY false) TABLE t;\nREINDEX (concurrently) INDEX i;\n"
          "REINDEX SCHEMA s;\nVACUUM t;\nANALYZE t;\nCLUSTER;\nCLUSTER t USING i;\n"
          "CREATE DATABASE d;\nDROP DATABASE d;\nALTER DATABASE d SET TABLESPACE x;\n"
          "ALTER DATABASE d SET work_mem = '1MB';\nALTER SYSTEM SET work_mem = '1MB';\n"
          "CREATE TABLESPACE x LOCATION '/x';\nALTER TYPE e ADD VALUE 'v';",
          NOTXN("CREATE INDEX CONCURRENTLY i ON t (a)", 1, 1), ST("CREATE INDEX j ON t (a)", 2, 1),
          NOTXN("DROP INDEX CONCURRENTLY i", 3, 1), ST("DROP INDEX j", 4, 1),
          NOTXN("REINDEX TABLE CONCURRENTLY t", 5, 1),
          ST("REINDEX (CONCURRENTLY false) TABLE t", 6, 1),
          NOTXN("REINDEX (concurrently) INDEX i", 7, 1), NOTXN("REINDEX SCHEMA s", 8, 1),
          NOTXN("VACUUM t", 9, 1), ST("ANALYZE t", 10, 1), NOTXN("CLUSTER", 11, 1),
          ST("CLUSTER t USING i", 12, 1), NOTXN("CREATE DATABASE d", 13, 1),
          NOTXN("DROP DATABASE d", 14, 1), NOTXN("ALTER DATABASE d SET TABLESPACE x", 15, 1),
          ST("ALTER DATABASE d SET work_mem = '1MB'", 16, 1),
          NOTXN("ALTER SYSTEM SET work_mem = '1MB'", 17, 1),
          NOTXN("CREATE TABLESPACE x LOCATION '/x'", 18, 1),
          ST("ALTER TYPE e ADD VALUE 'v'", 19, 1));
}

static void
test_pg_standard_strings(void **state)
{
    (void)state;
    SPLIT(PG, "SET standard_conforming_strings = on; RESET standard_conforming_strings;",
          ST("SET standard_conforming_strings = on", 1, 1),
          ST("RESET standard_conforming_strings", 1, 39));
    const char *off = "SELECT 1;\n  SET standard_conforming_strings = off;\nSELECT 'a\\';";
    refused_at(PG, off, strlen(off), "standard_conforming_strings", 2, 3);
    const char *local = "SET LOCAL Standard_Conforming_Strings TO 0;";
    refused_at(PG, local, strlen(local), "standard_conforming_strings", 1, 1);
}

static void
test_sqlite_comments_and_empty(void **state)
{
    (void)state;
    SPLIT(LITE, "-- lead ;\n/* block ; */ SELECT 1; -- tail ;\n", ST("SELECT 1", 2, 15));
    SPLIT(LITE, ";;SELECT 1;; ;", ST("SELECT 1", 1, 3));
    SPLIT(LITE, "SELECT 1 -- c ;\n;\nSELECT 2 -- no ;", ST("SELECT 1 -- c ;", 1, 1),
          ST("SELECT 2 -- no ;", 3, 1));
    SPLIT(LITE, "SELECT 1 /* ; */ ;\n\n  SELECT 2  \n\n", ST("SELECT 1 /* ; */", 1, 1),
          ST("SELECT 2", 3, 3));
    SPLIT(LITE, "SELECT 1;\r\nSELECT 2\r\n;\r\n", ST("SELECT 1", 1, 1), ST("SELECT 2", 2, 1));
    /* '\v' starts no token for SQLite: a statement of its own, for SQLite to refuse. */
    SPLIT(LITE, "SELECT 1;\v", ST("SELECT 1", 1, 1), ST("\v", 1, 10));
    split_none(LITE, "");
    split_none(LITE, ";;\n;");
    split_none(LITE, "-- only comments\n/* ; */\n");
}

static void
test_sqlite_quoting(void **state)
{
    (void)state;
    SPLIT(LITE,
          "CREATE TABLE t (a);\nCREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
          "  INSERT INTO t VALUES (';');\n  UPDATE t SET a = 2; -- ;\nEND;\nSELECT 1",
          ST("CREATE TABLE t (a)", 1, 1),
          ST("CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  INSERT INTO t VALUES (';');\n  UPDATE "
             "t SET a = 2; -- ;\nEND",
             2, 1),
          ST("SELECT 1", 6, 1));
    SPLIT(LITE, "SELECT 'a;b', 'it''s;'; SELECT \"a;b\", [c;d], `e;f`, x'3b';",
          ST("SELECT 'a;b', 'it''s;'", 1, 1), ST("SELECT \"a;b\", [c;d], `e;f`, x'3b'", 1, 25));
    SPLIT(LITE,
          "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  SELECT CASE WHEN 1 THEN 'end;' END;\nEND;",
          ST("CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  SELECT CASE WHEN 1 THEN 'end;' "
             "END;\nEND",
             1, 1));
    /* SQLite has no backslash escapes: 'c\' is a whole string. */
    SPLIT(LITE, "SELECT 'c\\'; SELECT 2", ST("SELECT 'c\\'", 1, 1), ST("SELECT 2", 1, 14));
}

static void
test_sqlite_positions(void **state)
{
    (void)state;
    SPLIT(LITE, "SELECT 'é'; SELECT 'ü';\n\t SELECT 3", ST("SELECT 'é'", 1, 1),
          ST("SELECT 'ü'", 1, 13), ST("SELECT 3", 2, 3));
    refused_at(LITE, "SELECT 'é'; .bail on\n", 21, "dot-command", 1, 13);
    refused_at(LITE, "SELECT 1;\n.bail on\nSELECT 2;", 28, "dot-command", 2, 1);
    refused_at(LITE, "SELECT 1;\n  SELECT 'open", 23, "incomplete statement", 2, 3);
    const char *trig = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1;";
    refused_at(LITE, trig, strlen(trig), "incomplete statement", 1, 1);
    refused_at(LITE, "SELECT 1;\n\0SELECT 2;", 20, "a NUL byte", 2, 1);
    check_split(LITE, "SELECT 1; garbage", 9, (const want[]){ ST("SELECT 1", 1, 1) }, 1);
}

static void
test_sqlite_flags(void **state)
{
    (void)state;
    SPLIT(LITE,
          "BEGIN; begin immediate transaction; SAVEPOINT s; RELEASE s; ROLLBACK TO s; COMMIT;"
          "END; ROLLBACK; VACUUM; CREATE TABLE t (a); PRAGMA foreign_keys = OFF",
          TXN("BEGIN", 1, 1), TXN("begin immediate transaction", 1, 8), TXN("SAVEPOINT s", 1, 37),
          TXN("RELEASE s", 1, 50), TXN("ROLLBACK TO s", 1, 61), TXN("COMMIT", 1, 76),
          TXN("END", 1, 83), TXN("ROLLBACK", 1, 88), NOTXN("VACUUM", 1, 98),
          ST("CREATE TABLE t (a)", 1, 106), ST("PRAGMA foreign_keys = OFF", 1, 126));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pg_comments_and_empty),
        cmocka_unit_test(test_pg_quoting),
        cmocka_unit_test(test_pg_positions),
        cmocka_unit_test(test_pg_flags),
        cmocka_unit_test(test_pg_standard_strings),
        cmocka_unit_test(test_sqlite_comments_and_empty),
        cmocka_unit_test(test_sqlite_quoting),
        cmocka_unit_test(test_sqlite_positions),
        cmocka_unit_test(test_sqlite_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
