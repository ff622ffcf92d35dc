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
 * Credentials. A PostgreSQL argument is handed to libpq exactly as given (so PG* variables,
 * ~/.pgpass and service files apply) and is never printed: labels come from
 * sd_source_redact(), the introspector names the server with a redacted description, and
 * sd_source_load() finally masks every password the argument or PGPASSWORD holds out of the
 * error, in case some layer below quoted one.
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

#include "cli/cli.h"
#include "introspect/introspect.h"
#include "snapshots/snapshot.h"
#include "util/sort.h"
#include "util/thread.h"

const char SD_CLI_SOURCES_HELP[] =
    "  PATH.db, PATH.sqlite, PATH.sqlite3, sqlite:PATH   a SQLite database (opened read-only)\n"
    "  PATH.yaml, PATH.yml                               a snapshot written by 'schemadrift "
    "inspect'\n"
    "  postgres://..., postgresql://...                  a PostgreSQL database (libpq URL)\n"
    "  'host=... dbname=...'                             a PostgreSQL database (libpq "
    "key=value string)\n";

static const char SOURCES_HINT[] =
    "A source is a SQLite database (PATH.db, PATH.sqlite, PATH.sqlite3 or sqlite:PATH), a "
    "snapshot (PATH.yaml or PATH.yml) or a PostgreSQL database (postgres://... or "
    "'host=... dbname=...').";

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
    return sd_pg_introspect(out, src->target, pg != NULL ? pg : &all, err);
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

/* ---- redaction ---- */

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* URL percent-decoding as libpq does it ("%41" -> "A"); malformed escapes stay as they are. */
static void
percent_decode(sd_buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int hi = s[i] == '%' && i + 2 < n ? hex_value(s[i + 1]) : -1;
        int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
        if (lo >= 0) {
            sd_buf_putc(out, (char)(hi * 16 + lo));
            i += 2;
            continue;
        }
        sd_buf_putc(out, s[i]);
    }
}

/* Keys of a conninfo string or URL query that are shown; every other value (password,
 * sslpassword, options, ...) is dropped. */
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

/* A URL part shown as is only when it cannot be a nested connection string (libpq expands
 * a dbname that is a URL or "key=value" string, which may carry its own password). */
static bool
url_part_plain(const char *s, size_t n)
{
    sd_buf dec = SD_BUF_INIT;
    percent_decode(&dec, s, n);
    bool plain = !sd_buf_failed(&dec) && strpbrk(sd_buf_cstr(&dec), "=@") == NULL;
    sd_buf_dispose(&dec);
    return plain;
}

/* The query parameters that say where to connect (host, port, dbname, user), in order. */
static void
redact_query(sd_buf *out, const char *q, size_t n)
{
    bool first = true;
    const char *end = q + n;
    for (const char *p = q; p < end;) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        if (amp == NULL)
            amp = end;
        const char *eq = memchr(p, '=', (size_t)(amp - p));
        if (eq != NULL && conninfo_shown(p, (size_t)(eq - p)) &&
            url_part_plain(eq + 1, (size_t)(amp - eq - 1))) {
            sd_buf_putc(out, first ? '?' : '&');
            sd_buf_appendn(out, p, (size_t)(amp - p));
            first = false;
        }
        p = amp < end ? amp + 1 : end;
    }
}

