/*
 * replay.c: a migrations directory as a schema. The up migrations run, in order, in a scratch
 * database that is inspected like any other and removed afterwards: what the migrations
 * define, to compare with a real database (`check migrations/ prod.db`).
 *
 * SQLite: a scratch file in a private temporary directory, so that the introspector reads
 * it exactly as it reads any database file. Statements are cut by SQLite's own parser
 * (sqlite3_prepare_v2() and its tail pointer), one at a time, so a failure names the file
 * and the line of the statement.
 *
 * PostgreSQL: a scratch database created on the dev server (--dev-url), dropped afterwards
 * whatever happened. Files are cut by PostgreSQL's parser (parse/, libpg_query) and each
 * statement runs on its own in autocommit, so that what must run outside a transaction
 * (CREATE INDEX CONCURRENTLY, an enum value used after ALTER TYPE ... ADD VALUE) replays as
 * it would under any runner, and a file's own BEGIN / COMMIT still group its statements.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "conn/conn.h"
#include "introspect/introspect.h"
#include "migrate/migrate.h"
#include "migrate/migrate_int.h"
#include "parse/parse.h"
#include "util/buf.h"
#include "util/sql.h"

/*
 * Interrupting a replay (^C): the CLI's signal handler calls sd_migrate_interrupt(), which may
 * only touch these. The statement running is stopped (PQcancel() on the dev server,
 * sqlite3_interrupt() as the sqlite3 shell does from its own handler) and the replay fails,
 * so that its scratch database is removed as after any failure.
 */
static volatile sig_atomic_t g_active;      /* a replay is running */
static volatile sig_atomic_t g_interrupted; /* and has been asked to stop */
static PGcancel *volatile g_cancel;         /* the scratch session's, while it runs */
static sqlite3 *volatile g_sqlite;          /* the scratch database, while it runs */

bool
sd_migrate_interrupt(void)
{
    if (!g_active || g_interrupted)
        return false;
    g_interrupted = 1;
    char errbuf[256];
    PGcancel *cancel = g_cancel;
    if (cancel != NULL)
        (void)PQcancel(cancel, errbuf, (int)sizeof(errbuf));
    sqlite3 *db = g_sqlite;
    if (db != NULL)
        sqlite3_interrupt(db);
    return true;
}

/* Set what the handler may stop, with the signals the CLI handles blocked meanwhile, so that
 * it never sees g_cancel half-set or already freed. */
static void
set_interruptible(PGcancel *cancel, sqlite3 *db)
{
    sigset_t block;
    sigset_t old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    g_cancel = cancel;
    g_sqlite = db;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* SD_ERR when the replay was interrupted (err says so, replacing the statement's own error,
 * which is only the engine saying it was cancelled). */
static sd_status
check_interrupted(sd_status rc, sd_err *err)
{
    if (!g_interrupted)
        return rc;
    sd_err_clear(err);
    sd_err_set(err, SD_ERR,
               "interrupted: the replay stopped, and its scratch database was removed");
    return SD_ERR;
}

/* Where the statement starting at s (blanks and comments first) begins: its 1-based line in
 * the file, counted from the part's first line. For messages only; SQLite does the cutting. */
static size_t
statement_line(const sd_migration_part *part, const char *s)
{
    const char *p = s;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        if (p[0] == '-' && p[1] == '-') {
            p += strcspn(p, "\n");
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            p = end != NULL ? end + 2 : p + strlen(p);
        } else {
            break;
        }
    }
    size_t line = part->first_line;
    for (const char *q = part->text; q < p; q++)
        line += *q == '\n';
    return line;
}

