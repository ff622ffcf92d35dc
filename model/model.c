/*
 * model.c: building, freezing (validation, canonical order, identity index) and reading
 * models. Kind knowledge comes from the registry in kinds.c; nothing here switches on kind.
 */
#include <stdarg.h>
#include <string.h>

#include "model/model_int.h"
#include "util/thread.h"

sd_model *
sd_model_new(sd_engine engine)
{
    sd_model *m = calloc(1, sizeof(*m));
    if (m == NULL)
        return NULL;
    m->arena = sd_arena_new();
    if (m->arena == NULL) {
        free(m);
        return NULL;
    }
    m->engine = engine;
    return m;
}

void
sd_model_free(sd_model *m)
{
    if (m == NULL)
        return;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        sd_vec_dispose(&m->objs[k]);
        sd_map_dispose(&m->index[k]);
    }
    sd_map_dispose(&m->interned);
    sd_vec_dispose(&m->uncompared);
    sd_arena_free(m->arena);
    free(m);
}

sd_engine
sd_model_engine(const sd_model *m)
{
    return m->engine;
}

sd_arena *
sd_model_arena(sd_model *m)
{
    return m->arena;
}

const char *
sd_model__intern(sd_model *m, const char *s)
{
    if (s == NULL)
        return NULL;
    const char *hit = sd_map_get(&m->interned, s);
    if (hit != NULL)
        return hit;
    char *copy = sd_arena_strdup(m->arena, s);
    if (copy == NULL || sd_map_put(&m->interned, copy, copy) != SD_OK) {
        m->failed = true;
        return NULL;
    }
    return copy;
}

sd_status
sd_model_add(sd_model *m,
             sd_kind kind,
             const char *schema,
             const char *table,
             const char *name,
             sd_object **out,
             sd_err *err)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    *out = NULL;
    if (ki == NULL)
        return sd_err_set(err, SD_ERR, "internal error: bad object kind");
    /* A database-wide object has no schema; every other object has one. */
    if ((ki->scope == SD_SCOPE_DATABASE) != (schema == NULL))
        return sd_err_set(err, SD_ERR, "internal error: %s %s a schema", ki->label,
                          ki->scope == SD_SCOPE_DATABASE ? "must not have" : "needs");
    if (!sd_kind_for_engine(ki, m->engine))
        return sd_err_set(err, SD_ERR, "internal error: a %s model has no %s objects",
                          sd_engine_name(m->engine), ki->label);
    if (ki->has_table != (table != NULL))
        return sd_err_set(err, SD_ERR, "internal error: %s %s a table", ki->label,
                          ki->has_table ? "needs" : "must not have");
    if (name == NULL && ki->name_required)
        return sd_err_set(err, SD_ERR, "internal error: %s without a name", ki->label);
    sd_object_int *oi = sd_arena_alloc(m->arena, sizeof(*oi));
    sd_value *v = ki->nfields ? sd_arena_array(m->arena, sd_value, ki->nfields) : NULL;
    if (oi == NULL || (ki->nfields && v == NULL))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_object *o = &oi->pub;
    o->kind = kind;
    o->schema = sd_model__intern(m, schema);
    o->table = sd_model__intern(m, table);
    o->name = name != NULL ? sd_arena_strdup(m->arena, name) : NULL;
    o->v = v;
    if (sd_vec_push(&m->objs[kind], o) != SD_OK || m->failed)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    m->frozen = false;
    *out = o;
    return SD_OK;
}

void
sd_obj_set_bool(sd_object *o, int field, bool v)
{
    o->v[field].b = v;
}

void
sd_obj_set_int(sd_object *o, int field, int64_t v)
{
    o->v[field].i = v;
}

void
sd_obj_set_str(sd_model *m, sd_object *o, int field, const char *s)
{
    o->v[field].s = sd_model__intern(m, s);
}

void
sd_obj_set_origin(sd_object *o, const char *file, size_t line, size_t col)
{
    o->origin = file;
    o->origin_line = line <= UINT32_MAX ? (uint32_t)line : 0;
    o->origin_col = col <= UINT32_MAX ? (uint32_t)col : 0;
}

