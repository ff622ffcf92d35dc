/*
 * kinds.c: THE kind registry. Each kind's identity rules and field table are declared once
 * here; snapshots, fingerprints, the diff and reports walk these tables instead of
 * switching on kinds. Adding a field is one line here (plus whoever fills it in).
 */
#include <string.h>

#include "model/model_int.h"

static const char *const FK_ACTIONS[] = { "NO ACTION", "RESTRICT",    "CASCADE",
                                          "SET NULL",  "SET DEFAULT", NULL };
static const char *const FK_MATCH[] = { "NONE", "SIMPLE", "FULL", "PARTIAL", NULL };
static const char *const GENERATED_KINDS[] = { "virtual", "stored", NULL };

static const sd_field_info TABLE_FIELDS[] = {
    [SD_TABLE_STRICT] = { "strict", SD_FIELD_BOOL, 0, NULL },
    [SD_TABLE_WITHOUT_ROWID] = { "without_rowid", SD_FIELD_BOOL, 0, NULL },
};
static const sd_field_info COLUMN_FIELDS[] = {
    [SD_COLUMN_POSITION] = { "position", SD_FIELD_INT, SD_FF_ORDER, NULL },
    [SD_COLUMN_TYPE] = { "type", SD_FIELD_STRING, 0, NULL },
    [SD_COLUMN_NOT_NULL] = { "not_null", SD_FIELD_BOOL, 0, NULL },
    [SD_COLUMN_DEFAULT] = { "default", SD_FIELD_SQL, 0, NULL },
    [SD_COLUMN_GENERATED] = { "generated", SD_FIELD_SQL, 0, NULL },
    [SD_COLUMN_GENERATED_KIND] = { "generated_kind", SD_FIELD_STRING, 0, GENERATED_KINDS },
    [SD_COLUMN_COLLATION] = { "collation", SD_FIELD_STRING, 0, NULL },
};
static const sd_field_info PK_FIELDS[] = {
    [SD_PK_COLUMNS] = { "columns", SD_FIELD_NAMES, 0, NULL },
    [SD_PK_AUTOINCREMENT] = { "autoincrement", SD_FIELD_BOOL, 0, NULL },
};
static const sd_field_info UNIQUE_FIELDS[] = {
    [SD_UNIQUE_COLUMNS] = { "columns", SD_FIELD_NAMES, 0, NULL },
};
static const sd_field_info CHECK_FIELDS[] = {
    [SD_CHECK_EXPRESSION] = { "expression", SD_FIELD_SQL, 0, NULL },
};
static const sd_field_info FK_FIELDS[] = {
    [SD_FK_COLUMNS] = { "columns", SD_FIELD_NAMES, 0, NULL },
    [SD_FK_REF_TABLE] = { "ref_table", SD_FIELD_STRING, 0, NULL },
    [SD_FK_REF_COLUMNS] = { "ref_columns", SD_FIELD_NAMES, 0, NULL },
    [SD_FK_ON_DELETE] = { "on_delete", SD_FIELD_STRING, 0, FK_ACTIONS },
    [SD_FK_ON_UPDATE] = { "on_update", SD_FIELD_STRING, 0, FK_ACTIONS },
    [SD_FK_MATCH] = { "match", SD_FIELD_STRING, 0, FK_MATCH },
    [SD_FK_DEFERRABLE] = { "deferrable", SD_FIELD_BOOL, 0, NULL },
    [SD_FK_INITIALLY_DEFERRED] = { "initially_deferred", SD_FIELD_BOOL, 0, NULL },
};
static const sd_field_info INDEX_FIELDS[] = {
    [SD_INDEX_UNIQUE] = { "unique", SD_FIELD_BOOL, 0, NULL },
    [SD_INDEX_KEYS] = { "keys", SD_FIELD_KEYS, 0, NULL },
    [SD_INDEX_WHERE] = { "where", SD_FIELD_SQL, 0, NULL },
};
static const sd_field_info VIEW_FIELDS[] = {
    [SD_VIEW_SQL] = { "sql", SD_FIELD_SQL, 0, NULL },
};
static const sd_field_info TRIGGER_FIELDS[] = {
    [SD_TRIGGER_SQL] = { "sql", SD_FIELD_SQL, 0, NULL },
};

