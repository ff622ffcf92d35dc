/*
 * order.c: the order of a change list. pg_dump's approach adapted to changes: a canonical
 * pre-order with a total comparator (drops first and in reverse kind order, then creates
 * and alters in kind order; an owned object's change right after its table's), then a
 * Kahn topological sort over dependency edges that always takes the ready change earliest
 * in the pre-order, so the result is unique and moves nothing without a reason.
 *
 * A new table is written whole by its own change, so what its columns and constraints
 * depend on are edges into the table's change, and what depends on one of them (a function
 * whose body reads a column) depends on the table's change.
 *
 * The sort and the loop machinery are util/topo.h's; this file holds the policy: the
 * pre-order (the priority), the edges, the repair and the error.
 *
 * Loops (pg_dump_sort.c's repair of dependency loops, adapted): when the sort stalls, the
 * strongly connected components of what is left are found (Tarjan, linear). Each edge into
 * a create may carry the part of the created object it comes from when that part can be put
 * off (a column default or a CHECK of a new table, a new domain's CHECKs and default, a new
 * view's query; see SD_CHG_DEFERRED; a new base type's definition is split before the sort). In
 * each component the create earliest in the pre-order that has such an edge from inside the
 * component is split: a new SD_CHG_DEFERRED change for each of those parts takes over the part's
 * edges and comes after the create. The sort then goes on; a component without such an edge cannot
 * be broken and is reported with the objects of one loop in it, in loop order. A split part ranks
 * right after the change it came from, so it is taken as soon as it is ready (a domain gets its
 * CHECKs and default before a kept table's new column of it fills its rows), and the order stays
 * unique.
 */
#include <string.h>

#include "diff/diff_int.h"

/* A change and its place in the pre-order. */
typedef struct node {
    sd_change *c;  /* the change */
    size_t key[5]; /* phase, group kind, group index, own kind, own index */
} node;

/* Topo node i is change chg[i]: the pre-order's, then split-out parts. A topo node's
 * priority is 2 * its rank; a split part's 2 * its owner's + 1. An edge's tag is the
 * deferrable part of its target's object it comes from, or NULL. */
typedef struct sorter {
    sd_changelist *cl;
    sd_topo topo;
    SD_VEC(sd_change *) chg;           /* per topo node: its change */
    size_t *part_node[SD_KIND__COUNT]; /* per kind, by "to" object index: split node + 1
                                          (the list's arena) */
    sd_err *err;
} sorter;

static const sd_object *
subject(const sd_change *c)
{
    return c->op == SD_OP_DROP ? c->from : c->to;
}

static void
make_key(node *n)
{
    const sd_change *c = n->c;
    const sd_object *o = subject(c);
    bool drop = c->op == SD_OP_DROP;
    const sd_object *g = o->owner != NULL ? o->owner : o;
    /* Drops undo dependencies, so they run in reverse kind order. */
    size_t gk = drop ? (size_t)SD_KIND__COUNT - g->kind : (size_t)g->kind;
    n->key[0] = drop ? 0 : 1;
    n->key[1] = gk;
    n->key[2] = g->index;
    n->key[3] = o->owner != NULL ? (size_t)o->kind + 1 : 0;
    n->key[4] = o->owner != NULL ? o->index : 0;
}

static int
cmp_nodes(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const node *a = *(node *const *)pa;
    const node *b = *(node *const *)pb;
    for (size_t i = 0; i < 5; i++)
        if (a->key[i] != b->key[i])
            return a->key[i] < b->key[i] ? -1 : 1;
    return 0;
}

/* Index (+1) of the change for an object, 0 when it has none. */
static size_t
change_of(const sd_changelist *cl, bool from_side, const sd_object *o)
{
    size_t *const *map = from_side ? cl->from_change : cl->to_change;
    return map[o->kind] != NULL ? map[o->kind][o->index] : 0;
}

static sd_status
add_edge(sorter *s, size_t before, size_t after, const sd_object *part)
{
    return sd_topo_add_edge(&s->topo, before, after, part, s->err);
}

/* Object -> change index maps, for dependency edges and sd_changelist_find(). Deferred
 * parts go to a map of their own: their object's change stays the one that creates it. */
