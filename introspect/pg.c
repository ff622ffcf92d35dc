/*
 * pg.c: sd_pg_introspect(), the PostgreSQL catalog reader's entry point, and the helpers the
 * per-kind readers share (pg_int.h).
 *
 * The flow: connect with the parsed source (libpq applies PG* variables, .pgpass and
 * service files), open one REPEATABLE READ READ ONLY transaction with search_path = '' (so
 * that format_type() and the pg_get_*() functions qualify every name they print) and the
 * rendering settings pinned (DateStyle, IntervalStyle, extra_float_digits, bytea_output,
 * quote_all_identifiers: a user's PGOPTIONS must not change the snapshot), run the relation
 * readers (pg_rel.c) and the other objects' readers (pg_obj.c), COMMIT and freeze. A catalog
 * function that trips over an object dropped after the snapshot was taken fails with an
 * internal error ("cache lookup failed"); the whole inspection is then retried once.
 *
 * The readers ask for their queries one after another; a worker thread runs the planned
 * ones (sd_pg__relation_plan, sd_pg__object_plan) a step ahead on the same connection, so the
 * server's work on one kind overlaps ours on the last. Only that thread touches the
 * connection while it runs; results cross over under a mutex. When the caller allows two
 * connections, a second worker opens its own, joins the first transaction's exported
 * snapshot (SET TRANSACTION SNAPSHOT: both see the same catalog state) and takes the next
 * planned query whenever it is free, so that two server processes share the work, as in
 * pg_dump --jobs.
 *
 * Connections: the source was parsed once by conn/ (PQconninfoParse); this file connects with
 * those parameters (sd_conn_connect(), which also describes a failed connection without any
 * secret) and never sees the source string itself.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include <libpq-fe.h>

#include "conn/conn.h"
#include "introspect/introspect.h"
#include "introspect/introspect_int.h"
#include "introspect/pg_int.h"
#include "model/model.h"
#include "util/util.h"

#define TEXTOID            25     /* pg_type.oid of text: both filter parameters are text[] */
#define MIN_SERVER_VERSION 120000 /* generated columns (attgenerated) */

/* The session every inspection runs in. JIT off: each catalog query runs once, and
 * compiling the costliest ones took longer than it saved. */
#define BEGIN_SQL                                                              \
    "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "                        \
    "SET LOCAL search_path = ''; SET LOCAL DateStyle = 'ISO, MDY'; "           \
    "SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 3; " \
    "SET LOCAL bytea_output = 'hex'; SET LOCAL quote_all_identifiers = off; "  \
    "SET LOCAL jit = off"

/* ---- connecting ---- */

static sd_status
check_server(PGconn *conn, sd_err *err)
{
    if (PQsetClientEncoding(conn, "UTF8") != 0) {
        sd_status rc = sd_err_set(err, SD_ERR_DB, "could not set the client encoding to UTF8");
        sd_err_where(err, "connecting");
        return rc;
    }
    int version = PQserverVersion(conn);
    if (version < MIN_SERVER_VERSION) {
        const char *shown = PQparameterStatus(conn, "server_version");
        sd_status rc = sd_err_set(err, SD_ERR_UNSUPPORTED, "PostgreSQL %s is not supported",
                                  shown != NULL ? shown : "(unknown version)");
        sd_err_hint(err, "schemadrift reads PostgreSQL 12 and later.");
        return rc;
    }
    return SD_OK;
}

/* Connect through conn/ (libpq's parse of the source, application_name defaulted) and check
 * that the server is one we read. */
static sd_status
connect_db(PGconn **out, const sd_conn_params *params, sd_err *err)
{
    PGconn *conn = NULL;
    sd_status rc = sd_conn_connect(&conn, params, err);
    if (rc == SD_OK)
        rc = check_server(conn, err);
    if (rc != SD_OK) {
        PQfinish(conn);
        conn = NULL;
    }
    *out = conn;
    return rc;
}

