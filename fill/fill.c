/*
 * fill.c: the filler (fill.h): generated rows for every table of a model, as SQL.
 *
 * Three steps per model: order the tables parents first (order_tables), decide per column what
 * its rows hold (plan_column: nothing, NULL, or the value of some column's type for row n), and
 * write one statement per row (write_row). Values come from the column's type alone
 * (classify), never from data, so the output depends on the model and the options only.
 * It does not try to satisfy CHECK constraints or triggers: a row they refuse is skipped by
 * the statement's own error handling (fill.h), which is what makes one row per statement
 * necessary.
 */
#include "fill/fill.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/ascii.h"
#include "util/sql.h"
#include "util/topo.h"

/* How deep a foreign key column follows its referenced column (a chain of keys). */
#define MAX_FK_DEPTH 8

/* What a type's values look like. */
typedef enum vclass {
    V_UNKNOWN = 0, /* no value we can write: the default, NULL, or the digits as a literal */
    V_INT,         /* n */
    V_NUM,         /* n (numeric, floating point, money, SQLite's numeric affinity) */
    V_BOOL,        /* n odd: true */
    V_TEXT,        /* 'n': digits, so that a retype to a number converts */
    V_DATE,        /* a distinct date per n */
    V_TIMESTAMP,   /* that date, at n seconds past midnight */
    V_TIMESTAMPTZ, /* the same in UTC */
    V_TIME,        /* n seconds past midnight */
    V_TIMETZ,      /* the same in UTC */
    V_INTERVAL,    /* n seconds */
    V_UUID,        /* n in the last group */
    V_JSON,        /* '{}' */
    V_BYTEA,       /* PostgreSQL: '\x' and n in hex */
    V_BLOB,        /* SQLite: X'...' with n in hex */
    V_INET,        /* 10.x.y.z */
    V_CIDR,        /* 10.x.y.z/32 */
    V_MACADDR,     /* 08:00:2b:x:y:z */
    V_BIT,         /* n in binary, as wide as the type */
    V_ARRAY,       /* '{}' */
    V_NUMRANGE,    /* [n,n] */
    V_DATERANGE,   /* [date,date] */
    V_TSRANGE,     /* [timestamp,timestamp] */
    V_ENUM,        /* the enum's values in turn */
    V_COMPOSITE    /* (a,b): each attribute's value, by its type */
} vclass;

typedef struct vtype {
    vclass c;
    const sd_object *en; /* V_ENUM: the enum; V_COMPOSITE: the composite type */
    long width;          /* V_BIT: the declared length (1 when none) */
} vtype;

/* What one column holds in every generated row. */
typedef enum plan_kind {
    P_OMIT = 0, /* left out of the column list: its default, generated value or NULL */
    P_NULL,     /* NULL: a foreign key to a table not filled yet */
    P_VALUE     /* the value of `src`'s type for row n */
} plan_kind;

/* What a CHECK says about a text column's values, when it says it in a form we read. */
typedef enum hint_kind {
    H_NONE = 0,
    H_LIST, /* col IN ('a', 'b') / col = ANY (ARRAY['a', 'b']): one of those */
    H_LIKE  /* col LIKE 'p' / col ~~ 'p': the pattern, digits for % and 0 for _ */
} hint_kind;

typedef struct hint {
    hint_kind kind;
    const char *at; /* in the model's text: the list's first literal, or the pattern */
} hint;

typedef struct col_plan {
    const sd_object *col; /* the column */
    const sd_object *src; /* P_VALUE: the column whose type gives the value */
    plan_kind kind;
    bool small;    /* named by a CHECK and in no key: numbered k, not seed + k */
    bool optional; /* in no key, and NULL or a default will do: left out of a second try */
    hint hint;     /* from a CHECK of the table or of the column's domain */
} col_plan;

typedef struct fill_ctx {
    const sd_model *m;
    sd_engine e;
    bool *filled; /* by table index: its rows are written before the current table's */
    sd_buf tmp;   /* scratch for qualified names being compared */
} fill_ctx;

static const char *
default_schema(const fill_ctx *c, const char *schema)
{
    return schema != NULL ? schema : (c->e == SD_ENGINE_PG ? "public" : "main");
}

/* ---- types ---- */

/* s with every "(...)" left out and runs of blanks made one: the type's name. */
static void
type_name(sd_buf *out, const char *s, long *width)
{
    int depth = 0;
    bool blank = false;
    *width = 0;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '(') {
            if (depth == 0 && *width == 0)
                *width = strtol(p + 1, NULL, 10);
            depth++;
            continue;
        }
        if (*p == ')') {
            depth -= depth > 0;
            continue;
        }
        if (depth > 0)
            continue;
        if (*p == ' ' || *p == '\t' || *p == '\n') {
            blank = out->len > 0;
            continue;
        }
        if (blank)
            sd_buf_putc(out, ' ');
        blank = false;
        sd_buf_putc(out, sd_ascii_lower(*p));
    }
}