/* Run every statement of part on db, in order. */
static sd_status
run_part(sqlite3 *db, const sd_migration_part *part, sd_err *err)
{
    const char *sql = part->text;
    while (*sql != '\0' && !g_interrupted) {
        sqlite3_stmt *st = NULL;
        const char *tail = NULL;
        int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
        if (rc == SQLITE_OK && st != NULL) {
            do
                rc = sqlite3_step(st);
            while (rc == SQLITE_ROW);
            if (rc == SQLITE_DONE)
                rc = SQLITE_OK;
        }
        if (rc != SQLITE_OK) {
            sd_err_set(err, SD_ERR_DB, "%s", sqlite3_errmsg(db));
            sd_err_where(err, "%s:%zu", part->path, statement_line(part, sql));
            sd_err_hint(err, "Fix the migration: replaying the migrations stopped there (in a "
                             "scratch database; nothing else was touched).");
            sqlite3_finalize(st);
            return SD_ERR_DB;
        }
        sqlite3_finalize(st);
        if (tail == NULL || tail == sql) /* nothing consumed: only a NUL can follow */
            break;
        sql = tail;
    }
    return SD_OK;
}

/* The migrations to replay: up to and including version upto (NULL: all), and the
 * repeatable ones after them. *n their count; SD_ERR_NOTFOUND when no migration is upto. */
static sd_status
replay_count(const sd_migration_list *list, const char *upto, size_t *n, sd_err *err)
{
    *n = list->len;
    if (upto == NULL)
        return SD_OK;
    for (size_t i = 0; i < list->len; i++) {
        if (!list->items[i].repeatable &&
            sd_migrate_version_cmp(list->items[i].version, upto) == 0) {
            *n = i + 1;
            return SD_OK;
        }
    }
    sd_err_set(err, SD_ERR_NOTFOUND, "no migration of %s has version %s", list->dir, upto);
    sd_err_hint(err, "Write migrations:DIR@VERSION with the version of one of its files.");
    return SD_ERR_NOTFOUND;
}

static sd_status
replay_sqlite(sd_model **out, const sd_migration_list *list, const char *upto, sd_err *err)
{
    size_t n = 0;
    sd_status rc = replay_count(list, upto, &n, err);
    if (rc != SD_OK)
        return rc;
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    int len = snprintf(dir, sizeof(dir), "%s/schemadrift-replay.XXXXXX",
                       tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    if (len < 0 || (size_t)len >= sizeof(dir) || mkdtemp(dir) == NULL) {
        return sd_err_set(err, SD_ERR_IO,
                          "could not make a temporary directory for replaying %s: %s", list->dir,
                          strerror(errno));
    }
    char path[4200];
    snprintf(path, sizeof(path), "%s/replay.db", dir);
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        rc = sd_err_set(err, SD_ERR_IO, "could not create the scratch database %s: %s", path,
                        db != NULL ? sqlite3_errmsg(db) : "out of memory");
    }
    /* A scratch database that is thrown away needs no journal on disk. */
    if (rc == SD_OK)
        sqlite3_exec(db, "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;", NULL, NULL, NULL);
    if (rc == SD_OK)
        set_interruptible(NULL, db);
    for (size_t i = 0; i < list->len && rc == SD_OK; i++) {
        if (i < n || list->items[i].repeatable)
            rc = check_interrupted(run_part(db, &list->items[i].up, err), err);
    }
    set_interruptible(NULL, NULL);
    if (db != NULL && sqlite3_close(db) != SQLITE_OK && rc == SD_OK)
        rc = sd_err_set(err, SD_ERR_IO, "could not close the scratch database %s", path);
    if (rc == SD_OK)
        rc = check_interrupted(sd_sqlite_introspect(out, path, err), err);
    static const char *const LEFTOVERS[] = { "", "-journal", "-wal", "-shm" };
    for (size_t i = 0; i < sizeof(LEFTOVERS) / sizeof(LEFTOVERS[0]); i++) {
        char f[4300];
        snprintf(f, sizeof(f), "%s%s", path, LEFTOVERS[i]);
        unlink(f);
    }
    rmdir(dir);
    return rc;
}

/* The 1-based line of the file at byte offset off of part's text. */
static size_t
part_line(const sd_migration_part *part, size_t off)
{
    size_t line = part->first_line;
    for (size_t i = 0; i < off && part->text[i] != '\0'; i++)
        line += part->text[i] == '\n';
    return line;
}

/* The server's error of res as err, located at the statement's line (moved on to the line
 * of the error's position in it, when the server gives one). */
