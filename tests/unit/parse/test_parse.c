/*
 * test_parse.c: the engines' parsers on stored SQL text (parse/parse.h). What a real catalog
 * holds passes; text that smuggles a second statement, leaves its expression, is of another
 * kind, creates another object or holds a psql meta-command is refused, with the reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <unistd.h>

#include "parse/parse.h"
#include "util/util.h"

static void
pg_ok(const char *text, sd_sql_shape shape)
{
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_parse_pg(text, shape, &err);
    if (rc != SD_OK)
        print_error("refused: %s: %s\n", text, err.msg);
    assert_int_equal(rc, SD_OK);
}

/* Refused, with a reason that contains why. */
static void
pg_refused(const char *text, sd_sql_shape shape, const char *why)
{
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_parse_pg(text, shape, &err), SD_ERR_PARSE);
    if (strstr(err.msg, why) == NULL)
        print_error("reason \"%s\" lacks \"%s\"\n", err.msg, why);
    assert_non_null(strstr(err.msg, why));
}

static void
test_pg_expressions(void **state)
{
    (void)state;
    pg_ok("nextval('public.t_id_seq'::regclass)", SD_SQL_EXPR);
    pg_ok("(a > 0) AND (b <> ''::text)", SD_SQL_EXPR);
    pg_ok("CASE WHEN x THEN 1 ELSE 2 END", SD_SQL_EXPR);
    pg_ok("'a;b'::text", SD_SQL_EXPR);
    pg_refused("1); DROP TABLE users; SELECT (1", SD_SQL_EXPR, "3 statements");
    pg_refused("1) FROM pg_class WHERE (true", SD_SQL_EXPR, "more than one expression");
    pg_refused("1), (2", SD_SQL_EXPR, "more than one expression");
    pg_refused("1) + (2", SD_SQL_EXPR, "syntax error");
    pg_refused("1 AS x", SD_SQL_EXPR, "syntax error");
    pg_refused("1 \\! id", SD_SQL_EXPR, "syntax error");
    pg_refused("1 -- ", SD_SQL_EXPR, "syntax error");
    pg_refused("", SD_SQL_EXPR, "syntax error");
}

static void
test_pg_statements(void **state)
{
    (void)state;
    pg_ok("SELECT a, b FROM public.t WHERE a > 1", SD_SQL_QUERY);
    pg_ok(" WITH x AS (SELECT 1) SELECT * FROM x", SD_SQL_QUERY);
    pg_ok("VALUES (1), (2)", SD_SQL_QUERY);
    pg_ok("CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS $$SELECT 1; SELECT 2$$",
          SD_SQL_CREATE_FUNCTION);
    pg_ok("CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
          SD_SQL_CREATE_FUNCTION);
    pg_ok("CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.f()",
          SD_SQL_CREATE_TRIGGER);
    pg_ok("CREATE AGGREGATE public.s(integer) (SFUNC = int4pl, STYPE = integer)",
          SD_SQL_CREATE_DEFINE);
    pg_refused("CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT 1; "
               "END; DROP TABLE users",
               SD_SQL_CREATE_FUNCTION, "2 statements");
    pg_refused("SELECT 1; DROP TABLE users", SD_SQL_QUERY, "2 statements");
    pg_refused("DROP TABLE users", SD_SQL_CREATE_TRIGGER, "DropStmt, not CreateTrigStmt");
    pg_ok("CREATE RULE r AS ON INSERT TO public.v DO INSTEAD ( INSERT INTO public.t (a) VALUES "
          "(new.a); DELETE FROM public.t WHERE (t.a = 0); );",
          SD_SQL_CREATE_RULE);
    pg_refused("CREATE RULE r AS ON INSERT TO public.v DO INSTEAD NOTHING; DROP TABLE users",
               SD_SQL_CREATE_RULE, "2 statements");
    pg_refused("CREATE VIEW v AS SELECT 1", SD_SQL_CREATE_RULE, "ViewStmt, not RuleStmt");
    pg_ok("CREATE OPERATOR CLASS public.o FOR TYPE integer USING btree FAMILY public.o AS "
          "OPERATOR 1 <(integer,integer), FUNCTION 1 (integer, integer) btint4cmp(integer,integer)",
          SD_SQL_CREATE_OPCLASS);
    pg_ok("ALTER OPERATOR FAMILY public.f USING btree DROP OPERATOR 1 (integer,bigint), "
          "FUNCTION 1 (integer, bigint)",
          SD_SQL_ALTER_OPFAMILY);
    pg_ok("CREATE DEFAULT CONVERSION public.c FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1",
          SD_SQL_CONVERSION);
    pg_refused("CREATE OPERATOR FAMILY public.f USING btree", SD_SQL_ALTER_OPFAMILY,
               "CreateOpFamilyStmt, not AlterOpFamilyStmt");
    pg_refused("CREATE CONVERSION public.c FOR 'UTF8' TO 'LATIN1' FROM f; DROP TABLE users",
               SD_SQL_CONVERSION, "2 statements");
    pg_ok("CREATE STATISTICS public.s (ndistinct, mcv) ON a, (b + c) FROM public.t",
          SD_SQL_CREATE_STATS);
    pg_refused("CREATE STATISTICS public.s ON a, b FROM public.t; DROP TABLE users",
               SD_SQL_CREATE_STATS, "2 statements");
    pg_refused("CREATE INDEX i ON t (a)", SD_SQL_CREATE_STATS, "IndexStmt, not CreateStatsStmt");
    pg_refused("SELECT 1 \\! touch /tmp/x", SD_SQL_QUERY, "syntax error");
}

