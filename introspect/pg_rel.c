/*
 * pg_rel.c: sd_pg__read_relations(), the PostgreSQL relation readers: tables (partitioned
 * tables and partitions included), their columns, constraints and policies, indexes (on
 * tables and materialized views) and sequences.
 *
 * Each kind is ONE catalog query over the whole database, filtered by the schema filter
 * ($1/$2) and skipping extension members. Rows that belong together come out adjacent and
 * are grouped here: a table has one row per parent (pg_inherits), an index one row per
 * attribute (key parts, then INCLUDE columns). Values are copied into the model before the
 * result is cleared; names that must be SQL (collations, operator classes, parents, a
 * sequence's OWNED BY column) are quoted with util/sql.h, never by hand.
 *
 * Foreign tables are tables with a server (their options and their columns' sorted by name,
 * as pg_dump shows them). Left out on purpose: objects implied by others (constraints a partition
 * inherits from its parent, inherited CHECKs, partition indexes attached to a parent index, indexes
 * that back a constraint, identity sequences), and what the model has no field for (tablespaces,
 * typed tables' OF type, column storage (PostgreSQL 15 cannot reset it to the type's default) and
 * compression, storage parameters of indexes that back constraints).
 */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "introspect/pg_int.h"
#include "model/model.h"
#include "util/util.h"

/* ---- shared SQL pieces ---- */

/* SQL text is laid out by hand: clang-format cannot break string concatenations with macro
 * calls readably. */
/* clang-format off */

/* The relation aliased rel was not created by an extension. */
#define NOT_EXTENSION_MEMBER(rel)                                                   \
    "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass " \
    "AND e.objid = " rel ".oid AND e.deptype = 'e')"

/* The tables read here, as pg_class c joined to pg_namespace n. */
#define TABLE_SET \
    "c.relkind IN ('r', 'p', 'f') AND " SD_PG_SCHEMA_FILTER " AND " NOT_EXTENSION_MEMBER("c")

/* A column's aclitem[] as sorted text (byte order); NULL and '{}' both give '{}' (a column's
 * default is no privileges). NULL is tested first: most columns have none, and a subquery
 * started per column costs more than the rest of its row. */
#define ACL(col)                                                                      \
    "CASE WHEN " col " IS NULL THEN '{}'::text[] ELSE ARRAY(SELECT x::text FROM unnest(" col \
    ") x ORDER BY x::text COLLATE \"C\") END"

/* The comment on an object: pg_description for (catalog, objoid, objsubid), aliased d. */
#define COMMENT_JOIN(objoid, catalog, subid)                              \
    "LEFT JOIN pg_description d ON d.objoid = " objoid " "                \
    "AND d.classoid = '" catalog "'::regclass AND d.objsubid = " subid " "

/* Attribute names of a relation for an int2[] of attribute numbers, in array order. */
#define ATTNAMES(nums, rel)                                                     \
    "ARRAY(SELECT a.attname FROM unnest(" nums ") WITH ORDINALITY k(num, ord) " \
    "JOIN pg_attribute a ON a.attrelid = " rel " AND a.attnum = k.num ORDER BY k.ord)"

/* A relation's reloptions as sorted text[]; toast: the options of its TOAST table too,
 * prefixed "toast." as CREATE TABLE ... WITH takes them. */
#define RELOPTIONS(rel) \
    "ARRAY(SELECT o FROM unnest(" rel ".reloptions) o ORDER BY o COLLATE \"C\")"
#define TABLE_RELOPTIONS(rel)                                                           \
    "ARRAY(SELECT x.o FROM (SELECT unnest(" rel ".reloptions) UNION ALL "               \
    "SELECT 'toast.' || unnest(tr.reloptions) FROM pg_class tr "                        \
    "WHERE tr.oid = " rel ".reltoastrelid) x(o) ORDER BY x.o COLLATE \"C\")"

/* ---- queries ---- */

/* One row per table and parent (pg_inherits), parents in inhseqno order. */
static const char TABLES_SQL[] =
    "SELECT c.oid, n.nspname AS schema, c.relname AS name, "
    "c.relpersistence = 'u' AS unlogged, "
    "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key, "
    "c.relispartition AS is_partition, "
    "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END "
    "AS partition_bound, "
    "c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced, "
    "CASE WHEN c.relkind <> 'f' THEN CASE c.relreplident WHEN 'f' THEN 'full' "
    "WHEN 'n' THEN 'nothing' WHEN 'i' THEN 'index' END END AS replica_identity, "
    TABLE_RELOPTIONS("c") " AS options, "
    "pg_get_userbyid(c.relowner) AS owner, " SD_PG_ACL_SQL("c.relacl", "c.relowner", "r")
    " AS acl, d.description AS comment, pn.nspname AS parent_schema, pc.relname AS parent_name, "
    "c.reltype AS rowtype, rt.typarray AS rowtype_array, fs.srvname AS foreign_server, "
    SD_PG_FDW_OPTIONS("ft.ftoptions") " AS foreign_options, "
    SD_PG_ACCESS_METHOD("c") " AS access_method, "
    "CASE WHEN c.reloftype <> 0 THEN format_type(c.reloftype, NULL) END AS of_type "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "LEFT JOIN pg_type rt ON rt.oid = c.reltype "
    "LEFT JOIN pg_foreign_table ft ON ft.ftrelid = c.oid "
    "LEFT JOIN pg_foreign_server fs ON fs.oid = ft.ftserver "
    COMMENT_JOIN("c.oid", "pg_class", "0")
    "LEFT JOIN pg_inherits h ON h.inhrelid = c.oid "
    "LEFT JOIN pg_class pc ON pc.oid = h.inhparent "
    "LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace "
    "WHERE " TABLE_SET " "
    "ORDER BY c.oid, h.inhseqno";

/* Unordered: positions (the rank of attnum among a table's live columns; dropped ones
 * leave gaps) are computed here, which is cheaper than the server sorting every column's
 * wide row for a window function. A default cannot refer to a column, so it is deparsed
 * without its table (relid 0): with the table, pg_get_expr opens every table's relation,
 * which costs more than the rest of the query. */
#define COLUMNS_SQL(compression) \
    "SELECT n.nspname AS schema, c.relname AS tbl, a.attname AS name, " \
    "format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, " \
    "CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END AS def, " \
    "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END " \
    "AS generated, " \
    "CASE a.attgenerated WHEN 's' THEN 'stored' WHEN 'v' THEN 'virtual' END " \
    "AS generated_kind, " \
    "cn.nspname AS collation_schema, co.collname AS collation_name, " \
    "CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'by default' END " \
    "AS identity, " \
    "'START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement || " \
    "' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache || " \
    "CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END AS identity_options, " \
    ACL("a.attacl") " AS acl, d.description AS comment, " \
    "NOT a.attislocal AS inherited, " \
    "CASE WHEN a.attstattarget = 0 THEN -1 WHEN a.attstattarget > 0 THEN a.attstattarget " \
    "ELSE 0 END AS statistics, a.attrelid AS relid, a.attnum, ad.oid AS attrdef_oid, " \
    "CASE WHEN a.attstorage <> t.typstorage THEN CASE a.attstorage WHEN 'p' THEN 'plain' " \
    "WHEN 'e' THEN 'external' WHEN 'x' THEN 'extended' WHEN 'm' THEN 'main' END END " \
    "AS storage, " \
    "CASE " compression " WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression, " \
    "CASE WHEN a.attoptions IS NOT NULL THEN " \
    "ARRAY(SELECT o FROM unnest(a.attoptions) o ORDER BY o COLLATE \"C\") END AS attoptions, " \
    "s.seq_name AS identity_sequence, CASE WHEN a.attidentity <> '' THEN " \
    SD_PG_ACL_SQL("s.seq_acl", "s.seq_owner", "s") " END AS identity_acl, " \
    SD_PG_FDW_OPTIONS("a.attfdwoptions") " AS foreign_options " \
    "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid " \
    "JOIN pg_namespace n ON n.oid = c.relnamespace " \
    "JOIN pg_type t ON t.oid = a.atttypid " \
    "LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum " \
    "LEFT JOIN pg_collation co ON co.oid = a.attcollation " \
    "AND a.attcollation <> t.typcollation " \
    "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace " \
    "LEFT JOIN LATERAL (SELECT q.*, sc.relname AS seq_name, sc.relacl AS seq_acl, " \
    "sc.relowner AS seq_owner FROM pg_depend sd " \
    "JOIN pg_sequence q ON q.seqrelid = sd.objid JOIN pg_class sc ON sc.oid = q.seqrelid " \
    "WHERE sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass " \
    "AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum AND sd.deptype = 'i') s " \
    "ON a.attidentity <> '' " \
    COMMENT_JOIN("a.attrelid", "pg_class", "a.attnum") \
    "WHERE a.attnum > 0 AND NOT a.attisdropped AND " TABLE_SET

