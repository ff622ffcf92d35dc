/*
 * diff.c: matching and comparison. Both models are walked in canonical order; objects are
 * matched by identity key through the model's index, compared field by field through the
 * registry's field tables, and skipped whole when their fingerprints agree (a table's
 * fingerprint covers its columns and constraints).
 */
#include <string.h>

#include "diff/diff_int.h"

const char *
sd_op_name(sd_op op)
{
    switch (op) {
    case SD_OP_CREATE:
        return "create";
    case SD_OP_DROP:
        return "drop";
    case SD_OP_ALTER:
        return "alter";
    case SD_OP__COUNT:
        break;
    }
    return "?";
}

static sd_status
add_change(sd_changelist *cl,
           sd_op op,
           sd_kind kind,
           const sd_object *from,
           const sd_object *to,
           sd_change **out,
           sd_err *err)
{
    sd_change *c = sd_arena_alloc(cl->arena, sizeof(*c));
    if (c == NULL || sd_vec_push(&cl->changes, c) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    c->op = op;
    c->kind = kind;
    c->from = from;
    c->to = to;
    if (op == SD_OP_DROP && (kind == SD_KIND_TABLE || kind == SD_KIND_COLUMN))
        c->flags |= SD_CHG_LOSES_DATA;
    if (out != NULL)
        *out = c;
    return SD_OK;
}

/* Field differences other than column position (handled per table, see column_order). */
static void
compare_fields(sd_change *c, sd_engine e)
{
    const sd_kind_info *ki = sd_kind_get(c->kind);
    for (size_t f = 0; f < ki->nfields; f++) {
        /* Position is handled per table (column_order); another engine's fields are not
         * part of this engine's schema at all. */
        if ((ki->fields[f].flags & SD_FF_ORDER) || !sd_field_for_engine(&ki->fields[f], e))
            continue;
        if (sd_value_equal(ki->fields[f].type, &c->from->v[f], &c->to->v[f]))
            continue;
        if (ki->fields[f].flags & SD_FF_INFO)
            c->notes |= UINT64_C(1) << f;
        else
            c->fields |= UINT64_C(1) << f;
    }
    if (!ki->name_is_identity && sd_strcmp_c(c->from->name, c->to->name) != 0)
        c->fields |= UINT64_C(1) << SD_CHANGE_NAME_BIT;
    if (c->kind == SD_KIND_COLUMN && (c->fields & (UINT64_C(1) << SD_COLUMN_TYPE)))
        c->flags |= SD_CHG_TYPE_CHANGE;
}

static const sd_object *
counterpart(const sd_model *m, const sd_object *o)
{
    return sd_model_find_key(m, o->kind, o->key);
}

/*
 * Which kept "from" columns keep their place (stays[i]): a longest run, in "from" order, whose
 * ranks in "to" rise (patience sorting, n log n). The others are the fewest columns whose
 * moves explain the new order: a column dropped and added again at the end is one moved
 * column, not every column after it. false when out of memory.
 */
static bool
longest_rising(const size_t *rank_to,
               const sd_object *const *fc,
               size_t nf,
               const sd_model *to,
               bool *stays)
{
    size_t *tails = calloc(nf + 1, sizeof(size_t)); /* tails[k]: end of a best run of k + 1 */
    size_t *prev = calloc(nf + 1, sizeof(size_t));  /* per column: the one before it, or nf */
    if (tails == NULL || prev == NULL) {
        free(tails);
        free(prev);
        return false;
    }
    size_t len = 0;
    for (size_t i = 0; i < nf; i++) {
        if (counterpart(to, fc[i]) == NULL)
            continue;
        size_t lo = 0;
        size_t hi = len;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (rank_to[tails[mid]] < rank_to[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[i] = lo > 0 ? tails[lo - 1] : nf;
        tails[lo] = i;
        if (lo == len)
            len++;
    }
    for (size_t i = len > 0 ? tails[len - 1] : nf; i < nf; i = prev[i])
        stays[i] = true;
    free(tails);
    free(prev);
    return true;
}

/*
 * Column order. Applying in-place changes leaves the kept columns in "from" order followed by
 * the added ones, so that is the order to compare with "to". Not strict: only the kept
 * columns that moved relative to the others (longest_rising()) are reported, as notes. Strict:
 * every kept column whose place differs from where in-place changes would leave it is drift
 * (emitters then rebuild).
 */
static sd_status
column_order(sd_changelist *cl,
             const sd_object *tf,
             const sd_object *tt,
             bool strict,
             sd_change **col_changes,
             sd_err *err)
{
    size_t nf = 0;
    size_t nt = 0;
    const sd_object *const *fc = sd_model_children(cl->from, tf, SD_KIND_COLUMN, &nf);
    const sd_object *const *tc = sd_model_children(cl->to, tt, SD_KIND_COLUMN, &nt);
    sd_status rc = SD_OK;
    /* rank_to[i]: rank among kept columns, in "to" order, of the i-th "from" column */
    size_t *rank_to = calloc(nf + 1, sizeof(size_t));
    if (rank_to == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    size_t r = 0;
    for (size_t i = 0; i < nt; i++) {
        const sd_object *c = counterpart(cl->from, tc[i]);
        if (c != NULL)
            rank_to[c->index - fc[0]->index] = r++;
    }
    bool *stays = strict ? NULL : calloc(nf + 1, sizeof(bool));
    if (!strict && (stays == NULL || !longest_rising(rank_to, fc, nf, cl->to, stays))) {
        free(stays);
        free(rank_to);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    size_t rank_from = 0;
    for (size_t i = 0; i < nf; i++) {
        const sd_object *to_col = counterpart(cl->to, fc[i]);
        if (to_col == NULL)
            continue;
        size_t to_pos = to_col->index - tc[0]->index;
        /* In place, kept columns end up first, in "from" order: rank_from is where this one
         * lands. Not strict: a column moved when it is not among the most columns that keep
         * their relative order. */
        bool moved = strict ? to_pos != rank_from : !stays[i];
        rank_from++;
        if (!moved)
            continue;
        sd_change *c = col_changes[to_pos];
        if (c == NULL) {
            rc = add_change(cl, SD_OP_ALTER, SD_KIND_COLUMN, fc[i], to_col, &c, err);
            if (rc != SD_OK)
                break;
            col_changes[to_pos] = c;
        }
        if (strict)
            c->fields |= UINT64_C(1) << SD_COLUMN_POSITION;
        else
            c->notes |= UINT64_C(1) << SD_COLUMN_POSITION;
    }
    free(stays);
    free(rank_to);
    return rc;
}

/* Record an ALTER of f into t when a field differs; *out is the change, or NULL. */
static sd_status
alter_if_changed(sd_changelist *cl,
                 sd_kind k,
                 const sd_object *f,
                 const sd_object *t,
                 sd_change **out,
                 sd_err *err)
{
    sd_change probe = { SD_OP_ALTER, k, f, t, 0, 0, 0 };
    *out = NULL;
    compare_fields(&probe, sd_model_engine(cl->from));
    if (probe.fields == 0 && probe.notes == 0)
        return SD_OK;
    sd_change *c = sd_arena_alloc(cl->arena, sizeof(*c));
    if (c == NULL || sd_vec_push(&cl->changes, c) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    *c = probe;
    *out = c;
    return SD_OK;
}

static sd_status diff_owned(sd_changelist *cl,
                            const sd_object *tf,
                            const sd_object *tt,
                            const sd_diff_options *o,
                            sd_err *err);

/*
 * The generic merge of one kind: objects only in "from" are dropped, only in "to" created,
 * in both with different fingerprints compared field by field (and, for tables, their
 * owned objects). alters (may be NULL) receives each ALTER by the object's slot in tos.
 */
static sd_status
match_objects(sd_changelist *cl,
              sd_kind k,
              const sd_object *const *froms,
              size_t nf,
              const sd_object *const *tos,
              size_t nt,
              sd_change **alters,
              const sd_diff_options *o,
              sd_err *err)
{
    sd_status rc = SD_OK;
    for (size_t i = 0; i < nf && rc == SD_OK; i++) {
        const sd_object *other = counterpart(cl->to, froms[i]);
        if (other == NULL) {
            rc = add_change(cl, SD_OP_DROP, k, froms[i], NULL, NULL, err);
            continue;
        }
        if (other->fingerprint == froms[i]->fingerprint)
            continue;
        sd_change *c = NULL;
        rc = alter_if_changed(cl, k, froms[i], other, &c, err);
        if (c != NULL && alters != NULL)
            alters[other->index - tos[0]->index] = c;
        if (rc == SD_OK && k == SD_KIND_TABLE)
            rc = diff_owned(cl, froms[i], other, o, err);
    }
    for (size_t i = 0; i < nt && rc == SD_OK; i++)
        if (counterpart(cl->from, tos[i]) == NULL)
            rc = add_change(cl, SD_OP_CREATE, k, NULL, tos[i], NULL, err);
    return rc;
}

/* Owned objects of a table present on both sides whose fingerprints differ. */
static sd_status
diff_owned(sd_changelist *cl,
           const sd_object *tf,
           const sd_object *tt,
           const sd_diff_options *o,
           sd_err *err)
{
    sd_status rc = SD_OK;
    for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++) {
        if (sd_kind_get((sd_kind)k)->owner != SD_KIND_TABLE)
            continue;
        size_t nf = 0;
        size_t nt = 0;
        const sd_object *const *fc = sd_model_children(cl->from, tf, (sd_kind)k, &nf);
        const sd_object *const *tc = sd_model_children(cl->to, tt, (sd_kind)k, &nt);
        sd_change **alters = NULL;
        if (k == SD_KIND_COLUMN) {
            alters = calloc(nt + 1, sizeof(*alters));
            if (alters == NULL)
                return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        }
        rc = match_objects(cl, (sd_kind)k, fc, nf, tc, nt, alters, o, err);
        if (rc == SD_OK && alters != NULL && nf > 0 && nt > 0)
            rc = column_order(cl, tf, tt, o->strict_column_order, alters, err);
        free(alters);
    }
    return rc;
}

sd_status
sd_diff_models(sd_changelist **out,
               const sd_model *from,
               const sd_model *to,
               const sd_diff_options *opts,
               sd_err *err)
{
    static const sd_diff_options defaults = { false, NULL, 0 };
    if (opts == NULL)
        opts = &defaults;
    *out = NULL;
    if (sd_model_engine(from) != sd_model_engine(to)) {
        return sd_err_set(err, SD_ERR, "cannot compare a %s schema with a %s schema",
                          sd_engine_name(sd_model_engine(from)),
                          sd_engine_name(sd_model_engine(to)));
    }
    sd_changelist *cl = calloc(1, sizeof(*cl));
    if (cl == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    cl->arena = sd_arena_new();
    cl->from = from;
    cl->to = to;
    sd_status rc = SD_OK;
    if (cl->arena == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    rc = sd_diff__renames(cl, opts, err);
    if (rc != SD_OK)
        goto out;
    if (cl->renamed != NULL)
        from = cl->from = cl->renamed;
    /* Equal fingerprints: equal schemas, one comparison. */
    if (sd_model_fingerprint(from) != sd_model_fingerprint(to)) {
        for (size_t k = 0; k < SD_KIND__COUNT && rc == SD_OK; k++) {
            if (sd_kind_get((sd_kind)k)->owner != SD_KIND__COUNT)
                continue;
            size_t nf = 0;
            size_t nt = 0;
            const sd_object *const *fo = sd_model_objects(from, (sd_kind)k, &nf);
            const sd_object *const *to_objs = sd_model_objects(to, (sd_kind)k, &nt);
            rc = match_objects(cl, (sd_kind)k, fo, nf, to_objs, nt, NULL, opts, err);
        }
        if (rc != SD_OK)
            goto out;
    }
    rc = sd_diff__suggest(cl, err);
    if (rc != SD_OK)
        goto out;
    cl->drift = cl->renames.len; /* a rename is drift of its own */
    for (size_t i = 0; i < cl->changes.len; i++) {
        sd_change *c = cl->changes.items[i];
        if (c->op == SD_OP_ALTER && c->fields == 0)
            c->flags |= SD_CHG_NOTE_ONLY;
        else
            cl->drift++;
    }
    rc = sd_diff__order(cl, err);
out:
    if (rc != SD_OK) {
        sd_changelist_free(cl);
        return rc;
    }
    *out = cl;
    return SD_OK;
}

void
sd_changelist_free(sd_changelist *cl)
{
    if (cl == NULL)
        return;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        free(cl->from_change[k]);
        free(cl->to_change[k]);
        free(cl->to_deferred[k]);
    }
    sd_vec_dispose(&cl->changes);
    sd_vec_dispose(&cl->renames);
    sd_vec_dispose(&cl->suggestions);
    sd_model_free(cl->renamed);
    sd_arena_free(cl->arena);
    free(cl);
}

size_t
sd_changelist_count(const sd_changelist *cl)
{
    return cl->changes.len;
}

const sd_change *
sd_changelist_at(const sd_changelist *cl, size_t i)
{
    return i < cl->changes.len ? cl->changes.items[i] : NULL;
}

const sd_model *
sd_changelist_from(const sd_changelist *cl)
{
    return cl->from;
}

const sd_model *
sd_changelist_to(const sd_changelist *cl)
{
    return cl->to;
}

size_t
sd_changelist_drift_count(const sd_changelist *cl)
{
    return cl->drift;
}

const sd_change *
sd_changelist_find(const sd_changelist *cl, const sd_object *o)
{
    size_t k = o->kind;
    size_t idx = 0;
    if (sd_model_at(cl->from, o->kind, o->index) == o && cl->from_change[k] != NULL)
        idx = cl->from_change[k][o->index];
    else if (sd_model_at(cl->to, o->kind, o->index) == o && cl->to_change[k] != NULL)
        idx = cl->to_change[k][o->index];
    return idx == 0 ? NULL : cl->changes.items[idx - 1];
}

const sd_change *
sd_changelist_deferred(const sd_changelist *cl, const sd_object *o)
{
    size_t k = o->kind;
    size_t idx = 0;
    if (sd_model_at(cl->to, o->kind, o->index) == o && cl->to_deferred[k] != NULL)
        idx = cl->to_deferred[k][o->index];
    return idx == 0 ? NULL : cl->changes.items[idx - 1];
}
