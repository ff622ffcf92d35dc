/*
 * migrate.h: migration files (issue 15, first slices). A migrations directory is read into a
 * list sorted by version, in whichever of four layouts it uses; `migrate new` adds the next
 * migration in that layout; a replay runs the up migrations in a scratch database and
 * inspects it (replay.c). The tracking table and the runner come later.
 *
 * Layouts (one per directory; files of two layouts are an error naming one of each):
 *   golang-migrate  NNNN_name.up.sql + NNNN_name.down.sql, matched by version (the names may
 *                   differ, as golang-migrate allows); an up without its down, or a down
 *                   without its up, is an error
 *   Flyway          V<ver>__name.sql, its undo U<ver>__name.sql (optional; an undo without
 *                   its V is an error), repeatable R__name.sql; <ver> is digits separated by
 *                   '.' or '_' ('_' reads as '.', as Flyway reads it)
 *   dbmate          NNNN_name.sql holding a `-- migrate:up` line and optionally a
 *                   `-- migrate:down` line after it; before the up marker only comments and
 *                   blank lines (dbmate refuses anything else). Options on a marker line are
 *                   words KEY:VALUE; `transaction:false` sets no_transaction, others are kept
 *                   for dbmate and ignored here
 *   single          NNNN_name.sql without markers: an up with no down
 * Names: the part after the version (and '_' or "__") must not be empty, so `0001.up.sql`,
 * `0001_.sql` and `V1__.sql` are malformed. A `*.sql` file that fits no layout is an error;
 * files not ending in ".sql", names starting with '.', and directories are not migrations and
 * are skipped.
 *
 * Versions compare numerically part by part ('.'-separated; leading zeros and trailing zero
 * parts ignored), so "0001" and "1", or "1" and "1.0", are the same version: a duplicate,
 * an error naming both files. Repeatable migrations sort after every versioned one, by name.
 *
 * Every text is checked: a NUL byte or a byte that is not UTF-8 is an error at file:line.
 * A first line `-- schemadrift:no-transaction` of an up or down text (for dbmate: of the
 * section, or of the file before the up marker for the up) sets that part's no_transaction.
 */
#ifndef SD_MIGRATE_MIGRATE_H
#define SD_MIGRATE_MIGRATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "model/model.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/sql.h"

typedef enum sd_migrate_layout {
    SD_MIGRATE_NONE = 0, /* the directory holds no migration yet */
    SD_MIGRATE_GOLANG,   /* golang-migrate: NNNN_name.up.sql / NNNN_name.down.sql */
    SD_MIGRATE_FLYWAY,   /* V<ver>__name.sql, U<ver>__name.sql, R__name.sql */
    SD_MIGRATE_DBMATE,   /* NNNN_name.sql with -- migrate:up / -- migrate:down sections */
    SD_MIGRATE_SINGLE,   /* NNNN_name.sql, up only */
    SD_MIGRATE_LAYOUT__COUNT
} sd_migrate_layout;

/* One direction of a migration: a whole file, or a dbmate section. */
typedef struct sd_migration_part {
    const char *path;    /* DIR/FILE; NULL when the migration has no such part */
    const char *text;    /* the SQL (a dbmate section without its marker line), NUL-terminated */
    size_t len;          /* bytes of text */
    size_t first_line;   /* 1-based line of the file where text begins */
    bool no_transaction; /* -- schemadrift:no-transaction, or dbmate's transaction:false */
} sd_migration_part;

typedef struct sd_migration {
    const char *version; /* as written: "0001", "1.1", "2_1"; "" for a repeatable */
    const char *norm;    /* normalized: "1", "1.1", "2.1"; "" for a repeatable */
    const char *name;    /* "add_users" (Flyway: the description as written) */
    sd_migrate_layout layout;
    bool repeatable;        /* Flyway R__name.sql */
    sd_migration_part up;   /* always present */
    sd_migration_part down; /* down.path == NULL: none (single files, Flyway without U) */
} sd_migration;

