/*
 * topo.c: Kahn's algorithm over a min-heap of ready nodes by (priority, index), and when it
 * stalls, Tarjan's strongly connected components of the nodes left (iterative: a schema's
 * chains of views or columns are long enough to overflow a recursion), the caller's repair,
 * and a shortest loop (breadth first) for an error when a loop stays.
 */
#include "util/topo.h"

#include <stdlib.h>
#include <string.h>

static sd_status
nomem(sd_err *err)
{
    return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
}

sd_status
sd_topo_init(sd_topo *t, size_t n, sd_err *err)
{
    memset(t, 0, sizeof(*t));
    t->stuck = SD_TOPO_NONE;
    if (n == 0)
        return SD_OK;
    if (sd_vec__grow((void **)&t->nodes.items, &t->nodes.cap, n, sizeof(sd_topo_node)) != SD_OK)
        return nomem(err);
    memset(t->nodes.items, 0, n * sizeof(sd_topo_node));
    t->nodes.len = n;
    for (size_t i = 0; i < n; i++)
        t->nodes.items[i].prio = t->nodes.items[i].lead = i;
    return SD_OK;
}

void
sd_topo_dispose(sd_topo *t)
{
    for (size_t i = 0; i < t->nodes.len; i++)
        sd_vec_dispose(&t->nodes.items[i].out);
    sd_vec_dispose(&t->nodes);
    sd_vec_dispose(&t->order);
    sd_vec_dispose(&t->heap);
    sd_vec_dispose(&t->loop);
}

void
sd_topo_set_prio(sd_topo *t, size_t v, size_t prio)
{
    t->nodes.items[v].prio = prio;
}

sd_status
sd_topo_add_node(sd_topo *t, size_t prio, size_t *out, sd_err *err)
{
    sd_topo_node nd = { 0 };
    nd.prio = prio;
    nd.lead = t->nodes.len;
    if (sd_vec_push(&t->nodes, nd) != SD_OK)
        return nomem(err);
    *out = t->nodes.len - 1;
    t->edits++;
    return SD_OK;
}

sd_status
sd_topo_add_edge(sd_topo *t, size_t before, size_t after, const void *tag, sd_err *err)
{
    if (before == after)
        return SD_OK;
    sd_topo_node *b = &t->nodes.items[before];
    sd_topo_node *a = &t->nodes.items[after];
    if (a->done && !b->done)
        return sd_err_set(err, SD_ERR, "internal error: an edge into a node already sorted");
    sd_topo_edge e = { after, tag };
    if (sd_vec_push(&b->out, e) != SD_OK)
        return nomem(err);
    /* An edge from a node already sorted is kept already. */
    if (!b->done)
        a->indeg++;
    t->edits++;
    return SD_OK;
}

void
sd_topo_move_edge(sd_topo *t, size_t v, size_t e, size_t to, const void *tag)
{
    sd_topo_edge *ed = &t->nodes.items[v].out.items[e];
    bool live = !t->nodes.items[v].done;
    if (ed->to != SD_TOPO_NONE && live)
        t->nodes.items[ed->to].indeg--;
    ed->to = to == v ? SD_TOPO_NONE : to;
    ed->tag = tag;
    if (ed->to != SD_TOPO_NONE && live)
        t->nodes.items[ed->to].indeg++;
    t->edits++;
}

void
sd_topo_remove_edge(sd_topo *t, size_t v, size_t e)
{
    sd_topo_move_edge(t, v, e, SD_TOPO_NONE, NULL);
}

void
sd_topo_stuck(sd_topo *t, size_t v)
{
    t->stuck = v;
}

/* ---- a binary min-heap of ready nodes, by (prio, index) ---- */

static bool
less(const sd_topo *t, size_t a, size_t b)
{
    size_t pa = t->nodes.items[a].prio;
    size_t pb = t->nodes.items[b].prio;
    return pa != pb ? pa < pb : a < b;
}

/* The heap's order: by the node a node is pulled to (itself unless sd_topo_pull()), then by
 * its own place. */
