/*
 * read.c: snapshot YAML back into a frozen model, validating everything on the way.
 *
 * Two passes. The first pulls libyaml events (yaml_parser_parse) into a small tree of
 * scalars, sequences and mappings that remembers each event's start mark; it rejects
 * syntax errors, anchors, aliases, tags, NUL characters, several documents and absurd
 * nesting. The second walks that tree generically over the kind registry: every field is
 * looked up by name in the kind's field table, so a new field or kind needs no code here.
 * Keys may come in any order (the tree makes that free); unknown, duplicate and missing keys
 * are errors, as are wrong types and values outside a field's `allowed` list.
 *
 * The top-level database mapping holds the database-wide kinds' lists (objects without a
 * schema); it is required for engines that have such kinds and unknown for the others.
 * The top-level not_compared list (objects the source held but schemadrift does not compare)
 * is read into the model's not-compared list; it has no fingerprint of its own.
 *
 * Finally the model is frozen, which recomputes every fingerprint, and each stored
 * fingerprint is compared with the recomputed one: owned objects first, then the rest, then
 * the file's own, so a hand edit is reported at the innermost object it touched.
 *
 * Every error is SD_ERR_PARSE (or SD_ERR_NOMEM) with err->where = "NAME:LINE:COLUMN",
 * 1-based, pointing at the offending key or value.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "model/model.h"
#include "snapshots/snapshot_int.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/map.h"
#include "util/vec.h"

/* No valid snapshot nests deeper than about a dozen levels; this bounds hostile input. */
#define MAX_DEPTH 64

#define REGENERATE_HINT "regenerate it with `schemadrift inspect SOURCE -o FILE`"

typedef enum node_type {
    NODE_SCALAR, /* s */
    NODE_SEQ,    /* kids: items */
    NODE_MAP     /* kids: key, value, key, value, ... */
} node_type;

/*
 * One node is 24 bytes and a container holds its children inline (an array of nodes, not of
 * pointers), because a big snapshot has millions of scalars: the tree used to take ten
 * times the file's size. Positions past 2^32 lines or columns saturate (4 GB of newlines).
 */
typedef struct node node;
struct node {
    uint32_t line;  /* 0-based line of the event's start mark */
    uint32_t col;   /* 0-based column of the event's start mark */
    uint32_t nkids; /* entries in kids (containers) */
    uint8_t type;   /* node_type: what it is */
    bool plain;     /* scalar was unquoted, so `null` means null and `true` a boolean */
    union {
        const char *s; /* scalar value, NUL-terminated (embedded NULs are rejected) */
        node *kids;    /* sequence items or mapping keys and values, nkids of them */
    };
};

/* An open sequence or mapping while the tree is built. */
typedef struct frame {
    node n;             /* the container */
    size_t start;       /* where its entries so far begin in reader.pending */
    sd_kind stream;     /* a list of objects read as each closes (see below), or SD_KIND__COUNT */
    const char *schema; /* with stream: the schema they belong to */
} frame;

/*
 * Recent short scalars, by hash: keys and common values ("postgres", "false", "null") repeat
 * on every object, so the tree keeps one copy of each instead of millions. A fixed table
 * bounds the cost; a collision only means another copy.
 */
#define SCALAR_CACHE_SIZE 4096u
#define SCALAR_CACHE_MAX  32u /* longer scalars are rarely repeated: always copied */

/* A stored fingerprint to compare once the model is frozen. */
typedef struct fp_check {
    const sd_object *o; /* the object read */
    uint64_t stored;    /* the value in the file */
    node at;            /* where the fingerprint scalar is */
    node obj;           /* where the object's mapping is (for freeze errors) */
} fp_check;

typedef struct reader {
    const char *data;     /* the whole input */
    size_t len;           /* its length */
    const char *name;     /* for err->where */
    sd_arena *scratch;    /* the tree, messages; freed when reading ends */
    bool stream;          /* read schema-level objects while parsing (see parse_tree) */
    sd_arena *item;       /* with stream: the subtree of the object being parsed */
    bool in_item;         /* allocating in item rather than scratch */
    SD_VEC(node) pending; /* entries of the open containers, innermost last */
    const char **cache;   /* SCALAR_CACHE_SIZE recent short scalars, or NULL */
    const char **keys[SD_KIND__COUNT]; /* object_keys() per kind, once computed */
    size_t nkeys[SD_KIND__COUNT];      /* their counts */
    sd_model *m;                       /* the model being built */
    SD_VEC(fp_check) checks;           /* one per object, in file order */
    sd_err *err;                       /* caller's error */
    const char *origin;                /* name, copied once into the model (objects' origin) */
} reader;

/* ---- errors ---- */

static void
set_where(reader *r, size_t line, size_t col)
{
    /* Overwrite: freeze may have put an inner location ("offset 3") there already. */
    r->err->where[0] = '\0';
    sd_err_where(r->err, "%s:%zu:%zu", r->name, line + 1, col + 1);
}

static sd_status nomem(reader *r);

