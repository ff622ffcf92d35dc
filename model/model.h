/*
 * model.h: the normalized schema model, the hub every other module reads or builds.
 *
 * Every object reachable from an sd_model is allocated in that model's arena and lives exactly
 * as long as the model; nothing in a model is freed individually, and nothing outside a model
 * may own a pointer into it beyond the model's lifetime.
 *
 * Shape. A model holds, per object kind, an array of sd_object in canonical order. An object
 * has an identity (kind, schema, table, name) and a row of typed field values described by the
 * kind registry (sd_kind_get()). Generic code (snapshots, fingerprints, diff) walks the field
 * tables, so adding a kind or a field is one registry entry, not a change in every module.
 * Columns and constraints are owned by their table (nested in snapshots); indexes, views and
 * triggers live at schema level and name their table in the identity.
 *
 * Life cycle: sd_model_new(), sd_model_add() + the sd_obj_set_*() setters, then
 * sd_model_freeze(), which validates identities, links owners, computes normalized SQL text,
 * sorts canonically and fingerprints everything. Lookups and iteration need a frozen model.
 */
#ifndef SD_MODEL_MODEL_H
#define SD_MODEL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/sql.h"

/* Object kinds, in canonical (and creation-priority) order: what others depend on first. */
typedef enum sd_kind {
    SD_KIND_SCHEMA = 0,  /* a namespace (SQLite: "main") */
    SD_KIND_EXTENSION,   /* an extension (PostgreSQL), in the schema it was installed into */
    SD_KIND_ENUM,        /* an enum type (PostgreSQL) */
    SD_KIND_DOMAIN,      /* a domain (PostgreSQL) */
    SD_KIND_COMPOSITE,   /* a composite type (PostgreSQL) */
    SD_KIND_RANGE,       /* a range type (PostgreSQL) */
    SD_KIND_SEQUENCE,    /* a sequence (PostgreSQL) */
    SD_KIND_FUNCTION,    /* a function or procedure, identified with its arguments */
    SD_KIND_AGGREGATE,   /* an aggregate (PostgreSQL), identified like a function */
    SD_KIND_OPERATOR,    /* an operator (PostgreSQL), identified with its argument types */
    SD_KIND_TABLE,       /* a base table (PostgreSQL: also partitioned tables, partitions) */
    SD_KIND_COLUMN,      /* a table column (owned by its table) */
    SD_KIND_PRIMARY_KEY, /* the primary key (owned by its table; at most one) */
    SD_KIND_UNIQUE,      /* a UNIQUE constraint (owned by its table) */
    SD_KIND_CHECK,       /* a CHECK constraint (owned by its table) */
    SD_KIND_EXCLUSION,   /* an EXCLUDE constraint (PostgreSQL; owned by its table) */
    SD_KIND_FOREIGN_KEY, /* a FOREIGN KEY constraint (owned by its table) */
    SD_KIND_POLICY,      /* a row level security policy (PostgreSQL; owned by its table) */
    SD_KIND_VIEW,        /* a view */
    SD_KIND_MATVIEW,     /* a materialized view (PostgreSQL) */
    SD_KIND_INDEX,       /* an index not backing a constraint (on a table or matview) */
    SD_KIND_TRIGGER,     /* a trigger on a table or view */
    SD_KIND__COUNT
} sd_kind;

typedef enum sd_field_type {
    SD_FIELD_BOOL = 0, /* v.b */
    SD_FIELD_INT,      /* v.i */
    SD_FIELD_STRING,   /* v.s; NULL means absent */
    SD_FIELD_SQL,      /* v.sql: SQL text as written plus its normalized form */
    SD_FIELD_NAMES,    /* v.names: ordered list of identifiers */
    SD_FIELD_KEYS,     /* v.keys: ordered list of index key parts */
    SD_FIELD__COUNT
} sd_field_type;

