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

#define SD_PG_SCHEMA_FILTER                                              \
    "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' " \
    "AND (cardinality($1::text[]) = 0 OR n.nspname = ANY($1::text[])) "  \
    "AND NOT (n.nspname = ANY($2::text[]))"

/*
 * Run a catalog query with the filter bound as $1/$2; purpose ("reading columns") names it in
 * errors. On success *out is a PGRES_TUPLES_OK result the caller PQclear()s.
 */
sd_status sd_pg__query(PGconn *conn,
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

/* pg_rel.c */
sd_status sd_pg__read_relations(PGconn *conn, sd_model *m, const sd_pg_filter *f, sd_err *err);
/* pg_obj.c: runs after sd_pg__read_relations (dependencies refer to relations). */
sd_status sd_pg__read_objects(PGconn *conn, sd_model *m, const sd_pg_filter *f, sd_err *err);

#endif
