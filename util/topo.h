/*
 * topo.h: the one topological sort (dependency order of changes, drops and planned creates).
 *
 * Nodes are 0..n-1, each with a caller-given priority; an edge says "before comes before
 * after". Kahn's algorithm always takes the ready node least by (priority, index), so the
 * order is unique, deterministic and moves nothing without a reason; O((n + e) log n), no
 * recursion (a chain of any length is safe).
 *
 * Loops: when the sort stalls with nodes left, the strongly connected components of those
 * nodes are found (Tarjan, iterative) and handed to the caller's repair callback, which may
 * add nodes and edges and move or remove edges (diff/order.c splits off deferrable parts);
 * the sort then goes on. A loop the callback cannot break ends the sort with SD_ERR_CYCLE,
 * and sd_topo_loop() gives one loop in it, in loop order, for the caller's error message.
 */
#ifndef SD_UTIL_TOPO_H
#define SD_UTIL_TOPO_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"
#include "util/vec.h"

/* "No node": a removed edge's target. */
#define SD_TOPO_NONE ((size_t)-1)

typedef struct sd_topo_edge {
    size_t to;       /* the node that comes after; SD_TOPO_NONE once removed */
    const void *tag; /* the caller's: why the edge is there (may be NULL) */
} sd_topo_edge;

/* Read-only for callers: change nodes and edges through the functions below. */
typedef struct sd_topo_node {
    size_t prio;              /* place among ready nodes (ties: lower index first) */
    size_t lead;              /* the node whose place it takes: itself until sd_topo_pull() */
    size_t indeg;             /* incoming edges from nodes not yet sorted */
    bool done;                /* taken by the sort */
    SD_VEC(sd_topo_edge) out; /* edges to the nodes that come after, in insertion order */
} sd_topo_node;

typedef struct sd_topo {
    SD_VEC(sd_topo_node) nodes;
    SD_VEC(size_t) order; /* nodes in sorted order (all of them after SD_OK) */
    SD_VEC(size_t) heap;  /* ready nodes, a binary min-heap by (prio, index) */
    SD_VEC(size_t) loop;  /* after SD_ERR_CYCLE: one loop, in loop order */
    size_t edits;         /* changes to the graph, so that a repair that did nothing shows */
    size_t stuck;         /* set by sd_topo_stuck() in a repair callback, else SD_TOPO_NONE */
} sd_topo;

/* The strongly connected components of the nodes left when the sort stalled. */
typedef struct sd_topo_sccs {
    size_t nnodes;      /* nodes when they were found (nodes added since are in none) */
    size_t count;       /* components, ids 1..count */
    const size_t *comp; /* per node < nnodes: its component id, 0 for a node already sorted */
    const size_t *size; /* per component id: its nodes (a loop has two or more) */
} sd_topo_sccs;

/*
 * Called when the sort stalls. Break what it can in the components of size > 1 (add nodes
 * and edges, move or remove edges among the nodes left) and return SD_OK; to give up, call
 * sd_topo_stuck() with a node of a component it cannot break (sd_topo_sort then fails with
 * a loop through that node). A callback that changes nothing counts as stuck. Any other
 * status ends the sort with that status.
 */
typedef sd_status (*sd_topo_repair_fn)(sd_topo *t,
                                       const sd_topo_sccs *sccs,
                                       void *ctx,
                                       sd_err *err);

/*
 * A repair for orders that a loop may not stop (a depth-first search's): in each loop, the
 * edges from its first node by (priority, index) into the loop are removed, so that node
 * comes after the rest of the loop, as a depth-first visit entering the loop there has it.
 */
sd_status sd_topo_break_at_first(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err);

/* n nodes, priority = index. SD_ERR_NOMEM. Release with sd_topo_dispose() in any case. */
SD_MUST_CHECK sd_status sd_topo_init(sd_topo *t, size_t n, sd_err *err);
void sd_topo_dispose(sd_topo *t);
static inline size_t
sd_topo_count(const sd_topo *t)
{
    return t->nodes.len;
}
void sd_topo_set_prio(sd_topo *t, size_t v, size_t prio);
/* One more node (index = the count before), also from a repair callback. */
SD_MUST_CHECK sd_status sd_topo_add_node(sd_topo *t, size_t prio, size_t *out, sd_err *err);
/*
 * before comes before after. An edge of a node to itself is no constraint and is not added;
 * duplicates are kept (harmless). An edge into a node already sorted from one that is not
 * is an error (SD_ERR): it could never be kept.
 */
SD_MUST_CHECK sd_status
sd_topo_add_edge(sd_topo *t, size_t before, size_t after, const void *tag, sd_err *err);
/* v's outgoing edges (removed ones have to == SD_TOPO_NONE). Valid until the next edit. */
static inline const sd_topo_edge *
sd_topo_out(const sd_topo *t, size_t v, size_t *n)
{
    *n = t->nodes.items[v].out.len;
    return t->nodes.items[v].out.items;
}
/* Point v's e-th edge at node to (not yet sorted) with a new tag; to == v removes it. */
void sd_topo_move_edge(sd_topo *t, size_t v, size_t e, size_t to, const void *tag);
void sd_topo_remove_edge(sd_topo *t, size_t v, size_t e);
/* From a repair callback: v is in a loop the callback cannot break. */
void sd_topo_stuck(sd_topo *t, size_t v);

/*
 * Sort every node (once per graph). repair may be NULL (every loop is then a failure). SD_OK:
 * sd_topo_order() holds every node. SD_ERR_CYCLE: err says so generically (callers replace the
 * message, naming the nodes of sd_topo_loop()). SD_ERR_NOMEM, or the callback's status.
 */
SD_MUST_CHECK sd_status sd_topo_sort(sd_topo *t, sd_topo_repair_fn repair, void *ctx, sd_err *err);
/*
 * After a sort that succeeded: sort again with each node pulled forward to the earliest
 * node (by priority, index) that has to come after it, transitively; among nodes pulled to
 * the same one, by their own (priority, index). That is the order of a depth-first visit
 * of the nodes in priority order that puts what a node needs right before it (except that
 * a node's needs come by their own priority, not in the order the visit meets them), with
 * no recursion. Loops were broken by the first sort (the graph keeps its repairs).
 */
SD_MUST_CHECK sd_status sd_topo_pull(sd_topo *t, sd_err *err);
static inline const size_t *
sd_topo_order(const sd_topo *t, size_t *n)
{
    *n = t->order.len;
    return t->order.items;
}
/* After SD_ERR_CYCLE: a shortest loop through the stuck node, starting with it; each node
 * comes before the next one and the last before the first. */
static inline const size_t *
sd_topo_loop(const sd_topo *t, size_t *n)
{
    *n = t->loop.len;
    return t->loop.items;
}

#endif