static bool
before(const sd_topo *t, size_t a, size_t b)
{
    size_t la = t->nodes.items[a].lead;
    size_t lb = t->nodes.items[b].lead;
    return la != lb ? less(t, la, lb) : less(t, a, b);
}

/* Room for every node is reserved before the sort pushes, so pushing cannot fail. */
static void
heap_push(sd_topo *t, size_t v)
{
    size_t *h = t->heap.items;
    size_t i = t->heap.len++;
    h[i] = v;
    while (i > 0 && before(t, h[i], h[(i - 1) / 2])) {
        size_t p = (i - 1) / 2;
        size_t x = h[p];
        h[p] = h[i];
        h[i] = x;
        i = p;
    }
}

static size_t
heap_pop(sd_topo *t)
{
    size_t *h = t->heap.items;
    size_t top = h[0];
    size_t n = --t->heap.len;
    h[0] = h[n];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1;
        size_t r = l + 1;
        size_t m = i;
        if (l < n && before(t, h[l], h[m]))
            m = l;
        if (r < n && before(t, h[r], h[m]))
            m = r;
        if (m == i)
            break;
        size_t x = h[m];
        h[m] = h[i];
        h[i] = x;
        i = m;
    }
    return top;
}

/* Room in heap and order for every node, and every ready node not yet sorted in the heap. */
static sd_status
seed(sd_topo *t, sd_err *err)
{
    size_t n = t->nodes.len;
    if (sd_vec__grow((void **)&t->heap.items, &t->heap.cap, n + 1, sizeof(size_t)) != SD_OK ||
        sd_vec__grow((void **)&t->order.items, &t->order.cap, n + 1, sizeof(size_t)) != SD_OK)
        return nomem(err);
    t->heap.len = 0;
    for (size_t v = 0; v < n; v++)
        if (!t->nodes.items[v].done && t->nodes.items[v].indeg == 0)
            heap_push(t, v);
    return SD_OK;
}

/* Kahn's algorithm until the heap runs dry. */
static void
kahn(sd_topo *t)
{
    while (t->heap.len > 0) {
        size_t v = heap_pop(t);
        sd_topo_node *nd = &t->nodes.items[v];
        nd->done = true;
        t->order.items[t->order.len++] = v;
        for (size_t e = 0; e < nd->out.len; e++) {
            size_t w = nd->out.items[e].to;
            if (w != SD_TOPO_NONE && --t->nodes.items[w].indeg == 0)
                heap_push(t, w);
        }
    }
}

/* ---- strongly connected components of the nodes left ---- */

typedef struct tarjan {
    size_t *index; /* visit number + 1, 0 = unvisited */
    size_t *low;   /* lowest visit number reachable */
    size_t *comp;  /* component id, 0 = none (sorted) */
    bool *on;      /* on the Tarjan stack */
    size_t *stack; /* Tarjan stack */
    size_t *call;  /* DFS call stack: nodes */
    size_t *next;  /* DFS call stack: next edge to look at */
    size_t *size;  /* per component id: nodes */
} tarjan;

static void
tarjan_free(tarjan *s)
{
    free(s->index);
    free(s->low);
    free(s->comp);
    free(s->on);
    free(s->stack);
    free(s->call);
    free(s->next);
    free(s->size);
}

static bool
tarjan_alloc(tarjan *s, size_t n)
{
    memset(s, 0, sizeof(*s));
    s->index = calloc(n + 1, sizeof(size_t));
    s->low = calloc(n + 1, sizeof(size_t));
    s->comp = calloc(n + 1, sizeof(size_t));
    s->on = calloc(n + 1, sizeof(bool));
    s->stack = calloc(n + 1, sizeof(size_t));
    s->call = calloc(n + 1, sizeof(size_t));
    s->next = calloc(n + 1, sizeof(size_t));
    s->size = calloc(n + 1, sizeof(size_t));
    return s->index != NULL && s->low != NULL && s->comp != NULL && s->on != NULL &&
           s->stack != NULL && s->call != NULL && s->next != NULL && s->size != NULL;
}