/* A stored CREATE statement, checked for the object it creates. */
static sd_status
pg_create(const char *text,
          sd_sql_shape shape,
          const char *schema,
          const char *name,
          const char *table,
          sd_err *err)
{
    const sd_pg_creates want = { schema, name, table };
    return sd_parse_pg_create(text, shape, &want, err);
}

static void
pg_create_refused(const char *text,
                  sd_sql_shape shape,
                  const char *schema,
                  const char *name,
                  const char *table,
                  const char *why)
{
    sd_err err = SD_ERR_INIT;
    assert_int_equal(pg_create(text, shape, schema, name, table, &err), SD_ERR_PARSE);
    if (strstr(err.msg, why) == NULL)
        print_error("reason \"%s\" lacks \"%s\"\n", err.msg, why);
    assert_non_null(strstr(err.msg, why));
}

/* What the deparsers write creates the object it is stored under; anything else is refused,
 * naming what it would create instead. */
static void
test_pg_creates(void **state)
{
    (void)state;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(pg_create("CREATE OR REPLACE FUNCTION \"my.s\".\"F\"(a integer) RETURNS "
                               "integer LANGUAGE sql AS $$SELECT a$$",
                               SD_SQL_CREATE_FUNCTION, "my.s", "F", NULL, &err),
                     SD_OK);
    assert_int_equal(pg_create("CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW "
                               "EXECUTE FUNCTION public.f()",
                               SD_SQL_CREATE_TRIGGER, "public", "tr", "t", &err),
                     SD_OK);
    assert_int_equal(pg_create("CREATE RULE r AS ON INSERT TO app.v DO INSTEAD NOTHING",
                               SD_SQL_CREATE_RULE, "app", "r", "v", &err),
                     SD_OK);
    assert_int_equal(pg_create("CREATE STATISTICS app.s ON a, b FROM app.t", SD_SQL_CREATE_STATS,
                               "app", "s", NULL, &err),
                     SD_OK);
    pg_create_refused("CREATE FUNCTION public.other() RETURNS integer LANGUAGE sql AS $$SELECT 1$$",
                      SD_SQL_CREATE_FUNCTION, "public", "f", NULL,
                      "it creates public.other, not public.f");
    pg_create_refused("CREATE FUNCTION f() RETURNS integer LANGUAGE sql AS $$SELECT 1$$",
                      SD_SQL_CREATE_FUNCTION, "public", "f", NULL,
                      "it creates (no schema).f, not public.f");
    pg_create_refused("CREATE FUNCTION evil.f() RETURNS integer LANGUAGE sql AS $$SELECT 1$$",
                      SD_SQL_CREATE_FUNCTION, "public", "f", NULL, "it creates evil.f");
    pg_create_refused("CREATE TRIGGER tr BEFORE DELETE ON public.users FOR EACH ROW EXECUTE "
                      "FUNCTION public.f()",
                      SD_SQL_CREATE_TRIGGER, "public", "tr", "t",
                      "it creates tr on public.users, not tr on public.t");
    pg_create_refused("CREATE TRIGGER tr2 BEFORE INSERT ON public.t FOR EACH ROW EXECUTE "
                      "FUNCTION public.f()",
                      SD_SQL_CREATE_TRIGGER, "public", "tr", "t", "it creates tr2 on public.t");
    pg_create_refused("CREATE TRIGGER tr BEFORE INSERT ON db.public.t FOR EACH ROW EXECUTE "
                      "FUNCTION public.f()",
                      SD_SQL_CREATE_TRIGGER, "public", "tr", "t", "(no schema)");
    pg_create_refused("CREATE RULE r AS ON DELETE TO public.users DO INSTEAD NOTHING",
                      SD_SQL_CREATE_RULE, "public", "r", "v", "it creates r on public.users");
    pg_create_refused("CREATE STATISTICS public.s ON a, b FROM public.t", SD_SQL_CREATE_STATS,
                      "app", "s", NULL, "it creates public.s, not app.s");
    pg_create_refused("CREATE TRIGGER tr BEFORE INSERT ON public.t FOR EACH ROW EXECUTE "
                      "FUNCTION public.f(); DROP TABLE t",
                      SD_SQL_CREATE_TRIGGER, "public", "tr", "t", "2 statements");
    assert_int_equal(
        pg_create("CREATE INDEX i ON public.t (a)", SD_SQL_PIECE, "public", "i", NULL, &err),
        SD_ERR_UNSUPPORTED);
}

