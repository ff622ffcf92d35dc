/*
 * plan_pg.c: PostgreSQL's engine rules (plan_pg.h): the table RULES, one entry per kind, and
 * the decisions that need more than the changed fields: an extension going back to a lower
 * version, an enum losing or reordering values, a composite type whose attributes cannot
 * change in place, a constraint turning NOT VALID, a policy losing a clause; and the built-in
 * cast paths (PG_TYPES, PG_CASTS: generated from pg_cast) that decide whether a retyped
 * column is converted or dropped and added. Each reads only the change, the change list's
 * models and the --using options. What depends on the plan itself (a function
 * whose drop it moved to the prepare phase) is in plan_pg_plan.c.
 */
#include "plan/plan_pg.h"

#include <stdlib.h>
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
/* A base type with a definition (a shell has no input function). */
static bool
base_type_defined(const sd_object *t)
{
    return t->v[SD_BASE_TYPE_INPUT].names.len > 0;
}

/* ALTER TYPE ... SET changes the support functions but input and output, and the storage
 * but back to plain (values may be stored out of line already); CREATE TYPE over a shell
 * gives it its definition. Anything else, and a definition going (a shell again), drops and
 * creates the type. */
static bool
base_type_recreates(const sd_changelist *cl, const sd_change *ch)
{
    (void)cl;
    const uint64_t fixed =
        FBIT(SD_BASE_TYPE_INPUT) | FBIT(SD_BASE_TYPE_OUTPUT) | FBIT(SD_BASE_TYPE_INTERNAL_LENGTH) |
        FBIT(SD_BASE_TYPE_PASSED_BY_VALUE) | FBIT(SD_BASE_TYPE_ALIGNMENT) |
        FBIT(SD_BASE_TYPE_CATEGORY) | FBIT(SD_BASE_TYPE_PREFERRED) | FBIT(SD_BASE_TYPE_DEFAULT) |
        FBIT(SD_BASE_TYPE_ELEMENT) | FBIT(SD_BASE_TYPE_DELIMITER) | FBIT(SD_BASE_TYPE_COLLATABLE);
    if (!base_type_defined(ch->from))
        return false;
    if (!base_type_defined(ch->to) || (ch->fields & fixed) != 0)
        return true;
    const char *storage = ch->to->v[SD_BASE_TYPE_STORAGE].s;
    return (ch->fields & FBIT(SD_BASE_TYPE_STORAGE)) && storage != NULL &&
           strcmp(storage, "plain") == 0;
}

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

/* ---- cast paths ---- */

/*
 * Whether `USING col::newtype` converts a column: PostgreSQL's built-in explicit cast paths,
 * as data read from PostgreSQL 15's catalog (PG_TYPES, PG_CASTS below, written by
 * tests/scripts/gen_pg_casts.py and compared with the live server by cli.pg.casts), and the
 * rules of its find_coercion_pathway() on top: the same type, I/O conversion to or from a
 * string type, arrays of castable elements, domains as their base type.
 */
typedef struct pg_builtin_type {
    const char *name; /* format_type() without a type modifier: "character varying" */
    bool string;      /* string category: I/O conversion to and from every type */
} pg_builtin_type;

typedef struct pg_builtin_cast {
    const char *source;
    const char *target;
} pg_builtin_cast;

/* BEGIN pg_cast: tests/scripts/gen_pg_casts.py writes this section, do not edit */
/* PostgreSQL 15's pg_catalog types (not arrays, pseudo-types or row types), in byte order; string:
 * of the string category (typcategory 'S'). */