const char *
sd_model_strdup(sd_model *m, const char *s)
{
    return sd_arena_strdup(m->arena, s);
}

void
sd_obj_set_sql(sd_model *m, sd_object *o, int field, const char *text)
{
    o->v[field].sql.text = text != NULL ? sd_arena_strdup(m->arena, text) : NULL;
    o->v[field].sql.norm = NULL;
    if (text != NULL && o->v[field].sql.text == NULL)
        m->failed = true;
}

/* Grow an arena array by one slot (copying: arenas do not realloc). */
static void *
arena_grow(sd_model *m, void *items, size_t len, size_t sz)
{
    /* Capacity is implicit: powers of two, so we copy only when len hits one. */
    if (len != 0 && (len & (len - 1)) != 0)
        return items;
    size_t cap = len == 0 ? 4 : len * 2;
    if (len > 0 && len < 4)
        return items;
    void *p = sd_arena_calloc(m->arena, cap, sz);
    if (p == NULL) {
        m->failed = true;
        return NULL;
    }
    if (len > 0)
        memcpy(p, items, len * sz);
    return p;
}

sd_status
sd_err_objectv(sd_err *err, sd_status code, const sd_object *o, const char *fmt, va_list ap)
{
    sd_buf msg = SD_BUF_INIT;
    sd_buf_vappendf(&msg, fmt, ap);
    sd_status rc = sd_err_set(err, code, "%s", sd_buf_cstr(&msg));
    if (o != NULL) {
        sd_buf where = SD_BUF_INIT;
        sd_object_describe(&where, o);
        if (o->origin != NULL) /* a snapshot's: the line to look at */
            sd_buf_appendf(&where, " (%s:%u:%u)", o->origin, (unsigned)o->origin_line,
                           (unsigned)o->origin_col);
        sd_err_where(err, "%s", sd_buf_cstr(&where));
        sd_buf_dispose(&where);
    }
    sd_buf_dispose(&msg);
    return rc;
}

sd_status
sd_err_object(sd_err *err, sd_status code, const sd_object *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sd_status rc = sd_err_objectv(err, code, o, fmt, ap);
    va_end(ap);
    return rc;
}

bool
sd_names_find(const sd_names *n, const char *name, size_t *at)
{
    for (size_t i = 0; i < n->len; i++) {
        if (name != NULL && n->items[i] != NULL && strcmp(n->items[i], name) == 0) {
            if (at != NULL)
                *at = i;
            return true;
        }
    }
    return false;
}

void
sd_obj_add_name(sd_model *m, sd_object *o, int field, const char *name)
{
    sd_names *n = &o->v[field].names;
    const char **items = arena_grow(m, (void *)n->items, n->len, sizeof(*items));
    if (items == NULL)
        return;
    items[n->len] = sd_model__intern(m, name);
    n->items = items;
    n->len++;
}

void
sd_obj_add_key(sd_model *m, sd_object *o, int field, const sd_keypart *kp)
{
    sd_keys *k = &o->v[field].keys;
    sd_keypart *items = arena_grow(m, k->items, k->len, sizeof(*items));
    if (items == NULL)
        return;
    sd_keypart *p = &items[k->len];
    p->column = sd_model__intern(m, kp->column);
    p->expr.text = sd_arena_strdup(m->arena, kp->expr.text);
    p->expr.norm = NULL;
    p->collation = sd_model__intern(m, kp->collation);
    p->opclass = sd_model__intern(m, kp->opclass);
    p->desc = kp->desc;
    p->nulls = sd_model__intern(m, kp->nulls);
    k->items = items;
    k->len++;
}