/* SQL text: kept as written (emitted as is), compared and hashed by its normalized form. */
typedef struct sd_sqltext {
    const char *text; /* as written; NULL means absent */
    const char *norm; /* normalized for comparison (set by sd_model_freeze) */
} sd_sqltext;

typedef struct sd_names {
    const char **items; /* identifiers, in declared order */
    size_t len;         /* number of items */
} sd_names;

/* One key of an index or constraint: a column or an expression, with its options. */
typedef struct sd_keypart {
    const char *column;    /* column name, or NULL for an expression */
    sd_sqltext expr;       /* expression when column is NULL */
    const char *collation; /* explicit or effective collation; NULL = the column's default */
    const char *opclass;   /* operator class (PostgreSQL); NULL = default */
    bool desc;             /* DESC ordering */
    const char *nulls;     /* "first" / "last" when explicit (PostgreSQL); NULL = default */
} sd_keypart;

typedef struct sd_keys {
    sd_keypart *items; /* key parts in order */
    size_t len;        /* number of key parts */
} sd_keys;

typedef struct sd_value {
    union {
        bool b;         /* SD_FIELD_BOOL */
        int64_t i;      /* SD_FIELD_INT */
        const char *s;  /* SD_FIELD_STRING */
        sd_sqltext sql; /* SD_FIELD_SQL */
        sd_names names; /* SD_FIELD_NAMES */
        sd_keys keys;   /* SD_FIELD_KEYS */
    };
} sd_value;

/* Field flags. */
#define SD_FF_ORDER 1u /* describes position only: a difference is a note unless strict order */
#define SD_FF_INFO                                                                 \
    2u /* informational: DDL cannot always reproduce it, so a difference is a note \
        */

/* Engine masks for fields and kinds: which engines have them (0 means every engine). A field
 * or kind an engine does not have is absent from that engine's snapshots and fingerprints. */
#define SD_E_SQLITE (1u << SD_ENGINE_SQLITE)
#define SD_E_PG     (1u << SD_ENGINE_PG)

typedef struct sd_field_info {
    const char *name;           /* snapshot key and the name reports use */
    sd_field_type type;         /* value type */
    unsigned flags;             /* SD_FF_* */
    const char *const *allowed; /* STRING: NULL-terminated list of allowed values, or NULL */
    unsigned engines;           /* SD_E_* mask; 0 = every engine */
} sd_field_info;

typedef struct sd_kind_info {
    const char *name;            /* "table", "foreign_key" (snapshots, JSON) */
    const char *plural;          /* "tables" (snapshot collection key) */
    const char *label;           /* "foreign key" (human text) */
    const sd_field_info *fields; /* field table, in snapshot order */
    size_t nfields;              /* number of fields */
    sd_kind kind;                /* the kind itself */
    sd_kind owner;               /* owning kind (SD_KIND_TABLE for columns), or SD_KIND__COUNT */
    unsigned unnamed_identity;   /* unnamed objects: bitmask (1u << field) of identity fields */
    bool has_table;              /* identity includes the relation it belongs to */
    bool name_required;          /* false: unnamed objects are identified by their content */
    bool name_is_identity;       /* false: the name is an attribute (primary key) */
    unsigned engines;            /* SD_E_* mask; 0 = every engine */
} sd_kind_info;

