/*
 * plan_pg.c: PostgreSQL's engine rules (plan_pg.h): the table RULES, one entry per kind, and
 * the decisions that need more than the changed fields: an extension going back to a lower
 * version, an enum losing or reordering values, a composite type whose attributes cannot
 * change in place, a constraint turning NOT VALID, a policy losing a clause. Each reads only
 * the change and the change list's models. What depends on the plan itself (a function
 * whose drop it moved to the prepare phase) is in plan_pg_plan.c.
 */
#include "plan/plan_pg.h"

#include <string.h>

#include "util/util.h"

#define FBIT(f)   (UINT64_C(1) << (f))
#define NOT_FOUND ((size_t)-1)

/* ---- extension ---- */

/*
 * Extension versions are free text and the planner cannot see which update scripts are
 * installed. The rule: a version lower than the current one by PostgreSQL's usual numbering
 * (runs of digits compared as numbers, other bytes as bytes: "1.10" > "1.9") is a downgrade,
 * for which extensions ship no scripts, so the extension is dropped and created at that
 * version (DROP refuses while objects outside it depend on it). Anything else is an UPDATE
 * TO, which PostgreSQL refuses when no path exists.
 */
static int
version_cmp(const char *a, const char *b)
{
    while (*a != '\0' && *b != '\0') {
        bool da = *a >= '0' && *a <= '9';
        bool db = *b >= '0' && *b <= '9';
        if (da && db) {
            while (*a == '0')
                a++;
            while (*b == '0')
                b++;
            size_t na = strspn(a, "0123456789");
            size_t nb = strspn(b, "0123456789");
            int d = na != nb ? (na < nb ? -1 : 1) : strncmp(a, b, na);
            if (d != 0)
                return d;
            a += na;
            b += nb;
        } else if (*a != *b) {
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        } else {
            a++;
            b++;
        }
    }
    return *a != '\0' ? 1 : *b != '\0' ? -1 : 0;
}

/* Not a field mask: ALTER EXTENSION UPDATE only goes forward, so it is the order of the two
 * versions that decides (a downgrade drops and creates the extension). */
static bool
extension_recreates(const sd_changelist *cl, const sd_change *ch)
{
    (void)cl;
    const char *f = ch->from->v[SD_EXTENSION_VERSION].s;
    const char *t = ch->to->v[SD_EXTENSION_VERSION].s;
    return (ch->fields & FBIT(SD_EXTENSION_VERSION)) && f != NULL && t != NULL &&
           version_cmp(t, f) < 0;
}

/* ---- enum ---- */

bool
sd_plan_pg_enum_adds_only(const sd_object *from, const sd_object *to)
{
    const sd_names *f = &from->v[SD_ENUM_VALUES].names;
    const sd_names *t = &to->v[SD_ENUM_VALUES].names;
    size_t j = 0;
    for (size_t i = 0; i < t->len; i++)
        if (j < f->len && sd_strcmp_c(f->items[j], t->items[i]) == 0)
            j++;
    return j == f->len && t->len > f->len;
}

/* Not a field mask: values that are only appended are added in place (ADD VALUE); any
 * other change of the values recreates the type. */
static bool
enum_recreates(const sd_changelist *cl, const sd_change *ch)
{
    (void)cl;
    return (ch->fields & FBIT(SD_ENUM_VALUES)) && !sd_plan_pg_enum_adds_only(ch->from, ch->to);
}

/* ---- composite ---- */

