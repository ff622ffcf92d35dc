/*
 * conn.c: PostgreSQL connection strings parsed once, by libpq (PQconninfoParse), into the
 * arrays PQconnectdbParams() takes and a label built from the parsed fields; connecting with
 * them; and keeping passwords out of every message (conn.h says what is guaranteed).
 *
 * Nothing here reads a connection string by hand: the one look at the raw text is the check
 * that a URL has no '@' libpq would misread (see url_ats_safe()). libpq's parser decides what
 * every part means, and the label is written from what it decided, so the label cannot show
 * a part of the password that libpq did not take for the password.
 */
#include "conn/conn.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/util.h"

#define MASK            "***"
#define MIN_SECRET_LEN  4  /* sd_conn_mask(): shorter passwords are left alone */
#define MAX_SECRETS     12 /* password values one mask pass knows of */
#define APPLICATION     "schemadrift"
#define LABEL_NO_FIELDS "(connection string)"

struct sd_conn_params {
    PQconninfoOption *opts; /* libpq's parse; keywords/values point into it */
    const char **keywords;  /* NULL-terminated */
    const char **values;    /* NULL-terminated */
    char *label;            /* safe to print */
};

/* Options whose values are passwords. */
static const char *const SECRET_KEYS[] = { "password", "sslpassword" };

/* ---- small helpers ---- */

static const char *
option_value(const PQconninfoOption *opts, const char *key)
{
    for (const PQconninfoOption *o = opts; o != NULL && o->keyword != NULL; o++)
        if (strcmp(o->keyword, key) == 0)
            return o->val;
    return NULL;
}

/* Length of the URL scheme prefix libpq recognizes (it compares case-sensitively), or 0. */
static size_t
url_prefix(const char *s)
{
    static const char *const SCHEMES[] = { "postgresql://", "postgres://" };
    for (size_t i = 0; i < SD_ARRAY_LEN(SCHEMES); i++)
        if (strncmp(s, SCHEMES[i], strlen(SCHEMES[i])) == 0)
            return strlen(SCHEMES[i]);
    return 0;
}

/* libpq expands a dbname that is itself a URL or "key=value" string, which may carry a
 * password: such a value is never shown. */
static bool
is_connection_string(const char *v)
{
    return strchr(v, '=') != NULL || url_prefix(v) > 0;
}

/* ---- libpq messages ---- */

void
sd_conn_append_message(sd_buf *out, const char *msg)
{
    size_t end = strlen(msg);
    while (end > 0 && strchr(" \t\r\n", msg[end - 1]) != NULL)
        end--;
    for (size_t i = 0; i < end;) {
        if (msg[i] == '\n' || msg[i] == '\r') {
            while (i < end && strchr(" \t\r\n", msg[i]) != NULL)
                i++;
            sd_buf_putc(out, ' ');
        } else {
            sd_buf_putc(out, msg[i++]);
        }
    }
}

static bool
is_keyword(const PQconninfoOption *defaults, const char *s, size_t n)
{
    for (const PQconninfoOption *o = defaults; o != NULL && o->keyword != NULL; o++)
        if (strlen(o->keyword) == n && memcmp(o->keyword, s, n) == 0)
            return true;
    return false;
}

/*
 * A message from libpq's conninfo parser: it quotes the fragment it failed on, which may be
 * the password (a bad %-escape) or the whole string. Quoted fragments are kept only when they
 * are a connection keyword or one character.
 */
static void
append_parse_message(sd_buf *out, const char *msg)
{
    PQconninfoOption *defaults = PQconndefaults();
    sd_buf folded = SD_BUF_INIT;
    sd_conn_append_message(&folded, msg);
    const char *m = sd_buf_cstr(&folded);
    size_t end = strlen(m);
    for (size_t i = 0; i < end; i++) {
        const char *close = m[i] == '"' ? memchr(m + i + 1, '"', end - i - 1) : NULL;
        if (close == NULL) {
            sd_buf_putc(out, m[i]);
            continue;
        }
        size_t n = (size_t)(close - (m + i + 1));
        bool keep = n == 1 || is_keyword(defaults, m + i + 1, n);
        sd_buf_putc(out, '"');
        if (keep)
            sd_buf_appendn(out, m + i + 1, n);
        else
            sd_buf_append(out, "...");
        sd_buf_putc(out, '"');
        i += n + 1;
    }
    if (sd_buf_failed(&folded))
        out->failed = true;
    sd_buf_dispose(&folded);
    PQconninfoFree(defaults);
}

/* ---- masking passwords ---- */

