/*
 * replay.c: a migrations directory as a schema. The up migrations run, in order, in a scratch
 * database that is inspected like any other and removed afterwards: what the migrations
 * define, to compare with a real database (`check migrations/ prod.db`).
 *
 * SQLite: a scratch file in a private temporary directory, so that the introspector reads
 * it exactly as it reads any database file. Statements are cut by SQLite's own parser
 * (sqlite3_prepare_v2() and its tail pointer), one at a time, so a failure names the file
 * and the line of the statement. PostgreSQL needs a scratch server (issue 15's --dev-url),
 * which is not built yet: refused with what to do instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <sqlite3.h>

#include "introspect/introspect.h"
#include "migrate/migrate.h"
#include "util/buf.h"

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
    while (*sql != '\0') {
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
    for (size_t i = 0; i < list->len && rc == SD_OK; i++) {
        if (i < n || list->items[i].repeatable)
            rc = run_part(db, &list->items[i].up, err);
    }
    if (db != NULL && sqlite3_close(db) != SQLITE_OK && rc == SD_OK)
        rc = sd_err_set(err, SD_ERR_IO, "could not close the scratch database %s", path);
    if (rc == SD_OK)
        rc = sd_sqlite_introspect(out, path, err);
    static const char *const LEFTOVERS[] = { "", "-journal", "-wal", "-shm" };
    for (size_t i = 0; i < sizeof(LEFTOVERS) / sizeof(LEFTOVERS[0]); i++) {
        char f[4300];
        snprintf(f, sizeof(f), "%s%s", path, LEFTOVERS[i]);
        unlink(f);
    }
    rmdir(dir);
    return rc;
}

sd_status
sd_migrate_replay(sd_model **out, const char *dir, const char *upto, sd_engine engine, sd_err *err)
{
    *out = NULL;
    sd_arena *arena = sd_arena_new();
    if (arena == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_migration_list list;
    sd_status rc = sd_migrate_read_dir(&list, arena, dir, err);
    if (rc == SD_OK && engine == SD_ENGINE_PG) {
        rc = sd_err_set(err, SD_ERR_UNSUPPORTED,
                        "replaying %s on PostgreSQL needs a scratch server, which schemadrift "
                        "cannot use yet",
                        dir);
        sd_err_hint(err, "Compare with a snapshot of a database the migrations were applied to "
                         "(schemadrift inspect URL -o expected.yaml).");
    }
    if (rc == SD_OK)
        rc = replay_sqlite(out, &list, upto, err);
    sd_arena_free(arena);
    return rc;
}
