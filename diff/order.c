/*
 * order.c: the order of a change list. pg_dump's approach adapted to changes: a canonical
 * pre-order with a total comparator (drops first and in reverse kind order, then creates
 * and alters in kind order; an owned object's change right after its table's), then a
 * Kahn topological sort over dependency edges that always takes the ready change earliest
 * in the pre-order, so the result is unique and moves nothing without a reason.
 */
#include <string.h>

#include "diff/diff_int.h"

typedef struct node {
    sd_change *c;       /* the change */
    size_t key[5];      /* phase, group kind, group index, own kind, own index */
    size_t rank;        /* position in the pre-order */
    size_t indeg;       /* unsatisfied incoming edges */
    SD_VEC(size_t) out; /* ranks of changes that must come after this one */
} node;

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

/* ---- a binary min-heap of ranks ---- */

static void
heap_push(size_t *h, size_t *n, size_t v)
{
    size_t i = (*n)++;
    h[i] = v;
    while (i > 0 && h[(i - 1) / 2] > h[i]) {
        size_t p = (i - 1) / 2;
        size_t t = h[p];
        h[p] = h[i];
        h[i] = t;
        i = p;
    }
}

static size_t
heap_pop(size_t *h, size_t *n)
{
    size_t top = h[0];
    h[0] = h[--(*n)];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1;
        size_t r = l + 1;
        size_t m = i;
        if (l < *n && h[l] < h[m])
            m = l;
        if (r < *n && h[r] < h[m])
            m = r;
        if (m == i)
            break;
        size_t t = h[m];
        h[m] = h[i];
        h[i] = t;
        i = m;
    }
    return top;
}

/* Index (+1) of the change for an object, 0 when it has none. */
static size_t
change_of(const sd_changelist *cl, bool from_side, const sd_object *o)
{
    size_t *const *map = from_side ? cl->from_change : cl->to_change;
    return map[o->kind] != NULL ? map[o->kind][o->index] : 0;
}

static sd_status
add_edge(node *nodes, size_t before, size_t after, sd_err *err)
{
    if (before == after)
        return SD_OK;
    if (sd_vec_push(&nodes[before].out, after) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    nodes[after].indeg++;
    return SD_OK;
}

static sd_status
cycle_error(node *nodes, size_t n, sd_err *err)
{
    sd_buf b = SD_BUF_INIT;
    size_t shown = 0;
    for (size_t i = 0; i < n && shown < 8; i++) {
        if (nodes[i].indeg == 0)
            continue;
        if (shown++ > 0)
            sd_buf_append(&b, ", ");
        sd_buf_append(&b, sd_op_name(nodes[i].c->op));
        sd_buf_putc(&b, ' ');
        sd_object_describe(&b, subject(nodes[i].c));
    }
    sd_status rc =
        sd_err_set(err, SD_ERR_CYCLE, "dependency cycle between changes: %s", sd_buf_cstr(&b));
    sd_err_hint(err, "break the cycle by hand, e.g. drop one of the objects first");
    sd_buf_dispose(&b);
    return rc;
}

/* Object -> change index maps, for dependency edges and sd_changelist_find(). */
static sd_status
build_maps(sd_changelist *cl, sd_err *err)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t nf = sd_model_count(cl->from, (sd_kind)k);
        size_t nt = sd_model_count(cl->to, (sd_kind)k);
        free(cl->from_change[k]);
        free(cl->to_change[k]);
        cl->from_change[k] = calloc(nf + 1, sizeof(size_t));
        cl->to_change[k] = calloc(nt + 1, sizeof(size_t));
        if (cl->from_change[k] == NULL || cl->to_change[k] == NULL)
            return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    for (size_t i = 0; i < cl->changes.len; i++) {
        const sd_change *c = cl->changes.items[i];
        if (c->from != NULL)
            cl->from_change[c->kind][c->from->index] = i + 1;
        if (c->to != NULL)
            cl->to_change[c->kind][c->to->index] = i + 1;
    }
    return SD_OK;
}

/* Edges: what a created or altered object depends on comes first; a dropped object goes
 * before what it depended on. */
static sd_status
add_dep_edges(sd_changelist *cl, node *nodes, size_t n, sd_err *err)
{
    sd_status rc = SD_OK;
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        const sd_change *c = nodes[i].c;
        bool drop = c->op == SD_OP_DROP;
        const sd_object *o = subject(c);
        const sd_model *m = drop ? cl->from : cl->to;
        for (size_t d = 0; d < o->ndeps && rc == SD_OK; d++) {
            const sd_object *dep = sd_model_find_ref(m, &o->deps[d]);
            size_t j = dep != NULL ? change_of(cl, drop, dep) : 0;
            if (j == 0)
                continue;
            bool dep_dropped = nodes[j - 1].c->op == SD_OP_DROP;
            if (drop && dep_dropped)
                rc = add_edge(nodes, i, j - 1, err);
            else if (!drop && !dep_dropped)
                rc = add_edge(nodes, j - 1, i, err);
        }
    }
    return rc;
}

/* Kahn's algorithm, always taking the ready change earliest in the pre-order. */
static sd_status
topo_sort(node *nodes, size_t n, node **sorted, size_t *heap, sd_err *err)
{
    size_t hn = 0;
    size_t done = 0;
    for (size_t i = 0; i < n; i++)
        if (nodes[i].indeg == 0)
            heap_push(heap, &hn, i);
    while (hn > 0) {
        size_t i = heap_pop(heap, &hn);
        sorted[done++] = &nodes[i];
        for (size_t e = 0; e < nodes[i].out.len; e++) {
            size_t j = nodes[i].out.items[e];
            if (--nodes[j].indeg == 0)
                heap_push(heap, &hn, j);
        }
    }
    return done == n ? SD_OK : cycle_error(nodes, n, err);
}

sd_status
sd_diff__order(sd_changelist *cl, sd_err *err)
{
    size_t n = cl->changes.len;
    sd_status rc = SD_OK;
    node *nodes = calloc(n + 1, sizeof(*nodes));
    node **sorted = calloc(n + 1, sizeof(*sorted));
    size_t *heap = calloc(n + 1, sizeof(*heap));
    if (nodes == NULL || sorted == NULL || heap == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        nodes[i].c = cl->changes.items[i];
        make_key(&nodes[i]);
        sorted[i] = &nodes[i];
    }
    if (sd_sort(sorted, n, sizeof(*sorted), cmp_nodes, NULL) != SD_OK) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    /* Renumber so that nodes[] is in pre-order: a node's index is its rank. */
    for (size_t i = 0; i < n; i++)
        cl->changes.items[i] = sorted[i]->c;
    for (size_t i = 0; i < n; i++) {
        nodes[i].c = cl->changes.items[i];
        nodes[i].rank = i;
    }
    rc = build_maps(cl, err);
    if (rc == SD_OK)
        rc = add_dep_edges(cl, nodes, n, err);
    if (rc == SD_OK)
        rc = topo_sort(nodes, n, sorted, heap, err);
    if (rc != SD_OK)
        goto out;
    for (size_t i = 0; i < n; i++)
        cl->changes.items[i] = sorted[i]->c;
    rc = build_maps(cl, err);
out:
    if (nodes != NULL)
        for (size_t i = 0; i < n; i++)
            sd_vec_dispose(&nodes[i].out);
    free(nodes);
    free(sorted);
    free(heap);
    return rc;
}