static sd_status
build_maps(sd_changelist *cl, sd_err *err)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t nf = sd_model_count(cl->from, (sd_kind)k);
        size_t nt = sd_model_count(cl->to, (sd_kind)k);
        free(cl->from_change[k]);
        free(cl->to_change[k]);
        free(cl->to_deferred[k]);
        cl->to_deferred[k] = NULL;
        cl->from_change[k] = calloc(nf + 1, sizeof(size_t));
        cl->to_change[k] = calloc(nt + 1, sizeof(size_t));
        if (cl->from_change[k] == NULL || cl->to_change[k] == NULL)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < cl->changes.len; i++) {
        const sd_change *c = cl->changes.items[i];
        if (c->flags & SD_CHG_DEFERRED) {
            size_t **map = &cl->to_deferred[c->kind];
            if (*map == NULL)
                *map = calloc(sd_model_count(cl->to, c->kind) + 1, sizeof(size_t));
            if (*map == NULL)
                return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
            (*map)[c->to->index] = i + 1;
            continue;
        }
        if (c->from != NULL)
            cl->from_change[c->kind][c->from->index] = i + 1;
        if (c->to != NULL)
            cl->to_change[c->kind][c->to->index] = i + 1;
    }
    return SD_OK;
}

/* ---- deferrable parts ---- */

/* Kinds whose objects a default or CHECK expression calls or reads (not types: a column or
 * domain keeps what its type needs). */
static bool
expression_kind(sd_kind k)
{
    return k == SD_KIND_FUNCTION || k == SD_KIND_OPERATOR || k == SD_KIND_SEQUENCE;
}

/* Kinds a view stub needs: its schema and its columns' types and collations. */
static bool
stub_kind(sd_kind k)
{
    return k == SD_KIND_SCHEMA || k == SD_KIND_EXTENSION || k == SD_KIND_COLLATION ||
           k == SD_KIND_ENUM || k == SD_KIND_DOMAIN || k == SD_KIND_COMPOSITE || k == SD_KIND_RANGE;
}

/* Whether a new base type is created in two parts: a shell first, its definition later (a
 * type with a definition: its input function needs the shell; PostgreSQL only). */
static bool
base_type_split(const sd_changelist *cl, const sd_object *o)
{
    return sd_model_engine(cl->to) == SD_ENGINE_PG && o->kind == SD_KIND_BASE_TYPE &&
           o->v[SD_BASE_TYPE_INPUT].names.len > 0;
}

/*
 * The part of o (created by its own change or its new table's) that a dependency on an
 * object of kind dk comes from, when that part can be created later; NULL otherwise.
 * PostgreSQL only: SQLite has no statement that adds a default or a CHECK later.
 */
static const sd_object *
deferrable_part(const sd_changelist *cl, const sd_object *o, sd_kind dk)
{
    if (sd_model_engine(cl->to) != SD_ENGINE_PG)
        return NULL;
    const sd_value *v = o->v;
    if (o->kind == SD_KIND_COLUMN) {
        if (v[SD_COLUMN_DEFAULT].sql.text == NULL || v[SD_COLUMN_GENERATED].sql.text != NULL ||
            v[SD_COLUMN_INHERITED].b || o->owner == NULL ||
            o->owner->v[SD_TABLE_PARTITION_OF].s != NULL)
            return NULL;
        return expression_kind(dk) ? o : NULL;
    }
    if (o->kind == SD_KIND_CHECK)
        return o;
    if (o->kind == SD_KIND_DOMAIN) {
        if (v[SD_DOMAIN_CHECKS].names.len == 0 && v[SD_DOMAIN_DEFAULT].sql.text == NULL)
            return NULL;
        return expression_kind(dk) ? o : NULL;
    }
    if (o->kind == SD_KIND_VIEW)
        return v[SD_VIEW_COLUMNS].names.len > 0 && !stub_kind(dk) ? o : NULL;
    /* A base type's definition (CREATE TYPE t (...)) comes after its I/O functions, which
     * need the shell (CREATE TYPE t;) its change writes first, as pg_dump does. */
    if (o->kind == SD_KIND_BASE_TYPE)
        return base_type_split(cl, o) && dk != SD_KIND_SCHEMA ? o : NULL;
    return NULL;
}

/* The fields a split part puts off (see SD_CHG_DEFERRED). */
static uint64_t
deferred_fields(const sd_object *p)
{
    if (p->kind == SD_KIND_COLUMN)
        return UINT64_C(1) << SD_COLUMN_DEFAULT;
    if (p->kind == SD_KIND_DOMAIN)
        return (UINT64_C(1) << SD_DOMAIN_CHECKS) | (UINT64_C(1) << SD_DOMAIN_DEFAULT);
    if (p->kind == SD_KIND_VIEW)
        return UINT64_C(1) << SD_VIEW_SQL;
    if (p->kind == SD_KIND_BASE_TYPE) /* the definition, and owner, privileges and comment */
        return (UINT64_C(1) << SD_BASE_TYPE__NFIELDS) - 1;
    return 0;
}