static const pg_builtin_type PG_TYPES[] = {
    { .name = "\"char\"" },
    { .name = "aclitem" },
    { .name = "bigint" },
    { .name = "bit" },
    { .name = "bit varying" },
    { .name = "boolean" },
    { .name = "box" },
    { .name = "bytea" },
    { .name = "character", .string = true },
    { .name = "character varying", .string = true },
    { .name = "cid" },
    { .name = "cidr" },
    { .name = "circle" },
    { .name = "date" },
    { .name = "datemultirange" },
    { .name = "daterange" },
    { .name = "double precision" },
    { .name = "gtsvector" },
    { .name = "inet" },
    { .name = "int4multirange" },
    { .name = "int4range" },
    { .name = "int8multirange" },
    { .name = "int8range" },
    { .name = "integer" },
    { .name = "interval" },
    { .name = "json" },
    { .name = "jsonb" },
    { .name = "jsonpath" },
    { .name = "line" },
    { .name = "lseg" },
    { .name = "macaddr" },
    { .name = "macaddr8" },
    { .name = "money" },
    { .name = "name", .string = true },
    { .name = "numeric" },
    { .name = "nummultirange" },
    { .name = "numrange" },
    { .name = "oid" },
    { .name = "path" },
    { .name = "pg_brin_bloom_summary" },
    { .name = "pg_brin_minmax_multi_summary" },
    { .name = "pg_dependencies" },
    { .name = "pg_lsn" },
    { .name = "pg_mcv_list" },
    { .name = "pg_ndistinct" },
    { .name = "pg_node_tree" },
    { .name = "pg_snapshot" },
    { .name = "point" },
    { .name = "polygon" },
    { .name = "real" },
    { .name = "refcursor" },
    { .name = "regclass" },
    { .name = "regcollation" },
    { .name = "regconfig" },
    { .name = "regdictionary" },
    { .name = "regnamespace" },
    { .name = "regoper" },
    { .name = "regoperator" },
    { .name = "regproc" },
    { .name = "regprocedure" },
    { .name = "regrole" },
    { .name = "regtype" },
    { .name = "smallint" },
    { .name = "text", .string = true },
    { .name = "tid" },
    { .name = "time with time zone" },
    { .name = "time without time zone" },
    { .name = "timestamp with time zone" },
    { .name = "timestamp without time zone" },
    { .name = "tsmultirange" },
    { .name = "tsquery" },
    { .name = "tsrange" },
    { .name = "tstzmultirange" },
    { .name = "tstzrange" },
    { .name = "tsvector" },
    { .name = "txid_snapshot" },
    { .name = "uuid" },
    { .name = "xid" },
    { .name = "xid8" },
    { .name = "xml" },
};
/* Its pg_cast entries between two of them (any context or method), in byte order of (source,
 * target). */
