/*
 * source.c: SOURCE arguments. A source is a string on the command line that names a schema:
 * a SQLite file, a snapshot, a PostgreSQL server, and later a migrations directory or a
 * config environment. This file decides which kind a string names (from its form only:
 * no file is opened to guess), loads it into a model, and renders a label that is safe to
 * print, because a connection string may hold a password.
 *
 * Adding a kind: a value in sd_source_kind (cli.h), a row in KINDS (how to load it and what
 * to call it), a rule in sd_source_parse(), and a line in SD_CLI_SOURCES_HELP.
 *
 * Credentials. A PostgreSQL argument is parsed once, by libpq, in conn/ (sd_conn_parse():
 * PG* variables, ~/.pgpass and service files still apply when it connects) and is never
 * printed: its label is conn/'s, written from the fields libpq parsed; the introspector
 * connects through conn/, which names the server without secrets; and sd_source_load()
 * finally masks every password the source or PGPASSWORD holds out of the error
 * (sd_conn_mask()), in case some layer below quoted one.
 *
 * Concurrency. sd_source_load_pair() reads the two sides at once (a thread for the second
 * side), each into its own model and sd_err; nothing here has shared mutable state.
 *
 * What it does not do: look at file contents to guess a kind, or connect anywhere itself.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/stat.h>

#include "cli/cli.h"
#include "config/config.h"
#include "conn/conn.h"
#include "introspect/introspect.h"
#include "migrate/migrate.h"
#include "snapshots/snapshot.h"
#include "util/thread.h"

const char SD_CLI_SOURCES_HELP[] =
    "  PATH.db, PATH.sqlite, PATH.sqlite3, sqlite:PATH   a SQLite database (opened read-only)\n"
    "  PATH.yaml, PATH.yml                               a snapshot written by 'schemadrift "
    "inspect'\n"
    "  postgres://..., postgresql://...                  a PostgreSQL database (libpq URL)\n"
    "  'host=... dbname=...'                             a PostgreSQL database (libpq "
    "key=value string)\n"
    "  migrations:DIR, DIR (a directory), ...@VERSION    the schema a migrations directory "
    "defines\n"
    "  NAME                                              an environment of schemadrift.yaml\n";

static const char SOURCES_HINT[] =
    "A source is a SQLite file (PATH.db, .sqlite, .sqlite3 or sqlite:PATH), a snapshot "
    "(PATH.yaml, .yml), a PostgreSQL database (postgres://... or 'host=... dbname=...') or a "
    "migrations directory (migrations:DIR).";

static const char CONNECT_HINT[] =
    "Check that the server is running and accepts connections at that address, and the "
    "host, port, dbname and user of the source; libpq's PG* environment variables, ~/.pgpass "
    "and service files apply.";

static const char QUERY_HINT[] =
    "A catalog query failed on the server: check that the user of the source may read the "
    "system catalogs of that database (a non-superuser can, unless privileges were revoked).";

/* ---- kinds ---- */

typedef struct source_kind_info {
    const char *what; /* "SQLite database", for messages */
    sd_status (*load)(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err);
    const char *notfound_hint; /* hint when the source does not exist, or NULL */
} source_kind_info;

static sd_status
load_sqlite(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err)
{
    (void)pg;
    return sd_sqlite_introspect(out, src->target, err);
}

static sd_status
load_snapshot(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err)
{
    (void)pg;
    return sd_snapshot_read_file(out, src->target, err);
}

static sd_status
load_postgres(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err)
{
    static const sd_pg_options all = { NULL, 0, NULL, 0, 1 };
    return sd_pg_introspect(out, src->conn, pg != NULL ? pg : &all, err);
}

static sd_status
load_migrations(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err)
{
    (void)pg;
    if (!src->has_engine) {
        sd_err_set(err, SD_ERR_PARSE,
                   "cannot tell which database engine the migrations of %s are for", src->label);
        sd_err_hint(err, "Compare them with a database or snapshot (its engine is taken), or set "
                         "engine: postgresql or engine: sqlite in schemadrift.yaml.");
        return SD_ERR_PARSE;
    }
    /* The config's dev_url is expanded only now, for a replay on PostgreSQL. */
    char *dev_url = NULL;
    if (src->dev_url == NULL && src->engine == SD_ENGINE_PG && src->cfg != NULL &&
        src->cfg->dev_url.raw != NULL) {
        sd_status rc = sd_config_expand(src->cfg, &src->cfg->dev_url, &dev_url, err);
        if (rc != SD_OK)
            return rc;
    }
    const sd_replay_options opts = { .engine = src->engine,
                                     .upto = src->mig_upto,
                                     .dev_url = src->dev_url != NULL ? src->dev_url : dev_url };
    sd_status rc = sd_migrate_replay(out, src->target, &opts, err);
    free(dev_url);
    return rc;
}

