/*
 * source.c: SOURCE arguments. A source is a string on the command line that names a schema:
 * a SQLite file, a snapshot, and later a PostgreSQL server, a migrations directory or a
 * config environment. This file decides which kind a string names (from its form only:
 * no file is opened to guess), loads it into a model, and renders a label that is safe to
 * print, because a connection string may hold a password.
 *
 * Adding a kind: a value in sd_source_kind (cli.h), a row in KINDS (how to load it and what
 * to call it), a rule in sd_source_parse(), and a line in SD_CLI_SOURCES_HELP.
 *
 * What it does not do: connect to PostgreSQL (reported as not supported yet), or look at
 * file contents to guess a kind.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "introspect/introspect.h"
#include "snapshots/snapshot.h"

const char SD_CLI_SOURCES_HELP[] =
    "  PATH.db, PATH.sqlite, PATH.sqlite3, sqlite:PATH   a SQLite database (opened read-only)\n"
    "  PATH.yaml, PATH.yml                               a snapshot written by 'schemadrift "
    "inspect'\n";

static const char SOURCES_HINT[] =
    "A source is a SQLite database (PATH.db, PATH.sqlite, PATH.sqlite3 or sqlite:PATH) or a "
    "snapshot (PATH.yaml or PATH.yml).";

/* ---- kinds ---- */

typedef struct source_kind_info {
    const char *what; /* "SQLite database", for messages */
    sd_status (*load)(sd_model **out, const sd_source *src, sd_err *err);
    const char *notfound_hint; /* hint when the source does not exist, or NULL */
} source_kind_info;

static sd_status
load_sqlite(sd_model **out, const sd_source *src, sd_err *err)
{
    return sd_sqlite_introspect(out, src->target, err);
}

static sd_status
load_snapshot(sd_model **out, const sd_source *src, sd_err *err)
{
    return sd_snapshot_read_file(out, src->target, err);
}

static sd_status
load_postgres(sd_model **out, const sd_source *src, sd_err *err)
{
    (void)src;
    *out = NULL;
    sd_status rc = sd_err_set(err, SD_ERR_UNSUPPORTED, "PostgreSQL sources are not supported yet");
    sd_err_hint(err, "%s", SOURCES_HINT);
    return rc;
}