typedef struct secret_set {
    const char *items[MAX_SECRETS];
    size_t len;
} secret_set;

static void
secret_add(secret_set *s, const char *v, size_t min_len)
{
    if (v != NULL && strlen(v) >= min_len && strlen(v) > 0 && s->len < MAX_SECRETS)
        s->items[s->len++] = v;
}

/* Longest first, so that a password holding another one is masked whole. */
static void
secret_sort(secret_set *s)
{
    for (size_t i = 1; i < s->len; i++) {
        const char *v = s->items[i];
        size_t j = i;
        for (; j > 0 && strlen(s->items[j - 1]) < strlen(v); j--)
            s->items[j] = s->items[j - 1];
        s->items[j] = v;
    }
}

/* Replace every secret in field by MASK; true when the result had to be cut. */
static bool
mask_field(char *field, size_t cap, const secret_set *s)
{
    sd_buf b = SD_BUF_INIT;
    bool changed = false;
    for (const char *p = field; *p != '\0';) {
        size_t hit = 0;
        for (size_t i = 0; i < s->len && hit == 0; i++)
            if (strncmp(p, s->items[i], strlen(s->items[i])) == 0)
                hit = strlen(s->items[i]);
        if (hit > 0) {
            sd_buf_append(&b, MASK);
            p += hit;
            changed = true;
        } else {
            sd_buf_putc(&b, *p++);
        }
    }
    bool truncated = false;
    if (sd_buf_failed(&b)) {
        field[0] = '\0'; /* cannot tell what is safe: show nothing of this part */
        truncated = true;
    } else if (changed) {
        size_t n = b.len < cap ? b.len : cap - 1;
        memcpy(field, sd_buf_cstr(&b), n);
        field[n] = '\0';
        truncated = n < b.len;
    }
    sd_buf_dispose(&b);
    return truncated;
}

static void
mask_err(sd_err *err, secret_set *s)
{
    if (s->len == 0)
        return;
    secret_sort(s);
    bool t = mask_field(err->msg, sizeof(err->msg), s);
    t = mask_field(err->detail, sizeof(err->detail), s) || t;
    t = mask_field(err->hint, sizeof(err->hint), s) || t;
    t = mask_field(err->where, sizeof(err->where), s) || t;
    err->truncated = err->truncated || t;
}

static void
add_secrets_of(secret_set *s, const PQconninfoOption *opts, size_t min_len)
{
    for (size_t i = 0; i < SD_ARRAY_LEN(SECRET_KEYS); i++)
        secret_add(s, option_value(opts, SECRET_KEYS[i]), min_len);
}

void
sd_conn_mask(const sd_conn_params *p, sd_err *err)
{
    secret_set s = { { NULL }, 0 };
    PQconninfoOption *nested = NULL;
    if (p != NULL) {
        add_secrets_of(&s, p->opts, MIN_SECRET_LEN);
        const char *db = option_value(p->opts, "dbname");
        if (db != NULL && is_connection_string(db)) {
            secret_add(&s, db, MIN_SECRET_LEN);
            nested = PQconninfoParse(db, NULL);
            add_secrets_of(&s, nested, MIN_SECRET_LEN);
        }
    }
    secret_add(&s, getenv("PGPASSWORD"), MIN_SECRET_LEN);
    mask_err(err, &s);
    PQconninfoFree(nested);
}

/* ---- labels ---- */

/* A conninfo value: bare when it can be, else 'quoted' with \ escapes (libpq's syntax). */
static void
append_conninfo_value(sd_buf *out, const char *v)
{
    bool bare = v[0] != '\0' && strpbrk(v, " \t\n\r\f\v'\\") == NULL;
    if (!bare)
        sd_buf_putc(out, '\'');
    for (const char *p = v; *p != '\0'; p++) {
        if (!bare && (*p == '\'' || *p == '\\'))
            sd_buf_putc(out, '\\');
        sd_buf_putc(out, *p);
    }
    if (!bare)
        sd_buf_putc(out, '\'');
}

/* A set, non-empty value of opts, or NULL. */
static const char *
shown(const PQconninfoOption *opts, const char *key)
{
    const char *v = option_value(opts, key);
    return v != NULL && v[0] != '\0' ? v : NULL;
}