/*
 * Constraints a partition inherits from its parent (conparentid) and inherited CHECKs
 * (NOT conislocal) are implied by the parent's and skipped. nnd: the nulls_not_distinct
 * expression (PostgreSQL 15 added pg_index.indnullsnotdistinct); dsc: the column names of
 * ON DELETE SET NULL / SET DEFAULT (cols) (PostgreSQL 15 added pg_constraint.confdelsetcols).
 * xc: the index behind a primary key, unique or exclusion constraint (a foreign key's
 * conindid is the referenced table's index), for its comment and storage parameters; an
 * exclusion's is also recorded for the dependency pass: pg_depend names what its expressions
 * call (functions) from the index, not the constraint.
 * The constrained columns come as attribute numbers (colnums) and are named from the columns
 * already read (the table is in the same set): a subquery per row costs more than the rest
 * of it. The referenced table of a foreign key may be outside the schemas read, so its
 * columns are named here; they are built only for the kinds that have them.
 */
#define CONSTRAINTS_SQL(nnd, dsc)                                                            \
    "SELECT n.nspname AS schema, c.relname AS tbl, con.conname AS name, "                 \
    "con.contype AS con_type, con.conrelid AS relid, "                                    \
    "CASE WHEN con.contype IN ('p', 'u', 'f') THEN con.conkey END AS colnums, "           \
    "con.condeferrable AS deferrable, con.condeferred AS initially_deferred, "            \
    "NOT con.convalidated AS not_valid, con.connoinherit AS no_inherit, "                 \
    "CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid) END "         \
    "AS expression, "                                                                     \
    "CASE WHEN con.contype = 'x' THEN pg_get_constraintdef(con.oid) END AS definition, "  \
    nnd " AS nulls_not_distinct, "                                                        \
    "fn.nspname AS ref_schema, fc.relname AS ref_table, "                                 \
    "CASE WHEN con.contype = 'f' THEN " ATTNAMES("con.confkey", "con.confrelid")          \
    " END AS ref_cols, "                                                                  \
    "con.confdeltype AS on_delete, con.confupdtype AS on_update, "                        \
    dsc " AS on_delete_cols, "                                                            \
    "con.confmatchtype AS match_type, d.description AS comment, con.oid AS con_oid, "     \
    "CASE WHEN con.contype IN ('p', 'u') THEN " RELOPTIONS("xc") " END AS index_options, " \
    "xd.description AS index_comment, "                                                   \
    "ix.indisclustered AS clustered, ix.indisreplident AS replident, "                     \
    "CASE WHEN ix.indnatts > ix.indnkeyatts THEN ARRAY(SELECT ix.indkey[i] FROM "         \
    "generate_series(ix.indnkeyatts, ix.indnatts - 1) i ORDER BY i) END AS include_colnums, " \
    "CASE WHEN con.contype = 'x' THEN con.conindid END AS index_oid "                     \
    "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "                     \
    "JOIN pg_namespace n ON n.oid = c.relnamespace "                                      \
    "LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid AND con.contype IN ('p', 'u') "        \
    "LEFT JOIN pg_class xc ON xc.oid = con.conindid AND con.contype IN ('p', 'u', 'x') "  \
    "LEFT JOIN pg_description xd ON xd.objoid = xc.oid "                                  \
    "AND xd.classoid = 'pg_class'::regclass AND xd.objsubid = 0 "                         \
    "LEFT JOIN pg_class fc ON fc.oid = con.confrelid AND con.contype = 'f' "              \
    "LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "                              \
    COMMENT_JOIN("con.oid", "pg_constraint", "0")                                         \
    "WHERE con.contype IN ('p', 'u', 'c', 'x', 'f') "                                     \
    "AND con.conparentid = 0 AND con.conislocal AND " TABLE_SET

/* The option bits of index attribute k.ord (pg_index.indoption: 1 DESC, 2 NULLS FIRST). */
#define INDOPTION "i.indoption[k.ord - 1]"

/*
 * One row per index attribute: key parts (is_key) in order, then INCLUDE columns. Skipped:
 * indexes that back a constraint (the constraint is the object) and partitions' indexes
 * attached to a parent's index (implied by it). A key's collation is reported when it
 * differs from the column's (expressions: from the expression type's default); its
 * operator class when it is not a default one. nnd as for CONSTRAINTS_SQL. The attribute rows
 * are looked up per index attribute (OFFSET 0 keeps the planner from hashing all of
 * pg_attribute instead), the index's own attribute only for expressions: a plain column's
 * collation is the column's, and only an expression can have a statistics target.
 */
#define INDEXES_SQL(nnd)                                                                  \
    "SELECT i.indexrelid AS idx_oid, n.nspname AS schema, c.relname AS tbl, "             \
    "c.relkind AS rel_kind, ic.relname AS name, i.indisunique AS uniq, "                  \
    "am.amname AS method, pg_get_expr(i.indpred, i.indrelid) AS pred, "                   \
    nnd " AS nulls_not_distinct, d.description AS comment, "                              \
    RELOPTIONS("ic") " AS options, i.indisclustered AS clustered, i.indisreplident AS replident, "                       \
    "CASE WHEN ia.attstattarget >= 0 THEN k.ord || '=' || ia.attstattarget END "          \
    "AS statistics, "                                                                     \
    "k.ord <= i.indnkeyatts AS is_key, a.attname AS col, "                                \
    "CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord, true) END AS expr, "\
    "kcn.nspname AS collation_schema, kc.collname AS collation_name, "                    \
    "ocn.nspname AS opclass_schema, oc.opcname AS opclass_name, "                         \
    "k.ord <= i.indnkeyatts AND (" INDOPTION " & 1) <> 0 AS descending, "                 \
    "CASE WHEN k.ord > i.indnkeyatts THEN NULL "                                          \
    "WHEN (" INDOPTION " & 1) = 0 AND (" INDOPTION " & 2) <> 0 THEN 'first' "             \
    "WHEN (" INDOPTION " & 1) <> 0 AND (" INDOPTION " & 2) = 0 THEN 'last' END AS nulls " \
    "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "                          \
    "JOIN pg_class c ON c.oid = i.indrelid "                                              \
    "JOIN pg_namespace n ON n.oid = c.relnamespace "                                      \
    "JOIN pg_am am ON am.oid = ic.relam "                                                 \
    "CROSS JOIN LATERAL (SELECT u.attnum, u.ord::int AS ord "                             \
    "FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(attnum, ord)) k "                    \
    "LEFT JOIN LATERAL (SELECT a.attname, a.attcollation FROM pg_attribute a "           \
    "WHERE k.attnum <> 0 AND a.attrelid = i.indrelid AND a.attnum = k.attnum "            \
    "OFFSET 0) a ON true "                                                                \
    "LEFT JOIN LATERAL (SELECT ia.attstattarget, it.typcollation FROM pg_attribute ia "   \
    "JOIN pg_type it ON it.oid = ia.atttypid WHERE k.attnum = 0 "                         \
    "AND ia.attrelid = i.indexrelid AND ia.attnum = k.ord OFFSET 0) ia ON true "          \
    "LEFT JOIN pg_collation kc ON k.ord <= i.indnkeyatts "                                \
    "AND kc.oid = i.indcollation[k.ord - 1] "                                             \
    "AND kc.oid <> COALESCE(CASE WHEN k.attnum <> 0 THEN a.attcollation "                 \
    "ELSE ia.typcollation END, 0) "                                                       \
    "LEFT JOIN pg_namespace kcn ON kcn.oid = kc.collnamespace "                           \
    "LEFT JOIN pg_opclass oc ON k.ord <= i.indnkeyatts "                                  \
    "AND oc.oid = i.indclass[k.ord - 1] AND NOT oc.opcdefault "                           \
    "LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace "                            \
    COMMENT_JOIN("i.indexrelid", "pg_class", "0")                                         \
    "WHERE c.relkind IN ('r', 'p', 'm') AND " SD_PG_SCHEMA_FILTER " "                     \
    "AND " NOT_EXTENSION_MEMBER("c") " "                                                  \
    "AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid "      \
    "AND x.conrelid = i.indrelid AND x.contype IN ('p', 'u', 'x')) "                      \
    "AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) "       \
    "ORDER BY i.indexrelid, k.ord"