/*
 * Value formats (the contract between introspectors, snapshots and emitters).
 *
 * SQLite: names are plain (unquoted) identifiers; SQL fields hold text as SQLite stores it;
 * a view's or trigger's `sql` is its whole CREATE statement; types are declared types.
 *
 * PostgreSQL: introspection runs with search_path = '' so that every rendering the server
 * produces (format_type, pg_get_expr, pg_get_*def) qualifies names and is valid anywhere.
 *  - names (object names, column lists, include, ref_schema/ref_table, owner, function_name,
 *    policy roles ("public" for PUBLIC), enum values) are plain, unquoted;
 *  - type strings (column type, domain base_type, sequence type, function result) are
 *    format_type() output, ready for SQL;
 *  - collation (column, domain, key part): SQL text ready to follow COLLATE (quoted and
 *    qualified, e.g. pg_catalog."C"), set only when it differs from the type's default;
 *  - key part opclass: qualified SQL text, set only when not the default for the type; nulls:
 *    "first"/"last" only when not the default for the direction;
 *  - SQL fields: column default/generated, check expression, index where, policy using and
 *    with_check: pg_get_expr(); exclusion definition: pg_get_constraintdef(); view and
 *    matview sql: pg_get_viewdef() (the query alone); trigger sql: pg_get_triggerdef() (the
 *    whole statement); function definition: pg_get_functiondef() (the whole statement);
 *    composite attributes: "name type [COLLATE c], ..." for CREATE TYPE t AS (...); range
 *    definition: the options for CREATE TYPE t AS RANGE (...);
 *  - identity: "always" / "by default"; identity_options: sequence options for
 *    GENERATED ... AS IDENTITY (...) without the sequence name ("START WITH 1 INCREMENT BY 1
 *    MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE"); an identity's sequence is not a
 *    sequence object of its own;
 *  - inherited: the column comes from a parent (attislocal false), so emitters do not declare
 *    it themselves; informational (SD_FF_INFO): ALTER TABLE ... INHERIT leaves columns local;
 *  - partition_key: pg_get_partkeydef() ("RANGE (created_at)"); partition_of: the parent as
 *    quoted qualified SQL; partition_bound: pg_get_expr(relpartbound) ("FOR VALUES ..." or
 *    "DEFAULT"); inherits: parents (not for partitions) as quoted qualified SQL, in order;
 *  - sequence owned_by: quoted qualified "schema.table.column" SQL, or null;
 *  - acl: aclitem texts ("alice=arw/postgres", "=r/postgres" for PUBLIC), sorted; an empty
 *    list means the default privileges (a NULL acl in the catalog, or one holding exactly
 *    acldefault() for the owner); the single item "none" means no privileges at all, not even
 *    the owner's (an empty acl in the catalog); schema default_acl:
 *    "ROLE:OBJTYPE:aclitem" (OBJTYPE r, S, f, T or n, as pg_default_acl.defaclobjtype);
 *  - function object name: "proname(input argument types)" (oidvectortypes(proargtypes):
 *    PostgreSQL's own identity), so overloads are distinct objects and a parameter rename
 *    is a change; function arguments: pg_get_function_identity_arguments() (names, modes);
 *  - aggregate object name: "proname(input argument types)", as for functions; arguments:
 *    pg_get_function_arguments() ("text", "float8 ORDER BY float8"; empty for (*));
 *    definition: the options of CREATE AGGREGATE name (args) (...) ("SFUNC = public.f, STYPE
 *    = text, INITCOND = ''"), functions as regproc renders them;
 *  - operator object name: "oprname(left type, right type)" (format_type(), NONE for a
 *    prefix operator's missing left one: pg_operator's own identity); definition: the
 *    options of CREATE OPERATOR name (...) ("FUNCTION = public.f, LEFTARG = text, RIGHTARG =
 *    text, COMMUTATOR = OPERATOR(public.=)"), functions as regproc renders them;
 *  - fk match: "SIMPLE", "FULL" or "PARTIAL"; on_delete/on_update: the registry's words;
 *    on_delete_columns: the columns of ON DELETE SET NULL / SET DEFAULT (cols) (PostgreSQL
 *    15), empty when the action sets every column of the key;
 *  - view options: reloptions "key=value", sorted (security_barrier=true, check_option=local);
 *    table, matview and index options (storage parameters) likewise ("fillfactor=70",
 *    "autovacuum_enabled=false"); a table's TOAST options with the prefix "toast."
 *    ("toast.autovacuum_enabled=false");
 *  - index clustered: the table is marked CLUSTER ON this index (pg_index.indisclustered);
 *  - index statistics: the statistics targets set on its expression columns (ALTER INDEX
 *    ... ALTER COLUMN n SET STATISTICS t), as "n=t" by column number;
 *  - primary key, unique and exclusion index_comment: the comment on the index that backs
 *    the constraint (COMMENT ON INDEX, apart from the constraint's own comment); primary key
 *    and unique index_options: that index's storage parameters, as index options (an
 *    exclusion's are part of its definition);
 *  - column statistics: the target of SET STATISTICS; 0 = the default (attstattarget -1),
 *    and an explicit SET STATISTICS 0 is stored as -1;
 *  - view and matview column_acls / column_comments: per column, "column:value" with the
 *    column as quote_ident() renders it (quoted when it needs quoting) and value an aclitem
 *    text ("alice=r/postgres", one entry each) or the comment; sorted (byte order);
 *  - view columns: per column in order, "column type [COLLATE collation]", the column as
 *    quote_ident() renders it, the type as format_type(), the collation (qualified, quoted)
 *    only when it differs from the type's; informational (it follows from the query), kept
 *    so that a view in a dependency loop can be created first as a stub with these columns.
 */
