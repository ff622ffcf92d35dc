/*
 * write.c: a frozen model as canonical snapshot YAML, through libyaml's event API.
 *
 * Every byte is decided here, never by libyaml heuristics: emitter settings are pinned
 * (no line folding, indent 2, UTF-8 output, LF breaks) and each scalar's style is chosen
 * explicitly (plain, double-quoted or literal block, see choose_style()). Objects come in the
 * model's canonical order and keys in a fixed order taken from the kind registry, so equal
 * models give identical bytes. The layout, per object:
 *
 *   name, [table], fingerprint, <registry fields in order>, depends_on, <nested kinds>
 *
 * and at the top: schemadrift_snapshot, engine, fingerprint, [database], schemas,
 * [not_compared]. database: holds one list per database-wide kind (objects without a schema,
 * so without a schema key in their references either).
 *
 * This file does not validate what it writes beyond what the format cannot represent (text
 * that is not UTF-8, an object whose schema is missing, an inconsistent dependency): the
 * model was validated by sd_model_freeze().
 */
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <yaml.h>

#include "model/model.h"
#include "snapshots/snapshot_int.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/sort.h"
#include "util/thread.h"
#include "util/vec.h"

const char *const sd_snapshot__top_keys[SD_SNAP_TOP__COUNT] = {
    [SD_SNAP_TOP_VERSION] = "schemadrift_snapshot",
    [SD_SNAP_TOP_ENGINE] = "engine",
    [SD_SNAP_TOP_FINGERPRINT] = "fingerprint",
    [SD_SNAP_TOP_DATABASE] = "database",
    [SD_SNAP_TOP_SCHEMAS] = "schemas",
    [SD_SNAP_TOP_NOT_COMPARED] = "not_compared",
};

const char *const sd_snapshot__keypart_keys[SD_SNAP_KP__COUNT] = {
    [SD_SNAP_KP_COLUMN] = "column",       [SD_SNAP_KP_EXPRESSION] = "expression",
    [SD_SNAP_KP_COLLATION] = "collation", [SD_SNAP_KP_OPCLASS] = "opclass",
    [SD_SNAP_KP_DESC] = "desc",           [SD_SNAP_KP_NULLS] = "nulls",
};

bool
sd_snapshot__nests(sd_engine e, sd_kind parent, sd_kind child)
{
    const sd_kind_info *ci = sd_kind_get(child);
    /* A kind the engine does not have is not written, not even as an empty list. */
    if (ci == NULL || child == SD_KIND_SCHEMA || !sd_kind_for_engine(ci, e) ||
        ci->scope == SD_SCOPE_DATABASE)
        return false;
    if (ci->owner == SD_KIND__COUNT)
        return parent == SD_KIND_SCHEMA;
    return ci->owner == parent;
}

bool
sd_snapshot__in_database(sd_engine e, sd_kind kind)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    return ki != NULL && ki->scope == SD_SCOPE_DATABASE && sd_kind_for_engine(ki, e);
}

bool
sd_snapshot__has_database(sd_engine e)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++)
        if (sd_snapshot__in_database(e, (sd_kind)k))
            return true;
    return false;
}

bool
sd_snapshot__writes_table(sd_kind kind)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    return ki != NULL && ki->has_table && ki->owner == SD_KIND__COUNT;
}

bool
sd_snapshot__requires_uncompared(sd_engine e)
{
    return e == SD_ENGINE_PG;
}

typedef struct writer {
    yaml_emitter_t em;    /* the libyaml emitter */
    sd_buf *out;          /* where the bytes go */
    const sd_model *m;    /* the model being written */
    const sd_object *cur; /* object being written, for messages (NULL at the top) */
    sd_err *err;          /* caller's error */
    size_t split_min;     /* lists this long are written in parts side by side (0: never) */
    sd_buf num;           /* scratch for numbers and fingerprints */
    /* nests[p][0..nnests[p]): the kinds nested in an object of kind p, in kind order
     * (sd_snapshot__nests() for the model's engine, worked out once per writer) */
    unsigned char nnests[SD_KIND__COUNT];
    unsigned char nests[SD_KIND__COUNT][SD_KIND__COUNT];
} writer;

/* ---- scalar styles ---- */

/* Words YAML 1.1 or 1.2 would read as a boolean or null when written plain. */
static const char *const RESERVED[] = { "null", "true", "false", "yes", "no",
                                        "on",   "off",  "y",     "n",   NULL };

/* a equals the lower-case word ignoring ASCII case (never the locale's idea of case). */
static bool
ascii_ieq(const char *a, const char *word)
{
    size_t i = 0;
    for (; a[i] != '\0' && word[i] != '\0'; i++) {
        int x = (unsigned char)a[i];
        if (x >= 'A' && x <= 'Z')
            x += 'a' - 'A';
        if (x != (unsigned char)word[i])
            return false;
    }
    return a[i] == word[i];
}

