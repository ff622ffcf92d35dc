/*
 * pg_int.h: the PostgreSQL introspector's internal interface, shared by pg.c (connection,
 * transaction, retry, orchestration), pg_rel.c (tables, columns, constraints, indexes,
 * partitions, sequences, policies) and pg_obj.c (schemas, extensions, types, functions,
 * views, materialized views, triggers, dependencies, objects not compared).
 *
 * Every reader runs ONE catalog query for its kind over the whole database, with the schema
 * filter passed as bound parameters (never spliced into SQL text), and copies every value
 * into the model before PQclear.
 */
#ifndef SD_INTROSPECT_PG_INT_H
#define SD_INTROSPECT_PG_INT_H

#include <libpq-fe.h>

#include "introspect/introspect.h"
#include "model/model.h"
#include "util/util.h"

/*
 * The schema filter as two text[] literals, bound as $1 (include; '{}' = every non-system
 * schema) and $2 (exclude) in every catalog query. Queries apply it through the SQL
 * function-free predicate SD_PG_SCHEMA_FILTER on a pg_namespace alias `n`.
 */
typedef struct sd_pg_filter {
    const char *include; /* text[] literal for $1 */
    const char *exclude; /* text[] literal for $2 */
} sd_pg_filter;

/* System schemas are never read; extension members are skipped by each query. */
/* An object's ACL (aclitem[] column acl, owner oid column owner, acldefault() object type
 * letter objtype) as the model's text list: aclitems sorted bytewise; empty when the ACL is
 * NULL or holds exactly the owner's defaults (PostgreSQL never returns an ACL to NULL, so a
 * REVOKE that restores the defaults must read the same as never granting); the single item
 * "none" when every privilege, the owner's included, was revoked ('{}', not the default). */
#define SD_PG_ACL_SQL(acl, owner, objtype)                                                   \
    "CASE WHEN " acl " IS NULL OR (" acl " @> acldefault('" objtype "', " owner ") AND " acl \
    " <@ acldefault('" objtype "', " owner ")) THEN '{}'::text[] "                           \
    "WHEN cardinality(" acl ") = 0 THEN '{none}'::text[] "                                   \
    "ELSE ARRAY(SELECT sd_a::text FROM unnest(" acl ") AS sd_a "                             \
    "ORDER BY sd_a::text COLLATE \"C\") END"

/* Generic options (name=value text[]) sorted by name, as pg_dump writes them (in bytewise
 * order, so that the model does not depend on the database's collation). */
#define SD_PG_FDW_OPTIONS(opts)                                                                \
    "CASE WHEN " opts " IS NOT NULL THEN ARRAY(SELECT o.option_name || '=' || o.option_value " \
    "FROM pg_options_to_table(" opts ") o ORDER BY o.option_name COLLATE \"C\") END"

/* A relation's table access method (pg_class row alias rel) when it is not heap, the
 * default (pg_dump writes SET default_table_access_method before a table that uses another);
 * NULL for heap and for relations without one (partitioned and foreign tables, views). */
#define SD_PG_ACCESS_METHOD(rel)                                                        \
    "(SELECT am.amname::text FROM pg_am am WHERE am.oid = " rel ".relam AND am.amname " \
    "<> 'heap')"

/* The predicate of database-wide objects: read only when no --schema filter is given ($1
 * empty), as pg_dump -n leaves them out; --exclude-schema ($2) does not touch them. */
#define SD_PG_DATABASE_FILTER "cardinality($1::text[]) = 0"

#define SD_PG_SCHEMA_FILTER                                              \
    "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' " \
    "AND (cardinality($1::text[]) = 0 OR n.nspname = ANY($1::text[])) "  \
    "AND NOT (n.nspname = ANY($2::text[]))"

/* The most catalog queries one inspection plans ahead (sd_pg__*_plan): room for all of them
 * (6 relation and 33 object queries now); a plan cut short still works, the queries past it
 * run on the first connection only. */
#define SD_PG_PLAN_MAX 48

struct sd_pg_ahead;

/*
 * The connection, inside the read transaction, as the readers see it. When ahead is set,
 * worker threads run the planned queries (the readers' own, in their order) a few ahead of
 * the readers, on this connection and possibly a second one in the same snapshot, so that
 * the server computes the next kinds while this process turns the last one into model
 * objects; the readers notice nothing but the time it saves.
 */
