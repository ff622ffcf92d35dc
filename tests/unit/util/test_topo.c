/*
 * test_topo.c: unit tests for util/topo.h, the one topological sort: order by priority then
 * index among ready nodes, determinism, a loop repaired by the callback (new node, moved and
 * removed edges), a loop that stays reported in loop order, and chains of 100000 nodes
 * through Kahn and through Tarjan (no recursion per node).
 */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <stdlib.h>
#include <string.h>

#include "util/topo.h"

/* A tiny deterministic PRNG (xorshift32), so failures reproduce. */
static uint32_t
next_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

static void
assert_order(const sd_topo *t, const size_t *want, size_t n)
{
    size_t got_n = 0;
    const size_t *got = sd_topo_order(t, &got_n);
    assert_int_equal(got_n, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

/* ---- orders and ties ---- */

static void
test_priority_then_index(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_topo_init(&t, 6, &err), SD_OK);
    static const size_t prio[] = { 5, 1, 5, 0, 1, 9 };
    for (size_t i = 0; i < 6; i++)
        sd_topo_set_prio(&t, i, prio[i]);
    assert_int_equal(sd_topo_sort(&t, NULL, NULL, &err), SD_OK);
    /* Without edges: priority, then index among equal priorities. */
    static const size_t want[] = { 3, 1, 4, 0, 2, 5 };
    assert_order(&t, want, 6);
    sd_topo_dispose(&t);
}

static void
test_edges_win_over_priority(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_topo_init(&t, 5, &err), SD_OK);
    /* 4 before 0, 3 before 4, 0 before 1; 2 is free. The default priority is the index. */
    assert_int_equal(sd_topo_add_edge(&t, 4, 0, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 3, 4, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 0, 1, NULL, &err), SD_OK);
    /* An edge of a node to itself is no constraint; a duplicate is harmless. */
    assert_int_equal(sd_topo_add_edge(&t, 2, 2, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 3, 4, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, NULL, NULL, &err), SD_OK);
    /* Ready at first: 2, 3. 2 goes, then 3, then 4, 0, 1 as each becomes ready. */
    static const size_t want[] = { 2, 3, 4, 0, 1 };
    assert_order(&t, want, 5);
    sd_topo_dispose(&t);
}

/* The reference: n^2, take the least ready (prio, index) each round. */
static void
reference_order(size_t n, const size_t *prio, const size_t (*edges)[2], size_t ne, size_t *out)
{
    bool *done = calloc(n, sizeof(bool));
    assert_non_null(done);
    for (size_t k = 0; k < n; k++) {
        size_t best = SD_TOPO_NONE;
        for (size_t v = 0; v < n; v++) {
            if (done[v])
                continue;
            bool ready = true;
            for (size_t e = 0; e < ne && ready; e++)
                ready = !(edges[e][1] == v && !done[edges[e][0]] && edges[e][0] != v);
            if (ready && (best == SD_TOPO_NONE || prio[v] < prio[best] ||
                          (prio[v] == prio[best] && v < best)))
                best = v;
        }
        assert_true(best != SD_TOPO_NONE);
        done[best] = true;
        out[k] = best;
    }
    free(done);
}

static void
test_random_dags_match_reference(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    enum {
        N = 120,
        NE = 400
    };
    size_t prio[N];
    size_t edges[NE][2];
    size_t want[N];
    for (int round = 0; round < 20; round++) {
        /* Edges from a lower to a higher position of a random permutation: acyclic. */
        size_t perm[N];
        for (size_t i = 0; i < N; i++)
            perm[i] = i;
        for (size_t i = N - 1; i > 0; i--) {
            size_t j = next_rand(&seed) % (i + 1);
            size_t x = perm[i];
            perm[i] = perm[j];
            perm[j] = x;
        }
        for (size_t i = 0; i < N; i++)
            prio[i] = next_rand(&seed) % 7; /* many ties */
        for (size_t e = 0; e < NE; e++) {
            size_t a = next_rand(&seed) % N;
            size_t b = next_rand(&seed) % N;
            if (a > b) {
                size_t x = a;
                a = b;
                b = x;
            }
            edges[e][0] = perm[a];
            edges[e][1] = perm[b];
        }
        reference_order(N, prio, (const size_t(*)[2])edges, NE, want);
        /* Same graph, edges inserted forwards and backwards: the same order. */
        for (int dir = 0; dir < 2; dir++) {
            sd_topo t;
            sd_err err = SD_ERR_INIT;
            assert_int_equal(sd_topo_init(&t, N, &err), SD_OK);
            for (size_t i = 0; i < N; i++)
                sd_topo_set_prio(&t, i, prio[i]);
            for (size_t k = 0; k < NE; k++) {
                size_t e = dir == 0 ? k : NE - 1 - k;
                assert_int_equal(sd_topo_add_edge(&t, edges[e][0], edges[e][1], NULL, &err), SD_OK);
            }
            assert_int_equal(sd_topo_sort(&t, NULL, NULL, &err), SD_OK);
            assert_order(&t, want, N);
            sd_topo_dispose(&t);
        }
    }
}