_Static_assert(SD_ARRAY_LEN(TABLE_FIELDS) == SD_TABLE__NFIELDS, "table fields");
_Static_assert(SD_ARRAY_LEN(COLUMN_FIELDS) == SD_COLUMN__NFIELDS, "column fields");
_Static_assert(SD_ARRAY_LEN(PK_FIELDS) == SD_PK__NFIELDS, "primary key fields");
_Static_assert(SD_ARRAY_LEN(UNIQUE_FIELDS) == SD_UNIQUE__NFIELDS, "unique fields");
_Static_assert(SD_ARRAY_LEN(CHECK_FIELDS) == SD_CHECK__NFIELDS, "check fields");
_Static_assert(SD_ARRAY_LEN(FK_FIELDS) == SD_FK__NFIELDS, "foreign key fields");
_Static_assert(SD_ARRAY_LEN(INDEX_FIELDS) == SD_INDEX__NFIELDS, "index fields");
_Static_assert(SD_ARRAY_LEN(VIEW_FIELDS) == SD_VIEW__NFIELDS, "view fields");
_Static_assert(SD_ARRAY_LEN(TRIGGER_FIELDS) == SD_TRIGGER__NFIELDS, "trigger fields");

#define BIT(f) (1u << (f))
/* One registry entry: identity rules, then the field table. */
#define KIND(k, nm, pl, lb, own, table, named, name_ident, unnamed, flds) \
    [k] = { .name = (nm),                                                 \
            .plural = (pl),                                               \
            .label = (lb),                                                \
            .fields = (flds),                                             \
            .nfields = SD_ARRAY_LEN(flds),                                \
            .kind = (k),                                                  \
            .owner = (own),                                               \
            .unnamed_identity = (unnamed),                                \
            .has_table = (table),                                         \
            .name_required = (named),                                     \
            .name_is_identity = (name_ident) }
#define NONE SD_KIND__COUNT

static const sd_kind_info KINDS[] = {
    /* A schema has no fields of its own (yet): written out because SD_ARRAY_LEN needs an array. */
    [SD_KIND_SCHEMA] = { .name = "schema",
                         .plural = "schemas",
                         .label = "schema",
                         .kind = SD_KIND_SCHEMA,
                         .owner = NONE,
                         .name_required = true,
                         .name_is_identity = true },
    KIND(SD_KIND_TABLE, "table", "tables", "table", NONE, false, true, true, 0, TABLE_FIELDS),
    KIND(SD_KIND_COLUMN,
         "column",
         "columns",
         "column",
         SD_KIND_TABLE,
         true,
         true,
         true,
         0,
         COLUMN_FIELDS),
    KIND(SD_KIND_PRIMARY_KEY,
         "primary_key",
         "primary_keys",
         "primary key",
         SD_KIND_TABLE,
         true,
         false,
         false,
         0,
         PK_FIELDS),
    KIND(SD_KIND_UNIQUE,
         "unique",
         "uniques",
         "unique constraint",
         SD_KIND_TABLE,
         true,
         false,
         true,
         BIT(SD_UNIQUE_COLUMNS),
         UNIQUE_FIELDS),
    KIND(SD_KIND_CHECK,
         "check",
         "checks",
         "check constraint",
         SD_KIND_TABLE,
         true,
         false,
         true,
         BIT(SD_CHECK_EXPRESSION),
         CHECK_FIELDS),
    KIND(SD_KIND_FOREIGN_KEY,
         "foreign_key",
         "foreign_keys",
         "foreign key",
         SD_KIND_TABLE,
         true,
         false,
         true,
         BIT(SD_FK_COLUMNS) | BIT(SD_FK_REF_TABLE) | BIT(SD_FK_REF_COLUMNS),
         FK_FIELDS),
    KIND(SD_KIND_INDEX, "index", "indexes", "index", NONE, true, true, true, 0, INDEX_FIELDS),
    KIND(SD_KIND_VIEW, "view", "views", "view", NONE, false, true, true, 0, VIEW_FIELDS),
    KIND(SD_KIND_TRIGGER,
         "trigger",
         "triggers",
         "trigger",
         NONE,
         true,
         true,
         true,
         0,
         TRIGGER_FIELDS),
};
_Static_assert(SD_ARRAY_LEN(KINDS) == SD_KIND__COUNT, "every sd_kind needs a KINDS entry");

const sd_kind_info *
sd_kind_get(sd_kind kind)
{
    return (unsigned)kind < SD_KIND__COUNT ? &KINDS[kind] : NULL;
}

bool
sd_kind_from_name(const char *name, sd_kind *out)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        if (strcmp(KINDS[k].name, name) == 0 || strcmp(KINDS[k].plural, name) == 0) {
            *out = (sd_kind)k;
            return true;
        }
    }
    return false;
}