/* Identity sequences (pg_depend deptype 'i') belong to their column and are skipped. */
static const char SEQUENCES_SQL[] =
    "SELECT n.nspname AS schema, c.relname AS name, "
    "format_type(s.seqtypid, NULL) AS type, s.seqstart AS start, "
    "s.seqincrement AS increment, s.seqmin AS min_value, s.seqmax AS max_value, "
    "s.seqcache AS cache, s.seqcycle AS cycle, o.nspname AS owned_schema, "
    "o.relname AS owned_table, o.attname AS owned_column, "
    "pg_get_userbyid(c.relowner) AS owner, " SD_PG_ACL_SQL("c.relacl", "c.relowner", "s")
    " AS acl, d.description AS comment, c.oid "
    "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "JOIN pg_sequence s ON s.seqrelid = c.oid "
    "LEFT JOIN LATERAL (SELECT tn.nspname, tc.relname, ta.attname "
    "FROM pg_depend od JOIN pg_class tc ON tc.oid = od.refobjid "
    "JOIN pg_namespace tn ON tn.oid = tc.relnamespace "
    "JOIN pg_attribute ta ON ta.attrelid = tc.oid AND ta.attnum = od.refobjsubid "
    "WHERE od.classid = 'pg_class'::regclass AND od.objid = c.oid "
    "AND od.refclassid = 'pg_class'::regclass AND od.refobjsubid > 0 "
    "AND od.deptype = 'a' ORDER BY od.refobjid, od.refobjsubid LIMIT 1) o ON true "
    COMMENT_JOIN("c.oid", "pg_class", "0")
    "WHERE c.relkind = 'S' AND " SD_PG_SCHEMA_FILTER " "
    "AND " NOT_EXTENSION_MEMBER("c") " "
    "AND NOT EXISTS (SELECT 1 FROM pg_depend idd WHERE idd.classid = 'pg_class'::regclass "
    "AND idd.objid = c.oid AND idd.refclassid = 'pg_class'::regclass "
    "AND idd.deptype = 'i')";

/* Roles in byte order; role 0 is PUBLIC. */
static const char POLICIES_SQL[] =
    "SELECT n.nspname AS schema, c.relname AS tbl, p.polname AS name, "
    "p.polcmd AS command, p.polpermissive AS permissive, "
    "ARRAY(SELECT r.role FROM (SELECT CASE WHEN u.roleid = 0 THEN 'public' "
    "ELSE pg_get_userbyid(u.roleid)::text END AS role "
    "FROM unnest(p.polroles) u(roleid)) r ORDER BY r.role COLLATE \"C\") AS roles, "
    "pg_get_expr(p.polqual, p.polrelid) AS using_expr, "
    "pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr, d.description AS comment, p.oid "
    "FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    COMMENT_JOIN("p.oid", "pg_policy", "0")
    "WHERE " TABLE_SET;

/* clang-format on */

/* ---- reading rows ---- */

#define MAX_COLS 28

/* What a row builder sees: the current row, its columns and the grouping state. */
typedef struct rowctx {
    sd_model *m;         /* the model being built */
    const PGresult *res; /* the kind's result */
    int row;             /* current row */
    const int *c;        /* column numbers, indexed by the reader's column enum */
    sd_object *group;    /* grouped readers: the object earlier rows of this group built */
    sd_pg_oids *oids;    /* where objects are recorded under their catalog OIDs */
    int64_t *rank;       /* per row, from the reader's prepare step (or NULL) */
    sd_err *err;         /* where errors go */
} rowctx;

typedef sd_status (*row_fn)(rowctx *x);

typedef struct reader {
    const char *purpose;     /* "reading tables" (error where) */
    const char *sql;         /* the kind's one query */
    const char *const *cols; /* result column names, indexed by the reader's enum */
    size_t ncols;            /* number of cols */
    row_fn add;              /* builds the model objects of one row */
    row_fn prepare;          /* run once before the rows (x->row unset), or NULL */
} reader;

static const char *
str(const rowctx *x, int col)
{
    return sd_pg__str(x->res, x->row, x->c[col]);
}

static bool
flag(const rowctx *x, int col)
{
    return sd_pg__bool(x->res, x->row, x->c[col]);
}

/* The row continues the previous row's group (same value in col). */
static bool
same_group(const rowctx *x, int col)
{
    return x->group != NULL && x->row > 0 &&
           strcmp(PQgetvalue(x->res, x->row, x->c[col]),
                  PQgetvalue(x->res, x->row - 1, x->c[col])) == 0;
}

/* Quoted qualified SQL for the row's schema and name columns into b; NULL when name is null. */
static const char *
qualified(sd_buf *b, const rowctx *x, int schema_col, int name_col)
{
    const char *name = str(x, name_col);
    sd_buf_reset(b);
    if (name == NULL)
        return NULL;
    sd_sql_qualified(b, SD_ENGINE_PG, str(x, schema_col), name);
    return sd_buf_cstr(b);
}

static sd_status
nomem(sd_err *err)
{
    return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
}

/* A one-letter catalog code and the model's word for it. */
typedef struct code_word {
    char code;        /* catalog value ("char") */
    const char *word; /* model value */
} code_word;

static const code_word FK_ACTIONS[] = {
    { 'a', "NO ACTION" }, { 'r', "RESTRICT" },    { 'c', "CASCADE" },
    { 'n', "SET NULL" },  { 'd', "SET DEFAULT" },
};
static const code_word FK_MATCHES[] = { { 's', "SIMPLE" }, { 'f', "FULL" }, { 'p', "PARTIAL" } };
static const code_word POLICY_COMMANDS[] = {
    { 'r', "SELECT" }, { 'a', "INSERT" }, { 'w', "UPDATE" }, { 'd', "DELETE" }, { '*', "ALL" },
};

/* Set a STRING field to the word for the code in col; an unknown code is an internal error. */
static sd_status
set_code(rowctx *x, sd_object *o, int field, int col, const code_word *map, size_t n)
{
    const char *v = str(x, col);
    for (size_t i = 0; v != NULL && i < n; i++) {
        if (v[0] == map[i].code && v[1] == '\0') {
            sd_obj_set_str(x->m, o, field, map[i].word);
            return SD_OK;
        }
    }
    return sd_err_set(x->err, SD_ERR, "internal error: unexpected catalog code \"%s\" in %s",
                      v != NULL ? v : "null", PQfname(x->res, x->c[col]));
}

/* Record o under the OID in column col of the row (and sub-id column sub, or -1). */
static sd_status
put_oid(rowctx *x, sd_pg_cat cat, int col, int sub, sd_object *o)
{
    return sd_pg__oid_put(x->oids, cat, str(x, col), sub >= 0 ? str(x, sub) : NULL, o, x->err);
}