static bool
ident_start(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static bool
ident_char(char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

/*
 * Plain only for [A-Za-z_][A-Za-z0-9_]* that is no reserved word: such a scalar can never be
 * read back as a number, boolean, null or YAML syntax by any YAML 1.1/1.2 reader. s has len
 * bytes.
 */
static bool
plain_safe(const char *s, size_t len)
{
    if (!ident_start(s[0]))
        return false;
    for (size_t i = 1; i < len; i++) {
        if (!ident_char(s[i]))
            return false;
    }
    if (len > 5) /* longer than every reserved word */
        return true;
    for (size_t i = 0; RESERVED[i] != NULL; i++)
        if (ascii_ieq(s, RESERVED[i]))
            return false;
    return true;
}

/* Decode one UTF-8 sequence at s (len bytes left); 0 width when malformed. */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    size_t w;
    uint32_t c;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        w = 2;
        c = s[0] & 0x1Fu;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        w = 3;
        c = s[0] & 0x0Fu;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        w = 4;
        c = s[0] & 0x07u;
    } else {
        return 0;
    }
    if (w > len)
        return 0;
    for (size_t i = 1; i < w; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
    if ((w == 3 && c < 0x800) || (w == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return w;
}

static bool
utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        if (p[i] < 0x80) { /* most text is ASCII: no decoding for it */
            i++;
            continue;
        }
        size_t w = utf8_decode(p + i, len - i, &cp);
        if (w == 0)
            return false;
        i += w;
    }
    return true;
}

/*
 * A literal block `|` reproduces text exactly only when libyaml would keep it as written:
 * several lines, the first not starting with a space or a break (that would need an
 * indentation indicator), no space before a break or at the very end (libyaml refuses
 * those), and only characters libyaml prints raw (so no tab, CR, control characters, line
 * or paragraph separators, BOM, or characters beyond the BMP). At most one trailing
 * newline (`|-` for none, `|` for one): keep chomping (`|+`) makes libyaml end the document
 * with a `...` line, and snapshots should all end alike. Anything else is double-quoted,
 * where escapes make every string exact. text is valid UTF-8.
 */
static bool
literal_ok(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (len == 0 || memchr(s, '\n', len) == NULL || p[0] == ' ' || p[0] == '\n' ||
        p[len - 1] == ' ' || (len >= 2 && p[len - 1] == '\n' && p[len - 2] == '\n'))
        return false;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        if (p[i] == '\n') {
            if (i > 0 && p[i - 1] == ' ')
                return false;
            i++;
            continue;
        }
        size_t w = utf8_decode(p + i, len - i, &cp);
        if (w == 0)
            return false;
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
            cp == 0xFEFF || cp > 0xFFFD)
            return false;
        i += w;
    }
    return true;
}

/* ---- events ---- */

static sd_status
emitter_error(writer *w)
{
    if (sd_buf_failed(w->out) || w->em.error == YAML_MEMORY_ERROR)
        return sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
    return sd_err_set(w->err, SD_ERR, "internal error: could not write the snapshot: %s",
                      w->em.problem != NULL ? w->em.problem : "unknown emitter error");
}

/* Emit an event initialized by the caller (init_ok is the initializer's result). */
static sd_status
emit(writer *w, yaml_event_t *ev, int init_ok)
{
    if (!init_ok)
        return sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
    /* The emitter owns the event from here and frees it even when it fails. */
    if (!yaml_emitter_emit(&w->em, ev))
        return emitter_error(w);
    return SD_OK;
}

static sd_status
cannot_write(writer *w, const char *key, const char *why)
{
    sd_buf d = SD_BUF_INIT;
    if (w->cur != NULL)
        sd_object_describe(&d, w->cur);
    else
        sd_buf_append(&d, "the snapshot");
    sd_status rc =
        sd_err_set(w->err, SD_ERR, "cannot write \"%s\" of %s: %s", key, sd_buf_cstr(&d), why);
    sd_buf_dispose(&d);
    return rc;
}

/*
 * One scalar of len bytes. checked: the caller knows the text is UTF-8 (ASCII it wrote or
 * tested, or text literal_ok() decoded), so only other text is validated here.
 */
static sd_status
scalar(writer *w,
       const char *key,
       const char *s,
       size_t len,
       bool checked,
       yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (len > INT_MAX)
        return cannot_write(w, key, "the text is too long");
    if (!checked && !utf8_valid(s, len))
        return cannot_write(w, key, "the text is not valid UTF-8");
    /* Plain scalars are implicit plain, every other style implicitly a string: no tags. */
    bool plain = style == YAML_PLAIN_SCALAR_STYLE;
    int ok = yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s, (int)len, plain,
                                          !plain, style);
    return emit(w, &ev, ok);
}