bool
sd_plan_pg_type_is(const sd_object *col, const sd_object *type, bool *array_out)
{
    const char *t = col->v[SD_COLUMN_TYPE].s;
    *array_out = false;
    /* Quoting keeps a name without '"' as it is, so a type that does not contain it is not
     * this type: most columns are ruled out without building the quoted name (callers ask
     * for every column of a model). */
    if (t == NULL || (strchr(type->name, '"') == NULL && strstr(t, type->name) == NULL))
        return false;
    sd_buf q = SD_BUF_INIT;
    sd_sql_qualified(&q, SD_ENGINE_PG, type->schema, type->name);
    size_t n = q.len;
    bool hit = false;
    if (!sd_buf_failed(&q) && strncmp(t, sd_buf_cstr(&q), n) == 0) {
        hit = t[n] == '\0' || strcmp(t + n, "[]") == 0;
        *array_out = t[n] != '\0';
    }
    sd_buf_dispose(&q);
    return hit;
}

/* End of the quoted text that starts at p (one past the closing quote), or at the NUL. */
static const char *
skip_quotes(const char *p)
{
    char q = *p;
    for (p++; *p != '\0'; p++) {
        if (p[0] == q && p[1] == q)
            p++;
        else if (p[0] == q)
            return p + 1;
    }
    return p;
}

bool
sd_plan_pg_next_attr(const char **pos, sd_pg_attr *out)
{
    const char *p = *pos;
    while (p != NULL) {
        const char *start = p;
        size_t depth = 0;
        while (*p != '\0' && (*p != ',' || depth > 0)) {
            if (*p == '"' || *p == '\'') {
                p = skip_quotes(p);
                continue;
            }
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth > 0)
                depth--;
            p++;
        }
        while (*start == ' ')
            start++;
        const char *end = p;
        p = *p == '\0' ? NULL : p + 1;
        if (end > start) {
            const char *q = *start == '"' ? skip_quotes(start) : start;
            while (q < end && *q != ' ')
                q++;
            *out = (sd_pg_attr){ start, (size_t)(end - start), (size_t)(q - start) };
            *pos = p;
            return true;
        }
    }
    *pos = NULL;
    return false;
}

static bool
same_name(const sd_pg_attr *a, const sd_pg_attr *b)
{
    return a->name_len == b->name_len && strncmp(a->item, b->item, a->name_len) == 0;
}

/* The position of the attribute named as a in the list text (*found: it), or NOT_FOUND. */
static size_t
find_attr(const char *text, const sd_pg_attr *a, sd_pg_attr *found)
{
    sd_pg_attr b;
    size_t i = 0;
    for (const char *p = text; sd_plan_pg_next_attr(&p, &b); i++) {
        if (same_name(&b, a)) {
            if (found != NULL)
                *found = b;
            return i;
        }
    }
    return NOT_FOUND;
}

/* The attribute at position k of the list text; false past its end. */
static bool
nth_attr(const char *text, size_t k, sd_pg_attr *out)
{
    const char *p = text;
    for (size_t i = 0; sd_plan_pg_next_attr(&p, out); i++)
        if (i == k)
            return true;
    return false;
}

bool
sd_plan_pg_attrs_in_place(const char *from, const char *to)
{
    sd_pg_attr a;
    sd_pg_attr b;
    size_t k = 0;
    for (const char *p = from; sd_plan_pg_next_attr(&p, &a);) {
        if (find_attr(to, &a, NULL) == NOT_FOUND)
            continue;
        if (!nth_attr(to, k, &b) || !same_name(&b, &a))
            return false;
        k++;
    }
    size_t i = 0;
    for (const char *p = to; sd_plan_pg_next_attr(&p, &b); i++)
        if (i >= k && find_attr(from, &b, NULL) != NOT_FOUND)
            return false;
    return true;
}

/* Whether an attribute kept in "to" changes its type or collation. */
static bool
attrs_retyped(const char *from, const char *to)
{
    sd_pg_attr a;
    sd_pg_attr b;
    for (const char *p = from; sd_plan_pg_next_attr(&p, &a);) {
        if (find_attr(to, &a, &b) != NOT_FOUND &&
            (b.len != a.len || strncmp(b.item, a.item, a.len) != 0))
            return true;
    }
    return false;
}

/* Whether a column of "from" kept in "to" and declared in its table (inherited ones follow
 * their parent's) has the type t or an array of it. */