static bool
in_list(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++) {
        if (strcmp(name, list[i]) == 0)
            return true;
    }
    return false;
}

/* A PostgreSQL built-in type by its format_type() name without modifiers. */
static vclass
pg_builtin(const char *name)
{
    static const char *const ints[] = { "smallint", "integer", "bigint", "int2", "int4",
                                        "int8",     "int",     "oid",    NULL };
    static const char *const nums[] = { "numeric", "decimal", "real",  "double precision",
                                        "float4",  "float8",  "money", NULL };
    static const char *const texts[] = {
        "text", "character varying", "character", "varchar", "char", "bpchar",
        "name", "\"char\"",          NULL
    };
    static const struct {
        const char *name;
        vclass c;
    } others[] = {
        { "boolean", V_BOOL },
        { "bool", V_BOOL },
        { "date", V_DATE },
        { "timestamp without time zone", V_TIMESTAMP },
        { "timestamp", V_TIMESTAMP },
        { "timestamp with time zone", V_TIMESTAMPTZ },
        { "timestamptz", V_TIMESTAMPTZ },
        { "time without time zone", V_TIME },
        { "time", V_TIME },
        { "time with time zone", V_TIMETZ },
        { "timetz", V_TIMETZ },
        { "uuid", V_UUID },
        { "json", V_JSON },
        { "jsonb", V_JSON },
        { "bytea", V_BYTEA },
        { "inet", V_INET },
        { "cidr", V_CIDR },
        { "macaddr", V_MACADDR },
        { "bit", V_BIT },
        { "bit varying", V_BIT },
        { "int4range", V_NUMRANGE },
        { "int8range", V_NUMRANGE },
        { "numrange", V_NUMRANGE },
        { "daterange", V_DATERANGE },
        { "tsrange", V_TSRANGE },
        { "tstzrange", V_TSRANGE },
    };
    if (in_list(name, ints))
        return V_INT;
    if (in_list(name, nums))
        return V_NUM;
    if (in_list(name, texts))
        return V_TEXT;
    if (strncmp(name, "interval", 8) == 0)
        return V_INTERVAL; /* also "interval day to second" */
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        if (strcmp(name, others[i].name) == 0)
            return others[i].c;
    }
    return V_UNKNOWN;
}

/* A SQLite declared type, by SQLite's affinity rules (INT, then text, blob, real), with the
 * names applications use for booleans, dates, uuids and json looked at before numeric. */
static vclass
sqlite_class(const char *lower)
{
    if (strstr(lower, "int") != NULL)
        return V_INT;
    if (strstr(lower, "char") != NULL || strstr(lower, "clob") != NULL ||
        strstr(lower, "text") != NULL)
        return V_TEXT;
    if (strstr(lower, "blob") != NULL)
        return V_BLOB;
    if (strstr(lower, "real") != NULL || strstr(lower, "floa") != NULL ||
        strstr(lower, "doub") != NULL)
        return V_NUM;
    if (strstr(lower, "bool") != NULL)
        return V_BOOL;
    if (strstr(lower, "timestamp") != NULL ||
        (strstr(lower, "date") != NULL && strstr(lower, "time") != NULL))
        return V_TIMESTAMP;
    if (strstr(lower, "date") != NULL)
        return V_DATE;
    if (strstr(lower, "time") != NULL)
        return V_TIME;
    if (strstr(lower, "uuid") != NULL)
        return V_UUID;
    if (strstr(lower, "json") != NULL)
        return V_JSON;
    return V_NUM; /* NUMERIC affinity, or none (no type): a number is stored as is */
}

/* The user-defined type (enum or domain) a PostgreSQL type string names, or NULL. */
static const sd_object *
pg_user_type(fill_ctx *c, sd_kind kind, const char *type)
{
    size_t n = 0;
    const sd_object *const *objs = sd_model_objects(c->m, kind, &n);
    for (size_t i = 0; i < n; i++) {
        sd_buf_reset(&c->tmp);
        sd_sql_qualified(&c->tmp, SD_ENGINE_PG, objs[i]->schema, objs[i]->name);
        if (strcmp(sd_buf_cstr(&c->tmp), type) == 0)
            return objs[i];
    }
    return NULL;
}