typedef struct sd_pg_session {
    PGconn *conn;              /* only the thread of ahead uses it while that runs */
    int version;               /* PQserverVersion() */
    struct sd_pg_ahead *ahead; /* planned queries being run ahead, or NULL */
} sd_pg_session;

/*
 * Run a catalog query with the filter bound as $1/$2 (or take its result from the queries
 * run ahead: they must be asked for in plan order); purpose ("reading columns") names it in
 * errors. On success *out is a PGRES_TUPLES_OK result the caller PQclear()s.
 */
sd_status sd_pg__query(sd_pg_session *s,
                       const char *sql,
                       const sd_pg_filter *f,
                       const char *purpose,
                       PGresult **out,
                       sd_err *err);
/* Column number of name in res, or an SD_ERR "internal error" when the query lacks it. */
sd_status sd_pg__col(const PGresult *res, const char *name, int *out, sd_err *err);
/* Value helpers: NULL for SQL NULL; "t" -> true; int64 parse (SD_ERR on junk). */
const char *sd_pg__str(const PGresult *res, int row, int col);
bool sd_pg__bool(const PGresult *res, int row, int col);
sd_status sd_pg__int64(const PGresult *res, int row, int col, int64_t *out, sd_err *err);
/* Add each element of a text[] value ("{a,b}") to a NAMES field, in order. */
sd_status sd_pg__add_array(sd_model *m, sd_object *o, int field, const char *array, sd_err *err);

/*
 * The catalogs whose rows stand for model objects in pg_depend (classid, refclassid), and
 * SD_PG_CATS_SQL, the same list as a VALUES table (classid oid, cat code) to join with.
 */
typedef enum sd_pg_cat {
    SD_PG_CAT_CLASS,         /* relations; with a sub-id, a table's column */
    SD_PG_CAT_REWRITE,       /* a view's _RETURN rule: the view */
    SD_PG_CAT_TYPE,          /* types, their array types, row types */
    SD_PG_CAT_PROC,          /* functions and procedures */
    SD_PG_CAT_TRIGGER,       /* triggers */
    SD_PG_CAT_POLICY,        /* row level security policies */
    SD_PG_CAT_CONSTRAINT,    /* table constraints; a domain's CHECK: the domain */
    SD_PG_CAT_ATTRDEF,       /* a column default: the column */
    SD_PG_CAT_OPERATOR,      /* operators */
    SD_PG_CAT_COLLATION,     /* collations */
    SD_PG_CAT_CAST,          /* casts (database-wide) */
    SD_PG_CAT_EVENT_TRIGGER, /* event triggers (database-wide) */
    SD_PG_CAT_OPFAMILY,      /* operator families */
    SD_PG_CAT_OPCLASS,       /* operator classes */
    SD_PG_CAT_AMOP,          /* a family's or class's operator member: the family or class */
    SD_PG_CAT_AMPROC,        /* a family's or class's support function: the family or class */
    SD_PG_CAT_CONVERSION,    /* conversions */
    SD_PG_CAT_STATISTIC,     /* extended statistics objects (pg_statistic_ext) */
    SD_PG_CAT_TS_PARSER,     /* text search parsers */
    SD_PG_CAT_TS_TMPL,       /* text search templates */
    SD_PG_CAT_TS_DICT,       /* text search dictionaries */
    SD_PG_CAT_TS_CONFIG,     /* text search configurations */
    SD_PG_CAT_LANGUAGE,      /* procedural languages (database-wide) */
    SD_PG_CAT_TRANSFORM,     /* transforms (database-wide) */
    SD_PG_CAT_AM,            /* access methods (database-wide) */
    SD_PG_CAT_FDW,           /* foreign-data wrappers (database-wide) */
    SD_PG_CAT_SERVER,        /* foreign servers (database-wide) */
    SD_PG_CAT_USER_MAPPING,  /* user mappings (database-wide) */
    SD_PG_CAT_PUBLICATION,   /* publications (database-wide) */
    SD_PG_CAT_PUB_REL,       /* a publication's table entries: stand for the publication */
    SD_PG_CAT_PUB_NSP,       /* a publication's schema entries: stand for the publication */
    SD_PG_CAT__N
} sd_pg_cat;
/* clang-format off */
#define SD_PG_CATS_SQL                                                                       \
    "(VALUES ('pg_catalog.pg_class'::regclass::oid, 0), "                                   \
    "('pg_catalog.pg_rewrite'::regclass::oid, 1), ('pg_catalog.pg_type'::regclass::oid, 2), " \
    "('pg_catalog.pg_proc'::regclass::oid, 3), ('pg_catalog.pg_trigger'::regclass::oid, 4), " \
    "('pg_catalog.pg_policy'::regclass::oid, 5), "                                          \
    "('pg_catalog.pg_constraint'::regclass::oid, 6), "                                      \
    "('pg_catalog.pg_attrdef'::regclass::oid, 7), "                                        \
    "('pg_catalog.pg_operator'::regclass::oid, 8), "                                       \
    "('pg_catalog.pg_collation'::regclass::oid, 9), "                                     \
    "('pg_catalog.pg_cast'::regclass::oid, 10), "                                          \
    "('pg_catalog.pg_event_trigger'::regclass::oid, 11), "                                 \
    "('pg_catalog.pg_opfamily'::regclass::oid, 12), "                                      \
    "('pg_catalog.pg_opclass'::regclass::oid, 13), "                                       \
    "('pg_catalog.pg_amop'::regclass::oid, 14), "                                          \
    "('pg_catalog.pg_amproc'::regclass::oid, 15), "                                        \
    "('pg_catalog.pg_conversion'::regclass::oid, 16), "                                    \
    "('pg_catalog.pg_statistic_ext'::regclass::oid, 17), "                                 \
    "('pg_catalog.pg_ts_parser'::regclass::oid, 18), "                                     \
    "('pg_catalog.pg_ts_template'::regclass::oid, 19), "                                   \
    "('pg_catalog.pg_ts_dict'::regclass::oid, 20), "                                       \
    "('pg_catalog.pg_ts_config'::regclass::oid, 21), "                                     \
    "('pg_catalog.pg_language'::regclass::oid, 22), "                                      \
    "('pg_catalog.pg_transform'::regclass::oid, 23), "                                     \
    "('pg_catalog.pg_am'::regclass::oid, 24), "                                            \
    "('pg_catalog.pg_foreign_data_wrapper'::regclass::oid, 25), "                          \
    "('pg_catalog.pg_foreign_server'::regclass::oid, 26), "                                \
    "('pg_catalog.pg_user_mapping'::regclass::oid, 27), "                                  \
    "('pg_catalog.pg_publication'::regclass::oid, 28), "                                   \
    "('pg_catalog.pg_publication_rel'::regclass::oid, 29), "                               \
    "('pg_catalog.pg_publication_namespace'::regclass::oid, 30))"