static sd_status fail(reader *r, const node *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static sd_status
fail(reader *r, const node *at, const char *fmt, ...)
{
    sd_buf msg = SD_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sd_buf_vappendf(&msg, fmt, ap);
    va_end(ap);
    if (sd_buf_failed(&msg)) {
        sd_buf_dispose(&msg);
        return nomem(r);
    }
    sd_status rc = sd_err_set(r->err, SD_ERR_PARSE, "%s", sd_buf_cstr(&msg));
    sd_buf_dispose(&msg);
    if (at != NULL)
        set_where(r, at->line, at->col);
    else
        sd_err_where(r->err, "%s", r->name);
    return rc;
}

static sd_status
nomem(reader *r)
{
    return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory reading the snapshot");
}

/* "s" with control characters escaped, for messages (in the scratch arena). */
static const char *
repr(reader *r, const char *s)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_putc(&b, '"');
    sd_buf_append_repr(&b, s);
    sd_buf_putc(&b, '"');
    const char *q = sd_buf_failed(&b) ? "\"?\"" : sd_arena_strdup(r->scratch, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return q != NULL ? q : "\"?\"";
}

/* Line and column of a byte offset (libyaml reports reader errors by offset only). */
static void
offset_pos(const reader *r, size_t offset, size_t *line, size_t *col)
{
    *line = 0;
    *col = 0;
    for (size_t i = 0; i < offset && i < r->len; i++) {
        if (r->data[i] == '\n') {
            (*line)++;
            *col = 0;
        } else if (((unsigned char)r->data[i] & 0xC0) != 0x80) {
            (*col)++; /* count characters, as libyaml's marks do */
        }
    }
}

static sd_status
syntax_error(reader *r, const yaml_parser_t *p)
{
    size_t line = p->problem_mark.line;
    size_t col = p->problem_mark.column;
    if (p->error == YAML_MEMORY_ERROR)
        return nomem(r);
    if (p->error == YAML_READER_ERROR)
        offset_pos(r, p->problem_offset, &line, &col);
    sd_status rc = sd_err_set(r->err, SD_ERR_PARSE, "invalid YAML: %s",
                              p->problem != NULL ? p->problem : "unknown syntax error");
    if (p->context != NULL)
        sd_err_detail(r->err, "%s (line %zu, column %zu)", p->context, p->context_mark.line + 1,
                      p->context_mark.column + 1);
    set_where(r, line, col);
    return rc;
}

/* ---- pass 1: events to a tree ---- */

/* Where tree nodes and scalars go: an object read while parsing is freed right after. */
static sd_arena *
tree_arena(reader *r)
{
    return r->in_item ? r->item : r->scratch;
}

static uint32_t
clamp32(size_t v)
{
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static node
new_node(node_type type, const yaml_event_t *ev)
{
    node n = { .line = clamp32(ev->start_mark.line),
               .col = clamp32(ev->start_mark.column),
               .type = (uint8_t)type };
    return n;
}

typedef SD_VEC(frame) frame_stack;

static sd_status
attach(reader *r, frame_stack *stack, const node *n, node **root)
{
    if (stack->len > 0)
        return sd_vec_push(&r->pending, *n) == SD_OK ? SD_OK : nomem(r);
    *root = sd_arena_alloc(r->scratch, sizeof(**root));
    if (*root == NULL)
        return nomem(r);
    **root = *n;
    return SD_OK;
}

static sd_status
reject_decorations(reader *r, const node *at, const yaml_char_t *anchor, const yaml_char_t *tag)
{
    /* We never write them, and aliases would let a small file expand without bound. */
    if (anchor != NULL)
        return fail(r, at, "YAML anchors and aliases are not allowed in a snapshot");
    if (tag != NULL)
        return fail(r, at, "YAML tags are not allowed in a snapshot");
    return SD_OK;
}

static sd_status
read_object(reader *r, const node *map, sd_kind kind, const char *schema, const char *owner_name);
static bool is_null(const node *n);

/* The value of the first `key` among the entries of map frame f (below its child frame). */
static const node *
pending_value(const reader *r, const frame *f, size_t end, const char *key)
{
    for (size_t i = f->start; i + 1 < end; i += 2) {
        const node *k = &r->pending.items[i];
        if (k->type == NODE_SCALAR && strcmp(k->s, key) == 0)
            return &r->pending.items[i + 1];
    }
    return NULL;
}

/* The key under which child frame c opens in map frame p, or NULL. */
static const node *
pending_key(const reader *r, const frame *p, const frame *c)
{
    if (p->n.type != NODE_MAP || (c->start - p->start) % 2 == 0)
        return NULL;
    const node *k = &r->pending.items[c->start - 1];
    return k->type == NODE_SCALAR ? k : NULL;
}

/*
 * Streaming. A big snapshot is almost all schema-level objects (tables with their columns,
 * indexes, ...), so a list such as schemas[i].tables is not kept as a tree: each item is
 * read into the model as soon as its mapping closes, and its subtree freed. That needs the
 * engine and the schema's name before the list, as written; otherwise (or for a list that
 * is not one of objects) the list is kept whole. The order of validation differs from the
 * tree walk, so on any error the reader starts again without streaming, for the message
 * the tree walk gives (sd_snapshot__read).
 */
static sd_status
stream_list(reader *r, const frame_stack *stack, frame *f)
{
    const frame *top = &stack->items[0];
    const frame *schemas = &stack->items[1];
    const frame *schema = &stack->items[2];
    const node *k1 = pending_key(r, top, schemas);
    const node *k3 = pending_key(r, schema, f);
    if (k1 == NULL || k3 == NULL || schemas->n.type != NODE_SEQ ||
        strcmp(k1->s, sd_snapshot__top_keys[SD_SNAP_TOP_SCHEMAS]) != 0)
        return SD_OK;
    const node *en =
        pending_value(r, top, schemas->start, sd_snapshot__top_keys[SD_SNAP_TOP_ENGINE]);
    const node *nm = pending_value(r, schema, f->start, SD_SNAP_KEY_NAME);
    sd_engine engine = SD_ENGINE_SQLITE;
    if (en == NULL || en->type != NODE_SCALAR || !sd_engine_from_name(en->s, &engine) ||
        nm == NULL || nm->type != NODE_SCALAR || is_null(nm))
        return SD_OK;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (sd_snapshot__nests(engine, SD_KIND_SCHEMA, (sd_kind)k) &&
            strcmp(sd_kind_get((sd_kind)k)->plural, k3->s) == 0) {
            if (r->m == NULL)
                r->m = sd_model_new(engine);
            if (r->m == NULL)
                return nomem(r);
            if (sd_model_engine(r->m) != engine)
                return SD_OK;
            f->stream = (sd_kind)k;
            f->schema = nm->s;
            return SD_OK;
        }
    }
    return SD_OK;
}

/* Read a streamed item into the model, then free its subtree. */
static sd_status
stream_item(reader *r, const frame *list, const node *item)
{
    bool owned = sd_kind_get(list->stream)->owner == SD_KIND_SCHEMA;
    sd_status rc = read_object(r, item, list->stream, list->schema, owned ? list->schema : NULL);
    r->in_item = false;
    sd_arena_free(r->item);
    r->item = NULL;
    /* The cache may point into the subtree just freed. */
    memset(r->cache, 0, SCALAR_CACHE_SIZE * sizeof(*r->cache));
    return rc;
}

static sd_status
open_container(reader *r, frame_stack *stack, node_type type, const yaml_event_t *ev)
{
    frame f = { new_node(type, ev), r->pending.len, SD_KIND__COUNT, NULL };
    const yaml_char_t *anchor =
        type == NODE_SEQ ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
    const yaml_char_t *tag =
        type == NODE_SEQ ? ev->data.sequence_start.tag : ev->data.mapping_start.tag;
    sd_status rc = reject_decorations(r, &f.n, anchor, tag);
    if (rc != SD_OK)
        return rc;
    if (stack->len >= MAX_DEPTH)
        return fail(r, &f.n, "the snapshot nests deeper than %d levels", MAX_DEPTH);
    if (r->stream && r->cache != NULL && type == NODE_SEQ && stack->len == 3) {
        rc = stream_list(r, stack, &f);
        if (rc != SD_OK)
            return rc;
    }
    if (type == NODE_MAP && stack->len == 4 && stack->items[3].stream != SD_KIND__COUNT) {
        r->item = sd_arena_new();
        if (r->item == NULL)
            return nomem(r);
        r->in_item = true;
    }
    if (sd_vec_push(stack, f) != SD_OK)
        return nomem(r);
    return SD_OK;
}

static sd_status
close_container(reader *r, frame_stack *stack, node **root)
{
    if (stack->len == 0)
        return sd_err_set(r->err, SD_ERR, "internal error: unbalanced YAML events");
    frame f = stack->items[--stack->len];
    size_t n = r->pending.len - f.start;
    if (n > UINT32_MAX)
        return nomem(r);
    f.n.nkids = (uint32_t)n;
    if (n > 0) {
        /* Move the entries out of pending into their final, exactly sized place. */
        f.n.kids = sd_arena_array(tree_arena(r), node, n);
        if (f.n.kids == NULL)
            return nomem(r);
        memcpy(f.n.kids, r->pending.items + f.start, n * sizeof(node));
        r->pending.len = f.start;
    }
    if (r->in_item && stack->len == 4)
        return stream_item(r, &stack->items[3], &f.n);
    return attach(r, stack, &f.n, root);
}

/* FNV-1a: short keys only, and any spread will do for a cache. */
static uint32_t
hash_scalar(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* A copy of v in the scratch arena, shared with an equal recent scalar when there is one. */
static const char *
copy_scalar(reader *r, const char *v, size_t len)
{
    if (len > SCALAR_CACHE_MAX || r->cache == NULL)
        return sd_arena_strndup(tree_arena(r), v, len);
    const char **slot = &r->cache[hash_scalar(v, len) & (SCALAR_CACHE_SIZE - 1)];
    if (*slot != NULL && strncmp(*slot, v, len) == 0 && (*slot)[len] == '\0')
        return *slot;
    const char *copy = sd_arena_strndup(tree_arena(r), v, len);
    if (copy != NULL)
        *slot = copy;
    return copy;
}

static sd_status
take_scalar(reader *r, frame_stack *stack, const yaml_event_t *ev, node **root)
{
    node n = new_node(NODE_SCALAR, ev);
    sd_status rc = reject_decorations(r, &n, ev->data.scalar.anchor, ev->data.scalar.tag);
    if (rc != SD_OK)
        return rc;
    const char *v = (const char *)ev->data.scalar.value;
    size_t len = ev->data.scalar.length;
    if (memchr(v, '\0', len) != NULL)
        return fail(r, &n, "NUL characters are not allowed in a snapshot");
    /* Copy now: the event's memory goes at yaml_event_delete(). */
    n.s = copy_scalar(r, v, len);
    if (n.s == NULL)
        return nomem(r);
    n.plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    return attach(r, stack, &n, root);
}

/* Fold one event into the tree; *done at the end of the stream. */
static sd_status
take_event(reader *r,
           frame_stack *stack,
           const yaml_event_t *ev,
           size_t *docs,
           node **root,
           bool *done)
{
    node at = { .line = clamp32(ev->start_mark.line), .col = clamp32(ev->start_mark.column) };
    switch (ev->type) {
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
        return SD_OK;
    case YAML_STREAM_END_EVENT:
        *done = true;
        return SD_OK;
    case YAML_DOCUMENT_START_EVENT:
        if (++*docs > 1)
            return fail(r, &at, "a snapshot holds a single YAML document");
        return SD_OK;
    case YAML_ALIAS_EVENT:
        return fail(r, &at, "YAML anchors and aliases are not allowed in a snapshot");
    case YAML_SCALAR_EVENT:
        return take_scalar(r, stack, ev, root);
    case YAML_SEQUENCE_START_EVENT:
        return open_container(r, stack, NODE_SEQ, ev);
    case YAML_MAPPING_START_EVENT:
        return open_container(r, stack, NODE_MAP, ev);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return close_container(r, stack, root);
    }
    return SD_OK;
}

static sd_status
parse_tree(reader *r, node **root)
{
    sd_status rc = SD_OK;
    yaml_parser_t parser;
    bool parser_init = false;
    yaml_event_t ev;
    bool have_ev = false;
    frame_stack stack = SD_VEC_INIT;
    size_t docs = 0;
    bool done = false;

    *root = NULL;
    r->cache = sd_arena_array(r->scratch, const char *, SCALAR_CACHE_SIZE);
    if (!yaml_parser_initialize(&parser)) {
        rc = nomem(r);
        goto out;
    }
    parser_init = true;
    yaml_parser_set_input_string(&parser, (const unsigned char *)r->data, r->len);
    /* Snapshots are UTF-8; do not let a BOM switch libyaml to UTF-16. */
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    while (!done) {
        if (!yaml_parser_parse(&parser, &ev)) {
            rc = syntax_error(r, &parser);
            goto out;
        }
        have_ev = true;
        rc = take_event(r, &stack, &ev, &docs, root, &done);
        if (rc != SD_OK)
            goto out;
        yaml_event_delete(&ev);
        have_ev = false;
    }
out:
    if (have_ev)
        yaml_event_delete(&ev);
    sd_vec_dispose(&stack);
    sd_vec_dispose(&r->pending);
    sd_arena_free(r->item);
    r->item = NULL;
    r->in_item = false;
    if (parser_init)
        yaml_parser_delete(&parser);
    return rc;
}

/* ---- pass 2: tree to model ---- */

static const node *
lookup(const node *map, const char *key)
{
    for (size_t i = 0; i + 1 < map->nkids; i += 2)
        if (map->kids[i].type == NODE_SCALAR && strcmp(map->kids[i].s, key) == 0)
            return &map->kids[i + 1];
    return NULL;
}

/* lookup() where the key is expected as the at-th entry (the writer's order): checked there
 * first, so that reading an object's keys in order stays linear. */
static const node *
lookup_at(const node *map, const char *key, size_t at)
{
    if (2 * at + 1 < map->nkids && map->kids[2 * at].type == NODE_SCALAR &&
        strcmp(map->kids[2 * at].s, key) == 0)
        return &map->kids[2 * at + 1];
    return lookup(map, key);
}

static bool
is_null(const node *n)
{
    if (n->type != NODE_SCALAR || !n->plain)
        return false;
    return n->s[0] == '\0' || strcmp(n->s, "~") == 0 || strcmp(n->s, "null") == 0 ||
           strcmp(n->s, "Null") == 0 || strcmp(n->s, "NULL") == 0;
}

/* "a, b, c" in the scratch arena, for hints. */
static const char *
join(reader *r, const char *const *items, size_t n)
{
    sd_buf b = SD_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            sd_buf_append(&b, ", ");
        sd_buf_append(&b, items[i]);
    }
    const char *s = sd_buf_failed(&b) ? NULL : sd_arena_strdup(r->scratch, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return s != NULL ? s : "";
}

/* Whether key names the list of a kind (a schema's "tables", the database's "casts"). */
static bool
is_collection(const char *key)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        if (strcmp(sd_kind_get((sd_kind)k)->plural, key) == 0)
            return true;
    return false;
}

/*
 * Every key of map must be one of keys[0..n), none twice, and all of them present.
 * what names the mapping in messages ("table \"orders\"").
 */
static sd_status
check_keys(reader *r, const node *map, const char *const *keys, size_t n, const char *what)
{
    /* The writer's order: one pass (the checks below are quadratic, and a snapshot of 10,000
     * tables holds hundreds of thousands of these mappings). */
    if (map->nkids == 2 * n) {
        size_t j = 0;
        while (j < n && map->kids[2 * j].type == NODE_SCALAR &&
               strcmp(map->kids[2 * j].s, keys[j]) == 0)
            j++;
        if (j == n)
            return SD_OK;
    }
    for (size_t i = 0; i + 1 < map->nkids; i += 2) {
        const node *k = &map->kids[i];
        if (k->type != NODE_SCALAR)
            return fail(r, k, "expected a plain key in %s", what);
        size_t j = 0;
        while (j < n && strcmp(keys[j], k->s) != 0)
            j++;
        if (j == n) {
            sd_status rc = fail(r, k, "unknown key %s in %s", repr(r, k->s), what);
            sd_err_hint(r->err, "valid keys are: %s", join(r, keys, n));
            return rc;
        }
        for (size_t p = 0; p < i; p += 2)
            if (strcmp(map->kids[p].s, k->s) == 0)
                return fail(r, k, "duplicate key %s in %s", repr(r, k->s), what);
    }
    for (size_t j = 0; j < n; j++) {
        if (lookup(map, keys[j]) != NULL)
            continue;
        sd_status rc = fail(r, map, "missing key \"%s\" in %s", keys[j], what);
        if (is_collection(keys[j])) {
            sd_err_hint(r->err,
                        "a snapshot written before schemadrift compared %s has no such list "
                        "(reading it as empty would report them all as drift); " REGENERATE_HINT,
                        keys[j]);
        }
        return rc;
    }
    return SD_OK;
}

/* A value the caller looked up and found missing (callers check required keys first; this
 * keeps a lookup's NULL from ever being read). */
static sd_status
absent(reader *r, const char *key, const char *what)
{
    return sd_err_set(r->err, SD_ERR_PARSE, "missing key \"%s\" in %s", key, what);
}

static sd_status
get_bool(reader *r, const node *v, const char *key, const char *what, bool *out)
{
    if (v == NULL)
        return absent(r, key, what);
    if (v->type == NODE_SCALAR && v->plain && strcmp(v->s, "true") == 0) {
        *out = true;
        return SD_OK;
    }
    if (v->type == NODE_SCALAR && v->plain && strcmp(v->s, "false") == 0) {
        *out = false;
        return SD_OK;
    }
    return fail(r, v, "expected true or false for \"%s\" in %s", key, what);
}

static sd_status
get_int(reader *r, const node *v, const char *key, const char *what, int64_t *out)
{
    const char *s = v->type == NODE_SCALAR && v->plain ? v->s : "";
    const char *digits = s[0] == '-' ? s + 1 : s;
    bool ok = digits[0] != '\0' && strspn(digits, "0123456789") == strlen(digits);
    if (ok) {
        char *end = NULL;
        errno = 0;
        long long x = strtoll(s, &end, 10);
        ok = errno == 0 && end != NULL && *end == '\0';
        *out = (int64_t)x;
    }
    if (!ok)
        return fail(r, v, "expected an integer for \"%s\" in %s", key, what);
    return SD_OK;
}

/* A string (any scalar that is not a plain null), or NULL when nullable allows. */
static sd_status
get_str(reader *r,
        const node *v,
        const char *key,
        const char *what,
        bool nullable,
        const char **out)
{
    if (nullable && is_null(v)) {
        *out = NULL;
        return SD_OK;
    }
    if (v->type != NODE_SCALAR || is_null(v))
        return fail(r, v, "expected a string%s for \"%s\" in %s", nullable ? " or null" : "", key,
                    what);
    *out = v->s;
    return SD_OK;
}

static sd_status
get_fingerprint(reader *r, const node *v, const char *what, uint64_t *out)
{
    if (v == NULL)
        return absent(r, SD_SNAP_KEY_FINGERPRINT, what);
    bool ok =
        v->type == NODE_SCALAR && strlen(v->s) == 16 && strspn(v->s, "0123456789abcdef") == 16;
    if (!ok)
        return fail(r, v, "expected 16 lower-case hexadecimal digits for \"%s\" in %s",
                    SD_SNAP_KEY_FINGERPRINT, what);
    *out = (uint64_t)strtoull(v->s, NULL, 16);
    return SD_OK;
}

static sd_status
get_seq(reader *r, const node *v, const char *key, const char *what)
{
    if (v == NULL)
        return absent(r, key, what);
    if (v->type != NODE_SEQ)
        return fail(r, v, "expected a list for \"%s\" in %s", key, what);
    return SD_OK;
}

static sd_status
check_allowed(reader *r, const node *v, const sd_field_info *fi, const char *s, const char *what)
{
    if (s == NULL || fi->allowed == NULL)
        return SD_OK;
    size_t n = 0;
    for (; fi->allowed[n] != NULL; n++)
        if (strcmp(fi->allowed[n], s) == 0)
            return SD_OK;
    sd_status rc = fail(r, v, "invalid value %s for \"%s\" in %s", repr(r, s), fi->name, what);
    sd_err_hint(r->err, "valid values are: %s", join(r, fi->allowed, n));
    return rc;
}

static sd_status
read_keypart_as(reader *r, sd_object *o, int f, const node *map, const char *kwhat)
{
    const char *const *kk = sd_snapshot__keypart_keys;
    sd_keypart kp = { 0 };
    const char *expr = NULL;
    if (map->type != NODE_MAP)
        return fail(r, map, "expected a mapping for %s", kwhat);
    sd_status rc = check_keys(r, map, kk, SD_SNAP_KP__COUNT, kwhat);
    if (rc == SD_OK)
        rc = get_str(r, lookup(map, kk[SD_SNAP_KP_COLUMN]), kk[SD_SNAP_KP_COLUMN], kwhat, true,
                     &kp.column);
    if (rc == SD_OK)
        rc = get_str(r, lookup(map, kk[SD_SNAP_KP_EXPRESSION]), kk[SD_SNAP_KP_EXPRESSION], kwhat,
                     true, &expr);
    if (rc == SD_OK)
        rc = get_str(r, lookup(map, kk[SD_SNAP_KP_COLLATION]), kk[SD_SNAP_KP_COLLATION], kwhat,
                     true, &kp.collation);
    if (rc == SD_OK)
        rc = get_str(r, lookup(map, kk[SD_SNAP_KP_OPCLASS]), kk[SD_SNAP_KP_OPCLASS], kwhat, true,
                     &kp.opclass);
    if (rc == SD_OK)
        rc = get_bool(r, lookup(map, kk[SD_SNAP_KP_DESC]), kk[SD_SNAP_KP_DESC], kwhat, &kp.desc);
    if (rc == SD_OK)
        rc = get_str(r, lookup(map, kk[SD_SNAP_KP_NULLS]), kk[SD_SNAP_KP_NULLS], kwhat, true,
                     &kp.nulls);
    if (rc != SD_OK)
        return rc;
    kp.expr.text = expr;
    sd_obj_add_key(r->m, o, f, &kp);
    return SD_OK;
}

/*
 * Descriptions of objects, key parts and dependencies live on the heap only while their
 * object is read: kept in the scratch arena they took as much as the tree itself.
 */
static sd_status
read_keypart(reader *r, sd_object *o, int f, const node *map, size_t idx, const char *what)
{
    sd_buf kwhat = SD_BUF_INIT;
    sd_buf_appendf(&kwhat, "key part %zu of %s", idx + 1, what);
    sd_status rc =
        sd_buf_failed(&kwhat) ? nomem(r) : read_keypart_as(r, o, f, map, sd_buf_cstr(&kwhat));
    sd_buf_dispose(&kwhat);
    return rc;
}

/* One field, looked up by the registry's name and read by the registry's type. */
static sd_status
read_field(reader *r, sd_object *o, int f, const sd_field_info *fi, const node *v, const char *what)
{
    sd_status rc = SD_OK;
    bool b = false;
    int64_t i = 0;
    const char *s = NULL;

    switch (fi->type) {
    case SD_FIELD_BOOL:
        rc = get_bool(r, v, fi->name, what, &b);
        if (rc == SD_OK)
            sd_obj_set_bool(o, f, b);
        return rc;
    case SD_FIELD_INT:
        rc = get_int(r, v, fi->name, what, &i);
        if (rc == SD_OK)
            sd_obj_set_int(o, f, i);
        return rc;
    case SD_FIELD_STRING:
        rc = get_str(r, v, fi->name, what, true, &s);
        if (rc == SD_OK)
            rc = check_allowed(r, v, fi, s, what);
        if (rc == SD_OK)
            sd_obj_set_str(r->m, o, f, s);
        return rc;
    case SD_FIELD_SQL:
        rc = get_str(r, v, fi->name, what, true, &s);
        if (rc == SD_OK)
            sd_obj_set_sql(r->m, o, f, s);
        return rc;
    case SD_FIELD_NAMES:
        rc = get_seq(r, v, fi->name, what);
        for (size_t k = 0; k < v->nkids && rc == SD_OK; k++) {
            rc = get_str(r, &v->kids[k], fi->name, what, false, &s);
            if (rc == SD_OK)
                sd_obj_add_name(r->m, o, f, s);
        }
        return rc;
    case SD_FIELD_KEYS:
        rc = get_seq(r, v, fi->name, what);
        for (size_t k = 0; k < v->nkids && rc == SD_OK; k++)
            rc = read_keypart(r, o, f, &v->kids[k], k, what);
        return rc;
    case SD_FIELD__COUNT:
        break;
    }
    return fail(r, v, "internal error: field \"%s\" has an unknown type", fi->name);
}

static const char *
kind_names(reader *r)
{
    const char *names[SD_KIND__COUNT];
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        names[k] = sd_kind_get((sd_kind)k)->name;
    return join(r, names, SD_KIND__COUNT);
}

static sd_status
read_dep_as(reader *r, sd_object *o, const node *map, const char *dwhat)
{
    if (map->type != NODE_MAP)
        return fail(r, map, "expected a mapping for %s", dwhat);
    /* The kind decides the other keys (`table` only for kinds with one), so read it first. */
    const node *kn = lookup(map, SD_SNAP_KEY_KIND);
    if (kn == NULL)
        return fail(r, map, "missing key \"%s\" in %s", SD_SNAP_KEY_KIND, dwhat);
    sd_kind kind = SD_KIND__COUNT;
    const char *ks = NULL;
    sd_status rc = get_str(r, kn, SD_SNAP_KEY_KIND, dwhat, false, &ks);
    if (rc != SD_OK)
        return rc;
    if (ks == NULL) /* get_str() does not give NULL when not nullable */
        return fail(r, kn, "internal error: no kind in %s", dwhat);
    if (!sd_kind_from_name(ks, &kind) || strcmp(sd_kind_get(kind)->name, ks) != 0) {
        rc = fail(r, kn, "unknown object kind %s in %s", repr(r, ks), dwhat);
        sd_err_hint(r->err, "valid kinds are: %s", kind_names(r));
        return rc;
    }
    const sd_kind_info *ki = sd_kind_get(kind);
    const char *keys[4];
    size_t n = 0;
    bool db_wide = ki->scope == SD_SCOPE_DATABASE; /* no schema */
    keys[n++] = SD_SNAP_KEY_KIND;
    if (!db_wide)
        keys[n++] = SD_SNAP_KEY_SCHEMA;
    if (ki->has_table)
        keys[n++] = SD_SNAP_KEY_TABLE;
    keys[n++] = SD_SNAP_KEY_NAME;
    rc = check_keys(r, map, keys, n, dwhat);
    const char *schema = NULL;
    const char *table = NULL;
    const char *name = NULL;
    if (rc == SD_OK && !db_wide)
        rc = get_str(r, lookup(map, SD_SNAP_KEY_SCHEMA), SD_SNAP_KEY_SCHEMA, dwhat, false, &schema);
    if (rc == SD_OK && ki->has_table)
        rc = get_str(r, lookup(map, SD_SNAP_KEY_TABLE), SD_SNAP_KEY_TABLE, dwhat, false, &table);
    if (rc == SD_OK)
        rc = get_str(r, lookup(map, SD_SNAP_KEY_NAME), SD_SNAP_KEY_NAME, dwhat, !ki->name_required,
                     &name);
    if (rc == SD_OK)
        sd_obj_add_dep(r->m, o, kind, schema, table, name);
    return rc;
}

static sd_status
read_dep(reader *r, sd_object *o, const node *map, size_t idx, const char *what)
{
    sd_buf dwhat = SD_BUF_INIT;
    sd_buf_appendf(&dwhat, "dependency %zu of %s", idx + 1, what);
    sd_status rc = sd_buf_failed(&dwhat) ? nomem(r) : read_dep_as(r, o, map, sd_buf_cstr(&dwhat));
    sd_buf_dispose(&dwhat);
    return rc;
}

/* "table \"orders\"", "column \"id\" of table \"orders\"", "unnamed check constraint ...". */
static void
describe(sd_buf *b, const sd_kind_info *ki, const node *name, const char *owner_name)
{
    if (name != NULL && name->type == NODE_SCALAR && !is_null(name)) {
        sd_buf_appendf(b, "%s \"", ki->label);
        sd_buf_append_repr(b, name->s);
        sd_buf_putc(b, '"');
    } else {
        sd_buf_appendf(b, "unnamed %s", ki->label);
    }
    if (owner_name != NULL) {
        sd_buf_appendf(b, " of %s \"", sd_kind_get(ki->owner)->label);
        sd_buf_append_repr(b, owner_name);
        sd_buf_putc(b, '"');
    }
}

/* The keys an object of this kind has, in the order they are written. */
static const char **
object_keys(reader *r, const sd_kind_info *ki, size_t *n)
{
    /* Once per kind: the list depends on the kind and the engine only. */
    if (r->keys[ki->kind] != NULL) {
        *n = r->nkeys[ki->kind];
        return r->keys[ki->kind];
    }
    const char **keys = sd_arena_array(r->scratch, const char *, 4 + ki->nfields + SD_KIND__COUNT);
    if (keys == NULL)
        return NULL;
    *n = 0;
    keys[(*n)++] = SD_SNAP_KEY_NAME;
    if (sd_snapshot__writes_table(ki->kind))
        keys[(*n)++] = SD_SNAP_KEY_TABLE;
    keys[(*n)++] = SD_SNAP_KEY_FINGERPRINT;
    for (size_t f = 0; f < ki->nfields; f++)
        if (sd_field_for_engine(&ki->fields[f], sd_model_engine(r->m)))
            keys[(*n)++] = ki->fields[f].name;
    keys[(*n)++] = SD_SNAP_KEY_DEPENDS_ON;
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        if (sd_snapshot__nests(sd_model_engine(r->m), ki->kind, (sd_kind)k))
            keys[(*n)++] = sd_kind_get((sd_kind)k)->plural;
    r->keys[ki->kind] = keys;
    r->nkeys[ki->kind] = *n;
    return keys;
}

static sd_status
read_children(reader *r, const node *map, const sd_object *o, const char *what)
{
    sd_status rc = SD_OK;
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++) {
        if (!sd_snapshot__nests(sd_model_engine(r->m), o->kind, (sd_kind)k))
            continue;
        const char *plural = sd_kind_get((sd_kind)k)->plural;
        const node *list = lookup(map, plural);
        rc = get_seq(r, list, plural, what);
        /* Owned kinds name their owner; schema-level kinds carry `table` themselves. */
        bool owned = sd_kind_get((sd_kind)k)->owner == o->kind;
        for (size_t i = 0; rc == SD_OK && i < list->nkids; i++)
            rc = read_object(r, &list->kids[i], (sd_kind)k, o->schema, owned ? o->name : NULL);
    }
    return rc;
}