static vtype
classify(fill_ctx *c, const char *type, int depth)
{
    vtype t = { V_UNKNOWN, NULL, 1 };
    if (type == NULL || type[0] == '\0') {
        if (c->e == SD_ENGINE_SQLITE)
            t.c = V_NUM; /* no declared type: no affinity, any value */
        return t;
    }
    size_t len = strlen(type);
    if (c->e == SD_ENGINE_PG && len > 2 && strcmp(type + len - 2, "[]") == 0) {
        t.c = V_ARRAY;
        return t;
    }
    sd_buf name = SD_BUF_INIT;
    long width = 0;
    type_name(&name, type, &width);
    if (c->e == SD_ENGINE_SQLITE) {
        t.c = sqlite_class(sd_buf_cstr(&name));
    } else {
        t.c = pg_builtin(sd_buf_cstr(&name));
        if (t.c == V_BIT && width > 0)
            t.width = width;
        if (t.c == V_UNKNOWN) {
            const sd_object *o = pg_user_type(c, SD_KIND_ENUM, type);
            if (o != NULL && o->v[SD_ENUM_VALUES].names.len > 0) {
                t.c = V_ENUM;
                t.en = o;
            } else if ((o = pg_user_type(c, SD_KIND_DOMAIN, type)) != NULL && depth < 8) {
                t = classify(c, o->v[SD_DOMAIN_BASE_TYPE].s, depth + 1);
            } else if ((o = pg_user_type(c, SD_KIND_COMPOSITE, type)) != NULL && depth < 8) {
                t.c = V_COMPOSITE;
                t.en = o;
            }
        }
    }
    sd_buf_dispose(&name);
    return t;
}

/* ---- CHECK hints ---- */

static bool
ident_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || (unsigned char)ch >= 0x80;
}

/* s starts with word, ASCII case aside. */
static bool
starts_ci(const char *s, const char *word)
{
    for (; *word != '\0'; s++, word++) {
        if (sd_ascii_lower(*s) != sd_ascii_lower(*word))
            return false;
    }
    return true;
}

/* The hint an expression gives right after a mention of the column at p (just past its
 * name): only casts, closing parentheses and quotes may come between. */
static hint
hint_after(const char *p)
{
    hint h = { H_NONE, NULL };
    bool cast = false; /* inside "::type name" */
    for (int steps = 0; *p != '\0' && steps < 64; steps++, p++) {
        if (starts_ci(p, "IN (") || starts_ci(p, "IN(")) {
            h.kind = H_LIST;
            h.at = strchr(p, '(') + 1;
            return h;
        }
        if (starts_ci(p, "= ANY")) {
            const char *b = strchr(p, '[');
            if (b != NULL) {
                h.kind = H_LIST;
                h.at = b + 1;
            }
            return h;
        }
        if (starts_ci(p, "~~ ") || starts_ci(p, "LIKE ")) {
            p += p[0] == '~' ? 3 : 5;
            while (*p == ' ' || *p == '(')
                p++;
            if (*p == '\'') {
                h.kind = H_LIKE;
                h.at = p;
            }
            return h;
        }
        if (p[0] == ':' && p[1] == ':') {
            cast = true;
            p++;
            continue;
        }
        if (*p == ' ' || *p == ')' || *p == '"' || (cast && ident_char(*p)))
            continue;
        return h;
    }
    return h;
}

/* The first hint expr gives about name, and whether it names it at all. */
static hint
find_hint(const char *expr, const char *name, bool *mentioned)
{
    hint h = { H_NONE, NULL };
    size_t len = strlen(name);
    if (expr == NULL || len == 0)
        return h;
    for (const char *p = expr; *p != '\0'; p++) {
        if ((p > expr && ident_char(p[-1])) || !starts_ci(p, name) || ident_char(p[len]))
            continue;
        *mentioned = true;
        h = hint_after(p + len);
        if (h.kind != H_NONE)
            return h;
    }
    return h;
}

/* Append the string literal at p ('it''s') unquoted to out (when out is not NULL); the
 * position after it. */
static const char *
read_literal(const char *p, sd_buf *out)
{
    for (p++; *p != '\0'; p++) {
        if (*p == '\'') {
            if (p[1] != '\'')
                return p + 1;
            p++;
        }
        if (out != NULL)
            sd_buf_putc(out, *p);
    }
    return p;
}

/* The i-th string literal of the list at p (up to its closing ')' or ']'), or false. */
static bool
list_item(const char *p, size_t i, sd_buf *out)
{
    size_t count = 0;
    for (const char *q = p; *q != '\0' && *q != ')' && *q != ']';) {
        if (*q == '\'') {
            q = read_literal(q, NULL);
            count++;
        } else if (*q == '(') {
            return false; /* a call in the list: not a plain list of values */
        } else {
            q++;
        }
    }
    if (count == 0)
        return false;
    i %= count;
    for (const char *q = p;;) {
        if (*q != '\'') {
            q++;
            continue;
        }
        if (i == 0) {
            read_literal(q, out);
            return true;
        }
        q = read_literal(q, NULL);
        i--;
    }
}

/* The LIKE pattern at p with every % made the digits of n and every _ a 0. */
static void
like_value(const char *p, unsigned long long n, sd_buf *out)
{
    sd_buf pat = SD_BUF_INIT;
    read_literal(p, &pat);
    for (const char *q = sd_buf_cstr(&pat); *q != '\0'; q++) {
        if (*q == '%')
            sd_buf_appendf(out, "%llu", n);
        else if (*q == '_')
            sd_buf_putc(out, '0');
        else if (*q == '\\' && q[1] != '\0')
            sd_buf_putc(out, *++q);
        else
            sd_buf_putc(out, *q);
    }
    if (sd_buf_failed(&pat))
        out->failed = true;
    sd_buf_dispose(&pat);
}

