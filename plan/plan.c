/*
 * plan.c: the plan container: steps appended in order, their strings and edges in the plan's
 * arena, and what each step waits for, computed once from the models' dependencies.
 */
#include "plan/plan.h"

#include <string.h>

#include "util/util.h"

struct sd_plan {
    const sd_changelist *cl;
    sd_arena *arena;       /* strings and waits_for arrays */
    SD_VEC(sd_step) steps; /* in the order they run */
    size_t statements;     /* statements in the script, as the emitter wrote them */
};

void
sd_plan_set_statements(sd_plan *p, size_t n)
{
    p->statements = n;
}

size_t
sd_plan_statements(const sd_plan *p)
{
    return p->statements;
}

/* ---- --using ---- */

static bool
using_names(const sd_using *u, const sd_object *col)
{
    return (u->schema == NULL || sd_strcmp_c(u->schema, col->schema) == 0) &&
           sd_strcmp_c(u->table, col->table) == 0 && sd_strcmp_c(u->column, col->name) == 0;
}

const sd_using *
sd_plan_using_find(const sd_using *usings, size_t n, const sd_object *col)
{
    for (size_t i = 0; col != NULL && col->kind == SD_KIND_COLUMN && i < n; i++)
        if (using_names(&usings[i], col))
            return &usings[i];
    return NULL;
}

/* "schema.table.column" or "table.column", as the user wrote it, for a message. */
static void
using_label(sd_buf *b, const sd_using *u)
{
    if (u->schema != NULL)
        sd_buf_appendf(b, "%s.", u->schema);
    sd_buf_appendf(b, "%s.%s", u->table, u->column);
}

sd_status
sd_plan_using_check(const sd_changelist *cl, const sd_using *usings, size_t n, sd_err *err)
{
    size_t nch = sd_changelist_count(cl);
    for (size_t i = 0; i < n; i++) {
        size_t hits = 0;
        const sd_object *col = NULL;
        for (size_t j = 0; j < nch; j++) {
            const sd_change *ch = sd_changelist_at(cl, j);
            if (ch->kind == SD_KIND_COLUMN && ch->op == SD_OP_ALTER &&
                (ch->fields & (UINT64_C(1) << SD_COLUMN_TYPE)) &&
                using_names(&usings[i], ch->from)) {
                hits++;
                col = ch->from;
            }
        }
        /* A second --using for the same column: which one would be meant is unclear. */
        if (hits == 1 && sd_plan_using_find(usings, i, col) != NULL)
            hits = 2;
        if (hits == 1)
            continue;
        sd_buf label = SD_BUF_INIT;
        using_label(&label, &usings[i]);
        sd_status rc = sd_err_set(
            err, SD_ERR,
            hits == 0 ? "--using names column %s, which the target does not "
                        "retype"
                      : "--using %s matches more than one retyped column, or is given twice",
            sd_buf_failed(&label) ? "?" : sd_buf_cstr(&label));
        sd_err_hint(err, hits == 0 ? "Give --using only for a column whose type changes."
                                   : "Give the schema (schema.table.column), once per column.");
        sd_buf_dispose(&label);
        return rc;
    }
    return SD_OK;
}

