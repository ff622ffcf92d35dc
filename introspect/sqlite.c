/*
 * sqlite.c: sd_sqlite_introspect(), the SQLite catalog reader.
 *
 * One pass over sqlite_schema, pragma_table_list once, then one query per object kind that
 * joins sqlite_schema with a table-valued pragma (table_xinfo, index_list + index_xinfo,
 * foreign_key_list), never a query per table. What only the stored CREATE text holds (constraint
 * names, CHECK and generation expressions, explicit collations, AUTOINCREMENT, a foreign key's
 * MATCH and DEFERRABLE clauses, index key expressions and partial-index predicates) comes from
 * sqlite_parse.c and is joined to the pragma rows here. Everything read happens inside one
 * read transaction, so the model is a consistent snapshot; the database is opened read-only
 * and never written.
 *
 * Deliberately not read: virtual tables and their shadow tables (skipped entirely: their
 * columns come from a module, not from DDL that could be diffed), the temp schema and
 * attached databases. Everything goes into one schema, "main". Rows are grouped with ORDER
 * BY, but output order never depends on query order: the model sorts canonically on freeze.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "introspect/introspect.h"
#include "introspect/introspect_int.h"
#include "model/model.h"
#include "util/util.h"

#define SCHEMA "main"
#define NONE   SIZE_MAX

/*
 * The tables every per-kind query starts from: the main schema's base tables without
 * SQLite's internal ones (sqlite_sequence, sqlite_stat*; the sqlite_ prefix is reserved) and
 * without virtual tables, whose pragmas fail when their module is not loaded. SQLite writes
 * the stored text of a virtual table as "CREATE VIRTUAL TABLE ..." whatever the user typed.
 */
#define USER_TABLES                                                  \
    "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' " \
    "AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE %'"

/* A table or view, from sqlite_schema. */
typedef struct rel {
    const char *name;   /* name as SQLite stores it (the canonical spelling) */
    const char *sql;    /* sqlite_schema.sql */
    sd_kind kind;       /* SD_KIND_TABLE or SD_KIND_VIEW */
    bool virtual_table; /* CREATE VIRTUAL TABLE */
    bool modeled;       /* has a model object (views with text; tables read_tables() kept) */
    const char *module; /* virtual tables: the USING module, lower-cased */
    sd_ddl_table ddl;   /* tables: the parsed CREATE TABLE */
    bool *cons_used;    /* tables: ddl.cons[i] already matched to a pragma row */
    bool listed;        /* pragma_table_list lists it in the main schema, with: */
    bool base;          /*   type "table": not "shadow", "virtual" nor "view" */
    bool wr;            /*   WITHOUT ROWID */
    bool strict;        /*   STRICT */
    struct rel *next;   /* next in sqlite_schema order */
} rel;

/* An index or trigger row of sqlite_schema. */
typedef struct schema_row {
    const char *name;  /* object name */
    const char *table; /* sqlite_schema.tbl_name */
    const char *sql;   /* CREATE text (NULL for automatic indexes) */
} schema_row;

typedef struct reader {
    sqlite3 *db;                      /* read-only connection */
    const char *path;                 /* for messages */
    sd_model *m;                      /* the model being built */
    sd_arena *a;                      /* scratch: copies and parse results, freed at the end */
    rel *rels;                        /* tables (virtual and shadow ones too) and views */
    rel *rels_tail;                   /* last of rels */
    sd_map rel_index;                 /* lower-cased name -> rel */
    sd_map index_rows;                /* index name -> schema_row */
    SD_VEC(schema_row) triggers;      /* trigger rows */
    sd_map columns;                   /* lookup_key(table, column) -> canonical column name */
    sd_buf key;                       /* lookup_key()'s buffer */
    const rel *unique_table;          /* table whose UNIQUE constraints unique_keys holds */
    SD_VEC(const char *) unique_keys; /* identities of the UNIQUE constraints added to it */
    sd_err *err;                      /* where errors go */
    bool tidy;                        /* no -wal nor -shm file before: close_db() removes
                                         those the read left (a WAL database) */
    struct open_file *shared;         /* this file's entry in the open-file list, or NULL */
} reader;

/* ---- small helpers ---- */

static sd_status
nomem(reader *c)
{
    (void)sd_err_set(c->err, SD_ERR_NOMEM, "out of memory");
    return SD_ERR_NOMEM;
}

/* SQLite compares names ignoring ASCII case only; so do we. */
static char *
lower_copy(reader *c, const char *s)
{
    char *l = sd_arena_strdup(c->a, s);
    if (l != NULL)
        sd_ascii_lower_str(l);
    return l;
}

static char *
upper_copy(reader *c, const char *s)
{
    char *u = sd_arena_strdup(c->a, s);
    if (u != NULL)
        sd_ascii_upper_str(u);
    return u;
}