/* ---- values ---- */

/* A distinct calendar date per n: 28-day months from 2024-01-01 on (a recent year, so that
 * rows land in the partitions and ranges schemas written today declare). */
static void
date_text(sd_buf *b, unsigned long long n)
{
    unsigned long long d = n > 0 ? n - 1 : 0;
    sd_buf_appendf(b, "%04llu-%02llu-%02llu", 2024 + d / 336, (d / 28) % 12 + 1, d % 28 + 1);
}

static void
time_text(sd_buf *b, unsigned long long n)
{
    unsigned long long s = n % 86400;
    sd_buf_appendf(b, "%02llu:%02llu:%02llu", s / 3600, (s / 60) % 60, s % 60);
}

static bool value_text(fill_ctx *c, sd_buf *s, const vtype *t, const hint *h, unsigned long long n);

/* The type of the composite attribute at *p ("name type [COLLATE c]") into atype; *p moves
 * past it and its comma. */
static void
attribute_type(const char **p, sd_buf *atype)
{
    const char *q = *p;
    while (*q == ' ')
        q++;
    if (*q == '"') { /* a quoted name: "" inside it is a quote */
        for (q++; *q != '\0' && !(q[0] == '"' && q[1] != '"'); q += q[0] == '"' ? 2 : 1)
            ;
        q += *q == '"';
    } else {
        while (*q != '\0' && *q != ' ')
            q++;
    }
    while (*q == ' ')
        q++;
    const char *start = q;
    int depth = 0;
    bool quoted = false;
    for (; *q != '\0' && (depth > 0 || quoted || *q != ','); q++) {
        if (*q == '"')
            quoted = !quoted;
        else if (!quoted)
            depth += (*q == '(') - (*q == ')');
    }
    sd_buf_appendn(atype, start, (size_t)(q - start));
    const char *collate = strstr(sd_buf_cstr(atype), " COLLATE ");
    if (collate != NULL)
        sd_buf_truncate(atype, (size_t)(collate - sd_buf_cstr(atype)));
    *p = q + (*q == ',');
}

/* A composite value in the type's text form, "(a,b)", every attribute double-quoted with
 * its quotes and backslashes escaped. */
static void
composite_text(fill_ctx *c, sd_buf *s, const sd_object *type, unsigned long long n)
{
    const char *p = type->v[SD_COMPOSITE_ATTRIBUTES].sql.text;
    sd_buf_putc(s, '(');
    for (bool first = true; p != NULL && *p != '\0'; first = false) {
        sd_buf atype = SD_BUF_INIT;
        sd_buf elem = SD_BUF_INIT;
        attribute_type(&p, &atype);
        vtype at = classify(c, sd_buf_cstr(&atype), 1);
        hint none = { H_NONE, NULL };
        if (at.c != V_COMPOSITE || at.en != type)
            (void)value_text(c, &elem, &at, &none, n);
        sd_buf_append(s, first ? "\"" : ",\"");
        for (const char *q = sd_buf_cstr(&elem); *q != '\0'; q++) {
            if (*q == '"' || *q == '\\')
                sd_buf_putc(s, '\\');
            sd_buf_putc(s, *q);
        }
        sd_buf_putc(s, '"');
        if (sd_buf_failed(&atype) || sd_buf_failed(&elem))
            s->failed = true;
        sd_buf_dispose(&atype);
        sd_buf_dispose(&elem);
    }
    sd_buf_putc(s, ')');
}

/* The literal of type t for row n, appended to out; a text column follows its hint. */
static void
write_value(fill_ctx *c, sd_buf *out, const vtype *t, const hint *h, unsigned long long n)
{
    sd_buf s = SD_BUF_INIT;
    if (value_text(c, &s, t, h, n))
        sd_sql_literal(out, c->e, sd_buf_cstr(&s));
    else
        sd_buf_append(out, sd_buf_cstr(&s));
    if (sd_buf_failed(&s))
        out->failed = true;
    sd_buf_dispose(&s);
}

/* The value of type t for row n into s: true when s is to be a string literal, false when it
 * is SQL as it stands (a number, a boolean, a blob). A text value follows its hint. */