static bool
type_in_use(const sd_changelist *cl, const sd_object *t)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(sd_changelist_from(cl), SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        if (!cols[i]->v[SD_COLUMN_INHERITED].b && sd_plan_pg_type_is(cols[i], t, &array) &&
            sd_model_find_key(sd_changelist_to(cl), SD_KIND_COLUMN, cols[i]->key) != NULL)
            return true;
    }
    return false;
}

/* PostgreSQL refuses ALTER ATTRIBUTE ... TYPE while a column uses the type (also with
 * CASCADE, which reaches typed tables only): then, as a reordering, the type is recreated. */
static bool
composite_recreates(const sd_changelist *cl, const sd_change *ch)
{
    if (!(ch->fields & FBIT(SD_COMPOSITE_ATTRIBUTES)))
        return false;
    const char *f = ch->from->v[SD_COMPOSITE_ATTRIBUTES].sql.text;
    const char *t = ch->to->v[SD_COMPOSITE_ATTRIBUTES].sql.text;
    if (!sd_plan_pg_attrs_in_place(f, t))
        return true;
    return attrs_retyped(f, t) && type_in_use(cl, ch->from);
}

/* ---- constraints and policies ---- */

/* A constraint's NOT VALID: only NOT VALID -> valid is in place (VALIDATE CONSTRAINT); the
 * other way drops and creates it. The rest of what is in place is the mask. */
static bool
constraint_recreates(const sd_changelist *cl, const sd_change *ch)
{
    (void)cl;
    int nv = ch->kind == SD_KIND_CHECK         ? SD_CHECK_NOT_VALID
             : ch->kind == SD_KIND_FOREIGN_KEY ? SD_FK_NOT_VALID
                                               : -1;
    return nv >= 0 && (ch->fields & FBIT(nv)) && !(ch->from->v[nv].b && !ch->to->v[nv].b);
}

/* Not a field mask: ALTER POLICY can set a USING or WITH CHECK clause but not remove one. */
static bool
policy_recreates(const sd_changelist *cl, const sd_change *ch)
{
    (void)cl;
    const sd_value *f = ch->from->v;
    const sd_value *t = ch->to->v;
    return (f[SD_POLICY_USING].sql.text != NULL && t[SD_POLICY_USING].sql.text == NULL) ||
           (f[SD_POLICY_WITH_CHECK].sql.text != NULL && t[SD_POLICY_WITH_CHECK].sql.text == NULL);
}

/* ---- the table ---- */

/* What a constraint ALTER does in place: comment, the comment and storage parameters of the
 * index behind it, a primary key's name, a foreign key's deferrability; NOT VALID is
 * constraint_recreates()'s. Anything else drops and creates the constraint. */
#define PK_IN_PLACE                                                                \
    (FBIT(SD_PK_COMMENT) | FBIT(SD_PK_INDEX_COMMENT) | FBIT(SD_PK_INDEX_OPTIONS) | \
     FBIT(SD_CHANGE_NAME_BIT) | FBIT(SD_PK_CLUSTERED) | FBIT(SD_PK_REPLICA_IDENTITY))
#define UNIQUE_IN_PLACE                                                                        \
    (FBIT(SD_UNIQUE_COMMENT) | FBIT(SD_UNIQUE_INDEX_COMMENT) | FBIT(SD_UNIQUE_INDEX_OPTIONS) | \
     FBIT(SD_UNIQUE_CLUSTERED) | FBIT(SD_UNIQUE_REPLICA_IDENTITY))
#define CHECK_IN_PLACE     (FBIT(SD_CHECK_COMMENT) | FBIT(SD_CHECK_NOT_VALID))
#define EXCLUSION_IN_PLACE (FBIT(SD_EXCLUSION_COMMENT) | FBIT(SD_EXCLUSION_INDEX_COMMENT))
#define FK_IN_PLACE                                                         \
    (FBIT(SD_FK_COMMENT) | FBIT(SD_FK_NOT_VALID) | FBIT(SD_FK_DEFERRABLE) | \
     FBIT(SD_FK_INITIALLY_DEFERRED))