/* ---- loops ---- */

typedef struct split_ctx {
    int calls;
    size_t loop_nodes[8]; /* the component's nodes seen by the callback */
    size_t nloop;
    size_t new_node;
} split_ctx;

static const char DEFERRABLE[] = "deferrable";

/* diff/order.c's kind of repair: the tagged edge into a loop moves to a new node that comes
 * after the node it pointed at. */
static sd_status
split_tagged(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    split_ctx *sc = ctx;
    sc->calls++;
    for (size_t v = 0; v < sccs->nnodes; v++)
        if (sccs->comp[v] != 0 && sccs->size[sccs->comp[v]] > 1 && sc->nloop < 8)
            sc->loop_nodes[sc->nloop++] = v;
    for (size_t v = 0; v < sccs->nnodes; v++) {
        if (sccs->comp[v] == 0)
            continue;
        size_t n = 0;
        const sd_topo_edge *out = sd_topo_out(t, v, &n);
        for (size_t e = 0; e < n; e++) {
            if (out[e].tag != DEFERRABLE || out[e].to == SD_TOPO_NONE)
                continue;
            size_t owner = out[e].to;
            sd_status rc = sd_topo_add_node(t, t->nodes.items[owner].prio, &sc->new_node, err);
            if (rc == SD_OK)
                rc = sd_topo_add_edge(t, owner, sc->new_node, NULL, err);
            if (rc != SD_OK)
                return rc;
            sd_topo_move_edge(t, v, e, sc->new_node, NULL);
            out = sd_topo_out(t, v, &n); /* adding may have moved the edges */
        }
    }
    return SD_OK;
}

static void
test_loop_repaired_by_split(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    split_ctx sc = { 0 };
    /* 0 -> 1 -> 2 -> 1 (the last edge deferrable), 3 free, 4 after 2. */
    assert_int_equal(sd_topo_init(&t, 5, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 0, 1, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 1, 2, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 2, 1, DEFERRABLE, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 2, 4, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, split_tagged, &sc, &err), SD_OK);
    assert_int_equal(sc.calls, 1);
    /* Only the loop's nodes are in a component of more than one; 0 was sorted already. */
    assert_int_equal(sc.nloop, 2);
    assert_int_equal(sc.loop_nodes[0], 1);
    assert_int_equal(sc.loop_nodes[1], 2);
    assert_int_equal(sc.new_node, 5);
    /* 0 and 3 before the stall; then 1, 2, and the split part 5 (after 1 and, by the moved
     * edge, 2) before 4 on its priority (1's). */
    static const size_t want[] = { 0, 3, 1, 2, 5, 4 };
    assert_order(&t, want, 6);
    sd_topo_dispose(&t);
}

static sd_status
remove_loop_edges(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)err;
    int *calls = ctx;
    ++*calls;
    /* Break every loop at its component's least node: remove the edges into it from inside. */
    for (size_t v = 0; v < sccs->nnodes; v++) {
        size_t k = sccs->comp[v];
        if (k == 0 || sccs->size[k] < 2)
            continue;
        size_t n = 0;
        const sd_topo_edge *out = sd_topo_out(t, v, &n);
        for (size_t e = 0; e < n; e++) {
            size_t w = out[e].to;
            if (w == SD_TOPO_NONE || w >= sccs->nnodes || sccs->comp[w] != k)
                continue;
            bool least = true;
            for (size_t u = 0; u < w && least; u++)
                least = sccs->comp[u] != k;
            if (least)
                sd_topo_remove_edge(t, v, e);
        }
    }
    return SD_OK;
}

static void
test_long_loop_through_tarjan(void **state)
{
    (void)state;
    enum {
        N = 100000
    };
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    int calls = 0;
    /* One loop of N nodes: Tarjan's depth-first search goes N deep. */
    assert_int_equal(sd_topo_init(&t, N, &err), SD_OK);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(sd_topo_add_edge(&t, i, (i + 1) % N, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, remove_loop_edges, &calls, &err), SD_OK);
    assert_int_equal(calls, 1);
    size_t n = 0;
    const size_t *order = sd_topo_order(&t, &n);
    assert_int_equal(n, N);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(order[i], i);
    sd_topo_dispose(&t);
}

