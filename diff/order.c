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
 * Loops (pg_dump_sort.c's repair of dependency loops, adapted): when the sort stalls, the
 * strongly connected components of what is left are found (Tarjan, linear). Each edge into
 * a create may carry the part of the created object it comes from when that part can be put
 * off (a column default or a CHECK of a new table, a new domain's CHECKs and default, a new
 * view's query; see SD_CHG_DEFERRED). In each component the create earliest in the pre-order
 * that has such an edge from inside the component is split: a new SD_CHG_DEFERRED change
 * for each of those parts takes over the part's edges and comes after the create. The sort
 * then goes on; a component without such an edge cannot be broken and is reported with
 * the objects of one loop in it, in loop order. A split part ranks right after the change
 * it came from, so it is taken as soon as it is ready (a domain gets its CHECKs and default
 * before a kept table's new column of it fills its rows), and the order stays unique.
 */
#include <string.h>

#include "diff/diff_int.h"

typedef struct edge {
    size_t to;             /* node that must come after */
    const sd_object *part; /* the deferrable part of to's object it comes from, or NULL */
} edge;

typedef struct node {
    sd_change *c;     /* the change */
    size_t key[5];    /* phase, group kind, group index, own kind, own index */
    size_t indeg;     /* unsatisfied incoming edges */
    size_t prio;      /* place among ready nodes: 2 * rank; a split part 2 * its owner's + 1 */
    bool done;        /* taken by the sort */
    SD_VEC(edge) out; /* changes that must come after this one */
} node;

typedef struct sorter {
    sd_changelist *cl;
    SD_VEC(node) nodes;                /* index = rank: pre-order, then split-out parts */
    size_t *heap;                      /* ready nodes, a min-heap by (prio, index) */
    size_t hn;                         /* nodes in the heap */
    SD_VEC(size_t) sorted;             /* output order */
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

/* ---- a binary min-heap of ready nodes, by (prio, index) ---- */

static bool
before(const sorter *s, size_t a, size_t b)
{
    size_t pa = s->nodes.items[a].prio;
    size_t pb = s->nodes.items[b].prio;
    return pa != pb ? pa < pb : a < b;
}

static void
heap_push(sorter *s, size_t v)
{
    size_t *h = s->heap;
    size_t i = s->hn++;
    h[i] = v;
    while (i > 0 && before(s, h[i], h[(i - 1) / 2])) {
        size_t p = (i - 1) / 2;
        size_t t = h[p];
        h[p] = h[i];
        h[i] = t;
        i = p;
    }
}

static size_t
heap_pop(sorter *s)
{
    size_t *h = s->heap;
    size_t top = h[0];
    size_t n = --s->hn;
    h[0] = h[n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1;
        size_t r = l + 1;
        size_t m = i;
        if (l < n && before(s, h[l], h[m]))
            m = l;
        if (r < n && before(s, h[r], h[m]))
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
add_edge(sorter *s, size_t before, size_t after, const sd_object *part)
{
    if (before == after)
        return SD_OK;
    edge e = { after, part };
    if (sd_vec_push(&s->nodes.items[before].out, e) != SD_OK)
        return sd_err_set(s->err, SD_ERR_NOMEM, "out of memory");
    s->nodes.items[after].indeg++;
    return SD_OK;
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

/* Kinds a view stub needs: its schema and its columns' types. */
static bool
stub_kind(sd_kind k)
{
    return k == SD_KIND_SCHEMA || k == SD_KIND_EXTENSION || k == SD_KIND_ENUM ||
           k == SD_KIND_DOMAIN || k == SD_KIND_COMPOSITE || k == SD_KIND_RANGE;
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
        if (t != 0 && s->nodes.items[t - 1].c->op == SD_OP_CREATE)
            j = t;
    }
    return j;
}

/* Edges into non-drop change i for the dependencies of o (i's object or, for a new table,
 * one of its columns and constraints). */
static sd_status
add_to_edges(sorter *s, size_t i, const sd_object *o)
{
    const sd_change *c = s->nodes.items[i].c;
    /* Parts come from a new domain or view, or a new table's columns and CHECKs; not from a
     * column or CHECK a change of its own adds to a kept table (ADD COLUMN fills its rows
     * with the default, and that change is the whole CHECK). */
    bool may_split = c->op == SD_OP_CREATE && (o != subject(c) || o->owner == NULL);
    for (size_t d = 0; d < o->ndeps; d++) {
        const sd_object *dep = sd_model_find_ref(s->cl->to, &o->deps[d]);
        size_t j = dep != NULL ? to_dep_change(s, dep) : 0;
        if (j == 0 || s->nodes.items[j - 1].c->op == SD_OP_DROP)
            continue;
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
    size_t n = s->nodes.len;
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        const sd_change *c = s->nodes.items[i].c;
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
            size_t j = dep != NULL ? change_of(cl, true, dep) : 0;
            if (j != 0 && s->nodes.items[j - 1].c->op == SD_OP_DROP)
                rc = add_edge(s, i, j - 1, NULL);
        }
    }
    return rc;
}

/* ---- sorting ---- */

/* Kahn's algorithm, always taking the ready change earliest in the pre-order. */
static void
kahn(sorter *s)
{
    while (s->hn > 0) {
        size_t i = heap_pop(s);
        node *nd = &s->nodes.items[i];
        nd->done = true;
        s->sorted.items[s->sorted.len++] = i;
        for (size_t e = 0; e < nd->out.len; e++) {
            size_t j = nd->out.items[e].to;
            if (--s->nodes.items[j].indeg == 0)
                heap_push(s, j);
        }
    }
}

/* Scratch for the strongly connected components of the nodes left. */
typedef struct scc {
    size_t *index; /* Tarjan visit number + 1, 0 = unvisited */
    size_t *low;   /* lowest visit number reachable */
    size_t *comp;  /* component id + 1 */
    bool *on;      /* on the Tarjan stack */
    size_t *stack; /* Tarjan stack */
    size_t *call;  /* DFS call stack: nodes */
    size_t *next;  /* DFS call stack: next edge to look at */
    size_t *best;  /* per component: node to split + 1 */
    size_t *size;  /* per component: nodes */
} scc;

static void
scc_free(scc *t)
{
    free(t->index);
    free(t->low);
    free(t->comp);
    free(t->on);
    free(t->stack);
    free(t->call);
    free(t->next);
    free(t->best);
    free(t->size);
}

static sd_status
scc_alloc(scc *t, size_t n, sd_err *err)
{
    memset(t, 0, sizeof(*t));
    t->index = calloc(n + 1, sizeof(size_t));
    t->low = calloc(n + 1, sizeof(size_t));
    t->comp = calloc(n + 1, sizeof(size_t));
    t->on = calloc(n + 1, sizeof(bool));
    t->stack = calloc(n + 1, sizeof(size_t));
    t->call = calloc(n + 1, sizeof(size_t));
    t->next = calloc(n + 1, sizeof(size_t));
    t->best = calloc(n + 1, sizeof(size_t));
    t->size = calloc(n + 1, sizeof(size_t));
    if (t->index == NULL || t->low == NULL || t->comp == NULL || t->on == NULL ||
        t->stack == NULL || t->call == NULL || t->next == NULL || t->best == NULL ||
        t->size == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return SD_OK;
}

/* Tarjan's algorithm over the nodes not yet sorted, iteratively; returns the number of
 * components (ids 1..n in t->comp). */
static size_t
tarjan(const sorter *s, scc *t)
{
    size_t n = s->nodes.len;
    size_t counter = 0;
    size_t sp = 0;
    size_t ncomp = 0;
    for (size_t root = 0; root < n; root++) {
        if (s->nodes.items[root].done || t->index[root] != 0)
            continue;
        size_t cp = 0;
        t->call[cp] = root;
        t->next[cp++] = 0;
        t->index[root] = t->low[root] = ++counter;
        t->stack[sp++] = root;
        t->on[root] = true;
        while (cp > 0) {
            size_t v = t->call[cp - 1];
            const node *nv = &s->nodes.items[v];
            if (t->next[cp - 1] < nv->out.len) {
                size_t w = nv->out.items[t->next[cp - 1]++].to;
                if (s->nodes.items[w].done)
                    continue;
                if (t->index[w] == 0) {
                    t->index[w] = t->low[w] = ++counter;
                    t->stack[sp++] = w;
                    t->on[w] = true;
                    t->call[cp] = w;
                    t->next[cp++] = 0;
                } else if (t->on[w] && t->index[w] < t->low[v]) {
                    t->low[v] = t->index[w];
                }
                continue;
            }
            cp--;
            if (cp > 0 && t->low[v] < t->low[t->call[cp - 1]])
                t->low[t->call[cp - 1]] = t->low[v];
            if (t->low[v] != t->index[v])
                continue;
            ncomp++;
            size_t w;
            do {
                w = t->stack[--sp];
                t->on[w] = false;
                t->comp[w] = ncomp;
                t->size[ncomp]++;
            } while (w != v);
        }
    }
    return ncomp;
}

/* "create view public.v" for the error message. */
static void
describe_node(sd_buf *b, const node *nd)
{
    sd_buf_append(b, sd_op_name(nd->c->op));
    sd_buf_putc(b, ' ');
    sd_object_describe(b, subject(nd->c));
}

/* A loop through start inside its component (breadth first: a shortest one), named. */
static sd_status
loop_error(sorter *s, const scc *t, size_t start)
{
    size_t n = s->nodes.len;
    size_t *parent = calloc(n + 1, sizeof(size_t)); /* BFS parent + 1 */
    size_t *queue = calloc(n + 1, sizeof(size_t));
    if (parent == NULL || queue == NULL) {
        free(parent);
        free(queue);
        return sd_err_set(s->err, SD_ERR_NOMEM, "out of memory");
    }
    size_t head = 0;
    size_t tail = 0;
    size_t last = start; /* the node whose edge closes the loop */
    queue[tail++] = start;
    parent[start] = start + 1;
    bool closed = false;
    while (head < tail && !closed) {
        size_t v = queue[head++];
        const node *nv = &s->nodes.items[v];
        for (size_t e = 0; e < nv->out.len && !closed; e++) {
            size_t w = nv->out.items[e].to;
            if (t->comp[w] != t->comp[start])
                continue;
            if (w == start) {
                closed = true;
                last = v;
            } else if (parent[w] == 0) {
                parent[w] = v + 1;
                queue[tail++] = w;
            }
        }
    }
    /* Walk back from last to start, then name them in loop order. */
    size_t len = 0;
    for (size_t v = last;; v = parent[v] - 1) {
        queue[len++] = v;
        if (v == start)
            break;
    }
    sd_buf b = SD_BUF_INIT;
    for (size_t i = len; i-- > 0;) {
        describe_node(&b, &s->nodes.items[queue[i]]);
        sd_buf_append(&b, " -> ");
    }
    describe_node(&b, &s->nodes.items[start]);
    sd_status rc = sd_err_set(s->err, SD_ERR_CYCLE,
                              "dependency cycle between changes that cannot be broken "
                              "(each needs the one before it): %s",
                              sd_buf_cstr(&b));
    sd_err_hint(s->err, "no object in it has a part that can be created later (a column "
                        "default, a CHECK, a view's query); break the cycle by hand, e.g. "
                        "apply part of the change first");
    sd_buf_dispose(&b);
    free(parent);
    free(queue);
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
    node nd = { 0 };
    nd.c = c;
    nd.prio = s->nodes.items[owner_node].prio + 1;
    if (c == NULL || sd_vec_push(&s->cl->changes, c) != SD_OK ||
        sd_vec_push(&s->nodes, nd) != SD_OK)
        return sd_err_set(s->err, SD_ERR_NOMEM, "out of memory");
    memset(c, 0, sizeof(*c));
    c->op = SD_OP_CREATE;
    c->kind = p->kind;
    c->to = p;
    c->fields = deferred_fields(p);
    c->flags = SD_CHG_DEFERRED;
    *out = s->nodes.len - 1;
    map[p->index] = *out + 1;
    return add_edge(s, owner_node, *out, NULL);
}

/* Parts of the split node v that an edge from inside v's component comes from get their
 * own nodes. */
static sd_status
split_parts(sorter *s, const scc *t, size_t v)
{
    size_t n = s->nodes.len;
    sd_status rc = SD_OK;
    for (size_t u = 0; u < n && rc == SD_OK; u++) {
        if (s->nodes.items[u].done || t->comp[u] != t->comp[v])
            continue;
        for (size_t e = 0; e < s->nodes.items[u].out.len && rc == SD_OK; e++) {
            edge ed = s->nodes.items[u].out.items[e];
            size_t pn = 0;
            if (ed.to == v && ed.part != NULL)
                rc = part_node(s, v, ed.part, &pn);
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
    for (size_t u = 0; u < s->nodes.len; u++) {
        node *nu = &s->nodes.items[u];
        if (nu->done)
            continue;
        for (size_t e = 0; e < nu->out.len; e++) {
            edge *ed = &nu->out.items[e];
            const size_t *map = ed->part != NULL ? s->part_node[ed->part->kind] : NULL;
            size_t pn = map != NULL ? map[ed->part->index] : 0;
            if (pn == 0)
                continue;
            s->nodes.items[ed->to].indeg--;
            s->nodes.items[pn - 1].indeg++;
            ed->to = pn - 1;
            ed->part = NULL;
            moved++;
        }
    }
    return moved;
}

/* The sort stalled: split what breaks each loop, or report one that cannot be broken. */
static sd_status
repair(sorter *s)
{
    scc t;
    size_t n = s->nodes.len;
    sd_status rc = scc_alloc(&t, n, s->err);
    if (rc != SD_OK) {
        scc_free(&t);
        return rc;
    }
    size_t ncomp = tarjan(s, &t);
    /* Per component, the earliest create with a deferrable edge from inside it. */
    for (size_t u = 0; u < n; u++) {
        const node *nu = &s->nodes.items[u];
        if (nu->done)
            continue;
        for (size_t e = 0; e < nu->out.len; e++) {
            const edge *ed = &nu->out.items[e];
            size_t k = t.comp[u];
            if (ed->part == NULL || s->nodes.items[ed->to].done || t.comp[ed->to] != k)
                continue;
            if (t.best[k] == 0 || ed->to < t.best[k] - 1)
                t.best[k] = ed->to + 1;
        }
    }
    /* A loop that cannot be broken: the one through the earliest such component's first
     * node (components are numbered in no useful order, nodes are). */
    for (size_t u = 0; u < n && rc == SD_OK; u++) {
        size_t k = s->nodes.items[u].done ? 0 : t.comp[u];
        if (k != 0 && t.size[k] > 1 && t.best[k] == 0)
            rc = loop_error(s, &t, u);
    }
    for (size_t k = 1; k <= ncomp && rc == SD_OK; k++)
        if (t.size[k] > 1)
            rc = split_parts(s, &t, t.best[k] - 1);
    /* Every split moves at least the edge that chose it: the loop shrinks. */
    if (rc == SD_OK && move_part_edges(s) == 0)
        rc = sd_err_set(s->err, SD_ERR, "internal error: a dependency loop was not broken");
    scc_free(&t);
    if (rc != SD_OK)
        return rc;
    size_t *heap = realloc(s->heap, (s->nodes.len + 1) * sizeof(size_t));
    size_t *sorted = realloc(s->sorted.items, (s->nodes.len + 1) * sizeof(size_t));
    if (heap != NULL)
        s->heap = heap;
    if (sorted != NULL)
        s->sorted.items = sorted;
    if (heap == NULL || sorted == NULL)
        return sd_err_set(s->err, SD_ERR_NOMEM, "out of memory");
    for (size_t u = 0; u < s->nodes.len; u++)
        if (!s->nodes.items[u].done && s->nodes.items[u].indeg == 0)
            heap_push(s, u);
    return SD_OK;
}

static sd_status
topo_sort(sorter *s)
{
    for (size_t i = 0; i < s->nodes.len; i++)
        if (s->nodes.items[i].indeg == 0)
            heap_push(s, i);
    for (;;) {
        kahn(s);
        if (s->sorted.len == s->nodes.len)
            return SD_OK;
        sd_status rc = repair(s);
        if (rc != SD_OK)
            return rc;
    }
}

sd_status
sd_diff__order(sd_changelist *cl, sd_err *err)
{
    size_t n = cl->changes.len;
    sd_status rc = SD_OK;
    sorter s = { 0 };
    s.cl = cl;
    s.err = err;
    node **pre = calloc(n + 1, sizeof(*pre));
    s.nodes.items = calloc(n + 1, sizeof(node));
    s.nodes.cap = n + 1;
    if (pre == NULL || s.nodes.items == NULL) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    s.nodes.len = n;
    for (size_t i = 0; i < n; i++) {
        s.nodes.items[i].c = cl->changes.items[i];
        make_key(&s.nodes.items[i]);
        pre[i] = &s.nodes.items[i];
    }
    if (sd_sort(pre, n, sizeof(*pre), cmp_nodes, NULL) != SD_OK) {
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        goto out;
    }
    /* Renumber so that nodes are in pre-order: a node's index is its rank. */
    for (size_t i = 0; i < n; i++)
        cl->changes.items[i] = pre[i]->c;
    for (size_t i = 0; i < n; i++) {
        s.nodes.items[i].c = cl->changes.items[i];
        s.nodes.items[i].prio = 2 * i;
    }
    rc = build_maps(cl, err);
    if (rc == SD_OK)
        rc = add_dep_edges(&s);
    if (rc != SD_OK)
        goto out;
    move_part_edges(&s);
    /* Edges may have split parts out already (views that read themselves). */
    s.heap = calloc(s.nodes.len + 1, sizeof(size_t));
    s.sorted.items = calloc(s.nodes.len + 1, sizeof(size_t));
    s.sorted.cap = s.nodes.len + 1;
    if (s.heap == NULL || s.sorted.items == NULL)
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    if (rc == SD_OK)
        rc = topo_sort(&s);
    if (rc != SD_OK)
        goto out;
    for (size_t i = 0; i < s.nodes.len; i++)
        cl->changes.items[i] = s.nodes.items[s.sorted.items[i]].c;
    rc = build_maps(cl, err);
out:
    for (size_t i = 0; i < s.nodes.len; i++)
        sd_vec_dispose(&s.nodes.items[i].out);
    sd_vec_dispose(&s.nodes);
    free(pre);
    free(s.heap);
    sd_vec_dispose(&s.sorted);
    return rc;
}