static sd_status
read_object_as(reader *r,
               const node *map,
               sd_kind kind,
               const char *schema,
               const char *owner_name,
               const char *what)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    size_t nkeys = 0;
    const char **keys = object_keys(r, ki, &nkeys);
    if (keys == NULL)
        return nomem(r);
    sd_status rc = check_keys(r, map, keys, nkeys, what);
    if (rc != SD_OK)
        return rc;

    const char *name = NULL;
    const char *table = owner_name;
    uint64_t fp = 0;
    rc = get_str(r, lookup(map, SD_SNAP_KEY_NAME), SD_SNAP_KEY_NAME, what, !ki->name_required,
                 &name);
    if (rc == SD_OK && sd_snapshot__writes_table(kind))
        rc = get_str(r, lookup(map, SD_SNAP_KEY_TABLE), SD_SNAP_KEY_TABLE, what, false, &table);
    if (rc == SD_OK)
        rc = get_fingerprint(r, lookup(map, SD_SNAP_KEY_FINGERPRINT), what, &fp);
    if (rc != SD_OK)
        return rc;

    sd_object *o = NULL;
    /* A schema is its own schema: the one identity rule the registry does not state. */
    rc = sd_model_add(r->m, kind, kind == SD_KIND_SCHEMA ? name : schema, table, name, &o, r->err);
    if (rc != SD_OK) {
        set_where(r, map->line, map->col);
        return rc;
    }
    /* Where it is, so that a writer refusing its SQL text can say which line to look at. */
    if (r->origin == NULL && (r->origin = sd_model_strdup(r->m, r->name)) == NULL)
        return nomem(r);
    sd_obj_set_origin(o, r->origin, map->line + 1, map->col + 1);
    /* Positions only: a streamed object's tree is gone by the time they are needed. */
    const node *fpn = lookup(map, SD_SNAP_KEY_FINGERPRINT);
    if (fpn == NULL)
        fpn = map; /* checked present before; the map's own position otherwise */
    fp_check c = { .o = o,
                   .stored = fp,
                   .at = { .line = fpn->line, .col = fpn->col },
                   .obj = { .line = map->line, .col = map->col } };
    if (sd_vec_push(&r->checks, c) != SD_OK)
        return nomem(r);

    /* keys[] is object_keys()' list, in the order the writer writes them. */
    size_t at = sd_snapshot__writes_table(kind) ? 3 : 2;
    for (size_t f = 0; f < ki->nfields && rc == SD_OK; f++) {
        if (!sd_field_for_engine(&ki->fields[f], sd_model_engine(r->m)))
            continue;
        const node *v = lookup_at(map, ki->fields[f].name, at++);
        rc = read_field(r, o, (int)f, &ki->fields[f], v, what);
    }
    const node *deps = lookup_at(map, SD_SNAP_KEY_DEPENDS_ON, at);
    if (rc == SD_OK)
        rc = get_seq(r, deps, SD_SNAP_KEY_DEPENDS_ON, what);
    for (size_t i = 0; rc == SD_OK && i < deps->nkids; i++)
        rc = read_dep(r, o, &deps->kids[i], i, what);
    if (rc == SD_OK)
        rc = read_children(r, map, o, what);
    return rc;
}