static sd_status
run_reader(sd_pg_session *s,
           sd_model *m,
           const sd_pg_filter *f,
           sd_pg_oids *oids,
           const reader *rd,
           sd_err *err)
{
    PGresult *res = NULL;
    int c[MAX_COLS];
    rowctx x = { m, NULL, 0, c, NULL, oids, NULL, err };
    sd_status rc = SD_OK;

    if (rd->ncols > MAX_COLS)
        return sd_err_set(err, SD_ERR, "internal error: too many columns for %s", rd->purpose);
    rc = sd_pg__query(s, rd->sql, f, rd->purpose, &res, err);
    for (size_t i = 0; rc == SD_OK && i < rd->ncols; i++)
        rc = sd_pg__col(res, rd->cols[i], &c[i], err);
    x.res = res;
    if (rc == SD_OK && rd->prepare != NULL)
        rc = rd->prepare(&x);
    for (int r = 0; rc == SD_OK && r < PQntuples(res); r++) {
        x.row = r;
        rc = rd->add(&x);
    }
    if (rc != SD_OK)
        sd_err_where(err, "%s", rd->purpose);
    free(x.rank);
    PQclear(res);
    return rc;
}

/* ---- tables ---- */

enum {
    T_OID,
    T_SCHEMA,
    T_NAME,
    T_UNLOGGED,
    T_PARTITION_KEY,
    T_IS_PARTITION,
    T_PARTITION_BOUND,
    T_RLS_ENABLED,
    T_RLS_FORCED,
    T_REPLICA_IDENTITY,
    T_OPTIONS,
    T_OWNER,
    T_ACL,
    T_COMMENT,
    T_PARENT_SCHEMA,
    T_PARENT_NAME,
    T_ROWTYPE,
    T_ROWTYPE_ARRAY,
    T_FOREIGN_SERVER,
    T_FOREIGN_OPTIONS,
    T_ACCESS_METHOD,
    T_OF_TYPE,
    T__N
};
static const char *const TABLE_COLS[T__N] = {
    [T_OID] = "oid",
    [T_SCHEMA] = "schema",
    [T_NAME] = "name",
    [T_UNLOGGED] = "unlogged",
    [T_PARTITION_KEY] = "partition_key",
    [T_IS_PARTITION] = "is_partition",
    [T_PARTITION_BOUND] = "partition_bound",
    [T_RLS_ENABLED] = "rls_enabled",
    [T_RLS_FORCED] = "rls_forced",
    [T_REPLICA_IDENTITY] = "replica_identity",
    [T_OPTIONS] = "options",
    [T_OWNER] = "owner",
    [T_ACL] = "acl",
    [T_COMMENT] = "comment",
    [T_PARENT_SCHEMA] = "parent_schema",
    [T_PARENT_NAME] = "parent_name",
    [T_ROWTYPE] = "rowtype",
    [T_ROWTYPE_ARRAY] = "rowtype_array",
    [T_FOREIGN_SERVER] = "foreign_server",
    [T_FOREIGN_OPTIONS] = "foreign_options",
    [T_ACCESS_METHOD] = "access_method",
    [T_OF_TYPE] = "of_type",
};

/* The row's parent (pg_inherits): a partition's parent, or the next INHERITS parent. */
static sd_status
add_parent(rowctx *x, sd_object *o)
{
    sd_buf b = SD_BUF_INIT;
    const char *q = qualified(&b, x, T_PARENT_SCHEMA, T_PARENT_NAME);

    if (q != NULL) {
        if (flag(x, T_IS_PARTITION))
            sd_obj_set_str(x->m, o, SD_TABLE_PARTITION_OF, q);
        else
            sd_obj_add_name(x->m, o, SD_TABLE_INHERITS, q);
        sd_obj_add_dep(x->m, o, SD_KIND_TABLE, str(x, T_PARENT_SCHEMA), NULL,
                       str(x, T_PARENT_NAME));
    }
    bool failed = sd_buf_failed(&b);
    sd_buf_dispose(&b);
    return failed ? nomem(x->err) : SD_OK;
}

static sd_status
add_table(rowctx *x)
{
    sd_object *o = NULL;

    if (same_group(x, T_OID))
        return add_parent(x, x->group);
    sd_status rc =
        sd_model_add(x->m, SD_KIND_TABLE, str(x, T_SCHEMA), NULL, str(x, T_NAME), &o, x->err);
    if (rc != SD_OK)
        return rc;
    x->group = o;
    sd_obj_set_bool(o, SD_TABLE_UNLOGGED, flag(x, T_UNLOGGED));
    sd_obj_set_str(x->m, o, SD_TABLE_PARTITION_KEY, str(x, T_PARTITION_KEY));
    sd_obj_set_str(x->m, o, SD_TABLE_PARTITION_BOUND, str(x, T_PARTITION_BOUND));
    sd_obj_set_bool(o, SD_TABLE_RLS_ENABLED, flag(x, T_RLS_ENABLED));
    sd_obj_set_bool(o, SD_TABLE_RLS_FORCED, flag(x, T_RLS_FORCED));
    sd_obj_set_str(x->m, o, SD_TABLE_REPLICA_IDENTITY, str(x, T_REPLICA_IDENTITY));
    sd_obj_set_str(x->m, o, SD_TABLE_OWNER, str(x, T_OWNER));
    sd_obj_set_str(x->m, o, SD_TABLE_COMMENT, str(x, T_COMMENT));
    sd_obj_set_str(x->m, o, SD_TABLE_FOREIGN_SERVER, str(x, T_FOREIGN_SERVER));
    sd_obj_set_str(x->m, o, SD_TABLE_ACCESS_METHOD, str(x, T_ACCESS_METHOD));
    sd_obj_set_str(x->m, o, SD_TABLE_OF_TYPE, str(x, T_OF_TYPE));
    rc = sd_pg__add_array(x->m, o, SD_TABLE_ACL, str(x, T_ACL), x->err);
    if (rc == SD_OK && str(x, T_FOREIGN_OPTIONS) != NULL)
        rc = sd_pg__add_array(x->m, o, SD_TABLE_FOREIGN_OPTIONS, str(x, T_FOREIGN_OPTIONS), x->err);
    if (rc == SD_OK)
        rc = sd_pg__add_array(x->m, o, SD_TABLE_OPTIONS, str(x, T_OPTIONS), x->err);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_CLASS, T_OID, -1, o);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_TYPE, T_ROWTYPE, -1, o);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_TYPE, T_ROWTYPE_ARRAY, -1, o);
    if (rc == SD_OK)
        rc = add_parent(x, o);
    return rc;
}

/* ---- columns ---- */

enum {
    C_SCHEMA,
    C_TABLE,
    C_NAME,
    C_TYPE,
    C_NOT_NULL,
    C_DEFAULT,
    C_GENERATED,
    C_GENERATED_KIND,
    C_COLLATION_SCHEMA,
    C_COLLATION_NAME,
    C_IDENTITY,
    C_IDENTITY_OPTIONS,
    C_ACL,
    C_COMMENT,
    C_INHERITED,
    C_STATISTICS,
    C_RELID,
    C_ATTNUM,
    C_ATTRDEF_OID,
    C_STORAGE,
    C_COMPRESSION,
    C_OPTIONS,
    C_IDENTITY_SEQUENCE,
    C_IDENTITY_ACL,
    C_FOREIGN_OPTIONS,
    C__N
};
static const char *const COLUMN_COLS[C__N] = {
    [C_SCHEMA] = "schema",
    [C_TABLE] = "tbl",
    [C_NAME] = "name",
    [C_TYPE] = "type",
    [C_NOT_NULL] = "not_null",
    [C_DEFAULT] = "def",
    [C_GENERATED] = "generated",
    [C_GENERATED_KIND] = "generated_kind",
    [C_COLLATION_SCHEMA] = "collation_schema",
    [C_COLLATION_NAME] = "collation_name",
    [C_IDENTITY] = "identity",
    [C_IDENTITY_OPTIONS] = "identity_options",
    [C_ACL] = "acl",
    [C_COMMENT] = "comment",
    [C_INHERITED] = "inherited",
    [C_STATISTICS] = "statistics",
    [C_RELID] = "relid",
    [C_ATTNUM] = "attnum",
    [C_ATTRDEF_OID] = "attrdef_oid",
    [C_STORAGE] = "storage",
    [C_COMPRESSION] = "compression",
    [C_OPTIONS] = "attoptions",
    [C_IDENTITY_SEQUENCE] = "identity_sequence",
    [C_IDENTITY_ACL] = "identity_acl",
    [C_FOREIGN_OPTIONS] = "foreign_options",
};

