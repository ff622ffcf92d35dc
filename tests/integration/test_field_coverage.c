/*
 * test_field_coverage.c: every field of the kind registry must be added, dropped and changed
 * by at least one round-trip pair, so that test coverage cannot silently lag the model.
 * "Added"/"dropped": an object created/dropped (directly or inside a created/dropped table)
 * with the field at a non-zero value; "changed": an ALTER whose fields or notes name it.
 * For PostgreSQL, every kind must also be created and dropped by some pair's own change
 * (a column by ADD/DROP COLUMN, not only inside a new table).
 *
 * Usage: test_field_coverage ENGINE CASES_DIR [STATEFILE]
 *   sqlite      CASES_DIR/<case>/{from,to}.sql are loaded into temporary SQLite files.
 *   postgresql  they are loaded (psql, as the round-trip test does) into databases on the
 *               test fixture's server, whose PGHOST/PGPORT/PGBIN STATEFILE holds
 *               (tests/scripts/pg_tmp.sh); the "-- roles:" header roles are created first.
 * Only the fields and kinds that exist for ENGINE are checked. The old form
 * "test_field_coverage CASES_DIR" means sqlite.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "conn/conn.h"
#include "diff/diff.h"
#include "introspect/introspect.h"
#include "model/model.h"
#include "util/util.h"

extern char **environ;

enum {
    ADDED,
    DROPPED,
    CHANGED
};
static unsigned seen[SD_KIND__COUNT][64];
static unsigned seen_kind[SD_KIND__COUNT];
static const char *cases_dir;
static sd_engine engine;

/* The fixture server (PostgreSQL only), from STATEFILE. */
static char pg_host[1024];
static char pg_port[32];
static char pg_bin[1024];
static const char *state_path;

/* Fields that cannot change by nature: a different value makes a different object. */
static const struct {
    sd_kind kind;
    size_t field;
    const char *why;
} NEVER_CHANGED[] = {
    { SD_KIND_FUNCTION, SD_FUNCTION_NAME, "part of the function's identity name(arguments)" },
    { SD_KIND_FUNCTION, SD_FUNCTION_ARGUMENTS, "part of the function's identity name(arguments)" },
    { SD_KIND_AGGREGATE, SD_AGGREGATE_NAME, "part of the aggregate's identity name(arguments)" },
    { SD_KIND_CAST, SD_CAST_SOURCE, "part of the cast's identity (source AS target)" },
    { SD_KIND_CAST, SD_CAST_TARGET, "part of the cast's identity (source AS target)" },
    { SD_KIND_TRANSFORM, SD_TRANSFORM_TYPE, "part of the transform's identity (type, language)" },
    { SD_KIND_TRANSFORM, SD_TRANSFORM_LANGUAGE,
      "part of the transform's identity (type, language)" },
    { SD_KIND_DEFAULT_ACL, SD_DEFAULT_ACL_ROLE,
      "part of the default privileges' identity (role on object type)" },
    { SD_KIND_DEFAULT_ACL, SD_DEFAULT_ACL_OBJECT_TYPE,
      "part of the default privileges' identity (role on object type)" },
    { SD_KIND_USER_MAPPING, SD_USER_MAPPING_USER, "part of the mapping's identity user@server" },
    { SD_KIND_USER_MAPPING, SD_USER_MAPPING_SERVER, "part of the mapping's identity user@server" },
};

/* Fields that depend on who reads, not on the schema: the pairs are read by a superuser, who
 * sees everything, so another test covers them (named in why). */
static const struct {
    sd_kind kind;
    size_t field;
    const char *why;
} READER_FIELDS[] = {
    { SD_KIND_USER_MAPPING, SD_USER_MAPPING_OPTIONS_HIDDEN,
      "options a role cannot see: tests/integration/pg/cli_pg_not_compared.sh" },
};

/* ---- SQLite ---- */

static void
load_sqlite(const char *sql_path, const char *db_path)
{
    sd_buf sql = SD_BUF_INIT;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_fs_read_all(&sql, sql_path, &err), SD_OK);
    unlink(db_path);
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, sd_buf_cstr(&sql), NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql_path, msg);
    sqlite3_close(db);
    sd_buf_dispose(&sql);
}