/*
 * scheme://[user[:password]@]host[:port][/dbname][?query]
 *     ->  scheme://[user@]host[:port][/dbname][?host=...&port=...&dbname=...&user=...]
 *
 * Written to fail safe on malformed input: the credentials end at the LAST '@' (a password
 * with an unencoded '@' or '/' stays hidden), the user is shown only when it is cleanly
 * terminated, and of the query string only the parameters that say where to connect are
 * kept (never password=). When an '@' follows a '?' or '#' it cannot be told whether it
 * belongs to the password or to the query, so only the scheme is shown. A dbname that could
 * be a nested connection string shows as "...". rest is where the part after "scheme://"
 * starts (arg itself for "user:password@host" without a scheme).
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
    const char *p = host + hlen;
    if (*p == '/') {
        const char *db = p + 1;
        size_t dlen = strcspn(db, "?#");
        sd_buf_putc(out, '/');
        if (url_part_plain(db, dlen))
            sd_buf_appendn(out, db, dlen);
        else
            sd_buf_append(out, "...");
        p = db + dlen;
    }
    if (*p == '?')
        redact_query(out, p + 1, strcspn(p + 1, "#"));
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
    /* Quoted also when it holds '=' so that a nested connection string reads as one value. */
    if (s[0] != '\0' && strpbrk(s, " \t\n\r\f\v'\\=") == NULL) {
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

/* ---- masking secrets out of errors ---- */

/*
 * Shorter passwords are not masked: replacing every "abc" in a message would garble it and
 * point at the password rather than hide it. The redacted labels are the real protection.
 */
#define MIN_SECRET_LEN 4
#define MAX_NESTING    3 /* dbname values that are themselves connection strings */

typedef SD_VEC(char *) secret_list;

static void
secrets_dispose(secret_list *s)
{
    for (size_t i = 0; i < s->len; i++)
        free(s->items[i]);
    sd_vec_dispose(s);
}

/* Remember s[0..n) and its percent-decoded form (for URL parts) as secrets. */
static sd_status
add_secret(secret_list *list, const char *s, size_t n, bool url)
{
    sd_buf forms[2] = { SD_BUF_INIT, SD_BUF_INIT };
    sd_status rc = SD_OK;
    sd_buf_appendn(&forms[0], s, n);
    if (url)
        percent_decode(&forms[1], s, n);
    for (size_t i = 0; i < 2 && rc == SD_OK; i++) {
        if (sd_buf_failed(&forms[i])) {
            rc = SD_ERR_NOMEM;
            break;
        }
        if (forms[i].len < MIN_SECRET_LEN)
            continue;
        char *copy = sd_buf_take(&forms[i]);
        rc = copy != NULL ? sd_vec_push(list, copy) : SD_ERR_NOMEM;
        if (rc != SD_OK)
            free(copy);
    }
    sd_buf_dispose(&forms[0]);
    sd_buf_dispose(&forms[1]);
    return rc;
}

static sd_status collect_secrets(secret_list *list, const char *arg, int depth);

static bool
key_is(const char *key, size_t len, const char *want)
{
    return strlen(want) == len && strncmp(key, want, len) == 0;
}

static bool
key_is_secret(const char *key, size_t len)
{
    return key_is(key, len, "password") || key_is(key, len, "sslpassword");
}

/* A dbname value may itself be a URL or conninfo string that libpq expands. */
static sd_status
collect_nested(secret_list *list, const char *value, int depth)
{
    if (depth >= MAX_NESTING || (strchr(value, '=') == NULL && strchr(value, '@') == NULL))
        return SD_OK;
    return collect_secrets(list, value, depth + 1);
}

/* Passwords of a URL: in the user info (up to the first and to the last '@', since a raw
 * '@' in a password is ambiguous) and in password= / sslpassword= query parameters. */
static sd_status
collect_url_secrets(secret_list *list, const char *rest, int depth)
{
    sd_status rc = SD_OK;
    size_t q = strcspn(rest, "?");
    const char *ats[2] = { memchr(rest, '@', q), NULL }; /* first and last '@' */
    for (const char *p = rest; p < rest + q; p++)
        if (*p == '@')
            ats[1] = p;
    for (size_t i = 0; i < 2 && rc == SD_OK; i++) {
        if (ats[i] == NULL || (i == 1 && ats[1] == ats[0]))
            continue;
        const char *colon = memchr(rest, ':', (size_t)(ats[i] - rest));
        if (colon != NULL)
            rc = add_secret(list, colon + 1, (size_t)(ats[i] - colon - 1), true);
    }
    const char *p = rest[q] == '?' ? rest + q + 1 : NULL;
    while (p != NULL && *p != '\0' && rc == SD_OK) {
        size_t len = strcspn(p, "&");
        const char *eq = memchr(p, '=', len);
        if (eq != NULL) {
            sd_buf k = SD_BUF_INIT;
            sd_buf v = SD_BUF_INIT;
            percent_decode(&k, p, (size_t)(eq - p));
            percent_decode(&v, eq + 1, len - (size_t)(eq - p) - 1);
            if (sd_buf_failed(&k) || sd_buf_failed(&v))
                rc = SD_ERR_NOMEM;
            else if (key_is_secret(sd_buf_cstr(&k), k.len))
                rc = add_secret(list, eq + 1, len - (size_t)(eq - p) - 1, true);
            else if (key_is(sd_buf_cstr(&k), k.len, "dbname"))
                rc = collect_nested(list, sd_buf_cstr(&v), depth);
            sd_buf_dispose(&k);
            sd_buf_dispose(&v);
        }
        p += len;
        if (*p == '&')
            p++;
    }
    return rc;
}

/* Passwords of a "key=value ..." string, read with libpq's quoting rules. */
static sd_status
collect_conninfo_secrets(secret_list *list, const char *arg, int depth)
{
    sd_status rc = SD_OK;
    sd_buf val = SD_BUF_INIT;
    const char *p = arg;
    while (rc == SD_OK) {
        while (isspace((unsigned char)*p))
            p++;
        const char *key = p;
        while (*p != '\0' && *p != '=' && !isspace((unsigned char)*p))
            p++;
        size_t klen = (size_t)(p - key);
        while (isspace((unsigned char)*p))
            p++;
        if (klen == 0 || *p != '=')
            break;
        p++;
        while (isspace((unsigned char)*p))
            p++;
        sd_buf_reset(&val);
        const char *vstart = p;
        bool complete = conninfo_value(&val, &p);
        if (sd_buf_failed(&val)) {
            rc = SD_ERR_NOMEM;
        } else if (key_is_secret(key, klen)) {
            /* The value as libpq reads it, and as written (escapes, quotes): a message may
             * quote either. An unterminated quote is rejected by libpq; mask the rest. */
            const char *raw = *vstart == '\'' ? vstart + 1 : vstart;
            size_t rawlen = complete ? (size_t)(p - raw) : strlen(raw);
            if (complete && *vstart == '\'' && rawlen > 0)
                rawlen--; /* the closing quote */
            rc = add_secret(list, raw, rawlen, false);
            if (rc == SD_OK && complete)
                rc = add_secret(list, sd_buf_cstr(&val), val.len, false);
        } else if (key_is(key, klen, "dbname")) {
            rc = collect_nested(list, sd_buf_cstr(&val), depth);
        }
        if (!complete)
            break;
    }
    sd_buf_dispose(&val);
    return rc;
}

static sd_status
collect_secrets(secret_list *list, const char *arg, int depth)
{
    const char *rest = url_rest(arg);
    if (rest != NULL)
        return collect_url_secrets(list, rest, depth);
    if (strchr(arg, '=') != NULL)
        return collect_conninfo_secrets(list, arg, depth);
    return SD_OK;
}

/* Longest first, so that a password containing another one is masked whole. */
static int
cmp_longest_first(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const char *a = *(char *const *)pa;
    const char *b = *(char *const *)pb;
    size_t la = strlen(a);
    size_t lb = strlen(b);
    if (la != lb)
        return la > lb ? -1 : 1;
    return strcmp(a, b);
}

/* Replace every secret in field by "***"; true when the result had to be cut. */
static bool
mask_field(char *field, size_t cap, const secret_list *list)
{
    sd_buf cur = SD_BUF_INIT;
    sd_buf next = SD_BUF_INIT;
    bool truncated = false;
    bool changed = false;
    sd_buf_append(&cur, field);
    for (size_t i = 0; i < list->len; i++) {
        const char *sec = list->items[i];
        const char *hit = strstr(sd_buf_cstr(&cur), sec);
        if (hit == NULL)
            continue;
        sd_buf_reset(&next);
        const char *p = sd_buf_cstr(&cur);
        while (hit != NULL) {
            sd_buf_appendn(&next, p, (size_t)(hit - p));
            sd_buf_append(&next, "***");
            p = hit + strlen(sec);
            hit = strstr(p, sec);
        }
        sd_buf_append(&next, p);
        sd_buf swap = cur;
        cur = next;
        next = swap;
        changed = true;
    }
    if (sd_buf_failed(&cur) || sd_buf_failed(&next)) {
        /* Cannot tell what is safe: show nothing of this part. */
        field[0] = '\0';
        truncated = true;
    } else if (changed) {
        size_t n = cur.len < cap ? cur.len : cap - 1;
        memcpy(field, sd_buf_cstr(&cur), n);
        field[n] = '\0';
        truncated = n < cur.len;
    }
    sd_buf_dispose(&cur);
    sd_buf_dispose(&next);
    return truncated;
}

/* Mask the passwords that arg and PGPASSWORD hold out of every part of err. */
static void
mask_secrets(sd_err *err, const char *arg)
{
    secret_list list = SD_VEC_INIT;
    sd_status rc = collect_secrets(&list, arg, 0);
    const char *env = getenv("PGPASSWORD");
    if (rc == SD_OK && env != NULL)
        rc = add_secret(&list, env, strlen(env), false);
    if (rc == SD_OK)
        rc = sd_sort(list.items, list.len, sizeof(*list.items), cmp_longest_first, NULL);
    if (rc != SD_OK) {
        /* Out of memory: the error cannot be checked, so none of its text is kept. */
        (void)sd_err_set(err, err->code, "out of memory while reporting an error");
    } else if (list.len > 0) {
        bool t = mask_field(err->msg, sizeof(err->msg), &list);
        t = mask_field(err->detail, sizeof(err->detail), &list) || t;
        t = mask_field(err->hint, sizeof(err->hint), &list) || t;
        t = mask_field(err->where, sizeof(err->where), &list) || t;
        err->truncated = err->truncated || t;
    }
    secrets_dispose(&list);
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
        mask_secrets(err, src->arg);
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

/* Whether a connection error is the server refusing one more connection. */
static bool
too_many_connections(const sd_err *err)
{
    return strstr(err->detail, "too many connections") != NULL ||
           strstr(err->detail, "too many clients") != NULL;
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
    /* Reading a server takes round trips: read both sides at once. Without a thread (the
     * system refused one) the second side is read after the first, which is only slower. */
    if (!sd_thread_both(load_job_run, &ja, &jb)) {
        rc = sd_err_set(err, SD_ERR, "internal error: could not wait for a reading thread");
        goto out;
    }
    /* A server may refuse the second connection (a role's CONNECTION LIMIT 1, a full
     * max_connections): the side refused is read again once the other is done. */
    load_job *refused = ja.rc == SD_ERR_CONNECT && jb.rc == SD_OK   ? &ja
                        : jb.rc == SD_ERR_CONNECT && ja.rc == SD_OK ? &jb
                                                                    : NULL;
    /* Only that refusal is tried again, not a wrong password or database: the server says
     * so ("too many connections for role", "sorry, too many clients already"; a server in
     * another language is not recognized and the error stands). */
    if (refused != NULL && a->kind == SD_SOURCE_POSTGRES && b->kind == SD_SOURCE_POSTGRES &&
        too_many_connections(&refused->err)) {
        /* The other side's backend may not have exited yet when its client has: wait a
         * little between tries (50 ms doubling, 1.55 s in all). */
        struct timespec pause = { 0, 50L * 1000 * 1000 };
        for (int tries = 0;
             tries < 5 && refused->rc == SD_ERR_CONNECT && too_many_connections(&refused->err);
             tries++) {
            nanosleep(&pause, NULL);
            pause.tv_nsec *= 2;
            if (pause.tv_nsec >= 1000L * 1000 * 1000) {
                pause.tv_sec = 1;
                pause.tv_nsec -= 1000L * 1000 * 1000;
            }
            sd_err_clear(&refused->err);
            load_job_run(refused);
        }
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