/* A column row's place in the order (relid, attnum). */
typedef struct column_at {
    int64_t relid;
    int64_t attnum;
    int row;
} column_at;

static int
cmp_column_at(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    const column_at *a = pa;
    const column_at *b = pb;
    if (a->relid != b->relid)
        return a->relid < b->relid ? -1 : 1;
    return a->attnum < b->attnum ? -1 : a->attnum > b->attnum;
}

/* x->rank[row] = the column's position: its rank by attnum among its table's rows. */
static sd_status
rank_columns(rowctx *x)
{
    int n = PQntuples(x->res);
    column_at *at = malloc((size_t)(n > 0 ? n : 1) * sizeof(*at));
    sd_status rc = SD_OK;

    x->rank = malloc((size_t)(n > 0 ? n : 1) * sizeof(*x->rank));
    if (at == NULL || x->rank == NULL) {
        free(at);
        return nomem(x->err);
    }
    for (int r = 0; rc == SD_OK && r < n; r++) {
        at[r].row = r;
        rc = sd_pg__int64(x->res, r, x->c[C_RELID], &at[r].relid, x->err);
        if (rc == SD_OK)
            rc = sd_pg__int64(x->res, r, x->c[C_ATTNUM], &at[r].attnum, x->err);
    }
    if (rc == SD_OK)
        rc = sd_sort(at, (size_t)n, sizeof(*at), cmp_column_at, NULL);
    if (rc == SD_ERR_NOMEM)
        rc = nomem(x->err);
    for (int i = 0, pos = 0; rc == SD_OK && i < n; i++) {
        pos = i > 0 && at[i].relid == at[i - 1].relid ? pos + 1 : 1;
        x->rank[at[i].row] = pos;
    }
    free(at);
    return rc;
}

static sd_status
add_column(rowctx *x)
{
    sd_object *o = NULL;
    int64_t statistics = 0;
    sd_buf b = SD_BUF_INIT;

    sd_status rc = sd_model_add(x->m, SD_KIND_COLUMN, str(x, C_SCHEMA), str(x, C_TABLE),
                                str(x, C_NAME), &o, x->err);
    if (rc == SD_OK)
        rc = sd_pg__int64(x->res, x->row, x->c[C_STATISTICS], &statistics, x->err);
    if (rc == SD_OK)
        rc = sd_pg__add_array(x->m, o, SD_COLUMN_ACL, str(x, C_ACL), x->err);
    if (rc == SD_OK && str(x, C_OPTIONS) != NULL)
        rc = sd_pg__add_array(x->m, o, SD_COLUMN_OPTIONS, str(x, C_OPTIONS), x->err);
    if (rc == SD_OK && str(x, C_FOREIGN_OPTIONS) != NULL)
        rc =
            sd_pg__add_array(x->m, o, SD_COLUMN_FOREIGN_OPTIONS, str(x, C_FOREIGN_OPTIONS), x->err);
    if (rc == SD_OK && str(x, C_IDENTITY_ACL) != NULL)
        rc = sd_pg__add_array(x->m, o, SD_COLUMN_IDENTITY_ACL, str(x, C_IDENTITY_ACL), x->err);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_CLASS, C_RELID, C_ATTNUM, o);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_ATTRDEF, C_ATTRDEF_OID, -1, o);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_int(o, SD_COLUMN_POSITION, x->rank[x->row]);
    sd_obj_set_str(x->m, o, SD_COLUMN_TYPE, str(x, C_TYPE));
    sd_obj_set_bool(o, SD_COLUMN_NOT_NULL, flag(x, C_NOT_NULL));
    sd_obj_set_sql(x->m, o, SD_COLUMN_DEFAULT, str(x, C_DEFAULT));
    sd_obj_set_sql(x->m, o, SD_COLUMN_GENERATED, str(x, C_GENERATED));
    sd_obj_set_str(x->m, o, SD_COLUMN_GENERATED_KIND, str(x, C_GENERATED_KIND));
    sd_obj_set_str(x->m, o, SD_COLUMN_COLLATION,
                   qualified(&b, x, C_COLLATION_SCHEMA, C_COLLATION_NAME));
    sd_obj_set_str(x->m, o, SD_COLUMN_IDENTITY, str(x, C_IDENTITY));
    sd_obj_set_str(x->m, o, SD_COLUMN_IDENTITY_OPTIONS, str(x, C_IDENTITY_OPTIONS));
    sd_obj_set_str(x->m, o, SD_COLUMN_COMMENT, str(x, C_COMMENT));
    sd_obj_set_bool(o, SD_COLUMN_INHERITED, flag(x, C_INHERITED));
    sd_obj_set_int(o, SD_COLUMN_STATISTICS, statistics);
    sd_obj_set_str(x->m, o, SD_COLUMN_STORAGE, str(x, C_STORAGE));
    sd_obj_set_str(x->m, o, SD_COLUMN_COMPRESSION, str(x, C_COMPRESSION));
    sd_obj_set_str(x->m, o, SD_COLUMN_IDENTITY_SEQUENCE, str(x, C_IDENTITY_SEQUENCE));
    bool failed = sd_buf_failed(&b);
    sd_buf_dispose(&b);
    return failed ? nomem(x->err) : SD_OK;
}

/* ---- constraints ---- */

enum {
    K_SCHEMA,
    K_TABLE,
    K_NAME,
    K_TYPE,
    K_RELID,
    K_COLUMN_NUMBERS,
    K_DEFERRABLE,
    K_INITIALLY_DEFERRED,
    K_NOT_VALID,
    K_NO_INHERIT,
    K_EXPRESSION,
    K_DEFINITION,
    K_NULLS_NOT_DISTINCT,
    K_REF_SCHEMA,
    K_REF_TABLE,
    K_REF_COLUMNS,
    K_ON_DELETE,
    K_ON_DELETE_COLUMNS,
    K_ON_UPDATE,
    K_MATCH,
    K_COMMENT,
    K_OID,
    K_INDEX_OPTIONS,
    K_INDEX_COMMENT,
    K_INDEX_OID,
    K_CLUSTERED,
    K_REPLIDENT,
    K_INCLUDE_COLUMN_NUMBERS,
    K__N
};
static const char *const CONSTRAINT_COLS[K__N] = {
    [K_SCHEMA] = "schema",
    [K_TABLE] = "tbl",
    [K_NAME] = "name",
    [K_TYPE] = "con_type",
    [K_RELID] = "relid",
    [K_COLUMN_NUMBERS] = "colnums",
    [K_DEFERRABLE] = "deferrable",
    [K_INITIALLY_DEFERRED] = "initially_deferred",
    [K_NOT_VALID] = "not_valid",
    [K_NO_INHERIT] = "no_inherit",
    [K_EXPRESSION] = "expression",
    [K_DEFINITION] = "definition",
    [K_NULLS_NOT_DISTINCT] = "nulls_not_distinct",
    [K_REF_SCHEMA] = "ref_schema",
    [K_REF_TABLE] = "ref_table",
    [K_REF_COLUMNS] = "ref_cols",
    [K_ON_DELETE] = "on_delete",
    [K_ON_DELETE_COLUMNS] = "on_delete_cols",
    [K_ON_UPDATE] = "on_update",
    [K_MATCH] = "match_type",
    [K_COMMENT] = "comment",
    [K_OID] = "con_oid",
    [K_INDEX_OPTIONS] = "index_options",
    [K_INDEX_COMMENT] = "index_comment",
    [K_INDEX_OID] = "index_oid",
    [K_CLUSTERED] = "clustered",
    [K_REPLIDENT] = "replident",
    [K_INCLUDE_COLUMN_NUMBERS] = "include_colnums",
};