static bool
value_text(fill_ctx *c, sd_buf *s, const vtype *t, const hint *h, unsigned long long n)
{
    if (t->c == V_TEXT && h->kind == H_LIST && list_item(h->at, n > 0 ? n - 1 : 0, s))
        return true;
    if (t->c == V_TEXT && h->kind == H_LIKE) {
        like_value(h->at, n, s);
        return true;
    }
    bool literal = true; /* false: s is SQL as it stands */
    switch (t->c) {
    case V_INT:
    case V_NUM:
        sd_buf_appendf(s, "%llu", n);
        literal = false;
        break;
    case V_BOOL:
        if (c->e == SD_ENGINE_PG)
            sd_buf_append(s, n % 2 == 1 ? "true" : "false");
        else
            sd_buf_append(s, n % 2 == 1 ? "1" : "0");
        literal = false;
        break;
    case V_BLOB:
        /* A blob literal: hex digits only, nothing to quote. */
        sd_buf_appendf(s, "X'%016llx'", n); /* lint: quoting-ok hex digits, not a string */
        literal = false;
        break;
    case V_UNKNOWN:
    case V_TEXT:
        sd_buf_appendf(s, "%llu", n);
        break;
    case V_DATE:
        date_text(s, n);
        break;
    case V_TIMESTAMP:
    case V_TIMESTAMPTZ:
        date_text(s, n);
        sd_buf_putc(s, ' ');
        time_text(s, n);
        if (t->c == V_TIMESTAMPTZ)
            sd_buf_append(s, "+00");
        break;
    case V_TIME:
    case V_TIMETZ:
        time_text(s, n);
        if (t->c == V_TIMETZ)
            sd_buf_append(s, "+00");
        break;
    case V_INTERVAL:
        sd_buf_appendf(s, "%llu seconds", n);
        break;
    case V_UUID:
        sd_buf_appendf(s, "00000000-0000-4000-8000-%012llx", n & 0xffffffffffffULL);
        break;
    case V_JSON:
    case V_ARRAY:
        sd_buf_append(s, "{}");
        break;
    case V_BYTEA:
        sd_buf_appendf(s, "\\x%016llx", n);
        break;
    case V_INET:
    case V_CIDR:
        sd_buf_appendf(s, "10.%llu.%llu.%llu%s", (n >> 16) & 255, (n >> 8) & 255, n & 255,
                       t->c == V_CIDR ? "/32" : "");
        break;
    case V_MACADDR:
        sd_buf_appendf(s, "08:00:2b:%02llx:%02llx:%02llx", (n >> 16) & 255, (n >> 8) & 255,
                       n & 255);
        break;
    case V_BIT:
        for (long i = t->width - 1; i >= 0; i--)
            sd_buf_putc(s, i < 64 && ((n >> i) & 1) ? '1' : '0');
        break;
    case V_NUMRANGE:
        sd_buf_appendf(s, "[%llu,%llu]", n, n);
        break;
    case V_DATERANGE:
    case V_TSRANGE:
        for (int end = 0; end < 2; end++) {
            sd_buf_putc(s, end == 0 ? '[' : ',');
            date_text(s, n);
            if (t->c == V_TSRANGE) {
                sd_buf_putc(s, ' ');
                time_text(s, n);
            }
        }
        sd_buf_putc(s, ']');
        break;
    case V_COMPOSITE:
        composite_text(c, s, t->en, n);
        break;
    case V_ENUM: {
        const sd_names *vals = &t->en->v[SD_ENUM_VALUES].names;
        sd_buf_append(s, vals->items[(n > 0 ? n - 1 : 0) % vals->len]);
        break;
    }
    }
    return literal;
}

/* ---- keys ---- */

static bool
names_has(const sd_names *names, const char *name, size_t *at)
{
    return sd_names_find(names, name, at);
}

static bool
in_primary_key(const fill_ctx *c, const sd_object *table, const char *col)
{
    size_t n = 0;
    const sd_object *const *pks = sd_model_children(c->m, table, SD_KIND_PRIMARY_KEY, &n);
    return n > 0 && names_has(&pks[0]->v[SD_PK_COLUMNS].names, col, NULL);
}

static const sd_object *
ref_table(const fill_ctx *c, const sd_object *fk)
{
    const char *schema = fk->v[SD_FK_REF_SCHEMA].s;
    if (schema == NULL)
        schema = fk->schema;
    return sd_model_find_table(c->m, default_schema(c, schema), fk->v[SD_FK_REF_TABLE].s);
}

/* The column that fk's column at position i references, or NULL. Without a column list
 * (SQLite), a foreign key references the parent's primary key. */
static const sd_object *
ref_column(const fill_ctx *c, const sd_object *fk, const sd_object *parent, size_t i)
{
    const sd_names *cols = &fk->v[SD_FK_REF_COLUMNS].names;
    if (cols->len == 0) {
        size_t n = 0;
        const sd_object *const *pks = sd_model_children(c->m, parent, SD_KIND_PRIMARY_KEY, &n);
        if (n == 0)
            return NULL;
        cols = &pks[0]->v[SD_PK_COLUMNS].names;
    }
    if (i >= cols->len)
        return NULL;
    return sd_model_find(c->m, SD_KIND_COLUMN, parent->schema, parent->name, cols->items[i]);
}

/* The first foreign key of col's table that col is part of, with its parent and the column it
 * references; false when there is none (or its parent is not in the model). */