static void
test_long_chain_against_priority(void **state)
{
    (void)state;
    enum {
        N = 100000
    };
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    /* i + 1 before i, priorities the other way round: the edges decide everything. */
    assert_int_equal(sd_topo_init(&t, N, &err), SD_OK);
    for (size_t i = 0; i + 1 < N; i++)
        assert_int_equal(sd_topo_add_edge(&t, i + 1, i, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, NULL, NULL, &err), SD_OK);
    size_t n = 0;
    const size_t *order = sd_topo_order(&t, &n);
    assert_int_equal(n, N);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(order[i], N - 1 - i);
    sd_topo_dispose(&t);
}

static void
test_break_at_first(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    /* The loop 0 -> 1 -> 2 -> 0 with 1 first by priority: it comes after the rest of the
     * loop (its edge into the loop goes), as a depth-first search from it would place it. */
    assert_int_equal(sd_topo_init(&t, 4, &err), SD_OK);
    static const size_t prio[] = { 5, 0, 6, 7 };
    for (size_t i = 0; i < 4; i++)
        sd_topo_set_prio(&t, i, prio[i]);
    assert_int_equal(sd_topo_add_edge(&t, 0, 1, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 1, 2, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 2, 0, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 1, 3, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, sd_topo_break_at_first, NULL, &err), SD_OK);
    static const size_t want[] = { 2, 0, 1, 3 };
    assert_order(&t, want, 4);
    size_t n = 0;
    assert_int_equal(sd_topo_out(&t, 1, &n)[0].to, SD_TOPO_NONE);
    assert_int_equal(sd_topo_out(&t, 1, &n)[1].to, 3); /* out of the loop: kept */
    sd_topo_dispose(&t);
}

static void
test_pull(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    /* 3 before 1, 5 before 3; 0, 2, 4 free. Sorted: 0 2 4 5 3 1; pulled, 5 and 3 go right
     * before 1, the earliest node that needs them, as a depth-first visit in index order
     * that puts a node's needs first has it. */
    assert_int_equal(sd_topo_init(&t, 6, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 3, 1, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 5, 3, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, NULL, NULL, &err), SD_OK);
    static const size_t sorted[] = { 0, 2, 4, 5, 3, 1 };
    assert_order(&t, sorted, 6);
    assert_int_equal(sd_topo_pull(&t, &err), SD_OK);
    static const size_t pulled[] = { 0, 5, 3, 1, 2, 4 };
    assert_order(&t, pulled, 6);
    sd_topo_dispose(&t);

    /* Random graphs: every edge still holds, and the same graph gives the same order. */
    uint32_t seed = 777;
    enum {
        N = 300,
        NE = 600
    };
    static size_t first[N];
    for (int round = 0; round < 2; round++) {
        uint32_t s2 = seed;
        assert_int_equal(sd_topo_init(&t, N, &err), SD_OK);
        for (size_t i = 0; i < N; i++)
            sd_topo_set_prio(&t, i, next_rand(&s2) % 10);
        for (size_t e = 0; e < NE; e++) {
            size_t a = next_rand(&s2) % N;
            size_t b = next_rand(&s2) % N;
            /* Lower to higher index only, plus a few loops for the repair to cut. */
            if (a > b && e % 50 != 0) {
                size_t x = a;
                a = b;
                b = x;
            }
            assert_int_equal(sd_topo_add_edge(&t, a, b, NULL, &err), SD_OK);
        }
        assert_int_equal(sd_topo_sort(&t, sd_topo_break_at_first, NULL, &err), SD_OK);
        assert_int_equal(sd_topo_pull(&t, &err), SD_OK);
        size_t n = 0;
        const size_t *order = sd_topo_order(&t, &n);
        assert_int_equal(n, N);
        size_t pos[N];
        for (size_t i = 0; i < N; i++)
            pos[order[i]] = i;
        for (size_t v = 0; v < N; v++) {
            size_t ne = 0;
            const sd_topo_edge *out = sd_topo_out(&t, v, &ne);
            for (size_t e = 0; e < ne; e++)
                if (out[e].to != SD_TOPO_NONE)
                    assert_true(pos[v] < pos[out[e].to]);
        }
        for (size_t i = 0; i < N; i++) {
            if (round == 0)
                first[i] = order[i];
            else
                assert_int_equal(order[i], first[i]);
        }
        sd_topo_dispose(&t);
    }
}

static sd_status
give_up_at(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)t;
    (void)sccs;
    (void)err;
    sd_topo_stuck(t, *(const size_t *)ctx);
    return SD_OK;
}