/* Visit v: number it and push it on both stacks. */
static void
tarjan_enter(tarjan *s, size_t v, size_t *counter, size_t *sp, size_t *cp)
{
    s->index[v] = s->low[v] = ++*counter;
    s->stack[(*sp)++] = v;
    s->on[v] = true;
    s->call[*cp] = v;
    s->next[(*cp)++] = 0;
}

/* Roots in index order and edges in insertion order, so component ids are deterministic
 * (callers may act on components in id order). Returns the number of components. */
static size_t
tarjan_run(const sd_topo *t, tarjan *s)
{
    size_t n = t->nodes.len;
    size_t counter = 0;
    size_t sp = 0;
    size_t ncomp = 0;
    for (size_t root = 0; root < n; root++) {
        if (t->nodes.items[root].done || s->index[root] != 0)
            continue;
        size_t cp = 0;
        tarjan_enter(s, root, &counter, &sp, &cp);
        while (cp > 0) {
            size_t v = s->call[cp - 1];
            const sd_topo_node *nv = &t->nodes.items[v];
            if (s->next[cp - 1] < nv->out.len) {
                size_t w = nv->out.items[s->next[cp - 1]++].to;
                if (w == SD_TOPO_NONE || t->nodes.items[w].done)
                    continue;
                if (s->index[w] == 0)
                    tarjan_enter(s, w, &counter, &sp, &cp);
                else if (s->on[w] && s->index[w] < s->low[v])
                    s->low[v] = s->index[w];
                continue;
            }
            cp--;
            if (cp > 0 && s->low[v] < s->low[s->call[cp - 1]])
                s->low[s->call[cp - 1]] = s->low[v];
            if (s->low[v] != s->index[v])
                continue;
            ncomp++;
            size_t w;
            do {
                w = s->stack[--sp];
                s->on[w] = false;
                s->comp[w] = ncomp;
                s->size[ncomp]++;
            } while (w != v);
        }
    }
    return ncomp;
}

