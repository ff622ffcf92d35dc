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
static const char *const IDENTITY_KINDS[] = { "always", "by default", NULL };
static const char *const FUNCTION_KINDS[] = { "function", "procedure", NULL };
static const char *const POLICY_COMMANDS[] = {
    "ALL", "SELECT", "INSERT", "UPDATE", "DELETE", NULL
};

#define SQ SD_E_SQLITE
#define PG SD_E_PG
/* The fields every PostgreSQL object that can be owned, granted and commented carries. */
#define OWNER_FIELD                           \
    {                                         \
        "owner", SD_FIELD_STRING, 0, NULL, PG \
    }
#define ACL_FIELD                          \
    {                                      \
        "acl", SD_FIELD_NAMES, 0, NULL, PG \
    }
#define COMMENT_FIELD                           \
    {                                           \
        "comment", SD_FIELD_STRING, 0, NULL, PG \
    }

static const sd_field_info SCHEMA_FIELDS[] = {
    [SD_SCHEMA_OWNER] = OWNER_FIELD,
    [SD_SCHEMA_ACL] = ACL_FIELD,
    [SD_SCHEMA_DEFAULT_ACL] = { "default_acl", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_SCHEMA_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info EXTENSION_FIELDS[] = {
    [SD_EXTENSION_VERSION] = { "version", SD_FIELD_STRING, 0, NULL, PG },
};
static const sd_field_info ENUM_FIELDS[] = {
    [SD_ENUM_VALUES] = { "values", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_ENUM_OWNER] = OWNER_FIELD,
    [SD_ENUM_ACL] = ACL_FIELD,
    [SD_ENUM_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info DOMAIN_FIELDS[] = {
    [SD_DOMAIN_BASE_TYPE] = { "base_type", SD_FIELD_STRING, 0, NULL, PG },
    [SD_DOMAIN_DEFAULT] = { "default", SD_FIELD_SQL, 0, NULL, PG },
    [SD_DOMAIN_NOT_NULL] = { "not_null", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_DOMAIN_COLLATION] = { "collation", SD_FIELD_STRING, 0, NULL, PG },
    [SD_DOMAIN_CHECKS] = { "checks", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_DOMAIN_OWNER] = OWNER_FIELD,
    [SD_DOMAIN_ACL] = ACL_FIELD,
    [SD_DOMAIN_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info COMPOSITE_FIELDS[] = {
    [SD_COMPOSITE_ATTRIBUTES] = { "attributes", SD_FIELD_SQL, 0, NULL, PG },
    [SD_COMPOSITE_OWNER] = OWNER_FIELD,
    [SD_COMPOSITE_ACL] = ACL_FIELD,
    [SD_COMPOSITE_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info RANGE_FIELDS[] = {
    [SD_RANGE_DEFINITION] = { "definition", SD_FIELD_SQL, 0, NULL, PG },
    [SD_RANGE_OWNER] = OWNER_FIELD,
    [SD_RANGE_ACL] = ACL_FIELD,
    [SD_RANGE_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info SEQUENCE_FIELDS[] = {
    [SD_SEQUENCE_TYPE] = { "type", SD_FIELD_STRING, 0, NULL, PG },
    [SD_SEQUENCE_START] = { "start", SD_FIELD_INT, 0, NULL, PG },
    [SD_SEQUENCE_INCREMENT] = { "increment", SD_FIELD_INT, 0, NULL, PG },
    [SD_SEQUENCE_MIN] = { "min_value", SD_FIELD_INT, 0, NULL, PG },
    [SD_SEQUENCE_MAX] = { "max_value", SD_FIELD_INT, 0, NULL, PG },
    [SD_SEQUENCE_CACHE] = { "cache", SD_FIELD_INT, 0, NULL, PG },
    [SD_SEQUENCE_CYCLE] = { "cycle", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_SEQUENCE_OWNED_BY] = { "owned_by", SD_FIELD_STRING, 0, NULL, PG },
    [SD_SEQUENCE_OWNER] = OWNER_FIELD,
    [SD_SEQUENCE_ACL] = ACL_FIELD,
    [SD_SEQUENCE_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info FUNCTION_FIELDS[] = {
    [SD_FUNCTION_KIND] = { "function_kind", SD_FIELD_STRING, 0, FUNCTION_KINDS, PG },
    [SD_FUNCTION_NAME] = { "function_name", SD_FIELD_STRING, 0, NULL, PG },
    [SD_FUNCTION_ARGUMENTS] = { "arguments", SD_FIELD_STRING, 0, NULL, PG },
    [SD_FUNCTION_RESULT] = { "result", SD_FIELD_STRING, 0, NULL, PG },
    [SD_FUNCTION_DEFINITION] = { "definition", SD_FIELD_SQL, 0, NULL, PG },
    [SD_FUNCTION_OWNER] = OWNER_FIELD,
    [SD_FUNCTION_ACL] = ACL_FIELD,
    [SD_FUNCTION_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info AGGREGATE_FIELDS[] = {
    [SD_AGGREGATE_NAME] = { "aggregate_name", SD_FIELD_STRING, 0, NULL, PG },
    [SD_AGGREGATE_ARGUMENTS] = { "arguments", SD_FIELD_STRING, 0, NULL, PG },
    [SD_AGGREGATE_DEFINITION] = { "definition", SD_FIELD_SQL, 0, NULL, PG },
    [SD_AGGREGATE_OWNER] = OWNER_FIELD,
    [SD_AGGREGATE_ACL] = ACL_FIELD,
    [SD_AGGREGATE_COMMENT] = COMMENT_FIELD,
};
/* Operators have no privileges of their own (those of their function apply). */
static const sd_field_info OPERATOR_FIELDS[] = {
    [SD_OPERATOR_DEFINITION] = { "definition", SD_FIELD_SQL, 0, NULL, PG },
    [SD_OPERATOR_OWNER] = OWNER_FIELD,
    [SD_OPERATOR_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info TABLE_FIELDS[] = {
    [SD_TABLE_STRICT] = { "strict", SD_FIELD_BOOL, 0, NULL, SQ },
    [SD_TABLE_WITHOUT_ROWID] = { "without_rowid", SD_FIELD_BOOL, 0, NULL, SQ },
    [SD_TABLE_UNLOGGED] = { "unlogged", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_TABLE_PARTITION_KEY] = { "partition_key", SD_FIELD_STRING, 0, NULL, PG },
    [SD_TABLE_PARTITION_OF] = { "partition_of", SD_FIELD_STRING, 0, NULL, PG },
    [SD_TABLE_PARTITION_BOUND] = { "partition_bound", SD_FIELD_STRING, 0, NULL, PG },
    [SD_TABLE_INHERITS] = { "inherits", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_TABLE_RLS_ENABLED] = { "rls_enabled", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_TABLE_RLS_FORCED] = { "rls_forced", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_TABLE_OPTIONS] = { "options", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_TABLE_OWNER] = OWNER_FIELD,
    [SD_TABLE_ACL] = ACL_FIELD,
    [SD_TABLE_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info COLUMN_FIELDS[] = {
    [SD_COLUMN_POSITION] = { "position", SD_FIELD_INT, SD_FF_ORDER, NULL, 0 },
    [SD_COLUMN_TYPE] = { "type", SD_FIELD_STRING, 0, NULL, 0 },
    [SD_COLUMN_NOT_NULL] = { "not_null", SD_FIELD_BOOL, 0, NULL, 0 },
    [SD_COLUMN_DEFAULT] = { "default", SD_FIELD_SQL, 0, NULL, 0 },
    [SD_COLUMN_GENERATED] = { "generated", SD_FIELD_SQL, 0, NULL, 0 },
    [SD_COLUMN_GENERATED_KIND] = { "generated_kind", SD_FIELD_STRING, 0, GENERATED_KINDS, 0 },
    [SD_COLUMN_COLLATION] = { "collation", SD_FIELD_STRING, 0, NULL, 0 },
    [SD_COLUMN_IDENTITY] = { "identity", SD_FIELD_STRING, 0, IDENTITY_KINDS, PG },
    [SD_COLUMN_IDENTITY_OPTIONS] = { "identity_options", SD_FIELD_STRING, 0, NULL, PG },
    [SD_COLUMN_ACL] = ACL_FIELD,
    [SD_COLUMN_COMMENT] = COMMENT_FIELD,
    [SD_COLUMN_INHERITED] = { "inherited", SD_FIELD_BOOL, SD_FF_INFO, NULL, PG },
    [SD_COLUMN_STATISTICS] = { "statistics", SD_FIELD_INT, 0, NULL, PG },
};
static const sd_field_info PK_FIELDS[] = {
    [SD_PK_COLUMNS] = { "columns", SD_FIELD_NAMES, 0, NULL, 0 },
    [SD_PK_AUTOINCREMENT] = { "autoincrement", SD_FIELD_BOOL, 0, NULL, SQ },
    [SD_PK_DEFERRABLE] = { "deferrable", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_PK_INITIALLY_DEFERRED] = { "initially_deferred", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_PK_COMMENT] = COMMENT_FIELD,
    [SD_PK_INDEX_OPTIONS] = { "index_options", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_PK_INDEX_COMMENT] = { "index_comment", SD_FIELD_STRING, 0, NULL, PG },
};
static const sd_field_info UNIQUE_FIELDS[] = {
    [SD_UNIQUE_COLUMNS] = { "columns", SD_FIELD_NAMES, 0, NULL, 0 },
    [SD_UNIQUE_NULLS_NOT_DISTINCT] = { "nulls_not_distinct", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_UNIQUE_DEFERRABLE] = { "deferrable", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_UNIQUE_INITIALLY_DEFERRED] = { "initially_deferred", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_UNIQUE_COMMENT] = COMMENT_FIELD,
    [SD_UNIQUE_INDEX_OPTIONS] = { "index_options", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_UNIQUE_INDEX_COMMENT] = { "index_comment", SD_FIELD_STRING, 0, NULL, PG },
};
static const sd_field_info CHECK_FIELDS[] = {
    [SD_CHECK_EXPRESSION] = { "expression", SD_FIELD_SQL, 0, NULL, 0 },
    [SD_CHECK_NO_INHERIT] = { "no_inherit", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_CHECK_NOT_VALID] = { "not_valid", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_CHECK_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info EXCLUSION_FIELDS[] = {
    [SD_EXCLUSION_DEFINITION] = { "definition", SD_FIELD_SQL, 0, NULL, PG },
    [SD_EXCLUSION_COMMENT] = COMMENT_FIELD,
    [SD_EXCLUSION_INDEX_COMMENT] = { "index_comment", SD_FIELD_STRING, 0, NULL, PG },
};
static const sd_field_info FK_FIELDS[] = {
    [SD_FK_COLUMNS] = { "columns", SD_FIELD_NAMES, 0, NULL, 0 },
    [SD_FK_REF_TABLE] = { "ref_table", SD_FIELD_STRING, 0, NULL, 0 },
    [SD_FK_REF_COLUMNS] = { "ref_columns", SD_FIELD_NAMES, 0, NULL, 0 },
    [SD_FK_ON_DELETE] = { "on_delete", SD_FIELD_STRING, 0, FK_ACTIONS, 0 },
    [SD_FK_ON_UPDATE] = { "on_update", SD_FIELD_STRING, 0, FK_ACTIONS, 0 },
    [SD_FK_MATCH] = { "match", SD_FIELD_STRING, 0, FK_MATCH, 0 },
    [SD_FK_DEFERRABLE] = { "deferrable", SD_FIELD_BOOL, 0, NULL, 0 },
    [SD_FK_INITIALLY_DEFERRED] = { "initially_deferred", SD_FIELD_BOOL, 0, NULL, 0 },
    [SD_FK_REF_SCHEMA] = { "ref_schema", SD_FIELD_STRING, 0, NULL, PG },
    [SD_FK_NOT_VALID] = { "not_valid", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_FK_ON_DELETE_COLUMNS] = { "on_delete_columns", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_FK_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info POLICY_FIELDS[] = {
    [SD_POLICY_COMMAND] = { "command", SD_FIELD_STRING, 0, POLICY_COMMANDS, PG },
    [SD_POLICY_PERMISSIVE] = { "permissive", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_POLICY_ROLES] = { "roles", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_POLICY_USING] = { "using", SD_FIELD_SQL, 0, NULL, PG },
    [SD_POLICY_WITH_CHECK] = { "with_check", SD_FIELD_SQL, 0, NULL, PG },
    [SD_POLICY_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info VIEW_FIELDS[] = {
    [SD_VIEW_SQL] = { "sql", SD_FIELD_SQL, 0, NULL, 0 },
    [SD_VIEW_OPTIONS] = { "options", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_VIEW_OWNER] = OWNER_FIELD,
    [SD_VIEW_ACL] = ACL_FIELD,
    [SD_VIEW_COMMENT] = COMMENT_FIELD,
    [SD_VIEW_COLUMN_ACLS] = { "column_acls", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_VIEW_COLUMN_COMMENTS] = { "column_comments", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_VIEW_COLUMNS] = { "columns", SD_FIELD_NAMES, SD_FF_INFO, NULL, PG },
};
static const sd_field_info MATVIEW_FIELDS[] = {
    [SD_MATVIEW_SQL] = { "sql", SD_FIELD_SQL, 0, NULL, PG },
    [SD_MATVIEW_OPTIONS] = { "options", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_MATVIEW_OWNER] = OWNER_FIELD,
    [SD_MATVIEW_ACL] = ACL_FIELD,
    [SD_MATVIEW_COMMENT] = COMMENT_FIELD,
    [SD_MATVIEW_COLUMN_ACLS] = { "column_acls", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_MATVIEW_COLUMN_COMMENTS] = { "column_comments", SD_FIELD_NAMES, 0, NULL, PG },
};
static const sd_field_info INDEX_FIELDS[] = {
    [SD_INDEX_UNIQUE] = { "unique", SD_FIELD_BOOL, 0, NULL, 0 },
    [SD_INDEX_KEYS] = { "keys", SD_FIELD_KEYS, 0, NULL, 0 },
    [SD_INDEX_WHERE] = { "where", SD_FIELD_SQL, 0, NULL, 0 },
    [SD_INDEX_METHOD] = { "method", SD_FIELD_STRING, 0, NULL, PG },
    [SD_INDEX_INCLUDE] = { "include", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_INDEX_NULLS_NOT_DISTINCT] = { "nulls_not_distinct", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_INDEX_OPTIONS] = { "options", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_INDEX_CLUSTERED] = { "clustered", SD_FIELD_BOOL, 0, NULL, PG },
    [SD_INDEX_STATISTICS] = { "statistics", SD_FIELD_NAMES, 0, NULL, PG },
    [SD_INDEX_COMMENT] = COMMENT_FIELD,
};
static const sd_field_info TRIGGER_FIELDS[] = {
    [SD_TRIGGER_SQL] = { "sql", SD_FIELD_SQL, 0, NULL, 0 },
    [SD_TRIGGER_COMMENT] = COMMENT_FIELD,
};

#define CHECK_FIELDS_LEN(t, n) _Static_assert(SD_ARRAY_LEN(t) == (n), #t " matches its enum")
CHECK_FIELDS_LEN(SCHEMA_FIELDS, SD_SCHEMA__NFIELDS);
CHECK_FIELDS_LEN(EXTENSION_FIELDS, SD_EXTENSION__NFIELDS);
CHECK_FIELDS_LEN(ENUM_FIELDS, SD_ENUM__NFIELDS);
CHECK_FIELDS_LEN(DOMAIN_FIELDS, SD_DOMAIN__NFIELDS);
CHECK_FIELDS_LEN(COMPOSITE_FIELDS, SD_COMPOSITE__NFIELDS);
CHECK_FIELDS_LEN(RANGE_FIELDS, SD_RANGE__NFIELDS);
CHECK_FIELDS_LEN(SEQUENCE_FIELDS, SD_SEQUENCE__NFIELDS);
CHECK_FIELDS_LEN(FUNCTION_FIELDS, SD_FUNCTION__NFIELDS);
CHECK_FIELDS_LEN(AGGREGATE_FIELDS, SD_AGGREGATE__NFIELDS);
CHECK_FIELDS_LEN(OPERATOR_FIELDS, SD_OPERATOR__NFIELDS);
CHECK_FIELDS_LEN(TABLE_FIELDS, SD_TABLE__NFIELDS);
CHECK_FIELDS_LEN(COLUMN_FIELDS, SD_COLUMN__NFIELDS);
CHECK_FIELDS_LEN(PK_FIELDS, SD_PK__NFIELDS);
CHECK_FIELDS_LEN(UNIQUE_FIELDS, SD_UNIQUE__NFIELDS);
CHECK_FIELDS_LEN(CHECK_FIELDS, SD_CHECK__NFIELDS);
CHECK_FIELDS_LEN(EXCLUSION_FIELDS, SD_EXCLUSION__NFIELDS);
CHECK_FIELDS_LEN(FK_FIELDS, SD_FK__NFIELDS);
CHECK_FIELDS_LEN(POLICY_FIELDS, SD_POLICY__NFIELDS);
CHECK_FIELDS_LEN(VIEW_FIELDS, SD_VIEW__NFIELDS);
CHECK_FIELDS_LEN(MATVIEW_FIELDS, SD_MATVIEW__NFIELDS);
CHECK_FIELDS_LEN(INDEX_FIELDS, SD_INDEX__NFIELDS);
CHECK_FIELDS_LEN(TRIGGER_FIELDS, SD_TRIGGER__NFIELDS);

#define BIT(f) (1u << (f))
/* One registry entry: names, identity rules, engines, then the field table. */
#define KIND(k, nm, pl, lb, own, table, named, name_ident, unnamed, eng, flds) \
    [k] = { .name = (nm),                                                      \
            .plural = (pl),                                                    \
            .label = (lb),                                                     \
            .fields = (flds),                                                  \
            .nfields = SD_ARRAY_LEN(flds),                                     \
            .kind = (k),                                                       \
            .owner = (own),                                                    \
            .unnamed_identity = (unnamed),                                     \
            .has_table = (table),                                              \
            .name_required = (named),                                          \
            .name_is_identity = (name_ident),                                  \
            .engines = (eng) }
#define NONE SD_KIND__COUNT
#define TBL  SD_KIND_TABLE

static const sd_kind_info KINDS[] = {
    KIND(SD_KIND_SCHEMA,
         "schema",
         "schemas",
         "schema",
         NONE,
         false,
         true,
         true,
         0,
         0,
         SCHEMA_FIELDS),
    KIND(SD_KIND_EXTENSION,
         "extension",
         "extensions",
         "extension",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         EXTENSION_FIELDS),
    KIND(SD_KIND_ENUM, "enum", "enums", "enum type", NONE, false, true, true, 0, PG, ENUM_FIELDS),
    KIND(SD_KIND_DOMAIN,
         "domain",
         "domains",
         "domain",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         DOMAIN_FIELDS),
    KIND(SD_KIND_COMPOSITE,
         "composite",
         "composites",
         "composite type",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         COMPOSITE_FIELDS),
    KIND(SD_KIND_RANGE,
         "range",
         "ranges",
         "range type",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         RANGE_FIELDS),
    KIND(SD_KIND_SEQUENCE,
         "sequence",
         "sequences",
         "sequence",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         SEQUENCE_FIELDS),
    KIND(SD_KIND_FUNCTION,
         "function",
         "functions",
         "function",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         FUNCTION_FIELDS),
    KIND(SD_KIND_AGGREGATE,
         "aggregate",
         "aggregates",
         "aggregate",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         AGGREGATE_FIELDS),
    KIND(SD_KIND_OPERATOR,
         "operator",
         "operators",
         "operator",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         OPERATOR_FIELDS),
    KIND(SD_KIND_TABLE, "table", "tables", "table", NONE, false, true, true, 0, 0, TABLE_FIELDS),
    KIND(SD_KIND_COLUMN, "column", "columns", "column", TBL, true, true, true, 0, 0, COLUMN_FIELDS),
    KIND(SD_KIND_PRIMARY_KEY,
         "primary_key",
         "primary_keys",
         "primary key",
         TBL,
         true,
         false,
         false,
         0,
         0,
         PK_FIELDS),
    KIND(SD_KIND_UNIQUE,
         "unique",
         "uniques",
         "unique constraint",
         TBL,
         true,
         false,
         true,
         BIT(SD_UNIQUE_COLUMNS),
         0,
         UNIQUE_FIELDS),
    KIND(SD_KIND_CHECK,
         "check",
         "checks",
         "check constraint",
         TBL,
         true,
         false,
         true,
         BIT(SD_CHECK_EXPRESSION),
         0,
         CHECK_FIELDS),
    KIND(SD_KIND_EXCLUSION,
         "exclusion",
         "exclusions",
         "exclusion constraint",
         TBL,
         true,
         true,
         true,
         0,
         PG,
         EXCLUSION_FIELDS),
    KIND(SD_KIND_FOREIGN_KEY,
         "foreign_key",
         "foreign_keys",
         "foreign key",
         TBL,
         true,
         false,
         true,
         BIT(SD_FK_COLUMNS) | BIT(SD_FK_REF_TABLE) | BIT(SD_FK_REF_COLUMNS),
         0,
         FK_FIELDS),
    KIND(SD_KIND_POLICY,
         "policy",
         "policies",
         "policy",
         TBL,
         true,
         true,
         true,
         0,
         PG,
         POLICY_FIELDS),
    KIND(SD_KIND_VIEW, "view", "views", "view", NONE, false, true, true, 0, 0, VIEW_FIELDS),
    KIND(SD_KIND_MATVIEW,
         "materialized_view",
         "materialized_views",
         "materialized view",
         NONE,
         false,
         true,
         true,
         0,
         PG,
         MATVIEW_FIELDS),
    KIND(SD_KIND_INDEX, "index", "indexes", "index", NONE, true, true, true, 0, 0, INDEX_FIELDS),
    KIND(SD_KIND_TRIGGER,
         "trigger",
         "triggers",
         "trigger",
         NONE,
         true,
         true,
         true,
         0,
         0,
         TRIGGER_FIELDS),
};
_Static_assert(SD_ARRAY_LEN(KINDS) == SD_KIND__COUNT, "every sd_kind needs a KINDS entry");

bool
sd_field_for_engine(const sd_field_info *fi, sd_engine e)
{
    return fi->engines == 0 || (fi->engines & (1u << e)) != 0;
}

bool
sd_kind_for_engine(const sd_kind_info *ki, sd_engine e)
{
    return ki->engines == 0 || (ki->engines & (1u << e)) != 0;
}

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
    return kind == SD_KIND_TABLE || kind == SD_KIND_VIEW || kind == SD_KIND_MATVIEW;
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