/* Add the names of the constraint's columns (an int2[] of its table's attribute numbers,
 * "{2,1}", in result column nums) to a NAMES field, in order, from the columns read before. */
static sd_status
add_constraint_columns(rowctx *x, sd_object *o, int field, int nums)
{
    const char *p = str(x, nums);
    char num[8];

    if (p == NULL || *p++ != '{')
        return sd_err_set(x->err, SD_ERR, "internal error: constraint \"%s\" has no columns",
                          str(x, K_NAME));
    while (*p != '}') {
        size_t len = strspn(p, "0123456789");
        if (len == 0 || len >= sizeof(num) || (p[len] != ',' && p[len] != '}')) {
            return sd_err_set(x->err, SD_ERR,
                              "internal error: malformed column numbers of constraint \"%s\"",
                              str(x, K_NAME));
        }
        memcpy(num, p, len);
        num[len] = '\0';
        const sd_object *col = sd_pg__oid_get(x->oids, SD_PG_CAT_CLASS, str(x, K_RELID), num);
        if (col == NULL || col->kind != SD_KIND_COLUMN) {
            return sd_err_set(x->err, SD_ERR,
                              "internal error: column %s of constraint \"%s\" was not read", num,
                              str(x, K_NAME));
        }
        sd_obj_add_name(x->m, o, field, col->name);
        p += len + (p[len] == ',');
    }
    return SD_OK;
}

static sd_status
fill_primary_key(rowctx *x, sd_object *o)
{
    sd_obj_set_bool(o, SD_PK_DEFERRABLE, flag(x, K_DEFERRABLE));
    sd_obj_set_bool(o, SD_PK_INITIALLY_DEFERRED, flag(x, K_INITIALLY_DEFERRED));
    sd_obj_set_str(x->m, o, SD_PK_COMMENT, str(x, K_COMMENT));
    sd_obj_set_str(x->m, o, SD_PK_INDEX_COMMENT, str(x, K_INDEX_COMMENT));
    sd_obj_set_bool(o, SD_PK_CLUSTERED, flag(x, K_CLUSTERED));
    sd_obj_set_bool(o, SD_PK_REPLICA_IDENTITY, flag(x, K_REPLIDENT));
    sd_status rc = sd_pg__add_array(x->m, o, SD_PK_INDEX_OPTIONS, str(x, K_INDEX_OPTIONS), x->err);
    if (rc == SD_OK && str(x, K_INCLUDE_COLUMN_NUMBERS) != NULL)
        rc = add_constraint_columns(x, o, SD_PK_INCLUDE, K_INCLUDE_COLUMN_NUMBERS);
    return rc != SD_OK ? rc : add_constraint_columns(x, o, SD_PK_COLUMNS, K_COLUMN_NUMBERS);
}

static sd_status
fill_unique(rowctx *x, sd_object *o)
{
    sd_obj_set_bool(o, SD_UNIQUE_NULLS_NOT_DISTINCT, flag(x, K_NULLS_NOT_DISTINCT));
    sd_obj_set_bool(o, SD_UNIQUE_DEFERRABLE, flag(x, K_DEFERRABLE));
    sd_obj_set_bool(o, SD_UNIQUE_INITIALLY_DEFERRED, flag(x, K_INITIALLY_DEFERRED));
    sd_obj_set_str(x->m, o, SD_UNIQUE_COMMENT, str(x, K_COMMENT));
    sd_obj_set_str(x->m, o, SD_UNIQUE_INDEX_COMMENT, str(x, K_INDEX_COMMENT));
    sd_obj_set_bool(o, SD_UNIQUE_CLUSTERED, flag(x, K_CLUSTERED));
    sd_obj_set_bool(o, SD_UNIQUE_REPLICA_IDENTITY, flag(x, K_REPLIDENT));
    sd_status rc =
        sd_pg__add_array(x->m, o, SD_UNIQUE_INDEX_OPTIONS, str(x, K_INDEX_OPTIONS), x->err);
    if (rc == SD_OK && str(x, K_INCLUDE_COLUMN_NUMBERS) != NULL)
        rc = add_constraint_columns(x, o, SD_UNIQUE_INCLUDE, K_INCLUDE_COLUMN_NUMBERS);
    return rc != SD_OK ? rc : add_constraint_columns(x, o, SD_UNIQUE_COLUMNS, K_COLUMN_NUMBERS);
}

static sd_status
fill_check(rowctx *x, sd_object *o)
{
    sd_obj_set_sql(x->m, o, SD_CHECK_EXPRESSION, str(x, K_EXPRESSION));
    sd_obj_set_bool(o, SD_CHECK_NO_INHERIT, flag(x, K_NO_INHERIT));
    sd_obj_set_bool(o, SD_CHECK_NOT_VALID, flag(x, K_NOT_VALID));
    sd_obj_set_str(x->m, o, SD_CHECK_COMMENT, str(x, K_COMMENT));
    return SD_OK;
}

static sd_status
fill_exclusion(rowctx *x, sd_object *o)
{
    sd_obj_set_sql(x->m, o, SD_EXCLUSION_DEFINITION, str(x, K_DEFINITION));
    sd_obj_set_str(x->m, o, SD_EXCLUSION_COMMENT, str(x, K_COMMENT));
    sd_obj_set_str(x->m, o, SD_EXCLUSION_INDEX_COMMENT, str(x, K_INDEX_COMMENT));
    return SD_OK;
}

static sd_status
fill_foreign_key(rowctx *x, sd_object *o)
{
    sd_obj_set_str(x->m, o, SD_FK_REF_SCHEMA, str(x, K_REF_SCHEMA));
    sd_obj_set_str(x->m, o, SD_FK_REF_TABLE, str(x, K_REF_TABLE));
    sd_obj_set_bool(o, SD_FK_DEFERRABLE, flag(x, K_DEFERRABLE));
    sd_obj_set_bool(o, SD_FK_INITIALLY_DEFERRED, flag(x, K_INITIALLY_DEFERRED));
    sd_obj_set_bool(o, SD_FK_NOT_VALID, flag(x, K_NOT_VALID));
    sd_obj_set_str(x->m, o, SD_FK_COMMENT, str(x, K_COMMENT));
    sd_obj_add_dep(x->m, o, SD_KIND_TABLE, str(x, K_REF_SCHEMA), NULL, str(x, K_REF_TABLE));
    sd_status rc = add_constraint_columns(x, o, SD_FK_COLUMNS, K_COLUMN_NUMBERS);
    if (rc == SD_OK)
        rc = sd_pg__add_array(x->m, o, SD_FK_REF_COLUMNS, str(x, K_REF_COLUMNS), x->err);
    if (rc == SD_OK)
        rc = set_code(x, o, SD_FK_ON_DELETE, K_ON_DELETE, FK_ACTIONS, SD_ARRAY_LEN(FK_ACTIONS));
    if (rc == SD_OK && str(x, K_ON_DELETE_COLUMNS) != NULL)
        rc =
            sd_pg__add_array(x->m, o, SD_FK_ON_DELETE_COLUMNS, str(x, K_ON_DELETE_COLUMNS), x->err);
    if (rc == SD_OK)
        rc = set_code(x, o, SD_FK_ON_UPDATE, K_ON_UPDATE, FK_ACTIONS, SD_ARRAY_LEN(FK_ACTIONS));
    if (rc == SD_OK)
        rc = set_code(x, o, SD_FK_MATCH, K_MATCH, FK_MATCHES, SD_ARRAY_LEN(FK_MATCHES));
    return rc;
}

