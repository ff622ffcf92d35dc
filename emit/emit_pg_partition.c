/*
 * emit_pg_partition.c: a new RANGE or LIST partition of a table whose DEFAULT partition
 * stays. CREATE TABLE ... PARTITION OF fails when the default partition holds rows in the
 * new bounds ("updated partition constraint for default partition would be violated"), so
 * the partition is created standalone (LIKE its parent: the same columns, defaults,
 * generated columns, NOT NULL and CHECKs, which ATTACH requires and then marks inherited, as
 * PARTITION OF would have), the default partition's rows in its bounds are moved into it,
 * and it is attached. The rows are moved by name, so they keep their values; ATTACH then
 * builds the partition's indexes (a unique key of the parent holds across partitions, a
 * unique index of the default partition's own holds for the rows left there).
 *
 * The bounds test is written from the bound PostgreSQL gives (pg_get_expr of relpartbound)
 * and the parent's partition key: RANGE keys all NOT NULL and the row of keys within
 * FROM (...) TO (...), the prefix before MINVALUE / MAXVALUE; LIST: key IN (...), or IS NULL
 * for a NULL in the list. Not done (the plain CREATE ... PARTITION OF is written): a new
 * partition that is itself partitioned, a key with an operator class, HASH bounds (no
 * default partition there). Rows of other tables that reference the parent (a foreign key
 * to a partitioned table) see the moved rows go and come back: ON DELETE actions fire.
 */
#include <string.h>

#include "emit/emit_pg_int.h"
#include "util/sqltok.h"

/* The elements of a parenthesized, comma-separated list starting at token *i of toks, as
 * [start, end) byte spans of src; *i ends after the closing parenthesis. false when toks[*i]
 * is not '(' or the list does not close. */
typedef struct span {
    size_t start;
    size_t end;
} span;

#define MAX_ELEMS 32

static bool
read_list(const char *src, const sd_tok *toks, size_t ntok, size_t *i, span *out, size_t *n)
{
    *n = 0;
    if (*i >= ntok || !sd_tok_is_punct(src, &toks[*i], "("))
        return false;
    size_t depth = 0;
    size_t first = *i + 1;
    for (size_t k = *i; k < ntok; k++) {
        bool open = sd_tok_is_punct(src, &toks[k], "(");
        bool close = sd_tok_is_punct(src, &toks[k], ")");
        bool comma = sd_tok_is_punct(src, &toks[k], ",");
        depth += open;
        if ((close && depth == 1) || (comma && depth == 1)) {
            if (first >= k || *n >= MAX_ELEMS)
                return false; /* an empty element, or too many */
            out[*n].start = toks[first].start;
            out[*n].end = toks[k - 1].start + toks[k - 1].len;
            (*n)++;
            first = k + 1;
        }
        if (close) {
            if (--depth == 0) {
                *i = k + 1;
                return true;
            }
        }
    }
    return false;
}

/* Whether the span is exactly the word w (MINVALUE, MAXVALUE, NULL), in any case. */
static bool
span_is(const char *src, span s, const char *w)
{
    size_t n = strlen(w);
    if (s.end - s.start != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char a = src[s.start + i];
        if (a >= 'a' && a <= 'z')
            a = (char)(a - 'a' + 'A');
        if (a != w[i])
            return false;
    }
    return true;
}

static void
put_span(sd_buf *b, const char *src, span s)
{
    sd_buf_appendn(b, src + s.start, s.end - s.start);
}

/* ROW((k1), ..., (kn)) op ROW(v1, ..., vn) */
static void
put_row_test(sd_buf *b,
             const char *ksrc,
             const span *keys,
             const char *vsrc,
             const span *vals,
             size_t n,
             const char *op)
{
    sd_buf_append(b, " AND ROW(");
    for (size_t i = 0; i < n; i++) {
        sd_buf_append(b, i > 0 ? ", (" : "(");
        put_span(b, ksrc, keys[i]);
        sd_buf_append(b, ")");
    }
    sd_buf_append(b, ") ");
    sd_buf_append(b, op);
    sd_buf_append(b, " ROW(");
    for (size_t i = 0; i < n; i++) {
        sd_buf_append(b, i > 0 ? ", " : "");
        put_span(b, vsrc, vals[i]);
    }
    sd_buf_append(b, ")");
}

/* Tokens of text (at most max), or 0 when it does not tokenize. */
static size_t
tokens(const char *text, sd_tok *toks, size_t max)
{
    sd_lexer lx;
    sd_err err = SD_ERR_INIT;
    sd_lexer_init(&lx, text, strlen(text), 0);
    for (size_t n = 0; n < max; n++) {
        if (sd_lexer_next(&lx, &toks[n], &err) != SD_OK)
            return 0;
        if (toks[n].type == SD_TOK_EOF)
            return n;
    }
    return 0;
}

#define MAX_TOKS 256

/* Whether every key element is a column or an expression, maybe with COLLATE: a further
 * word is an operator class, which cannot be written in a comparison. */