/* ---- queries ---- */

/* An error result (or none at all) as an SD_ERR_DB with the server's message parts. */
static sd_status
query_error(PGconn *conn, const PGresult *res, const char *purpose, sd_err *err)
{
    const char *primary = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *detail = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
    const char *hint = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
    sd_buf b = SD_BUF_INIT;
    sd_status rc;

    if (primary != NULL) {
        rc = sd_err_set(err, SD_ERR_DB, "%s", primary);
    } else {
        /* A client-side failure (lost connection, out of memory): libpq's own text. */
        sd_conn_append_message(&b, PQerrorMessage(conn));
        rc = sd_err_set(err, SD_ERR_DB, "%s",
                        b.len > 0 ? sd_buf_cstr(&b) : "the query returned no result");
    }
    if (detail != NULL)
        sd_err_detail(err, "%s", detail);
    if (hint != NULL)
        sd_err_hint(err, "%s", hint);
    sd_err_where(err, "%s", purpose);
    sd_buf_dispose(&b);
    return rc;
}

static PGresult *
exec_query(PGconn *conn, const char *sql, const sd_pg_filter *f)
{
    static const Oid types[2] = { TEXTOID, TEXTOID };
    const char *values[2] = { f != NULL ? f->include : "{}", f != NULL ? f->exclude : "{}" };
    return PQexecParams(conn, sql, 2, types, values, NULL, NULL, 0);
}

/* ---- queries run ahead ---- */

/* How many planned results may be in flight or waiting for the readers, per connection:
 * enough to keep the server busy, few enough that the results of every kind are never all
 * in memory at once. */
#define AHEAD_WINDOW_PER_CONN 2
/* The most connections one inspection reads with. */
#define AHEAD_MAX_CONNS 2

struct sd_pg_ahead;

typedef struct ahead_worker {
    struct sd_pg_ahead *a;
    PGconn *conn; /* worker 0: the session's; the others open, use and close their own */
    pthread_t thread;
} ahead_worker;

typedef struct sd_pg_ahead {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    const sd_pg_filter *f;
    const char *plan[SD_PG_PLAN_MAX];
    size_t n;                         /* queries in plan */
    PGresult *res[SD_PG_PLAN_MAX];    /* res[i] once ready[i] (guarded by mu) */
    PGconn *res_conn[SD_PG_PLAN_MAX]; /* the connection res[i] came from */
    bool ready[SD_PG_PLAN_MAX];       /* (guarded by mu) */
    size_t next;                      /* the next query a worker sends (guarded by mu) */
    size_t taken;                     /* results the readers have taken (guarded by mu) */
    size_t window;                    /* queries sent and not taken, at most */
    bool stop;                        /* the readers want nothing more (guarded by mu) */
    bool failed;                      /* a query failed: send nothing more (guarded by mu) */
    size_t running;                   /* workers not finished (guarded by mu) */
    ahead_worker workers[AHEAD_MAX_CONNS];
    size_t nworkers; /* workers started */
    /* How the other workers connect and join the session's snapshot (set before they start). */
    const char *const *keywords;
    const char *const *values;
    char snapshot[64];
} sd_pg_ahead;

/* Send planned queries on w->conn, one at a time, until the plan is done or stopped. */
static void
ahead_serve(ahead_worker *w)
{
    sd_pg_ahead *a = w->a;
    pthread_mutex_lock(&a->mu);
    for (;;) {
        while (!a->stop && !a->failed && a->next < a->n && a->next - a->taken >= a->window)
            pthread_cond_wait(&a->cv, &a->mu);
        if (a->stop || a->failed || a->next >= a->n)
            break;
        size_t i = a->next++;
        pthread_mutex_unlock(&a->mu);
        PGresult *res = exec_query(w->conn, a->plan[i], a->f);
        bool failed = res == NULL || PQresultStatus(res) != PGRES_TUPLES_OK;
        pthread_mutex_lock(&a->mu);
        a->res[i] = res;
        a->res_conn[i] = w->conn;
        a->ready[i] = true;
        /* A failed query has aborted its transaction: the rest would fail too. */
        a->failed = a->failed || failed;
        pthread_cond_broadcast(&a->cv);
    }
    pthread_mutex_unlock(&a->mu);
}

