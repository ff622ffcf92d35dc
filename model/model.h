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
 * triggers live at schema level and name their table in the identity. Database-wide kinds
 * (sd_kind_info.scope SD_SCOPE_DATABASE: event triggers, casts) have no schema: their objects'
 * schema is NULL, which identity keys, canonical order (NULL first), fingerprints and
 * descriptions ("event trigger log_ddl", "cast (integer AS public.mytype)") all handle; a
 * reference to one (sd_ref) has a NULL schema too. Adding another database-wide kind is a
 * registry entry with .scope = SD_SCOPE_DATABASE, its catalog query and its emitter.
 *
 * Life cycle: sd_model_new(), sd_model_add() + the sd_obj_set_*() setters, then
 * sd_model_freeze(), which validates identities, links owners, computes normalized SQL text,
 * sorts canonically and fingerprints everything. Lookups and iteration need a frozen model.
 */
#ifndef SD_MODEL_MODEL_H
#define SD_MODEL_MODEL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/sql.h"

/* Object kinds, in canonical (and creation-priority) order: what others depend on first. */
typedef enum sd_kind {
    SD_KIND_SCHEMA = 0,    /* a namespace (SQLite: "main") */
    SD_KIND_EXTENSION,     /* an extension (PostgreSQL), in the schema it was installed into */
    SD_KIND_COLLATION,     /* a collation (PostgreSQL) */
    SD_KIND_TS_PARSER,     /* a text search parser (PostgreSQL) */
    SD_KIND_TS_TEMPLATE,   /* a text search template (PostgreSQL) */
    SD_KIND_TS_DICT,       /* a text search dictionary (PostgreSQL) */
    SD_KIND_TS_CONFIG,     /* a text search configuration (PostgreSQL) */
    SD_KIND_BASE_TYPE,     /* a base type or a shell type (PostgreSQL) */
    SD_KIND_ENUM,          /* an enum type (PostgreSQL) */
    SD_KIND_DOMAIN,        /* a domain (PostgreSQL) */
    SD_KIND_COMPOSITE,     /* a composite type (PostgreSQL) */
    SD_KIND_RANGE,         /* a range type (PostgreSQL) */
    SD_KIND_SEQUENCE,      /* a sequence (PostgreSQL) */
    SD_KIND_FUNCTION,      /* a function or procedure, identified with its arguments */
    SD_KIND_AGGREGATE,     /* an aggregate (PostgreSQL), identified like a function */
    SD_KIND_EVENT_TRIGGER, /* an event trigger (PostgreSQL; database-wide) */
    SD_KIND_CAST,          /* a cast (PostgreSQL; database-wide), named "(source AS target)" */
    SD_KIND_LANGUAGE,      /* a procedural language (PostgreSQL; database-wide) */
    SD_KIND_TRANSFORM,     /* a transform (PostgreSQL; database-wide), "FOR type LANGUAGE l" */
    SD_KIND_ACCESS_METHOD, /* an access method (PostgreSQL; database-wide) */
    SD_KIND_OPERATOR,      /* an operator (PostgreSQL), identified with its argument types */
    SD_KIND_OPFAMILY,      /* an operator family (PostgreSQL), identified with its access method */
    SD_KIND_OPCLASS,       /* an operator class (PostgreSQL), identified with its access method */
    SD_KIND_CONVERSION,    /* an encoding conversion (PostgreSQL) */
    SD_KIND_FDW,           /* a foreign-data wrapper (PostgreSQL; database-wide) */
    SD_KIND_SERVER,        /* a foreign server (PostgreSQL; database-wide) */
    SD_KIND_USER_MAPPING,  /* a user mapping (PostgreSQL; database-wide), named "user@server" */
    SD_KIND_DEFAULT_ACL,   /* default privileges in every schema (PostgreSQL; database-wide) */
    SD_KIND_SUBSCRIPTION,  /* a subscription (PostgreSQL; database-wide), its connection unread */
    SD_KIND_TABLE,         /* a base table (PostgreSQL: also partitioned tables, partitions) */
    SD_KIND_COLUMN,        /* a table column (owned by its table) */
    SD_KIND_PRIMARY_KEY,   /* the primary key (owned by its table; at most one) */
    SD_KIND_UNIQUE,        /* a UNIQUE constraint (owned by its table) */
    SD_KIND_CHECK,         /* a CHECK constraint (owned by its table) */
    SD_KIND_EXCLUSION,     /* an EXCLUDE constraint (PostgreSQL; owned by its table) */
    SD_KIND_FOREIGN_KEY,   /* a FOREIGN KEY constraint (owned by its table) */
    SD_KIND_POLICY,        /* a row level security policy (PostgreSQL; owned by its table) */
    SD_KIND_VIEW,          /* a view */
    SD_KIND_MATVIEW,       /* a materialized view (PostgreSQL) */
    SD_KIND_INDEX,         /* an index not backing a constraint (on a table or matview) */
    SD_KIND_TRIGGER,       /* a trigger on a table or view */
    SD_KIND_RULE,        /* a rewrite rule on a table or view (PostgreSQL; not a view's _RETURN) */
    SD_KIND_STATISTICS,  /* an extended statistics object (PostgreSQL CREATE STATISTICS) */
    SD_KIND_PUBLICATION, /* a publication (PostgreSQL; database-wide): after the tables it names */
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

/* True when n holds name (exactly, case-sensitive); *at (may be NULL) its first index. */
bool sd_names_find(const sd_names *n, const char *name, size_t *at);

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

/* What a field is for, where generic code needs to know: the introspector fills these and
 * the emitters write them the same way for every kind (ALTER ... OWNER TO, GRANT, COMMENT ON).
 * A kind has at most one field of each role (sd_kind_role_field()). */
typedef enum sd_field_role {
    SD_ROLE_NONE = 0, /* an ordinary field */
    SD_ROLE_OWNER,    /* the owning role's name */
    SD_ROLE_ACL,      /* the privileges (aclitem texts) */
    SD_ROLE_COMMENT,  /* the comment */
    SD_ROLE__COUNT
} sd_field_role;

typedef struct sd_field_info {
    const char *name;           /* snapshot key and the name reports use */
    sd_field_type type;         /* value type */
    unsigned flags;             /* SD_FF_* */
    const char *const *allowed; /* STRING: NULL-terminated list of allowed values, or NULL */
    unsigned engines;           /* SD_E_* mask; 0 = every engine */
    sd_field_role role;         /* SD_ROLE_NONE unless owner, acl or comment */
} sd_field_info;

/* Where objects of a kind live. A database-wide object (pg_dump's objects that belong to
 * the database, not a schema: casts, event triggers, ...) has no schema (NULL), is written
 * under the snapshot's top-level `database:` section and is read only when no --schema
 * filter is given (as pg_dump -n leaves them out). */
typedef enum sd_kind_scope {
    SD_SCOPE_SCHEMA = 0, /* in a schema (or owned by an object that is) */
    SD_SCOPE_DATABASE    /* database-wide: schema NULL */
} sd_kind_scope;

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
    sd_kind_scope scope;         /* in a schema, or database-wide */
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
 *    whole statement); rule definition: pg_get_ruledef() (the whole CREATE RULE statement,
 *    its trailing ';' kept); statistics definition: pg_get_statisticsobjdef() (the whole
 *    CREATE STATISTICS statement); statistics target: pg_statistic_ext.stxstattarget (ALTER
 *    STATISTICS ... SET STATISTICS; -1, the default, uses the columns' targets); function
 *    definition: pg_get_functiondef() (the whole statement);
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
 *    database-wide default privileges: the row's aclitems, sorted (empty: none at all);
 *  - function object name: "proname(input argument types)" (oidvectortypes(proargtypes):
 *    PostgreSQL's own identity), so overloads are distinct objects and a parameter rename
 *    is a change; function arguments: pg_get_function_identity_arguments() (names, modes);
 *  - aggregate object name: "proname(input argument types)", as for functions; arguments:
 *    pg_get_function_arguments() ("text", "float8 ORDER BY float8"; empty for (*));
 *    definition: the options of CREATE AGGREGATE name (args) (...) ("SFUNC = public.f, STYPE
 *    = text, INITCOND = ''"), functions as regproc renders them;
 *  - collation provider: "libc" or "icu" (CREATE COLLATION's provider); locale, lc_collate,
 *    lc_ctype: as pg_dump writes them: locale alone (an ICU collation's locale, or a libc
 *    one's when LC_COLLATE and LC_CTYPE are equal), else lc_collate and lc_ctype; the
 *    values plain, unquoted; deterministic: pg_collation.collisdeterministic;
 *  - text search objects, as pg_dump's dumpTSParser / dumpTSTemplate / dumpTSDictionary /
 *    dumpTSConfig write them: parser start, gettoken, end, headline (NULL when unset),
 *    lextypes and template init (NULL when unset), lexize: the functions as regproc renders
 *    them (qualified outside pg_catalog); dictionary template and configuration parser: the
 *    object as quoted qualified SQL (pg_catalog."default"); dictionary options:
 *    pg_ts_dict.dictinitoption as stored ("language = 'english', stopwords = 'english'"),
 *    NULL when none; configuration mappings: per token type in the parser's token order,
 *    "token:dict, dict" with the token as quote_ident() renders its alias and the
 *    dictionaries as regdictionary renders them, in mapping order;
 *  - operator object name: "oprname(left type, right type)" (format_type(), NONE for a
 *    prefix operator's missing left one: pg_operator's own identity); definition: the
 *    options of CREATE OPERATOR name (...) ("FUNCTION = public.f, LEFTARG = text, RIGHTARG =
 *    text, COMMUTATOR = OPERATOR(public.=)"), functions as regproc renders them;
 *  - operator family and class object name: "name using am" (pg_am.amname: the same name
 *    may exist for several access methods); members: one item per operator and support
 *    function, as CREATE OPERATOR CLASS ... AS and ALTER OPERATOR FAMILY ... ADD take them
 *    ("OPERATOR 1 public.<(integer,integer) [FOR ORDER BY s.f]", "FUNCTION 1 (integer,
 *    integer) public.cmp(integer,integer)": regoperator and regprocedure text, operand types
 *    format_type()), sorted: operators first, by number then operand types; a family's are
 *    its loose members only (those no class of it holds, pg_depend on the family);
 *    class type and storage: format_type() (storage NULL when the index stores the type
 *    itself: opckeytype 0);
 *    family_schema and family: the family the class is in, plain;
 *  - conversion source and target: encoding names (pg_encoding_to_char()); function: the
 *    conversion function as regproc renders it (qualified outside pg_catalog);
 *  - fk match: "SIMPLE", "FULL" or "PARTIAL"; on_delete/on_update: the registry's words;
 *    on_delete_columns: the columns of ON DELETE SET NULL / SET DEFAULT (cols) (PostgreSQL
 *    15), empty when the action sets every column of the key;
 *  - view options: reloptions "key=value", sorted (security_barrier=true, check_option=local);
 *    table, matview and index options (storage parameters) likewise ("fillfactor=70",
 *    "autovacuum_enabled=false"); a table's TOAST options with the prefix "toast."
 *    ("toast.autovacuum_enabled=false");
 *  - trigger enabled: when it fires, as ALTER TABLE ... DISABLE / ENABLE REPLICA / ENABLE
 *    ALWAYS TRIGGER set it: "disabled", "replica" or "always"; NULL = enabled (the default,
 *    fires in origin and local sessions; pg_trigger.tgenabled 'O'); rule enabled likewise,
 *    from pg_rewrite.ev_enabled (ALTER TABLE ... DISABLE / ENABLE REPLICA / ALWAYS RULE);
 *  - table replica_identity: REPLICA IDENTITY "full", "nothing" or "index" (the index, unique
 *    constraint or primary key whose replica_identity is true); NULL = DEFAULT;
 *  - primary key and unique include: the INCLUDE (...) columns of the index behind it;
 *    clustered and replica_identity: that index is the table's CLUSTER ON / REPLICA IDENTITY
 *    USING INDEX index, as index clustered / replica_identity are for a plain index;
 *  - index clustered: the table is marked CLUSTER ON this index (pg_index.indisclustered);
 *  - index statistics: the statistics targets set on its expression columns (ALTER INDEX
 *    ... ALTER COLUMN n SET STATISTICS t), as "n=t" by column number;
 *  - primary key, unique and exclusion index_comment: the comment on the index that backs
 *    the constraint (COMMENT ON INDEX, apart from the constraint's own comment); primary key
 *    and unique index_options: that index's storage parameters, as index options (an
 *    exclusion's are part of its definition);
 *  - column storage: SET STORAGE's word ("plain", "external", "extended", "main") when it
 *    is not the type's own (pg_type.typstorage), else NULL; compression: SET COMPRESSION's
 *    method ("pglz", "lz4"), NULL for the server's default; options: the column's
 *    attribute options ("n_distinct=100"), sorted, as SET (...) takes them;
 *  - column identity_sequence: the name of an identity column's sequence (in the table's
 *    schema; pg_dump's SEQUENCE NAME), NULL for other columns; identity_acl: that sequence's
 *    privileges as sequence acl fields are ([] when they are its owner's defaults);
 *  - column statistics: the target of SET STATISTICS; 0 = the default (attstattarget -1),
 *    and an explicit SET STATISTICS 0 is stored as -1;
 *  - domain check_comments: per named CHECK, "constraint:comment" (COMMENT ON CONSTRAINT
 *    ... ON DOMAIN), the constraint as quote_ident() renders it; sorted (byte order);
 *  - matview no_data: not populated (created WITH NO DATA or refreshed so; selecting from it
 *    fails until REFRESH MATERIALIZED VIEW), pg_class.relispopulated false;
 *  - view and matview column_acls / column_comments: per column, "column:value" with the
 *    column as quote_ident() renders it (quoted when it needs quoting) and value an aclitem
 *    text ("alice=r/postgres", one entry each) or the comment; sorted (byte order);
 *  - event trigger event: "ddl_command_start", "ddl_command_end", "table_rewrite", "sql_drop"
 *    (or "login"); tags: the WHEN TAG IN list as stored (pg_event_trigger.evttags, in order),
 *    empty for none; function_schema, function_name: the function EXECUTE FUNCTION calls
 *    (plain names; it takes no arguments); enabled as for triggers (ALTER EVENT TRIGGER ...
 *    DISABLE / ENABLE REPLICA / ENABLE ALWAYS), NULL = enabled (evtenabled 'O');
 *  - cast object name: "(source AS target)", both format_type(); source, target: the same
 *    two types, as fields for the emitter (which refuses a name that does not match them);
 *    method: "function" (WITH FUNCTION), "inout" (WITH INOUT) or "binary" (WITHOUT
 *    FUNCTION); function: the function as castfunc::regprocedure renders it
 *    ("public.f(integer)"), NULL unless method is "function"; context: "assignment" or
 *    "implicit", NULL = explicit;
 *  - language trusted: CREATE TRUSTED LANGUAGE; handler, inline, validator: the functions
 *    as regproc renders them ("public.h", unqualified for pg_catalog's), NULL when unset
 *    (inline, validator);
 *  - transform object name: "FOR type LANGUAGE language", the type as format_type() and the
 *    language's name as stored; type, language: the same two, as fields for the emitter
 *    (which refuses a name that does not match them); from_sql, to_sql: the functions as
 *    regprocedure renders them ("public.f(internal)"), NULL when unset;
 *  - access method type: "index" or "table"; handler: the function as regproc renders it
 *    ("bthandler", "public.h");
 *  - foreign-data wrapper handler, validator: the function as regproc renders it (qualified
 *    outside pg_catalog), NULL for NO HANDLER / NO VALIDATOR; wrapper and server options:
 *    the stored "name=value" items in their stored order (the order pg_dump writes them);
 *    server fdw: the wrapper's name (plain); type, version: as given, NULL when none;
 *  - user mapping object name: "user@server" (user "public" for PUBLIC); user, server: the
 *    two names (plain), as fields for the emitter (which refuses a name that does not match
 *    them); its options are not read at all;
 *  - view columns: per column in order, "column type [COLLATE collation]", the column as
 *    quote_ident() renders it, the type as format_type(), the collation (qualified, quoted)
 *    only when it differs from the type's; informational (it follows from the query), kept
 *    so that a view in a dependency loop can be created first as a stub with these columns.
 */
/*
 * Field lists: one line per field, F(KIND, FIELD, designated initializers of sd_field_info),
 * in snapshot order. Each list makes both the kind's field-index enum here (SD_<KIND>_<FIELD>,
 * which indexes sd_object.v and the field table, and SD_<KIND>__NFIELDS) and its field table
 * in kinds.c, so adding a field is one line in its list (plus whoever fills it in and
 * renders it). The allowed-value lists (.allowed) are defined in kinds.c, the only place the
 * initializers are expanded. Values that name other objects in SQL form (inherits,
 * partition_of, owned_by) are already quoted with util/sql.h by the introspector.
 */
#define SD__FIELD_ENUM(kind, field, ...) SD_##kind##_##field,
/* The owner, privileges and comment of a PostgreSQL object, with their roles. */
#define SD_F_OWNER \
    .name = "owner", .type = SD_FIELD_STRING, .engines = SD_E_PG, .role = SD_ROLE_OWNER
#define SD_F_ACL .name = "acl", .type = SD_FIELD_NAMES, .engines = SD_E_PG, .role = SD_ROLE_ACL
#define SD_F_COMMENT \
    .name = "comment", .type = SD_FIELD_STRING, .engines = SD_E_PG, .role = SD_ROLE_COMMENT

#define SD_SCHEMA_FIELDS(F)                                                                   \
    F(SCHEMA, OWNER, SD_F_OWNER)                                                              \
    F(SCHEMA, ACL, SD_F_ACL)                                                                  \
    F(SCHEMA, DEFAULT_ACL, .name = "default_acl", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(SCHEMA, COMMENT, SD_F_COMMENT)
enum {
    SD_SCHEMA_FIELDS(SD__FIELD_ENUM) SD_SCHEMA__NFIELDS
};

#define SD_EXTENSION_FIELDS(F)                                                            \
    F(EXTENSION, VERSION, .name = "version", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(EXTENSION, COMMENT, SD_F_COMMENT)
enum {
    SD_EXTENSION_FIELDS(SD__FIELD_ENUM) SD_EXTENSION__NFIELDS
};

/* Collations have no privileges. */
#define SD_COLLATION_FIELDS(F)                                                                  \
    F(COLLATION, PROVIDER, .name = "provider", .type = SD_FIELD_STRING,                         \
      .allowed = COLLATION_PROVIDERS, .engines = SD_E_PG)                                       \
    F(COLLATION, LOCALE, .name = "locale", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(COLLATION, LC_COLLATE, .name = "lc_collate", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(COLLATION, LC_CTYPE, .name = "lc_ctype", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(COLLATION, DETERMINISTIC, .name = "deterministic", .type = SD_FIELD_BOOL,                 \
      .engines = SD_E_PG)                                                                       \
    F(COLLATION, OWNER, SD_F_OWNER)                                                             \
    F(COLLATION, COMMENT, SD_F_COMMENT)
enum {
    SD_COLLATION_FIELDS(SD__FIELD_ENUM) SD_COLLATION__NFIELDS
};

/* Text search parsers and templates have no owner and no privileges. */
#define SD_TS_PARSER_FIELDS(F)                                                              \
    F(TS_PARSER, START, .name = "start", .type = SD_FIELD_STRING, .engines = SD_E_PG)       \
    F(TS_PARSER, GETTOKEN, .name = "gettoken", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TS_PARSER, END, .name = "end", .type = SD_FIELD_STRING, .engines = SD_E_PG)           \
    F(TS_PARSER, HEADLINE, .name = "headline", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TS_PARSER, LEXTYPES, .name = "lextypes", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TS_PARSER, COMMENT, SD_F_COMMENT)
enum {
    SD_TS_PARSER_FIELDS(SD__FIELD_ENUM) SD_TS_PARSER__NFIELDS
};

#define SD_TS_TEMPLATE_FIELDS(F)                                                          \
    F(TS_TEMPLATE, INIT, .name = "init", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(TS_TEMPLATE, LEXIZE, .name = "lexize", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TS_TEMPLATE, COMMENT, SD_F_COMMENT)
enum {
    SD_TS_TEMPLATE_FIELDS(SD__FIELD_ENUM) SD_TS_TEMPLATE__NFIELDS
};

/* Text search dictionaries and configurations have owners, no privileges. */
#define SD_TS_DICT_FIELDS(F)                                                              \
    F(TS_DICT, TEMPLATE, .name = "template", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TS_DICT, OPTIONS, .name = "options", .type = SD_FIELD_STRING, .engines = SD_E_PG)   \
    F(TS_DICT, OWNER, SD_F_OWNER)                                                         \
    F(TS_DICT, COMMENT, SD_F_COMMENT)
enum {
    SD_TS_DICT_FIELDS(SD__FIELD_ENUM) SD_TS_DICT__NFIELDS
};

#define SD_TS_CONFIG_FIELDS(F)                                                             \
    F(TS_CONFIG, PARSER, .name = "parser", .type = SD_FIELD_STRING, .engines = SD_E_PG)    \
    F(TS_CONFIG, MAPPINGS, .name = "mappings", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(TS_CONFIG, OWNER, SD_F_OWNER)                                                        \
    F(TS_CONFIG, COMMENT, SD_F_COMMENT)
enum {
    SD_TS_CONFIG_FIELDS(SD__FIELD_ENUM) SD_TS_CONFIG__NFIELDS
};

/* Base types (CREATE TYPE t (INPUT = ..., ...)) and shell types (CREATE TYPE t;), as pg_dump
 * writes them: a shell type has no input function (every other field empty or false, and no
 * privileges: PostgreSQL grants nothing on a shell). The support functions are [schema, name]
 * (plain; empty when unset), written as quoted qualified names; internal_length: pg_type.typlen
 * (-1: VARIABLE); alignment and storage: CREATE TYPE's words; category and delimiter: the one
 * character; default: pg_type.typdefault, a literal (NULL: none); element: format_type() of
 * typelem (NULL: none); collatable: typcollation is set. */
#define SD_BASE_TYPE_FIELDS(F)                                                                    \
    F(BASE_TYPE, INPUT, .name = "input", .type = SD_FIELD_NAMES, .engines = SD_E_PG)              \
    F(BASE_TYPE, OUTPUT, .name = "output", .type = SD_FIELD_NAMES, .engines = SD_E_PG)            \
    F(BASE_TYPE, RECEIVE, .name = "receive", .type = SD_FIELD_NAMES, .engines = SD_E_PG)          \
    F(BASE_TYPE, SEND, .name = "send", .type = SD_FIELD_NAMES, .engines = SD_E_PG)                \
    F(BASE_TYPE, TYPMOD_IN, .name = "typmod_in", .type = SD_FIELD_NAMES, .engines = SD_E_PG)      \
    F(BASE_TYPE, TYPMOD_OUT, .name = "typmod_out", .type = SD_FIELD_NAMES, .engines = SD_E_PG)    \
    F(BASE_TYPE, ANALYZE, .name = "analyze", .type = SD_FIELD_NAMES, .engines = SD_E_PG)          \
    F(BASE_TYPE, SUBSCRIPT, .name = "subscript", .type = SD_FIELD_NAMES, .engines = SD_E_PG)      \
    F(BASE_TYPE, INTERNAL_LENGTH, .name = "internal_length", .type = SD_FIELD_INT,                \
      .engines = SD_E_PG)                                                                         \
    F(BASE_TYPE, PASSED_BY_VALUE, .name = "passed_by_value", .type = SD_FIELD_BOOL,               \
      .engines = SD_E_PG)                                                                         \
    F(BASE_TYPE, ALIGNMENT, .name = "alignment", .type = SD_FIELD_STRING,                         \
      .allowed = TYPE_ALIGNMENTS, .engines = SD_E_PG)                                             \
    F(BASE_TYPE, STORAGE, .name = "storage", .type = SD_FIELD_STRING, .allowed = COLUMN_STORAGES, \
      .engines = SD_E_PG)                                                                         \
    F(BASE_TYPE, CATEGORY, .name = "category", .type = SD_FIELD_STRING, .engines = SD_E_PG)       \
    F(BASE_TYPE, PREFERRED, .name = "preferred", .type = SD_FIELD_BOOL, .engines = SD_E_PG)       \
    F(BASE_TYPE, DEFAULT, .name = "default", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(BASE_TYPE, ELEMENT, .name = "element", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(BASE_TYPE, DELIMITER, .name = "delimiter", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(BASE_TYPE, COLLATABLE, .name = "collatable", .type = SD_FIELD_BOOL, .engines = SD_E_PG)     \
    F(BASE_TYPE, OWNER, SD_F_OWNER)                                                               \
    F(BASE_TYPE, ACL, SD_F_ACL)                                                                   \
    F(BASE_TYPE, COMMENT, SD_F_COMMENT)
enum {
    SD_BASE_TYPE_FIELDS(SD__FIELD_ENUM) SD_BASE_TYPE__NFIELDS
};

#define SD_ENUM_FIELDS(F)                                                         \
    F(ENUM, VALUES, .name = "values", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(ENUM, OWNER, SD_F_OWNER)                                                    \
    F(ENUM, ACL, SD_F_ACL)                                                        \
    F(ENUM, COMMENT, SD_F_COMMENT)
enum {
    SD_ENUM_FIELDS(SD__FIELD_ENUM) SD_ENUM__NFIELDS
};

#define SD_DOMAIN_FIELDS(F)                                                                \
    F(DOMAIN, BASE_TYPE, .name = "base_type", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(DOMAIN, DEFAULT, .name = "default", .type = SD_FIELD_SQL, .engines = SD_E_PG)        \
    F(DOMAIN, NOT_NULL, .name = "not_null", .type = SD_FIELD_BOOL, .engines = SD_E_PG)     \
    F(DOMAIN, COLLATION, .name = "collation", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(DOMAIN, CHECKS, .name = "checks", .type = SD_FIELD_NAMES, .engines = SD_E_PG)        \
    F(DOMAIN, OWNER, SD_F_OWNER)                                                           \
    F(DOMAIN, ACL, SD_F_ACL)                                                               \
    F(DOMAIN, COMMENT, SD_F_COMMENT)                                                       \
    F(DOMAIN, CHECK_COMMENTS, .name = "check_comments", .type = SD_FIELD_NAMES, .engines = SD_E_PG)
enum {
    SD_DOMAIN_FIELDS(SD__FIELD_ENUM) SD_DOMAIN__NFIELDS
};

#define SD_COMPOSITE_FIELDS(F)                                                               \
    F(COMPOSITE, ATTRIBUTES, .name = "attributes", .type = SD_FIELD_SQL, .engines = SD_E_PG) \
    F(COMPOSITE, OWNER, SD_F_OWNER)                                                          \
    F(COMPOSITE, ACL, SD_F_ACL)                                                              \
    F(COMPOSITE, COMMENT, SD_F_COMMENT)
enum {
    SD_COMPOSITE_FIELDS(SD__FIELD_ENUM) SD_COMPOSITE__NFIELDS
};

#define SD_RANGE_FIELDS(F)                                                               \
    F(RANGE, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG) \
    F(RANGE, OWNER, SD_F_OWNER)                                                          \
    F(RANGE, ACL, SD_F_ACL)                                                              \
    F(RANGE, COMMENT, SD_F_COMMENT)
enum {
    SD_RANGE_FIELDS(SD__FIELD_ENUM) SD_RANGE__NFIELDS
};

#define SD_SEQUENCE_FIELDS(F)                                                              \
    F(SEQUENCE, TYPE, .name = "type", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(SEQUENCE, START, .name = "start", .type = SD_FIELD_INT, .engines = SD_E_PG)          \
    F(SEQUENCE, INCREMENT, .name = "increment", .type = SD_FIELD_INT, .engines = SD_E_PG)  \
    F(SEQUENCE, MIN, .name = "min_value", .type = SD_FIELD_INT, .engines = SD_E_PG)        \
    F(SEQUENCE, MAX, .name = "max_value", .type = SD_FIELD_INT, .engines = SD_E_PG)        \
    F(SEQUENCE, CACHE, .name = "cache", .type = SD_FIELD_INT, .engines = SD_E_PG)          \
    F(SEQUENCE, CYCLE, .name = "cycle", .type = SD_FIELD_BOOL, .engines = SD_E_PG)         \
    F(SEQUENCE, OWNED_BY, .name = "owned_by", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(SEQUENCE, OWNER, SD_F_OWNER)                                                         \
    F(SEQUENCE, ACL, SD_F_ACL)                                                             \
    F(SEQUENCE, COMMENT, SD_F_COMMENT)
enum {
    SD_SEQUENCE_FIELDS(SD__FIELD_ENUM) SD_SEQUENCE__NFIELDS
};

#define SD_FUNCTION_FIELDS(F)                                                                      \
    F(FUNCTION, KIND, .name = "function_kind", .type = SD_FIELD_STRING, .allowed = FUNCTION_KINDS, \
      .engines = SD_E_PG)                                                                          \
    F(FUNCTION, NAME, .name = "function_name", .type = SD_FIELD_STRING, .engines = SD_E_PG)        \
    F(FUNCTION, ARGUMENTS, .name = "arguments", .type = SD_FIELD_STRING, .engines = SD_E_PG)       \
    F(FUNCTION, RESULT, .name = "result", .type = SD_FIELD_STRING, .engines = SD_E_PG)             \
    F(FUNCTION, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG)        \
    F(FUNCTION, OWNER, SD_F_OWNER)                                                                 \
    F(FUNCTION, ACL, SD_F_ACL)                                                                     \
    F(FUNCTION, COMMENT, SD_F_COMMENT)
enum {
    SD_FUNCTION_FIELDS(SD__FIELD_ENUM) SD_FUNCTION__NFIELDS
};

#define SD_AGGREGATE_FIELDS(F)                                                                \
    F(AGGREGATE, NAME, .name = "aggregate_name", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(AGGREGATE, ARGUMENTS, .name = "arguments", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(AGGREGATE, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG)  \
    F(AGGREGATE, OWNER, SD_F_OWNER)                                                           \
    F(AGGREGATE, ACL, SD_F_ACL)                                                               \
    F(AGGREGATE, COMMENT, SD_F_COMMENT)
enum {
    SD_AGGREGATE_FIELDS(SD__FIELD_ENUM) SD_AGGREGATE__NFIELDS
};

#define SD_EVENT_TRIGGER_FIELDS(F)                                                        \
    F(EVENT_TRIGGER, EVENT, .name = "event", .type = SD_FIELD_STRING,                     \
      .allowed = EVENT_TRIGGER_EVENTS, .engines = SD_E_PG)                                \
    F(EVENT_TRIGGER, TAGS, .name = "tags", .type = SD_FIELD_NAMES, .engines = SD_E_PG)    \
    F(EVENT_TRIGGER, FUNCTION_SCHEMA, .name = "function_schema", .type = SD_FIELD_STRING, \
      .engines = SD_E_PG)                                                                 \
    F(EVENT_TRIGGER, FUNCTION_NAME, .name = "function_name", .type = SD_FIELD_STRING,     \
      .engines = SD_E_PG)                                                                 \
    F(EVENT_TRIGGER, ENABLED, .name = "enabled", .type = SD_FIELD_STRING,                 \
      .allowed = TRIGGER_ENABLED, .engines = SD_E_PG)                                     \
    F(EVENT_TRIGGER, OWNER, SD_F_OWNER)                                                   \
    F(EVENT_TRIGGER, COMMENT, SD_F_COMMENT)
enum {
    SD_EVENT_TRIGGER_FIELDS(SD__FIELD_ENUM) SD_EVENT_TRIGGER__NFIELDS
};

/* Casts have no owner of their own (pg_cast has none) and no privileges. */
#define SD_CAST_FIELDS(F)                                                                  \
    F(CAST, SOURCE, .name = "source", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(CAST, TARGET, .name = "target", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(CAST, METHOD, .name = "method", .type = SD_FIELD_STRING, .allowed = CAST_METHODS,    \
      .engines = SD_E_PG)                                                                  \
    F(CAST, FUNCTION, .name = "function", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(CAST, CONTEXT, .name = "context", .type = SD_FIELD_STRING, .allowed = CAST_CONTEXTS, \
      .engines = SD_E_PG)                                                                  \
    F(CAST, COMMENT, SD_F_COMMENT)
enum {
    SD_CAST_FIELDS(SD__FIELD_ENUM) SD_CAST__NFIELDS
};

#define SD_LANGUAGE_FIELDS(F)                                                                \
    F(LANGUAGE, TRUSTED, .name = "trusted", .type = SD_FIELD_BOOL, .engines = SD_E_PG)       \
    F(LANGUAGE, HANDLER, .name = "handler", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(LANGUAGE, INLINE, .name = "inline", .type = SD_FIELD_STRING, .engines = SD_E_PG)       \
    F(LANGUAGE, VALIDATOR, .name = "validator", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(LANGUAGE, OWNER, SD_F_OWNER)                                                           \
    F(LANGUAGE, ACL, SD_F_ACL)                                                               \
    F(LANGUAGE, COMMENT, SD_F_COMMENT)
enum {
    SD_LANGUAGE_FIELDS(SD__FIELD_ENUM) SD_LANGUAGE__NFIELDS
};

/* Transforms have no owner of their own (pg_transform has none) and no privileges. */
#define SD_TRANSFORM_FIELDS(F)                                                              \
    F(TRANSFORM, TYPE, .name = "type", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(TRANSFORM, LANGUAGE, .name = "language", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TRANSFORM, FROM_SQL, .name = "from_sql", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TRANSFORM, TO_SQL, .name = "to_sql", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(TRANSFORM, COMMENT, SD_F_COMMENT)
enum {
    SD_TRANSFORM_FIELDS(SD__FIELD_ENUM) SD_TRANSFORM__NFIELDS
};

/* Access methods have no owner and no privileges. */
#define SD_ACCESS_METHOD_FIELDS(F)                                                            \
    F(ACCESS_METHOD, TYPE, .name = "type", .type = SD_FIELD_STRING,                           \
      .allowed = ACCESS_METHOD_TYPES, .engines = SD_E_PG)                                     \
    F(ACCESS_METHOD, HANDLER, .name = "handler", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(ACCESS_METHOD, COMMENT, SD_F_COMMENT)
enum {
    SD_ACCESS_METHOD_FIELDS(SD__FIELD_ENUM) SD_ACCESS_METHOD__NFIELDS
};

/* Operator families, classes and conversions have no privileges. */
#define SD_OPFAMILY_FIELDS(F)                                                           \
    F(OPFAMILY, MEMBERS, .name = "members", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(OPFAMILY, OWNER, SD_F_OWNER)                                                      \
    F(OPFAMILY, COMMENT, SD_F_COMMENT)
enum {
    SD_OPFAMILY_FIELDS(SD__FIELD_ENUM) SD_OPFAMILY__NFIELDS
};

#define SD_OPCLASS_FIELDS(F)                                                            \
    F(OPCLASS, TYPE, .name = "type", .type = SD_FIELD_STRING, .engines = SD_E_PG)       \
    F(OPCLASS, DEFAULT, .name = "default", .type = SD_FIELD_BOOL, .engines = SD_E_PG)   \
    F(OPCLASS, FAMILY_SCHEMA, .name = "family_schema", .type = SD_FIELD_STRING,         \
      .engines = SD_E_PG)                                                               \
    F(OPCLASS, FAMILY, .name = "family", .type = SD_FIELD_STRING, .engines = SD_E_PG)   \
    F(OPCLASS, STORAGE, .name = "storage", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(OPCLASS, MEMBERS, .name = "members", .type = SD_FIELD_NAMES, .engines = SD_E_PG)  \
    F(OPCLASS, OWNER, SD_F_OWNER)                                                       \
    F(OPCLASS, COMMENT, SD_F_COMMENT)
enum {
    SD_OPCLASS_FIELDS(SD__FIELD_ENUM) SD_OPCLASS__NFIELDS
};

#define SD_CONVERSION_FIELDS(F)                                                              \
    F(CONVERSION, SOURCE, .name = "source", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(CONVERSION, TARGET, .name = "target", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(CONVERSION, FUNCTION, .name = "function", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(CONVERSION, DEFAULT, .name = "default", .type = SD_FIELD_BOOL, .engines = SD_E_PG)     \
    F(CONVERSION, OWNER, SD_F_OWNER)                                                         \
    F(CONVERSION, COMMENT, SD_F_COMMENT)
enum {
    SD_CONVERSION_FIELDS(SD__FIELD_ENUM) SD_CONVERSION__NFIELDS
};

/* Foreign-data wrappers and servers: owner, privileges (USAGE) and comment. */
#define SD_FDW_FIELDS(F)                                                                \
    F(FDW, HANDLER, .name = "handler", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(FDW, VALIDATOR, .name = "validator", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(FDW, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)      \
    F(FDW, OWNER, SD_F_OWNER)                                                           \
    F(FDW, ACL, SD_F_ACL)                                                               \
    F(FDW, COMMENT, SD_F_COMMENT)
enum {
    SD_FDW_FIELDS(SD__FIELD_ENUM) SD_FDW__NFIELDS
};

#define SD_SERVER_FIELDS(F)                                                            \
    F(SERVER, FDW, .name = "fdw", .type = SD_FIELD_STRING, .engines = SD_E_PG)         \
    F(SERVER, TYPE, .name = "type", .type = SD_FIELD_STRING, .engines = SD_E_PG)       \
    F(SERVER, VERSION, .name = "version", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(SERVER, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)  \
    F(SERVER, OWNER, SD_F_OWNER)                                                       \
    F(SERVER, ACL, SD_F_ACL)                                                           \
    F(SERVER, COMMENT, SD_F_COMMENT)
enum {
    SD_SERVER_FIELDS(SD__FIELD_ENUM) SD_SERVER__NFIELDS
};

/* User mappings have no owner, privileges or comment, and their options are not part of the
 * model: their values are secrets (passwords) never read, and which of them a reader sees
 * depends on who reads (pg_user_mappings), so even their names would differ by reader. */
#define SD_USER_MAPPING_FIELDS(F)                                                           \
    F(USER_MAPPING, USER, .name = "user", .type = SD_FIELD_STRING, .engines = SD_E_PG)      \
    F(USER_MAPPING, SERVER, .name = "server", .type = SD_FIELD_STRING, .engines = SD_E_PG)  \
    F(USER_MAPPING, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(USER_MAPPING, OPTIONS_HIDDEN, .name = "options_hidden", .type = SD_FIELD_BOOL,        \
      .engines = SD_E_PG)
enum {
    SD_USER_MAPPING_FIELDS(SD__FIELD_ENUM) SD_USER_MAPPING__NFIELDS
};

/* Operators have no privileges of their own (those of their function apply). */
#define SD_OPERATOR_FIELDS(F)                                                               \
    F(OPERATOR, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG) \
    F(OPERATOR, OWNER, SD_F_OWNER)                                                          \
    F(OPERATOR, COMMENT, SD_F_COMMENT)
enum {
    SD_OPERATOR_FIELDS(SD__FIELD_ENUM) SD_OPERATOR__NFIELDS
};

#define SD_TABLE_FIELDS(F)                                                                        \
    F(TABLE, STRICT, .name = "strict", .type = SD_FIELD_BOOL, .engines = SD_E_SQLITE)             \
    F(TABLE, WITHOUT_ROWID, .name = "without_rowid", .type = SD_FIELD_BOOL,                       \
      .engines = SD_E_SQLITE)                                                                     \
    F(TABLE, UNLOGGED, .name = "unlogged", .type = SD_FIELD_BOOL, .engines = SD_E_PG)             \
    F(TABLE, PARTITION_KEY, .name = "partition_key", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TABLE, PARTITION_OF, .name = "partition_of", .type = SD_FIELD_STRING, .engines = SD_E_PG)   \
    F(TABLE, PARTITION_BOUND, .name = "partition_bound", .type = SD_FIELD_STRING,                 \
      .engines = SD_E_PG)                                                                         \
    F(TABLE, INHERITS, .name = "inherits", .type = SD_FIELD_NAMES, .engines = SD_E_PG)            \
    F(TABLE, RLS_ENABLED, .name = "rls_enabled", .type = SD_FIELD_BOOL, .engines = SD_E_PG)       \
    F(TABLE, RLS_FORCED, .name = "rls_forced", .type = SD_FIELD_BOOL, .engines = SD_E_PG)         \
    F(TABLE, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)              \
    F(TABLE, OWNER, SD_F_OWNER)                                                                   \
    F(TABLE, ACL, SD_F_ACL)                                                                       \
    F(TABLE, COMMENT, SD_F_COMMENT)                                                               \
    F(TABLE, REPLICA_IDENTITY, .name = "replica_identity", .type = SD_FIELD_STRING,               \
      .allowed = REPLICA_IDENTITIES, .engines = SD_E_PG)                                          \
    F(TABLE, FOREIGN_SERVER, .name = "foreign_server", .type = SD_FIELD_STRING,                   \
      .engines = SD_E_PG)                                                                         \
    F(TABLE, FOREIGN_OPTIONS, .name = "foreign_options", .type = SD_FIELD_NAMES,                  \
      .engines = SD_E_PG)                                                                         \
    F(TABLE, ACCESS_METHOD, .name = "access_method", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(TABLE, OF_TYPE, .name = "of_type", .type = SD_FIELD_STRING, .engines = SD_E_PG)
/* A table with a foreign_server is a foreign table (CREATE FOREIGN TABLE ... SERVER); its
 * foreign_options (name=value) and its columns' are sorted by name, as pg_dump shows them.
 * access_method: a table access method other than heap (CREATE TABLE ... USING), else NULL.
 * of_type: a typed table's composite type (CREATE TABLE ... OF type), its columns the type's. */
enum {
    SD_TABLE_FIELDS(SD__FIELD_ENUM) SD_TABLE__NFIELDS
};

#define SD_COLUMN_FIELDS(F)                                                                     \
    F(COLUMN, POSITION, .name = "position", .type = SD_FIELD_INT, .flags = SD_FF_ORDER)         \
    F(COLUMN, TYPE, .name = "type", .type = SD_FIELD_STRING)                                    \
    F(COLUMN, NOT_NULL, .name = "not_null", .type = SD_FIELD_BOOL)                              \
    F(COLUMN, DEFAULT, .name = "default", .type = SD_FIELD_SQL)                                 \
    F(COLUMN, GENERATED, .name = "generated", .type = SD_FIELD_SQL)                             \
    F(COLUMN, GENERATED_KIND, .name = "generated_kind", .type = SD_FIELD_STRING,                \
      .allowed = GENERATED_KINDS)                                                               \
    F(COLUMN, COLLATION, .name = "collation", .type = SD_FIELD_STRING)                          \
    F(COLUMN, IDENTITY, .name = "identity", .type = SD_FIELD_STRING, .allowed = IDENTITY_KINDS, \
      .engines = SD_E_PG)                                                                       \
    F(COLUMN, IDENTITY_OPTIONS, .name = "identity_options", .type = SD_FIELD_STRING,            \
      .engines = SD_E_PG)                                                                       \
    F(COLUMN, ACL, SD_F_ACL)                                                                    \
    F(COLUMN, COMMENT, SD_F_COMMENT)                                                            \
    F(COLUMN, INHERITED, .name = "inherited", .type = SD_FIELD_BOOL, .flags = SD_FF_INFO,       \
      .engines = SD_E_PG)                                                                       \
    F(COLUMN, STATISTICS, .name = "statistics", .type = SD_FIELD_INT, .engines = SD_E_PG)       \
    F(COLUMN, STORAGE, .name = "storage", .type = SD_FIELD_STRING, .allowed = COLUMN_STORAGES,  \
      .engines = SD_E_PG)                                                                       \
    F(COLUMN, COMPRESSION, .name = "compression", .type = SD_FIELD_STRING,                      \
      .allowed = COLUMN_COMPRESSIONS, .engines = SD_E_PG)                                       \
    F(COLUMN, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)           \
    F(COLUMN, IDENTITY_SEQUENCE, .name = "identity_sequence", .type = SD_FIELD_STRING,          \
      .engines = SD_E_PG)                                                                       \
    F(COLUMN, IDENTITY_ACL, .name = "identity_acl", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(COLUMN, FOREIGN_OPTIONS, .name = "foreign_options", .type = SD_FIELD_NAMES,               \
      .engines = SD_E_PG)
enum {
    SD_COLUMN_FIELDS(SD__FIELD_ENUM) SD_COLUMN__NFIELDS
};

#define SD_PK_FIELDS(F)                                                                          \
    F(PK, COLUMNS, .name = "columns", .type = SD_FIELD_NAMES)                                    \
    F(PK, AUTOINCREMENT, .name = "autoincrement", .type = SD_FIELD_BOOL, .engines = SD_E_SQLITE) \
    F(PK, DEFERRABLE, .name = "deferrable", .type = SD_FIELD_BOOL, .engines = SD_E_PG)           \
    F(PK, INITIALLY_DEFERRED, .name = "initially_deferred", .type = SD_FIELD_BOOL,               \
      .engines = SD_E_PG)                                                                        \
    F(PK, COMMENT, SD_F_COMMENT)                                                                 \
    F(PK, INDEX_OPTIONS, .name = "index_options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)    \
    F(PK, INDEX_COMMENT, .name = "index_comment", .type = SD_FIELD_STRING, .engines = SD_E_PG)   \
    F(PK, INCLUDE, .name = "include", .type = SD_FIELD_NAMES, .engines = SD_E_PG)                \
    F(PK, CLUSTERED, .name = "clustered", .type = SD_FIELD_BOOL, .engines = SD_E_PG)             \
    F(PK, REPLICA_IDENTITY, .name = "replica_identity", .type = SD_FIELD_BOOL, .engines = SD_E_PG)
enum {
    SD_PK_FIELDS(SD__FIELD_ENUM) SD_PK__NFIELDS
};

#define SD_UNIQUE_FIELDS(F)                                                                        \
    F(UNIQUE, COLUMNS, .name = "columns", .type = SD_FIELD_NAMES)                                  \
    F(UNIQUE, NULLS_NOT_DISTINCT, .name = "nulls_not_distinct", .type = SD_FIELD_BOOL,             \
      .engines = SD_E_PG)                                                                          \
    F(UNIQUE, DEFERRABLE, .name = "deferrable", .type = SD_FIELD_BOOL, .engines = SD_E_PG)         \
    F(UNIQUE, INITIALLY_DEFERRED, .name = "initially_deferred", .type = SD_FIELD_BOOL,             \
      .engines = SD_E_PG)                                                                          \
    F(UNIQUE, COMMENT, SD_F_COMMENT)                                                               \
    F(UNIQUE, INDEX_OPTIONS, .name = "index_options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)  \
    F(UNIQUE, INDEX_COMMENT, .name = "index_comment", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(UNIQUE, INCLUDE, .name = "include", .type = SD_FIELD_NAMES, .engines = SD_E_PG)              \
    F(UNIQUE, CLUSTERED, .name = "clustered", .type = SD_FIELD_BOOL, .engines = SD_E_PG)           \
    F(UNIQUE, REPLICA_IDENTITY, .name = "replica_identity", .type = SD_FIELD_BOOL,                 \
      .engines = SD_E_PG)
enum {
    SD_UNIQUE_FIELDS(SD__FIELD_ENUM) SD_UNIQUE__NFIELDS
};

#define SD_CHECK_FIELDS(F)                                                                \
    F(CHECK, EXPRESSION, .name = "expression", .type = SD_FIELD_SQL)                      \
    F(CHECK, NO_INHERIT, .name = "no_inherit", .type = SD_FIELD_BOOL, .engines = SD_E_PG) \
    F(CHECK, NOT_VALID, .name = "not_valid", .type = SD_FIELD_BOOL, .engines = SD_E_PG)   \
    F(CHECK, COMMENT, SD_F_COMMENT)
enum {
    SD_CHECK_FIELDS(SD__FIELD_ENUM) SD_CHECK__NFIELDS
};

#define SD_EXCLUSION_FIELDS(F)                                                               \
    F(EXCLUSION, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG) \
    F(EXCLUSION, COMMENT, SD_F_COMMENT)                                                      \
    F(EXCLUSION, INDEX_COMMENT, .name = "index_comment", .type = SD_FIELD_STRING,            \
      .engines = SD_E_PG)
enum {
    SD_EXCLUSION_FIELDS(SD__FIELD_ENUM) SD_EXCLUSION__NFIELDS
};

#define SD_FK_FIELDS(F)                                                                   \
    F(FK, COLUMNS, .name = "columns", .type = SD_FIELD_NAMES)                             \
    F(FK, REF_TABLE, .name = "ref_table", .type = SD_FIELD_STRING)                        \
    F(FK, REF_COLUMNS, .name = "ref_columns", .type = SD_FIELD_NAMES)                     \
    F(FK, ON_DELETE, .name = "on_delete", .type = SD_FIELD_STRING, .allowed = FK_ACTIONS) \
    F(FK, ON_UPDATE, .name = "on_update", .type = SD_FIELD_STRING, .allowed = FK_ACTIONS) \
    F(FK, MATCH, .name = "match", .type = SD_FIELD_STRING, .allowed = FK_MATCH)           \
    F(FK, DEFERRABLE, .name = "deferrable", .type = SD_FIELD_BOOL)                        \
    F(FK, INITIALLY_DEFERRED, .name = "initially_deferred", .type = SD_FIELD_BOOL)        \
    F(FK, REF_SCHEMA, .name = "ref_schema", .type = SD_FIELD_STRING, .engines = SD_E_PG)  \
    F(FK, NOT_VALID, .name = "not_valid", .type = SD_FIELD_BOOL, .engines = SD_E_PG)      \
    F(FK, ON_DELETE_COLUMNS, .name = "on_delete_columns", .type = SD_FIELD_NAMES,         \
      .engines = SD_E_PG)                                                                 \
    F(FK, COMMENT, SD_F_COMMENT)
enum {
    SD_FK_FIELDS(SD__FIELD_ENUM) SD_FK__NFIELDS
};

#define SD_POLICY_FIELDS(F)                                                                    \
    F(POLICY, COMMAND, .name = "command", .type = SD_FIELD_STRING, .allowed = POLICY_COMMANDS, \
      .engines = SD_E_PG)                                                                      \
    F(POLICY, PERMISSIVE, .name = "permissive", .type = SD_FIELD_BOOL, .engines = SD_E_PG)     \
    F(POLICY, ROLES, .name = "roles", .type = SD_FIELD_NAMES, .engines = SD_E_PG)              \
    F(POLICY, USING, .name = "using", .type = SD_FIELD_SQL, .engines = SD_E_PG)                \
    F(POLICY, WITH_CHECK, .name = "with_check", .type = SD_FIELD_SQL, .engines = SD_E_PG)      \
    F(POLICY, COMMENT, SD_F_COMMENT)
enum {
    SD_POLICY_FIELDS(SD__FIELD_ENUM) SD_POLICY__NFIELDS
};

#define SD_VIEW_FIELDS(F)                                                                   \
    F(VIEW, SQL, .name = "sql", .type = SD_FIELD_SQL)                                       \
    F(VIEW, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)         \
    F(VIEW, OWNER, SD_F_OWNER)                                                              \
    F(VIEW, ACL, SD_F_ACL)                                                                  \
    F(VIEW, COMMENT, SD_F_COMMENT)                                                          \
    F(VIEW, COLUMN_ACLS, .name = "column_acls", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(VIEW, COLUMN_COMMENTS, .name = "column_comments", .type = SD_FIELD_NAMES,             \
      .engines = SD_E_PG)                                                                   \
    F(VIEW, COLUMNS, .name = "columns", .type = SD_FIELD_NAMES, .flags = SD_FF_INFO,        \
      .engines = SD_E_PG)
enum {
    SD_VIEW_FIELDS(SD__FIELD_ENUM) SD_VIEW__NFIELDS
};

#define SD_MATVIEW_FIELDS(F)                                                                   \
    F(MATVIEW, SQL, .name = "sql", .type = SD_FIELD_SQL, .engines = SD_E_PG)                   \
    F(MATVIEW, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)         \
    F(MATVIEW, OWNER, SD_F_OWNER)                                                              \
    F(MATVIEW, ACL, SD_F_ACL)                                                                  \
    F(MATVIEW, COMMENT, SD_F_COMMENT)                                                          \
    F(MATVIEW, COLUMN_ACLS, .name = "column_acls", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(MATVIEW, COLUMN_COMMENTS, .name = "column_comments", .type = SD_FIELD_NAMES,             \
      .engines = SD_E_PG)                                                                      \
    F(MATVIEW, NO_DATA, .name = "no_data", .type = SD_FIELD_BOOL, .engines = SD_E_PG)          \
    F(MATVIEW, ACCESS_METHOD, .name = "access_method", .type = SD_FIELD_STRING, .engines = SD_E_PG)
enum {
    SD_MATVIEW_FIELDS(SD__FIELD_ENUM) SD_MATVIEW__NFIELDS
};

#define SD_INDEX_FIELDS(F)                                                                 \
    F(INDEX, UNIQUE, .name = "unique", .type = SD_FIELD_BOOL)                              \
    F(INDEX, KEYS, .name = "keys", .type = SD_FIELD_KEYS)                                  \
    F(INDEX, WHERE, .name = "where", .type = SD_FIELD_SQL)                                 \
    F(INDEX, METHOD, .name = "method", .type = SD_FIELD_STRING, .engines = SD_E_PG)        \
    F(INDEX, INCLUDE, .name = "include", .type = SD_FIELD_NAMES, .engines = SD_E_PG)       \
    F(INDEX, NULLS_NOT_DISTINCT, .name = "nulls_not_distinct", .type = SD_FIELD_BOOL,      \
      .engines = SD_E_PG)                                                                  \
    F(INDEX, OPTIONS, .name = "options", .type = SD_FIELD_NAMES, .engines = SD_E_PG)       \
    F(INDEX, CLUSTERED, .name = "clustered", .type = SD_FIELD_BOOL, .engines = SD_E_PG)    \
    F(INDEX, STATISTICS, .name = "statistics", .type = SD_FIELD_NAMES, .engines = SD_E_PG) \
    F(INDEX, COMMENT, SD_F_COMMENT)                                                        \
    F(INDEX, REPLICA_IDENTITY, .name = "replica_identity", .type = SD_FIELD_BOOL,          \
      .engines = SD_E_PG)
enum {
    SD_INDEX_FIELDS(SD__FIELD_ENUM) SD_INDEX__NFIELDS
};

#define SD_TRIGGER_FIELDS(F)                                                                    \
    F(TRIGGER, SQL, .name = "sql", .type = SD_FIELD_SQL)                                        \
    F(TRIGGER, COMMENT, SD_F_COMMENT)                                                           \
    F(TRIGGER, ENABLED, .name = "enabled", .type = SD_FIELD_STRING, .allowed = TRIGGER_ENABLED, \
      .engines = SD_E_PG)
enum {
    SD_TRIGGER_FIELDS(SD__FIELD_ENUM) SD_TRIGGER__NFIELDS
};

#define SD_RULE_FIELDS(F)                                                                    \
    F(RULE, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG)      \
    F(RULE, ENABLED, .name = "enabled", .type = SD_FIELD_STRING, .allowed = TRIGGER_ENABLED, \
      .engines = SD_E_PG)                                                                    \
    F(RULE, COMMENT, SD_F_COMMENT)
enum {
    SD_RULE_FIELDS(SD__FIELD_ENUM) SD_RULE__NFIELDS
};

/* Statistics objects have no privileges; target: -1 is the default (the column targets). */
#define SD_STATISTICS_FIELDS(F)                                                               \
    F(STATISTICS, DEFINITION, .name = "definition", .type = SD_FIELD_SQL, .engines = SD_E_PG) \
    F(STATISTICS, TARGET, .name = "target", .type = SD_FIELD_INT, .engines = SD_E_PG)         \
    F(STATISTICS, OWNER, SD_F_OWNER)                                                          \
    F(STATISTICS, COMMENT, SD_F_COMMENT)
enum {
    SD_STATISTICS_FIELDS(SD__FIELD_ENUM) SD_STATISTICS__NFIELDS
};

/* ALTER DEFAULT PRIVILEGES FOR ROLE role without IN SCHEMA: one pg_default_acl row
 * (defaclnamespace 0), named "role on tables" (sequences, functions, types, schemas). Its
 * privileges are the row's whole ACL, sorted aclitems; no row means PostgreSQL's built-in
 * defaults (acldefault()), so the object exists only while they differ from them. */
#define SD_DEFAULT_ACL_FIELDS(F)                                                      \
    F(DEFAULT_ACL, ROLE, .name = "role", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(DEFAULT_ACL, OBJECT_TYPE, .name = "object_type", .type = SD_FIELD_STRING,       \
      .allowed = DEFAULT_ACL_TYPES, .engines = SD_E_PG)                               \
    F(DEFAULT_ACL, PRIVILEGES, .name = "privileges", .type = SD_FIELD_NAMES, .engines = SD_E_PG)
enum {
    SD_DEFAULT_ACL_FIELDS(SD__FIELD_ENUM) SD_DEFAULT_ACL__NFIELDS
};

/* Publications (PostgreSQL 15). publish: the operations as pg_dump writes them ("insert,
 * update, delete, truncate", in that order, those published); tables: one entry per table,
 * "schema.table [(col, ...)] [WHERE (expr)]", names as quote_ident() renders them, the
 * expression as pg_get_expr(), sorted; schemas: TABLES IN SCHEMA, plain names, sorted. */
#define SD_PUBLICATION_FIELDS(F)                                                                \
    F(PUBLICATION, ALL_TABLES, .name = "all_tables", .type = SD_FIELD_BOOL, .engines = SD_E_PG) \
    F(PUBLICATION, PUBLISH, .name = "publish", .type = SD_FIELD_STRING, .engines = SD_E_PG)     \
    F(PUBLICATION, VIA_ROOT, .name = "via_root", .type = SD_FIELD_BOOL, .engines = SD_E_PG)     \
    F(PUBLICATION, TABLES, .name = "tables", .type = SD_FIELD_NAMES, .engines = SD_E_PG)        \
    F(PUBLICATION, SCHEMAS, .name = "schemas", .type = SD_FIELD_NAMES, .engines = SD_E_PG)      \
    F(PUBLICATION, OWNER, SD_F_OWNER)                                                           \
    F(PUBLICATION, COMMENT, SD_F_COMMENT)
enum {
    SD_PUBLICATION_FIELDS(SD__FIELD_ENUM) SD_PUBLICATION__NFIELDS
};

/* Subscriptions, as pg_dump writes them: publications in their stored order, slot_name (NULL:
 * NONE), the WITH options (two_phase: enabled, pending or not), owner, comment. Not part of the
 * model: the connection string (it holds passwords, and only superusers may read it) and
 * whether it is enabled (pg_dump creates every subscription disabled). */
#define SD_SUBSCRIPTION_FIELDS(F)                                                                \
    F(SUBSCRIPTION, PUBLICATIONS, .name = "publications", .type = SD_FIELD_NAMES,                \
      .engines = SD_E_PG)                                                                        \
    F(SUBSCRIPTION, SLOT_NAME, .name = "slot_name", .type = SD_FIELD_STRING, .engines = SD_E_PG) \
    F(SUBSCRIPTION, BINARY, .name = "binary", .type = SD_FIELD_BOOL, .engines = SD_E_PG)         \
    F(SUBSCRIPTION, STREAMING, .name = "streaming", .type = SD_FIELD_BOOL, .engines = SD_E_PG)   \
    F(SUBSCRIPTION, TWO_PHASE, .name = "two_phase", .type = SD_FIELD_BOOL, .engines = SD_E_PG)   \
    F(SUBSCRIPTION, DISABLE_ON_ERROR, .name = "disable_on_error", .type = SD_FIELD_BOOL,         \
      .engines = SD_E_PG)                                                                        \
    F(SUBSCRIPTION, SYNCHRONOUS_COMMIT, .name = "synchronous_commit", .type = SD_FIELD_STRING,   \
      .engines = SD_E_PG)                                                                        \
    F(SUBSCRIPTION, OWNER, SD_F_OWNER)                                                           \
    F(SUBSCRIPTION, COMMENT, SD_F_COMMENT)
enum {
    SD_SUBSCRIPTION_FIELDS(SD__FIELD_ENUM) SD_SUBSCRIPTION__NFIELDS
};

/* A reference to another object by identity (dependencies are never pointers from a DB). */
typedef struct sd_ref {
    sd_kind kind;       /* kind of the referenced object */
    const char *schema; /* its schema (NULL for a database-wide kind) */
    const char *table;  /* its relation when the kind has_table, else NULL */
    const char *name;   /* its name */
} sd_ref;

typedef struct sd_object sd_object;
struct sd_object {
    sd_kind kind;           /* what it is */
    const char *schema;     /* schema name (for a schema: its own name; database-wide: NULL) */
    const char *table;      /* owning relation for kinds with has_table, else NULL */
    const char *name;       /* name; NULL for an unnamed constraint */
    const char *key;        /* identity key, unique per kind in a model (set by freeze) */
    const sd_object *owner; /* owning table for nested kinds (set by freeze) */
    sd_value *v;            /* field values, sd_kind_get(kind)->nfields of them */
    sd_ref *deps;           /* objects this one depends on */
    size_t ndeps;           /* number of deps */
    uint64_t fingerprint;   /* XXH3 of the canonical form, incl. owned objects (freeze) */
    size_t index;           /* position in the kind's canonical array (freeze) */
    const char *origin;     /* the file it was read from (errors name it), or NULL */
    uint32_t origin_line;   /* and where in it (1-based) */
    uint32_t origin_col;
};

typedef struct sd_model sd_model;

/* ---- registry ---- */

const sd_kind_info *sd_kind_get(sd_kind kind);
/* Look a kind up by its snapshot name ("table") or plural ("tables"). */
bool sd_kind_from_name(const char *name, sd_kind *out);
bool sd_kind_is_relation(sd_kind kind); /* table or view */
/* True when kind is database-wide (scope SD_SCOPE_DATABASE): its objects have no schema. */
bool sd_kind_is_database_wide(sd_kind kind);
/* The index of kind's field with that role (SD_ROLE_OWNER...), or -1 when it has none. */
int sd_kind_role_field(sd_kind kind, sd_field_role role);
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
 * table is required for kinds with has_table and must be NULL otherwise; schema must be NULL
 * exactly for database-wide kinds; name may be NULL only for kinds whose name is not
 * required. SD_ERR on misuse, SD_ERR_NOMEM.
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
void sd_obj_set_str(sd_model *m, sd_object *o, int field, const char *s); /* copies; NULL ok */
/* Where o was read: file (kept, not copied: one string for all of a file's objects, owned by
 * the model's arena, see sd_model_strdup), line and column, 1-based. */
void sd_obj_set_origin(sd_object *o, const char *file, size_t line, size_t col);
/* A copy of s in m's arena (NULL when out of memory). */
const char *sd_model_strdup(sd_model *m, const char *s);
void sd_obj_set_sql(sd_model *m, sd_object *o, int field, const char *text);     /* copies */
void sd_obj_add_name(sd_model *m, sd_object *o, int field, const char *name);    /* copies */
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
/* Whether o is a foreign table (PostgreSQL): its rows are its server's, so nothing may read,
 * move or check them. False for NULL. */
bool sd_table_is_foreign(const sd_object *o);
/* Whether o (an object of m) depends on dep. */
bool sd_object_depends_on(const sd_model *m, const sd_object *o, const sd_object *dep);
/* Whether f is one of base type t's own I/O functions (both of m): each depends on the other,
 * as an input, output, receive or send function does, and PostgreSQL drops neither alone. */
bool sd_base_type_io_function(const sd_model *m, const sd_object *t, const sd_object *f);
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
/* sd_err_set() with o's description as the error's location (none when o is NULL). */
sd_status sd_err_object(sd_err *err, sd_status code, const sd_object *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
sd_status
sd_err_objectv(sd_err *err, sd_status code, const sd_object *o, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
/* The canonical serialization the fingerprint hashes (exposed for tests and debugging). */
void sd_object_canonical(sd_buf *out, const sd_model *m, const sd_object *o);

/* "xxHash X.Y.Z" line: the library fingerprints are computed with. */
void sd_model_versions(sd_buf *out);

#endif