/* pg_constraint.contype -> model kind and the function that fills its fields. */
static const struct {
    char contype;                             /* catalog code */
    sd_kind kind;                             /* model kind */
    sd_status (*fill)(rowctx *, sd_object *); /* fields */
} CONSTRAINT_KINDS[] = {
    { 'p', SD_KIND_PRIMARY_KEY, fill_primary_key },
    { 'u', SD_KIND_UNIQUE, fill_unique },
    { 'c', SD_KIND_CHECK, fill_check },
    { 'x', SD_KIND_EXCLUSION, fill_exclusion },
    { 'f', SD_KIND_FOREIGN_KEY, fill_foreign_key },
};

static sd_status
add_constraint(rowctx *x)
{
    const char *type = str(x, K_TYPE);
    for (size_t i = 0; type != NULL && i < SD_ARRAY_LEN(CONSTRAINT_KINDS); i++) {
        if (type[0] != CONSTRAINT_KINDS[i].contype)
            continue;
        sd_object *o = NULL;
        sd_status rc = sd_model_add(x->m, CONSTRAINT_KINDS[i].kind, str(x, K_SCHEMA),
                                    str(x, K_TABLE), str(x, K_NAME), &o, x->err);
        if (rc == SD_OK)
            rc = put_oid(x, SD_PG_CAT_CONSTRAINT, K_OID, -1, o);
        if (rc == SD_OK) /* NULL but for an exclusion */
            rc = put_oid(x, SD_PG_CAT_CLASS, K_INDEX_OID, -1, o);
        return rc != SD_OK ? rc : CONSTRAINT_KINDS[i].fill(x, o);
    }
    return sd_err_set(x->err, SD_ERR, "internal error: unexpected constraint type \"%s\"",
                      type != NULL ? type : "null");
}

/* ---- indexes ---- */

enum {
    I_OID,
    I_SCHEMA,
    I_TABLE,
    I_REL_KIND,
    I_NAME,
    I_UNIQUE,
    I_METHOD,
    I_WHERE,
    I_NULLS_NOT_DISTINCT,
    I_COMMENT,
    I_OPTIONS,
    I_CLUSTERED,
    I_REPLIDENT,
    I_STATISTICS,
    I_IS_KEY,
    I_COLUMN,
    I_EXPR,
    I_COLLATION_SCHEMA,
    I_COLLATION_NAME,
    I_OPCLASS_SCHEMA,
    I_OPCLASS_NAME,
    I_DESC,
    I_NULLS,
    I__N
};
static const char *const INDEX_COLS[I__N] = {
    [I_OID] = "idx_oid",
    [I_SCHEMA] = "schema",
    [I_TABLE] = "tbl",
    [I_REL_KIND] = "rel_kind",
    [I_NAME] = "name",
    [I_UNIQUE] = "uniq",
    [I_METHOD] = "method",
    [I_WHERE] = "pred",
    [I_NULLS_NOT_DISTINCT] = "nulls_not_distinct",
    [I_COMMENT] = "comment",
    [I_OPTIONS] = "options",
    [I_CLUSTERED] = "clustered",
    [I_REPLIDENT] = "replident",
    [I_STATISTICS] = "statistics",
    [I_IS_KEY] = "is_key",
    [I_COLUMN] = "col",
    [I_EXPR] = "expr",
    [I_COLLATION_SCHEMA] = "collation_schema",
    [I_COLLATION_NAME] = "collation_name",
    [I_OPCLASS_SCHEMA] = "opclass_schema",
    [I_OPCLASS_NAME] = "opclass_name",
    [I_DESC] = "descending",
    [I_NULLS] = "nulls",
};

/* One index attribute: a key part, or an INCLUDE column. */
static sd_status
add_index_attribute(rowctx *x, sd_object *o)
{
    sd_buf coll = SD_BUF_INIT;
    sd_buf opclass = SD_BUF_INIT;
    sd_keypart kp;

    /* "n=t", in attribute order: the rows come ordered by k.ord. */
    if (str(x, I_STATISTICS) != NULL)
        sd_obj_add_name(x->m, o, SD_INDEX_STATISTICS, str(x, I_STATISTICS));
    if (!flag(x, I_IS_KEY)) {
        if (str(x, I_COLUMN) == NULL)
            return sd_err_set(x->err, SD_ERR, "internal error: INCLUDE expression in index \"%s\"",
                              str(x, I_NAME));
        sd_obj_add_name(x->m, o, SD_INDEX_INCLUDE, str(x, I_COLUMN));
        return SD_OK;
    }
    memset(&kp, 0, sizeof(kp));
    kp.column = str(x, I_COLUMN);
    kp.expr.text = kp.column == NULL ? str(x, I_EXPR) : NULL;
    kp.collation = qualified(&coll, x, I_COLLATION_SCHEMA, I_COLLATION_NAME);
    kp.opclass = qualified(&opclass, x, I_OPCLASS_SCHEMA, I_OPCLASS_NAME);
    kp.desc = flag(x, I_DESC);
    kp.nulls = str(x, I_NULLS);
    bool failed = sd_buf_failed(&coll) || sd_buf_failed(&opclass);
    if (!failed)
        sd_obj_add_key(x->m, o, SD_INDEX_KEYS, &kp);
    sd_buf_dispose(&coll);
    sd_buf_dispose(&opclass);
    return failed ? nomem(x->err) : SD_OK;
}

static sd_status
add_index(rowctx *x)
{
    sd_object *o = NULL;

    if (same_group(x, I_OID))
        return add_index_attribute(x, x->group);
    sd_status rc = sd_model_add(x->m, SD_KIND_INDEX, str(x, I_SCHEMA), str(x, I_TABLE),
                                str(x, I_NAME), &o, x->err);
    if (rc != SD_OK)
        return rc;
    x->group = o;
    sd_obj_set_bool(o, SD_INDEX_UNIQUE, flag(x, I_UNIQUE));
    sd_obj_set_str(x->m, o, SD_INDEX_METHOD, str(x, I_METHOD));
    sd_obj_set_sql(x->m, o, SD_INDEX_WHERE, str(x, I_WHERE));
    sd_obj_set_bool(o, SD_INDEX_NULLS_NOT_DISTINCT, flag(x, I_NULLS_NOT_DISTINCT));
    sd_obj_set_str(x->m, o, SD_INDEX_COMMENT, str(x, I_COMMENT));
    sd_obj_set_bool(o, SD_INDEX_CLUSTERED, flag(x, I_CLUSTERED));
    sd_obj_set_bool(o, SD_INDEX_REPLICA_IDENTITY, flag(x, I_REPLIDENT));
    rc = sd_pg__add_array(x->m, o, SD_INDEX_OPTIONS, str(x, I_OPTIONS), x->err);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_CLASS, I_OID, -1, o);
    if (rc != SD_OK)
        return rc;
    const char *relkind = str(x, I_REL_KIND);
    sd_kind on = relkind != NULL && relkind[0] == 'm' ? SD_KIND_MATVIEW : SD_KIND_TABLE;
    sd_obj_add_dep(x->m, o, on, str(x, I_SCHEMA), NULL, str(x, I_TABLE));
    return add_index_attribute(x, o);
}

/* ---- sequences ---- */