/* True when res is a command's success; clears it. */
static bool
command_ok(PGresult *res)
{
    bool ok = res != NULL && PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    return ok;
}

/*
 * A worker on a connection of its own: connect, open a transaction that sees the session's
 * exported snapshot (so that both read the same catalog state), serve, close. Any failure
 * only means the session's own connection does all the work.
 */
static bool
ahead_join_snapshot(ahead_worker *w)
{
    sd_pg_ahead *a = w->a;
    sd_buf sql = SD_BUF_INIT;

    w->conn = PQconnectdbParams(a->keywords, a->values, 0);
    if (w->conn == NULL || PQstatus(w->conn) != CONNECTION_OK)
        return false;
    sd_buf_append(&sql, "SET TRANSACTION SNAPSHOT ");
    sd_sql_literal(&sql, SD_ENGINE_PG, a->snapshot);
    /* The snapshot's name is the server's own, quoted as a literal (no parameters here). */
    bool ok = !sd_buf_failed(&sql) && command_ok(PQexec(w->conn, BEGIN_SQL)) &&
              command_ok(PQexecParams(w->conn, sd_buf_cstr(&sql), 0, NULL, NULL, NULL, NULL, 0));
    sd_buf_dispose(&sql);
    return ok;
}

static void *
ahead_run(void *arg)
{
    ahead_worker *w = arg;
    sd_pg_ahead *a = w->a;
    bool own = w != &a->workers[0];

    if (!own || ahead_join_snapshot(w))
        ahead_serve(w);
    pthread_mutex_lock(&a->mu);
    a->running--;
    pthread_cond_broadcast(&a->cv);
    pthread_mutex_unlock(&a->mu);
    return NULL;
}

/*
 * Start running plan ahead on conn, and on one more connection (keywords/values, joining
 * the exported snapshot) when snapshot is not NULL; false (nothing started) when no thread
 * can be made, and the queries then simply run when they are asked for.
 */
static bool
ahead_start(sd_pg_ahead *a,
            PGconn *conn,
            const sd_pg_filter *f,
            const char **plan,
            size_t n,
            const char *const *keywords,
            const char *const *values,
            const char *snapshot)
{
    memset(a, 0, sizeof(*a));
    a->f = f;
    a->n = n;
    memcpy(a->plan, plan, n * sizeof(*plan));
    a->keywords = keywords;
    a->values = values;
    size_t want = 1;
    if (snapshot != NULL && strlen(snapshot) < sizeof(a->snapshot)) {
        memcpy(a->snapshot, snapshot, strlen(snapshot) + 1);
        want = AHEAD_MAX_CONNS;
    }
    a->window = want * AHEAD_WINDOW_PER_CONN;
    if (pthread_mutex_init(&a->mu, NULL) != 0)
        return false;
    if (pthread_cond_init(&a->cv, NULL) != 0) {
        pthread_mutex_destroy(&a->mu);
        return false;
    }
    pthread_mutex_lock(&a->mu);
    for (size_t i = 0; i < want; i++) {
        ahead_worker *w = &a->workers[i];
        w->a = a;
        w->conn = i == 0 ? conn : NULL;
        if (pthread_create(&w->thread, NULL, ahead_run, w) != 0)
            break;
        a->nworkers++;
        a->running++;
    }
    pthread_mutex_unlock(&a->mu);
    if (a->nworkers == 0) {
        pthread_cond_destroy(&a->cv);
        pthread_mutex_destroy(&a->mu);
        return false;
    }
    return true;
}

