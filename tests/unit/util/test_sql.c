/*
 * test_sql.c: unit tests for identifier/literal quoting and the keyword tables (util/sql.h).
 *
 * The tables themselves are checked against the live engines by an integration test; here we
 * check the quoting decisions, the table edges (first and last entries, so a broken sort
 * order or binary search shows) and case-insensitivity.
 */
/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/sql.h"

static void
check_ident(sd_engine e, const char *name, const char *expect)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_ident(&b, e, name);
    assert_string_equal(sd_buf_cstr(&b), expect);
    assert_int_equal(sd_sql_ident_is_bare(e, name), strcmp(sd_buf_cstr(&b), name) == 0);
    sd_buf_dispose(&b);
}

/* Same result for both engines. */
static void
check_ident_both(const char *name, const char *expect)
{
    check_ident(SD_ENGINE_SQLITE, name, expect);
    check_ident(SD_ENGINE_PG, name, expect);
}

static void
check_qualified(sd_engine e, const char *schema, const char *name, const char *expect)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_qualified(&b, e, schema, name);
    assert_string_equal(sd_buf_cstr(&b), expect);
    sd_buf_dispose(&b);
}

static void
check_literal(sd_engine e, const char *value, const char *expect)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_literal(&b, e, value);
    assert_string_equal(sd_buf_cstr(&b), expect);
    sd_buf_dispose(&b);
}

static void
check_dollar(const char *body, const char *expect)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_dollar_body(&b, body);
    assert_string_equal(sd_buf_cstr(&b), expect);
    sd_buf_dispose(&b);
}

static void
test_engine_names(void **state)
{
    (void)state;
    sd_engine e = SD_ENGINE__COUNT;

    assert_string_equal(sd_engine_name(SD_ENGINE_SQLITE), "sqlite");
    assert_string_equal(sd_engine_name(SD_ENGINE_PG), "postgresql");
    assert_true(sd_engine_from_name("sqlite", &e));
    assert_int_equal(e, SD_ENGINE_SQLITE);
    assert_true(sd_engine_from_name("postgresql", &e));
    assert_int_equal(e, SD_ENGINE_PG);
    for (int i = 0; i < SD_ENGINE__COUNT; i++) {
        assert_true(sd_engine_from_name(sd_engine_name((sd_engine)i), &e));
        assert_int_equal(e, i);
    }
    e = SD_ENGINE_PG;
    assert_false(sd_engine_from_name("SQLite", &e));
    assert_false(sd_engine_from_name("postgres", &e));
    assert_false(sd_engine_from_name("", &e));
    assert_false(sd_engine_from_name(NULL, &e));
    assert_int_equal(e, SD_ENGINE_PG); /* untouched on failure */
    assert_string_equal(sd_engine_name(SD_ENGINE__COUNT), "unknown");
}

static void
test_keywords_sqlite(void **state)
{
    (void)state;
    const char *yes[] = { "abort",     "ABORT",        "without",
                          "WITHOUT",   "select",       "Select",
                          "ORDER",     "group",        "current_timestamp",
                          "returning", "materialized", "nothing",
                          "regexp",    "ties",         "rowS",
                          "temp" };
    const char *no[] = { "",      "a",     "abor",    "aborts",  "withouts", "zzz",
                         "rowid", "user",  "int",     "text",    "integer",  "oid",
                         "true",  "false", "_select", "select_", "sel ect",  "s\xc3\xa9lect" };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (!sd_sql_is_keyword(SD_ENGINE_SQLITE, yes[i]))
            fail_msg("\"%s\" should be an SQLite keyword", yes[i]);
    }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
        if (sd_sql_is_keyword(SD_ENGINE_SQLITE, no[i]))
            fail_msg("\"%s\" should not be an SQLite keyword", no[i]);
    }
    assert_false(sd_sql_is_keyword(SD_ENGINE_SQLITE, NULL));
}