/* Field indexes per kind; they index sd_object.v and the kind's field table. Values that
 * name other objects in SQL form (inherits, partition_of, owned_by) are already quoted with
 * util/sql.h by the introspector. */
enum {
    SD_SCHEMA_OWNER,
    SD_SCHEMA_ACL,
    SD_SCHEMA_DEFAULT_ACL,
    SD_SCHEMA_COMMENT,
    SD_SCHEMA__NFIELDS
};
enum {
    SD_EXTENSION_VERSION,
    SD_EXTENSION__NFIELDS
};
enum {
    SD_ENUM_VALUES,
    SD_ENUM_OWNER,
    SD_ENUM_ACL,
    SD_ENUM_COMMENT,
    SD_ENUM__NFIELDS
};
enum {
    SD_DOMAIN_BASE_TYPE,
    SD_DOMAIN_DEFAULT,
    SD_DOMAIN_NOT_NULL,
    SD_DOMAIN_COLLATION,
    SD_DOMAIN_CHECKS,
    SD_DOMAIN_OWNER,
    SD_DOMAIN_ACL,
    SD_DOMAIN_COMMENT,
    SD_DOMAIN__NFIELDS
};
enum {
    SD_COMPOSITE_ATTRIBUTES,
    SD_COMPOSITE_OWNER,
    SD_COMPOSITE_ACL,
    SD_COMPOSITE_COMMENT,
    SD_COMPOSITE__NFIELDS
};
enum {
    SD_RANGE_DEFINITION,
    SD_RANGE_OWNER,
    SD_RANGE_ACL,
    SD_RANGE_COMMENT,
    SD_RANGE__NFIELDS
};
enum {
    SD_SEQUENCE_TYPE,
    SD_SEQUENCE_START,
    SD_SEQUENCE_INCREMENT,
    SD_SEQUENCE_MIN,
    SD_SEQUENCE_MAX,
    SD_SEQUENCE_CACHE,
    SD_SEQUENCE_CYCLE,
    SD_SEQUENCE_OWNED_BY,
    SD_SEQUENCE_OWNER,
    SD_SEQUENCE_ACL,
    SD_SEQUENCE_COMMENT,
    SD_SEQUENCE__NFIELDS
};
enum {
    SD_FUNCTION_KIND,
    SD_FUNCTION_NAME,
    SD_FUNCTION_ARGUMENTS,
    SD_FUNCTION_RESULT,
    SD_FUNCTION_DEFINITION,
    SD_FUNCTION_OWNER,
    SD_FUNCTION_ACL,
    SD_FUNCTION_COMMENT,
    SD_FUNCTION__NFIELDS
};
enum {
    SD_AGGREGATE_NAME,
    SD_AGGREGATE_ARGUMENTS,
    SD_AGGREGATE_DEFINITION,
    SD_AGGREGATE_OWNER,
    SD_AGGREGATE_ACL,
    SD_AGGREGATE_COMMENT,
    SD_AGGREGATE__NFIELDS
};
enum {
    SD_OPERATOR_DEFINITION,
    SD_OPERATOR_OWNER,
    SD_OPERATOR_COMMENT,
    SD_OPERATOR__NFIELDS
};
enum {
    SD_TABLE_STRICT,
    SD_TABLE_WITHOUT_ROWID,
    SD_TABLE_UNLOGGED,
    SD_TABLE_PARTITION_KEY,
    SD_TABLE_PARTITION_OF,
    SD_TABLE_PARTITION_BOUND,
    SD_TABLE_INHERITS,
    SD_TABLE_RLS_ENABLED,
    SD_TABLE_RLS_FORCED,
    SD_TABLE_OPTIONS,
    SD_TABLE_OWNER,
    SD_TABLE_ACL,
    SD_TABLE_COMMENT,
    SD_TABLE__NFIELDS
};
enum {
    SD_COLUMN_POSITION,
    SD_COLUMN_TYPE,
    SD_COLUMN_NOT_NULL,
    SD_COLUMN_DEFAULT,
    SD_COLUMN_GENERATED,
    SD_COLUMN_GENERATED_KIND,
    SD_COLUMN_COLLATION,
    SD_COLUMN_IDENTITY,
    SD_COLUMN_IDENTITY_OPTIONS,
    SD_COLUMN_ACL,
    SD_COLUMN_COMMENT,
    SD_COLUMN_INHERITED,
    SD_COLUMN_STATISTICS,
    SD_COLUMN__NFIELDS
};
enum {
    SD_PK_COLUMNS,
    SD_PK_AUTOINCREMENT,
    SD_PK_DEFERRABLE,
    SD_PK_INITIALLY_DEFERRED,
    SD_PK_COMMENT,
    SD_PK_INDEX_OPTIONS,
    SD_PK_INDEX_COMMENT,
    SD_PK__NFIELDS
};
enum {
    SD_UNIQUE_COLUMNS,
    SD_UNIQUE_NULLS_NOT_DISTINCT,
    SD_UNIQUE_DEFERRABLE,
    SD_UNIQUE_INITIALLY_DEFERRED,
    SD_UNIQUE_COMMENT,
    SD_UNIQUE_INDEX_OPTIONS,
    SD_UNIQUE_INDEX_COMMENT,
    SD_UNIQUE__NFIELDS
};
enum {
    SD_CHECK_EXPRESSION,
    SD_CHECK_NO_INHERIT,
    SD_CHECK_NOT_VALID,
    SD_CHECK_COMMENT,
    SD_CHECK__NFIELDS
};
enum {
    SD_EXCLUSION_DEFINITION,
    SD_EXCLUSION_COMMENT,
    SD_EXCLUSION_INDEX_COMMENT,
    SD_EXCLUSION__NFIELDS
};
enum {
    SD_FK_COLUMNS,
    SD_FK_REF_TABLE,
    SD_FK_REF_COLUMNS,
    SD_FK_ON_DELETE,
    SD_FK_ON_UPDATE,
    SD_FK_MATCH,
    SD_FK_DEFERRABLE,
    SD_FK_INITIALLY_DEFERRED,
    SD_FK_REF_SCHEMA,
    SD_FK_NOT_VALID,
    SD_FK_ON_DELETE_COLUMNS,
    SD_FK_COMMENT,
    SD_FK__NFIELDS
};
enum {
    SD_POLICY_COMMAND,
    SD_POLICY_PERMISSIVE,
    SD_POLICY_ROLES,
    SD_POLICY_USING,
    SD_POLICY_WITH_CHECK,
    SD_POLICY_COMMENT,
    SD_POLICY__NFIELDS
};
enum {
    SD_INDEX_UNIQUE,
    SD_INDEX_KEYS,
    SD_INDEX_WHERE,
    SD_INDEX_METHOD,
    SD_INDEX_INCLUDE,
    SD_INDEX_NULLS_NOT_DISTINCT,
    SD_INDEX_OPTIONS,
    SD_INDEX_CLUSTERED,
    SD_INDEX_STATISTICS,
    SD_INDEX_COMMENT,
    SD_INDEX__NFIELDS
};
enum {
    SD_VIEW_SQL,
    SD_VIEW_OPTIONS,
    SD_VIEW_OWNER,
    SD_VIEW_ACL,
    SD_VIEW_COMMENT,
    SD_VIEW_COLUMN_ACLS,
    SD_VIEW_COLUMN_COMMENTS,
    SD_VIEW_COLUMNS,
    SD_VIEW__NFIELDS
};
enum {
    SD_MATVIEW_SQL,
    SD_MATVIEW_OPTIONS,
    SD_MATVIEW_OWNER,
    SD_MATVIEW_ACL,
    SD_MATVIEW_COMMENT,
    SD_MATVIEW_COLUMN_ACLS,
    SD_MATVIEW_COLUMN_COMMENTS,
    SD_MATVIEW__NFIELDS
};
enum {
    SD_TRIGGER_SQL,
    SD_TRIGGER_COMMENT,
    SD_TRIGGER__NFIELDS
};