static sd_status
read_object(reader *r, const node *map, sd_kind kind, const char *schema, const char *owner_name)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    if (map->type != NODE_MAP)
        return fail(r, map, "expected a mapping for each %s", ki->label);
    sd_buf what = SD_BUF_INIT;
    describe(&what, ki, lookup(map, SD_SNAP_KEY_NAME), owner_name);
    sd_status rc = sd_buf_failed(&what)
                       ? nomem(r)
                       : read_object_as(r, map, kind, schema, owner_name, sd_buf_cstr(&what));
    sd_buf_dispose(&what);
    return rc;
}

/*
 * sd_model_freeze() names the offending object but knows no file position. It processes
 * kinds in order and objects in insertion order, setting each object's key before checking
 * it for duplicates, so the object it stopped at is the first with no key (its SQL text did
 * not normalize) or the first whose key repeats an earlier one. Find it, to point there.
 */
static const node *
freeze_culprit(const reader *r)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        sd_map seen = SD_MAP_INIT;
        const node *hit = NULL;
        for (size_t i = 0; i < r->checks.len && hit == NULL; i++) {
            const fp_check *c = &r->checks.items[i];
            if (c->o->kind != (sd_kind)k)
                continue;
            if (c->o->key == NULL || sd_map_get(&seen, c->o->key) != NULL ||
                sd_map_put(&seen, c->o->key, (void *)c) != SD_OK)
                hit = &c->obj;
        }
        sd_map_dispose(&seen);
        if (hit != NULL)
            return hit;
    }
    return NULL;
}