static const pg_builtin_cast PG_CASTS[] = {
    { .source = "\"char\"", .target = "character" },
    { .source = "\"char\"", .target = "character varying" },
    { .source = "\"char\"", .target = "integer" },
    { .source = "\"char\"", .target = "text" },
    { .source = "bigint", .target = "bit" },
    { .source = "bigint", .target = "double precision" },
    { .source = "bigint", .target = "integer" },
    { .source = "bigint", .target = "money" },
    { .source = "bigint", .target = "numeric" },
    { .source = "bigint", .target = "oid" },
    { .source = "bigint", .target = "real" },
    { .source = "bigint", .target = "regclass" },
    { .source = "bigint", .target = "regcollation" },
    { .source = "bigint", .target = "regconfig" },
    { .source = "bigint", .target = "regdictionary" },
    { .source = "bigint", .target = "regnamespace" },
    { .source = "bigint", .target = "regoper" },
    { .source = "bigint", .target = "regoperator" },
    { .source = "bigint", .target = "regproc" },
    { .source = "bigint", .target = "regprocedure" },
    { .source = "bigint", .target = "regrole" },
    { .source = "bigint", .target = "regtype" },
    { .source = "bigint", .target = "smallint" },
    { .source = "bit", .target = "bigint" },
    { .source = "bit", .target = "bit varying" },
    { .source = "bit", .target = "integer" },
    { .source = "bit varying", .target = "bit" },
    { .source = "boolean", .target = "character" },
    { .source = "boolean", .target = "character varying" },
    { .source = "boolean", .target = "integer" },
    { .source = "boolean", .target = "text" },
    { .source = "box", .target = "circle" },
    { .source = "box", .target = "lseg" },
    { .source = "box", .target = "point" },
    { .source = "box", .target = "polygon" },
    { .source = "character", .target = "\"char\"" },
    { .source = "character", .target = "character varying" },
    { .source = "character", .target = "name" },
    { .source = "character", .target = "text" },
    { .source = "character", .target = "xml" },
    { .source = "character varying", .target = "\"char\"" },
    { .source = "character varying", .target = "character" },
    { .source = "character varying", .target = "name" },
    { .source = "character varying", .target = "regclass" },
    { .source = "character varying", .target = "text" },
    { .source = "character varying", .target = "xml" },
    { .source = "cidr", .target = "character" },
    { .source = "cidr", .target = "character varying" },
    { .source = "cidr", .target = "inet" },
    { .source = "cidr", .target = "text" },
    { .source = "circle", .target = "box" },
    { .source = "circle", .target = "point" },
    { .source = "circle", .target = "polygon" },
    { .source = "date", .target = "timestamp with time zone" },
    { .source = "date", .target = "timestamp without time zone" },
    { .source = "daterange", .target = "datemultirange" },
    { .source = "double precision", .target = "bigint" },
    { .source = "double precision", .target = "integer" },
    { .source = "double precision", .target = "numeric" },
    { .source = "double precision", .target = "real" },
    { .source = "double precision", .target = "smallint" },
    { .source = "inet", .target = "character" },
    { .source = "inet", .target = "character varying" },
    { .source = "inet", .target = "cidr" },
    { .source = "inet", .target = "text" },
    { .source = "int4range", .target = "int4multirange" },
    { .source = "int8range", .target = "int8multirange" },
    { .source = "integer", .target = "\"char\"" },
    { .source = "integer", .target = "bigint" },
    { .source = "integer", .target = "bit" },
    { .source = "integer", .target = "boolean" },
    { .source = "integer", .target = "double precision" },
    { .source = "integer", .target = "money" },
    { .source = "integer", .target = "numeric" },
    { .source = "integer", .target = "oid" },
    { .source = "integer", .target = "real" },
    { .source = "integer", .target = "regclass" },
    { .source = "integer", .target = "regcollation" },
    { .source = "integer", .target = "regconfig" },
    { .source = "integer", .target = "regdictionary" },
    { .source = "integer", .target = "regnamespace" },
    { .source = "integer", .target = "regoper" },
    { .source = "integer", .target = "regoperator" },
    { .source = "integer", .target = "regproc" },
    { .source = "integer", .target = "regprocedure" },
    { .source = "integer", .target = "regrole" },
    { .source = "integer", .target = "regtype" },
    { .source = "integer", .target = "smallint" },
    { .source = "interval", .target = "time without time zone" },
    { .source = "json", .target = "jsonb" },
    { .source = "jsonb", .target = "bigint" },
    { .source = "jsonb", .target = "boolean" },
    { .source = "jsonb", .target = "double precision" },
    { .source = "jsonb", .target = "integer" },
    { .source = "jsonb", .target = "json" },
    { .source = "jsonb", .target = "numeric" },
    { .source = "jsonb", .target = "real" },
    { .source = "jsonb", .target = "smallint" },
    { .source = "lseg", .target = "point" },
    { .source = "macaddr", .target = "macaddr8" },
    { .source = "macaddr8", .target = "macaddr" },
    { .source = "money", .target = "numeric" },
    { .source = "name", .target = "character" },
    { .source = "name", .target = "character varying" },
    { .source = "name", .target = "text" },
    { .source = "numeric", .target = "bigint" },
    { .source = "numeric", .target = "double precision" },
    { .source = "numeric", .target = "integer" },
    { .source = "numeric", .target = "money" },
    { .source = "numeric", .target = "real" },
    { .source = "numeric", .target = "smallint" },
    { .source = "numrange", .target = "nummultirange" },
    { .source = "oid", .target = "bigint" },
    { .source = "oid", .target = "integer" },
    { .source = "oid", .target = "regclass" },
    { .source = "oid", .target = "regcollation" },
    { .source = "oid", .target = "regconfig" },
    { .source = "oid", .target = "regdictionary" },
    { .source = "oid", .target = "regnamespace" },
    { .source = "oid", .target = "regoper" },
    { .source = "oid", .target = "regoperator" },
    { .source = "oid", .target = "regproc" },
    { .source = "oid", .target = "regprocedure" },
    { .source = "oid", .target = "regrole" },
    { .source = "oid", .target = "regtype" },
    { .source = "path", .target = "polygon" },
    { .source = "pg_dependencies", .target = "bytea" },
    { .source = "pg_dependencies", .target = "text" },
    { .source = "pg_mcv_list", .target = "bytea" },
    { .source = "pg_mcv_list", .target = "text" },
    { .source = "pg_ndistinct", .target = "bytea" },
    { .source = "pg_ndistinct", .target = "text" },
    { .source = "pg_node_tree", .target = "text" },
    { .source = "point", .target = "box" },
    { .source = "polygon", .target = "box" },
    { .source = "polygon", .target = "circle" },
    { .source = "polygon", .target = "path" },
    { .source = "polygon", .target = "point" },
    { .source = "real", .target = "bigint" },
    { .source = "real", .target = "double precision" },
    { .source = "real", .target = "integer" },
    { .source = "real", .target = "numeric" },
    { .source = "real", .target = "smallint" },
    { .source = "regclass", .target = "bigint" },
    { .source = "regclass", .target = "integer" },
    { .source = "regclass", .target = "oid" },
    { .source = "regcollation", .target = "bigint" },
    { .source = "regcollation", .target = "integer" },
    { .source = "regcollation", .target = "oid" },
    { .source = "regconfig", .target = "bigint" },
    { .source = "regconfig", .target = "integer" },
    { .source = "regconfig", .target = "oid" },
    { .source = "regdictionary", .target = "bigint" },
    { .source = "regdictionary", .target = "integer" },
    { .source = "regdictionary", .target = "oid" },
    { .source = "regnamespace", .target = "bigint" },
    { .source = "regnamespace", .target = "integer" },
    { .source = "regnamespace", .target = "oid" },
    { .source = "regoper", .target = "bigint" },
    { .source = "regoper", .target = "integer" },
    { .source = "regoper", .target = "oid" },
    { .source = "regoper", .target = "regoperator" },
    { .source = "regoperator", .target = "bigint" },
    { .source = "regoperator", .target = "integer" },
    { .source = "regoperator", .target = "oid" },
    { .source = "regoperator", .target = "regoper" },
    { .source = "regproc", .target = "bigint" },
    { .source = "regproc", .target = "integer" },
    { .source = "regproc", .target = "oid" },
    { .source = "regproc", .target = "regprocedure" },
    { .source = "regprocedure", .target = "bigint" },
    { .source = "regprocedure", .target = "integer" },
    { .source = "regprocedure", .target = "oid" },
    { .source = "regprocedure", .target = "regproc" },
    { .source = "regrole", .target = "bigint" },
    { .source = "regrole", .target = "integer" },
    { .source = "regrole", .target = "oid" },
    { .source = "regtype", .target = "bigint" },
    { .source = "regtype", .target = "integer" },
    { .source = "regtype", .target = "oid" },
    { .source = "smallint", .target = "bigint" },
    { .source = "smallint", .target = "double precision" },
    { .source = "smallint", .target = "integer" },
    { .source = "smallint", .target = "numeric" },
    { .source = "smallint", .target = "oid" },
    { .source = "smallint", .target = "real" },
    { .source = "smallint", .target = "regclass" },
    { .source = "smallint", .target = "regcollation" },
    { .source = "smallint", .target = "regconfig" },
    { .source = "smallint", .target = "regdictionary" },
    { .source = "smallint", .target = "regnamespace" },
    { .source = "smallint", .target = "regoper" },
    { .source = "smallint", .target = "regoperator" },
    { .source = "smallint", .target = "regproc" },
    { .source = "smallint", .target = "regprocedure" },
    { .source = "smallint", .target = "regrole" },
    { .source = "smallint", .target = "regtype" },
    { .source = "text", .target = "\"char\"" },
    { .source = "text", .target = "character" },
    { .source = "text", .target = "character varying" },
    { .source = "text", .target = "name" },
    { .source = "text", .target = "regclass" },
    { .source = "text", .target = "xml" },
    { .source = "time with time zone", .target = "time without time zone" },
    { .source = "time without time zone", .target = "interval" },
    { .source = "time without time zone", .target = "time with time zone" },
    { .source = "timestamp with time zone", .target = "date" },
    { .source = "timestamp with time zone", .target = "time with time zone" },
    { .source = "timestamp with time zone", .target = "time without time zone" },
    { .source = "timestamp with time zone", .target = "timestamp without time zone" },
    { .source = "timestamp without time zone", .target = "date" },
    { .source = "timestamp without time zone", .target = "time without time zone" },
    { .source = "timestamp without time zone", .target = "timestamp with time zone" },
    { .source = "tsrange", .target = "tsmultirange" },
    { .source = "tstzrange", .target = "tstzmultirange" },
    { .source = "xid8", .target = "xid" },
    { .source = "xml", .target = "character" },
    { .source = "xml", .target = "character varying" },
    { .source = "xml", .target = "text" },
};
/* END pg_cast */