static sd_status
server_error(const PGresult *res,
             PGconn *c,
             const sd_migration_part *part,
             const sd_sql_stmt *st,
             sd_err *err)
{
    const char *primary = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *detail = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
    const char *hint = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
    const char *pos = res != NULL ? PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION) : NULL;
    sd_buf msg = SD_BUF_INIT;
    sd_conn_append_message(&msg, primary != NULL ? primary : PQerrorMessage(c));
    sd_err_set(err, SD_ERR_DB, "%s", sd_buf_cstr(&msg));
    sd_buf_dispose(&msg);
    size_t at = st->at.offset;
    if (pos != NULL) {
        /* A position counts characters of the statement, from 1. */
        long chars = strtol(pos, NULL, 10);
        for (size_t i = 0; chars > 1 && i < st->len; i++) {
            if (((unsigned char)part->text[st->at.offset + i] & 0xC0) != 0x80)
                chars--;
            at = st->at.offset + i;
        }
    }
    if (detail != NULL)
        sd_err_detail(err, "%s", detail);
    sd_err_hint(err, "%s",
                hint != NULL ? hint
                             : "Fix the migration: replaying the migrations stopped there (in a "
                               "scratch database, dropped again).");
    sd_err_where(err, "%s:%zu", part->path, part_line(part, at));
    return SD_ERR_DB;
}

/* Run every statement of part, each on its own, as PostgreSQL's parser cuts them. */
static sd_status
run_part_pg(PGconn *c, const sd_migration_part *part, sd_err *err)
{
    sd_sql_split split = SD_SQL_SPLIT_INIT;
    sd_status rc = sd_parse_pg_split(part->text, part->len, &split, err);
    if (rc != SD_OK) {
        sd_err_where(err, "%s:%zu", part->path, split.error.line + part->first_line - 1);
        sd_err_hint(err, "Fix the migration: PostgreSQL's parser refuses it.");
    }
    for (size_t i = 0; rc == SD_OK && !g_interrupted && i < split.stmts.len; i++) {
        const sd_sql_stmt *st = &split.stmts.items[i];
        char *text = strndup(part->text + st->at.offset, st->len);
        if (text == NULL) {
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
            break;
        }
        /* One statement through the extended protocol, which takes exactly one: the split
         * already proved it is one, the server proves it again (ARCHITECTURE.md, Quoting). */
        PGresult *res = PQexecParams(c, text, 0, NULL, NULL, NULL, NULL, 0);
        ExecStatusType status = PQresultStatus(res);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
            rc = server_error(res, c, part, st, err);
        PQclear(res);
        free(text);
    }
    sd_sql_split_dispose(&split);
    return rc;
}

/* Run sql on c; SD_ERR_DB with the server's message otherwise. */
static sd_status
exec_admin(PGconn *c, const char *sql, const char *what, sd_err *err)
{
    PGresult *res = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
    sd_status rc = SD_OK;
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        sd_buf msg = SD_BUF_INIT;
        sd_conn_append_message(&msg, PQerrorMessage(c));
        rc = sd_err_set(err, SD_ERR_DB, "could not %s on the dev server: %s", what,
                        sd_buf_cstr(&msg));
        sd_buf_dispose(&msg);
    }
    PQclear(res);
    return rc;
}

