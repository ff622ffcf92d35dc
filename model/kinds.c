/*
 * kinds.c: THE kind registry. Each kind's identity rules (KINDS) are declared once here and
 * its field table is made from its field list in model.h (which also makes the field-index
 * enum); snapshots, fingerprints, the diff and reports walk these tables instead of switching
 * on kinds. Adding a field is one line in its list (plus whoever fills it in and renders it).
 */
#include <string.h>

#include "model/model_int.h"

static const char *const FK_ACTIONS[] = { "NO ACTION", "RESTRICT",    "CASCADE",
                                          "SET NULL",  "SET DEFAULT", NULL };
static const char *const FK_MATCH[] = { "NONE", "SIMPLE", "FULL", "PARTIAL", NULL };
static const char *const GENERATED_KINDS[] = { "virtual", "stored", NULL };
static const char *const IDENTITY_KINDS[] = { "always", "by default", NULL };
static const char *const COLLATION_PROVIDERS[] = { "libc", "icu", NULL };
static const char *const FUNCTION_KINDS[] = { "function", "procedure", "window", NULL };
static const char *const COLUMN_STORAGES[] = { "plain", "external", "extended", "main", NULL };
static const char *const TYPE_ALIGNMENTS[] = { "char", "int2", "int4", "double", NULL };
static const char *const COLUMN_COMPRESSIONS[] = { "pglz", "lz4", NULL };
static const char *const REPLICA_IDENTITIES[] = { "full", "nothing", "index", NULL };
static const char *const TRIGGER_ENABLED[] = { "disabled", "replica", "always", NULL };
static const char *const EVENT_TRIGGER_EVENTS[] = {
    "ddl_command_start", "ddl_command_end", "table_rewrite", "sql_drop", "login", NULL
};
static const char *const CAST_METHODS[] = { "function", "inout", "binary", NULL };
static const char *const CAST_CONTEXTS[] = { "assignment", "implicit", NULL };
static const char *const ACCESS_METHOD_TYPES[] = { "index", "table", NULL };
static const char *const DEFAULT_ACL_TYPES[] = { "tables", "sequences", "functions",
                                                 "types",  "schemas",   NULL };
static const char *const POLICY_COMMANDS[] = {
    "ALL", "SELECT", "INSERT", "UPDATE", "DELETE", NULL
};

/* The field tables, made from the field lists in model.h: the same list makes the enum, so a
 * table always has its enum's length and order. */