static bool
find_fk(const fill_ctx *c,
        const sd_object *col,
        const sd_object **parent_out,
        const sd_object **ref_out)
{
    size_t n = 0;
    const sd_object *const *fks = sd_model_children(c->m, col->owner, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++) {
        size_t at = 0;
        if (!names_has(&fks[i]->v[SD_FK_COLUMNS].names, col->name, &at))
            continue;
        const sd_object *parent = ref_table(c, fks[i]);
        const sd_object *ref = parent != NULL ? ref_column(c, fks[i], parent, at) : NULL;
        if (ref != NULL) {
            *parent_out = parent;
            *ref_out = ref;
            return true;
        }
    }
    return false;
}

/* The column whose type gives col's values: along foreign keys to the key they reference. */
static const sd_object *
value_source(const fill_ctx *c, const sd_object *col)
{
    for (int depth = 0; depth < MAX_FK_DEPTH; depth++) {
        const sd_object *parent = NULL;
        const sd_object *ref = NULL;
        if (!find_fk(c, col, &parent, &ref) || ref == col)
            break;
        col = ref;
    }
    return col;
}

/* ---- tables ---- */

/* A loop of foreign keys: its first table (canonical order) goes first, its keys into the
 * loop NULL (fill_table sees the parents not filled yet). */
static sd_status
first_of_loop_first(sd_topo *t, const sd_topo_sccs *sccs, void *ctx, sd_err *err)
{
    (void)ctx;
    size_t *first = calloc(sccs->count + 1, sizeof(*first)); /* per component: 1 + node */
    if (first == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while generating rows");
    for (size_t v = 0; v < sccs->nnodes; v++) {
        size_t id = sccs->comp[v];
        if (id != 0 && sccs->size[id] > 1 && first[id] == 0)
            first[id] = v + 1;
    }
    for (size_t u = 0; u < sccs->nnodes; u++) {
        size_t id = sccs->comp[u];
        size_t n = 0;
        const sd_topo_edge *e = id != 0 && first[id] != 0 ? sd_topo_out(t, u, &n) : NULL;
        for (size_t k = 0; k < n; k++)
            if (e[k].to == first[id] - 1)
                sd_topo_remove_edge(t, u, k);
    }
    free(first);
    return SD_OK;
}

/* Tables parents first (util/topo: canonical order among the tables ready). */
static sd_status
order_tables(const fill_ctx *c, sd_topo *t, sd_err *err)
{
    size_t n = 0;
    const sd_object *const *tables = sd_model_objects(c->m, SD_KIND_TABLE, &n);
    sd_status rc = sd_topo_init(t, n, err);
    for (size_t i = 0; i < n && rc == SD_OK; i++) {
        size_t nfk = 0;
        const sd_object *const *fks = sd_model_children(c->m, tables[i], SD_KIND_FOREIGN_KEY, &nfk);
        for (size_t k = 0; k < nfk && rc == SD_OK; k++) {
            const sd_object *parent = ref_table(c, fks[k]);
            if (parent != NULL && parent != tables[i])
                rc = sd_topo_add_edge(t, parent->index, i, NULL, err);
        }
    }
    return rc == SD_OK ? sd_topo_sort(t, first_of_loop_first, NULL, err) : rc;
}

static bool
is_partition(const sd_object *table)
{
    return table->v[SD_TABLE_PARTITION_OF].s != NULL;
}

/* A foreign table's rows are its server's: it gets none, and neither does a partitioned
 * table with a foreign partition at any depth (the parent would route rows there). */
static bool
takes_rows(const sd_model *m, const sd_object *table)
{
    if (sd_table_is_foreign(table))
        return false;
    if (table->v[SD_TABLE_PARTITION_KEY].s == NULL)
        return true;
    sd_buf name = SD_BUF_INIT;
    sd_sql_qualified(&name, sd_model_engine(m), table->schema, table->name);
    size_t n = 0;
    const sd_object *const *tables = sd_model_objects(m, SD_KIND_TABLE, &n);
    bool takes = !sd_buf_failed(&name);
    for (size_t i = 0; i < n && takes; i++) {
        const char *parent = tables[i]->v[SD_TABLE_PARTITION_OF].s;
        if (parent != NULL && strcmp(parent, sd_buf_cstr(&name)) == 0)
            takes = takes_rows(m, tables[i]); /* depth: the partition tree's */
    }
    sd_buf_dispose(&name);
    return takes;
}

/* In a primary key, a unique constraint or index, or a foreign key: such a column's values
 * must differ from the rows already there (or match a parent's), so they take the seed. */
static bool
is_key(const fill_ctx *c, const sd_object *col)
{
    static const struct {
        sd_kind kind;
        int field;
    } keys[] = { { SD_KIND_PRIMARY_KEY, SD_PK_COLUMNS },
                 { SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS },
                 { SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS } };
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
        size_t n = 0;
        const sd_object *const *objs = sd_model_children(c->m, col->owner, keys[k].kind, &n);
        for (size_t i = 0; i < n; i++) {
            if (names_has(&objs[i]->v[keys[k].field].names, col->name, NULL))
                return true;
        }
    }
    size_t n = 0;
    const sd_object *const *idx = sd_model_objects(c->m, SD_KIND_INDEX, &n);
    for (size_t i = 0; i < n; i++) {
        if (!idx[i]->v[SD_INDEX_UNIQUE].b || strcmp(idx[i]->table, col->owner->name) != 0 ||
            strcmp(idx[i]->schema, col->owner->schema) != 0)
            continue;
        const sd_keys *parts = &idx[i]->v[SD_INDEX_KEYS].keys;
        for (size_t p = 0; p < parts->len; p++) {
            if (parts->items[p].column != NULL && strcmp(parts->items[p].column, col->name) == 0)
                return true;
        }
    }
    return false;
}