sd_status
sd_plan_new(sd_plan **out, const sd_changelist *cl, sd_err *err)
{
    sd_plan *p = calloc(1, sizeof(*p));
    *out = NULL;
    if (p == NULL || (p->arena = sd_arena_new()) == NULL) {
        free(p);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    p->cl = cl;
    *out = p;
    return SD_OK;
}

void
sd_plan_free(sd_plan *p)
{
    if (p == NULL)
        return;
    sd_vec_dispose(&p->steps);
    sd_arena_free(p->arena);
    free(p);
}

sd_status
sd_plan_append(sd_plan *p, const sd_step *step, sd_err *err)
{
    sd_step s = *step;
    s.loses = step->loses != NULL ? sd_arena_strdup(p->arena, step->loses) : NULL;
    s.temp_name = step->temp_name != NULL ? sd_arena_strdup(p->arena, step->temp_name) : NULL;
    s.waits_for = NULL;
    s.nwaits = 0;
    s.sql_end = s.sql_start;
    if (sd_arena_failed(p->arena))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_plan_close(p, s.sql_start);
    if (sd_vec_push(&p->steps, s) != SD_OK)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return SD_OK;
}

void
sd_plan_close(sd_plan *p, size_t end)
{
    if (p->steps.len > 0)
        p->steps.items[p->steps.len - 1].sql_end = end;
}

sd_status
sd_plan_set_loses(sd_plan *p, size_t i, const char *loses, sd_err *err)
{
    if (i >= p->steps.len)
        return sd_err_set(err, SD_ERR, "internal error: no plan step %zu", i);
    p->steps.items[i].loses = sd_arena_strdup(p->arena, loses);
    if (p->steps.items[i].loses == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    return SD_OK;
}

size_t
sd_plan_count(const sd_plan *p)
{
    return p->steps.len;
}

const sd_step *
sd_plan_at(const sd_plan *p, size_t i)
{
    return i < p->steps.len ? &p->steps.items[i] : NULL;
}

const sd_changelist *
sd_plan_changelist(const sd_plan *p)
{
    return p->cl;
}

/* ---- waits_for ---- */

/* The object a step acts on: its "to" side, else its "from" side. */
static const sd_object *
subject(const sd_step *s)
{
    return s->to != NULL ? s->to : s->from;
}

/* "kind:key": one identity across both models (their objects are different pointers). */
static const char *
identity(sd_arena *a, sd_kind kind, const char *key)
{
    return sd_arena_sprintf(a, "%d:%s", (int)kind, key != NULL ? key : "");
}

/* Add edge to the step's list unless it is already there (lists are short). */
static void
add_wait(size_t *list, size_t *n, size_t edge)
{
    for (size_t i = 0; i < *n; i++)
        if (list[i] == edge)
            return;
    list[(*n)++] = edge;
}

/* The latest earlier step on the object ref names, found through either model. */
static void
wait_for_ref(const sd_plan *p,
             const sd_map *last,
             sd_buf *key,
             const sd_ref *ref,
             size_t *list,
             size_t *n)
{
    const sd_model *models[] = { sd_changelist_to(p->cl), sd_changelist_from(p->cl) };
    for (size_t m = 0; m < SD_ARRAY_LEN(models); m++) {
        const sd_object *o = sd_model_find_ref(models[m], ref);
        if (o == NULL)
            continue;
        sd_buf_reset(key);
        sd_buf_appendf(key, "%d:%s", (int)o->kind, o->key != NULL ? o->key : "");
        void *v = sd_buf_failed(key) ? NULL : sd_map_get(last, sd_buf_cstr(key));
        if (v != NULL)
            add_wait(list, n, (size_t)(uintptr_t)v - 1);
        return;
    }
}

sd_status
sd_plan_finish(sd_plan *p, sd_err *err)
{
    sd_map last = SD_MAP_INIT; /* identity -> 1 + index of the latest step on it so far */
    sd_buf key = SD_BUF_INIT;
    sd_status rc = SD_OK;
    for (size_t i = 0; i < p->steps.len && rc == SD_OK; i++) {
        sd_step *s = &p->steps.items[i];
        const sd_object *o = subject(s);
        size_t guards = 0;
        while (guards < i && p->steps.items[i - 1 - guards].op == SD_STEP_GUARD)
            guards++;
        /* previous step or guards, same object, owner, dependencies */
        size_t cap = 3 + guards + (o != NULL ? o->ndeps : 0);
        size_t *list = sd_arena_array(p->arena, size_t, cap);
        size_t n = 0;
        if (list == NULL) {
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
            break;
        }
        if (s->op == SD_STEP_GUARD && i > 0)
            add_wait(list, &n, i - 1);
        /* A step runs only once the guards right before it have passed. */
        for (size_t g = i; s->op != SD_STEP_GUARD && g > 0 &&
                           p->steps.items[g - 1].op == SD_STEP_GUARD && n < cap;
             g--)
            add_wait(list, &n, g - 1);
        const char *id = o != NULL ? identity(p->arena, o->kind, o->key) : NULL;
        if (o != NULL) {
            void *same = id != NULL ? sd_map_get(&last, id) : NULL;
            if (same != NULL)
                add_wait(list, &n, (size_t)(uintptr_t)same - 1);
            if (o->owner != NULL) {
                sd_ref owner = { .kind = o->owner->kind,
                                 .schema = o->owner->schema,
                                 .table = o->owner->table,
                                 .name = o->owner->name };
                wait_for_ref(p, &last, &key, &owner, list, &n);
            }
            for (size_t d = 0; d < o->ndeps && n < cap; d++)
                wait_for_ref(p, &last, &key, &o->deps[d], list, &n);
        }
        s->waits_for = list;
        s->nwaits = n;
        if (id != NULL && sd_map_put(&last, id, (void *)(uintptr_t)(i + 1)) != SD_OK)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
        if (o != NULL && id == NULL)
            rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    if (rc == SD_OK && sd_buf_failed(&key))
        rc = sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    sd_buf_dispose(&key);
    sd_map_dispose(&last);
    return rc;
}

/* ---- names ---- */

static const char *const OP_NAMES[] = {
    [SD_STEP_CREATE] = "create",   [SD_STEP_DROP] = "drop",   [SD_STEP_ALTER] = "alter",
    [SD_STEP_REBUILD] = "rebuild", [SD_STEP_SWAP] = "swap",   [SD_STEP_RENAME] = "rename",
    [SD_STEP_GUARD] = "guard",     [SD_STEP_SETUP] = "setup",
};
_Static_assert(SD_ARRAY_LEN(OP_NAMES) == SD_STEP__COUNT, "every step op needs a name");

static const char *const WHY_NAMES[] = {
    [SD_WHY_CHANGE] = "change",
    [SD_WHY_AROUND] = "around",
    [SD_WHY_REBUILD] = "rebuild",
    [SD_WHY_SCRIPT] = "script",
};
_Static_assert(SD_ARRAY_LEN(WHY_NAMES) == SD_WHY__COUNT, "every reason needs a name");

static const char *const GUARD_NAMES[] = {
    [SD_GUARD_NONE] = "none",
    [SD_GUARD_NOT_NULL] = "not_null",
    [SD_GUARD_ROWS_KEPT] = "rows_kept",
    [SD_GUARD_FOREIGN_KEYS] = "foreign_keys",
    [SD_GUARD_ENUM_VALUE] = "enum_value",
    [SD_GUARD_UNIQUE] = "unique",
    [SD_GUARD_NO_CAST] = "no_cast",
    [SD_GUARD_CHECK] = "check",
};
_Static_assert(SD_ARRAY_LEN(GUARD_NAMES) == SD_GUARD__COUNT, "every guard needs a name");

static const char *const TXN_NAMES[] = {
    [SD_TXN_MAIN] = "main",
    [SD_TXN_ENUM_VALUES] = "enum_values",
    [SD_TXN_NONE] = "none",
};
_Static_assert(SD_ARRAY_LEN(TXN_NAMES) == SD_TXN__COUNT, "every transaction kind needs a name");

const char *
sd_step_op_name(sd_step_op op)
{
    return (unsigned)op < SD_STEP__COUNT ? OP_NAMES[op] : "?";
}

const char *
sd_step_why_name(sd_step_why why)
{
    return (unsigned)why < SD_WHY__COUNT ? WHY_NAMES[why] : "?";
}

const char *
sd_guard_kind_name(sd_guard_kind g)
{
    return (unsigned)g < SD_GUARD__COUNT ? GUARD_NAMES[g] : "?";
}

const char *
sd_txn_kind_name(sd_txn_kind t)
{
    return (unsigned)t < SD_TXN__COUNT ? TXN_NAMES[t] : "?";
}