/* Stop the workers, wait for them, and free the results nobody took; the session's
 * connection is the caller's alone again. */
static void
ahead_finish(sd_pg_ahead *a)
{
    pthread_mutex_lock(&a->mu);
    a->stop = true;
    pthread_cond_broadcast(&a->cv);
    pthread_mutex_unlock(&a->mu);
    for (size_t i = 0; i < a->nworkers; i++)
        pthread_join(a->workers[i].thread, NULL);
    /* The other connections' read-only transactions just end with them. */
    for (size_t i = 1; i < a->nworkers; i++)
        PQfinish(a->workers[i].conn);
    for (size_t i = a->taken; i < a->n; i++) {
        if (a->ready[i])
            PQclear(a->res[i]);
    }
    pthread_cond_destroy(&a->cv);
    pthread_mutex_destroy(&a->mu);
}

/* The next planned result, which must be for sql (*planned false otherwise); NULL when it
 * will never come (the workers stopped after a failure). Waits for the workers. */
static PGresult *
ahead_take(sd_pg_ahead *a, const char *sql, bool *planned, PGconn **from)
{
    PGresult *res = NULL;
    pthread_mutex_lock(&a->mu);
    *planned = a->taken < a->n && a->plan[a->taken] == sql;
    if (*planned) {
        while (!a->ready[a->taken] && a->running > 0)
            pthread_cond_wait(&a->cv, &a->mu);
        if (a->ready[a->taken]) {
            *from = a->res_conn[a->taken];
            res = a->res[a->taken++];
            pthread_cond_broadcast(&a->cv);
        }
    }
    pthread_mutex_unlock(&a->mu);
    return res;
}

sd_status
sd_pg__query(sd_pg_session *s,
             const char *sql,
             const sd_pg_filter *f,
             const char *purpose,
             PGresult **out,
             sd_err *err)
{
    PGresult *res = NULL;
    PGconn *from = s->conn;
    bool planned = false;

    *out = NULL;
    if (s->ahead != NULL) {
        res = ahead_take(s->ahead, sql, &planned, &from);
        if (!planned && s->ahead->taken < s->ahead->n)
            return sd_err_set(err, SD_ERR, "internal error: %s out of the planned order", purpose);
        if (!planned) { /* the plan is used up: the connection is ours again */
            ahead_finish(s->ahead);
            s->ahead = NULL;
        }
    }
    if (!planned)
        res = exec_query(s->conn, sql, f);
    bool ok = res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK;
    sd_status rc = ok ? SD_OK : query_error(from, res, purpose, err);
    /* After a failure the workers stop; the error is read first, as it may come from a
     * connection they close. */
    if (s->ahead != NULL && !ok) {
        ahead_finish(s->ahead);
        s->ahead = NULL;
    }
    if (!ok) {
        PQclear(res);
        return rc;
    }
    *out = res;
    return SD_OK;
}

/* Check and clear the result of a fixed statement that returns no rows (transaction
 * control; the callers pass PQexec() constant text only). */
static sd_status
command_done(PGconn *conn, PGresult *res, const char *purpose, sd_err *err)
{
    sd_status rc = SD_OK;
    if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
        rc = query_error(conn, res, purpose, err);
    PQclear(res);
    return rc;
}

sd_status
sd_pg__col(const PGresult *res, const char *name, int *out, sd_err *err)
{
    *out = PQfnumber(res, name);
    if (*out < 0)
        return sd_err_set(err, SD_ERR, "internal error: catalog query has no column \"%s\"", name);
    return SD_OK;
}