static void
test_keywords_pg(void **state)
{
    (void)state;
    /* reserved, col_name (int, between, varchar) and type_func_name (authorization, left). */
    const char *yes[] = { "all",          "ALL",     "xmltable", "XMLTABLE",      "select",
                          "order",        "group",   "user",     "USER",          "int",
                          "integer",      "between", "varchar",  "authorization", "left",
                          "current_user", "true",    "false",    "null",          "analyse",
                          "window" };
    /* Unreserved keywords and plain words need no quoting. */
    const char *no[] = { "",      "a",       "al",      "xmltables", "zzz",    "abort",
                         "name",  "text",    "data",    "key",       "action", "temp",
                         "rowid", "replace", "without", "sqlite" };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (!sd_sql_is_keyword(SD_ENGINE_PG, yes[i]))
            fail_msg("\"%s\" should be a PostgreSQL keyword", yes[i]);
    }
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
        if (sd_sql_is_keyword(SD_ENGINE_PG, no[i]))
            fail_msg("\"%s\" should not be a PostgreSQL keyword", no[i]);
    }
    assert_false(sd_sql_is_keyword(SD_ENGINE__COUNT, "select"));
}

static void
test_ident_plain(void **state)
{
    (void)state;
    check_ident_both("abc", "abc");
    check_ident_both("_x1", "_x1");
    check_ident_both("a_b_9", "a_b_9");
    check_ident_both("_", "_");
    /* Anything else is quoted. */
    check_ident_both("", "\"\"");
    check_ident_both("ABC", "\"ABC\"");
    check_ident_both("Abc", "\"Abc\"");
    check_ident_both("1abc", "\"1abc\"");
    check_ident_both("a b", "\"a b\"");
    check_ident_both("a-b", "\"a-b\"");
    check_ident_both("a$b", "\"a$b\"");
    check_ident_both("a.b", "\"a.b\"");
    check_ident_both("caf\xc3\xa9", "\"caf\xc3\xa9\"");
    check_ident_both("\xe5\x90\x8d", "\"\xe5\x90\x8d\"");
    assert_false(sd_sql_ident_is_bare(SD_ENGINE_PG, NULL));
}

static void
test_ident_hostile(void **state)
{
    (void)state;
    check_ident_both("a\"b", "\"a\"\"b\"");
    check_ident_both("\"", "\"\"\"\"");
    check_ident_both("\"\"", "\"\"\"\"\"\"");
    check_ident_both("it's", "\"it's\"");
    check_ident_both("a;b", "\"a;b\"");
    check_ident_both("x; DROP TABLE t; --", "\"x; DROP TABLE t; --\"");
    check_ident_both("--", "\"--\"");
    check_ident_both("/*", "\"/*\"");
    check_ident_both("a\nb", "\"a\nb\"");
    check_ident_both("[x]", "\"[x]\"");
    check_ident_both("`x`", "\"`x`\"");
}

static void
test_ident_keywords(void **state)
{
    (void)state;
    check_ident_both("select", "\"select\"");
    check_ident_both("order", "\"order\"");
    check_ident_both("group", "\"group\"");
    check_ident_both("table", "\"table\"");
    check_ident_both("SELECT", "\"SELECT\"");
    /* Keywords of one engine only. */
    check_ident(SD_ENGINE_PG, "user", "\"user\"");
    check_ident(SD_ENGINE_SQLITE, "user", "user");
    check_ident(SD_ENGINE_PG, "int", "\"int\"");
    check_ident(SD_ENGINE_SQLITE, "int", "int");
    check_ident(SD_ENGINE_SQLITE, "abort", "\"abort\"");
    check_ident(SD_ENGINE_PG, "abort", "abort");
    check_ident(SD_ENGINE_SQLITE, "temp", "\"temp\"");
    check_ident(SD_ENGINE_PG, "temp", "temp");
    check_ident_both("selects", "selects");
}