enum {
    S_SCHEMA,
    S_NAME,
    S_TYPE,
    S_START,
    S_INCREMENT,
    S_MIN,
    S_MAX,
    S_CACHE,
    S_CYCLE,
    S_OWNED_SCHEMA,
    S_OWNED_TABLE,
    S_OWNED_COLUMN,
    S_OWNER,
    S_ACL,
    S_COMMENT,
    S_OID,
    S__N
};
static const char *const SEQUENCE_COLS[S__N] = {
    [S_SCHEMA] = "schema",
    [S_NAME] = "name",
    [S_TYPE] = "type",
    [S_START] = "start",
    [S_INCREMENT] = "increment",
    [S_MIN] = "min_value",
    [S_MAX] = "max_value",
    [S_CACHE] = "cache",
    [S_CYCLE] = "cycle",
    [S_OWNED_SCHEMA] = "owned_schema",
    [S_OWNED_TABLE] = "owned_table",
    [S_OWNED_COLUMN] = "owned_column",
    [S_OWNER] = "owner",
    [S_ACL] = "acl",
    [S_COMMENT] = "comment",
    [S_OID] = "oid",
};

/* The sequence's integer columns and the fields they fill. */
static const struct {
    int col;   /* S_* */
    int field; /* SD_SEQUENCE_* */
} SEQUENCE_INTS[] = {
    { S_START, SD_SEQUENCE_START }, { S_INCREMENT, SD_SEQUENCE_INCREMENT },
    { S_MIN, SD_SEQUENCE_MIN },     { S_MAX, SD_SEQUENCE_MAX },
    { S_CACHE, SD_SEQUENCE_CACHE },
};

/* OWNED BY: "schema.table.column" as quoted SQL, or nothing. */
static sd_status
set_owned_by(rowctx *x, sd_object *o)
{
    sd_buf b = SD_BUF_INIT;
    const char *column = str(x, S_OWNED_COLUMN);

    if (column == NULL)
        return SD_OK;
    sd_sql_qualified(&b, SD_ENGINE_PG, str(x, S_OWNED_SCHEMA), str(x, S_OWNED_TABLE));
    sd_buf_putc(&b, '.');
    sd_sql_ident(&b, SD_ENGINE_PG, column);
    bool failed = sd_buf_failed(&b);
    if (!failed)
        sd_obj_set_str(x->m, o, SD_SEQUENCE_OWNED_BY, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    return failed ? nomem(x->err) : SD_OK;
}

static sd_status
add_sequence(rowctx *x)
{
    sd_object *o = NULL;
    sd_status rc =
        sd_model_add(x->m, SD_KIND_SEQUENCE, str(x, S_SCHEMA), NULL, str(x, S_NAME), &o, x->err);
    for (size_t i = 0; rc == SD_OK && i < SD_ARRAY_LEN(SEQUENCE_INTS); i++) {
        int64_t v = 0;
        rc = sd_pg__int64(x->res, x->row, x->c[SEQUENCE_INTS[i].col], &v, x->err);
        if (rc == SD_OK)
            sd_obj_set_int(o, SEQUENCE_INTS[i].field, v);
    }
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(x->m, o, SD_SEQUENCE_TYPE, str(x, S_TYPE));
    sd_obj_set_bool(o, SD_SEQUENCE_CYCLE, flag(x, S_CYCLE));
    sd_obj_set_str(x->m, o, SD_SEQUENCE_OWNER, str(x, S_OWNER));
    sd_obj_set_str(x->m, o, SD_SEQUENCE_COMMENT, str(x, S_COMMENT));
    rc = sd_pg__add_array(x->m, o, SD_SEQUENCE_ACL, str(x, S_ACL), x->err);
    if (rc == SD_OK)
        rc = put_oid(x, SD_PG_CAT_CLASS, S_OID, -1, o);
    return rc == SD_OK ? set_owned_by(x, o) : rc;
}

/* ---- policies ---- */

enum {
    P_SCHEMA,
    P_TABLE,
    P_NAME,
    P_COMMAND,
    P_PERMISSIVE,
    P_ROLES,
    P_USING,
    P_WITH_CHECK,
    P_COMMENT,
    P_OID,
    P__N
};
static const char *const POLICY_COLS[P__N] = {
    [P_SCHEMA] = "schema",
    [P_TABLE] = "tbl",
    [P_NAME] = "name",
    [P_COMMAND] = "command",
    [P_PERMISSIVE] = "permissive",
    [P_ROLES] = "roles",
    [P_USING] = "using_expr",
    [P_WITH_CHECK] = "check_expr",
    [P_COMMENT] = "comment",
    [P_OID] = "oid",
};

static sd_status
add_policy(rowctx *x)
{
    sd_object *o = NULL;
    sd_status rc = sd_model_add(x->m, SD_KIND_POLICY, str(x, P_SCHEMA), str(x, P_TABLE),
                                str(x, P_NAME), &o, x->err);
    if (rc == SD_OK)
        rc = set_code(x, o, SD_POLICY_COMMAND, P_COMMAND, POLICY_COMMANDS,
                      SD_ARRAY_LEN(POLICY_COMMANDS));
    if (rc == SD_OK)
        rc = sd_pg__add_array(x->m, o, SD_POLICY_ROLES, str(x, P_ROLES), x->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_bool(o, SD_POLICY_PERMISSIVE, flag(x, P_PERMISSIVE));
    sd_obj_set_sql(x->m, o, SD_POLICY_USING, str(x, P_USING));
    sd_obj_set_sql(x->m, o, SD_POLICY_WITH_CHECK, str(x, P_WITH_CHECK));
    sd_obj_set_str(x->m, o, SD_POLICY_COMMENT, str(x, P_COMMENT));
    return put_oid(x, SD_PG_CAT_POLICY, P_OID, -1, o);
}

/* ---- entry point ---- */

_Static_assert(T__N <= MAX_COLS && C__N <= MAX_COLS && K__N <= MAX_COLS && I__N <= MAX_COLS &&
                   S__N <= MAX_COLS && P__N <= MAX_COLS,
               "MAX_COLS holds every reader's columns");

/* The readers, in the order they run, for a server version; n = RELATION_READERS. */
enum {
    RELATION_READERS = 6
};
static void
relation_readers(int version, reader out[RELATION_READERS])
{
    bool pg15 = version >= 150000;
    const reader readers[RELATION_READERS] = {
        { "reading tables", TABLES_SQL, TABLE_COLS, T__N, add_table, NULL },
        { "reading columns",
          version >= 140000 ? COLUMNS_SQL("a.attcompression") : COLUMNS_SQL("NULL::\"char\""),
          COLUMN_COLS, C__N, add_column, rank_columns },
        { "reading constraints",
          pg15 ? CONSTRAINTS_SQL("COALESCE(ix.indnullsnotdistinct, false)",
                                 "CASE WHEN con.confdelsetcols IS NOT NULL THEN " ATTNAMES(
                                     "con.confdelsetcols", "con.conrelid") " END")
               : CONSTRAINTS_SQL("false", "NULL"),
          CONSTRAINT_COLS, K__N, add_constraint, NULL },
        { "reading indexes", pg15 ? INDEXES_SQL("i.indnullsnotdistinct") : INDEXES_SQL("false"),
          INDEX_COLS, I__N, add_index, NULL },
        { "reading sequences", SEQUENCES_SQL, SEQUENCE_COLS, S__N, add_sequence, NULL },
        { "reading policies", POLICIES_SQL, POLICY_COLS, P__N, add_policy, NULL },
    };
    memcpy(out, readers, sizeof(readers));
}

size_t
sd_pg__relation_plan(int version, const char **sql, size_t cap)
{
    reader readers[RELATION_READERS];
    size_t n = 0;
    relation_readers(version, readers);
    for (size_t i = 0; i < RELATION_READERS && n < cap; i++)
        sql[n++] = readers[i].sql;
    return n;
}

sd_status
sd_pg__read_relations(sd_pg_session *s,
                      sd_model *m,
                      const sd_pg_filter *f,
                      sd_pg_oids *oids,
                      sd_err *err)
{
    reader readers[RELATION_READERS];
    relation_readers(s->version, readers);
    sd_status rc = SD_OK;

    for (size_t i = 0; rc == SD_OK && i < SD_ARRAY_LEN(readers); i++)
        rc = run_reader(s, m, f, oids, &readers[i], err);
    return rc;
}