void
sd_obj_add_dep(sd_model *m,
               sd_object *o,
               sd_kind kind,
               const char *schema,
               const char *table,
               const char *name)
{
    for (size_t i = 0; i < o->ndeps; i++) {
        const sd_ref *r = &o->deps[i];
        if (r->kind == kind && sd_strcmp_c(r->schema, schema) == 0 &&
            sd_strcmp_c(r->table, table) == 0 && sd_strcmp_c(r->name, name) == 0)
            return;
    }
    sd_object_int *oi = sd_model__obj(o);
    if (o->ndeps == oi->depcap) {
        size_t cap = oi->depcap ? oi->depcap * 2 : 4;
        sd_ref *d = sd_arena_array(m->arena, sd_ref, cap);
        if (d == NULL) {
            m->failed = true;
            return;
        }
        if (o->ndeps)
            memcpy(d, o->deps, o->ndeps * sizeof(*d));
        o->deps = d;
        oi->depcap = cap;
    }
    sd_ref *r = &o->deps[o->ndeps++];
    r->kind = kind;
    r->schema = sd_model__intern(m, schema);
    r->table = sd_model__intern(m, table);
    r->name = sd_model__intern(m, name);
}

/* ---- identity ---- */

static void
key_part(sd_buf *b, const char *s)
{
    if (s == NULL) {
        sd_buf_append(b, "-;");
        return;
    }
    size_t n = strlen(s);
    sd_buf_append_int(b, (long long)n);
    sd_buf_putc(b, ':');
    sd_buf_appendn(b, s, n);
    sd_buf_putc(b, ';');
}

/* SQLite compares identifiers without regard to ASCII case ("USERS" is users), so its
 * identity keys fold case; PostgreSQL names are exact. */
static void
key_name(sd_buf *b, sd_engine e, const char *s)
{
    if (s == NULL || e != SD_ENGINE_SQLITE) {
        key_part(b, s);
        return;
    }
    size_t start = b->len;
    key_part(b, s);
    for (size_t i = start; i < b->len; i++)
        b->ptr[i] = sd_ascii_lower(b->ptr[i]);
}

/* Identity key: schema, table and name; for unnamed objects, their identifying fields. b is
 * scratch space. */
static const char *
make_key(sd_model *m, const sd_object *o, sd_buf *b)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    sd_buf_reset(b);
    key_name(b, m->engine, o->schema);
    key_name(b, m->engine, o->table);
    if (!ki->name_is_identity) {
        sd_buf_append(b, "*");
    } else if (o->name != NULL) {
        key_name(b, m->engine, o->name);
    } else {
        sd_buf_append(b, "~");
        for (size_t f = 0; f < ki->nfields; f++)
            if (ki->unnamed_identity & (1u << f))
                sd_model__put_value(b, ki->fields[f].type, &o->v[f]);
    }
    const char *k = sd_buf_failed(b) ? NULL : sd_arena_strdup(m->arena, sd_buf_cstr(b));
    if (k == NULL)
        m->failed = true;
    return k;
}

/* ---- canonical order ---- */

static int
cmp_objects(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const sd_object *a = *(sd_object *const *)pa;
    const sd_object *b = *(sd_object *const *)pb;
    int c = sd_strcmp_c(a->schema, b->schema);
    if (c == 0)
        c = sd_strcmp_c(a->table, b->table);
    if (c == 0 && a->kind == SD_KIND_COLUMN) {
        int64_t x = a->v[SD_COLUMN_POSITION].i;
        int64_t y = b->v[SD_COLUMN_POSITION].i;
        c = x < y ? -1 : x > y;
    }
    if (c == 0)
        c = sd_strcmp_c(a->name, b->name);
    if (c == 0)
        c = sd_strcmp_c(a->key, b->key);
    return c;
}

/* ---- freeze ---- */

static sd_status
normalize_sql(sd_model *m, sd_sqltext *t, const sd_object *o, const char *field, sd_err *err)
{
    if (t->text == NULL) {
        t->norm = NULL;
        return SD_OK;
    }
    if (m->engine != SD_ENGINE_SQLITE) {
        t->norm = t->text;
        return SD_OK;
    }
    sd_buf b = SD_BUF_INIT;
    sd_status rc = sd_sql_normalize(&b, t->text, strlen(t->text), err);
    if (rc == SD_OK) {
        t->norm = sd_arena_strdup(m->arena, sd_buf_cstr(&b));
        if (t->norm == NULL || sd_buf_failed(&b))
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    } else {
        sd_buf d = SD_BUF_INIT;
        sd_buf cause = SD_BUF_INIT;
        sd_object_describe(&d, o);
        sd_buf_appendf(&cause, "%s (at %s)", err->msg, err->where);
        rc = sd_err_set(err, SD_ERR_PARSE, "invalid SQL text in %s of %s", field, sd_buf_cstr(&d));
        sd_err_detail(err, "%s", sd_buf_cstr(&cause));
        sd_buf_dispose(&cause);
        sd_buf_dispose(&d);
    }
    sd_buf_dispose(&b);
    return rc;
}