static sd_status
mismatch(reader *r, const fp_check *c, uint64_t computed)
{
    sd_buf d = SD_BUF_INIT;
    sd_object_describe(&d, c->o);
    sd_status rc =
        fail(r, &c->at, "fingerprint of %s does not match its contents", sd_buf_cstr(&d));
    sd_buf_dispose(&d);
    sd_err_detail(r->err, "stored %016" PRIx64 ", computed %016" PRIx64 " from the contents",
                  c->stored, computed);
    sd_err_hint(r->err, "the snapshot was edited by hand or is corrupt; " REGENERATE_HINT);
    return rc;
}

/* Owned objects first: an edited column shows as the column, not as its table. */
static sd_status
verify(reader *r, const node *top_fp, uint64_t stored)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < r->checks.len; i++) {
            const fp_check *c = &r->checks.items[i];
            bool owned = sd_kind_get(c->o->kind)->owner != SD_KIND__COUNT;
            if (owned == (pass == 0) && c->o->fingerprint != c->stored)
                return mismatch(r, c, c->o->fingerprint);
        }
    }
    uint64_t computed = sd_model_fingerprint(r->m);
    if (computed != stored) {
        sd_status rc = fail(r, top_fp, "fingerprint of the snapshot does not match its contents");
        sd_err_detail(r->err, "stored %016" PRIx64 ", computed %016" PRIx64 " from the contents",
                      stored, computed);
        sd_err_hint(r->err, "the snapshot was edited by hand or is corrupt; " REGENERATE_HINT);
        return rc;
    }
    return SD_OK;
}