/* ---- edges ---- */

static sd_status part_node(sorter *s, size_t owner_node, const sd_object *p, size_t *out);

/* The change a non-drop change depending on d waits for: d's own, or, for a column or
 * constraint of a new table, the table's. */
static size_t
to_dep_change(const sorter *s, const sd_object *d)
{
    size_t j = change_of(s->cl, false, d);
    if (j == 0 && d->owner != NULL) {
        size_t t = change_of(s->cl, false, d->owner);
        if (t != 0 && s->chg.items[t - 1]->op == SD_OP_CREATE)
            j = t;
    }
    return j;
}

/* Edges into non-drop change i for the dependencies of o (i's object or, for a new table,
 * one of its columns and constraints). */
static sd_status
add_to_edges(sorter *s, size_t i, const sd_object *o)
{
    const sd_change *c = s->chg.items[i];
    /* Parts come from a new domain or view, or a new table's columns and CHECKs; not from a
     * column or CHECK a change of its own adds to a kept table (ADD COLUMN fills its rows
     * with the default, and that change is the whole CHECK). */
    bool may_split = c->op == SD_OP_CREATE && (o != subject(c) || o->owner == NULL);
    for (size_t d = 0; d < o->ndeps; d++) {
        const sd_object *dep = sd_model_find_ref(s->cl->to, &o->deps[d]);
        size_t j = dep != NULL ? to_dep_change(s, dep) : 0;
        if (j == 0 || s->chg.items[j - 1]->op == SD_OP_DROP)
            continue;
        if (dep->kind == SD_KIND_BASE_TYPE) {
            /* A base type's own I/O function needs only its shell: the type's new one (its
             * change writes the shell), or the one that exists. What else uses a new base
             * type waits for its definition. */
            bool io = sd_base_type_io_function(s->cl->to, dep, o);
            if (io && s->chg.items[j - 1]->op != SD_OP_CREATE)
                continue;
            const size_t *pn = s->part_node[SD_KIND_BASE_TYPE];
            if (!io && pn != NULL && pn[dep->index] != 0)
                j = pn[dep->index];
        }
        const sd_object *part = may_split ? deferrable_part(s->cl, o, dep->kind) : NULL;
        size_t pn = 0;
        /* A view that reads itself: its query goes after it, as a stub cannot. (A new table's
         * column or constraint naming a sibling column is no loop: add_edge skips it.) */
        sd_status rc = j - 1 == i && part != NULL && o == subject(c) ? part_node(s, i, part, &pn)
                                                                     : add_edge(s, j - 1, i, part);
        if (rc != SD_OK)
            return rc;
    }
    return SD_OK;
}

/* What a new table writes inline with itself (foreign keys and policies come later). */
static const sd_kind TABLE_PARTS[] = { SD_KIND_COLUMN, SD_KIND_PRIMARY_KEY, SD_KIND_UNIQUE,
                                       SD_KIND_CHECK, SD_KIND_EXCLUSION };

/* Edges: what a created or altered object depends on comes first; a dropped object goes
 * before what it depended on. */
static sd_status
add_dep_edges(sorter *s)
{
    sd_changelist *cl = s->cl;
    sd_status rc = SD_OK;
    size_t n = s->chg.len;
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        const sd_change *c = s->chg.items[i];
        const sd_object *o = subject(c);
        if (c->op != SD_OP_DROP) {
            rc = add_to_edges(s, i, o);
            if (c->op != SD_OP_CREATE || c->kind != SD_KIND_TABLE)
                continue;
            for (size_t k = 0; k < SD_ARRAY_LEN(TABLE_PARTS) && rc == SD_OK; k++) {
                size_t nc = 0;
                const sd_object *const *ch = sd_model_children(cl->to, o, TABLE_PARTS[k], &nc);
                for (size_t x = 0; x < nc && rc == SD_OK; x++)
                    rc = add_to_edges(s, i, ch[x]);
            }
            continue;
        }
        for (size_t d = 0; d < o->ndeps && rc == SD_OK; d++) {
            const sd_object *dep = sd_model_find_ref(cl->from, &o->deps[d]);
            /* DROP TYPE ... CASCADE takes a base type's own I/O functions along (PostgreSQL
             * drops neither alone): the type goes after them, not before. */
            if (dep != NULL && sd_base_type_io_function(cl->from, o, dep))
                continue;
            size_t j = dep != NULL ? change_of(cl, true, dep) : 0;
            if (j != 0 && s->chg.items[j - 1]->op == SD_OP_DROP)
                rc = add_edge(s, i, j - 1, NULL);
        }
    }
    return rc;
}