/* ASCII text the writer chose (registry names, numbers, true, false, null), plain. */
static sd_status
plain(writer *w, const char *key, const char *s)
{
    return scalar(w, key, s, strlen(s), true, YAML_PLAIN_SCALAR_STYLE);
}

/* A string of len bytes: plain when safe, else double-quoted. */
static sd_status
string_n(writer *w, const char *key, const char *s, size_t len)
{
    bool safe = plain_safe(s, len);
    return scalar(w, key, s, len, safe,
                  safe ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

/* A string or null. */
static sd_status
string(writer *w, const char *key, const char *s)
{
    if (s == NULL)
        return plain(w, key, "null");
    return string_n(w, key, s, strlen(s));
}

/* SQL text or null: like string(), but multi-line text goes in a literal block if exact. */
static sd_status
sql(writer *w, const char *key, const char *s)
{
    if (s == NULL)
        return plain(w, key, "null");
    size_t len = strlen(s);
    if (literal_ok(s, len))
        return scalar(w, key, s, len, true, YAML_LITERAL_SCALAR_STYLE);
    return string_n(w, key, s, len);
}

static sd_status
boolean(writer *w, const char *key, bool b)
{
    return plain(w, key, b ? "true" : "false");
}

/* The writer's scratch buffer w->num, when it could be written (NULL: out of memory). */
static const char *
num_text(writer *w)
{
    return sd_buf_failed(&w->num) ? NULL : sd_buf_cstr(&w->num);
}

static sd_status
integer(writer *w, const char *key, int64_t i)
{
    sd_buf_reset(&w->num);
    sd_buf_append_int(&w->num, (long long)i);
    const char *num = num_text(w);
    if (num == NULL)
        return sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
    return scalar(w, key, num, w->num.len, true, YAML_PLAIN_SCALAR_STYLE);
}

/*
 * Fingerprints are 16 lower-case hex digits. Plain unless they contain none of a, c, d, f:
 * only then could a YAML reader take them for a number (1234e5678..., 0b0101...), so only
 * then are they double-quoted. The reader accepts either.
 */
static sd_status
fingerprint(writer *w, uint64_t fp)
{
    sd_buf_reset(&w->num);
    sd_buf_append_hex64(&w->num, (unsigned long long)fp);
    const char *hex = num_text(w);
    if (hex == NULL)
        return sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
    bool letter = strpbrk(hex, "acdf") != NULL;
    return scalar(w, SD_SNAP_KEY_FINGERPRINT, hex, w->num.len, true,
                  letter ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE);
}

/* Keys are registry names: plain identifiers. */
static sd_status
key(writer *w, const char *k)
{
    return plain(w, k, k);
}

static sd_status
map_start(writer *w, bool flow)
{
    yaml_event_t ev;
    int ok = yaml_mapping_start_event_initialize(
        &ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
    return emit(w, &ev, ok);
}

static sd_status
map_end(writer *w)
{
    yaml_event_t ev;
    int ok = yaml_mapping_end_event_initialize(&ev);
    return emit(w, &ev, ok);
}

static sd_status
seq_start(writer *w, bool flow)
{
    yaml_event_t ev;
    int ok = yaml_sequence_start_event_initialize(
        &ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
    return emit(w, &ev, ok);
}

static sd_status
seq_end(writer *w)
{
    yaml_event_t ev;
    int ok = yaml_sequence_end_event_initialize(&ev);
    return emit(w, &ev, ok);
}

/* `[]`: every list key is always present, empty lists in flow style. */
static sd_status
empty_list(writer *w)
{
    sd_status rc = seq_start(w, true);
    if (rc == SD_OK)
        rc = seq_end(w);
    return rc;
}

/* ---- values ---- */

static sd_status
write_names(writer *w, const char *k, const sd_names *n)
{
    sd_status rc = seq_start(w, true);
    for (size_t i = 0; i < n->len && rc == SD_OK; i++)
        rc = string(w, k, n->items[i]);
    if (rc == SD_OK)
        rc = seq_end(w);
    return rc;
}

static sd_status
write_keypart(writer *w, const sd_keypart *kp)
{
    const char *const *kk = sd_snapshot__keypart_keys;
    sd_status rc = map_start(w, false);
    if (rc == SD_OK)
        rc = key(w, kk[SD_SNAP_KP_COLUMN]);
    if (rc == SD_OK)
        rc = string(w, kk[SD_SNAP_KP_COLUMN], kp->column);
    if (rc == SD_OK)
        rc = key(w, kk[SD_SNAP_KP_EXPRESSION]);
    if (rc == SD_OK)
        rc = sql(w, kk[SD_SNAP_KP_EXPRESSION], kp->expr.text);
    if (rc == SD_OK)
        rc = key(w, kk[SD_SNAP_KP_COLLATION]);
    if (rc == SD_OK)
        rc = string(w, kk[SD_SNAP_KP_COLLATION], kp->collation);
    if (rc == SD_OK)
        rc = key(w, kk[SD_SNAP_KP_OPCLASS]);
    if (rc == SD_OK)
        rc = string(w, kk[SD_SNAP_KP_OPCLASS], kp->opclass);
    if (rc == SD_OK)
        rc = key(w, kk[SD_SNAP_KP_DESC]);
    if (rc == SD_OK)
        rc = boolean(w, kk[SD_SNAP_KP_DESC], kp->desc);
    if (rc == SD_OK)
        rc = key(w, kk[SD_SNAP_KP_NULLS]);
    if (rc == SD_OK)
        rc = string(w, kk[SD_SNAP_KP_NULLS], kp->nulls);
    if (rc == SD_OK)
        rc = map_end(w);
    return rc;
}

static sd_status
write_keys(writer *w, const sd_keys *keys)
{
    if (keys->len == 0)
        return empty_list(w);
    sd_status rc = seq_start(w, false);
    for (size_t i = 0; i < keys->len && rc == SD_OK; i++)
        rc = write_keypart(w, &keys->items[i]);
    if (rc == SD_OK)
        rc = seq_end(w);
    return rc;
}

static sd_status
write_value(writer *w, const sd_field_info *fi, const sd_value *v)
{
    switch (fi->type) {
    case SD_FIELD_BOOL:
        return boolean(w, fi->name, v->b);
    case SD_FIELD_INT:
        return integer(w, fi->name, v->i);
    case SD_FIELD_STRING:
        return string(w, fi->name, v->s);
    case SD_FIELD_SQL:
        return sql(w, fi->name, v->sql.text);
    case SD_FIELD_NAMES:
        return write_names(w, fi->name, &v->names);
    case SD_FIELD_KEYS:
        return write_keys(w, &v->keys);
    case SD_FIELD__COUNT:
        break;
    }
    return cannot_write(w, fi->name, "internal error: unknown field type");
}

/* ---- dependencies ---- */

static int
cmp_refs(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const sd_ref *a = pa;
    const sd_ref *b = pb;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    int c = sd_strcmp_c(a->schema, b->schema);
    if (c == 0)
        c = sd_strcmp_c(a->table, b->table);
    if (c == 0)
        c = sd_strcmp_c(a->name, b->name);
    return c;
}

/* A reference the reader would reject cannot be written (it would not round-trip). */
static bool
ref_valid(const sd_ref *r)
{
    const sd_kind_info *ki = sd_kind_get(r->kind);
    return ki != NULL && (r->schema == NULL) == (ki->scope == SD_SCOPE_DATABASE) &&
           ki->has_table == (r->table != NULL) && (r->name != NULL || !ki->name_required);
}

static sd_status
write_ref(writer *w, const sd_ref *r)
{
    const sd_kind_info *ki = sd_kind_get(r->kind);
    sd_status rc = map_start(w, true);
    if (rc == SD_OK)
        rc = key(w, SD_SNAP_KEY_KIND);
    if (rc == SD_OK)
        rc = plain(w, SD_SNAP_KEY_KIND, ki->name);
    if (rc == SD_OK && ki->scope != SD_SCOPE_DATABASE) {
        rc = key(w, SD_SNAP_KEY_SCHEMA);
        if (rc == SD_OK)
            rc = string(w, SD_SNAP_KEY_SCHEMA, r->schema);
    }
    if (rc == SD_OK && ki->has_table) {
        rc = key(w, SD_SNAP_KEY_TABLE);
        if (rc == SD_OK)
            rc = string(w, SD_SNAP_KEY_TABLE, r->table);
    }
    if (rc == SD_OK)
        rc = key(w, SD_SNAP_KEY_NAME);
    if (rc == SD_OK)
        rc = string(w, SD_SNAP_KEY_NAME, r->name);
    if (rc == SD_OK)
        rc = map_end(w);
    return rc;
}

/*
 * depends_on is always written ([] when empty) so that every key of an object is always
 * present. The model keeps references in insertion order; the snapshot sorts them
 * (kind, schema, table, name) so that insertion order never shows in the bytes.
 */
static sd_status
write_deps(writer *w, const sd_object *o)
{
    sd_status rc = SD_OK;
    SD_VEC(sd_ref) refs = SD_VEC_INIT;

    if (o->ndeps == 0) {
        rc = empty_list(w);
        goto out;
    }
    for (size_t i = 0; i < o->ndeps; i++) {
        if (!ref_valid(&o->deps[i])) {
            rc = cannot_write(w, SD_SNAP_KEY_DEPENDS_ON,
                              "internal error: a dependency has a missing schema, table or name");
            goto out;
        }
        rc = sd_vec_push(&refs, o->deps[i]);
        if (rc != SD_OK) {
            rc = sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
            goto out;
        }
    }
    rc = sd_sort(refs.items, refs.len, sizeof(*refs.items), cmp_refs, NULL);
    if (rc != SD_OK) {
        rc = sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
        goto out;
    }
    rc = seq_start(w, false);
    for (size_t i = 0; i < refs.len && rc == SD_OK; i++)
        rc = write_ref(w, &refs.items[i]);
    if (rc == SD_OK)
        rc = seq_end(w);
out:
    sd_vec_dispose(&refs);
    return rc;
}

/* ---- objects ---- */

/* ---- long lists, written in parts side by side ---- */

/*
 * A long list of objects (the tables of a schema) is most of the snapshot. Its items are
 * written by SPLIT_PARTS emitters at once, each into a buffer of its own, as the root
 * sequence of a document of their own; the parts are then indented to where the list
 * goes and spliced into the main output. The bytes are those one emitter would write: with
 * the line width unlimited, libyaml's block layout of a nested node is its layout at the
 * root shifted right (every line but the empty ones, which carry no indentation), and an
 * indentless sequence that is a mapping's value starts at the key's column. The snapshot
 * tests compare both ways of writing byte for byte.
 */
enum {
    SPLIT_PARTS = 2,
    SPLIT_MIN_DEFAULT = 1024
};

static sd_status writer_open(writer *w, sd_buf *out, const sd_model *m, sd_err *err);
static void writer_close(writer *w);
static sd_status write_object(writer *w, const sd_object *o);

typedef struct split_part {
    const sd_model *m;
    const sd_object *const *objs; /* this part's items */
    size_t n;
    sd_buf text; /* the part as a root sequence document */
    sd_err err;
    sd_status rc;
} split_part;

static void
split_part_run(void *arg)
{
    split_part *p = arg;
    writer w;
    yaml_event_t ev;

    p->rc = writer_open(&w, &p->text, p->m, &p->err);
    if (p->rc != SD_OK)
        return;
    p->rc = emit(&w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    if (p->rc == SD_OK)
        p->rc = emit(&w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
    if (p->rc == SD_OK)
        p->rc = seq_start(&w, false);
    for (size_t i = 0; i < p->n && p->rc == SD_OK; i++)
        p->rc = write_object(&w, p->objs[i]);
    if (p->rc == SD_OK)
        p->rc = seq_end(&w);
    if (p->rc == SD_OK)
        p->rc = emit(&w, &ev, yaml_document_end_event_initialize(&ev, 1));
    if (p->rc == SD_OK)
        p->rc = emit(&w, &ev, yaml_stream_end_event_initialize(&ev));
    if (p->rc == SD_OK && !yaml_emitter_flush(&w.em))
        p->rc = emitter_error(&w);
    writer_close(&w);
}

/* Append text (whole lines) to out, each non-empty line after indent spaces, each line
 * after a line break rather than before one: the main emitter ends the last one. */
static void
splice_part(sd_buf *out, const sd_buf *text, size_t indent)
{
    const char *p = sd_buf_cstr(text);
    const char *end = p + text->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
        sd_buf_putc(out, '\n');
        if (len > 0) {
            for (size_t i = 0; i < indent; i++)
                sd_buf_putc(out, ' ');
            sd_buf_appendn(out, p, len);
        }
        p += len + (nl != NULL);
    }
}

/* The list objs[0..n) as the value of key (just emitted), written in parts. */
static sd_status
write_split(writer *w, const char *key_text, const sd_object *const *objs, size_t n)
{
    split_part parts[SPLIT_PARTS];
    sd_status rc = SD_OK;

    /* Where the key's line starts, and so the items' column. */
    if (!yaml_emitter_flush(&w->em))
        return emitter_error(w);
    size_t klen = strlen(key_text);
    size_t at = w->out->len;
    const char *o = sd_buf_cstr(w->out);
    if (at < klen || memcmp(o + at - klen, key_text, klen) != 0) {
        return sd_err_set(w->err, SD_ERR,
                          "internal error: the snapshot key \"%s\" is not where expected",
                          key_text);
    }
    size_t line = at - klen;
    while (line > 0 && o[line - 1] == ' ')
        line--;
    if (line > 0 && o[line - 1] != '\n') {
        return sd_err_set(w->err, SD_ERR,
                          "internal error: the snapshot key \"%s\" does not start a line",
                          key_text);
    }
    size_t indent = at - klen - line;

    for (size_t i = 0; i < SPLIT_PARTS; i++) {
        size_t from = n * i / SPLIT_PARTS;
        size_t to = n * (i + 1) / SPLIT_PARTS;
        parts[i] = (split_part){ w->m, objs + from, to - from, SD_BUF_INIT, SD_ERR_INIT, SD_OK };
    }
    /* Part 0 here, part 1 on a thread (or here too when none can be made). */
    _Static_assert(SPLIT_PARTS == 2, "sd_thread_both() runs two parts");
    if (!sd_thread_both(split_part_run, &parts[0], &parts[1]))
        rc = sd_err_set(w->err, SD_ERR, "internal error: could not wait for a thread");
    for (size_t i = 0; i < SPLIT_PARTS && rc == SD_OK; i++) {
        if (parts[i].rc != SD_OK) {
            *w->err = parts[i].err;
            rc = parts[i].rc;
        }
    }
    /* The main emitter writes a placeholder value, which the parts then replace: ": x". */
    if (rc == SD_OK)
        rc = plain(w, key_text, "x");
    if (rc == SD_OK && !yaml_emitter_flush(&w->em))
        rc = emitter_error(w);
    if (rc == SD_OK && (w->out->len != at + 3 || memcmp(sd_buf_cstr(w->out) + at, ": x", 3) != 0)) {
        rc = sd_err_set(w->err, SD_ERR,
                        "internal error: unexpected placeholder for the snapshot list \"%s\"",
                        key_text);
    }
    if (rc == SD_OK) {
        sd_buf_truncate(w->out, at + 1);
        for (size_t i = 0; i < SPLIT_PARTS; i++)
            splice_part(w->out, &parts[i].text, indent);
        if (sd_buf_failed(w->out))
            rc = sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
    }
    for (size_t i = 0; i < SPLIT_PARTS; i++)
        sd_buf_dispose(&parts[i].text);
    return rc;
}

/* The objects of kind child nested in o (NULL: a database-wide kind's, all of them), in
 * canonical order. */
static sd_status
write_children(writer *w, const sd_object *o, sd_kind child)
{
    sd_status rc = SD_OK;
    SD_VEC(const sd_object *) kids = SD_VEC_INIT;

    if (o == NULL) {
        size_t n = 0;
        const sd_object *const *all = sd_model_objects(w->m, child, &n);
        for (size_t i = 0; i < n && rc == SD_OK; i++)
            rc = sd_vec_push(&kids, all[i]);
    } else if (sd_kind_get(child)->owner == o->kind) {
        size_t n = 0;
        const sd_object *const *owned = sd_model_children(w->m, o, child, &n);
        for (size_t i = 0; i < n && rc == SD_OK; i++)
            rc = sd_vec_push(&kids, owned[i]);
    } else {
        /* Schema-level kinds: the canonical array sorts by schema first. */
        size_t n = sd_model_count(w->m, child);
        for (size_t i = 0; i < n && rc == SD_OK; i++) {
            const sd_object *c = sd_model_at(w->m, child, i);
            if (strcmp(c->schema, o->name) == 0)
                rc = sd_vec_push(&kids, c);
        }
    }
    if (rc != SD_OK) {
        rc = sd_err_set(w->err, SD_ERR_NOMEM, "out of memory writing the snapshot");
        goto out;
    }
    if (kids.len == 0) {
        rc = empty_list(w);
        goto out;
    }
    /* Database-wide lists are short, and their key is no schema's: never split. */
    if (o != NULL && w->split_min > 0 && kids.len >= w->split_min && kids.len >= SPLIT_PARTS) {
        rc = write_split(w, sd_kind_get(child)->plural, kids.items, kids.len);
        goto out;
    }
    rc = seq_start(w, false);
    for (size_t i = 0; i < kids.len && rc == SD_OK; i++)
        rc = write_object(w, kids.items[i]);
    if (rc == SD_OK)
        rc = seq_end(w);
out:
    sd_vec_dispose(&kids);
    return rc;
}

static sd_status
write_object(writer *w, const sd_object *o)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    const sd_object *outer = w->cur;
    w->cur = o;
    sd_status rc = map_start(w, false);
    if (rc == SD_OK)
        rc = key(w, SD_SNAP_KEY_NAME);
    if (rc == SD_OK)
        rc = string(w, SD_SNAP_KEY_NAME, o->name);
    if (rc == SD_OK && sd_snapshot__writes_table(o->kind)) {
        rc = key(w, SD_SNAP_KEY_TABLE);
        if (rc == SD_OK)
            rc = string(w, SD_SNAP_KEY_TABLE, o->table);
    }
    if (rc == SD_OK)
        rc = key(w, SD_SNAP_KEY_FINGERPRINT);
    if (rc == SD_OK)
        rc = fingerprint(w, o->fingerprint);
    for (size_t f = 0; f < ki->nfields && rc == SD_OK; f++) {
        if (!sd_field_for_engine(&ki->fields[f], sd_model_engine(w->m)))
            continue;
        rc = key(w, ki->fields[f].name);
        if (rc == SD_OK)
            rc = write_value(w, &ki->fields[f], &o->v[f]);
    }
    if (rc == SD_OK)
        rc = key(w, SD_SNAP_KEY_DEPENDS_ON);
    if (rc == SD_OK)
        rc = write_deps(w, o);
    for (size_t i = 0; i < w->nnests[o->kind] && rc == SD_OK; i++) {
        sd_kind k = (sd_kind)w->nests[o->kind][i];
        rc = key(w, sd_kind_get(k)->plural);
        if (rc == SD_OK)
            rc = write_children(w, o, k);
    }
    if (rc == SD_OK)
        rc = map_end(w);
    w->cur = outer;
    return rc;
}

/* Objects nest in their schema; one without a schema object would silently be lost. */
static sd_status
check_schemas(writer *w)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (!sd_snapshot__nests(sd_model_engine(w->m), SD_KIND_SCHEMA, (sd_kind)k))
            continue;
        for (size_t i = 0; i < sd_model_count(w->m, (sd_kind)k); i++) {
            const sd_object *o = sd_model_at(w->m, (sd_kind)k, i);
            if (sd_model_find(w->m, SD_KIND_SCHEMA, o->schema, NULL, o->schema) != NULL)
                continue;
            sd_buf d = SD_BUF_INIT;
            sd_object_describe(&d, o);
            sd_status rc = sd_err_set(w->err, SD_ERR,
                                      "internal error: %s belongs to schema \"%s\", which is "
                                      "not in the model",
                                      sd_buf_cstr(&d), o->schema);
            sd_buf_dispose(&d);
            return rc;
        }
    }
    return SD_OK;
}

/* not_compared: [{kind: rule, name: public.orders.r_log}, ...], sorted by the model, each
 * entry once (a repeated entry would not read back). */
static sd_status
write_uncompared(writer *w)
{
    const char *tk = sd_snapshot__top_keys[SD_SNAP_TOP_NOT_COMPARED];
    size_t n = sd_model_uncompared_count(w->m);
    if (!sd_snapshot__requires_uncompared(sd_model_engine(w->m)) && n == 0)
        return SD_OK;
    sd_status rc = key(w, tk);
    if (rc == SD_OK)
        rc = n == 0 ? empty_list(w) : seq_start(w, false);
    const char *prev_kind = NULL;
    const char *prev_name = NULL;
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        const char *kind = NULL;
        const char *name = NULL;
        sd_model_uncompared_at(w->m, i, &kind, &name);
        if (kind == NULL || name == NULL)
            return cannot_write(w, tk, "internal error: an entry has no kind or name");
        if (prev_kind != NULL && strcmp(prev_kind, kind) == 0 && strcmp(prev_name, name) == 0)
            continue;
        prev_kind = kind;
        prev_name = name;
        rc = map_start(w, true);
        if (rc == SD_OK)
            rc = key(w, SD_SNAP_KEY_KIND);
        if (rc == SD_OK)
            rc = string(w, SD_SNAP_KEY_KIND, kind);
        if (rc == SD_OK)
            rc = key(w, SD_SNAP_KEY_NAME);
        if (rc == SD_OK)
            rc = string(w, SD_SNAP_KEY_NAME, name);
        if (rc == SD_OK)
            rc = map_end(w);
    }
    if (rc == SD_OK && n > 0)
        rc = seq_end(w);
    return rc;
}

/* database: one list per database-wide kind of the engine, in kind order, always written. */
static sd_status
write_database(writer *w)
{
    sd_engine e = sd_model_engine(w->m);
    if (!sd_snapshot__has_database(e))
        return SD_OK;
    sd_status rc = key(w, sd_snapshot__top_keys[SD_SNAP_TOP_DATABASE]);
    if (rc == SD_OK)
        rc = map_start(w, false);
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++) {
        if (!sd_snapshot__in_database(e, (sd_kind)k))
            continue;
        rc = key(w, sd_kind_get((sd_kind)k)->plural);
        if (rc == SD_OK)
            rc = write_children(w, NULL, (sd_kind)k);
    }
    if (rc == SD_OK)
        rc = map_end(w);
    return rc;
}