/* clang-format on */

/*
 * Which model object each catalog row (catalog, OID, sub-id) stands for. The readers record
 * every object they add under the OIDs that pg_depend can name it by; the dependency pass
 * then maps pg_depend rows to objects here, in the client, instead of joining names in SQL
 * (which cost more than reading every other kind together on large schemas).
 */
typedef struct sd_pg_oids {
    sd_map map;     /* packed (cat, oid, subid) -> sd_object * */
    sd_arena *keys; /* storage of the packed keys */
} sd_pg_oids;

sd_status sd_pg__oids_init(sd_pg_oids *ix, sd_err *err);
void sd_pg__oids_dispose(sd_pg_oids *ix);
/* Record that the row (cat, oid, subid) of a catalog stands for o; oid is the catalog's text
 * (NULL or "0", an absent OID, records nothing). */
sd_status sd_pg__oid_put(sd_pg_oids *ix,
                         sd_pg_cat cat,
                         const char *oid,
                         const char *subid,
                         sd_object *o,
                         sd_err *err);
/* The object recorded for (cat, oid, subid), or NULL. */
sd_object *sd_pg__oid_get(const sd_pg_oids *ix, sd_pg_cat cat, const char *oid, const char *subid);

/* pg_rel.c: the queries sd_pg__read_relations asks for, in order (at most cap; returns how
 * many). */
size_t sd_pg__relation_plan(int version, const char **sql, size_t cap);
sd_status sd_pg__read_relations(sd_pg_session *s,
                                sd_model *m,
                                const sd_pg_filter *f,
                                sd_pg_oids *oids,
                                sd_err *err);
/* pg_obj.c: runs after sd_pg__read_relations (dependencies refer to relations). The plan
 * leaves out queries that run only depending on an earlier result. */
size_t sd_pg__object_plan(int version, const char **sql, size_t cap);
sd_status sd_pg__read_objects(sd_pg_session *s,
                              sd_model *m,
                              const sd_pg_filter *f,
                              sd_pg_oids *oids,
                              sd_err *err);

#endif