/* ---- loops ---- */

/* "create view public.v" for the error message. */
static void
describe_node(sd_buf *b, const sd_change *c)
{
    sd_buf_append(b, sd_op_name(c->op));
    sd_buf_putc(b, ' ');
    sd_object_describe(b, subject(c));
}

/* The loop sd_topo_sort() found, named. */
static sd_status
loop_error(sorter *s)
{
    size_t len = 0;
    const size_t *loop = sd_topo_loop(&s->topo, &len);
    sd_buf b = SD_BUF_INIT;
    for (size_t i = 0; i < len; i++) {
        describe_node(&b, s->chg.items[loop[i]]);
        sd_buf_append(&b, " -> ");
    }
    if (len > 0)
        describe_node(&b, s->chg.items[loop[0]]);
    sd_status rc = sd_err_set(s->err, SD_ERR_CYCLE,
                              "dependency cycle between changes that cannot be broken "
                              "(each needs the one before it): %s",
                              sd_buf_cstr(&b));
    sd_err_hint(s->err, "no object in it has a part that can be created later (a column "
                        "default, a CHECK, a view's query); break the cycle by hand, e.g. "
                        "apply part of the change first");
    sd_buf_dispose(&b);
    return rc;
}

/* The node for a deferred part, created on first use. */
static sd_status
part_node(sorter *s, size_t owner_node, const sd_object *p, size_t *out)
{
    /* In the list's arena: only lists with loops need these. */
    if (s->part_node[p->kind] == NULL)
        s->part_node[p->kind] =
            sd_arena_array(s->cl->arena, size_t, sd_model_count(s->cl->to, p->kind) + 1);
    size_t *map = s->part_node[p->kind];
    if (map == NULL)
        return sd_err_set(s->err, SD_ERR_NOMEM, "out of memory");
    if (map[p->index] != 0) {
        *out = map[p->index] - 1;
        return SD_OK;
    }
    sd_change *c = sd_arena_alloc(s->cl->arena, sizeof(*c));
    if (c == NULL || sd_vec_push(&s->cl->changes, c) != SD_OK || sd_vec_push(&s->chg, c) != SD_OK)
        return sd_err_set(s->err, SD_ERR_NOMEM, "out of memory");
    sd_status rc =
        sd_topo_add_node(&s->topo, s->topo.nodes.items[owner_node].prio + 1, out, s->err);
    if (rc != SD_OK)
        return rc;
    memset(c, 0, sizeof(*c));
    c->op = SD_OP_CREATE;
    c->kind = p->kind;
    c->to = p;
    c->fields = deferred_fields(p);
    c->flags = SD_CHG_DEFERRED;
    map[p->index] = *out + 1;
    return add_edge(s, owner_node, *out, NULL);
}

/* The component of node u when the loops were found; 0 for a node sorted or added since. */
static size_t
comp_of(const sd_topo_sccs *sccs, size_t u)
{
    return u < sccs->nnodes ? sccs->comp[u] : 0;
}

/* Parts of the split node v that an edge from inside v's component comes from get their
 * own nodes. */
static sd_status
split_parts(sorter *s, const sd_topo_sccs *sccs, size_t v)
{
    size_t n = sd_topo_count(&s->topo);
    sd_status rc = SD_OK;
    for (size_t u = 0; u < n && rc == SD_OK; u++) {
        if (comp_of(sccs, u) != comp_of(sccs, v))
            continue;
        size_t ne = 0;
        sd_topo_out(&s->topo, u, &ne);
        for (size_t e = 0; e < ne && rc == SD_OK; e++) {
            /* Read again each time: part_node() adds edges to v. */
            sd_topo_edge ed = sd_topo_out(&s->topo, u, &ne)[e];
            size_t pn = 0;
            if (ed.to == v && ed.tag != NULL)
                rc = part_node(s, v, ed.tag, &pn);
        }
    }
    return rc;
}

/* Every pending edge of a split part now points at the part's own node; returns how many
 * moved. */