static bool
col_nullable(const fill_ctx *c, const sd_object *col)
{
    return !col->v[SD_COLUMN_NOT_NULL].b && !in_primary_key(c, col->owner, col->name);
}

static col_plan
plan_column(fill_ctx *c, const sd_object *col)
{
    col_plan p = { col, col, P_VALUE, false, false, { H_NONE, NULL } };
    const char *identity = col->v[SD_COLUMN_IDENTITY].s;
    if (col->v[SD_COLUMN_GENERATED].sql.text != NULL ||
        (identity != NULL && strcmp(identity, "always") == 0)) {
        p.kind = P_OMIT;
        return p;
    }
    const sd_object *parent = NULL;
    const sd_object *ref = NULL;
    if (find_fk(c, col, &parent, &ref)) {
        if ((parent == col->owner || !c->filled[parent->index]) && col_nullable(c, col)) {
            p.kind = P_NULL;
            return p;
        }
        p.src = value_source(c, col);
    }
    vtype t = classify(c, p.src->v[SD_COLUMN_TYPE].s, 0);
    if (t.c == V_UNKNOWN && (col->v[SD_COLUMN_DEFAULT].sql.text != NULL || col_nullable(c, col)))
        p.kind = P_OMIT;
    /* What the CHECKs of the value's own table (and its domain) say about it. */
    bool mentioned = false;
    size_t n = 0;
    const sd_object *const *checks = sd_model_children(c->m, p.src->owner, SD_KIND_CHECK, &n);
    for (size_t i = 0; i < n && p.hint.kind == H_NONE; i++)
        p.hint = find_hint(checks[i]->v[SD_CHECK_EXPRESSION].sql.text, p.src->name, &mentioned);
    const char *type = p.src->v[SD_COLUMN_TYPE].s;
    const sd_object *dom =
        c->e == SD_ENGINE_PG && type != NULL ? pg_user_type(c, SD_KIND_DOMAIN, type) : NULL;
    if (dom != NULL) {
        const sd_names *dc = &dom->v[SD_DOMAIN_CHECKS].names;
        for (size_t i = 0; i < dc->len && p.hint.kind == H_NONE; i++)
            p.hint = find_hint(dc->items[i], "VALUE", &mentioned);
    }
    /* A checked value that no key needs distinct takes small numbers: they pass the usual
     * bounds (> 0, <= 50) whatever the seed. Every other value takes seed + k, like the keys,
     * so that a column a later migration makes a foreign key still finds its parent row. */
    bool key = is_key(c, col);
    p.small = mentioned && !key;
    p.optional = p.kind == P_VALUE && !key &&
                 (col_nullable(c, col) || col->v[SD_COLUMN_DEFAULT].sql.text != NULL);
    return p;
}

/* The INSERT of row k (numbered n) into stmt. minimal: without the optional columns (their
 * defaults or NULL instead); the number of columns that left out. */
static size_t
write_insert(fill_ctx *c,
             sd_buf *stmt,
             const sd_object *table,
             const col_plan *plan,
             size_t ncols,
             unsigned long long k,
             unsigned long long n,
             bool minimal)
{
    sd_buf vals = SD_BUF_INIT;
    size_t left_out = 0;
    sd_buf_append(stmt, c->e == SD_ENGINE_PG ? "INSERT INTO " : "INSERT OR IGNORE INTO ");
    sd_sql_qualified(stmt, c->e, c->e == SD_ENGINE_PG ? table->schema : NULL, table->name);
    bool any = false;
    for (size_t i = 0; i < ncols; i++) {
        if (plan[i].kind == P_OMIT)
            continue;
        if (minimal && plan[i].optional) {
            left_out++;
            continue;
        }
        sd_buf_append(stmt, any ? ", " : " (");
        sd_buf_append(&vals, any ? ", " : "");
        any = true;
        sd_sql_ident(stmt, c->e, plan[i].col->name);
        if (plan[i].kind == P_NULL) {
            sd_buf_append(&vals, "NULL");
        } else {
            vtype t = classify(c, plan[i].src->v[SD_COLUMN_TYPE].s, 0);
            write_value(c, &vals, &t, &plan[i].hint, plan[i].small ? k : n);
        }
    }
    if (any)
        sd_buf_appendf(stmt, ") VALUES (%s);", sd_buf_cstr(&vals));
    else
        sd_buf_append(stmt, " DEFAULT VALUES;");
    if (sd_buf_failed(&vals))
        stmt->failed = true;
    sd_buf_dispose(&vals);
    return left_out;
}