static sd_status
normalize_object(sd_model *m, sd_object *o, sd_err *err)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    for (size_t f = 0; f < ki->nfields; f++) {
        sd_status rc = SD_OK;
        if (ki->fields[f].type == SD_FIELD_SQL) {
            rc = normalize_sql(m, &o->v[f].sql, o, ki->fields[f].name, err);
        } else if (ki->fields[f].type == SD_FIELD_KEYS) {
            for (size_t i = 0; i < o->v[f].keys.len && rc == SD_OK; i++)
                rc = normalize_sql(m, &o->v[f].keys.items[i].expr, o, ki->fields[f].name, err);
        }
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}

static sd_status
duplicate_error(const sd_object *o, sd_err *err)
{
    sd_buf d = SD_BUF_INIT;
    sd_object_describe(&d, o);
    sd_status rc = sd_err_set(err, SD_ERR_PARSE, "duplicate %s", sd_buf_cstr(&d));
    sd_buf_dispose(&d);
    return rc;
}

/* Normalize SQL text, compute identity keys, reject duplicates, sort canonically. */
static sd_status
index_kind(sd_model *m, sd_kind k, sd_err *err)
{
    sd_status rc = SD_OK;
    sd_buf key = SD_BUF_INIT;
    sd_map_dispose(&m->index[k]);
    for (size_t i = 0; i < m->objs[k].len && rc == SD_OK; i++) {
        sd_object *o = m->objs[k].items[i];
        rc = normalize_object(m, o, err);
        if (rc != SD_OK)
            break;
        o->key = make_key(m, o, &key);
        if (o->key != NULL && sd_map_get(&m->index[k], o->key) != NULL)
            rc = duplicate_error(o, err);
        else if (o->key == NULL || sd_map_put(&m->index[k], o->key, o) != SD_OK)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    sd_buf_dispose(&key);
    if (rc != SD_OK)
        return rc;
    if (sd_sort(m->objs[k].items, m->objs[k].len, sizeof(sd_object *), cmp_objects, NULL) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < m->objs[k].len; i++)
        m->objs[k].items[i]->index = i;
    return SD_OK;
}

/* Link owned objects of kind k to their owner and record each owner's slice. Owned kinds
 * sort by (schema, table) first, so each owner's objects are contiguous. */
static sd_status
link_owned(sd_model *m, sd_kind k, sd_err *err)
{
    const sd_kind_info *ki = sd_kind_get(k);
    for (size_t i = 0; i < m->objs[ki->owner].len; i++) {
        sd_object_int *own = sd_model__obj(m->objs[ki->owner].items[i]);
        if (own->child_len == NULL) {
            /* Only owners carry per-kind slices, allocated once on first freeze. */
            own->child_start = sd_arena_array(m->arena, size_t, SD_KIND__COUNT);
            own->child_len = sd_arena_array(m->arena, size_t, SD_KIND__COUNT);
            if (own->child_start == NULL || own->child_len == NULL)
                return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        }
        own->child_len[k] = 0;
    }
    const sd_object *found = NULL;
    for (size_t i = 0; i < m->objs[k].len; i++) {
        sd_object *o = m->objs[k].items[i];
        /* Consecutive objects mostly share their schema and table strings, so their owner. */
        const sd_object *prev = i > 0 ? m->objs[k].items[i - 1] : NULL;
        if (prev == NULL || found == NULL || prev->schema != o->schema || prev->table != o->table)
            found = sd_model_find(m, ki->owner, o->schema, NULL, o->table);
        if (found == NULL) {
            sd_buf d = SD_BUF_INIT;
            sd_object_describe(&d, o);
            sd_status rc =
                sd_err_set(err, SD_ERR_PARSE, "%s belongs to a missing table", sd_buf_cstr(&d));
            sd_buf_dispose(&d);
            return rc;
        }
        sd_object_int *own = sd_model__obj(found);
        o->owner = found;
        if (own->child_len[k] == 0)
            own->child_start[k] = i;
        own->child_len[k]++;
    }
    return SD_OK;
}

static int
cmp_uncompared(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const sd_uncompared *a = pa;
    const sd_uncompared *b = pb;
    int c = sd_strcmp_c(a->kind, b->kind);
    return c != 0 ? c : sd_strcmp_c(a->name, b->name);
}

void
sd_model_add_uncompared(sd_model *m, const char *kind, const char *name)
{
    sd_uncompared u = { sd_model__intern(m, kind), sd_arena_strdup(m->arena, name) };
    if (u.kind == NULL || u.name == NULL || sd_vec_push(&m->uncompared, u) != SD_OK)
        m->failed = true;
}

size_t
sd_model_uncompared_count(const sd_model *m)
{
    return m->uncompared.len;
}

void
sd_model_uncompared_at(const sd_model *m, size_t i, const char **kind_out, const char **name_out)
{
    *kind_out = i < m->uncompared.len ? m->uncompared.items[i].kind : NULL;
    *name_out = i < m->uncompared.len ? m->uncompared.items[i].name : NULL;
}

/* Objects in a pass this many or more are fingerprinted in two halves side by side. */
#define FINGERPRINT_SPLIT_MIN 4096

/* The objects [lo, hi) of one pass, counted across the pass's kinds in kind order. */
typedef struct fingerprint_job {
    sd_model *m;
    size_t pass; /* 0: owned kinds (columns...), 1: the others, which fold them in */
    size_t lo, hi;
    bool ok;
} fingerprint_job;

static bool
in_pass(size_t k, size_t pass)
{
    bool owned = sd_kind_get((sd_kind)k)->owner != SD_KIND__COUNT;
    return owned == (pass == 0);
}

static void
fingerprint_run(void *arg)
{
    fingerprint_job *job = arg;
    sd_buf scratch = SD_BUF_INIT;
    size_t at = 0;

    job->ok = true;
    for (size_t k = 0; k < SD_KIND__COUNT && at < job->hi; k++) {
        if (!in_pass(k, job->pass))
            continue;
        for (size_t i = 0; i < job->m->objs[k].len; i++, at++) {
            if (at >= job->lo && at < job->hi)
                job->ok =
                    sd_model__fingerprint(job->m, job->m->objs[k].items[i], &scratch) && job->ok;
        }
    }
    sd_buf_dispose(&scratch);
}

/* Fingerprints bottom-up (owned kinds first, so owners fold them in), then the model's.
 * Within a pass the objects are independent: a large pass is shared with a second thread. */
static sd_status
fingerprint_all(sd_model *m, sd_err *err)
{
    for (size_t pass = 0; pass < 2; pass++) {
        size_t n = 0;
        for (size_t k = 0; k < SD_KIND__COUNT; k++)
            n += in_pass(k, pass) ? m->objs[k].len : 0;
        fingerprint_job job = { m, pass, 0, n, false };
        fingerprint_job half = { m, pass, n, n, true }; /* empty unless the pass is split */
        if (n >= FINGERPRINT_SPLIT_MIN) {
            job.hi = half.lo = n / 2;
            if (!sd_thread_both(fingerprint_run, &job, &half))
                return sd_err_set(err, SD_ERR, "internal error: could not wait for a thread");
        } else {
            fingerprint_run(&job);
        }
        if (!job.ok || !half.ok)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    XXH3_state_t *st = XXH3_createState();
    if (st == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    XXH3_64bits_reset(st);
    const char *eng = sd_engine_name(m->engine);
    XXH3_64bits_update(st, eng, strlen(eng));
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (sd_kind_get((sd_kind)k)->owner != SD_KIND__COUNT)
            continue; /* already inside their owners' fingerprints */
        for (size_t i = 0; i < m->objs[k].len; i++)
            XXH3_64bits_update(st, &m->objs[k].items[i]->fingerprint, sizeof(uint64_t));
    }
    m->fingerprint = XXH3_64bits_digest(st);
    XXH3_freeState(st);
    return SD_OK;
}

sd_status
sd_model_freeze(sd_model *m, sd_err *err)
{
    sd_status rc = SD_OK;
    if (m->failed || sd_arena_failed(m->arena))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while building the schema model");
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++)
        rc = index_kind(m, (sd_kind)k, err);
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++)
        if (sd_kind_get((sd_kind)k)->owner != SD_KIND__COUNT)
            rc = link_owned(m, (sd_kind)k, err);
    if (rc == SD_OK && sd_sort(m->uncompared.items, m->uncompared.len, sizeof(sd_uncompared),
                               cmp_uncompared, NULL) != SD_OK)
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK)
        rc = fingerprint_all(m, err);
    if (rc != SD_OK)
        return rc;
    if (m->failed || sd_arena_failed(m->arena))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while building the schema model");
    m->frozen = true;
    return SD_OK;
}