/* A reference to another object by identity (dependencies are never pointers from a DB). */
typedef struct sd_ref {
    sd_kind kind;       /* kind of the referenced object */
    const char *schema; /* its schema */
    const char *table;  /* its relation when the kind has_table, else NULL */
    const char *name;   /* its name */
} sd_ref;

typedef struct sd_object sd_object;
struct sd_object {
    sd_kind kind;           /* what it is */
    const char *schema;     /* schema name (for a schema: its own name) */
    const char *table;      /* owning relation for kinds with has_table, else NULL */
    const char *name;       /* name; NULL for an unnamed constraint */
    const char *key;        /* identity key, unique per kind in a model (set by freeze) */
    const sd_object *owner; /* owning table for nested kinds (set by freeze) */
    sd_value *v;            /* field values, sd_kind_get(kind)->nfields of them */
    sd_ref *deps;           /* objects this one depends on */
    size_t ndeps;           /* number of deps */
    uint64_t fingerprint;   /* XXH3 of the canonical form, incl. owned objects (freeze) */
    size_t index;           /* position in the kind's canonical array (freeze) */
};

typedef struct sd_model sd_model;

/* ---- registry ---- */

const sd_kind_info *sd_kind_get(sd_kind kind);
/* Look a kind up by its snapshot name ("table") or plural ("tables"). */
bool sd_kind_from_name(const char *name, sd_kind *out);
bool sd_kind_is_relation(sd_kind kind); /* table or view */
/* Values equal for comparison purposes (SQL by normalized form). */
bool sd_value_equal(sd_field_type type, const sd_value *a, const sd_value *b);
/* True when the value is the type's zero (false, 0, NULL, empty list). */
bool sd_value_is_default(sd_field_type type, const sd_value *v);
/* Human rendering of a value for reports: "NOT NULL"-free plain text, "(a, b)", "null". */
void sd_value_describe(sd_buf *out, sd_field_type type, const sd_value *v);