/* "host=.. hostaddr=.. port=.. dbname=.. user=.."; false when none is set. */
static bool
conninfo_label(sd_buf *out, const PQconninfoOption *opts)
{
    static const char *const KEYS[] = { "host", "hostaddr", "port", "dbname", "user" };
    bool any = false;
    for (size_t i = 0; i < SD_ARRAY_LEN(KEYS); i++) {
        const char *v = shown(opts, KEYS[i]);
        if (v == NULL)
            continue;
        if (any)
            sd_buf_putc(out, ' ');
        sd_buf_append(out, KEYS[i]);
        sd_buf_putc(out, '=');
        if (strcmp(KEYS[i], "dbname") == 0 && is_connection_string(v))
            sd_buf_append(out, "...");
        else
            append_conninfo_value(out, v);
        any = true;
    }
    return any;
}

/* Percent-encode every byte but ASCII letters, digits, "-._~" and those in keep. */
static void
url_escape(sd_buf *out, const char *s, const char *keep)
{
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (isalnum(*p) || strchr("-._~", *p) != NULL || strchr(keep, *p) != NULL)
            sd_buf_putc(out, (char)*p);
        else
            sd_buf_appendf(out, "%%%02X", *p);
    }
}

/* Items of a comma-separated list (libpq's host and port lists). */
static size_t
list_len(const char *s)
{
    size_t n = 1;
    for (; *s != '\0'; s++)
        n += *s == ',';
    return n;
}

/* A host written in the URL's authority: a name, an IPv4 or (bracketed) IPv6 address. */
static bool
host_plain(const char *h, size_t n, bool *ipv6)
{
    bool name = n > 0;
    bool v6 = n > 0 && memchr(h, ':', n) != NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)h[i];
        name = name && (isalnum(c) || c == '-' || c == '.' || c == '_');
        v6 = v6 && (isxdigit(c) || c == ':' || c == '.');
    }
    *ipv6 = v6;
    return name || v6;
}

static bool
port_plain(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)p[i]))
            return false;
    return true;
}

/* Hosts (with their ports) as the URL's authority, when each is plain and the ports pair up;
 * false (nothing written) otherwise. */
static bool
url_authority(sd_buf *out, const char *host, const char *port)
{
    if (host == NULL || (port != NULL && list_len(port) != list_len(host)))
        return false;
    sd_buf a = SD_BUF_INIT;
    const char *h = host;
    const char *pt = port;
    bool ok = true;
    while (ok) {
        size_t hn = strcspn(h, ",");
        size_t pn = pt != NULL ? strcspn(pt, ",") : 0;
        bool v6 = false;
        ok = host_plain(h, hn, &v6) && port_plain(pt != NULL ? pt : "", pn);
        if (h != host)
            sd_buf_putc(&a, ',');
        sd_buf_append(&a, v6 ? "[" : "");
        sd_buf_appendn(&a, h, hn);
        sd_buf_append(&a, v6 ? "]" : "");
        if (pn > 0) {
            sd_buf_putc(&a, ':');
            sd_buf_appendn(&a, pt, pn);
        }
        if (h[hn] == '\0')
            break;
        h += hn + 1;
        if (pt != NULL)
            pt += pn + (pt[pn] == ',' ? 1 : 0);
    }
    if (ok) {
        sd_buf_appendn(out, sd_buf_cstr(&a), a.len);
        if (sd_buf_failed(&a))
            out->failed = true;
    }
    sd_buf_dispose(&a);
    return ok;
}

static void
url_label(sd_buf *out, const char *conninfo, const PQconninfoOption *opts)
{
    const char *user = shown(opts, "user");
    const char *host = shown(opts, "host");
    const char *hostaddr = shown(opts, "hostaddr");
    const char *port = shown(opts, "port");
    const char *dbname = shown(opts, "dbname");

    sd_buf_appendn(out, conninfo, url_prefix(conninfo));
    if (user != NULL) {
        url_escape(out, user, "");
        sd_buf_putc(out, '@');
    }
    bool in_authority = url_authority(out, host, port);
    if (dbname != NULL) {
        sd_buf_putc(out, '/');
        if (is_connection_string(dbname))
            sd_buf_append(out, "...");
        else
            url_escape(out, dbname, "");
    }
    /* What the authority cannot hold goes to the query, in a fixed order. */
    const char *query[][2] = {
        { "host", in_authority ? NULL : host },
        { "hostaddr", hostaddr },
        { "port", in_authority ? NULL : port },
    };
    bool first = true;
    for (size_t i = 0; i < SD_ARRAY_LEN(query); i++) {
        if (query[i][1] == NULL)
            continue;
        sd_buf_putc(out, first ? '?' : '&');
        sd_buf_append(out, query[i][0]);
        sd_buf_putc(out, '=');
        url_escape(out, query[i][1], "/:,");
        first = false;
    }
}

/* ---- parsing ---- */