#define FIELD_INFO(kind, field, ...) [SD_##kind##_##field] = { __VA_ARGS__ },
static const sd_field_info SCHEMA_FIELDS[] = { SD_SCHEMA_FIELDS(FIELD_INFO) };
static const sd_field_info EXTENSION_FIELDS[] = { SD_EXTENSION_FIELDS(FIELD_INFO) };
static const sd_field_info COLLATION_FIELDS[] = { SD_COLLATION_FIELDS(FIELD_INFO) };
static const sd_field_info TS_PARSER_FIELDS[] = { SD_TS_PARSER_FIELDS(FIELD_INFO) };
static const sd_field_info TS_TEMPLATE_FIELDS[] = { SD_TS_TEMPLATE_FIELDS(FIELD_INFO) };
static const sd_field_info TS_DICT_FIELDS[] = { SD_TS_DICT_FIELDS(FIELD_INFO) };
static const sd_field_info TS_CONFIG_FIELDS[] = { SD_TS_CONFIG_FIELDS(FIELD_INFO) };
static const sd_field_info BASE_TYPE_FIELDS[] = { SD_BASE_TYPE_FIELDS(FIELD_INFO) };
static const sd_field_info ENUM_FIELDS[] = { SD_ENUM_FIELDS(FIELD_INFO) };
static const sd_field_info DOMAIN_FIELDS[] = { SD_DOMAIN_FIELDS(FIELD_INFO) };
static const sd_field_info COMPOSITE_FIELDS[] = { SD_COMPOSITE_FIELDS(FIELD_INFO) };
static const sd_field_info RANGE_FIELDS[] = { SD_RANGE_FIELDS(FIELD_INFO) };
static const sd_field_info SEQUENCE_FIELDS[] = { SD_SEQUENCE_FIELDS(FIELD_INFO) };
static const sd_field_info FUNCTION_FIELDS[] = { SD_FUNCTION_FIELDS(FIELD_INFO) };
static const sd_field_info AGGREGATE_FIELDS[] = { SD_AGGREGATE_FIELDS(FIELD_INFO) };
static const sd_field_info EVENT_TRIGGER_FIELDS[] = { SD_EVENT_TRIGGER_FIELDS(FIELD_INFO) };
static const sd_field_info CAST_FIELDS[] = { SD_CAST_FIELDS(FIELD_INFO) };
static const sd_field_info LANGUAGE_FIELDS[] = { SD_LANGUAGE_FIELDS(FIELD_INFO) };
static const sd_field_info TRANSFORM_FIELDS[] = { SD_TRANSFORM_FIELDS(FIELD_INFO) };
static const sd_field_info ACCESS_METHOD_FIELDS[] = { SD_ACCESS_METHOD_FIELDS(FIELD_INFO) };
static const sd_field_info OPERATOR_FIELDS[] = { SD_OPERATOR_FIELDS(FIELD_INFO) };
static const sd_field_info OPFAMILY_FIELDS[] = { SD_OPFAMILY_FIELDS(FIELD_INFO) };
static const sd_field_info OPCLASS_FIELDS[] = { SD_OPCLASS_FIELDS(FIELD_INFO) };
static const sd_field_info CONVERSION_FIELDS[] = { SD_CONVERSION_FIELDS(FIELD_INFO) };
static const sd_field_info FDW_FIELDS[] = { SD_FDW_FIELDS(FIELD_INFO) };
static const sd_field_info SERVER_FIELDS[] = { SD_SERVER_FIELDS(FIELD_INFO) };
static const sd_field_info USER_MAPPING_FIELDS[] = { SD_USER_MAPPING_FIELDS(FIELD_INFO) };
static const sd_field_info TABLE_FIELDS[] = { SD_TABLE_FIELDS(FIELD_INFO) };
static const sd_field_info COLUMN_FIELDS[] = { SD_COLUMN_FIELDS(FIELD_INFO) };
static const sd_field_info PK_FIELDS[] = { SD_PK_FIELDS(FIELD_INFO) };
static const sd_field_info UNIQUE_FIELDS[] = { SD_UNIQUE_FIELDS(FIELD_INFO) };
static const sd_field_info CHECK_FIELDS[] = { SD_CHECK_FIELDS(FIELD_INFO) };
static const sd_field_info EXCLUSION_FIELDS[] = { SD_EXCLUSION_FIELDS(FIELD_INFO) };
static const sd_field_info FK_FIELDS[] = { SD_FK_FIELDS(FIELD_INFO) };
static const sd_field_info POLICY_FIELDS[] = { SD_POLICY_FIELDS(FIELD_INFO) };
static const sd_field_info VIEW_FIELDS[] = { SD_VIEW_FIELDS(FIELD_INFO) };
static const sd_field_info MATVIEW_FIELDS[] = { SD_MATVIEW_FIELDS(FIELD_INFO) };
static const sd_field_info INDEX_FIELDS[] = { SD_INDEX_FIELDS(FIELD_INFO) };
static const sd_field_info TRIGGER_FIELDS[] = { SD_TRIGGER_FIELDS(FIELD_INFO) };
static const sd_field_info RULE_FIELDS[] = { SD_RULE_FIELDS(FIELD_INFO) };
static const sd_field_info STATISTICS_FIELDS[] = { SD_STATISTICS_FIELDS(FIELD_INFO) };
static const sd_field_info DEFAULT_ACL_FIELDS[] = { SD_DEFAULT_ACL_FIELDS(FIELD_INFO) };
static const sd_field_info PUBLICATION_FIELDS[] = { SD_PUBLICATION_FIELDS(FIELD_INFO) };
static const sd_field_info SUBSCRIPTION_FIELDS[] = { SD_SUBSCRIPTION_FIELDS(FIELD_INFO) };