/* One entry of not_compared: a {kind, name} mapping, each pair at most once. */
static sd_status
read_uncompared_entry(reader *r, const node *map, size_t idx, sd_map *seen)
{
    static const char *const keys[] = { SD_SNAP_KEY_KIND, SD_SNAP_KEY_NAME };
    const char *what = sd_arena_sprintf(r->scratch, "entry %zu of %s", idx + 1,
                                        sd_snapshot__top_keys[SD_SNAP_TOP_NOT_COMPARED]);
    const char *kind = NULL;
    const char *name = NULL;
    if (what == NULL)
        return nomem(r);
    if (map->type != NODE_MAP)
        return fail(r, map, "expected a mapping for %s", what);
    sd_status rc = check_keys(r, map, keys, 2, what);
    if (rc != SD_OK)
        return rc;
    const node *kn = lookup(map, SD_SNAP_KEY_KIND);
    const node *nn = lookup(map, SD_SNAP_KEY_NAME);
    if (kn == NULL || nn == NULL)
        return fail(r, map, "internal error: keys of %s vanished", what);
    rc = get_str(r, kn, SD_SNAP_KEY_KIND, what, false, &kind);
    if (rc == SD_OK)
        rc = get_str(r, nn, SD_SNAP_KEY_NAME, what, false, &name);
    if (rc != SD_OK)
        return rc;
    if (kind == NULL || name == NULL)
        return fail(r, map, "internal error: no kind or name in %s", what);
    /* kind NUL name: scalars hold no NUL, so the pair is unambiguous. */
    size_t klen = strlen(kind);
    size_t len = klen + 1 + strlen(name);
    char *pair = sd_arena_alloc(r->scratch, len + 1);
    if (pair == NULL)
        return nomem(r);
    memcpy(pair, kind, klen + 1);
    memcpy(pair + klen + 1, name, len - klen);
    if (sd_map_getn(seen, pair, len) != NULL)
        return fail(r, map, "duplicate entry %s %s in \"%s\"", repr(r, kind), repr(r, name),
                    sd_snapshot__top_keys[SD_SNAP_TOP_NOT_COMPARED]);
    if (sd_map_putn(seen, pair, len, (void *)map) != SD_OK)
        return nomem(r);
    sd_model_add_uncompared(r->m, kind, name);
    return SD_OK;
}