/* ---- building ---- */

sd_model *sd_model_new(sd_engine engine); /* NULL when out of memory */
void sd_model_free(sd_model *m);          /* accepts NULL */
sd_engine sd_model_engine(const sd_model *m);
sd_arena *sd_model_arena(sd_model *m);

/*
 * Add an object with all fields at their zero value. Strings are copied into the arena.
 * table is required for kinds with has_table and must be NULL otherwise; name may be NULL
 * only for kinds whose name is not required. SD_ERR on misuse, SD_ERR_NOMEM.
 */
SD_MUST_CHECK sd_status sd_model_add(sd_model *m,
                                     sd_kind kind,
                                     const char *schema,
                                     const char *table,
                                     const char *name,
                                     sd_object **out,
                                     sd_err *err);
void sd_obj_set_bool(sd_object *o, int field, bool v);
void sd_obj_set_int(sd_object *o, int field, int64_t v);
void sd_obj_set_str(sd_model *m, sd_object *o, int field, const char *s);     /* copies; NULL ok */
void sd_obj_set_sql(sd_model *m, sd_object *o, int field, const char *text);  /* copies */
void sd_obj_add_name(sd_model *m, sd_object *o, int field, const char *name); /* copies */
void sd_obj_add_key(sd_model *m, sd_object *o, int field, const sd_keypart *kp); /* copies */
void sd_obj_add_dep(sd_model *m,
                    sd_object *o,
                    sd_kind kind,
                    const char *schema,
                    const char *table,
                    const char *name); /* copies; duplicates ignored */