/*
 * libpq reads "user[:password]@" only when an '@' comes before any '/', and ends it at the
 * first '@': a raw '@' or '/' in a password moves the rest of it into the host, the port or
 * the database. A URL is accepted only when it has at most one raw '@' and no '/' before it;
 * then the password is exactly what libpq takes for it.
 */
static bool
url_ats_safe(const char *rest)
{
    const char *at = strchr(rest, '@');
    if (at == NULL)
        return true;
    return strchr(at + 1, '@') == NULL && memchr(rest, '/', (size_t)(at - rest)) == NULL;
}

/* What a source that cannot be parsed is called: no part of it that may be a password. */
static void
shape(sd_buf *out, const char *conninfo)
{
    const char *sep = strstr(conninfo, "://");
    size_t n = sep != NULL ? (size_t)(sep - conninfo) : 0;
    bool scheme = n > 0;
    for (size_t i = 0; i < n && scheme; i++)
        scheme = isalpha((unsigned char)conninfo[i]) != 0;
    if (scheme) { /* "POSTGRESQL://..." too: libpq reads only lower-case schemes as URLs */
        sd_buf_appendn(out, conninfo, n + 3);
        sd_buf_append(out, "...");
    } else {
        sd_buf_append(out, "(key=value string)");
    }
}

static sd_status
refuse_ats(const char *conninfo, sd_err *err)
{
    sd_buf s = SD_BUF_INIT;
    shape(&s, conninfo);
    sd_status rc = sd_err_set(err, SD_ERR_PARSE,
                              "PostgreSQL URL %s has an unencoded '@' that libpq would misread",
                              sd_buf_cstr(&s));
    sd_err_detail(err, "libpq ends user:password at the first '@' or '/', so the rest of a "
                       "password holding one would be taken for the host, port or database.");
    sd_err_hint(err, "Percent-encode the password: '@' as %%40, '/' as %%2F "
                     "(postgresql://user:p%%40ss%%2Fword@host/db); any other '@' as %%40.");
    sd_buf_dispose(&s);
    return rc;
}

static sd_status
refuse_parse(const char *conninfo, const char *msg, sd_err *err)
{
    sd_buf s = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    shape(&s, conninfo);
    append_parse_message(&d, msg != NULL ? msg : "out of memory");
    sd_status rc =
        sd_err_set(err, SD_ERR_PARSE, "invalid PostgreSQL connection string %s", sd_buf_cstr(&s));
    sd_err_detail(err, "%s", sd_buf_cstr(&d));
    sd_err_hint(err, "Use a postgresql:// or postgres:// URL (lower-case scheme, special "
                     "characters percent-encoded) or space-separated key=value settings.");
    sd_buf_dispose(&s);
    sd_buf_dispose(&d);
    return rc;
}

static sd_status
build_arrays(sd_conn_params *p)
{
    size_t n = 0;
    for (const PQconninfoOption *o = p->opts; o->keyword != NULL; o++)
        n += o->val != NULL;
    p->keywords = calloc(n + 2, sizeof(*p->keywords));
    p->values = calloc(n + 2, sizeof(*p->values));
    if (p->keywords == NULL || p->values == NULL)
        return SD_ERR_NOMEM;
    n = 0;
    for (const PQconninfoOption *o = p->opts; o->keyword != NULL; o++) {
        if (o->val == NULL)
            continue;
        p->keywords[n] = o->keyword;
        p->values[n++] = o->val;
    }
    /* The session shows as schemadrift unless the string or PGAPPNAME names it. */
    if (option_value(p->opts, "fallback_application_name") == NULL) {
        p->keywords[n] = "fallback_application_name";
        p->values[n++] = APPLICATION;
    }
    p->keywords[n] = NULL;
    p->values[n] = NULL;
    return SD_OK;
}