/* not_compared: objects the source held but schemadrift does not compare (no fingerprint). */
static sd_status
read_uncompared(reader *r, const node *list, const char *what)
{
    sd_map seen = SD_MAP_INIT;
    sd_status rc = get_seq(r, list, sd_snapshot__top_keys[SD_SNAP_TOP_NOT_COMPARED], what);
    for (size_t i = 0; i < list->nkids && rc == SD_OK; i++)
        rc = read_uncompared_entry(r, &list->kids[i], i, &seen);
    sd_map_dispose(&seen);
    return rc;
}

/* database: a mapping of one list per database-wide kind of the engine (all present). */
static sd_status
read_database(reader *r, const node *db)
{
    const char *what = sd_snapshot__top_keys[SD_SNAP_TOP_DATABASE];
    sd_engine e = sd_model_engine(r->m);
    const char *keys[SD_KIND__COUNT];
    size_t n = 0;
    if (db == NULL) /* the caller checked the key present: cannot happen */
        return fail(r, NULL, "internal error: no \"%s\" mapping", what);
    if (db->type != NODE_MAP)
        return fail(r, db, "expected a mapping for \"%s\"", what);
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        if (sd_snapshot__in_database(e, (sd_kind)k))
            keys[n++] = sd_kind_get((sd_kind)k)->plural;
    sd_status rc = check_keys(r, db, keys, n, what);
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++) {
        if (!sd_snapshot__in_database(e, (sd_kind)k))
            continue;
        const char *plural = sd_kind_get((sd_kind)k)->plural;
        const node *list = lookup(db, plural);
        rc = get_seq(r, list, plural, what);
        for (size_t i = 0; rc == SD_OK && i < list->nkids; i++)
            rc = read_object(r, &list->kids[i], (sd_kind)k, NULL, NULL);
    }
    return rc;
}

static const char *
engine_names(reader *r)
{
    const char *names[SD_ENGINE__COUNT];
    for (size_t e = 0; e < SD_ENGINE__COUNT; e++)
        names[e] = sd_engine_name((sd_engine)e);
    return join(r, names, SD_ENGINE__COUNT);
}