static void
introspect_sqlite(const char *from_sql, const char *to_sql, sd_model **ma, sd_model **mb)
{
    char a[] = "/tmp/sd-cov-a.XXXXXX", b[] = "/tmp/sd-cov-b.XXXXXX";
    int fa = mkstemp(a), fb = mkstemp(b);
    assert_true(fa >= 0 && fb >= 0);
    close(fa);
    close(fb);
    load_sqlite(from_sql, a);
    load_sqlite(to_sql, b);
    sd_err err = SD_ERR_INIT;
    if (sd_sqlite_introspect(ma, a, &err) != SD_OK || sd_sqlite_introspect(mb, b, &err) != SD_OK)
        fail_msg("%s: %s", from_sql, err.msg);
    unlink(a);
    unlink(b);
}

/* ---- PostgreSQL ---- */

static void
read_state(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        fail_msg("no PostgreSQL fixture state in %s: run this test through ctest, which starts "
                 "the fixture (pg.start)",
                 path);
    char line[2048];
    while (fgets(line, sizeof(line), f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        char *eq = strchr(line, '=');
        if (eq == NULL)
            continue;
        *eq = '\0';
        if (strcmp(line, "PGHOST") == 0)
            snprintf(pg_host, sizeof(pg_host), "%s", eq + 1);
        else if (strcmp(line, "PGPORT") == 0)
            snprintf(pg_port, sizeof(pg_port), "%s", eq + 1);
        else if (strcmp(line, "PGBIN") == 0)
            snprintf(pg_bin, sizeof(pg_bin), "%s", eq + 1);
    }
    fclose(f);
    if (pg_host[0] == '\0' || pg_port[0] == '\0' || pg_bin[0] == '\0')
        fail_msg("%s lacks PGHOST, PGPORT or PGBIN", path);
}

/* "host=... port=... dbname=... user=postgres" (the fixture's paths have no blanks). */
static void
pg_conninfo(sd_buf *b, const char *dbname)
{
    sd_buf_appendf(b, "host=%s port=%s dbname=%s user=postgres", pg_host, pg_port, dbname);
}

static void
pg_exec(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        fail_msg("%s: %s", sql, PQerrorMessage(conn));
    PQclear(res);
}

/* Create the roles of a "-- roles: a, b" first line, unless they exist (they are cluster-wide
 * and other tests may create the same ones at the same moment). */
static void
pg_create_roles(PGconn *conn, const char *sql_path)
{
    static const char prefix[] = "-- roles: ";
    char line[4096];
    FILE *f = fopen(sql_path, "r");
    assert_non_null(f);
    bool have = fgets(line, sizeof(line), f) != NULL;
    fclose(f);
    if (!have || strncmp(line, prefix, strlen(prefix)) != 0)
        return;
    line[strcspn(line, "\r\n")] = '\0';
    char *p = line + strlen(prefix);
    while (*p != '\0') {
        char *end = strstr(p, ", ");
        if (end != NULL)
            *end = '\0';
        const char *values[1] = { p };
        PGresult *res = PQexecParams(conn, "SELECT set_config('sd.rolename', $1, false)", 1, NULL,
                                     values, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK)
            fail_msg("setting the role name: %s", PQerrorMessage(conn));
        PQclear(res);
        pg_exec(conn, "DO $$ BEGIN EXECUTE format('CREATE ROLE %I', "
                      "current_setting('sd.rolename')); "
                      "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
        if (end == NULL)
            break;
        p = end + 2;
    }
}

/* A database holding a subscription cannot be dropped, not even WITH (FORCE): each is let go
 * of its slot (the pairs make them with connect = false, so none exists) and dropped. */
static void
pg_drop_subscriptions(const char *name)
{
    sd_buf ci = SD_BUF_INIT;
    pg_conninfo(&ci, name);
    PGconn *db = PQconnectdb(sd_buf_cstr(&ci));
    sd_buf_dispose(&ci);
    if (PQstatus(db) != CONNECTION_OK) {
        PQfinish(db); /* no such database yet */
        return;
    }
    PGresult *res = PQexec(db, "SELECT quote_ident(s.subname) FROM pg_subscription s JOIN "
                               "pg_database d ON d.oid = s.subdbid "
                               "WHERE d.datname = current_database()");
    for (int i = 0; PQresultStatus(res) == PGRES_TUPLES_OK && i < PQntuples(res); i++) {
        /* The name is quote_ident()'s. */
        static const char *const BEFORE[] = { "ALTER SUBSCRIPTION ", "ALTER SUBSCRIPTION ",
                                              "DROP SUBSCRIPTION " };
        static const char *const AFTER[] = { " DISABLE", " SET (slot_name = NONE)", "" };
        for (size_t k = 0; k < sizeof(BEFORE) / sizeof(BEFORE[0]); k++) {
            sd_buf sql = SD_BUF_INIT;
            sd_buf_append(&sql, BEFORE[k]);
            sd_buf_append(&sql, PQgetvalue(res, i, 0));
            sd_buf_append(&sql, AFTER[k]);
            pg_exec(db, sd_buf_cstr(&sql));
            sd_buf_dispose(&sql);
        }
    }
    PQclear(res);
    PQfinish(db);
}

static void
pg_recreate_db(PGconn *conn, const char *name, bool create)
{
    pg_drop_subscriptions(name);
    sd_buf sql = SD_BUF_INIT;
    sd_buf_append(&sql, "DROP DATABASE IF EXISTS ");
    sd_sql_ident(&sql, SD_ENGINE_PG, name);
    sd_buf_append(&sql, " WITH (FORCE)");
    pg_exec(conn, sd_buf_cstr(&sql));
    if (create) {
        sd_buf_reset(&sql);
        sd_buf_append(&sql, "CREATE DATABASE ");
        sd_sql_ident(&sql, SD_ENGINE_PG, name);
        sd_buf_append(&sql, " TEMPLATE template0");
        pg_exec(conn, sd_buf_cstr(&sql));
    }
    assert_false(sd_buf_failed(&sql));
    sd_buf_dispose(&sql);
}

/* Load a file with psql -v ON_ERROR_STOP=1 -X -q -f, exactly as roundtrip_pg.sh does (so
 * statements that cannot run inside a transaction block work). */
static void
pg_load(const char *sql_path, const char *dbname)
{
    sd_buf psql = SD_BUF_INIT, conn = SD_BUF_INIT;
    sd_buf_appendf(&psql, "%s/psql", pg_bin);
    pg_conninfo(&conn, dbname);
    char *const argv[] = { (char *)sd_buf_cstr(&psql),
                           (char *)"-X",
                           (char *)"-q",
                           (char *)"-v",
                           (char *)"ON_ERROR_STOP=1",
                           (char *)"-d",
                           (char *)sd_buf_cstr(&conn),
                           (char *)"-f",
                           (char *)sql_path,
                           NULL };
    posix_spawn_file_actions_t fa;
    assert_int_equal(posix_spawn_file_actions_init(&fa), 0);
    assert_int_equal(posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0), 0);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        fail_msg("cannot run %s: %s", argv[0], strerror(rc));
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail_msg("could not load %s (psql status %d)", sql_path, status);
    sd_buf_dispose(&psql);
    sd_buf_dispose(&conn);
}

static void
introspect_pg(const char *from_sql, const char *to_sql, sd_model **ma, sd_model **mb)
{
    char a[64], b[64];
    snprintf(a, sizeof(a), "sd_cov_%ld_a", (long)getpid());
    snprintf(b, sizeof(b), "sd_cov_%ld_b", (long)getpid());
    sd_buf admin = SD_BUF_INIT, ca = SD_BUF_INIT, cb = SD_BUF_INIT;
    pg_conninfo(&admin, "postgres");
    pg_conninfo(&ca, a);
    pg_conninfo(&cb, b);
    PGconn *conn = PQconnectdb(sd_buf_cstr(&admin));
    if (PQstatus(conn) != CONNECTION_OK)
        fail_msg("cannot connect to the fixture server: %s", PQerrorMessage(conn));
    pg_exec(conn, "SET client_min_messages = warning");
    pg_create_roles(conn, from_sql);
    pg_create_roles(conn, to_sql);
    pg_recreate_db(conn, a, true);
    pg_recreate_db(conn, b, true);
    pg_load(from_sql, a);
    pg_load(to_sql, b);
    sd_err err = SD_ERR_INIT;
    sd_pg_options opts;
    memset(&opts, 0, sizeof(opts));
    sd_conn_params *pa = NULL;
    sd_conn_params *pb = NULL;
    if (sd_conn_parse(&pa, sd_buf_cstr(&ca), &err) != SD_OK ||
        sd_conn_parse(&pb, sd_buf_cstr(&cb), &err) != SD_OK ||
        sd_pg_introspect(ma, pa, &opts, &err) != SD_OK ||
        sd_pg_introspect(mb, pb, &opts, &err) != SD_OK)
        fail_msg("%s: %s (%s)", from_sql, err.msg, err.where);
    sd_conn_free(pa);
    sd_conn_free(pb);
    pg_recreate_db(conn, a, false);
    pg_recreate_db(conn, b, false);
    PQfinish(conn);
    sd_buf_dispose(&admin);
    sd_buf_dispose(&ca);
    sd_buf_dispose(&cb);
}

/* ---- coverage ---- */

static void
mark_object(const sd_model *m, const sd_object *o, int what)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    for (size_t f = 0; f < ki->nfields; f++)
        if (!sd_value_is_default(ki->fields[f].type, &o->v[f]))
            seen[o->kind][f] |= 1u << what;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = 0;
        const sd_object *const *kids = sd_model_children(m, o, (sd_kind)k, &n);
        for (size_t i = 0; i < n; i++)
            mark_object(m, kids[i], what);
    }
}