/* A shortest loop through start inside its component (comp as found), into t->loop. */
static sd_status
find_loop(sd_topo *t, const size_t *comp, size_t ncomp_nodes, size_t start, sd_err *err)
{
    size_t n = t->nodes.len;
    size_t *parent = calloc(n + 1, sizeof(size_t)); /* BFS parent + 1 */
    size_t *queue = calloc(n + 1, sizeof(size_t));
    if (parent == NULL || queue == NULL) {
        free(parent);
        free(queue);
        return nomem(err);
    }
    size_t head = 0;
    size_t tail = 0;
    size_t last = start; /* the node whose edge closes the loop */
    queue[tail++] = start;
    parent[start] = start + 1;
    bool closed = false;
    while (head < tail && !closed) {
        size_t v = queue[head++];
        const sd_topo_node *nv = &t->nodes.items[v];
        for (size_t e = 0; e < nv->out.len && !closed; e++) {
            size_t w = nv->out.items[e].to;
            if (w == SD_TOPO_NONE || w >= ncomp_nodes || comp[w] != comp[start])
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
    /* Walk back from last to start, then keep them in loop order. */
    size_t len = 0;
    for (size_t v = last;; v = parent[v] - 1) {
        queue[len++] = v;
        if (v == start)
            break;
    }
    t->loop.len = 0;
    sd_status rc = SD_OK;
    for (size_t i = len; i-- > 0 && rc == SD_OK;)
        if (sd_vec_push(&t->loop, queue[i]) != SD_OK)
            rc = nomem(err);
    free(parent);
    free(queue);
    if (rc != SD_OK)
        return rc;
    return sd_err_set(err, SD_ERR_CYCLE, "dependency loop that cannot be broken (%zu nodes)", len);
}

sd_status
sd_topo_break_at_first(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)ctx;
    size_t *first = calloc(sccs->count + 1, sizeof(size_t)); /* per component: node + 1 */
    if (first == NULL)
        return nomem(err);
    for (size_t v = 0; v < sccs->nnodes; v++) {
        size_t k = sccs->comp[v];
        if (k != 0 && sccs->size[k] > 1 && (first[k] == 0 || less(t, v, first[k] - 1)))
            first[k] = v + 1;
    }
    for (size_t k = 1; k <= sccs->count; k++) {
        if (first[k] == 0)
            continue;
        size_t v = first[k] - 1;
        const sd_topo_node *nv = &t->nodes.items[v];
        for (size_t e = 0; e < nv->out.len; e++) {
            size_t w = nv->out.items[e].to;
            if (w != SD_TOPO_NONE && w < sccs->nnodes && sccs->comp[w] == k)
                sd_topo_remove_edge(t, v, e);
        }
    }
    free(first);
    return SD_OK;
}

/* The sort stalled: components, the caller's repair, or a loop that stays. */
static sd_status
repair(sd_topo *t, sd_topo_repair_fn fn, void *ctx, sd_err *err)
{
    tarjan s;
    size_t n = t->nodes.len;
    if (!tarjan_alloc(&s, n)) {
        tarjan_free(&s);
        return nomem(err);
    }
    sd_topo_sccs sccs = { n, tarjan_run(t, &s), s.comp, s.size };
    size_t edits = t->edits;
    t->stuck = SD_TOPO_NONE;
    sd_status rc = fn != NULL ? fn(t, &sccs, ctx, err) : SD_OK;
    size_t stuck = t->stuck;
    if (rc == SD_OK && stuck == SD_TOPO_NONE && t->edits == edits) {
        /* Nothing changed: the loop through the first node of a component that has one. */
        for (size_t v = 0; v < n && stuck == SD_TOPO_NONE; v++)
            if (s.comp[v] != 0 && s.size[s.comp[v]] > 1)
                stuck = v;
    }
    if (rc == SD_OK && stuck != SD_TOPO_NONE)
        rc = find_loop(t, s.comp, n, stuck, err);
    tarjan_free(&s);
    return rc;
}

sd_status
sd_topo_sort(sd_topo *t, sd_topo_repair_fn fn, void *ctx, sd_err *err)
{
    t->order.len = 0;
    t->loop.len = 0;
    sd_status rc = seed(t, err);
    while (rc == SD_OK) {
        kahn(t);
        if (t->order.len == t->nodes.len)
            return SD_OK;
        rc = repair(t, fn, ctx, err);
        if (rc == SD_OK)
            rc = seed(t, err);
    }
    return rc;
}

sd_status
sd_topo_pull(sd_topo *t, sd_err *err)
{
    size_t n = t->nodes.len;
    if (t->order.len != n)
        return sd_err_set(err, SD_ERR, "internal error: pulling an unsorted graph");
    /* Backwards through the order: every node after v is done when v is. */
    for (size_t i = n; i-- > 0;) {
        sd_topo_node *nv = &t->nodes.items[t->order.items[i]];
        nv->lead = t->order.items[i];
        for (size_t e = 0; e < nv->out.len; e++) {
            size_t w = nv->out.items[e].to;
            if (w != SD_TOPO_NONE && less(t, t->nodes.items[w].lead, nv->lead))
                nv->lead = t->nodes.items[w].lead;
        }
    }
    for (size_t v = 0; v < n; v++) {
        t->nodes.items[v].done = false;
        t->nodes.items[v].indeg = 0;
    }
    for (size_t v = 0; v < n; v++) {
        const sd_topo_node *nv = &t->nodes.items[v];
        for (size_t e = 0; e < nv->out.len; e++)
            if (nv->out.items[e].to != SD_TOPO_NONE)
                t->nodes.items[nv->out.items[e].to].indeg++;
    }
    sd_status rc = sd_topo_sort(t, NULL, NULL, err);
    if (rc == SD_ERR_CYCLE)
        rc = sd_err_set(err, SD_ERR, "internal error: a loop after the sort");
    return rc;
}