/* A type name as PG_TYPES has it: no type modifier ("numeric(10,2)", "timestamp(3) without
 * time zone"), no array brackets (*array_out says). false when it does not fit out. */
static bool
bare_type(const char *t, char *out, size_t cap, bool *array_out)
{
    size_t n = 0;
    size_t len = strlen(t);
    *array_out = false;
    while (len >= 2 && t[len - 2] == '[' && t[len - 1] == ']') {
        len -= 2;
        *array_out = true;
    }
    for (size_t i = 0; i < len; i++) {
        if (t[i] == '"' && n == 0 && i + 1 < len) {
            const char *q = skip_quotes(t + i); /* a quoted name keeps what it quotes */
            size_t ql = (size_t)(q - (t + i));
            if (ql >= cap - n || i + ql > len)
                return false;
            memcpy(out + n, t + i, ql);
            n += ql;
            i += ql - 1;
            continue;
        }
        if (t[i] == '(') {
            while (i < len && t[i] != ')')
                i++;
            continue;
        }
        if (n + 1 >= cap)
            return false;
        out[n++] = t[i];
    }
    out[n] = '\0';
    return true;
}

static int
type_cmp(const void *key, const void *elem)
{
    return sd_strcmp_c(key, ((const pg_builtin_type *)elem)->name);
}