static const source_kind_info KINDS[] = {
    [SD_SOURCE_SQLITE] = { "SQLite database", load_sqlite,
                           "Check the path: schemadrift opens SQLite databases read-only and "
                           "never creates one." },
    [SD_SOURCE_SNAPSHOT] = { "snapshot", load_snapshot,
                             "Check the path, or write a snapshot with 'schemadrift inspect "
                             "SOURCE -o FILE'." },
    [SD_SOURCE_POSTGRES] = { "PostgreSQL database", load_postgres, NULL },
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

sd_status
sd_source_parse(sd_source *out, const char *arg, sd_err *err)
{
    sd_buf label = SD_BUF_INIT;
    sd_status rc = SD_OK;

    sd_source_dispose(out);
    out->arg = arg;
    out->target = arg;
    /* Order matters: an explicit prefix wins over an extension ("sqlite:x.yaml"), and a
     * connection string may end in ".db" ("host=h dbname=app.db"). */
    if (has_prefix_ci(arg, "sqlite:")) {
        out->kind = SD_SOURCE_SQLITE;
        out->target = arg + strlen("sqlite:");
    } else if (is_postgres(arg)) {
        out->kind = SD_SOURCE_POSTGRES;
    } else if (has_suffix_ci(arg, ".db") || has_suffix_ci(arg, ".sqlite") ||
               has_suffix_ci(arg, ".sqlite3")) {
        out->kind = SD_SOURCE_SQLITE;
    } else if (has_suffix_ci(arg, ".yaml") || has_suffix_ci(arg, ".yml")) {
        out->kind = SD_SOURCE_SNAPSHOT;
    }
    /* File paths are shown as given; anything else may be a connection string. */
    if (out->kind == SD_SOURCE_SQLITE || out->kind == SD_SOURCE_SNAPSHOT) {
        sd_buf_append(&label, arg);
    } else {
        sd_source_redact(&label, arg);
    }
    if (sd_buf_failed(&label)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    out->label = sd_buf_take(&label);
    if (out->label == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    if (out->kind == SD_SOURCE__COUNT) {
        rc = sd_err_set(err, SD_ERR_PARSE, "cannot tell what kind of source \"%s\" is", out->label);
        sd_err_hint(err, "%s", SOURCES_HINT);
        goto out;
    }
    if (out->target[0] == '\0') {
        rc = sd_err_set(err, SD_ERR_PARSE, "source \"%s\" names no file", out->label);
        sd_err_hint(err, "Write sqlite:PATH, for example sqlite:app.db.");
    }
out:
    sd_buf_dispose(&label);
    return rc;
}

void
sd_source_dispose(sd_source *src)
{
    free(src->label);
    *src = (sd_source)SD_SOURCE_INIT;
}

/* ---- loading ---- */

sd_status
sd_source_load(sd_model **out, const sd_source *src, sd_err *err)
{
    *out = NULL;
    if ((unsigned)src->kind >= SD_SOURCE__COUNT) {
        return sd_err_set(err, SD_ERR, "internal error: source \"%s\" was not parsed",
                          src->label != NULL ? src->label : "");
    }
    const source_kind_info *k = &KINDS[src->kind];
    sd_status rc = k->load(out, src, err);
    if (rc == SD_OK)
        return SD_OK;
    sd_model_free(*out);
    *out = NULL;
    /* Name the source, unless the message already does (readers quote their path). */
    if (strstr(err->msg, src->target) == NULL)
        sd_err_where(err, "%s", src->label);
    if (rc == SD_ERR_NOTFOUND && err->hint[0] == '\0' && k->notfound_hint != NULL)
        sd_err_hint(err, "%s", k->notfound_hint);
    return rc;
}

sd_status
sd_source_load_pair(sd_model **a_out,
                    sd_model **b_out,
                    const sd_source *a,
                    const sd_source *b,
                    sd_err *err)
{
    sd_status rc = SD_OK;
    sd_model *ma = NULL;
    sd_model *mb = NULL;

    *a_out = NULL;
    *b_out = NULL;
    rc = sd_source_load(&ma, a, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_source_load(&mb, b, err);
    if (rc != SD_OK)
        goto out;
    if (sd_model_engine(ma) != sd_model_engine(mb)) {
        rc = sd_err_set(err, SD_ERR, "cannot compare \"%s\" (%s) with \"%s\" (%s)", a->label,
                        sd_engine_name(sd_model_engine(ma)), b->label,
                        sd_engine_name(sd_model_engine(mb)));
        sd_err_hint(err, "Both sources must describe the same database engine.");
        goto out;
    }
    *a_out = ma;
    *b_out = mb;
    ma = NULL;
    mb = NULL;
out:
    sd_model_free(ma);
    sd_model_free(mb);
    return rc;
}

/* ---- redaction ---- */

/*
 * scheme://[user[:password]@]host[:port][/dbname][?query]  ->  scheme://[user@]host[:port][/dbname]
 *
 * Written to fail safe on malformed input: the credentials end at the LAST '@' (a password
 * with an unencoded '@' or '/' stays hidden), the user is shown only when it is cleanly
 * terminated, and the query string (which may hold password=) is always dropped. When an
 * '@' follows a '?' or '#' it cannot be told whether it belongs to the password or to the
 * query, so only the scheme is shown. rest is where the part after "scheme://" starts
 * (arg itself for "user:password@host" without a scheme).
 */
static void
redact_url(sd_buf *out, const char *arg, const char *rest)
{
    const char *at = strrchr(rest, '@');
    const char *host = rest;

    sd_buf_appendn(out, arg, (size_t)(rest - arg));
    if (at != NULL) {
        size_t q = strcspn(rest, "?#");
        if (rest + q < at) {
            sd_buf_append(out, "...");
            return;
        }
        size_t ulen = strcspn(rest, ":@/?#");
        if (ulen > 0 && (rest[ulen] == ':' || rest[ulen] == '@')) {
            sd_buf_appendn(out, rest, ulen);
            sd_buf_putc(out, '@');
        }
        host = at + 1;
    }
    size_t hlen = strcspn(host, "/?#");
    sd_buf_appendn(out, host, hlen);
    if (host[hlen] == '/') {
        const char *db = host + hlen + 1;
        sd_buf_putc(out, '/');
        sd_buf_appendn(out, db, strcspn(db, "?#"));
    }
}

/* Keys of a conninfo string that are shown; every other value (password, sslpassword,
 * options, ...) is dropped. */
static const char *const CONNINFO_SHOWN[] = { "host", "hostaddr", "port", "dbname", "user", NULL };

static bool
conninfo_shown(const char *key, size_t len)
{
    for (size_t i = 0; CONNINFO_SHOWN[i] != NULL; i++) {
        if (strlen(CONNINFO_SHOWN[i]) == len && strncmp(CONNINFO_SHOWN[i], key, len) == 0)
            return true;
    }
    return false;
}

/* Read one conninfo value at *p (libpq rules: 'quoted' or bare, backslash escapes). */
static bool
conninfo_value(sd_buf *val, const char **p)
{
    const char *s = *p;
    bool quoted = *s == '\'';
    if (quoted)
        s++;
    for (;;) {
        if (*s == '\0') {
            if (quoted)
                return false; /* unterminated quote */
            break;
        }
        if (quoted && *s == '\'') {
            s++;
            break;
        }
        if (!quoted && isspace((unsigned char)*s))
            break;
        if (*s == '\\' && s[1] != '\0')
            s++;
        sd_buf_putc(val, *s++);
    }
    *p = s;
    return true;
}

static void
append_conninfo_value(sd_buf *out, const char *v)
{
    sd_buf safe = SD_BUF_INIT;
    /* libpq expands a dbname that is itself a URL or conninfo: redact it the same way. */
    if (strchr(v, '@') != NULL || strchr(v, '=') != NULL) {
        sd_source_redact(&safe, v);
    } else {
        sd_buf_append(&safe, v);
    }
    const char *s = sd_buf_cstr(&safe);
    if (s[0] != '\0' && strpbrk(s, " \t\n\r\f\v'\\") == NULL) {
        sd_buf_append(out, s);
    } else {
        sd_buf_putc(out, '\'');
        for (; *s != '\0'; s++) {
            if (*s == '\'' || *s == '\\')
                sd_buf_putc(out, '\\');
            sd_buf_putc(out, *s);
        }
        sd_buf_putc(out, '\'');
    }
    if (sd_buf_failed(&safe))
        out->failed = true;
    sd_buf_dispose(&safe);
}

static void
redact_conninfo(sd_buf *out, const char *arg)
{
    sd_buf val = SD_BUF_INIT;
    const char *p = arg;
    bool first = true;
    for (;;) {
        while (isspace((unsigned char)*p))
            p++;
        if (*p == '\0')
            break;
        const char *key = p;
        while (*p != '\0' && *p != '=' && !isspace((unsigned char)*p))
            p++;
        size_t klen = (size_t)(p - key);
        while (isspace((unsigned char)*p))
            p++;
        if (*p != '=')
            break; /* malformed: show nothing more */
        p++;
        while (isspace((unsigned char)*p))
            p++;
        sd_buf_reset(&val);
        if (!conninfo_value(&val, &p))
            break;
        if (!conninfo_shown(key, klen))
            continue;
        if (!first)
            sd_buf_putc(out, ' ');
        sd_buf_appendn(out, key, klen);
        sd_buf_putc(out, '=');
        append_conninfo_value(out, sd_buf_cstr(&val));
        first = false;
    }
    if (first)
        sd_buf_append(out, "(connection string)");
    if (sd_buf_failed(&val))
        out->failed = true;
    sd_buf_dispose(&val);
}

/* Where the part after "scheme://" starts, when arg begins with a URL scheme; else NULL. */
static const char *
url_rest(const char *arg)
{
    size_t n = 0;
    if (!isalpha((unsigned char)arg[0]))
        return NULL;
    while (isalnum((unsigned char)arg[n]) || arg[n] == '+' || arg[n] == '-' || arg[n] == '.')
        n++;
    return strncmp(arg + n, "://", 3) == 0 ? arg + n + 3 : NULL;
}

void
sd_source_redact(sd_buf *out, const char *arg)
{
    /* A conninfo value may itself be a URL ("dbname='postgres://...' password=x"), so only a
     * scheme at the very start makes a URL. */
    const char *rest = url_rest(arg);
    if (rest != NULL) {
        redact_url(out, arg, rest);
    } else if (strchr(arg, '=') != NULL) {
        redact_conninfo(out, arg); /* shows only known keys, so "x password=y" is safe */
    } else if (strchr(arg, '@') != NULL) {
        redact_url(out, arg, arg); /* "user:password@host" without a scheme */
    } else {
        sd_buf_append(out, arg);
    }
}