static size_t
move_part_edges(sorter *s)
{
    size_t moved = 0;
    for (size_t u = 0; u < sd_topo_count(&s->topo); u++) {
        if (s->topo.nodes.items[u].done)
            continue;
        size_t ne = 0;
        const sd_topo_edge *out = sd_topo_out(&s->topo, u, &ne);
        for (size_t e = 0; e < ne; e++) {
            const sd_object *part = out[e].tag;
            const size_t *map = part != NULL ? s->part_node[part->kind] : NULL;
            size_t pn = map != NULL ? map[part->index] : 0;
            if (pn == 0)
                continue;
            sd_topo_move_edge(&s->topo, u, e, pn - 1, NULL);
            moved++;
        }
    }
    return moved;
}

/* The sort stalled (sd_topo_repair_fn): split what breaks each loop, or give up on one that
 * cannot be broken. */
static sd_status
repair(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    sorter *s = ctx;
    size_t n = sccs->nnodes;
    size_t *best = calloc(sccs->count + 1, sizeof(size_t)); /* per component: node to split + 1 */
    if (best == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    /* Per component, the earliest create with a deferrable edge from inside it. */
    for (size_t u = 0; u < n; u++) {
        size_t k = sccs->comp[u];
        if (k == 0)
            continue;
        size_t ne = 0;
        const sd_topo_edge *out = sd_topo_out(t, u, &ne);
        for (size_t e = 0; e < ne; e++) {
            size_t w = out[e].to;
            if (out[e].tag == NULL || w == SD_TOPO_NONE || comp_of(sccs, w) != k)
                continue;
            if (best[k] == 0 || w < best[k] - 1)
                best[k] = w + 1;
        }
    }
    /* A loop that cannot be broken: the one through the earliest such component's first
     * node (components are numbered in no useful order, nodes are). */
    for (size_t u = 0; u < n; u++) {
        size_t k = sccs->comp[u];
        if (k != 0 && sccs->size[k] > 1 && best[k] == 0) {
            sd_topo_stuck(t, u);
            free(best);
            return SD_OK;
        }
    }
    sd_status rc = SD_OK;
    for (size_t k = 1; k <= sccs->count && rc == SD_OK; k++)
        if (sccs->size[k] > 1)
            rc = split_parts(s, sccs, best[k] - 1);
    free(best);
    /* Every split moves at least the edge that chose it: the loop shrinks. */
    if (rc == SD_OK && move_part_edges(s) == 0)
        rc = sd_err_set(err, SD_ERR, "internal error: a dependency loop was not broken");
    return rc;
}

sd_status
sd_diff__order(sd_changelist *cl, sd_err *err)
{
    size_t n = cl->changes.len;
    sd_status rc = SD_OK;
    sorter s = { 0 };
    s.cl = cl;
    s.err = err;
    node *nodes = calloc(n + 1, sizeof(*nodes));
    node **pre = calloc(n + 1, sizeof(*pre));
    rc = sd_topo_init(&s.topo, n, err);
    if (rc != SD_OK)
        goto out;
    if (pre == NULL || nodes == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        nodes[i].c = cl->changes.items[i];
        make_key(&nodes[i]);
        pre[i] = &nodes[i];
    }
    if (sd_sort(pre, n, sizeof(*pre), cmp_nodes, NULL) != SD_OK) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    /* Renumber so that nodes are in pre-order: a node's index is its rank. */
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        cl->changes.items[i] = pre[i]->c;
        sd_topo_set_prio(&s.topo, i, 2 * i);
        if (sd_vec_push(&s.chg, pre[i]->c) != SD_OK)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    if (rc == SD_OK)
        rc = build_maps(cl, err);
    /* A new base type's definition is a part of its own from the start: its dependents'
     * edges come from it (add_to_edges). */
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        const sd_change *c = s.chg.items[i];
        size_t pn = 0;
        if (c->op == SD_OP_CREATE && base_type_split(cl, c->to))
            rc = part_node(&s, i, c->to, &pn);
    }
    if (rc == SD_OK)
        rc = add_dep_edges(&s);
    if (rc != SD_OK)
        goto out;
    /* Edges may have split parts out already (views that read themselves). */
    move_part_edges(&s);
    rc = sd_topo_sort(&s.topo, repair, &s, err);
    if (rc == SD_ERR_CYCLE)
        rc = loop_error(&s);
    if (rc != SD_OK)
        goto out;
    size_t no = 0;
    const size_t *order = sd_topo_order(&s.topo, &no);
    for (size_t i = 0; i < no; i++)
        cl->changes.items[i] = s.chg.items[order[i]];
    rc = build_maps(cl, err);
out:
    sd_topo_dispose(&s.topo);
    sd_vec_dispose(&s.chg);
    free(pre);
    free(nodes);
    return rc;
}