static int
cast_cmp(const void *key, const void *elem)
{
    const pg_builtin_cast *k = key;
    const pg_builtin_cast *e = elem;
    int d = sd_strcmp_c(k->source, e->source);
    return d != 0 ? d : sd_strcmp_c(k->target, e->target);
}

/* The built-in type a bare name is; an interval's fields ("interval year to month") are a
 * modifier written as words. NULL: not built in. */
static const pg_builtin_type *
builtin_type(char *bare)
{
    const pg_builtin_type *t =
        bsearch(bare, PG_TYPES, SD_ARRAY_LEN(PG_TYPES), sizeof PG_TYPES[0], type_cmp);
    if (t == NULL && strncmp(bare, "interval ", 9) == 0) {
        bare[8] = '\0';
        t = bsearch(bare, PG_TYPES, SD_ARRAY_LEN(PG_TYPES), sizeof PG_TYPES[0], type_cmp);
    }
    return t;
}

/* The domain of m named by the bare type name, or NULL. */
static const sd_object *
model_domain(const sd_model *m, const char *bare)
{
    size_t n = 0;
    const sd_object *const *doms = m != NULL ? sd_model_objects(m, SD_KIND_DOMAIN, &n) : NULL;
    const sd_object *hit = NULL;
    sd_buf q = SD_BUF_INIT;
    for (size_t i = 0; i < n && hit == NULL; i++) {
        sd_buf_reset(&q);
        sd_sql_qualified(&q, SD_ENGINE_PG, doms[i]->schema, doms[i]->name);
        if (!sd_buf_failed(&q) && strcmp(sd_buf_cstr(&q), bare) == 0)
            hit = doms[i];
    }
    sd_buf_dispose(&q);
    return hit;
}