static const source_kind_info KINDS[] = {
    [SD_SOURCE_SQLITE] = { "SQLite database", load_sqlite,
                           "Check the path: schemadrift opens SQLite databases read-only and "
                           "never creates one." },
    [SD_SOURCE_SNAPSHOT] = { "snapshot", load_snapshot,
                             "Check the path, or write a snapshot with 'schemadrift inspect "
                             "SOURCE -o FILE'." },
    [SD_SOURCE_POSTGRES] = { "PostgreSQL database", load_postgres,
                             "Check the dbname of the source." },
    [SD_SOURCE_MIGRATIONS] = { "migrations directory", load_migrations,
                               "Check the path, or create the directory with 'schemadrift "
                               "migrate new NAME'." },
};
_Static_assert(sizeof(KINDS) / sizeof(KINDS[0]) == SD_SOURCE__COUNT, "every source kind");

/* ---- recognizing ---- */

static bool
has_prefix_ci(const char *s, const char *prefix)
{
    for (; *prefix != '\0'; s++, prefix++) {
        if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix))
            return false;
    }
    return true;
}

static bool
has_suffix_ci(const char *s, const char *suffix)
{
    size_t n = strlen(s);
    size_t m = strlen(suffix);
    return n > m && has_prefix_ci(s + n - m, suffix);
}

/* libpq connection parameters that may start a conninfo string. */
static const char *const CONNINFO_KEYS[] = {
    "host",
    "hostaddr",
    "port",
    "dbname",
    "user",
    "password",
    "passfile",
    "service",
    "sslmode",
    "options",
    "application_name",
    "connect_timeout",
    "client_encoding",
    "target_session_attrs",
    NULL,
};