static bool
keys_comparable(const char *key, const span *keys, size_t nkeys)
{
    for (size_t k = 0; k < nkeys; k++) {
        sd_tok last[MAX_TOKS];
        char buf[256];
        size_t len = keys[k].end - keys[k].start;
        if (len >= sizeof(buf))
            return false;
        memcpy(buf, key + keys[k].start, len);
        buf[len] = '\0';
        size_t nt = tokens(buf, last, MAX_TOKS);
        bool collate = nt >= 2 && sd_tok_is_word(buf, &last[nt - 2], "COLLATE");
        if (nt == 0 || (nt >= 2 && !collate && last[nt - 1].type == SD_TOK_WORD &&
                        !sd_tok_is_punct(buf, &last[nt - 2], ".")))
            return false;
    }
    return true;
}

/* How many values of a range bound come before its first MINVALUE or MAXVALUE. */
static size_t
finite_prefix(const char *bound, const span *vals, size_t n)
{
    size_t m = 0;
    while (m < n && !span_is(bound, vals[m], "MINVALUE") && !span_is(bound, vals[m], "MAXVALUE"))
        m++;
    return m;
}

/* RANGE: keys all NOT NULL (a NULL key belongs to no range), from the lower bound on
 * (MINVALUE: any value there and after it; MAXVALUE: none, so the prefix before it must be
 * greater), below the upper one (MAXVALUE: any value; MINVALUE: none). */
static void
range_test(sd_buf *b,
           const char *key,
           const span *keys,
           size_t n,
           const char *bound,
           const span *lo,
           const span *hi)
{
    for (size_t k = 0; k < n; k++) {
        sd_buf_append(b, k > 0 ? " AND (" : "(");
        put_span(b, key, keys[k]);
        sd_buf_append(b, ") IS NOT NULL");
    }
    size_t m = finite_prefix(bound, lo, n);
    bool after = m < n && span_is(bound, lo[m], "MAXVALUE");
    if (m == 0 && after)
        sd_buf_append(b, " AND FALSE");
    else if (m > 0)
        put_row_test(b, key, keys, bound, lo, m, after ? ">" : ">=");
    m = finite_prefix(bound, hi, n);
    bool upto = m < n && span_is(bound, hi[m], "MAXVALUE");
    if (m == 0 && !upto)
        sd_buf_append(b, " AND FALSE");
    else if (m > 0)
        put_row_test(b, key, keys, bound, hi, m, upto ? "<=" : "<");
}

/* LIST: key IN (values), a NULL among them as IS NULL. */
static void
list_test(sd_buf *b, const char *key, span k, const char *bound, const span *vals, size_t n)
{
    bool null = false;
    size_t nvals = 0;
    sd_buf_append(b, "(");
    put_span(b, key, k);
    sd_buf_append(b, ") IN (");
    for (size_t i = 0; i < n; i++) {
        if (span_is(bound, vals[i], "NULL")) {
            null = true;
            continue;
        }
        sd_buf_append(b, nvals++ > 0 ? ", " : "");
        put_span(b, bound, vals[i]);
    }
    if (nvals == 0)
        sd_buf_append(b, "NULL"); /* IN (NULL) is never true: only the IS NULL below */
    sd_buf_append(b, ")");
    if (null) {
        sd_buf_append(b, " OR (");
        put_span(b, key, k);
        sd_buf_append(b, ") IS NULL");
    }
}

/*
 * The test a row of the parent meets when it belongs in the partition with this bound, from
 * the parent's partition key ("RANGE (a, b)", "LIST (status)"), into b. false when either is
 * not of a form handled here.
 */
static bool
bound_test(sd_buf *b, const char *key, const char *bound)
{
    sd_tok kt[MAX_TOKS];
    sd_tok bt[MAX_TOKS];
    size_t nk = tokens(key, kt, MAX_TOKS);
    size_t nb = tokens(bound, bt, MAX_TOKS);
    if (nk < 2 || nb < 4 || !sd_tok_is_word(bound, &bt[0], "FOR") ||
        !sd_tok_is_word(bound, &bt[1], "VALUES"))
        return false;
    bool range = sd_tok_is_word(key, &kt[0], "RANGE");
    bool list = sd_tok_is_word(key, &kt[0], "LIST");
    span keys[MAX_ELEMS];
    size_t nkeys = 0;
    size_t i = 1;
    if (!(range || list) || !read_list(key, kt, nk, &i, keys, &nkeys) || i != nk ||
        !keys_comparable(key, keys, nkeys))
        return false;
    span lo[MAX_ELEMS];
    span hi[MAX_ELEMS];
    size_t nlo = 0;
    size_t nhi = 0;
    i = 3;
    if (list) {
        if (nkeys != 1 || !sd_tok_is_word(bound, &bt[2], "IN") ||
            !read_list(bound, bt, nb, &i, lo, &nlo) || i != nb)
            return false;
        list_test(b, key, keys[0], bound, lo, nlo);
        return true;
    }
    if (!sd_tok_is_word(bound, &bt[2], "FROM") || !read_list(bound, bt, nb, &i, lo, &nlo) ||
        i >= nb || !sd_tok_is_word(bound, &bt[i], "TO"))
        return false;
    i++;
    if (!read_list(bound, bt, nb, &i, hi, &nhi) || i != nb || nlo != nkeys || nhi != nkeys)
        return false;
    range_test(b, key, keys, nkeys, bound, lo, hi);
    return true;
}