/* The built-in type t is (domains of m followed to their base), and whether an array. */
static const pg_builtin_type *
resolve_type(const sd_model *m, const char *t, bool *array_out)
{
    char bare[128];
    *array_out = false;
    for (int depth = 0; t != NULL && depth < 16; depth++) {
        bool array = false;
        if (!bare_type(t, bare, sizeof bare, &array))
            return NULL;
        *array_out = *array_out || array;
        const pg_builtin_type *b = builtin_type(bare);
        if (b != NULL)
            return b;
        const sd_object *d = model_domain(m, bare);
        t = d != NULL ? d->v[SD_DOMAIN_BASE_TYPE].s : NULL;
    }
    return NULL;
}

static bool
element_cast(const pg_builtin_type *s, const pg_builtin_type *t)
{
    pg_builtin_cast key = { .source = s->name, .target = t->name };
    return s == t || s->string || t->string ||
           bsearch(&key, PG_CASTS, SD_ARRAY_LEN(PG_CASTS), sizeof PG_CASTS[0], cast_cmp) != NULL;
}

/* Whether m holds a cast (a user-defined one: the model has no built-in casts) from the bare
 * type src to the bare type dst, as format_type() names both. */
static bool
model_cast(const sd_model *m, const char *src, const char *dst)
{
    size_t n = 0;
    const sd_object *const *casts = m != NULL ? sd_model_objects(m, SD_KIND_CAST, &n) : NULL;
    for (size_t i = 0; i < n; i++) {
        char s[128];
        char t[128];
        bool sa = false;
        bool ta = false;
        const char *cs = casts[i]->v[SD_CAST_SOURCE].s;
        const char *ct = casts[i]->v[SD_CAST_TARGET].s;
        if (cs != NULL && ct != NULL && bare_type(cs, s, sizeof s, &sa) &&
            bare_type(ct, t, sizeof t, &ta) && !sa && !ta && strcmp(s, src) == 0 &&
            strcmp(t, dst) == 0)
            return true;
    }
    return false;
}

sd_pg_cast_path
sd_plan_pg_cast_path(const sd_model *from, const sd_model *to, const char *src, const char *dst)
{
    /* A user-defined cast between the two types that both sides hold exists while the column
     * is converted (one only TO holds may be created after the retype, one only FROM holds
     * dropped before it). */
    char sbare[128];
    char tbare[128];
    bool sa = false;
    bool ta = false;
    if (src != NULL && dst != NULL && bare_type(src, sbare, sizeof sbare, &sa) &&
        bare_type(dst, tbare, sizeof tbare, &ta) && !sa && !ta && model_cast(from, sbare, tbare) &&
        model_cast(to, sbare, tbare))
        return SD_PG_CAST_YES;
    const pg_builtin_type *s = src != NULL ? resolve_type(from, src, &sa) : NULL;
    const pg_builtin_type *t = dst != NULL ? resolve_type(to, dst, &ta) : NULL;
    if (s == NULL || t == NULL)
        return SD_PG_CAST_UNKNOWN;
    if (sa != ta) /* between an array and a scalar only I/O through a string type */
        return (sa ? t->string : s->string) ? SD_PG_CAST_YES : SD_PG_CAST_NONE;
    return element_cast(s, t) ? SD_PG_CAST_YES : SD_PG_CAST_NONE;
}