/* "host=db.example port=5432 ...": a known libpq keyword, optional blanks, then '='. */
static bool
looks_like_conninfo(const char *s)
{
    size_t n = 0;
    while (isspace((unsigned char)*s))
        s++;
    while (s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z'))
        n++;
    size_t eq = n;
    while (s[eq] == ' ' || s[eq] == '\t')
        eq++;
    if (n == 0 || s[eq] != '=')
        return false;
    for (size_t i = 0; CONNINFO_KEYS[i] != NULL; i++) {
        if (strlen(CONNINFO_KEYS[i]) == n && strncmp(CONNINFO_KEYS[i], s, n) == 0)
            return true;
    }
    return false;
}

static bool
is_postgres(const char *arg)
{
    return has_prefix_ci(arg, "postgres://") || has_prefix_ci(arg, "postgresql://") ||
           looks_like_conninfo(arg);
}

/* ---- labels ---- */

/*
 * An argument of no known kind is named in the error, unless it may hold a credential (an
 * '@' or '=' in it, as in "mysql://user:pw@host" or "user:pw@host"): then only its scheme,
 * or nothing of it, is shown.
 */
static void
unknown_label(sd_buf *out, const char *arg)
{
    if (strpbrk(arg, "@=") == NULL) {
        sd_buf_append(out, arg);
        return;
    }
    const char *sep = strstr(arg, "://");
    size_t n = sep != NULL ? (size_t)(sep - arg) : 0;
    bool scheme = n > 0 && isalpha((unsigned char)arg[0]);
    for (size_t i = 0; i < n && scheme; i++)
        scheme = isalnum((unsigned char)arg[i]) || arg[i] == '+' || arg[i] == '-' || arg[i] == '.';
    if (scheme) {
        sd_buf_appendn(out, arg, n + 3);
        sd_buf_append(out, "...");
    } else {
        sd_buf_append(out, "(an argument holding '@' or '=')");
    }
}

/* The kind of source arg's form names (SD_SOURCE__COUNT: none), and what its loader opens. */
static sd_source_kind
recognize(const char *arg, const char **target)
{
    *target = arg;
    /* Order matters: an explicit prefix wins over an extension ("sqlite:x.yaml"), and a
     * connection string may end in ".db" ("host=h dbname=app.db"). */
    if (has_prefix_ci(arg, "sqlite:")) {
        *target = arg + strlen("sqlite:");
        return SD_SOURCE_SQLITE;
    }
    if (is_postgres(arg))
        return SD_SOURCE_POSTGRES;
    if (has_suffix_ci(arg, ".db") || has_suffix_ci(arg, ".sqlite") ||
        has_suffix_ci(arg, ".sqlite3"))
        return SD_SOURCE_SQLITE;
    if (has_suffix_ci(arg, ".yaml") || has_suffix_ci(arg, ".yml"))
        return SD_SOURCE_SNAPSHOT;
    if (has_prefix_ci(arg, "migrations:")) {
        *target = arg + strlen("migrations:");
        return SD_SOURCE_MIGRATIONS;
    }
    /* A directory, or DIR@VERSION, is a migrations directory. */
    struct stat st;
    const char *at = strrchr(arg, '@');
    char dir[4096];
    size_t n = at != NULL ? (size_t)(at - arg) : strlen(arg);
    if (n > 0 && n < sizeof(dir)) {
        memcpy(dir, arg, n);
        dir[n] = '\0';
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
            return SD_SOURCE_MIGRATIONS;
    }
    return SD_SOURCE__COUNT;
}

/* SD_SOURCE_MIGRATIONS: out->target split into the directory and its @VERSION (the last '@';
 * none: every migration). */
static sd_status
split_migrations(sd_source *out, sd_err *err)
{
    out->mig_dir = strdup(out->target);
    if (out->mig_dir == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    char *at = strrchr(out->mig_dir, '@');
    if (at != NULL) {
        *at = '\0';
        out->mig_upto = at + 1;
    }
    out->target = out->mig_dir;
    if (out->mig_dir[0] == '\0' || (out->mig_upto != NULL && out->mig_upto[0] == '\0')) {
        sd_err_set(err, SD_ERR_PARSE, "\"%s\" names no migrations directory or no version",
                   out->arg);
        sd_err_hint(err, "Write migrations:DIR, or migrations:DIR@VERSION to stop at VERSION.");
        return SD_ERR_PARSE;
    }
    return SD_OK;
}

/*
 * arg of no known form: the url of the config's environment of that name, if there is one,
 * expanded into out->env_url (its ${VAR}s only now: a command that does not name prod does not
 * need prod's password), with out->kind and out->target; *cfg is loaded. A config that does
 * not parse is an error even when arg may have been a typo: it says which file is wrong.
 */
static sd_status
resolve_env(sd_source *out, const char *arg, const char *config, sd_config **cfg, sd_err *err)
{
    sd_status rc = *cfg != NULL ? SD_OK : sd_config_load(cfg, config, err);
    const sd_config_env *env = rc == SD_OK ? sd_config_env_find(*cfg, arg) : NULL;
    if (env == NULL)
        return rc;
    rc = sd_config_expand(*cfg, &env->url, &out->env_url, err);
    if (rc != SD_OK)
        return rc;
    out->kind = recognize(out->env_url, &out->target);
    /* A file form that looks like a URL or a key=value string may carry a password that a
     * message about a missing file would print: refused without showing it. */
    const char *u = out->env_url;
    bool secretive = out->kind != SD_SOURCE_POSTGRES &&
                     (strstr(u, "://") != NULL || strchr(u, '=') != NULL ||
                      (out->kind != SD_SOURCE_MIGRATIONS && strchr(u, '@') != NULL));
    if (out->kind == SD_SOURCE__COUNT || secretive) {
        /* Its url is not shown: it may hold a password. */
        rc = sd_err_set(err, SD_ERR_PARSE, "the url of environment %s is not a SOURCE", env->name);
        sd_err_where(err, "%s:%zu", (*cfg)->path, env->url.line);
        sd_err_hint(err, "%s", SOURCES_HINT);
    }
    return rc;
}

/* SD_SOURCE_MIGRATIONS: the directory and version, the engine and dev server to replay on
 * (--dev-url, else the config's, kept for load_migrations()). */
static sd_status
migrations_settings(sd_source *out, const sd_cli_args *args, sd_config **cfg, sd_err *err)
{
    sd_status rc = split_migrations(out, err);
    if (rc == SD_OK && *cfg == NULL)
        rc = sd_config_load(cfg, args != NULL ? args->config : NULL, err);
    if (rc != SD_OK)
        return rc;
    if (*cfg != NULL && (*cfg)->has_engine) {
        out->has_engine = true;
        out->engine = (*cfg)->engine;
    }
    if (args != NULL && args->dev_url != NULL && (out->dev_url = strdup(args->dev_url)) == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    out->cfg = *cfg;
    *cfg = NULL;
    return SD_OK;
}

/* The error for an argument of no known form, listing the config's environments if any. */
static sd_status
unknown_source(const sd_source *out, const sd_config *cfg, sd_err *err)
{
    sd_status rc =
        sd_err_set(err, SD_ERR_PARSE, "cannot tell what kind of source \"%s\" is", out->label);
    sd_buf names = SD_BUF_INIT;
    for (size_t i = 0; cfg != NULL && i < cfg->nenvs; i++) {
        sd_buf_append(&names, i > 0 ? ", " : "");
        sd_buf_append(&names, cfg->envs[i].name);
    }
    if (names.len > 0) {
        sd_err_hint(err,
                    "Name an environment of %s (%s), or see 'schemadrift --help' for the forms "
                    "of a SOURCE.",
                    cfg->path, sd_buf_cstr(&names));
    } else {
        sd_err_hint(err, "%s", SOURCES_HINT);
    }
    sd_buf_dispose(&names);
    return rc;
}

sd_status
sd_source_parse(sd_source *out, const char *arg, const sd_cli_args *args, sd_err *err)
{
    sd_buf label = SD_BUF_INIT;
    sd_config *cfg = NULL;
    sd_status rc = SD_OK;

    sd_source_dispose(out);
    out->arg = arg;
    out->kind = recognize(arg, &out->target);
    if (out->kind == SD_SOURCE__COUNT && arg[0] != '\0')
        rc = resolve_env(out, arg, args != NULL ? args->config : NULL, &cfg, err);
    if (rc == SD_OK && out->kind == SD_SOURCE_MIGRATIONS)
        rc = migrations_settings(out, args, &cfg, err);
    const char *given = out->env_url != NULL ? out->env_url : arg;
    if (out->env_url != NULL) {
        sd_buf_append(&label, arg);
        sd_buf_append(&label, " (");
    }
    /* File paths are shown as given; a PostgreSQL source is parsed by libpq (conn/) and
     * named by what it parsed; anything else may be a connection string of some kind. */
    if (rc == SD_OK && out->kind == SD_SOURCE_POSTGRES) {
        rc = sd_conn_parse(&out->conn, given, err);
        if (rc == SD_OK)
            sd_buf_append(&label, sd_conn_label(out->conn));
        else if (out->env_url != NULL)
            sd_err_where(err, "environment %s", arg);
    } else if (out->kind == SD_SOURCE__COUNT) {
        unknown_label(&label, arg);
    } else {
        sd_buf_append(&label, given);
    }
    if (out->env_url != NULL)
        sd_buf_append(&label, ")");
    if (rc == SD_OK && !sd_buf_failed(&label))
        out->label = sd_buf_take(&label);
    if (rc == SD_OK && out->label == NULL)
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK && out->kind == SD_SOURCE__COUNT)
        rc = unknown_source(out, cfg, err);
    if (rc == SD_OK && out->target[0] == '\0') {
        rc = sd_err_set(err, SD_ERR_PARSE, "source \"%s\" names no file", out->label);
        sd_err_hint(err, "Write sqlite:PATH, for example sqlite:app.db.");
    }
    sd_config_free(cfg);
    sd_buf_dispose(&label);
    return rc;
}

void
sd_source_dispose(sd_source *src)
{
    sd_conn_free(src->conn);
    free(src->label);
    free(src->env_url);
    free(src->mig_dir);
    free(src->dev_url);
    sd_config_free(src->cfg);
    /* Field by field, as SD_SOURCE_INIT: clang's analyzer loses track of a struct assigned
     * from a compound literal and takes the freed pointers for still there. */
    src->kind = SD_SOURCE__COUNT;
    src->arg = NULL;
    src->target = NULL;
    src->mig_upto = NULL;
    src->has_engine = false;
    src->engine = SD_ENGINE_SQLITE;
    src->conn = NULL;
    src->label = NULL;
    src->env_url = NULL;
    src->mig_dir = NULL;
    src->dev_url = NULL;
    src->cfg = NULL;
}

/* ---- loading ---- */

/*
 * Each --schema (not also excluded) names a schema that at least one of the PostgreSQL
 * sources read holds, as pg_dump -n refuses a pattern that matches nothing: a misspelt name
 * would otherwise read as an empty schema and report "no drift". (Snapshots are read whole;
 * one that holds the schema counts too.)
 */
static sd_status
schemas_found(const sd_model *const *models,
              const sd_source *const *srcs,
              size_t n,
              const sd_pg_options *pg,
              sd_err *err)
{
    bool any_pg = false;
    for (size_t i = 0; i < n; i++)
        any_pg = any_pg || srcs[i]->kind == SD_SOURCE_POSTGRES;
    for (size_t s = 0; pg != NULL && any_pg && s < pg->nschemas; s++) {
        const char *name = pg->schemas[s];
        bool found = false;
        for (size_t x = 0; x < pg->nexclude && !found; x++)
            found = strcmp(pg->exclude_schemas[x], name) == 0; /* --exclude-schema wins */
        for (size_t i = 0; i < n && !found; i++)
            found = sd_model_engine(models[i]) == SD_ENGINE_PG &&
                    sd_model_find(models[i], SD_KIND_SCHEMA, name, NULL, name) != NULL;
        if (!found) {
            sd_status rc =
                sd_err_set(err, SD_ERR_NOTFOUND, "--schema %s matches no schema of %s%s%s", name,
                           srcs[0]->label, n > 1 ? " nor of " : "", n > 1 ? srcs[1]->label : "");
            sd_err_hint(err, "Check the name: it is matched exactly, case included (pg_dump -n "
                             "refuses such a name too).");
            return rc;
        }
    }
    return SD_OK;
}

static sd_status
load_one(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err);

sd_status
sd_source_load(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err)
{
    sd_status rc = load_one(out, src, pg, err);
    const sd_model *m = *out;
    if (rc == SD_OK)
        rc = schemas_found(&m, &src, 1, pg, err);
    if (rc != SD_OK) {
        sd_model_free(*out);
        *out = NULL;
    }
    return rc;
}

static sd_status
load_one(sd_model **out, const sd_source *src, const sd_pg_options *pg, sd_err *err)
{
    *out = NULL;
    if ((unsigned)src->kind >= SD_SOURCE__COUNT) {
        return sd_err_set(err, SD_ERR, "internal error: source \"%s\" was not parsed",
                          src->label != NULL ? src->label : "");
    }
    const source_kind_info *k = &KINDS[src->kind];
    sd_status rc = k->load(out, src, pg, err);
    if (rc == SD_OK)
        return SD_OK;
    sd_model_free(*out);
    *out = NULL;
    if (src->kind == SD_SOURCE_POSTGRES) {
        /* Say which argument failed (check and diff read two servers), keeping the
         * introspector's context: "postgresql://u@h/db (reading columns)". */
        char inner[sizeof(err->where)];
        memcpy(inner, err->where, sizeof(inner));
        err->where[0] = '\0';
        if (inner[0] == '\0')
            sd_err_where(err, "%s", src->label);
        else
            sd_err_where(err, "%s (%s)", src->label, inner);
        if (rc == SD_ERR_CONNECT && err->hint[0] == '\0')
            sd_err_hint(err, "%s", CONNECT_HINT);
        if (rc == SD_ERR_DB && err->hint[0] == '\0')
            sd_err_hint(err, "%s", QUERY_HINT);
        sd_conn_mask(src->conn, err);
        return rc;
    }
    /* Name the source, unless the message already does (readers quote their path). */
    if (strstr(err->msg, src->target) == NULL)
        sd_err_where(err, "%s", src->label);
    if (rc == SD_ERR_NOTFOUND && err->hint[0] == '\0' && k->notfound_hint != NULL)
        sd_err_hint(err, "%s", k->notfound_hint);
    return rc;
}

/* One side of a pair, loaded by its own thread into its own model and error. */
typedef struct load_job {
    const sd_source *src;    /* what to load */
    const sd_pg_options *pg; /* PostgreSQL options (shared, read-only) */
    sd_model *model;         /* the result, or NULL */
    sd_status rc;            /* the result status */
    sd_err err;              /* this side's error */
} load_job;

static void
load_job_run(void *arg)
{
    load_job *job = arg;
    job->rc = load_one(&job->model, job->src, job->pg, &job->err);
}

/* Reads a side again while the server refuses it for too many connections. Only that
 * refusal is tried again, not a wrong password or database: the server says so ("too many
 * connections for role", "sorry, too many clients already"; a server in another language is
 * not recognized and the error stands). The other side's backend may not have exited yet
 * when its client has: wait a little between tries (50 ms doubling, 1.55 s in all). */
static void
retry_refused(load_job *job)
{
    struct timespec pause = { 0, 50L * 1000 * 1000 };
    for (int tries = 0; tries < 5 && job->rc == SD_ERR_CONNECT && sd_conn_busy(&job->err);
         tries++) {
        nanosleep(&pause, NULL);
        pause.tv_nsec *= 2;
        if (pause.tv_nsec >= 1000L * 1000 * 1000) {
            pause.tv_sec = 1;
            pause.tv_nsec -= 1000L * 1000 * 1000;
        }
        sd_err_clear(&job->err);
        load_job_run(job);
    }
}

sd_status
sd_source_load_pair(sd_model **a_out,
                    sd_model **b_out,
                    const sd_source *a,
                    const sd_source *b,
                    const sd_pg_options *pg,
                    sd_err *err)
{
    sd_status rc = SD_OK;
    static const sd_pg_options all = { NULL, 0, NULL, 0, 1 };
    sd_pg_options shared = pg != NULL ? *pg : all;
    /* Two servers read at once already keep the cores busy: one connection each. */
    if (a->kind == SD_SOURCE_POSTGRES && b->kind == SD_SOURCE_POSTGRES)
        shared.connections = 1;
    load_job ja = { a, &shared, NULL, SD_OK, SD_ERR_INIT };
    load_job jb = { b, &shared, NULL, SD_OK, SD_ERR_INIT };

    *a_out = NULL;
    *b_out = NULL;
    /* Reading a server takes round trips: both sides are read at once (without a thread, the
     * system refused one, the second side is read after the first, only slower). */
    if (a->kind == SD_SOURCE_MIGRATIONS || b->kind == SD_SOURCE_MIGRATIONS) {
        /* A replay takes its engine from the other side, which is read first (two replays:
         * the config's engine for both). */
        bool b_first = a->kind == SD_SOURCE_MIGRATIONS && b->kind != SD_SOURCE_MIGRATIONS;
        load_job *first = b_first ? &jb : &ja;
        load_job *second = b_first ? &ja : &jb;
        load_job_run(first);
        sd_source hinted = *second->src; /* a view: not disposed */
        if (first->rc == SD_OK && hinted.kind == SD_SOURCE_MIGRATIONS &&
            first->src->kind != SD_SOURCE_MIGRATIONS) {
            hinted.has_engine = true;
            hinted.engine = sd_model_engine(first->model);
        }
        second->src = &hinted;
        if (first->rc == SD_OK)
            load_job_run(second);
        second->src = b_first ? a : b;
    } else if (!sd_thread_both(load_job_run, &ja, &jb)) {
        rc = sd_err_set(err, SD_ERR, "internal error: could not wait for a reading thread");
        goto out;
    }
    /* A server may refuse the second connection (a role's CONNECTION LIMIT 1, a full
     * max_connections): the side refused is read again once the other is done. Two
     * backends that start at the same moment may each count the other and both be
     * refused: then the two sides are read one after the other. */
    if (a->kind == SD_SOURCE_POSTGRES && b->kind == SD_SOURCE_POSTGRES) {
        load_job *jobs[] = { &ja, &jb };
        for (size_t i = 0; i < 2; i++)
            retry_refused(jobs[i]);
    }
    if (ja.rc != SD_OK || jb.rc != SD_OK) {
        *err = ja.rc != SD_OK ? ja.err : jb.err;
        rc = ja.rc != SD_OK ? ja.rc : jb.rc;
        goto out;
    }
    if (sd_model_engine(ja.model) != sd_model_engine(jb.model)) {
        rc = sd_err_set(err, SD_ERR, "cannot compare \"%s\" (%s) with \"%s\" (%s)", a->label,
                        sd_engine_name(sd_model_engine(ja.model)), b->label,
                        sd_engine_name(sd_model_engine(jb.model)));
        sd_err_hint(err, "Both sources must describe the same database engine.");
        goto out;
    }
    const sd_model *models[] = { ja.model, jb.model };
    const sd_source *srcs[] = { a, b };
    rc = schemas_found(models, srcs, 2, pg, err);
    if (rc != SD_OK)
        goto out;
    *a_out = ja.model;
    *b_out = jb.model;
    ja.model = NULL;
    jb.model = NULL;
out:
    sd_model_free(ja.model);
    sd_model_free(jb.model);
    return rc;
}