/* ---- reading ---- */

size_t
sd_model_count(const sd_model *m, sd_kind kind)
{
    return m->objs[kind].len;
}

const sd_object *
sd_model_at(const sd_model *m, sd_kind kind, size_t i)
{
    return i < m->objs[kind].len ? m->objs[kind].items[i] : NULL;
}

const sd_object *const *
sd_model_objects(const sd_model *m, sd_kind kind, size_t *count_out)
{
    *count_out = m->objs[kind].len;
    return *count_out ? (const sd_object *const *)m->objs[kind].items : NULL;
}

const sd_object *const *
sd_model_children(const sd_model *m, const sd_object *owner, sd_kind kind, size_t *count_out)
{
    const sd_object_int *oi = sd_model__obj(owner);
    *count_out = oi->child_len != NULL ? oi->child_len[kind] : 0;
    if (*count_out == 0)
        return NULL;
    return (const sd_object *const *)&m->objs[kind].items[oi->child_start[kind]];
}

const sd_object *
sd_model_find_key(const sd_model *m, sd_kind kind, const char *key)
{
    return sd_map_get(&m->index[kind], key);
}

const sd_object *
sd_model_find(const sd_model *m,
              sd_kind kind,
              const char *schema,
              const char *table,
              const char *name)
{
    sd_buf b = SD_BUF_INIT;
    key_name(&b, m->engine, schema);
    key_name(&b, m->engine, table);
    if (!sd_kind_get(kind)->name_is_identity)
        sd_buf_append(&b, "*");
    else
        key_name(&b, m->engine, name);
    const sd_object *o = sd_buf_failed(&b) ? NULL : sd_map_get(&m->index[kind], sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return o;
}

const sd_object *
sd_model_find_ref(const sd_model *m, const sd_ref *ref)
{
    return sd_model_find(m, ref->kind, ref->schema, ref->table, ref->name);
}

const sd_object *
sd_model_find_table(const sd_model *m, const char *schema, const char *name)
{
    return sd_model_find(m, SD_KIND_TABLE, schema, NULL, name);
}

bool
sd_table_is_foreign(const sd_object *o)
{
    return o != NULL && o->kind == SD_KIND_TABLE && o->v[SD_TABLE_FOREIGN_SERVER].s != NULL;
}

uint64_t
sd_model_fingerprint(const sd_model *m)
{
    return m->fingerprint;
}

size_t
sd_model_size(const sd_model *m)
{
    size_t n = 0;
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        n += m->objs[k].len;
    return n;
}

/* One part of a qualified name as people read it: as it is, unless it is empty or holds a
 * dot, a double quote, a blank or a control byte, which would make the dots between parts
 * ambiguous: then in double quotes with '"' doubled ("my.schema".t). len: how much of it
 * decides (a function's name, not its argument list). */
static void
describe_part(sd_buf *out, const char *part, size_t len)
{
    bool plain = part != NULL && len > 0;
    for (size_t i = 0; plain && i < len; i++) {
        unsigned char ch = (unsigned char)part[i];
        plain = ch > 0x20 && ch != 0x7f && ch != '.' && ch != '"';
    }
    if (plain) {
        sd_buf_append(out, part);
        return;
    }
    sd_buf_putc(out, '"');
    for (size_t i = 0; part != NULL && i < len; i++) {
        if (part[i] == '"')
            sd_buf_putc(out, '"');
        sd_buf_putc(out, part[i]);
    }
    sd_buf_putc(out, '"');
    if (part != NULL)
        sd_buf_append(out, part + len);
}

/* describe_part() of a whole name, or of a routine's or operator's name before its argument
 * list ("f(integer)", "===(integer, integer)"), or of an operator family's or class's before
 * its access method ("int_ops using btree"). */
static void
describe_name(sd_buf *out, sd_kind kind, const char *name)
{
    size_t len = name != NULL ? strlen(name) : 0;
    const char *paren = name != NULL ? strchr(name, '(') : NULL;
    bool routine =
        kind == SD_KIND_FUNCTION || kind == SD_KIND_AGGREGATE || kind == SD_KIND_OPERATOR;
    if (routine && paren != NULL)
        len = (size_t)(paren - name);
    if ((kind == SD_KIND_OPFAMILY || kind == SD_KIND_OPCLASS) && name != NULL) {
        for (const char *u = strstr(name, " using "); u != NULL; u = strstr(u + 1, " using "))
            len = (size_t)(u - name);
    }
    describe_part(out, name, len);
}

/* A database-wide object's name: a cast's "(integer AS public.mytype)" and a transform's
 * "FOR integer LANGUAGE l" as they are (their spaces and dots are their format, not
 * ambiguity), unless they hold a control byte; others as names. */
static void
describe_database_wide(sd_buf *out, const sd_object *o)
{
    bool plain =
        o->name != NULL && ((o->kind == SD_KIND_CAST && o->name[0] == '(') ||
                            (o->kind == SD_KIND_TRANSFORM && strncmp(o->name, "FOR ", 4) == 0));
    for (const char *p = o->name; plain && *p != '\0'; p++)
        plain = (unsigned char)*p >= 0x20 && *p != 0x7f;
    if (plain)
        sd_buf_append(out, o->name);
    else
        describe_name(out, o->kind, o->name);
}

void
sd_object_describe(sd_buf *out, const sd_object *o)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    sd_buf_append(out, ki->label);
    sd_buf_putc(out, ' ');
    if (o->kind == SD_KIND_SCHEMA) {
        describe_name(out, o->kind, o->name);
        return;
    }
    if (ki->scope == SD_SCOPE_DATABASE) {
        describe_database_wide(out, o);
        return;
    }
    describe_name(out, SD_KIND_SCHEMA, o->schema);
    sd_buf_putc(out, '.');
    if (o->table != NULL) {
        describe_name(out, SD_KIND_TABLE, o->table);
        if (o->name != NULL && ki->name_is_identity)
            sd_buf_putc(out, '.');
    }
    if (o->name != NULL && ki->name_is_identity) {
        describe_name(out, o->kind, o->name);
    } else if (ki->name_is_identity) {
        /* Unnamed constraint: show what identifies it. */
        for (size_t f = 0; f < ki->nfields; f++) {
            if (!(ki->unnamed_identity & (1u << f)))
                continue;
            sd_buf_putc(out, ' ');
            if (ki->fields[f].type != SD_FIELD_NAMES)
                sd_buf_putc(out, '(');
            sd_value_describe(out, ki->fields[f].type, &o->v[f]);
            if (ki->fields[f].type != SD_FIELD_NAMES)
                sd_buf_putc(out, ')');
            break;
        }
    }
}

bool
sd_object_depends_on(const sd_model *m, const sd_object *o, const sd_object *dep)
{
    for (size_t i = 0; i < o->ndeps; i++)
        if (sd_model_find_ref(m, &o->deps[i]) == dep)
            return true;
    return false;
}

bool
sd_base_type_io_function(const sd_model *m, const sd_object *t, const sd_object *f)
{
    return t->kind == SD_KIND_BASE_TYPE && f->kind == SD_KIND_FUNCTION &&
           sd_object_depends_on(m, t, f) && sd_object_depends_on(m, f, t);
}