static sd_status
write_model(writer *w)
{
    const char *const *tk = sd_snapshot__top_keys;
    yaml_event_t ev;
    sd_status rc = emit(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    /* Implicit document start and end: no `---` or `...` lines. */
    if (rc == SD_OK)
        rc = emit(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
    if (rc == SD_OK)
        rc = map_start(w, false);
    if (rc == SD_OK)
        rc = key(w, tk[SD_SNAP_TOP_VERSION]);
    if (rc == SD_OK)
        rc = integer(w, tk[SD_SNAP_TOP_VERSION], SD_SNAPSHOT_VERSION);
    if (rc == SD_OK)
        rc = key(w, tk[SD_SNAP_TOP_ENGINE]);
    if (rc == SD_OK)
        rc = string(w, tk[SD_SNAP_TOP_ENGINE], sd_engine_name(sd_model_engine(w->m)));
    if (rc == SD_OK)
        rc = key(w, tk[SD_SNAP_TOP_FINGERPRINT]);
    if (rc == SD_OK)
        rc = fingerprint(w, sd_model_fingerprint(w->m));
    if (rc == SD_OK)
        rc = write_database(w);
    if (rc == SD_OK)
        rc = key(w, tk[SD_SNAP_TOP_SCHEMAS]);
    size_t n = sd_model_count(w->m, SD_KIND_SCHEMA);
    if (rc == SD_OK)
        rc = n == 0 ? empty_list(w) : seq_start(w, false);
    for (size_t i = 0; i < n && rc == SD_OK; i++)
        rc = write_object(w, sd_model_at(w->m, SD_KIND_SCHEMA, i));
    if (rc == SD_OK && n > 0)
        rc = seq_end(w);
    if (rc == SD_OK)
        rc = write_uncompared(w);
    if (rc == SD_OK)
        rc = map_end(w);
    if (rc == SD_OK)
        rc = emit(w, &ev, yaml_document_end_event_initialize(&ev, 1));
    if (rc == SD_OK)
        rc = emit(w, &ev, yaml_stream_end_event_initialize(&ev));
    if (rc == SD_OK && !yaml_emitter_flush(&w->em))
        rc = emitter_error(w);
    return rc;
}

static int
write_handler(void *data, unsigned char *buffer, size_t size)
{
    sd_buf *out = data;
    sd_buf_appendn(out, (const char *)buffer, size);
    return !sd_buf_failed(out);
}

/* An emitter writing to out, with every setting that changes bytes pinned: the output must
 * not depend on defaults. */
static sd_status
writer_open(writer *w, sd_buf *out, const sd_model *m, sd_err *err)
{
    memset(w, 0, sizeof(*w));
    w->out = out;
    w->m = m;
    w->err = err;
    w->num = (sd_buf)SD_BUF_INIT;
    _Static_assert(SD_KIND__COUNT <= UCHAR_MAX, "kinds fit in writer.nests");
    for (size_t p = 0; p < SD_KIND__COUNT; p++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            if (sd_snapshot__nests(sd_model_engine(m), (sd_kind)p, (sd_kind)k))
                w->nests[p][w->nnests[p]++] = (unsigned char)k;
        }
    }
    if (!yaml_emitter_initialize(&w->em))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory writing the snapshot");
    yaml_emitter_set_output(&w->em, write_handler, out);
    yaml_emitter_set_encoding(&w->em, YAML_UTF8_ENCODING);
    yaml_emitter_set_canonical(&w->em, 0);
    yaml_emitter_set_indent(&w->em, 2);
    yaml_emitter_set_width(&w->em, -1);
    yaml_emitter_set_unicode(&w->em, 1);
    yaml_emitter_set_break(&w->em, YAML_LN_BREAK);
    return SD_OK;
}

static void
writer_close(writer *w)
{
    yaml_emitter_delete(&w->em);
    sd_buf_dispose(&w->num);
}

sd_status
sd_snapshot__write_split(sd_buf *out, const sd_model *m, size_t split_min, sd_err *err)
{
    writer w;
    size_t start = out->len;

    sd_status rc = writer_open(&w, out, m, err);
    if (rc != SD_OK)
        return rc;
    w.split_min = split_min;
    rc = check_schemas(&w);
    if (rc == SD_OK)
        rc = write_model(&w);
    writer_close(&w);
    if (rc != SD_OK)
        sd_buf_truncate(out, start); /* no half-written snapshot in the caller's buffer */
    return rc;
}

sd_status
sd_snapshot_write(sd_buf *out, const sd_model *m, sd_err *err)
{
    return sd_snapshot__write_split(out, m, SPLIT_MIN_DEFAULT, err);
}

void
sd_snapshot_versions(sd_buf *out)
{
    sd_buf_appendf(out, "libyaml %s\n", yaml_get_version_string());
}