/* The DEFAULT partition of "to" table parent that is the same table, the default partition
 * of the same parent, in "from" (so it exists, with its rows, when t is created). */
static const sd_object *
kept_default(const pg_ctx *c, const sd_object *t, const char *parent)
{
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(c->to, SD_KIND_TABLE, &n);
    for (size_t i = 0; i < n; i++) {
        if (ts[i] == t || !streq(ts[i]->v[SD_TABLE_PARTITION_OF].s, parent) ||
            !streq(ts[i]->v[SD_TABLE_PARTITION_BOUND].s, "DEFAULT") || c->p->rebuilt[i])
            continue;
        const sd_object *f = sd_model_find_key(c->from, SD_KIND_TABLE, ts[i]->key);
        if (f != NULL && !c->p->rekey[f->index] && streq(f->v[SD_TABLE_PARTITION_OF].s, parent) &&
            streq(f->v[SD_TABLE_PARTITION_BOUND].s, "DEFAULT"))
            return ts[i];
    }
    return NULL;
}

/* Columns rows move through: t's stored columns that the default partition d has now. */
static void
put_moved_columns(pg_ctx *c, const sd_object *t, const sd_object *d)
{
    size_t n = 0;
    size_t k = 0;
    const sd_object *const *cols = sd_model_children(c->to, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *dc =
            sd_model_find(c->from, SD_KIND_COLUMN, d->schema, d->name, cols[i]->name);
        if (dc == NULL || dc->v[SD_COLUMN_GENERATED].sql.text != NULL ||
            cols[i]->v[SD_COLUMN_GENERATED].sql.text != NULL)
            continue;
        put(c, k++ > 0 ? ", " : "");
        put_ident(c, cols[i]->name);
    }
}

bool
sd_emit__pg_partition_from_default(pg_ctx *c, const sd_object *t)
{
    const char *parent = t->v[SD_TABLE_PARTITION_OF].s;
    const char *bound = t->v[SD_TABLE_PARTITION_BOUND].s;
    const sd_object *p = parent != NULL ? sd_plan_pg_table_by_sql(c->p, parent) : NULL;
    if (p == NULL || bound == NULL || t->v[SD_TABLE_PARTITION_KEY].s != NULL ||
        c->p->rebuilt[t->index] || c->p->rebuilt[p->index] ||
        sd_model_find_key(c->from, SD_KIND_TABLE, t->key) != NULL ||
        p->v[SD_TABLE_PARTITION_KEY].s == NULL)
        return false;
    const sd_object *d = kept_default(c, t, parent);
    if (d == NULL || sd_table_is_foreign(t) || sd_table_is_foreign(d))
        return false; /* a foreign table's rows are the server's: none are moved */
    sd_buf test = SD_BUF_INIT;
    bool ok = bound_test(&test, p->v[SD_TABLE_PARTITION_KEY].s, bound);
    if (sd_buf_failed(&test))
        sd_writer_nomem(&c->w);
    if (!ok || sd_buf_failed(&test)) {
        sd_buf_dispose(&test);
        return false;
    }
    put(c, "-- rows of ");
    sd_emit__pg_comment_name(c, d);
    put(c, " in the bounds of the new partition move into it before it is attached\n");
    put(c, t->v[SD_TABLE_UNLOGGED].b ? "CREATE UNLOGGED TABLE " : "CREATE TABLE ");
    put_qname(c, t->schema, t->name);
    put(c, " (LIKE ");
    sd_emit__pg_fragment(c, t, "partition parent", parent, 0);
    put(c, " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE "
           "INCLUDING COMPRESSION)");
    sd_emit__pg_using(c, t->v[SD_TABLE_ACCESS_METHOD].s);
    put(c, ";\n");
    sd_emit__pg_spath_note_table(c, t, true);
    put(c, "INSERT INTO ");
    put_qname(c, t->schema, t->name);
    put(c, " (");
    put_moved_columns(c, t, d);
    put(c, ") SELECT ");
    put_moved_columns(c, t, d);
    put(c, " FROM ");
    put_qname(c, d->schema, d->name);
    put(c, " WHERE ");
    sd_emit__pg_fragment(c, t, "partition bound", sd_buf_cstr(&test), FRAG_COMMA);
    put(c, ";\nDELETE FROM ");
    put_qname(c, d->schema, d->name);
    put(c, " WHERE ");
    sd_emit__pg_fragment(c, t, "partition bound", sd_buf_cstr(&test), FRAG_COMMA);
    put(c, ";\nALTER TABLE ");
    sd_emit__pg_fragment(c, t, "partition parent", parent, 0);
    put(c, " ATTACH PARTITION ");
    put_qname(c, t->schema, t->name);
    put(c, " ");
    sd_emit__pg_fragment(c, t, "partition bound", bound, FRAG_COMMA);
    put(c, ";\n");
    sd_buf_dispose(&test);
    return true;
}