bool
sd_kind_is_relation(sd_kind kind)
{
    return kind == SD_KIND_TABLE || kind == SD_KIND_VIEW;
}

static bool
names_equal(const sd_names *a, const sd_names *b)
{
    if (a->len != b->len)
        return false;
    for (size_t i = 0; i < a->len; i++)
        if (strcmp(a->items[i], b->items[i]) != 0)
            return false;
    return true;
}

static bool
sql_equal(const sd_sqltext *a, const sd_sqltext *b)
{
    const char *x = a->norm != NULL ? a->norm : a->text;
    const char *y = b->norm != NULL ? b->norm : b->text;
    return sd_strcmp_c(x, y) == 0;
}

static bool
keypart_equal(const sd_keypart *a, const sd_keypart *b)
{
    return sd_strcmp_c(a->column, b->column) == 0 && sql_equal(&a->expr, &b->expr) &&
           sd_strcmp_c(a->collation, b->collation) == 0 &&
           sd_strcmp_c(a->opclass, b->opclass) == 0 && a->desc == b->desc &&
           sd_strcmp_c(a->nulls, b->nulls) == 0;
}

bool
sd_value_equal(sd_field_type type, const sd_value *a, const sd_value *b)
{
    switch (type) {
    case SD_FIELD_BOOL:
        return a->b == b->b;
    case SD_FIELD_INT:
        return a->i == b->i;
    case SD_FIELD_STRING:
        return sd_strcmp_c(a->s, b->s) == 0;
    case SD_FIELD_SQL:
        return sql_equal(&a->sql, &b->sql);
    case SD_FIELD_NAMES:
        return names_equal(&a->names, &b->names);
    case SD_FIELD_KEYS:
        if (a->keys.len != b->keys.len)
            return false;
        for (size_t i = 0; i < a->keys.len; i++)
            if (!keypart_equal(&a->keys.items[i], &b->keys.items[i]))
                return false;
        return true;
    case SD_FIELD__COUNT:
        break;
    }
    return false;
}

bool
sd_value_is_default(sd_field_type type, const sd_value *v)
{
    switch (type) {
    case SD_FIELD_BOOL:
        return !v->b;
    case SD_FIELD_INT:
        return v->i == 0;
    case SD_FIELD_STRING:
        return v->s == NULL;
    case SD_FIELD_SQL:
        return v->sql.text == NULL;
    case SD_FIELD_NAMES:
        return v->names.len == 0;
    case SD_FIELD_KEYS:
        return v->keys.len == 0;
    case SD_FIELD__COUNT:
        break;
    }
    return true;
}

void
sd_value_describe(sd_buf *out, sd_field_type type, const sd_value *v)
{
    switch (type) {
    case SD_FIELD_BOOL:
        sd_buf_append(out, v->b ? "true" : "false");
        return;
    case SD_FIELD_INT:
        sd_buf_appendf(out, "%lld", (long long)v->i);
        return;
    case SD_FIELD_STRING:
        sd_buf_append(out, v->s != NULL ? v->s : "(none)");
        return;
    case SD_FIELD_SQL:
        sd_buf_append(out, v->sql.text != NULL ? v->sql.text : "(none)");
        return;
    case SD_FIELD_NAMES:
        sd_buf_putc(out, '(');
        for (size_t i = 0; i < v->names.len; i++) {
            if (i > 0)
                sd_buf_append(out, ", ");
            sd_buf_append(out, v->names.items[i]);
        }
        sd_buf_putc(out, ')');
        return;
    case SD_FIELD_KEYS:
        sd_buf_putc(out, '(');
        for (size_t i = 0; i < v->keys.len; i++) {
            const sd_keypart *k = &v->keys.items[i];
            if (i > 0)
                sd_buf_append(out, ", ");
            sd_buf_append(out, k->column != NULL ? k->column : k->expr.text);
            if (k->collation != NULL)
                sd_buf_appendf(out, " COLLATE %s", k->collation);
            if (k->opclass != NULL)
                sd_buf_appendf(out, " %s", k->opclass);
            if (k->desc)
                sd_buf_append(out, " DESC");
            if (k->nulls != NULL)
                sd_buf_appendf(out, " NULLS %s", k->nulls);
        }
        sd_buf_putc(out, ')');
        return;
    case SD_FIELD__COUNT:
        break;
    }
}