static void
test_qualified(void **state)
{
    (void)state;
    check_qualified(SD_ENGINE_PG, "public", "orders", "public.orders");
    check_qualified(SD_ENGINE_PG, NULL, "orders", "orders");
    check_qualified(SD_ENGINE_PG, "", "orders", "orders");
    check_qualified(SD_ENGINE_PG, "My Schema", "user", "\"My Schema\".\"user\"");
    check_qualified(SD_ENGINE_SQLITE, "main", "order", "main.\"order\"");
    check_qualified(SD_ENGINE_SQLITE, "a.b", "c\"d", "\"a.b\".\"c\"\"d\"");
    check_qualified(SD_ENGINE_SQLITE, "main", "", "main.\"\"");
}

static void
test_literal(void **state)
{
    (void)state;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        check_literal((sd_engine)e, "abc", "'abc'");
        check_literal((sd_engine)e, "", "''");
        check_literal((sd_engine)e, "it's", "'it''s'");
        check_literal((sd_engine)e, "''", "''''''");
        check_literal((sd_engine)e, "'", "''''");
        check_literal((sd_engine)e, "a\"b", "'a\"b'");
        check_literal((sd_engine)e, "a\nb", "'a\nb'");
        check_literal((sd_engine)e, "-- x; /* y */", "'-- x; /* y */'");
        check_literal((sd_engine)e, "caf\xc3\xa9", "'caf\xc3\xa9'");
    }
    /* standard_conforming_strings=on: a backslash is just a character, no E'' needed. */
    check_literal(SD_ENGINE_PG, "a\\b", "'a\\b'");
    check_literal(SD_ENGINE_PG, "\\'", "'\\'''");
    check_literal(SD_ENGINE_SQLITE, "a\\b", "'a\\b'");
}

static void
test_dollar_body(void **state)
{
    (void)state;
    check_dollar("SELECT 1", "$$SELECT 1$$");
    check_dollar("", "$$$$");
    check_dollar("it's $1", "$$it's $1$$");
    check_dollar("a $$ b", "$sd$a $$ b$sd$");
    check_dollar("$$ $sd$", "$sd1$$$ $sd$$sd1$");
    check_dollar("$$ $sd$ $sd1$", "$sd2$$$ $sd$ $sd1$$sd2$");
    /* A body ending in part of the tag would close the quote early. */
    check_dollar("x$", "$sd$x$$sd$");
    check_dollar("x$sd", "$$x$sd$$");
    check_dollar("$$ x$sd", "$sd1$$$ x$sd$sd1$");
    check_dollar("$", "$sd$$$sd$");
}

static bool
lower_word(char ch)
{
    return (ch >= 'a' && ch <= 'z') || ch == '_';
}

/* Reading back what sd_sql_ident() writes, and where a name ends. */
static void
test_read_ident(void **state)
{
    (void)state;
    const char *names[] = { "plain", "Mixed Case", "with\"quote", "\"\"", "select" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        sd_buf q = SD_BUF_INIT;
        sd_buf back = SD_BUF_INIT;
        sd_sql_ident(&q, SD_ENGINE_PG, names[i]);
        sd_buf_append(&q, "=rest");
        const char *end = sd_sql_read_ident(sd_buf_cstr(&q), lower_word, &back);
        assert_non_null(end);
        assert_string_equal(end, "=rest");
        assert_string_equal(sd_buf_cstr(&back), names[i]);
        sd_buf_dispose(&q);
        sd_buf_dispose(&back);
    }
    sd_buf b = SD_BUF_INIT;
    assert_null(sd_sql_read_ident("\"open", lower_word, &b));
    sd_buf_dispose(&b);
    const char *s = "=x";
    assert_ptr_equal(sd_sql_read_ident(s, lower_word, &b), s);
    assert_int_equal(b.len, 0);
    sd_buf_dispose(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_engine_names),  cmocka_unit_test(test_keywords_sqlite),
        cmocka_unit_test(test_keywords_pg),   cmocka_unit_test(test_ident_plain),
        cmocka_unit_test(test_ident_hostile), cmocka_unit_test(test_ident_keywords),
        cmocka_unit_test(test_qualified),     cmocka_unit_test(test_literal),
        cmocka_unit_test(test_dollar_body),   cmocka_unit_test(test_read_ident),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