/*
 * Validate and finish a model: every owned object's table exists, identities are unique
 * (SD_ERR_PARSE naming both), SQL text is normalized for the engine, arrays are sorted
 * canonically, fingerprints computed. Idempotent. SD_ERR_NOMEM if any allocation failed.
 */
SD_MUST_CHECK sd_status sd_model_freeze(sd_model *m, sd_err *err);

/* ---- reading (frozen models) ---- */

size_t sd_model_count(const sd_model *m, sd_kind kind);
const sd_object *sd_model_at(const sd_model *m, sd_kind kind, size_t i);
/* All objects of a kind in canonical order (NULL when there are none). */
const sd_object *const *sd_model_objects(const sd_model *m, sd_kind kind, size_t *count_out);
/* Objects of kind owned by owner, in canonical order (columns: by position). */
const sd_object *const *
sd_model_children(const sd_model *m, const sd_object *owner, sd_kind kind, size_t *count_out);
const sd_object *sd_model_find(const sd_model *m,
                               sd_kind kind,
                               const char *schema,
                               const char *table,
                               const char *name);
const sd_object *sd_model_find_key(const sd_model *m, sd_kind kind, const char *key);
const sd_object *sd_model_find_ref(const sd_model *m, const sd_ref *ref);
const sd_object *sd_model_find_table(const sd_model *m, const char *schema, const char *name);
/* XXH3 over every object's fingerprint: equal schemas compare in one step. */
uint64_t sd_model_fingerprint(const sd_model *m);
/* Total objects. */
size_t sd_model_size(const sd_model *m);

/* True when the field / kind exists for the engine (see SD_E_*). */
bool sd_field_for_engine(const sd_field_info *fi, sd_engine e);
bool sd_kind_for_engine(const sd_kind_info *ki, sd_engine e);

/*
 * Objects the model does not compare (PostgreSQL rules, operators, casts...), kept so that
 * reports can say "not compared" by kind and name instead of skipping them silently. Strings
 * are copied; sd_model_freeze() sorts the list by (kind, name).
 */
void sd_model_add_uncompared(sd_model *m, const char *kind, const char *name);
size_t sd_model_uncompared_count(const sd_model *m);
/* The i-th entry in sorted order: its kind label and qualified name. */
void
sd_model_uncompared_at(const sd_model *m, size_t i, const char **kind_out, const char **name_out);

/* "table main.orders", "column main.orders.id", "unique constraint main.orders(a, b)". */
void sd_object_describe(sd_buf *out, const sd_object *o);
/* The canonical serialization the fingerprint hashes (exposed for tests and debugging). */
void sd_object_canonical(sd_buf *out, const sd_model *m, const sd_object *o);

#endif