static sd_status
do_nothing(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)t;
    (void)sccs;
    (void)err;
    ++*(int *)ctx;
    return SD_OK;
}

static sd_status
fail_nomem(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)t;
    (void)sccs;
    (void)ctx;
    return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
}

/* 0 -> 1, then a loop 1 -> 2 -> 3 -> 4 -> 1 with a shortcut 2 -> 4, and 5 after 3. */
static void
loop_graph(sd_topo *t)
{
    sd_err err = SD_ERR_INIT;
    static const size_t edges[][2] = { { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 },
                                       { 4, 1 }, { 2, 4 }, { 3, 5 } };
    assert_int_equal(sd_topo_init(t, 6, &err), SD_OK);
    for (size_t e = 0; e < sizeof(edges) / sizeof(edges[0]); e++)
        assert_int_equal(sd_topo_add_edge(t, edges[e][0], edges[e][1], NULL, &err), SD_OK);
}

static void
assert_loop(const sd_topo *t, const size_t *want, size_t n)
{
    size_t got_n = 0;
    const size_t *got = sd_topo_loop(t, &got_n);
    assert_int_equal(got_n, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

static void
test_unbreakable_loop_reported_in_order(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    /* The callback gives up at 2: the shortest loop through 2, starting there (2 -> 4 -> 1
     * -> 2 by the shortcut, not 2 -> 3 -> 4 -> 1 -> 2). */
    size_t at = 2;
    loop_graph(&t);
    assert_int_equal(sd_topo_sort(&t, give_up_at, &at, &err), SD_ERR_CYCLE);
    assert_int_equal(err.code, SD_ERR_CYCLE);
    static const size_t want2[] = { 2, 4, 1 };
    assert_loop(&t, want2, 3);
    /* What was sorted before the stall stays readable. */
    size_t n = 0;
    const size_t *order = sd_topo_order(&t, &n);
    assert_int_equal(n, 1);
    assert_int_equal(order[0], 0);
    sd_topo_dispose(&t);

    /* No callback: the loop through the least node of a loop. */
    sd_err_clear(&err);
    loop_graph(&t);
    assert_int_equal(sd_topo_sort(&t, NULL, NULL, &err), SD_ERR_CYCLE);
    static const size_t want1[] = { 1, 2, 4 };
    assert_loop(&t, want1, 3);
    sd_topo_dispose(&t);

    /* A callback that changes nothing is stuck too (and is not called forever). */
    int calls = 0;
    sd_err_clear(&err);
    loop_graph(&t);
    assert_int_equal(sd_topo_sort(&t, do_nothing, &calls, &err), SD_ERR_CYCLE);
    assert_int_equal(calls, 1);
    assert_loop(&t, want1, 3);
    sd_topo_dispose(&t);

    /* The callback's own failure ends the sort with its status. */
    sd_err_clear(&err);
    loop_graph(&t);
    assert_int_equal(sd_topo_sort(&t, fail_nomem, NULL, &err), SD_ERR_NOMEM);
    sd_topo_dispose(&t);
}

static void
test_edge_into_sorted_node_refused(void **state)
{
    (void)state;
    sd_topo t;
    sd_err err = SD_ERR_INIT;
    int calls = 0;
    /* 0 sorted, then a loop 1 <-> 2; an edge from 1 into 0 could never hold. */
    assert_int_equal(sd_topo_init(&t, 3, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 1, 2, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_add_edge(&t, 2, 1, NULL, &err), SD_OK);
    assert_int_equal(sd_topo_sort(&t, do_nothing, &calls, &err), SD_ERR_CYCLE);
    assert_true(t.nodes.items[0].done);
    assert_int_equal(sd_topo_add_edge(&t, 1, 0, NULL, &err), SD_ERR);
    /* From a sorted node into one left: already kept, nothing to wait for. */
    assert_int_equal(sd_topo_add_edge(&t, 0, 1, NULL, &err), SD_OK);
    assert_int_equal(t.nodes.items[1].indeg, 1);
    sd_topo_dispose(&t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_priority_then_index),
        cmocka_unit_test(test_edges_win_over_priority),
        cmocka_unit_test(test_random_dags_match_reference),
        cmocka_unit_test(test_loop_repaired_by_split),
        cmocka_unit_test(test_long_loop_through_tarjan),
        cmocka_unit_test(test_long_chain_against_priority),
        cmocka_unit_test(test_break_at_first),
        cmocka_unit_test(test_pull),
        cmocka_unit_test(test_unbreakable_loop_reported_in_order),
        cmocka_unit_test(test_edge_into_sorted_node_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