const char *
sd_pg__str(const PGresult *res, int row, int col)
{
    return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

bool
sd_pg__bool(const PGresult *res, int row, int col)
{
    const char *v = sd_pg__str(res, row, col);
    return v != NULL && v[0] == 't';
}

sd_status
sd_pg__int64(const PGresult *res, int row, int col, int64_t *out, sd_err *err)
{
    const char *v = sd_pg__str(res, row, col);
    char *end = NULL;

    *out = 0;
    if (v == NULL)
        return sd_err_set(err, SD_ERR, "internal error: catalog column \"%s\" is null",
                          PQfname(res, col));
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0')
        return sd_err_set(err, SD_ERR, "internal error: catalog column \"%s\" is not an integer",
                          PQfname(res, col));
    *out = (int64_t)n;
    return SD_OK;
}

/*
 * Read one element of PostgreSQL's array output at *pp (just after "{" or ","): quoted with
 * backslash escapes, or bare (the unquoted word NULL is SQL NULL). Leaves *pp on the ","
 * or "}" that ends it. False on malformed input or a nested (multi-dimensional) array.
 */
static bool
read_element(const char **pp, sd_buf *elem, bool *is_null)
{
    const char *p = *pp;
    bool quoted = false;
    bool literal = false; /* quotes or escapes were used: never NULL */

    sd_buf_reset(elem);
    for (;; p++) {
        if (*p == '\0')
            return false;
        if (*p == '\\') {
            if (p[1] == '\0')
                return false;
            sd_buf_putc(elem, *++p);
            literal = true;
        } else if (*p == '"') {
            quoted = !quoted;
            literal = true;
        } else if (!quoted && (*p == ',' || *p == '}')) {
            break;
        } else if (!quoted && *p == '{') {
            return false;
        } else {
            sd_buf_putc(elem, *p);
        }
    }
    *is_null = !literal && strcmp(sd_buf_cstr(elem), "NULL") == 0;
    *pp = p;
    return true;
}

sd_status
sd_pg__add_array(sd_model *m, sd_object *o, int field, const char *array, sd_err *err)
{
    sd_buf elem = SD_BUF_INIT;
    sd_status rc = SD_OK;
    const char *p = array;

    if (array == NULL)
        return SD_OK;
    if (*p == '[') /* explicit bounds: "[0:1]={a,b}" */
        p = strchr(p, '=') != NULL ? strchr(p, '=') + 1 : p;
    if (*p != '{')
        return sd_err_set(err, SD_ERR, "internal error: malformed array value from the catalog");
    p++;
    while (*p != '}' && rc == SD_OK) {
        bool is_null = false;
        if (!read_element(&p, &elem, &is_null))
            rc = sd_err_set(err, SD_ERR, "internal error: malformed array value from the catalog");
        else if (!is_null) /* a NULL element names nothing */
            sd_obj_add_name(m, o, field, sd_buf_cstr(&elem));
        if (rc == SD_OK && *p == ',')
            p++;
    }
    if (rc == SD_OK && sd_buf_failed(&elem))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_buf_dispose(&elem);
    return rc;
}

/* ---- catalog rows -> model objects ---- */

/* An OID or sub-id as the catalog prints it; false for anything else. */
static bool
parse_u32(const char *s, uint32_t *out)
{
    char *end = NULL;
    if (s == NULL || *s == '\0')
        return false;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < INT32_MIN || v > (long long)UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

enum {
    OID_KEY_LEN = 9
};

/* The packed key: cat, then oid and subid in host order (keys never leave the process). */
static bool
oid_key(char key[OID_KEY_LEN], sd_pg_cat cat, const char *oid, const char *subid)
{
    uint32_t o = 0;
    uint32_t s = 0;
    if (!parse_u32(oid, &o) || o == 0 || (subid != NULL && !parse_u32(subid, &s)))
        return false;
    key[0] = (char)cat;
    memcpy(key + 1, &o, sizeof(o));
    memcpy(key + 5, &s, sizeof(s));
    return true;
}

sd_status
sd_pg__oids_init(sd_pg_oids *ix, sd_err *err)
{
    sd_map empty = SD_MAP_INIT;
    ix->map = empty;
    ix->keys = sd_arena_new();
    return ix->keys != NULL ? SD_OK : sd_err_set(err, SD_ERR_NOMEM, "out of memory");
}

void
sd_pg__oids_dispose(sd_pg_oids *ix)
{
    sd_map_dispose(&ix->map);
    sd_arena_free(ix->keys);
    ix->keys = NULL;
}

sd_status
sd_pg__oid_put(sd_pg_oids *ix,
               sd_pg_cat cat,
               const char *oid,
               const char *subid,
               sd_object *o,
               sd_err *err)
{
    char key[OID_KEY_LEN];
    if (!oid_key(key, cat, oid, subid))
        return SD_OK;
    char *k = sd_arena_alloc(ix->keys, sizeof(key));
    if (k == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    memcpy(k, key, sizeof(key));
    if (sd_map_putn(&ix->map, k, sizeof(key), o) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return SD_OK;
}

sd_object *
sd_pg__oid_get(const sd_pg_oids *ix, sd_pg_cat cat, const char *oid, const char *subid)
{
    char key[OID_KEY_LEN];
    return oid_key(key, cat, oid, subid) ? sd_map_getn(&ix->map, key, sizeof(key)) : NULL;
}

/* ---- the inspection ---- */

/* "{"a","b\"c"}": each element double-quoted, with " and \ backslash-escaped. */
static void
array_literal(sd_buf *b, const char *const *items, size_t n)
{
    bool first = true;
    sd_buf_putc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (items[i] == NULL)
            continue;
        if (!first)
            sd_buf_putc(b, ',');
        first = false;
        sd_buf_putc(b, '"');
        for (const char *p = items[i]; *p != '\0'; p++) {
            if (*p == '"' || *p == '\\')
                sd_buf_putc(b, '\\');
            sd_buf_putc(b, *p);
        }
        sd_buf_putc(b, '"');
    }
    sd_buf_putc(b, '}');
}

/* Objects dropped after our snapshot was taken make catalog functions fail this way. */
static bool
is_concurrent_ddl(const sd_err *err)
{
    return err->code == SD_ERR_DB && (strstr(err->msg, "cache lookup failed") != NULL ||
                                      strstr(err->msg, "could not open relation with OID") != NULL);
}

/*
 * How another connection reaches the very server and database conn is connected to: conn's
 * own settings (PQconninfo), with the host and port it actually uses (a list of hosts must
 * not lead elsewhere) and the client encoding every reader uses. The strings belong to
 * opts; false when there is nothing to go on.
 */
enum {
    SIBLING_MAX_KEYS = 64
};

typedef struct sibling_conninfo {
    PQconninfoOption *opts;
    const char *keywords[SIBLING_MAX_KEYS + 1];
    const char *values[SIBLING_MAX_KEYS + 1];
} sibling_conninfo;

static bool
sibling_conninfo_init(sibling_conninfo *sc, PGconn *conn)
{
    const char *host = PQhost(conn);
    const char *port = PQport(conn);
    const char *hostaddr = PQhostaddr(conn);
    size_t n = 0;

    memset(sc, 0, sizeof(*sc));
    sc->opts = PQconninfo(conn);
    if (sc->opts == NULL || host == NULL || port == NULL)
        return false;
    for (const PQconninfoOption *o = sc->opts; o->keyword != NULL; o++) {
        const char *v = o->val;
        if (strcmp(o->keyword, "host") == 0)
            v = host;
        else if (strcmp(o->keyword, "port") == 0)
            v = port;
        else if (strcmp(o->keyword, "hostaddr") == 0)
            v = v != NULL && hostaddr != NULL && *hostaddr != '\0' ? hostaddr : NULL;
        else if (strcmp(o->keyword, "client_encoding") == 0)
            continue;
        if (v == NULL || *v == '\0')
            continue;
        if (n == SIBLING_MAX_KEYS)
            return false;
        sc->keywords[n] = o->keyword;
        sc->values[n++] = v;
    }
    sc->keywords[n] = "client_encoding";
    sc->values[n++] = "UTF8";
    sc->keywords[n] = NULL;
    sc->values[n] = NULL;
    return true;
}

/* Export the transaction's snapshot for another connection to join; NULL when the server
 * will not (the transaction is then aborted: the caller starts it again). */
static char *
export_snapshot(PGconn *conn, char *buf, size_t size)
{
    PGresult *res = PQexec(conn, "SELECT pg_catalog.pg_export_snapshot()");
    char *out = NULL;
    if (res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
        !PQgetisnull(res, 0, 0) && strlen(PQgetvalue(res, 0, 0)) < size) {
        memcpy(buf, PQgetvalue(res, 0, 0), strlen(PQgetvalue(res, 0, 0)) + 1);
        out = buf;
    }
    PQclear(res);
    return out;
}

/* One attempt: the read-only snapshot transaction and every reader, into m; with
 * connections > 1, the planned queries are shared with a second connection in the same
 * snapshot. */
static sd_status
read_once(PGconn *conn, unsigned connections, sd_model *m, const sd_pg_filter *f, sd_err *err)
{
    sd_pg_session s = { conn, PQserverVersion(conn), NULL };
    sd_pg_ahead ahead;
    const char *plan[SD_PG_PLAN_MAX];
    size_t n = sd_pg__relation_plan(s.version, plan, SD_PG_PLAN_MAX);
    n += sd_pg__object_plan(s.version, plan + n, SD_PG_PLAN_MAX - n);
    sibling_conninfo sibling;
    char snapshot_buf[64];
    const char *snapshot = NULL;

    memset(&sibling, 0, sizeof(sibling));
    sd_pg_oids oids;
    sd_status rc = sd_pg__oids_init(&oids, err);
    if (rc == SD_OK)
        rc = command_done(conn, PQexec(conn, BEGIN_SQL), "starting a read-only transaction", err);
    if (rc == SD_OK && connections > 1 && sibling_conninfo_init(&sibling, conn)) {
        snapshot = export_snapshot(conn, snapshot_buf, sizeof(snapshot_buf));
        /* A server that does not export (a standby of an old release...): one connection. */
        if (snapshot == NULL) {
            PQclear(PQexec(conn, "ROLLBACK"));
            rc = command_done(conn, PQexec(conn, BEGIN_SQL), "starting a read-only transaction",
                              err);
        }
    }
    if (rc == SD_OK &&
        ahead_start(&ahead, conn, f, plan, n, sibling.keywords, sibling.values, snapshot))
        s.ahead = &ahead;
    if (rc == SD_OK)
        rc = sd_pg__read_relations(&s, m, f, &oids, err);
    if (rc == SD_OK)
        rc = sd_pg__read_objects(&s, m, f, &oids, err);
    if (s.ahead != NULL) /* the readers stopped early, or asked for less than planned */
        ahead_finish(s.ahead);
    PQconninfoFree(sibling.opts);
    sd_pg__oids_dispose(&oids);
    if (rc == SD_OK)
        rc = command_done(conn, PQexec(conn, "COMMIT"), "ending the read-only transaction", err);
    if (rc != SD_OK && PQtransactionStatus(conn) != PQTRANS_IDLE) {
        PGresult *res = PQexec(conn, "ROLLBACK");
        PQclear(res);
    }
    return rc;
}

/* Read into a new model; on a concurrent DDL failure, discard it and try once more. */
static sd_status
read_model(sd_model **out, PGconn *conn, unsigned connections, const sd_pg_filter *f, sd_err *err)
{
    sd_status rc = SD_OK;
    char last_failure[sizeof(err->msg)] = "";

    *out = NULL;
    for (int attempt = 0; attempt < 2; attempt++) {
        sd_model *m = sd_model_new(SD_ENGINE_PG);
        if (m == NULL)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        rc = read_once(conn, connections, m, f, err);
        if (rc == SD_OK) {
            *out = m;
            return SD_OK;
        }
        sd_model_free(m);
        if (!is_concurrent_ddl(err))
            return rc;
        memcpy(last_failure, err->msg, sizeof(last_failure));
        sd_err_clear(err);
    }
    rc = sd_err_set(err, SD_ERR_DB, "the schema changed while it was being read");
    sd_err_detail(err, "%s", last_failure);
    sd_err_hint(err, "Run the command again when no schema changes are running.");
    return rc;
}

sd_status
sd_pg_introspect(sd_model **out,
                 const sd_conn_params *params,
                 const sd_pg_options *opts,
                 sd_err *err)
{
    static const sd_pg_options none = { NULL, 0, NULL, 0, 1 };
    const sd_pg_options *o = opts != NULL ? opts : &none;
    sd_buf include = SD_BUF_INIT;
    sd_buf exclude = SD_BUF_INIT;
    PGconn *conn = NULL;
    sd_model *m = NULL;
    sd_pg_filter f = { NULL, NULL };
    sd_status rc = SD_OK;

    *out = NULL;
    array_literal(&include, o->schemas, o->schemas != NULL ? o->nschemas : 0);
    array_literal(&exclude, o->exclude_schemas, o->exclude_schemas != NULL ? o->nexclude : 0);
    if (sd_buf_failed(&include) || sd_buf_failed(&exclude)) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    f.include = sd_buf_cstr(&include);
    f.exclude = sd_buf_cstr(&exclude);
    rc = connect_db(&conn, params, err);
    if (rc != SD_OK)
        goto out;
    rc = read_model(&m, conn, o->connections, &f, err);
    if (rc != SD_OK)
        goto out;
    rc = sd_model_freeze(m, err);
    if (rc != SD_OK)
        goto out;
    *out = m;
    m = NULL;
out:
    sd_model_free(m);
    PQfinish(conn);
    sd_buf_dispose(&include);
    sd_buf_dispose(&exclude);
    return rc;
}

sd_status
sd_pg_counts(const sd_conn_params *params,
             const char *const *queries,
             const bool *optional,
             size_t n,
             long long *counts,
             sd_err *err)
{
    PGconn *conn = NULL;
    sd_status rc = connect_db(&conn, params, err);
    if (rc == SD_OK)
        rc = command_done(conn, PQexec(conn, BEGIN_SQL), "starting a read-only transaction", err);
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        bool may_fail = optional != NULL && optional[i];
        /* An optional query's failure must not abort the transaction the others run in. */
        if (may_fail)
            rc = command_done(conn, PQexec(conn, "SAVEPOINT sd_preflight"),
                              "running a preflight query", err);
        if (rc != SD_OK)
            break;
        /* Built by emit/ with util/sql.h quoting; no parameters to pass. */
        PGresult *res = PQexecParams(conn, queries[i], 0, NULL, NULL, NULL, NULL, 0);
        bool ok = res != NULL && PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1 &&
                  PQnfields(res) == 1;
        if (ok) {
            counts[i] = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
            PQclear(res);
        } else if (may_fail) {
            counts[i] = -1;
            PQclear(res);
            rc = command_done(conn, PQexec(conn, "ROLLBACK TO SAVEPOINT sd_preflight"),
                              "running a preflight query", err);
        } else {
            rc = query_error(conn, res, "running a preflight query", err);
            PQclear(res);
        }
    }
    if (conn != NULL)
        PQclear(PQexec(conn, "ROLLBACK"));
    PQfinish(conn);
    return rc;
}

void
sd_pg_client_version(sd_buf *out)
{
    int v = PQlibVersion(); /* 150004: 15.4 (major * 10000 + minor since 10) */
    sd_buf_appendf(out, "libpq %d.%d\n", v / 10000, v % 10000);
}