/* What an index ALTER changes in place; anything else drops and creates it. */
#define INDEX_IN_PLACE                                                            \
    (FBIT(SD_INDEX_COMMENT) | FBIT(SD_INDEX_OPTIONS) | FBIT(SD_INDEX_CLUSTERED) | \
     FBIT(SD_INDEX_STATISTICS) | FBIT(SD_INDEX_REPLICA_IDENTITY))

/* One entry per kind. Omitted members are 0, NULL or false: "none" or "not this kind". */
static const sd_pg_rule RULES[] = {
    [SD_KIND_SCHEMA] = { .late_drop = true },
    [SD_KIND_EXTENSION] = { .recreates = extension_recreates, .late_drop = true },
    /* ALTER COLLATION can only rename it, change its owner or refresh its version. */
    [SD_KIND_COLLATION] = { .recreate_fields =
                                FBIT(SD_COLLATION_PROVIDER) | FBIT(SD_COLLATION_LOCALE) |
                                FBIT(SD_COLLATION_LC_COLLATE) | FBIT(SD_COLLATION_LC_CTYPE) |
                                FBIT(SD_COLLATION_DETERMINISTIC),
                            .gone = SD_PG_GONE_CHANGED,
                            .late_drop = true },
    /* ALTER TEXT SEARCH PARSER / TEMPLATE can only rename one or move it. */
    [SD_KIND_TS_PARSER] = { .recreate_fields =
                                FBIT(SD_TS_PARSER_START) | FBIT(SD_TS_PARSER_GETTOKEN) |
                                FBIT(SD_TS_PARSER_END) | FBIT(SD_TS_PARSER_HEADLINE) |
                                FBIT(SD_TS_PARSER_LEXTYPES),
                            .gone = SD_PG_GONE_CHANGED,
                            .late_drop = true },
    [SD_KIND_TS_TEMPLATE] = { .recreate_fields =
                                  FBIT(SD_TS_TEMPLATE_INIT) | FBIT(SD_TS_TEMPLATE_LEXIZE),
                              .gone = SD_PG_GONE_CHANGED,
                              .late_drop = true },
    /* ALTER TEXT SEARCH DICTIONARY sets options, not the template. */
    [SD_KIND_TS_DICT] = { .recreate_fields = FBIT(SD_TS_DICT_TEMPLATE),
                          .gone = SD_PG_GONE_CHANGED,
                          .late_drop = true },
    /* ALTER TEXT SEARCH CONFIGURATION changes mappings, not the parser. */
    [SD_KIND_TS_CONFIG] = { .recreate_fields = FBIT(SD_TS_CONFIG_PARSER),
                            .gone = SD_PG_GONE_CHANGED,
                            .late_drop = true },
    [SD_KIND_ENUM] = { .recreates = enum_recreates, .gone = SD_PG_GONE_CHANGED, .late_drop = true },
    [SD_KIND_DOMAIN] = { .recreate_fields = FBIT(SD_DOMAIN_BASE_TYPE) | FBIT(SD_DOMAIN_COLLATION),
                         .late_drop = true },
    [SD_KIND_COMPOSITE] = { .recreates = composite_recreates,
                            .gone = SD_PG_GONE_CHANGED,
                            .late_drop = true },
    [SD_KIND_RANGE] = { .recreate_fields = FBIT(SD_RANGE_DEFINITION),
                        .gone = SD_PG_GONE_CHANGED,
                        .late_drop = true },
    [SD_KIND_SEQUENCE] = { .late_drop = true },
    /* CREATE OR REPLACE cannot change the kind, the result, or a parameter's name or mode
     * (the identity is the input types, so those are changes of one function). */
    [SD_KIND_FUNCTION] = { .recreate_fields = FBIT(SD_FUNCTION_RESULT) | FBIT(SD_FUNCTION_KIND) |
                                              FBIT(SD_FUNCTION_ARGUMENTS),
                           .gone = SD_PG_GONE_CHANGED,
                           .late_drop = true },
    /* CREATE AGGREGATE has no OR REPLACE: any change but owner, privileges and comment drops
     * and creates it. */
    [SD_KIND_AGGREGATE] = { .recreate_fields = FBIT(SD_AGGREGATE_NAME) |
                                               FBIT(SD_AGGREGATE_ARGUMENTS) |
                                               FBIT(SD_AGGREGATE_DEFINITION),
                            .gone = SD_PG_GONE_CHANGED,
                            .late_drop = true },
    /* ALTER OPERATOR ... SET changes only RESTRICT and JOIN on PostgreSQL 15, and a
     * commutator or negator link cannot be undone. */
    [SD_KIND_OPERATOR] = { .recreate_fields = FBIT(SD_OPERATOR_DEFINITION),
                           .gone = SD_PG_GONE_CHANGED,
                           .late_drop = true },
    [SD_KIND_TABLE] = { .gone = SD_PG_GONE_TABLE },
    [SD_KIND_COLUMN] = { .gone = SD_PG_GONE_CHANGED },
    [SD_KIND_PRIMARY_KEY] = { .recreate_fields = ~PK_IN_PLACE },
    [SD_KIND_UNIQUE] = { .recreate_fields = ~UNIQUE_IN_PLACE },
    [SD_KIND_CHECK] = { .recreate_fields = ~CHECK_IN_PLACE, .recreates = constraint_recreates },
    [SD_KIND_EXCLUSION] = { .recreate_fields = ~EXCLUSION_IN_PLACE },
    [SD_KIND_FOREIGN_KEY] = { .recreate_fields = ~FK_IN_PLACE,
                              .recreates = constraint_recreates,
                              .planned = true },
    [SD_KIND_POLICY] = { .recreate_fields = FBIT(SD_POLICY_COMMAND) | FBIT(SD_POLICY_PERMISSIVE),
                         .recreates = policy_recreates },
    /* CREATE OR REPLACE VIEW is refused for anything but appended columns, and dependents
     * are rebuilt by the plan anyway. */
    [SD_KIND_VIEW] = { .recreate_fields = FBIT(SD_VIEW_SQL),
                       .gone = SD_PG_GONE_REBUILT,
                       .planned = true },
    [SD_KIND_MATVIEW] = { .recreate_fields = FBIT(SD_MATVIEW_SQL),
                          .gone = SD_PG_GONE_REBUILT,
                          .planned = true },
    [SD_KIND_INDEX] = { .recreate_fields = ~INDEX_IN_PLACE, .planned = true },
    [SD_KIND_TRIGGER] = { .recreate_fields = FBIT(SD_TRIGGER_SQL), .planned = true },
    /* A definition change is DROP RULE + CREATE RULE; enable state and comment in place. */
    [SD_KIND_RULE] = { .recreate_fields = FBIT(SD_RULE_DEFINITION), .planned = true },
};
_Static_assert(SD_ARRAY_LEN(RULES) == SD_KIND__COUNT, "every sd_kind needs a RULES entry");

const sd_pg_rule *
sd_plan_pg_rule(sd_kind kind)
{
    return &RULES[(unsigned)kind < SD_KIND__COUNT ? kind : SD_KIND_SCHEMA];
}

bool
sd_plan_pg_recreates(const sd_changelist *cl, const sd_change *ch)
{
    const sd_pg_rule *r = sd_plan_pg_rule(ch->kind);
    if (ch->op != SD_OP_ALTER)
        return false;
    return (ch->fields & r->recreate_fields) != 0 || (r->recreates != NULL && r->recreates(cl, ch));
}