static bool
name_eq(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    for (; *a != '\0' && *b != '\0'; a++, b++) {
        int x = (unsigned char)*a;
        int y = (unsigned char)*b;
        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (y >= 'A' && y <= 'Z')
            y += 'a' - 'A';
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* Append s lower-cased (ASCII only, as SQLite folds names). */
static void
append_lower(sd_buf *b, const char *s)
{
    size_t from = b->len;
    sd_buf_append(b, s);
    if (!sd_buf_failed(b))
        sd_ascii_lower_str(b->ptr + from);
}

/*
 * The lookup key of a name, or of table + column ("table\037column"), lower-cased, in the
 * reader's reusable key buffer: lookups run once per catalog row and allocate nothing.
 * NULL when out of memory.
 */
static const char *
lookup_key(reader *c, const char *name, const char *column)
{
    sd_buf_reset(&c->key);
    append_lower(&c->key, name);
    if (column != NULL) {
        sd_buf_putc(&c->key, '\037');
        append_lower(&c->key, column);
    }
    return sd_buf_failed(&c->key) ? NULL : sd_buf_cstr(&c->key);
}

static rel *
find_rel(reader *c, const char *name)
{
    const char *key = name != NULL ? lookup_key(c, name, NULL) : NULL;
    return key != NULL ? sd_map_get(&c->rel_index, key) : NULL;
}

/* The canonical spelling of table.column, or NULL when there is no such column. */
static const char *
find_column(reader *c, const char *table, const char *column)
{
    const char *key = lookup_key(c, table, column);
    return key != NULL ? sd_map_get(&c->columns, key) : NULL;
}

/* A name for a message: escaped so control characters cannot garble a terminal. */
static const char *
repr(reader *c, const char *s)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_append_repr(&b, s != NULL ? s : "");
    const char *out = sd_arena_strdup(c->a, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return out != NULL ? out : "?";
}

/* Re-raise a parse error of obj's CREATE text with the object named; detail keeps the cause. */
static sd_status
parse_error(reader *c, const char *what, const char *name, const char *table)
{
    char cause[sizeof(c->err->msg)];
    char at[sizeof(c->err->where)];
    sd_status code = c->err->code;

    if (code != SD_ERR_PARSE)
        return code;
    memcpy(cause, c->err->msg, sizeof(cause));
    memcpy(at, c->err->where, sizeof(at));
    sd_err_set(c->err, SD_ERR_PARSE, "could not parse the definition of %s \"%s\"", what,
               repr(c, name));
    sd_err_detail(c->err, "%s%s%s", cause, at[0] != '\0' ? " at " : "", at);
    if (table != NULL)
        sd_err_where(c->err, "%s %s.%s (table %s)", what, SCHEMA, repr(c, name), repr(c, table));
    else
        sd_err_where(c->err, "%s %s.%s", what, SCHEMA, repr(c, name));
    return SD_ERR_PARSE;
}

/* ---- SQLite access ---- */

/* An SQLite failure: a file that is not a database is a connection error, the rest DB. */
static sd_status
db_error(reader *c, const char *doing)
{
    int code = sqlite3_errcode(c->db);
    const char *msg = sqlite3_errmsg(c->db);
    sd_status rc;

    if (code == SQLITE_NOTADB) {
        rc = sd_err_set(c->err, SD_ERR_CONNECT, "could not open \"%s\" as an SQLite database",
                        repr(c, c->path));
        sd_err_detail(c->err, "%s", msg);
        sd_err_hint(c->err, "Check that the path names an SQLite 3 database file.");
        return rc;
    }
    rc = sd_err_set(c->err, SD_ERR_DB, "could not read the schema of \"%s\"", repr(c, c->path));
    sd_err_detail(c->err, "while %s: %s", doing, msg);
    return rc;
}

static sd_status
prepare(reader *c, const char *sql, sqlite3_stmt **out)
{
    if (sqlite3_prepare_v2(c->db, sql, -1, out, NULL) != SQLITE_OK)
        return db_error(c, "preparing a catalog query");
    return SD_OK;
}

/*
 * Step to the next row: true when there is one. False when the statement is done, on an
 * error (recorded in *rc), and at once when *rc already holds an error, so a loop body
 * that fails only has to set rc.
 */
static bool
next_row(reader *c, sqlite3_stmt *st, sd_status *rc)
{
    if (*rc != SD_OK)
        return false;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        return true;
    if (step != SQLITE_DONE)
        *rc = db_error(c, "reading the catalog");
    return false;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* A copy of column i in the scratch arena (NULL stays NULL): the statement's memory goes
 * away at the next step. */
static sd_status
col_copy(reader *c, sqlite3_stmt *st, int i, const char **out)
{
    const char *s = col_text(st, i);
    *out = s != NULL ? sd_arena_strdup(c->a, s) : NULL;
    if (s != NULL && *out == NULL)
        return nomem(c);
    return SD_OK;
}

static sd_status
exec(reader *c, const char *sql)
{
    if (sqlite3_exec(c->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(c, "starting a read transaction");
    return SD_OK;
}

/* Whether the file path + suffix exists (false when out of memory). */
static bool
exists_with(const char *path, const char *suffix)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_append(&b, path);
    sd_buf_append(&b, suffix);
    bool yes = !sd_buf_failed(&b) && sd_fs_exists(sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return yes;
}

/* Whether the directory that holds path may get new files (its -wal and -shm). */
static bool
dir_writable(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return access(".", W_OK) == 0;
    sd_buf dir = SD_BUF_INIT;
    sd_buf_appendn(&dir, path, slash == path ? 1 : (size_t)(slash - path));
    bool yes = !sd_buf_failed(&dir) && access(sd_buf_cstr(&dir), W_OK) == 0;
    sd_buf_dispose(&dir);
    return yes;
}

/* Whether the database file says it is in WAL mode (header bytes 18 and 19 are 2). */
static bool
wal_mode_file(const char *path)
{
    unsigned char h[20] = { 0 };
    FILE *fp = fopen(path, "rb");
    bool wal = fp != NULL && fread(h, 1, sizeof h, fp) == sizeof h && h[18] == 2 && h[19] == 2;
    if (fp != NULL)
        fclose(fp);
    return wal;
}

/* "file:PATH?immutable=1" with the bytes a URI path cannot hold as they are escaped (an
 * absolute path after "file://", an empty authority). */
static void
immutable_uri(sd_buf *out, const char *path)
{
    sd_buf_append(out, path[0] == '/' ? "file://" : "file:");
    for (const char *p = path; *p != '\0'; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '%' || ch == '?' || ch == '#' || ch <= 0x20 || ch >= 0x7f)
            sd_buf_appendf(out, "%%%02X", ch);
        else
            sd_buf_putc(out, (char)ch);
    }
    sd_buf_append(out, "?immutable=1");
}

/*
 * SQLite's memory statistics (on by default) take one process-wide mutex on every allocation:
 * the two readers of a comparison, one per thread, would spend a third of their time
 * contending for it. Nothing here reads the statistics (nor sets a heap limit, which needs
 * them). sqlite3_config() must come before SQLite initializes: where the process used SQLite
 * already it refuses, and the statistics stay on, which only costs time.
 */
static void
configure_sqlite(void)
{
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/*
 * The database files this process has open, so that two readers of one file (`diff a.db
 * a.db`: the two sides are read on two threads) decide "tidy" once: the second would find the
 * first one's -wal and -shm and leave them behind, and the first could not remove them while
 * the second reads. The first to open decides; the last to close cleans up.
 */
typedef struct open_file {
    dev_t dev;
    ino_t ino;
    size_t users;
    bool tidy;
    struct open_file *next;
} open_file;
static pthread_mutex_t open_files_mu = PTHREAD_MUTEX_INITIALIZER;
static open_file *open_files;

/* The list entry of the file at path, made when there is none (NULL: no stat, or no memory:
 * the reader then decides alone). With open_files_mu held. */
static open_file *
open_file_enter(const char *path, bool *first)
{
    struct stat st;
    *first = false;
    if (stat(path, &st) != 0)
        return NULL;
    for (open_file *f = open_files; f != NULL; f = f->next) {
        if (f->dev == st.st_dev && f->ino == st.st_ino) {
            f->users++;
            return f;
        }
    }
    open_file *f = calloc(1, sizeof(*f));
    if (f == NULL)
        return NULL;
    *f = (open_file){ .dev = st.st_dev, .ino = st.st_ino, .users = 1, .next = open_files };
    open_files = f;
    *first = true;
    return f;
}

/* Leave f; true when it was the last user (f is then freed). With open_files_mu held. */
static bool
open_file_leave(open_file *f)
{
    if (--f->users > 0)
        return false;
    for (open_file **p = &open_files; *p != NULL; p = &(*p)->next) {
        if (*p == f) {
            *p = f->next;
            break;
        }
    }
    free(f);
    return true;
}

static sd_status open_db_locked(reader *c, const char *path);

/* Read-only. NOMUTEX: only one thread uses a connection, so SQLite need not lock a mutex
 * around every call (3% of the instructions of an inspect). */
#define OPEN_FLAGS (SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX)

static sd_status
open_db(reader *c, const char *path)
{
    (void)pthread_mutex_lock(&open_files_mu);
    sd_status rc = open_db_locked(c, path);
    (void)pthread_mutex_unlock(&open_files_mu);
    return rc;
}

static sd_status
open_db_locked(reader *c, const char *path)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    (void)pthread_once(&once, configure_sqlite);

    /* Check first: SQLite would report a missing file as "unable to open", and we never
     * want a flag combination that could create one. */
    if (!sd_fs_exists(path)) {
        sd_status rc = sd_err_set(c->err, SD_ERR_NOTFOUND, "database file \"%s\" does not exist",
                                  repr(c, path));
        sd_err_hint(c->err, "Check the path; schemadrift never creates a database.");
        return rc;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        sd_status rc =
            sd_err_set(c->err, SD_ERR_CONNECT, "\"%s\" is a directory, not an SQLite database file",
                       repr(c, path));
        sd_err_hint(c->err, "Name the database file itself.");
        return rc;
    }
    /*
     * A read-only connection to a database in WAL mode makes its -wal and -shm files and
     * cannot remove them; where the directory refuses new files it cannot read at all
     * ("attempt to write a readonly database"). There, a WAL database with no -wal (every
     * committed page in the database file, no writer at work) is read as immutable, which
     * needs no file; anything else keeps the locking read. Elsewhere close_db() removes what
     * the read made.
     */
    bool had_wal = exists_with(path, "-wal");
    bool first = false;
    c->shared = open_file_enter(path, &first);
    c->tidy = !had_wal && !exists_with(path, "-shm");
    int got = SQLITE_OK;
    if (!had_wal && !exists_with(path, "-journal") && !dir_writable(path) && wal_mode_file(path)) {
        sd_buf uri = SD_BUF_INIT;
        immutable_uri(&uri, path);
        got = sd_buf_failed(&uri)
                  ? SQLITE_NOMEM
                  : sqlite3_open_v2(sd_buf_cstr(&uri), &c->db, OPEN_FLAGS | SQLITE_OPEN_URI, NULL);
        sd_buf_dispose(&uri);
        c->tidy = false;
    } else {
        got = sqlite3_open_v2(path, &c->db, OPEN_FLAGS, NULL);
    }
    if (c->shared != NULL && first)
        c->shared->tidy = c->tidy;
    else if (c->shared != NULL)
        c->tidy = c->shared->tidy; /* the files there now may be the first reader's */
    if (got != SQLITE_OK) {
        sd_status rc = sd_err_set(c->err, SD_ERR_CONNECT, "could not open database file \"%s\"",
                                  repr(c, path));
        sd_err_detail(c->err, "%s", c->db != NULL ? sqlite3_errmsg(c->db) : "out of memory");
        sd_err_hint(c->err, "Check that the path names a readable SQLite 3 database file.");
        return rc;
    }
    /* Wait for a writer's lock instead of failing at once. */
    sqlite3_busy_timeout(c->db, 5000);
    return SD_OK;
}

/*
 * Close the connection. When the read made -wal and -shm files that were not there, a
 * read-write connection is opened just to be the last one closed: SQLite then removes them
 * itself, and only when no other connection uses them. It writes nothing (the WAL is empty).
 */
static void
close_db(reader *c)
{
    (void)pthread_mutex_lock(&open_files_mu);
    sqlite3_close(c->db);
    c->db = NULL;
    bool tidy = c->shared != NULL ? c->shared->tidy : c->tidy;
    bool last = c->shared == NULL || open_file_leave(c->shared);
    c->shared = NULL;
    if (last && tidy && (exists_with(c->path, "-wal") || exists_with(c->path, "-shm"))) {
        sqlite3 *db = NULL;
        if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
            (void)sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
        sqlite3_close(db);
    }
    (void)pthread_mutex_unlock(&open_files_mu);
}

/* ---- sqlite_schema ---- */

static sd_status
add_rel(reader *c, const char *name, const char *sql, sd_kind kind, rel **out)
{
    rel *r = sd_arena_alloc(c->a, sizeof(*r));
    char *key = lower_copy(c, name);
    if (r == NULL || key == NULL)
        return nomem(c);
    r->name = name;
    r->sql = sql;
    r->kind = kind;
    if (sd_map_put(&c->rel_index, key, r) != SD_OK)
        return nomem(c);
    if (c->rels_tail != NULL)
        c->rels_tail->next = r;
    else
        c->rels = r;
    c->rels_tail = r;
    *out = r;
    return SD_OK;
}

/* The module of a CREATE VIRTUAL TABLE: the name after USING, lower-cased; NULL if absent. */
static const char *
vtab_module(reader *c, const char *sql)
{
    sd_lexer lx;
    sd_tok tok;
    bool after_using = false;
    sd_err ignored = SD_ERR_INIT;

    sd_lexer_init(&lx, sql, strlen(sql), 0);
    while (sd_lexer_next(&lx, &tok, &ignored) == SD_OK && tok.type != SD_TOK_EOF) {
        if (after_using) {
            sd_buf b = SD_BUF_INIT;
            sd_tok_ident(&b, sql, &tok);
            char *module = lower_copy(c, sd_buf_cstr(&b));
            sd_buf_dispose(&b);
            return module;
        }
        after_using = sd_tok_is_word(sql, &tok, "USING");
    }
    return NULL;
}

/* Every table, view, index and trigger row of the main schema. */
static sd_status
read_schema(reader *c)
{
    static const char *const SQL = "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                                   "WHERE type IN ('table', 'view', 'index', 'trigger') "
                                   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";
    sqlite3_stmt *st = NULL;
    sd_status rc = prepare(c, SQL, &st);

    while (next_row(c, st, &rc)) {
        const char *type = col_text(st, 0);
        schema_row sr = { NULL, NULL, NULL };
        rc = col_copy(c, st, 1, &sr.name);
        if (rc == SD_OK)
            rc = col_copy(c, st, 2, &sr.table);
        if (rc == SD_OK)
            rc = col_copy(c, st, 3, &sr.sql);
        if (rc != SD_OK)
            break;
        if (type == NULL || sr.name == NULL || sr.table == NULL)
            continue;
        if (strcmp(type, "table") == 0 || strcmp(type, "view") == 0) {
            bool is_view = strcmp(type, "view") == 0;
            rel *r = NULL;
            rc = add_rel(c, sr.name, sr.sql, is_view ? SD_KIND_VIEW : SD_KIND_TABLE, &r);
            if (rc == SD_OK)
                r->modeled = is_view && sr.sql != NULL;
            if (rc == SD_OK && !is_view && sr.sql != NULL &&
                strncmp(sr.sql, "CREATE VIRTUAL TABLE ", 21) == 0) {
                r->virtual_table = true;
                r->module = vtab_module(c, sr.sql);
            }
        } else if (strcmp(type, "index") == 0) {
            schema_row *ix = sd_arena_alloc(c->a, sizeof(*ix));
            if (ix != NULL)
                *ix = sr;
            if (ix == NULL || sd_map_put(&c->index_rows, ix->name, ix) != SD_OK)
                rc = nomem(c);
        } else if (sd_vec_push(&c->triggers, sr) != SD_OK) {
            rc = nomem(c);
        }
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- tables (pragma_table_list) ---- */

/* Modules this SQLite knows: only for those does table_list recognize shadow tables. */
static sd_status
read_modules(reader *c, sd_map *known)
{
    sqlite3_stmt *st = NULL;
    sd_status rc = prepare(c, "SELECT name FROM pragma_module_list", &st);

    while (next_row(c, st, &rc)) {
        const char *name = col_text(st, 0);
        char *key = name != NULL ? lower_copy(c, name) : NULL;
        if (key != NULL && sd_map_put(known, key, key) != SD_OK)
            rc = nomem(c);
    }
    sqlite3_finalize(st);
    return rc;
}

/*
 * A shadow table of a virtual table whose module this SQLite lacks: SQLite names shadow
 * tables "<vtab>_<suffix>" with no "_" in the suffix (sqlite3ShadowTableName()), but can only
 * say so when the module is loaded. Without it we go by the name.
 */
static bool
is_orphan_shadow(reader *c, const rel *r, const sd_map *known)
{
    const char *us = strrchr(r->name, '_');
    if (us == NULL || us == r->name)
        return false;
    char *prefix = sd_arena_strndup(c->a, r->name, (size_t)(us - r->name));
    const rel *v = prefix != NULL ? find_rel(c, prefix) : NULL;
    return v != NULL && v->virtual_table &&
           (v->module == NULL || sd_map_get(known, v->module) == NULL);
}

/*
 * pragma_table_list, read once, onto the rels it lists. Called with a table name, the pragma
 * still walks every table of the schema to find it, so one call per table (a join with
 * sqlite_schema) would cost the square of the number of tables.
 */
static sd_status
read_table_list(reader *c)
{
    static const char *const SQL = "SELECT name, type, wr, \"strict\" FROM pragma_table_list "
                                   "WHERE schema = 'main'";
    sqlite3_stmt *st = NULL;
    sd_status rc = prepare(c, SQL, &st);

    while (next_row(c, st, &rc)) {
        const char *type = col_text(st, 1);
        rel *r = find_rel(c, col_text(st, 0));
        if (r == NULL)
            continue; /* sqlite_schema itself, or an sqlite_ table read_schema() skipped */
        r->listed = true;
        r->base = type != NULL && strcmp(type, "table") == 0;
        r->wr = sqlite3_column_int(st, 2) != 0;
        r->strict = sqlite3_column_int(st, 3) != 0;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Whether s starts with prefix, ignoring ASCII case (as LIKE 'prefix%' matches). */
static bool
starts_with_nocase(const char *s, const char *prefix)
{
    for (; *prefix != '\0'; s++, prefix++)
        if (sd_ascii_lower(*s) != sd_ascii_lower(*prefix))
            return false;
    return true;
}

/*
 * A model object for every base table except shadow tables (virtual ones are not listed), in
 * sqlite_schema order: the tables USER_TABLES selects (read_schema() skipped the sqlite_
 * names already) that pragma_table_list lists in the main schema.
 */
static sd_status
read_tables(reader *c)
{
    sd_map known = SD_MAP_INIT;
    sd_status rc = read_modules(c, &known);

    if (rc == SD_OK)
        rc = read_table_list(c);
    for (rel *r = c->rels; r != NULL && rc == SD_OK; r = r->next) {
        if (r->kind != SD_KIND_TABLE || r->sql == NULL ||
            starts_with_nocase(r->sql, "CREATE VIRTUAL TABLE "))
            continue;
        if (!r->listed)
            continue; /* created between our two reads: impossible inside one transaction */
        if (!r->base || is_orphan_shadow(c, r, &known))
            continue; /* "shadow" (or "virtual") */
        sd_object *o = NULL;
        rc = sd_model_add(c->m, SD_KIND_TABLE, SCHEMA, NULL, r->name, &o, c->err);
        if (rc != SD_OK)
            break;
        r->modeled = true;
        sd_obj_set_bool(o, SD_TABLE_WITHOUT_ROWID, r->wr);
        sd_obj_set_bool(o, SD_TABLE_STRICT, r->strict);
        rc = sd_introspect__parse_table(&r->ddl, c->a, r->sql, c->err);
        if (rc != SD_OK) {
            rc = parse_error(c, "table", r->name, NULL);
            break;
        }
        r->cons_used = r->ddl.ncons > 0 ? sd_arena_array(c->a, bool, r->ddl.ncons) : NULL;
        if (r->ddl.ncons > 0 && r->cons_used == NULL)
            rc = nomem(c);
    }
    sd_map_dispose(&known);
    return rc;
}

/* A table of the model: a base table that read_tables() kept. */
static rel *
model_table(reader *c, const char *name)
{
    rel *r = name != NULL ? find_rel(c, name) : NULL;
    return r != NULL && r->kind == SD_KIND_TABLE && r->modeled ? r : NULL;
}

/* ---- columns and primary keys (pragma_table_xinfo) ---- */

/*
 * A declared type in one spelling: words upper-cased, one space between words and none
 * around punctuation, so "varchar( 255 )" and "VARCHAR(255)" agree. Quoted words keep their
 * text. An empty type is NULL.
 */
static sd_status
normalize_type(reader *c, const char *type, const char **out)
{
    sd_lexer lx;
    sd_tok tok;
    sd_buf b = SD_BUF_INIT;
    bool prev_word = false;
    sd_status rc = SD_OK;

    *out = NULL;
    if (type == NULL)
        return SD_OK;
    sd_lexer_init(&lx, type, strlen(type), 0);
    for (;;) {
        rc = sd_lexer_next(&lx, &tok, c->err);
        if (rc != SD_OK || tok.type == SD_TOK_EOF)
            break;
        bool word = tok.type != SD_TOK_PUNCT;
        if (word && prev_word)
            sd_buf_putc(&b, ' ');
        prev_word = word;
        for (size_t i = 0; i < tok.len; i++) {
            char ch = type[tok.start + i];
            if (tok.type == SD_TOK_WORD)
                ch = sd_ascii_upper(ch);
            sd_buf_putc(&b, ch);
        }
    }
    if (rc == SD_OK && sd_buf_failed(&b))
        rc = nomem(c);
    if (rc == SD_OK && b.len > 0) {
        *out = sd_arena_strdup(c->a, sd_buf_cstr(&b));
        if (*out == NULL)
            rc = nomem(c);
    }
    sd_buf_dispose(&b);
    return rc;
}

/* The parsed definition of column cid of r: cid is the declaration index; check the name. */
static const sd_ddl_column *
ddl_column(const rel *r, int64_t cid, const char *name)
{
    if (cid >= 0 && (size_t)cid < r->ddl.ncolumns && name_eq(r->ddl.columns[cid].name, name))
        return &r->ddl.columns[cid];
    for (size_t i = 0; i < r->ddl.ncolumns; i++)
        if (name_eq(r->ddl.columns[i].name, name))
            return &r->ddl.columns[i];
    return NULL;
}

static const sd_ddl_cons *
ddl_primary_key(const rel *r)
{
    for (size_t i = 0; i < r->ddl.ncons; i++)
        if (r->ddl.cons[i].type == SD_DDL_PRIMARY_KEY)
            return &r->ddl.cons[i];
    return NULL;
}

typedef struct pk_col {
    int64_t pos;      /* table_xinfo.pk: 1-based position in the key */
    const char *name; /* column name */
} pk_col;

static int
cmp_pk_col(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    int64_t x = ((const pk_col *)a)->pos;
    int64_t y = ((const pk_col *)b)->pos;
    return x < y ? -1 : x > y;
}

/* The primary key of r, from the key columns table_xinfo listed for it. */
static sd_status
add_primary_key(reader *c, const rel *r, pk_col *cols, size_t n)
{
    sd_object *o = NULL;
    const sd_ddl_cons *pk = ddl_primary_key(r);
    sd_status rc;

    if (n == 0)
        return SD_OK;
    if (sd_sort(cols, n, sizeof(*cols), cmp_pk_col, NULL) != SD_OK)
        return nomem(c);
    rc = sd_model_add(c->m, SD_KIND_PRIMARY_KEY, SCHEMA, r->name, pk != NULL ? pk->name : NULL, &o,
                      c->err);
    if (rc != SD_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        sd_obj_add_name(c->m, o, SD_PK_COLUMNS, cols[i].name);
    sd_obj_set_bool(o, SD_PK_AUTOINCREMENT, pk != NULL && pk->autoincrement);
    return SD_OK;
}

static sd_status
add_column(reader *c, const rel *r, sqlite3_stmt *st)
{
    const char *name = col_text(st, 2);
    int64_t cid = sqlite3_column_int64(st, 1);
    int hidden = sqlite3_column_int(st, 7);
    const sd_ddl_column *d = ddl_column(r, cid, name);
    const char *type = NULL;
    sd_object *o = NULL;
    sd_status rc = normalize_type(c, col_text(st, 3), &type);

    if (rc != SD_OK)
        return parse_error(c, "table", r->name, NULL);
    rc = sd_model_add(c->m, SD_KIND_COLUMN, SCHEMA, r->name, name, &o, c->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_int(o, SD_COLUMN_POSITION, cid + 1);
    sd_obj_set_str(c->m, o, SD_COLUMN_TYPE, type);
    sd_obj_set_bool(o, SD_COLUMN_NOT_NULL, sqlite3_column_int(st, 4) != 0);
    sd_obj_set_sql(c->m, o, SD_COLUMN_DEFAULT, col_text(st, 5));
    if (d != NULL && d->collation != NULL)
        sd_obj_set_str(c->m, o, SD_COLUMN_COLLATION, upper_copy(c, d->collation));
    /* table_xinfo.hidden: 2 is a VIRTUAL generated column, 3 a STORED one. */
    if (hidden == 2 || hidden == 3) {
        if (d == NULL || d->generated == NULL) {
            return sd_err_set(c->err, SD_ERR_PARSE,
                              "could not find the expression of generated column \"%s\" in the "
                              "definition of table \"%s\"",
                              repr(c, name), repr(c, r->name));
        }
        sd_obj_set_sql(c->m, o, SD_COLUMN_GENERATED, d->generated);
        sd_obj_set_str(c->m, o, SD_COLUMN_GENERATED_KIND, hidden == 3 ? "stored" : "virtual");
    }
    return SD_OK;
}

/* Remember table.column so foreign keys can use the canonical spelling of a column. */
static sd_status
remember_column(reader *c, const rel *r, const char *column)
{
    const char *key = lookup_key(c, r->name, column);
    char *stored = key != NULL ? sd_arena_strdup(c->a, key) : NULL; /* the map keeps it */
    const char *value = sd_arena_strdup(c->a, column);
    if (stored == NULL || value == NULL || sd_map_put(&c->columns, stored, (void *)value) != SD_OK)
        return nomem(c);
    return SD_OK;
}

static sd_status
read_columns(reader *c)
{
    static const char *const SQL =
        "SELECT m.name, x.cid, x.name, x.type, x.\"notnull\", x.dflt_value, x.pk, x.hidden "
        "FROM sqlite_schema m, pragma_table_xinfo(m.name) x "
        "WHERE " USER_TABLES " ORDER BY m.name, x.cid";
    SD_VEC(pk_col) pk = SD_VEC_INIT;
    sqlite3_stmt *st = NULL;
    const rel *current = NULL;
    sd_status rc = prepare(c, SQL, &st);

    while (next_row(c, st, &rc)) {
        const rel *r = model_table(c, col_text(st, 0));
        if (r == NULL || col_text(st, 2) == NULL)
            continue;
        if (r != current) {
            /* Rows come grouped by table: the previous table's key is complete. */
            if (current != NULL)
                rc = add_primary_key(c, current, pk.items, pk.len);
            pk.len = 0;
            current = r;
        }
        if (rc == SD_OK)
            rc = add_column(c, r, st);
        if (rc == SD_OK)
            rc = remember_column(c, r, col_text(st, 2));
        if (rc == SD_OK && sqlite3_column_int64(st, 6) > 0) {
            pk_col pc = { sqlite3_column_int64(st, 6), sd_arena_strdup(c->a, col_text(st, 2)) };
            if (pc.name == NULL || sd_vec_push(&pk, pc) != SD_OK)
                rc = nomem(c);
        }
    }
    if (rc == SD_OK && current != NULL)
        rc = add_primary_key(c, current, pk.items, pk.len);
    sqlite3_finalize(st);
    sd_vec_dispose(&pk);
    return rc;
}

/* ---- indexes and UNIQUE constraints (pragma_index_list + pragma_index_xinfo) ---- */

/* One key row of pragma_index_xinfo. */
typedef struct key_row {
    int64_t cid;           /* column number, -2 for an expression */
    const char *name;      /* column name (NULL for an expression) */
    bool desc;             /* DESC */
    const char *collation; /* collation SQLite uses for the key */
} key_row;

/* One index of pragma_index_list with its key rows. */
typedef struct index_rows {
    rel *table;           /* the indexed table */
    const char *name;     /* index name */
    bool unique;          /* UNIQUE */
    const char *origin;   /* "c" (CREATE INDEX), "u" (UNIQUE), "pk" (PRIMARY KEY) */
    SD_VEC(key_row) keys; /* key rows in seqno order */
} index_rows;

static bool
names_match(const sd_ddl_names *names, const key_row *keys, size_t n)
{
    if (names->len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!name_eq(names->items[i], keys[i].name))
            return false;
    return true;
}

/*
 * True when a UNIQUE constraint with this name and these columns was already added to r:
 * UNIQUE (a) and UNIQUE (a COLLATE NOCASE) get two indexes but are one constraint to the
 * model, which has no per-column collations for constraints.
 */
static bool
unique_seen(reader *c, const rel *r, const char *name, const index_rows *ix, sd_status *rc)
{
    sd_buf b = SD_BUF_INIT;
    const char *key = NULL;
    bool seen = false;

    if (c->unique_table != r) {
        c->unique_table = r;
        c->unique_keys.len = 0;
    }
    if (name != NULL)
        sd_buf_appendf(&b, "N%zu:%s", strlen(name), name);
    for (size_t i = 0; i < ix->keys.len; i++) {
        const char *col = ix->keys.items[i].name != NULL ? ix->keys.items[i].name : "";
        sd_buf_appendf(&b, "C%zu:%s", strlen(col), col);
    }
    key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->a, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    for (size_t i = 0; key != NULL && i < c->unique_keys.len && !seen; i++)
        seen = strcmp(c->unique_keys.items[i], key) == 0;
    if (key == NULL || (!seen && sd_vec_push(&c->unique_keys, key) != SD_OK))
        *rc = nomem(c);
    return seen;
}

/*
 * A UNIQUE constraint, from its automatic index. SQLite builds one index per distinct column
 * list (a repeated list, or one equal to the primary key's, gets none) and numbers them in
 * declaration order, which is the order they come here in. So the first unused parsed UNIQUE
 * with the same columns is the one that made the index and names it.
 */
static sd_status
add_unique(reader *c, const index_rows *ix)
{
    rel *r = ix->table;
    const char *name = NULL;
    sd_object *o = NULL;
    sd_status rc = SD_OK;

    for (size_t i = 0; i < r->ddl.ncons; i++) {
        const sd_ddl_cons *d = &r->ddl.cons[i];
        if (d->type == SD_DDL_UNIQUE && !r->cons_used[i] &&
            names_match(&d->columns, ix->keys.items, ix->keys.len)) {
            r->cons_used[i] = true;
            name = d->name;
            break;
        }
    }
    if (unique_seen(c, r, name, ix, &rc) || rc != SD_OK)
        return rc;
    rc = sd_model_add(c->m, SD_KIND_UNIQUE, SCHEMA, r->name, name, &o, c->err);
    for (size_t i = 0; rc == SD_OK && i < ix->keys.len; i++)
        sd_obj_add_name(c->m, o, SD_UNIQUE_COLUMNS, ix->keys.items[i].name);
    return rc;
}

/* The collation a key on this column gets without a COLLATE clause. */
static const char *
default_collation(const rel *r, const key_row *k)
{
    const sd_ddl_column *d = ddl_column(r, k->cid, k->name);
    return d != NULL && d->collation != NULL ? d->collation : "BINARY";
}

/* An index made by CREATE INDEX, joined with its parsed text for expressions and WHERE. */
static sd_status
add_index(reader *c, const index_rows *ix, bool partial)
{
    const schema_row *sr = sd_map_get(&c->index_rows, ix->name);
    sd_ddl_index ddl;
    sd_object *o = NULL;
    sd_status rc;

    if (sr == NULL || sr->sql == NULL) {
        return sd_err_set(c->err, SD_ERR_DB, "index \"%s\" has no CREATE statement",
                          repr(c, ix->name));
    }
    rc = sd_introspect__parse_index(&ddl, c->a, sr->sql, c->err);
    if (rc != SD_OK)
        return parse_error(c, "index", ix->name, ix->table->name);
    if (ddl.nkeys != ix->keys.len) {
        return sd_err_set(c->err, SD_ERR_PARSE,
                          "index \"%s\" has %zu keys in its definition but %zu in the catalog",
                          repr(c, ix->name), ddl.nkeys, ix->keys.len);
    }
    rc = sd_model_add(c->m, SD_KIND_INDEX, SCHEMA, ix->table->name, ix->name, &o, c->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_bool(o, SD_INDEX_UNIQUE, ix->unique);
    for (size_t i = 0; i < ix->keys.len; i++) {
        const key_row *k = &ix->keys.items[i];
        sd_keypart kp = { NULL, { NULL, NULL }, NULL, NULL, k->desc, NULL };
        bool explicit_collation;
        if (k->cid >= 0 && k->name != NULL) {
            kp.column = k->name;
            /* Record a collation only where it differs from what the column gives anyway. */
            explicit_collation = !name_eq(k->collation, default_collation(ix->table, k));
        } else {
            kp.expr.text = ddl.keys[i].expr;
            explicit_collation = ddl.keys[i].collate;
        }
        if (explicit_collation && k->collation != NULL)
            kp.collation = upper_copy(c, k->collation);
        sd_obj_add_key(c->m, o, SD_INDEX_KEYS, &kp);
    }
    if (partial) {
        if (ddl.where == NULL) {
            return sd_err_set(c->err, SD_ERR_PARSE,
                              "could not find the WHERE clause of partial index \"%s\"",
                              repr(c, ix->name));
        }
        sd_obj_set_sql(c->m, o, SD_INDEX_WHERE, ddl.where);
    }
    sd_obj_add_dep(c->m, o, SD_KIND_TABLE, SCHEMA, NULL, ix->table->name);
    return SD_OK;
}

static sd_status
flush_index(reader *c, const index_rows *ix, bool partial)
{
    if (ix->table == NULL || ix->name == NULL || ix->origin == NULL)
        return SD_OK;
    if (strcmp(ix->origin, "c") == 0)
        return add_index(c, ix, partial);
    if (strcmp(ix->origin, "u") == 0)
        return add_unique(c, ix);
    return SD_OK; /* "pk": the primary key, read from table_xinfo */
}

static sd_status
read_indexes(reader *c)
{
    static const char *const SQL =
        "SELECT m.name, l.name, l.\"unique\", l.origin, l.partial, "
        "x.cid, x.name, x.\"desc\", x.coll "
        "FROM sqlite_schema m, pragma_index_list(m.name) l, pragma_index_xinfo(l.name) x "
        "WHERE " USER_TABLES " AND x.key = 1 "
        /* sqlite_autoindex_<table>_<n> by n: declaration order, which add_unique() needs */
        "ORDER BY m.name, length(l.name), l.name, x.seqno";
    index_rows ix = { NULL, NULL, false, NULL, SD_VEC_INIT };
    bool partial = false;
    sqlite3_stmt *st = NULL;
    sd_status rc = prepare(c, SQL, &st);

    while (next_row(c, st, &rc)) {
        rel *r = model_table(c, col_text(st, 0));
        const char *name = col_text(st, 1);
        if (r == NULL || name == NULL)
            continue;
        if (ix.table != r || ix.name == NULL || strcmp(ix.name, name) != 0) {
            /* Rows come grouped by index: the previous index is complete. */
            rc = flush_index(c, &ix, partial);
            ix.table = r;
            ix.keys.len = 0;
            ix.unique = sqlite3_column_int(st, 2) != 0;
            partial = sqlite3_column_int(st, 4) != 0;
            if (rc == SD_OK)
                rc = col_copy(c, st, 1, &ix.name);
            if (rc == SD_OK)
                rc = col_copy(c, st, 3, &ix.origin);
        }
        key_row k = { sqlite3_column_int64(st, 5), NULL, sqlite3_column_int(st, 7) != 0, NULL };
        if (rc == SD_OK)
            rc = col_copy(c, st, 6, &k.name);
        if (rc == SD_OK)
            rc = col_copy(c, st, 8, &k.collation);
        if (rc == SD_OK && sd_vec_push(&ix.keys, k) != SD_OK)
            rc = nomem(c);
    }
    if (rc == SD_OK)
        rc = flush_index(c, &ix, partial);
    sqlite3_finalize(st);
    sd_vec_dispose(&ix.keys);
    return rc;
}

/* ---- foreign keys (pragma_foreign_key_list) ---- */

/* One row of pragma_foreign_key_list: one column pair of one foreign key. */
typedef struct fk_row {
    int64_t id;            /* foreign key number (not declaration order) */
    const char *ref_table; /* REFERENCES table as written */
    const char *from;      /* child column (canonical) */
    const char *to;        /* parent column as written; NULL when none was named */
    const char *on_update; /* action */
    const char *on_delete; /* action */
    const char *match;     /* what the pragma says (always NONE: SQLite ignores MATCH) */
} fk_row;

/* One foreign key: a run of rows with the same id, and the parsed constraint it matched. */
typedef struct fk_group {
    size_t first; /* first row */
    size_t n;     /* number of rows */
    size_t decl;  /* index of the matching parsed constraint, or NONE */
} fk_group;

static bool
fk_matches(const fk_row *rows, size_t n, const sd_ddl_cons *d, bool with_actions)
{
    if (d->type != SD_DDL_FOREIGN_KEY || d->columns.len != n ||
        !name_eq(d->ref_table, rows[0].ref_table))
        return false;
    if (d->ref_columns.len != 0 && d->ref_columns.len != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!name_eq(d->columns.items[i], rows[i].from))
            return false;
        if (!name_eq(d->ref_columns.len != 0 ? d->ref_columns.items[i] : NULL, rows[i].to))
            return false;
    }
    return !with_actions ||
           (name_eq(d->on_delete, rows[0].on_delete) && name_eq(d->on_update, rows[0].on_update));
}

/*
 * The parsed constraint behind a pragma foreign key, by (columns, referenced table and
 * columns), preferring one whose actions agree too. Candidates that still tie are identical
 * in everything the pragma can tell apart, so which one we take does not change the model.
 */
static size_t
match_fk(rel *r, const fk_row *rows, size_t n)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < r->ddl.ncons; i++) {
            if (!r->cons_used[i] && fk_matches(rows, n, &r->ddl.cons[i], pass == 0)) {
                r->cons_used[i] = true;
                return i;
            }
        }
    }
    return NONE;
}

static int
cmp_fk_group(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    size_t x = ((const fk_group *)a)->decl;
    size_t y = ((const fk_group *)b)->decl;
    return x < y ? -1 : x > y;
}

/* The canonical spelling of the referenced table when it is in the model. */
static const char *
fk_ref_table(reader *c, const char *written)
{
    const rel *t = model_table(c, written);
    return t != NULL ? t->name : written;
}

/*
 * What identifies a foreign key in the model (name, columns, referenced table and columns),
 * as one length-prefixed string so two keys compare with strcmp. Keys that differ only in
 * their actions collide here exactly as they would in the model.
 */
static const char *
fk_identity(reader *c, const rel *r, const fk_row *rows, const fk_group *g)
{
    const sd_ddl_cons *d = g->decl != NONE ? &r->ddl.cons[g->decl] : NULL;
    const char *ref = fk_ref_table(c, rows[g->first].ref_table);
    sd_buf b = SD_BUF_INIT;

    if (d != NULL && d->name != NULL)
        sd_buf_appendf(&b, "N%zu:%s", strlen(d->name), d->name);
    sd_buf_appendf(&b, "T%zu:%s", strlen(ref), ref);
    for (size_t i = g->first; i < g->first + g->n; i++) {
        const char *to = rows[i].to != NULL ? find_column(c, ref, rows[i].to) : NULL;
        if (rows[i].to != NULL && to == NULL)
            to = rows[i].to;
        sd_buf_appendf(&b, "F%zu:%s", strlen(rows[i].from), rows[i].from);
        if (to != NULL)
            sd_buf_appendf(&b, "R%zu:%s", strlen(to), to);
    }
    const char *key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->a, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return key;
}

static sd_status
add_foreign_key(reader *c, const rel *r, const fk_row *rows, const fk_group *g)
{
    const fk_row *fr = &rows[g->first];
    const sd_ddl_cons *d = g->decl != NONE ? &r->ddl.cons[g->decl] : NULL;
    const char *ref = fk_ref_table(c, fr->ref_table);
    sd_object *o = NULL;
    sd_status rc = sd_model_add(c->m, SD_KIND_FOREIGN_KEY, SCHEMA, r->name,
                                d != NULL ? d->name : NULL, &o, c->err);

    if (rc != SD_OK)
        return rc;
    for (size_t i = 0; i < g->n; i++) {
        const char *to = fr[i].to;
        sd_obj_add_name(c->m, o, SD_FK_COLUMNS, fr[i].from);
        if (to != NULL) {
            const char *canon = find_column(c, ref, to);
            sd_obj_add_name(c->m, o, SD_FK_REF_COLUMNS, canon != NULL ? canon : to);
        }
    }
    sd_obj_set_str(c->m, o, SD_FK_REF_TABLE, ref);
    sd_obj_set_str(c->m, o, SD_FK_ON_DELETE, upper_copy(c, fr->on_delete));
    sd_obj_set_str(c->m, o, SD_FK_ON_UPDATE, upper_copy(c, fr->on_update));
    /* SQLite parses MATCH but does not keep it: the pragma always says NONE. */
    sd_obj_set_str(c->m, o, SD_FK_MATCH,
                   upper_copy(c, d != NULL && d->match != NULL ? d->match : fr->match));
    sd_obj_set_bool(o, SD_FK_DEFERRABLE, d != NULL && d->deferrable);
    sd_obj_set_bool(o, SD_FK_INITIALLY_DEFERRED, d != NULL && d->initially_deferred);
    if (model_table(c, fr->ref_table) != NULL)
        sd_obj_add_dep(c->m, o, SD_KIND_TABLE, SCHEMA, NULL, ref);
    return SD_OK;
}

/*
 * All foreign keys of one table. They are added in declaration order (pragma ids count
 * backwards), and a key identical in identity to an earlier one is left out: SQLite enforces
 * both, the model can hold one.
 */
static sd_status
flush_foreign_keys(reader *c, rel *r, const fk_row *rows, size_t nrows)
{
    SD_VEC(fk_group) groups = SD_VEC_INIT;
    SD_VEC(const char *) added = SD_VEC_INIT; /* identities of the keys added so far */
    sd_status rc = SD_OK;

    for (size_t i = 0; i < nrows && rc == SD_OK;) {
        fk_group g = { i, 0, NONE };
        while (i < nrows && rows[i].id == rows[g.first].id) {
            g.n++;
            i++;
        }
        g.decl = match_fk(r, &rows[g.first], g.n);
        if (sd_vec_push(&groups, g) != SD_OK)
            rc = nomem(c);
    }
    if (rc == SD_OK &&
        sd_sort(groups.items, groups.len, sizeof(fk_group), cmp_fk_group, NULL) != SD_OK)
        rc = nomem(c);
    for (size_t i = 0; i < groups.len && rc == SD_OK; i++) {
        const char *key = fk_identity(c, r, rows, &groups.items[i]);
        bool dup = false;
        if (key == NULL) {
            rc = nomem(c);
            break;
        }
        for (size_t j = 0; j < added.len && !dup; j++)
            dup = strcmp(key, added.items[j]) == 0;
        if (dup)
            continue;
        if (sd_vec_push(&added, key) != SD_OK)
            rc = nomem(c);
        if (rc == SD_OK)
            rc = add_foreign_key(c, r, rows, &groups.items[i]);
    }
    sd_vec_dispose(&groups);
    sd_vec_dispose(&added);
    return rc;
}

static sd_status
read_foreign_keys(reader *c)
{
    static const char *const SQL =
        "SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete, "
        "f.\"match\" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f "
        "WHERE " USER_TABLES " ORDER BY m.name, f.id, f.seq";
    SD_VEC(fk_row) rows = SD_VEC_INIT;
    rel *current = NULL;
    sqlite3_stmt *st = NULL;
    sd_status rc = prepare(c, SQL, &st);

    while (next_row(c, st, &rc)) {
        rel *r = model_table(c, col_text(st, 0));
        if (r == NULL)
            continue;
        if (r != current) {
            if (current != NULL)
                rc = flush_foreign_keys(c, current, rows.items, rows.len);
            rows.len = 0;
            current = r;
        }
        fk_row fr = { sqlite3_column_int64(st, 1), NULL, NULL, NULL, NULL, NULL, NULL };
        if (rc == SD_OK)
            rc = col_copy(c, st, 2, &fr.ref_table);
        if (rc == SD_OK)
            rc = col_copy(c, st, 3, &fr.from);
        if (rc == SD_OK)
            rc = col_copy(c, st, 4, &fr.to);
        if (rc == SD_OK)
            rc = col_copy(c, st, 5, &fr.on_update);
        if (rc == SD_OK)
            rc = col_copy(c, st, 6, &fr.on_delete);
        if (rc == SD_OK)
            rc = col_copy(c, st, 7, &fr.match);
        if (rc == SD_OK && (fr.ref_table == NULL || fr.from == NULL))
            continue;
        if (rc == SD_OK && sd_vec_push(&rows, fr) != SD_OK)
            rc = nomem(c);
    }
    if (rc == SD_OK && current != NULL)
        rc = flush_foreign_keys(c, current, rows.items, rows.len);
    sqlite3_finalize(st);
    sd_vec_dispose(&rows);
    return rc;
}

/* ---- CHECK constraints (CREATE TABLE text only) ---- */

/*
 * Column and table CHECKs alike become table checks. A check repeated with the same name and
 * the same expression (after normalization) is one check in the model.
 */
static sd_status
add_checks(reader *c, const rel *r)
{
    SD_VEC(const char *) seen = SD_VEC_INIT; /* name + normalized expression of each added */
    sd_buf b = SD_BUF_INIT;
    sd_status rc = SD_OK;

    for (size_t i = 0; i < r->ddl.ncons && rc == SD_OK; i++) {
        const sd_ddl_cons *d = &r->ddl.cons[i];
        bool dup = false;
        if (d->type != SD_DDL_CHECK)
            continue;
        sd_buf_reset(&b);
        if (d->name != NULL)
            sd_buf_appendf(&b, "N%zu:%s", strlen(d->name), d->name);
        sd_buf_putc(&b, 'E');
        rc = sd_sql_normalize(&b, d->expr, strlen(d->expr), c->err);
        if (rc != SD_OK) {
            rc = parse_error(c, "table", r->name, NULL);
            break;
        }
        const char *key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->a, sd_buf_cstr(&b));
        if (key == NULL) {
            rc = nomem(c);
            break;
        }
        for (size_t j = 0; j < seen.len && !dup; j++)
            dup = strcmp(seen.items[j], key) == 0;
        if (dup)
            continue;
        if (sd_vec_push(&seen, key) != SD_OK) {
            rc = nomem(c);
            break;
        }
        sd_object *o = NULL;
        rc = sd_model_add(c->m, SD_KIND_CHECK, SCHEMA, r->name, d->name, &o, c->err);
        if (rc == SD_OK)
            sd_obj_set_sql(c->m, o, SD_CHECK_EXPRESSION, d->expr);
    }
    sd_vec_dispose(&seen);
    sd_buf_dispose(&b);
    return rc;
}

/* ---- views, triggers and their dependencies ---- */

/* Read one token into *tok; true on success (lexing errors leave *rc set). */
static bool
lex(reader *c, sd_lexer *lx, sd_tok *tok, sd_status *rc)
{
    if (*rc == SD_OK)
        *rc = sd_lexer_next(lx, tok, c->err);
    return *rc == SD_OK;
}

/*
 * Move lx past CREATE [TEMP | TEMPORARY] VIEW | TRIGGER [IF NOT EXISTS] [schema .] name, so
 * that the statement's own name is not taken for a reference. Every word here may also be a
 * name (CREATE VIEW temp ..., CREATE TRIGGER if ...), hence the lookahead.
 */
static sd_status
skip_create_header(reader *c, sd_lexer *lx, const char *sql)
{
    sd_tok tok;
    sd_lexer saved;
    sd_status rc = SD_OK;

    (void)lex(c, lx, &tok, &rc); /* CREATE */
    (void)lex(c, lx, &tok, &rc);
    if (sd_tok_is_word(sql, &tok, "TEMP") || sd_tok_is_word(sql, &tok, "TEMPORARY"))
        (void)lex(c, lx, &tok, &rc); /* VIEW or TRIGGER */
    (void)lex(c, lx, &tok, &rc);
    if (rc == SD_OK && sd_tok_is_word(sql, &tok, "IF")) {
        saved = *lx;
        if (lex(c, lx, &tok, &rc) && sd_tok_is_word(sql, &tok, "NOT")) {
            (void)lex(c, lx, &tok, &rc); /* EXISTS */
            (void)lex(c, lx, &tok, &rc);
        } else {
            *lx = saved; /* a trigger named "if" */
        }
    }
    saved = *lx;
    if (lex(c, lx, &tok, &rc) && sd_tok_is_punct(sql, &tok, "."))
        (void)lex(c, lx, &tok, &rc); /* that was the schema: this is the name */
    else if (rc == SD_OK)
        *lx = saved;
    return rc;
}

/*
 * Depend on every table or view (in the model) whose name is an identifier token of sql after
 * the statement's own name. This over-approximates (a column named like a table counts),
 * which can only add ordering constraints, never lose one.
 */
static sd_status
add_sql_deps(reader *c, sd_object *o, const char *what, const char *sql)
{
    sd_lexer lx;
    sd_tok tok;
    sd_buf ident = SD_BUF_INIT;
    sd_status rc;

    sd_lexer_init(&lx, sql, strlen(sql), 0);
    rc = skip_create_header(c, &lx, sql);
    while (lex(c, &lx, &tok, &rc) && tok.type != SD_TOK_EOF) {
        if (tok.type != SD_TOK_WORD && tok.type != SD_TOK_QIDENT)
            continue;
        sd_buf_reset(&ident);
        sd_tok_ident(&ident, sql, &tok);
        const rel *r = find_rel(c, sd_buf_cstr(&ident));
        if (r == NULL || !r->modeled || (r->kind == o->kind && strcmp(r->name, o->name) == 0))
            continue;
        sd_obj_add_dep(c->m, o, r->kind, SCHEMA, NULL, r->name);
    }
    if (rc == SD_OK && sd_buf_failed(&ident))
        rc = nomem(c);
    sd_buf_dispose(&ident);
    if (rc == SD_ERR_PARSE)
        rc = parse_error(c, what, o->name, o->table);
    return rc;
}

static sd_status
add_views(reader *c)
{
    sd_status rc = SD_OK;
    for (const rel *r = c->rels; r != NULL && rc == SD_OK; r = r->next) {
        sd_object *o = NULL;
        if (r->kind != SD_KIND_VIEW || r->sql == NULL)
            continue;
        rc = sd_model_add(c->m, SD_KIND_VIEW, SCHEMA, NULL, r->name, &o, c->err);
        if (rc == SD_OK) {
            sd_obj_set_sql(c->m, o, SD_VIEW_SQL, r->sql);
            rc = add_sql_deps(c, o, "view", r->sql);
        }
    }
    return rc;
}

static sd_status
add_triggers(reader *c)
{
    sd_status rc = SD_OK;
    for (size_t i = 0; i < c->triggers.len && rc == SD_OK; i++) {
        const schema_row *t = &c->triggers.items[i];
        /* tbl_name is spelled as the trigger's ON clause wrote it: use the table's own. */
        const rel *on = find_rel(c, t->table);
        sd_object *o = NULL;
        if (on == NULL || !on->modeled || t->sql == NULL)
            continue;
        rc = sd_model_add(c->m, SD_KIND_TRIGGER, SCHEMA, on->name, t->name, &o, c->err);
        if (rc != SD_OK)
            break;
        sd_obj_set_sql(c->m, o, SD_TRIGGER_SQL, t->sql);
        sd_obj_add_dep(c->m, o, on->kind, SCHEMA, NULL, on->name);
        rc = add_sql_deps(c, o, "trigger", t->sql);
    }
    return rc;
}

/* ---- entry point ---- */

static sd_status
read_all(reader *c)
{
    sd_object *schema = NULL;
    sd_status rc = sd_model_add(c->m, SD_KIND_SCHEMA, SCHEMA, NULL, SCHEMA, &schema, c->err);

    /* One read transaction: every query sees the same schema. */
    if (rc == SD_OK)
        rc = exec(c, "BEGIN");
    if (rc == SD_OK)
        rc = read_schema(c);
    if (rc == SD_OK)
        rc = read_tables(c);
    if (rc == SD_OK)
        rc = read_columns(c);
    if (rc == SD_OK)
        rc = read_indexes(c);
    if (rc == SD_OK)
        rc = read_foreign_keys(c);
    for (const rel *r = c->rels; r != NULL && rc == SD_OK; r = r->next)
        if (r->kind == SD_KIND_TABLE && r->modeled)
            rc = add_checks(c, r);
    if (rc == SD_OK)
        rc = add_views(c);
    if (rc == SD_OK)
        rc = add_triggers(c);
    if (rc == SD_OK && sd_arena_failed(c->a))
        rc = nomem(c);
    if (rc == SD_OK && sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = db_error(c, "ending the read transaction");
    return rc;
}

sd_status
sd_sqlite_introspect(sd_model **out, const char *path, sd_err *err)
{
    reader c;
    sd_status rc;

    memset(&c, 0, sizeof(c));
    *out = NULL;
    c.path = path;
    c.err = err;
    c.a = sd_arena_new();
    c.m = sd_model_new(SD_ENGINE_SQLITE);
    if (c.a == NULL || c.m == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    rc = open_db(&c, path);
    if (rc == SD_OK)
        rc = read_all(&c);
    if (rc == SD_OK)
        rc = sd_model_freeze(c.m, err);
    if (rc == SD_OK) {
        *out = c.m;
        c.m = NULL;
    }
out:
    /* Closing rolls back a read transaction left open by an error; nothing was written. */
    close_db(&c);
    sd_model_free(c.m);
    sd_vec_dispose(&c.triggers);
    sd_map_dispose(&c.rel_index);
    sd_map_dispose(&c.index_rows);
    sd_map_dispose(&c.columns);
    sd_vec_dispose(&c.unique_keys);
    sd_buf_dispose(&c.key);
    sd_arena_free(c.a);
    return rc;
}

sd_status
sd_sqlite_counts(const char *path,
                 const char *const *queries,
                 const bool *optional,
                 size_t n,
                 long long *counts,
                 sd_err *err)
{
    reader c;
    memset(&c, 0, sizeof(c));
    c.path = path;
    c.err = err;
    c.a = sd_arena_new();
    if (c.a == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_status rc = open_db(&c, path);
    if (rc == SD_OK)
        rc = exec(&c, "BEGIN");
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        sqlite3_stmt *st = NULL;
        bool may_fail = optional != NULL && optional[i];
        int got = sqlite3_prepare_v2(c.db, queries[i], -1, &st, NULL);
        if (got == SQLITE_OK)
            got = sqlite3_step(st);
        if (got == SQLITE_ROW)
            counts[i] = sqlite3_column_int64(st, 0);
        else if (may_fail)
            counts[i] = -1;
        else
            rc = db_error(&c, "running a preflight query");
        sqlite3_finalize(st);
    }
    /* Closing ends the read transaction; nothing was written. */
    close_db(&c);
    sd_arena_free(c.a);
    return rc;
}

void
sd_introspect_versions(sd_buf *out)
{
    sd_pg_client_version(out);
    sd_buf_appendf(out, "SQLite %s\n", sqlite3_libversion());
}