static void
scan_case(const char *dir)
{
    sd_buf from_sql = SD_BUF_INIT, to_sql = SD_BUF_INIT;
    sd_buf_appendf(&from_sql, "%s/from.sql", dir);
    sd_buf_appendf(&to_sql, "%s/to.sql", dir);
    sd_model *ma = NULL, *mb = NULL;
    if (engine == SD_ENGINE_PG)
        introspect_pg(sd_buf_cstr(&from_sql), sd_buf_cstr(&to_sql), &ma, &mb);
    else
        introspect_sqlite(sd_buf_cstr(&from_sql), sd_buf_cstr(&to_sql), &ma, &mb);
    sd_buf_dispose(&from_sql);
    sd_buf_dispose(&to_sql);
    sd_err err = SD_ERR_INIT;
    sd_changelist *cl = NULL;
    if (sd_diff_models(&cl, ma, mb, NULL, &err) != SD_OK)
        fail_msg("%s: %s", dir, err.msg);
    for (size_t i = 0; i < sd_changelist_count(cl); i++) {
        const sd_change *c = sd_changelist_at(cl, i);
        if (c->op == SD_OP_CREATE) {
            mark_object(mb, c->to, ADDED);
            seen_kind[c->kind] |= 1u << ADDED;
        } else if (c->op == SD_OP_DROP) {
            mark_object(ma, c->from, DROPPED);
            seen_kind[c->kind] |= 1u << DROPPED;
        }
        for (size_t f = 0; f < 64; f++)
            if ((c->fields | c->notes) & (UINT64_C(1) << f))
                seen[c->kind][f] |= 1u << CHANGED;
    }
    sd_changelist_free(cl);
    sd_model_free(ma);
    sd_model_free(mb);
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
never_changed(size_t k, size_t f)
{
    for (size_t i = 0; i < SD_ARRAY_LEN(NEVER_CHANGED); i++)
        if ((size_t)NEVER_CHANGED[i].kind == k && NEVER_CHANGED[i].field == f)
            return true;
    return false;
}

static bool
reader_field(size_t k, size_t f)
{
    for (size_t i = 0; i < SD_ARRAY_LEN(READER_FIELDS); i++)
        if ((size_t)READER_FIELDS[i].kind == k && READER_FIELDS[i].field == f)
            return true;
    return false;
}

static void
test_every_field_is_exercised(void **state)
{
    (void)state;
    if (engine == SD_ENGINE_PG)
        read_state(state_path);
    DIR *d = opendir(cases_dir);
    if (d == NULL)
        fail_msg("cannot open %s", cases_dir);
    /* Case directories in name order, so that failures repeat in the same order. */
    char **names = NULL;
    size_t nnames = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        sd_buf path = SD_BUF_INIT;
        sd_buf_appendf(&path, "%s/%s/from.sql", cases_dir, e->d_name);
        if (access(sd_buf_cstr(&path), R_OK) == 0) {
            names = realloc(names, (nnames + 1) * sizeof(*names));
            assert_non_null(names);
            names[nnames] = strdup(e->d_name);
            assert_non_null(names[nnames]);
            nnames++;
        }
        sd_buf_dispose(&path);
    }
    closedir(d);
    if (nnames > 0)
        qsort(names, nnames, sizeof(*names), cmp_names);
    for (size_t i = 0; i < nnames; i++) {
        sd_buf path = SD_BUF_INIT;
        sd_buf_appendf(&path, "%s/%s", cases_dir, names[i]);
        scan_case(sd_buf_cstr(&path));
        sd_buf_dispose(&path);
        free(names[i]);
    }
    free(names);

    static const char *const what[] = { "added", "dropped", "changed" };
    int missing = 0;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        /* Only what this engine has: the other engine's fields are covered by its own run. */
        if (!sd_kind_for_engine(ki, engine))
            continue;
        if (engine == SD_ENGINE_PG) {
            for (int w = 0; w < 2; w++)
                if (!(seen_kind[k] & (1u << w))) {
                    fprintf(stderr, "no pair has a %s %s by its own change\n", ki->name, what[w]);
                    missing++;
                }
        }
        for (size_t f = 0; f < ki->nfields; f++) {
            if (!sd_field_for_engine(&ki->fields[f], engine) || reader_field(k, f))
                continue;
            for (int w = 0; w < 3; w++) {
                if (w == CHANGED && never_changed(k, f))
                    continue;
                if (!(seen[k][f] & (1u << w))) {
                    fprintf(stderr, "no pair has %s.%s %s\n", ki->name, ki->fields[f].name,
                            what[w]);
                    missing++;
                }
            }
        }
    }
    printf("%zu %s pairs scanned\n", nnames, sd_engine_name(engine));
    size_t want = engine == SD_ENGINE_PG ? 150 : 40;
    if (nnames < want)
        fail_msg("expected at least %zu pairs in %s, found %zu", want, cases_dir, nnames);
    assert_int_equal(missing, 0);
}

int
main(int argc, char **argv)
{
    const char *engine_name = "sqlite";
    const char *statefile = NULL;
    if (argc == 2) {
        cases_dir = argv[1];
    } else if (argc == 3 || argc == 4) {
        engine_name = argv[1];
        cases_dir = argv[2];
        statefile = argc == 4 ? argv[3] : NULL;
    } else {
        fprintf(stderr, "usage: %s ENGINE CASES_DIR [STATEFILE]\n", argv[0]);
        return 2;
    }
    if (strcmp(engine_name, "pg") == 0)
        engine_name = "postgresql";
    if (!sd_engine_from_name(engine_name, &engine)) {
        fprintf(stderr, "%s: unknown engine \"%s\" (sqlite or postgresql)\n", argv[0], engine_name);
        return 2;
    }
    if (engine == SD_ENGINE_PG) {
        if (statefile == NULL) {
            fprintf(stderr, "%s: postgresql needs the fixture's STATEFILE\n", argv[0]);
            return 2;
        }
        state_path = statefile;
        setenv("PGOPTIONS", "-c client_min_messages=warning", 1);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_is_exercised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