/* Row k as one statement. PostgreSQL: a DO block that catches classes 22 and 23 only, so a
 * row the schema refuses is skipped and anything else (an unknown column, a permission)
 * still fails the load; when the full row is refused, the row without its optional columns
 * (a CHECK or domain we cannot read may only limit those) is tried once more. */
static void
write_row(fill_ctx *c,
          sd_buf *out,
          const sd_object *table,
          const col_plan *plan,
          size_t ncols,
          unsigned long long k,
          unsigned long long n)
{
    static const char CATCH[] = " EXCEPTION WHEN integrity_constraint_violation OR "
                                "data_exception THEN ";
    sd_buf stmt = SD_BUF_INIT;
    sd_buf body = SD_BUF_INIT;
    (void)write_insert(c, &stmt, table, plan, ncols, k, n, false);
    if (c->e != SD_ENGINE_PG) {
        sd_buf_append(out, sd_buf_cstr(&stmt));
        sd_buf_putc(out, '\n');
    } else {
        sd_buf_appendf(&body, "BEGIN %s%s", sd_buf_cstr(&stmt), CATCH);
        sd_buf_reset(&stmt);
        if (write_insert(c, &stmt, table, plan, ncols, k, n, true) > 0)
            sd_buf_appendf(&body, "BEGIN %s%sNULL; END;", sd_buf_cstr(&stmt), CATCH);
        else
            sd_buf_append(&body, "NULL;");
        sd_buf_append(&body, " END");
        sd_buf_append(out, "DO ");
        sd_sql_dollar_body(out, sd_buf_cstr(&body));
        sd_buf_append(out, ";\n");
    }
    if (sd_buf_failed(&stmt) || sd_buf_failed(&body))
        out->failed = true;
    sd_buf_dispose(&stmt);
    sd_buf_dispose(&body);
}

static void
fill_table(fill_ctx *c, sd_buf *out, const sd_object *table, const sd_fill_options *opt)
{
    size_t ncols = 0;
    const sd_object *const *cols = sd_model_children(c->m, table, SD_KIND_COLUMN, &ncols);
    col_plan *plan = ncols > 0 ? calloc(ncols, sizeof(*plan)) : NULL;
    if (ncols > 0 && plan == NULL) {
        out->failed = true;
        return;
    }
    for (size_t i = 0; i < ncols; i++)
        plan[i] = plan_column(c, cols[i]);
    for (size_t k = 1; k <= opt->rows; k++)
        write_row(c, out, table, plan, ncols, k, (unsigned long long)opt->seed + k);
    free(plan);
}

sd_status
sd_fill_sql(sd_buf *out, const sd_model *m, const sd_fill_options *opt, sd_err *err)
{
    sd_fill_options o = { SD_FILL_DEFAULT_ROWS, 0 };
    if (opt != NULL) {
        o = *opt;
        if (o.rows == 0)
            o.rows = SD_FILL_DEFAULT_ROWS;
    }
    fill_ctx c = { m, sd_model_engine(m), NULL, SD_BUF_INIT };
    size_t ntables = 0;
    const sd_object *const *tables = sd_model_objects(m, SD_KIND_TABLE, &ntables);
    c.filled = calloc(ntables > 0 ? ntables : 1, sizeof(*c.filled));
    if (c.filled == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while generating rows");

    sd_buf_appendf(out, "-- schemadrift fill: %zu rows per table, seed %llu\n", o.rows,
                   (unsigned long long)o.seed);
    /* Parents first; in a loop, its first table, with its keys into the loop NULL. */
    sd_topo order;
    sd_status rc = order_tables(&c, &order, err);
    size_t n = 0;
    const size_t *seq = rc == SD_OK ? sd_topo_order(&order, &n) : NULL;
    for (size_t k = 0; k < n; k++) {
        /* Partitions get their rows through their parent, which routes them. */
        if (!is_partition(tables[seq[k]]) && takes_rows(m, tables[seq[k]]))
            fill_table(&c, out, tables[seq[k]], &o);
        c.filled[seq[k]] = true;
    }
    sd_topo_dispose(&order);
    free(c.filled);
    bool failed = sd_buf_failed(&c.tmp);
    sd_buf_dispose(&c.tmp);
    if (rc != SD_OK)
        return rc;
    if (failed || sd_buf_failed(out))
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory while generating rows");
    return SD_OK;
}