typedef struct sd_migration_list {
    const char *dir;          /* as given */
    sd_migrate_layout layout; /* SD_MIGRATE_NONE when items is empty */
    sd_migration *items;      /* versioned by version, then repeatables by name */
    size_t len;
} sd_migration_list;

/*
 * Read the migrations of dir into *out, everything allocated in arena. SD_ERR_NOTFOUND when
 * dir does not exist, SD_ERR_IO when it or a file cannot be read, SD_ERR_PARSE for every rule
 * in this header's comment, each naming the file(s) with a hint saying what to do.
 */
SD_MUST_CHECK sd_status sd_migrate_read_dir(sd_migration_list *out,
                                            sd_arena *arena,
                                            const char *dir,
                                            sd_err *err);

/* < 0, 0, > 0 as version a sorts before, with or after b: digits in parts separated by '.'
 * or '_' (any other character separates too, so garbage compares, and terminates). */
int sd_migrate_version_cmp(const char *a, const char *b);

/* "golang-migrate", "Flyway", "dbmate", "single files", "empty". */
const char *sd_migrate_layout_name(sd_migrate_layout layout);

/* What sd_migrate_new() created, in the arena. */
typedef struct sd_migrate_created {
    const char *paths[2]; /* up (or the one file) first */
    size_t npaths;
    sd_migrate_layout layout; /* the layout followed (golang-migrate for a new directory) */
} sd_migrate_created;

/*
 * Create the next migration NAME ([A-Za-z0-9_-]+, at most 200 bytes, else SD_ERR_PARSE) in
 * dir, following its layout and numbering: the last version plus one at its width ("001" ->
 * "002"), or now as a UTC YYYYMMDDHHMMSS timestamp when the last version is one (never one at
 * or below the last: then the last plus one). A missing dir is created (not its parents) and,
 * like an empty one, gets a golang-migrate pair numbered 0001. Each file starts with a comment
 * `-- FILE: what goes here`. Nothing is overwritten (SD_ERR_IO when a file exists); when the
 * second file cannot be made the first is removed again. The directory is read first, so
 * every error of sd_migrate_read_dir() stops it before anything is written.
 */
SD_MUST_CHECK sd_status sd_migrate_new(sd_migrate_created *out,
                                       sd_arena *arena,
                                       const char *dir,
                                       const char *name,
                                       time_t now,
                                       sd_err *err);

/* How a replay runs. */
typedef struct sd_replay_options {
    sd_engine engine;    /* the engine the migrations are for */
    const char *upto;    /* stop after this version; NULL: run every migration */
    const char *dev_url; /* PostgreSQL: the server the scratch database is made on (may hold a
                            password: never printed) */
} sd_replay_options;

/*
 * The schema the migrations of dir define: their up parts run in order, up to and including
 * version opts->upto (Flyway's repeatable migrations always run, after the versioned ones)
 * in a scratch database, which is inspected into *out (a new frozen model) and removed.
 * SQLite: a private temporary file. PostgreSQL: a database created on opts->dev_url and
 * dropped again, failure or not (SD_ERR_PARSE without a dev_url; "auto" is not built yet).
 * A statement the engine refuses is SD_ERR_DB at file:line with the engine's message (and
 * PostgreSQL's detail and hint); no migration of version upto is SD_ERR_NOTFOUND;
 * sd_migrate_read_dir()'s errors.
 */
SD_MUST_CHECK sd_status sd_migrate_replay(sd_model **out,
                                          const char *dir,
                                          const sd_replay_options *opts,
                                          sd_err *err);

/*
 * Ask the replay running in this process to stop (^C): async-signal-safe, for the CLI's
 * signal handler. The statement running is cancelled, the replay fails with SD_ERR
 * ("interrupted") after removing its scratch database as after any failure. false when no
 * replay is running or it was already asked: the caller then ends the process its own way.
 */
bool sd_migrate_interrupt(void);

#endif