#define BIT(f)      (1u << (f))
#define FIELDS(tab) .fields = (tab), .nfields = SD_ARRAY_LEN(tab)
#define NONE        SD_KIND__COUNT

/* One entry per kind: names, identity rules, engines, field table. Omitted booleans are false;
 * every entry says its owner (NONE: not owned). */
static const sd_kind_info KINDS[] = {
    [SD_KIND_SCHEMA] = { .name = "schema",
                         .plural = "schemas",
                         .label = "schema",
                         .kind = SD_KIND_SCHEMA,
                         .owner = NONE,
                         .name_required = true,
                         .name_is_identity = true,
                         FIELDS(SCHEMA_FIELDS) },
    [SD_KIND_EXTENSION] = { .name = "extension",
                            .plural = "extensions",
                            .label = "extension",
                            .kind = SD_KIND_EXTENSION,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(EXTENSION_FIELDS) },
    [SD_KIND_COLLATION] = { .name = "collation",
                            .plural = "collations",
                            .label = "collation",
                            .kind = SD_KIND_COLLATION,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(COLLATION_FIELDS) },
    [SD_KIND_TS_PARSER] = { .name = "ts_parser",
                            .plural = "ts_parsers",
                            .label = "text search parser",
                            .kind = SD_KIND_TS_PARSER,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(TS_PARSER_FIELDS) },
    [SD_KIND_TS_TEMPLATE] = { .name = "ts_template",
                              .plural = "ts_templates",
                              .label = "text search template",
                              .kind = SD_KIND_TS_TEMPLATE,
                              .owner = NONE,
                              .name_required = true,
                              .name_is_identity = true,
                              .engines = SD_E_PG,
                              FIELDS(TS_TEMPLATE_FIELDS) },
    [SD_KIND_TS_DICT] = { .name = "ts_dictionary",
                          .plural = "ts_dictionaries",
                          .label = "text search dictionary",
                          .kind = SD_KIND_TS_DICT,
                          .owner = NONE,
                          .name_required = true,
                          .name_is_identity = true,
                          .engines = SD_E_PG,
                          FIELDS(TS_DICT_FIELDS) },
    [SD_KIND_TS_CONFIG] = { .name = "ts_configuration",
                            .plural = "ts_configurations",
                            .label = "text search configuration",
                            .kind = SD_KIND_TS_CONFIG,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(TS_CONFIG_FIELDS) },
    [SD_KIND_BASE_TYPE] = { .name = "base_type",
                            .plural = "base_types",
                            .label = "base type",
                            .kind = SD_KIND_BASE_TYPE,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(BASE_TYPE_FIELDS) },
    [SD_KIND_ENUM] = { .name = "enum",
                       .plural = "enums",
                       .label = "enum type",
                       .kind = SD_KIND_ENUM,
                       .owner = NONE,
                       .name_required = true,
                       .name_is_identity = true,
                       .engines = SD_E_PG,
                       FIELDS(ENUM_FIELDS) },
    [SD_KIND_DOMAIN] = { .name = "domain",
                         .plural = "domains",
                         .label = "domain",
                         .kind = SD_KIND_DOMAIN,
                         .owner = NONE,
                         .name_required = true,
                         .name_is_identity = true,
                         .engines = SD_E_PG,
                         FIELDS(DOMAIN_FIELDS) },
    [SD_KIND_COMPOSITE] = { .name = "composite",
                            .plural = "composites",
                            .label = "composite type",
                            .kind = SD_KIND_COMPOSITE,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(COMPOSITE_FIELDS) },
    [SD_KIND_RANGE] = { .name = "range",
                        .plural = "ranges",
                        .label = "range type",
                        .kind = SD_KIND_RANGE,
                        .owner = NONE,
                        .name_required = true,
                        .name_is_identity = true,
                        .engines = SD_E_PG,
                        FIELDS(RANGE_FIELDS) },
    [SD_KIND_SEQUENCE] = { .name = "sequence",
                           .plural = "sequences",
                           .label = "sequence",
                           .kind = SD_KIND_SEQUENCE,
                           .owner = NONE,
                           .name_required = true,
                           .name_is_identity = true,
                           .engines = SD_E_PG,
                           FIELDS(SEQUENCE_FIELDS) },
    [SD_KIND_FUNCTION] = { .name = "function",
                           .plural = "functions",
                           .label = "function",
                           .kind = SD_KIND_FUNCTION,
                           .owner = NONE,
                           .name_required = true,
                           .name_is_identity = true,
                           .engines = SD_E_PG,
                           FIELDS(FUNCTION_FIELDS) },
    [SD_KIND_AGGREGATE] = { .name = "aggregate",
                            .plural = "aggregates",
                            .label = "aggregate",
                            .kind = SD_KIND_AGGREGATE,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(AGGREGATE_FIELDS) },
    [SD_KIND_EVENT_TRIGGER] = { .name = "event_trigger",
                                .plural = "event_triggers",
                                .label = "event trigger",
                                .kind = SD_KIND_EVENT_TRIGGER,
                                .owner = NONE,
                                .name_required = true,
                                .name_is_identity = true,
                                .engines = SD_E_PG,
                                .scope = SD_SCOPE_DATABASE,
                                FIELDS(EVENT_TRIGGER_FIELDS) },
    [SD_KIND_CAST] = { .name = "cast",
                       .plural = "casts",
                       .label = "cast",
                       .kind = SD_KIND_CAST,
                       .owner = NONE,
                       .name_required = true,
                       .name_is_identity = true,
                       .engines = SD_E_PG,
                       .scope = SD_SCOPE_DATABASE,
                       FIELDS(CAST_FIELDS) },
    [SD_KIND_LANGUAGE] = { .name = "language",
                           .plural = "languages",
                           .label = "language",
                           .kind = SD_KIND_LANGUAGE,
                           .owner = NONE,
                           .name_required = true,
                           .name_is_identity = true,
                           .engines = SD_E_PG,
                           .scope = SD_SCOPE_DATABASE,
                           FIELDS(LANGUAGE_FIELDS) },
    [SD_KIND_TRANSFORM] = { .name = "transform",
                            .plural = "transforms",
                            .label = "transform",
                            .kind = SD_KIND_TRANSFORM,
                            .owner = NONE,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            .scope = SD_SCOPE_DATABASE,
                            FIELDS(TRANSFORM_FIELDS) },
    [SD_KIND_ACCESS_METHOD] = { .name = "access_method",
                                .plural = "access_methods",
                                .label = "access method",
                                .kind = SD_KIND_ACCESS_METHOD,
                                .owner = NONE,
                                .name_required = true,
                                .name_is_identity = true,
                                .engines = SD_E_PG,
                                .scope = SD_SCOPE_DATABASE,
                                FIELDS(ACCESS_METHOD_FIELDS) },
    [SD_KIND_OPERATOR] = { .name = "operator",
                           .plural = "operators",
                           .label = "operator",
                           .kind = SD_KIND_OPERATOR,
                           .owner = NONE,
                           .name_required = true,
                           .name_is_identity = true,
                           .engines = SD_E_PG,
                           FIELDS(OPERATOR_FIELDS) },
    [SD_KIND_OPFAMILY] = { .name = "operator_family",
                           .plural = "operator_families",
                           .label = "operator family",
                           .kind = SD_KIND_OPFAMILY,
                           .owner = NONE,
                           .name_required = true,
                           .name_is_identity = true,
                           .engines = SD_E_PG,
                           FIELDS(OPFAMILY_FIELDS) },
    [SD_KIND_OPCLASS] = { .name = "operator_class",
                          .plural = "operator_classes",
                          .label = "operator class",
                          .kind = SD_KIND_OPCLASS,
                          .owner = NONE,
                          .name_required = true,
                          .name_is_identity = true,
                          .engines = SD_E_PG,
                          FIELDS(OPCLASS_FIELDS) },
    [SD_KIND_CONVERSION] = { .name = "conversion",
                             .plural = "conversions",
                             .label = "conversion",
                             .kind = SD_KIND_CONVERSION,
                             .owner = NONE,
                             .name_required = true,
                             .name_is_identity = true,
                             .engines = SD_E_PG,
                             FIELDS(CONVERSION_FIELDS) },
    [SD_KIND_FDW] = { .name = "foreign_data_wrapper",
                      .plural = "foreign_data_wrappers",
                      .label = "foreign-data wrapper",
                      .kind = SD_KIND_FDW,
                      .owner = NONE,
                      .name_required = true,
                      .name_is_identity = true,
                      .engines = SD_E_PG,
                      .scope = SD_SCOPE_DATABASE,
                      FIELDS(FDW_FIELDS) },
    [SD_KIND_SERVER] = { .name = "server",
                         .plural = "servers",
                         .label = "server",
                         .kind = SD_KIND_SERVER,
                         .owner = NONE,
                         .name_required = true,
                         .name_is_identity = true,
                         .engines = SD_E_PG,
                         .scope = SD_SCOPE_DATABASE,
                         FIELDS(SERVER_FIELDS) },
    [SD_KIND_USER_MAPPING] = { .name = "user_mapping",
                               .plural = "user_mappings",
                               .label = "user mapping",
                               .kind = SD_KIND_USER_MAPPING,
                               .owner = NONE,
                               .name_required = true,
                               .name_is_identity = true,
                               .engines = SD_E_PG,
                               .scope = SD_SCOPE_DATABASE,
                               FIELDS(USER_MAPPING_FIELDS) },
    [SD_KIND_DEFAULT_ACL] = { .name = "default_privilege",
                              .plural = "default_privileges",
                              .label = "default privileges",
                              .kind = SD_KIND_DEFAULT_ACL,
                              .owner = NONE,
                              .name_required = true,
                              .name_is_identity = true,
                              .engines = SD_E_PG,
                              .scope = SD_SCOPE_DATABASE,
                              FIELDS(DEFAULT_ACL_FIELDS) },
    [SD_KIND_TABLE] = { .name = "table",
                        .plural = "tables",
                        .label = "table",
                        .kind = SD_KIND_TABLE,
                        .owner = NONE,
                        .name_required = true,
                        .name_is_identity = true,
                        FIELDS(TABLE_FIELDS) },
    [SD_KIND_COLUMN] = { .name = "column",
                         .plural = "columns",
                         .label = "column",
                         .kind = SD_KIND_COLUMN,
                         .owner = SD_KIND_TABLE,
                         .has_table = true,
                         .name_required = true,
                         .name_is_identity = true,
                         FIELDS(COLUMN_FIELDS) },
    [SD_KIND_PRIMARY_KEY] = { .name = "primary_key",
                              .plural = "primary_keys",
                              .label = "primary key",
                              .kind = SD_KIND_PRIMARY_KEY,
                              .owner = SD_KIND_TABLE,
                              .has_table = true,
                              FIELDS(PK_FIELDS) },
    [SD_KIND_UNIQUE] = { .name = "unique",
                         .plural = "uniques",
                         .label = "unique constraint",
                         .kind = SD_KIND_UNIQUE,
                         .owner = SD_KIND_TABLE,
                         .has_table = true,
                         .name_is_identity = true,
                         .unnamed_identity = BIT(SD_UNIQUE_COLUMNS),
                         FIELDS(UNIQUE_FIELDS) },
    [SD_KIND_CHECK] = { .name = "check",
                        .plural = "checks",
                        .label = "check constraint",
                        .kind = SD_KIND_CHECK,
                        .owner = SD_KIND_TABLE,
                        .has_table = true,
                        .name_is_identity = true,
                        .unnamed_identity = BIT(SD_CHECK_EXPRESSION),
                        FIELDS(CHECK_FIELDS) },
    [SD_KIND_EXCLUSION] = { .name = "exclusion",
                            .plural = "exclusions",
                            .label = "exclusion constraint",
                            .kind = SD_KIND_EXCLUSION,
                            .owner = SD_KIND_TABLE,
                            .has_table = true,
                            .name_required = true,
                            .name_is_identity = true,
                            .engines = SD_E_PG,
                            FIELDS(EXCLUSION_FIELDS) },
    [SD_KIND_FOREIGN_KEY] = { .name = "foreign_key",
                              .plural = "foreign_keys",
                              .label = "foreign key",
                              .kind = SD_KIND_FOREIGN_KEY,
                              .owner = SD_KIND_TABLE,
                              .has_table = true,
                              .name_is_identity = true,
                              .unnamed_identity = BIT(SD_FK_COLUMNS) | BIT(SD_FK_REF_TABLE) |
                                                  BIT(SD_FK_REF_COLUMNS),
                              FIELDS(FK_FIELDS) },
    [SD_KIND_POLICY] = { .name = "policy",
                         .plural = "policies",
                         .label = "policy",
                         .kind = SD_KIND_POLICY,
                         .owner = SD_KIND_TABLE,
                         .has_table = true,
                         .name_required = true,
                         .name_is_identity = true,
                         .engines = SD_E_PG,
                         FIELDS(POLICY_FIELDS) },
    [SD_KIND_VIEW] = { .name = "view",
                       .plural = "views",
                       .label = "view",
                       .kind = SD_KIND_VIEW,
                       .owner = NONE,
                       .name_required = true,
                       .name_is_identity = true,
                       FIELDS(VIEW_FIELDS) },
    [SD_KIND_MATVIEW] = { .name = "materialized_view",
                          .plural = "materialized_views",
                          .label = "materialized view",
                          .kind = SD_KIND_MATVIEW,
                          .owner = NONE,
                          .name_required = true,
                          .name_is_identity = true,
                          .engines = SD_E_PG,
                          FIELDS(MATVIEW_FIELDS) },
    [SD_KIND_INDEX] = { .name = "index",
                        .plural = "indexes",
                        .label = "index",
                        .kind = SD_KIND_INDEX,
                        .owner = NONE,
                        .has_table = true,
                        .name_required = true,
                        .name_is_identity = true,
                        FIELDS(INDEX_FIELDS) },
    [SD_KIND_TRIGGER] = { .name = "trigger",
                          .plural = "triggers",
                          .label = "trigger",
                          .kind = SD_KIND_TRIGGER,
                          .owner = NONE,
                          .has_table = true,
                          .name_required = true,
                          .name_is_identity = true,
                          FIELDS(TRIGGER_FIELDS) },
    [SD_KIND_RULE] = { .name = "rule",
                       .plural = "rules",
                       .label = "rule",
                       .kind = SD_KIND_RULE,
                       .owner = NONE,
                       .has_table = true,
                       .name_required = true,
                       .name_is_identity = true,
                       .engines = SD_E_PG,
                       FIELDS(RULE_FIELDS) },
    [SD_KIND_STATISTICS] = { .name = "statistics_object",
                             .plural = "statistics_objects",
                             .label = "statistics object",
                             .kind = SD_KIND_STATISTICS,
                             .owner = NONE,
                             .name_required = true,
                             .name_is_identity = true,
                             .engines = SD_E_PG,
                             FIELDS(STATISTICS_FIELDS) },
    [SD_KIND_PUBLICATION] = { .name = "publication",
                              .plural = "publications",
                              .label = "publication",
                              .kind = SD_KIND_PUBLICATION,
                              .owner = NONE,
                              .name_required = true,
                              .name_is_identity = true,
                              .engines = SD_E_PG,
                              .scope = SD_SCOPE_DATABASE,
                              FIELDS(PUBLICATION_FIELDS) },
    [SD_KIND_SUBSCRIPTION] = { .name = "subscription",
                               .plural = "subscriptions",
                               .label = "subscription",
                               .kind = SD_KIND_SUBSCRIPTION,
                               .owner = NONE,
                               .name_required = true,
                               .name_is_identity = true,
                               .engines = SD_E_PG,
                               .scope = SD_SCOPE_DATABASE,
                               FIELDS(SUBSCRIPTION_FIELDS) },
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

int
sd_kind_role_field(sd_kind kind, sd_field_role role)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    for (size_t f = 0; ki != NULL && role != SD_ROLE_NONE && f < ki->nfields; f++)
        if (ki->fields[f].role == role)
            return (int)f;
    return -1;
}

bool
sd_kind_is_database_wide(sd_kind kind)
{
    const sd_kind_info *ki = sd_kind_get(kind);
    return ki != NULL && ki->scope == SD_SCOPE_DATABASE;
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