static void
test_pg_pieces(void **state)
{
    (void)state;
    pg_ok("character varying(255)", SD_SQL_PIECE);
    pg_ok("public.\"my;type\"[]", SD_SQL_PIECE);
    pg_ok("FOR VALUES IN ('a;b', 'c')", SD_SQL_PIECE);
    pg_ok("  integer  ", SD_SQL_PIECE);
    pg_ok("$x$;$x$", SD_SQL_PIECE);
    pg_refused("integer; DROP TABLE users", SD_SQL_PIECE, "not one piece");
    pg_refused("integer;", SD_SQL_PIECE, "not one piece");
    pg_refused("int)", SD_SQL_PIECE, "");
    pg_refused("x /* ; ", SD_SQL_PIECE, "comment");
    pg_refused("'open", SD_SQL_PIECE, "quoted");
}

static void
sqlite_ok(const char *text, sd_sql_shape shape, const char *name, const char *table)
{
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_parse_sqlite_create(text, shape, name, table, &err);
    if (rc != SD_OK)
        print_error("refused: %s: %s\n", text, err.msg);
    assert_int_equal(rc, SD_OK);
}

static void
sqlite_refused(const char *text,
               sd_sql_shape shape,
               const char *name,
               const char *table,
               const char *why)
{
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_parse_sqlite_create(text, shape, name, table, &err), SD_ERR_PARSE);
    if (strstr(err.msg, why) == NULL)
        print_error("reason \"%s\" lacks \"%s\"\n", err.msg, why);
    assert_non_null(strstr(err.msg, why));
}