bool
sd_plan_pg_retype_drops(const sd_changelist *cl,
                        const sd_change *ch,
                        const sd_using *usings,
                        size_t n)
{
    if (ch->kind != SD_KIND_COLUMN || ch->op != SD_OP_ALTER ||
        !(ch->fields & FBIT(SD_COLUMN_TYPE)) || (ch->flags & SD_CHG_NOTE_ONLY))
        return false;
    const sd_object *f = ch->from;
    const sd_object *t = ch->to;
    /* A generated column is recomputed, not converted; an inherited one follows its
     * parent's change. */
    if (t->v[SD_COLUMN_GENERATED].sql.text != NULL ||
        (f->v[SD_COLUMN_INHERITED].b && t->v[SD_COLUMN_INHERITED].b) ||
        sd_plan_using_find(usings, n, f) != NULL)
        return false;
    return sd_plan_pg_cast_path(sd_changelist_from(cl), sd_changelist_to(cl),
                                f->v[SD_COLUMN_TYPE].s, t->v[SD_COLUMN_TYPE].s) == SD_PG_CAST_NONE;
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
    /* ALTER TYPE ... SET changes some support functions and the storage; a shell gets its
     * definition in place. The rest drops and creates it, with its I/O functions (DROP TYPE
     * ... CASCADE takes them): refused while anything else uses it (recreate_base_type() in
     * emit/emit_pg_kinds.c). Dropped late, after what uses it, its I/O functions with it. */
    [SD_KIND_BASE_TYPE] = { .recreates = base_type_recreates, .late_drop = true },
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
    /* ALTER EVENT TRIGGER changes only the enable state, owner and name. */
    [SD_KIND_EVENT_TRIGGER] = { .recreate_fields = FBIT(SD_EVENT_TRIGGER_EVENT) |
                                                   FBIT(SD_EVENT_TRIGGER_TAGS) |
                                                   FBIT(SD_EVENT_TRIGGER_FUNCTION_SCHEMA) |
                                                   FBIT(SD_EVENT_TRIGGER_FUNCTION_NAME),
                                .outermost = true },
    /* A cast has no ALTER: anything but its comment drops and creates it; rebuilt around a
     * function or type it uses that is dropped and created, like a trigger. */
    [SD_KIND_CAST] = { .recreate_fields = FBIT(SD_CAST_SOURCE) | FBIT(SD_CAST_TARGET) |
                                          FBIT(SD_CAST_METHOD) | FBIT(SD_CAST_FUNCTION) |
                                          FBIT(SD_CAST_CONTEXT),
                       .planned = true },
    /* CREATE OR REPLACE LANGUAGE changes trust and functions in place; dropped late, after
     * the functions written in it. */
    [SD_KIND_LANGUAGE] = { .late_drop = true },
    /* CREATE OR REPLACE TRANSFORM changes its functions in place; the type and language
     * are its identity. Dropped late, before its functions, type and language. */
    [SD_KIND_TRANSFORM] = { .recreate_fields =
                                FBIT(SD_TRANSFORM_TYPE) | FBIT(SD_TRANSFORM_LANGUAGE),
                            .late_drop = true },
    /* There is no ALTER ACCESS METHOD: a type or handler change drops and creates it (the
     * emitter refuses it while something uses it); dropped late, after its operator classes
     * and families. */
    [SD_KIND_ACCESS_METHOD] = { .recreate_fields =
                                    FBIT(SD_ACCESS_METHOD_TYPE) | FBIT(SD_ACCESS_METHOD_HANDLER),
                                .late_drop = true },
    /* ALTER OPERATOR ... SET changes only RESTRICT and JOIN on PostgreSQL 15, and a
     * commutator or negator link cannot be undone. */
    [SD_KIND_OPERATOR] = { .recreate_fields = FBIT(SD_OPERATOR_DEFINITION),
                           .gone = SD_PG_GONE_CHANGED,
                           .late_drop = true },
    /* ALTER OPERATOR FAMILY adds and drops loose members in place. */
    [SD_KIND_OPFAMILY] = { .late_drop = true },
    /* ALTER OPERATOR CLASS can only rename it or change its owner or schema: anything else
     * drops and creates it, the indexes that use it rebuilt around it. */
    [SD_KIND_OPCLASS] = { .recreate_fields = FBIT(SD_OPCLASS_TYPE) | FBIT(SD_OPCLASS_DEFAULT) |
                                             FBIT(SD_OPCLASS_FAMILY_SCHEMA) |
                                             FBIT(SD_OPCLASS_FAMILY) | FBIT(SD_OPCLASS_STORAGE) |
                                             FBIT(SD_OPCLASS_MEMBERS),
                          .gone = SD_PG_GONE_CHANGED,
                          .late_drop = true },
    /* ALTER FOREIGN DATA WRAPPER changes the handler, validator and options in place. */
    [SD_KIND_FDW] = { .late_drop = true },
    /* ALTER SERVER changes the version and options, not the type or the wrapper: those drop
     * and create it, its user mappings rebuilt around it. */
    [SD_KIND_SERVER] = { .recreate_fields = FBIT(SD_SERVER_FDW) | FBIT(SD_SERVER_TYPE),
                         .gone = SD_PG_GONE_CHANGED,
                         .late_drop = true },
    /* A user mapping is its identity (its options are not modelled): planned like a cast,
     * so that it goes and comes back around a server that is dropped and created. */
    [SD_KIND_USER_MAPPING] = { .recreate_fields =
                                   FBIT(SD_USER_MAPPING_USER) | FBIT(SD_USER_MAPPING_SERVER),
                               .planned = true },
    /* ALTER CONVERSION can only rename it or change its owner or schema. */
    [SD_KIND_CONVERSION] = { .recreate_fields =
                                 FBIT(SD_CONVERSION_SOURCE) | FBIT(SD_CONVERSION_TARGET) |
                                 FBIT(SD_CONVERSION_FUNCTION) | FBIT(SD_CONVERSION_DEFAULT),
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
    /* A definition change is DROP STATISTICS + CREATE STATISTICS; target, owner and comment
     * in place. Rebuilt when a column it uses is retyped or its table rebuilt (pg_depend). */
    [SD_KIND_STATISTICS] = { .recreate_fields = FBIT(SD_STATISTICS_DEFINITION), .planned = true },
    /* Planned like a statistics object: created once every table, column and schema it
     * names exists, and dropped and created around a table that is rebuilt (a table dropped
     * and created leaves every publication). ALTER PUBLICATION cannot change FOR ALL TABLES. */
    [SD_KIND_PUBLICATION] = { .recreate_fields = FBIT(SD_PUBLICATION_ALL_TABLES), .planned = true },
    /* ALTER SUBSCRIPTION sets the publications and every option but two_phase. It uses
     * nothing of the database (its publications are the publisher's). */
    [SD_KIND_SUBSCRIPTION] = { .recreate_fields = FBIT(SD_SUBSCRIPTION_TWO_PHASE),
                               .late_drop = true },
    /* ALTER DEFAULT PRIVILEGES changes every field in place (role and object type are its
     * name); new objects take them wherever the script creates them, see
     * put_default_acl_reset() in emit/emit_pg_out.c. Nothing depends on them: their
     * "drop" (back to the built-in privileges) may come last. */
    [SD_KIND_DEFAULT_ACL] = { .late_drop = true },
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