sd_status
sd_conn_parse(sd_conn_params **out, const char *conninfo, sd_err *err)
{
    const char *ci = conninfo != NULL ? conninfo : "";
    size_t prefix = url_prefix(ci);
    char *msg = NULL;
    sd_status rc = SD_OK;

    *out = NULL;
    if (prefix > 0 && !url_ats_safe(ci + prefix))
        return refuse_ats(ci, err);
    sd_conn_params *p = calloc(1, sizeof(*p));
    if (p == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    p->opts = PQconninfoParse(ci, &msg);
    if (p->opts == NULL) {
        rc = refuse_parse(ci, msg, err);
        PQfreemem(msg);
        sd_conn_free(p);
        return rc;
    }
    sd_buf label = SD_BUF_INIT;
    if (prefix > 0)
        url_label(&label, ci, p->opts);
    else if (!conninfo_label(&label, p->opts))
        sd_buf_append(&label, LABEL_NO_FIELDS);
    p->label = sd_buf_failed(&label) ? NULL : sd_buf_take(&label);
    sd_buf_dispose(&label);
    if (p->label == NULL || build_arrays(p) != SD_OK) {
        sd_conn_free(p);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    *out = p;
    return SD_OK;
}

sd_status
sd_conn_with_dbname(sd_conn_params **out, const sd_conn_params *p, const char *dbname, sd_err *err)
{
    char *msg = NULL;
    *out = NULL;
    sd_conn_params *q = calloc(1, sizeof(*q));
    if (q == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    /* libpq's own array of every option, empty, then filled from p: PQconninfoFree() frees
     * each val, so each is a malloc'd copy. */
    q->opts = PQconninfoParse("", &msg);
    PQfreemem(msg);
    bool ok = q->opts != NULL;
    for (PQconninfoOption *o = q->opts; ok && o->keyword != NULL; o++) {
        const char *v =
            strcmp(o->keyword, "dbname") == 0 ? dbname : option_value(p->opts, o->keyword);
        if (v != NULL) {
            o->val = strdup(v);
            ok = o->val != NULL;
        }
    }
    sd_buf label = SD_BUF_INIT;
    if (ok && !conninfo_label(&label, q->opts))
        sd_buf_append(&label, LABEL_NO_FIELDS);
    q->label = ok && !sd_buf_failed(&label) ? sd_buf_take(&label) : NULL;
    sd_buf_dispose(&label);
    if (q->label == NULL || build_arrays(q) != SD_OK) {
        sd_conn_free(q);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    *out = q;
    return SD_OK;
}

void
sd_conn_free(sd_conn_params *p)
{
    if (p == NULL)
        return;
    PQconninfoFree(p->opts);
    free(p->keywords);
    free(p->values);
    free(p->label);
    free(p);
}

const char *
sd_conn_label(const sd_conn_params *p)
{
    return p->label;
}

const char *const *
sd_conn_keywords(const sd_conn_params *p)
{
    return p->keywords;
}

const char *const *
sd_conn_values(const sd_conn_params *p)
{
    return p->values;
}

const char *
sd_conn_get(const sd_conn_params *p, const char *keyword)
{
    return option_value(p->opts, keyword);
}

/* ---- connecting ---- */

static sd_status
connect_failed(PGconn *conn, const sd_conn_params *p, sd_err *err)
{
    sd_buf where = SD_BUF_INIT;
    sd_buf d = SD_BUF_INIT;
    PQconninfoOption *used = conn != NULL ? PQconninfo(conn) : NULL;

    /* The settings libpq used (PG* variables included), else those of the string. */
    if (!conninfo_label(&where, used != NULL ? used : p->opts))
        sd_buf_append(&where, "(default connection settings)");
    sd_status rc = sd_err_set(err, SD_ERR_CONNECT, "could not connect to PostgreSQL at %s",
                              sd_buf_cstr(&where));
    sd_conn_append_message(&d, conn != NULL ? PQerrorMessage(conn) : "out of memory");
    sd_err_detail(err, "%s", sd_buf_cstr(&d));
    sd_err_hint(err, "Check that the server is running and the connection settings (PGHOST, "
                     "PGPORT, PGUSER...).");
    /* libpq's message should not quote a password; scrub every one it knows anyway. */
    secret_set s = { { NULL }, 0 };
    add_secrets_of(&s, p->opts, 1);
    add_secrets_of(&s, used, 1);
    secret_sort(&s);
    err->truncated = mask_field(err->detail, sizeof(err->detail), &s) || err->truncated;
    PQconninfoFree(used);
    sd_buf_dispose(&d);
    sd_buf_dispose(&where);
    return rc;
}

sd_status
sd_conn_connect(PGconn **out, const sd_conn_params *p, sd_err *err)
{
    *out = NULL;
    PGconn *conn = PQconnectdbParams(p->keywords, p->values, 0);
    if (conn == NULL || PQstatus(conn) != CONNECTION_OK) {
        sd_status rc = connect_failed(conn, p, err);
        PQfinish(conn);
        return rc;
    }
    *out = conn;
    return SD_OK;
}

bool
sd_conn_busy(const sd_err *err)
{
    return err->code == SD_ERR_CONNECT && (strstr(err->detail, "too many connections") != NULL ||
                                           strstr(err->detail, "too many clients") != NULL);
}