static void
test_sqlite_statements(void **state)
{
    (void)state;
    sqlite_ok("CREATE VIEW v AS SELECT a FROM t /* t is not there */", SD_SQL_CREATE_VIEW, "v",
              NULL);
    sqlite_ok("CREATE VIEW \"V x\" AS SELECT 1;  -- trailing", SD_SQL_CREATE_VIEW, "v x", NULL);
    sqlite_ok("CREATE TRIGGER tr AFTER INSERT ON users BEGIN INSERT INTO log VALUES (new.id); "
              "UPDATE n SET c = c + 1; END",
              SD_SQL_CREATE_TRIGGER, "tr", "users");
    sqlite_ok("CREATE TRIGGER tr BEFORE DELETE ON users WHEN old.id > 0 BEGIN SELECT RAISE(ABORT, "
              "'no'); DELETE FROM log WHERE x = old.id; UPDATE n SET c = 0; END",
              SD_SQL_CREATE_TRIGGER, "tr", "users");
    sqlite_ok("CREATE VIEW v AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
              "WHERE x < 5) SELECT x FROM c",
              SD_SQL_CREATE_VIEW, "v", NULL);
    sqlite_ok("CREATE TRIGGER tr INSTEAD OF INSERT ON v BEGIN SELECT 1; END", SD_SQL_CREATE_TRIGGER,
              "tr", "v");
    sqlite_refused("CREATE TRIGGER tr AFTER INSERT ON users BEGIN SELECT 1; END; DROP TABLE users; "
                   "--",
                   SD_SQL_CREATE_TRIGGER, "tr", "users", "more than one statement");
    sqlite_refused("CREATE VIEW v AS SELECT 1; CREATE VIEW w AS SELECT 2", SD_SQL_CREATE_VIEW, "v",
                   NULL, "more than one statement");
    sqlite_refused("CREATE VIEW other AS SELECT 1", SD_SQL_CREATE_VIEW, "v", NULL,
                   "does not create the view v");
    sqlite_refused("CREATE TEMP VIEW v AS SELECT 1", SD_SQL_CREATE_VIEW, "v", NULL,
                   "not one CREATE VIEW statement");
    sqlite_refused("DROP TABLE users", SD_SQL_CREATE_TRIGGER, "tr", "users",
                   "not one CREATE TRIGGER statement");
    sqlite_refused("CREATE VIEW v AS SELEC 1", SD_SQL_CREATE_VIEW, "v", NULL, "syntax error");
    /* One statement to SQLite, two to the sqlite3 shell, which ends one at a line "/" or
     * "go": 1 / attach(...) AS x would run ATTACH on its own. */
    sqlite_refused("CREATE VIEW v AS SELECT 1\n/\nattach('/tmp/x.db') AS x", SD_SQL_CREATE_VIEW,
                   "v", NULL, "sqlite3 shell");
    sqlite_refused("CREATE VIEW v AS SELECT 1 AS go\n  GO -- x\n", SD_SQL_CREATE_VIEW, "v", NULL,
                   "sqlite3 shell");
    sqlite_ok("CREATE VIEW v AS SELECT a\n  / 2 AS half, good\nFROM t", SD_SQL_CREATE_VIEW, "v",
              NULL);
    /* Nothing but the CREATE asked for runs, not even in the scratch database. */
    sqlite_refused("VACUUM INTO '/tmp/sd-parse-test-vacuum.db'", SD_SQL_CREATE_VIEW, "v", NULL,
                   "not one CREATE VIEW statement");
    assert_int_not_equal(access("/tmp/sd-parse-test-vacuum.db", F_OK), 0);
    sqlite_refused("ATTACH '/tmp/sd-parse-test-attach.db' AS x", SD_SQL_CREATE_VIEW, "v", NULL, "");
    assert_int_not_equal(access("/tmp/sd-parse-test-attach.db", F_OK), 0);
    sqlite_refused("CREATE TABLE v (a)", SD_SQL_CREATE_VIEW, "v", NULL, "");
    sqlite_refused("CREATE TRIGGER tr AFTER INSERT ON users BEGIN SELECT 1; END",
                   SD_SQL_CREATE_VIEW, "tr", NULL, "");
}

static size_t
pg_count(const char *script)
{
    size_t n = 0;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_parse_pg_count(script, &n, &err), SD_OK);
    return n;
}

static size_t
sqlite_count(const char *script)
{
    size_t n = 0;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_parse_sqlite_count(script, &n, &err), SD_OK);
    return n;
}

/* A whole script's statements, as psql would run them. */
static void
test_pg_count(void **state)
{
    (void)state;
    assert_int_equal(pg_count(""), 0);
    assert_int_equal(pg_count("\\set ON_ERROR_STOP on\n-- a comment\nBEGIN;\nCOMMIT;\n"), 2);
    /* A BEGIN ATOMIC body's ';' and a DO block's are inside one statement. */
    assert_int_equal(pg_count("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT "
                              "1; SELECT 2; END;\nDO $$ BEGIN PERFORM 1; END $$;\n"),
                     2);
    /* A ';' inside a literal or a comment ends nothing. */
    assert_int_equal(pg_count("COMMENT ON TABLE t IS 'a;\nb';\n-- x;\n"), 1);
    /* What a smuggled text would add is counted. */
    assert_int_equal(pg_count("CREATE VIEW v AS SELECT 1; DROP TABLE users; --;\n"), 2);
    size_t n = 0;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_parse_pg_count("SELEC 1;", &n, &err), SD_ERR_PARSE);
}