static sd_status
replay_pg(sd_model **out, const sd_migration_list *list, const sd_replay_options *opts, sd_err *err)
{
    size_t n = 0;
    sd_status rc = replay_count(list, opts->upto, &n, err);
    if (rc != SD_OK)
        return rc;
    if (opts->dev_url == NULL || opts->dev_url[0] == '\0') {
        sd_err_set(err, SD_ERR_PARSE, "replaying %s on PostgreSQL needs a dev server", list->dir);
        sd_err_hint(err,
                    "Give one with --dev-url URL (or dev_url: in schemadrift.yaml): a server where "
                    "schemadrift may create and drop a scratch database.");
        return SD_ERR_PARSE;
    }
    if (strcmp(opts->dev_url, "auto") == 0) {
        /* A throwaway server of its own, around one replay. */
        sd_dev_server dev;
        rc = sd_migrate__dev_start(&dev, err);
        if (rc != SD_OK)
            return rc;
        sd_replay_options own = *opts;
        own.dev_url = dev.url;
        rc = replay_pg(out, list, &own, err);
        sd_migrate__dev_stop(&dev);
        return rc;
    }
    sd_conn_params *admin_params = NULL;
    sd_conn_params *scratch_params = NULL;
    PGconn *admin = NULL;
    PGconn *scratch = NULL;
    rc = sd_conn_parse(&admin_params, opts->dev_url, err);
    if (rc == SD_OK)
        rc = sd_conn_connect(&admin, admin_params, err);
    if (rc != SD_OK) {
        sd_conn_mask(admin_params, err);
        sd_conn_free(admin_params);
        return rc;
    }
    /* A name no other replay picks: this process, and the clock for two in a row. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    char name[64];
    snprintf(name, sizeof(name), "schemadrift_replay_%ld_%lx", (long)getpid(),
             (unsigned long)ts.tv_nsec ^ (unsigned long)ts.tv_sec);
    sd_buf sql = SD_BUF_INIT;
    sd_buf_append(&sql, "CREATE DATABASE ");
    sd_sql_ident(&sql, SD_ENGINE_PG, name);
    sd_buf_append(&sql, " TEMPLATE template0");
    rc = sd_buf_failed(&sql)
             ? sd_err_set(err, SD_ERR_NOMEM, "out of memory")
             : exec_admin(admin, sd_buf_cstr(&sql), "create a scratch database", err);
    bool created = rc == SD_OK;
    if (rc == SD_OK)
        rc = sd_conn_with_dbname(&scratch_params, admin_params, name, err);
    if (rc == SD_OK)
        rc = sd_conn_connect(&scratch, scratch_params, err);
    PGcancel *cancel = rc == SD_OK ? PQgetCancel(scratch) : NULL;
    set_interruptible(cancel, NULL);
    for (size_t i = 0; i < list->len && rc == SD_OK; i++) {
        if (i < n || list->items[i].repeatable)
            rc = check_interrupted(run_part_pg(scratch, &list->items[i].up, err), err);
    }
    set_interruptible(NULL, NULL);
    PQfreeCancel(cancel);
    PQfinish(scratch);
    if (rc == SD_OK) {
        static const sd_pg_options all = { .connections = 1 };
        rc = check_interrupted(sd_pg_introspect(out, scratch_params, &all, err), err);
    }
    if (created) {
        /* Dropped whatever happened: FORCE ends sessions a migration may have left (13+). */
        sd_err drop_err = SD_ERR_INIT;
        sd_buf_reset(&sql);
        sd_buf_append(&sql, "DROP DATABASE IF EXISTS ");
        sd_sql_ident(&sql, SD_ENGINE_PG, name);
        if (PQserverVersion(admin) >= 130000)
            sd_buf_append(&sql, " WITH (FORCE)");
        if (exec_admin(admin, sd_buf_cstr(&sql), "drop the scratch database", &drop_err) != SD_OK &&
            rc == SD_OK) {
            *err = drop_err;
            sd_err_hint(err, "Drop database %s on the dev server by hand.", name);
            rc = drop_err.code;
        }
    }
    sd_buf_dispose(&sql);
    PQfinish(admin);
    sd_conn_mask(admin_params, err);
    sd_conn_free(scratch_params);
    sd_conn_free(admin_params);
    if (rc != SD_OK) {
        sd_model_free(*out);
        *out = NULL;
    }
    return rc;
}

sd_status
sd_migrate_replay(sd_model **out, const char *dir, const sd_replay_options *opts, sd_err *err)
{
    *out = NULL;
    sd_arena *arena = sd_arena_new();
    if (arena == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_migration_list list;
    sd_status rc = sd_migrate_read_dir(&list, arena, dir, err);
    g_interrupted = 0;
    g_active = 1;
    if (rc == SD_OK)
        rc = opts->engine == SD_ENGINE_PG ? replay_pg(out, &list, opts, err)
                                          : replay_sqlite(out, &list, opts->upto, err);
    g_active = 0;
    sd_arena_free(arena);
    return rc;
}