static sd_status
read_top(reader *r, const node *root, unsigned flags)
{
    const char *const *tk = sd_snapshot__top_keys;
    const char *what = "the top-level mapping";
    node start = { .line = 0, .col = 0 };

    if (root == NULL) {
        sd_status rc = fail(r, &start, "the snapshot is empty");
        sd_err_hint(r->err, "a snapshot starts with `schemadrift_snapshot: %d`; " REGENERATE_HINT,
                    SD_SNAPSHOT_VERSION);
        return rc;
    }
    if (root->type != NODE_MAP)
        return fail(r, root, "expected a mapping at the top level of the snapshot");
    /* The version first: a newer format may have keys this reader does not know. */
    const node *ver = lookup(root, tk[SD_SNAP_TOP_VERSION]);
    if (ver != NULL) {
        int64_t v = 0;
        sd_status rc = get_int(r, ver, tk[SD_SNAP_TOP_VERSION], what, &v);
        if (rc != SD_OK)
            return rc;
        if (v != SD_SNAPSHOT_VERSION) {
            rc = fail(r, ver, "unsupported snapshot version %" PRId64, v);
            sd_err_hint(r->err,
                        "this version of schemadrift reads snapshot version %d; " REGENERATE_HINT,
                        SD_SNAPSHOT_VERSION);
            return rc;
        }
    }
    /* not_compared (the last key) is required for engines that write it, and allowed for
     * every engine; the engine is validated properly below. */
    const node *nc = lookup(root, tk[SD_SNAP_TOP_NOT_COMPARED]);
    const node *en = lookup(root, tk[SD_SNAP_TOP_ENGINE]);
    sd_engine engine = SD_ENGINE_SQLITE;
    bool nc_required = en != NULL && en->type == NODE_SCALAR &&
                       sd_engine_from_name(en->s, &engine) &&
                       sd_snapshot__requires_uncompared(engine);
    /* database is required exactly for engines with database-wide kinds (and refused for
     * the others: an unknown key). */
    bool db_required = en != NULL && en->type == NODE_SCALAR &&
                       sd_engine_from_name(en->s, &engine) && sd_snapshot__has_database(engine);
    const char *keys[SD_SNAP_TOP__COUNT];
    size_t nkeys = 0;
    for (size_t k = 0; k < SD_SNAP_TOP__COUNT; k++) {
        if ((k == SD_SNAP_TOP_DATABASE && !db_required) ||
            (k == SD_SNAP_TOP_NOT_COMPARED && !nc_required && nc == NULL))
            continue;
        keys[nkeys++] = tk[k];
    }
    sd_status rc = check_keys(r, root, keys, nkeys, what);
    if (rc != SD_OK && db_required && lookup(root, tk[SD_SNAP_TOP_DATABASE]) == NULL)
        sd_err_hint(r->err, "snapshots written before event triggers and casts were compared have "
                            "no `database:` section; " REGENERATE_HINT);
    if (rc != SD_OK)
        return rc;
    if (en == NULL) /* check_keys() saw it: cannot happen */
        return fail(r, root, "missing key \"%s\" in %s", tk[SD_SNAP_TOP_ENGINE], what);

    const char *engine_name = NULL;
    rc = get_str(r, en, tk[SD_SNAP_TOP_ENGINE], what, false, &engine_name);
    if (rc != SD_OK)
        return rc;
    if (!sd_engine_from_name(engine_name, &engine)) {
        rc = fail(r, en, "unknown engine %s", repr(r, engine_name));
        sd_err_hint(r->err, "valid engines are: %s", engine_names(r));
        return rc;
    }
    const node *top_fp = lookup(root, tk[SD_SNAP_TOP_FINGERPRINT]);
    uint64_t stored = 0;
    rc = get_fingerprint(r, top_fp, what, &stored);
    if (rc != SD_OK)
        return rc;
    const node *schemas = lookup(root, tk[SD_SNAP_TOP_SCHEMAS]);
    rc = get_seq(r, schemas, tk[SD_SNAP_TOP_SCHEMAS], what);
    if (rc != SD_OK)
        return rc;

    /* Streaming may have made the model already, from the same (single) engine key. */
    if (r->m == NULL)
        r->m = sd_model_new(engine);
    if (r->m == NULL)
        return nomem(r);
    if (sd_model_engine(r->m) != engine)
        return fail(r, en, "internal error: the engine changed while reading");
    if (db_required)
        rc = read_database(r, lookup(root, tk[SD_SNAP_TOP_DATABASE]));
    for (size_t i = 0; i < schemas->nkids && rc == SD_OK; i++)
        rc = read_object(r, &schemas->kids[i], SD_KIND_SCHEMA, NULL, NULL);
    if (rc == SD_OK && nc != NULL)
        rc = read_uncompared(r, nc, what);
    if (rc != SD_OK)
        return rc;

    rc = sd_model_freeze(r->m, r->err);
    if (rc == SD_ERR_NOMEM)
        return rc;
    if (rc != SD_OK) {
        const node *at = freeze_culprit(r);
        if (at != NULL)
            set_where(r, at->line, at->col);
        else
            sd_err_where(r->err, "%s", r->name);
        return rc;
    }
    if ((flags & SD_SNAPSHOT__NO_VERIFY) != 0)
        return SD_OK;
    return verify(r, top_fp, stored);
}

/* One attempt at reading r's input, streaming or not. */
static sd_status
read_pass(reader *r, unsigned flags, sd_model **out)
{
    node *root = NULL;
    sd_status rc = SD_OK;
    memset(r->keys, 0, sizeof(r->keys)); /* they were in the last pass's scratch arena */
    r->scratch = sd_arena_new();
    if (r->scratch == NULL)
        rc = nomem(r);
    if (rc == SD_OK)
        rc = parse_tree(r, &root);
    if (rc == SD_OK)
        rc = read_top(r, root, flags);
    if (rc == SD_OK) {
        *out = r->m;
        r->m = NULL;
    }
    sd_model_free(r->m);
    r->m = NULL;
    sd_vec_dispose(&r->checks);
    sd_arena_free(r->scratch);
    r->scratch = NULL;
    return rc;
}

sd_status
sd_snapshot__read(sd_model **out,
                  const char *data,
                  size_t len,
                  const char *name,
                  unsigned flags,
                  sd_err *err)
{
    reader r = { .data = data != NULL ? data : "",
                 .len = data != NULL ? len : 0,
                 .name = name != NULL ? name : "<snapshot>",
                 .stream = true,
                 .err = err };

    *out = NULL;
    /* parse_tree() pins UTF-8, so libyaml would not skip a BOM some editors add: do it here. */
    if (r.len >= 3 && memcmp(r.data, "\xef\xbb\xbf", 3) == 0) {
        r.data += 3;
        r.len -= 3;
    }
    sd_err before = *err;
    sd_status rc = read_pass(&r, flags, out);
    if (rc == SD_OK || rc == SD_ERR_NOMEM)
        return rc;
    /* Streaming validates in another order: the whole tree says which error comes first. */
    *err = before;
    r.stream = false;
    return read_pass(&r, flags, out);
}

sd_status
sd_snapshot_read(sd_model **out, const char *data, size_t len, const char *name, sd_err *err)
{
    return sd_snapshot__read(out, data, len, name, 0, err);
}

sd_status
sd_snapshot_read_file(sd_model **out, const char *path, sd_err *err)
{
    sd_buf text = SD_BUF_INIT;
    *out = NULL;
    sd_status rc = sd_fs_read_all(&text, path, err);
    if (rc == SD_OK)
        rc = sd_snapshot_read(out, sd_buf_cstr(&text), text.len, path, err);
    sd_buf_dispose(&text);
    return rc;
}