/* A whole script's statements, as the sqlite3 shell would run them. */
static void
test_sqlite_count(void **state)
{
    (void)state;
    assert_int_equal(sqlite_count(""), 0);
    assert_int_equal(sqlite_count(".bail on\n-- header\nBEGIN;\nCOMMIT;\n"), 2);
    /* A trigger's body is one statement with it. */
    assert_int_equal(sqlite_count("CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  SELECT 1;\n"
                                  "  SELECT 2;\nEND;\nCREATE TABLE x (a);\n"),
                     2);
    assert_int_equal(sqlite_count("CREATE VIEW v AS SELECT 1; DROP TABLE users; --\n"), 2);
    assert_int_equal(sqlite_count("INSERT INTO t VALUES ('a;\n.b');\n"), 1);
}

static sd_pg_fn_path
fn_path(const char *text)
{
    sd_err err = SD_ERR_INIT;
    sd_pg_fn_path path = SD_PG_FN_PATH_BOUND;
    sd_status rc = sd_parse_pg_function_path(text, &path, &err);
    if (rc != SD_OK)
        print_error("refused: %s: %s\n", text, err.msg);
    assert_int_equal(rc, SD_OK);
    return path;
}

/* Which search_path a function's body runs with, read from the tree: a SET search_path
 * or a LANGUAGE inside the body's string is not the definition's. */
static void
test_pg_function_path(void **state)
{
    (void)state;
    assert_int_equal(fn_path("CREATE OR REPLACE FUNCTION public.f()\n RETURNS bigint\n LANGUAGE "
                             "sql\n STABLE\nAS $function$SELECT count(*) FROM users$function$"),
                     SD_PG_FN_PATH_CALLER);
    assert_int_equal(fn_path("CREATE FUNCTION public.f() RETURNS integer LANGUAGE plpgsql AS $$"
                             "BEGIN SET search_path = public; RETURN 1; END$$"),
                     SD_PG_FN_PATH_CALLER);
    assert_int_equal(fn_path("CREATE FUNCTION public.f() RETURNS bigint LANGUAGE sql\n SET "
                             "search_path TO 'public', 'pg_temp'\nAS $function$SELECT 1$function$"),
                     SD_PG_FN_PATH_OWN);
    assert_int_equal(fn_path("CREATE FUNCTION public.f() RETURNS bigint LANGUAGE sql SET work_mem "
                             "TO '64MB' AS 'SELECT 1'"),
                     SD_PG_FN_PATH_CALLER);
    assert_int_equal(fn_path("CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql BEGIN "
                             "ATOMIC SELECT 1; END"),
                     SD_PG_FN_PATH_BOUND);
    assert_int_equal(fn_path("CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql RETURN 1"),
                     SD_PG_FN_PATH_BOUND);
    assert_int_equal(fn_path("CREATE FUNCTION public.f(integer) RETURNS integer LANGUAGE c AS "
                             "'$libdir/x', 'f'"),
                     SD_PG_FN_PATH_BOUND);
    sd_err err = SD_ERR_INIT;
    sd_pg_fn_path path = SD_PG_FN_PATH_OWN;
    assert_int_equal(sd_parse_pg_function_path("CREATE FUNCTION public.f() RETURNS integer "
                                               "LANGUAGE sql AS 'SELECT 1'; DROP TABLE users",
                                               &path, &err),
                     SD_ERR_PARSE);
    assert_non_null(strstr(err.msg, "2 statements"));
    assert_int_equal(sd_parse_pg_function_path("DROP TABLE users", &path, &err), SD_ERR_PARSE);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pg_expressions),   cmocka_unit_test(test_pg_statements),
        cmocka_unit_test(test_pg_pieces),        cmocka_unit_test(test_sqlite_statements),
        cmocka_unit_test(test_pg_count),         cmocka_unit_test(test_sqlite_count),
        cmocka_unit_test(test_pg_function_path), cmocka_unit_test(test_pg_creates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
