/*
 * pg_obj.c: the PostgreSQL reader for everything that is not a table or hangs off one:
 * schemas, extensions, collations, text search parsers / templates / dictionaries /
 * configurations, base / shell / enum / domain / composite / range types, functions and
 * procedures, aggregates, event triggers, casts, foreign-data wrappers, servers, user
 * mappings and publications (database-wide), operators, views, materialized
 * views, triggers, rules, statistics objects, the dependency edges between model objects, and the
 * list of objects the model does not compare.
 *
 * Each kind is ONE catalog query over the whole database, with the schema filter bound as
 * $1/$2 (SD_PG_SCHEMA_FILTER; database-wide kinds: SD_PG_DATABASE_FILTER), skipping system schemas
 * and extension members (a pg_depend row with deptype 'e' on the object). Kinds whose rows carry a
 * list (a domain's CHECK constraints, a composite's attributes) are read as one row per list item,
 * ordered by the owner's OID, and grouped here. Renderings follow the "Value formats" contract in
 * model/model.h; names that end up inside SQL text we build ourselves (collations, opclasses,
 * functions in a range definition, attribute names) are quoted with util/sql.h.
 *
 * Dependencies come from one query over pg_depend, returned as catalog OIDs. Every reader
 * records the objects it adds under the OIDs pg_depend can name them by (pg_int.h,
 * sd_pg_oids: a view also by its _RETURN rule and row type, a column also by its default,
 * a type also by its array type, a domain also by its CHECKs), and the pass maps both ends
 * through that index. OIDs identify nothing beyond one inspection: the model stores names.
 * Ends that are not in the model (system objects, extension members, constraint-backed
 * indexes, filtered-out schemas) are skipped.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <libpq-fe.h>

#include "introspect/pg_int.h"
#include "model/model.h"
#include "util/buf.h"
#include "util/sql.h"
#include "util/util.h"

/* ---- SQL building blocks ---- */

/* The object (catalog, OID expression) is not a member of an extension. */
#define NOT_EXT(cat, oid)                                                                \
    "NOT EXISTS (SELECT 1 FROM pg_depend sd_x WHERE sd_x.classid = 'pg_catalog." cat "'" \
    "::regclass::oid AND sd_x.objid = " oid " AND sd_x.deptype = 'e')"

/* The object is not an internal part of another (pg_depend deptype 'i'): the constructor
 * functions and casts a range type makes for itself, for example. */
#define NOT_INTERNAL(cat, oid)                                                           \
    "NOT EXISTS (SELECT 1 FROM pg_depend sd_i WHERE sd_i.classid = 'pg_catalog." cat "'" \
    "::regclass::oid AND sd_i.objid = " oid " AND sd_i.deptype = 'i')"

/* The object's comment, as column "comment" (alias ds). */
#define COMMENT_JOIN(cat, oid)                             \
    " LEFT JOIN pg_description ds ON ds.objoid = " oid " " \
    "AND ds.classoid = 'pg_catalog." cat "'::regclass::oid AND ds.objsubid = 0 "

/* owner, then acl (SD_PG_ACL_SQL), then comment: the first three columns of every ownable
 * object's query. */
#define COMMON(owner_col, acl_col, objtype)                          \
    "pg_get_userbyid(" owner_col ")::text AS owner, " SD_PG_ACL_SQL( \
        acl_col, owner_col, objtype) " AS acl, ds.description AS comment"

enum {
    COL_OWNER,
    COL_ACL,
    COL_COMMENT,
    COL__COMMON
};
#define COMMON_COLS "owner", "acl", "comment"

/* The same pieces for the usual aliases: n pg_namespace, t pg_type, p pg_proc, c pg_class,
 * g pg_trigger (object-like, so that the queries below read as plain SQL). */
#define NSP_COMMON        COMMON("n.nspowner", "n.nspacl", "n")
#define NSP_COMMENT       COMMENT_JOIN("pg_namespace", "n.oid")
#define NSP_NOT_EXT       NOT_EXT("pg_namespace", "n.oid")
#define TYPE_COMMON       COMMON("t.typowner", "t.typacl", "T")
#define TYPE_COMMENT      COMMENT_JOIN("pg_type", "t.oid")
#define TYPE_NOT_EXT      NOT_EXT("pg_type", "t.oid")
#define PROC_COMMON       COMMON("p.proowner", "p.proacl", "f")
#define PROC_COMMENT      COMMENT_JOIN("pg_proc", "p.oid")
#define PROC_NOT_EXT      NOT_EXT("pg_proc", "p.oid")
#define PROC_NOT_INTERNAL NOT_INTERNAL("pg_proc", "p.oid")
#define REL_COMMON        COMMON("c.relowner", "c.relacl", "r")
#define REL_COMMENT       COMMENT_JOIN("pg_class", "c.oid")
#define REL_NOT_EXT       NOT_EXT("pg_class", "c.oid")
#define TRIGGER_COMMENT   COMMENT_JOIN("pg_trigger", "g.oid")
#define RULE_COMMENT      COMMENT_JOIN("pg_rewrite", "w.oid")

/* The most columns any query here resolves. */
#define MAX_COLS 32

/* ---- reader ---- */

typedef struct reader {
    sd_pg_session *s;      /* the connection, inside the read transaction */
    sd_model *m;           /* the model being built */
    const sd_pg_filter *f; /* schema filter, bound as $1/$2 */
    int version;           /* PQserverVersion() */
    sd_pg_oids *oids;      /* objects by catalog OID, for the dependency pass */
    sd_err *err;           /* error detail */
} reader;

typedef struct query {
    const char *sql;         /* the catalog query */
    const char *purpose;     /* "reading views", for errors */
    const char *const *cols; /* column names, resolved in this order */
    size_t ncols;            /* number of cols */
} query;

/* Called for each result row; c[i] is the column number of q->cols[i]. */
typedef sd_status (*row_fn)(reader *r, const PGresult *res, int row, const int *c, void *state);

static sd_status
nomem(reader *r)
{
    return sd_err_set(r->err, SD_ERR_NOMEM, "out of memory");
}

/* Run q, resolve its columns and call fn for every row; the result is cleared here. */
static sd_status
run(reader *r, const query *q, row_fn fn, void *state)
{
    PGresult *res = NULL;
    int c[MAX_COLS];
    sd_status rc;

    if (q->ncols > MAX_COLS)
        return sd_err_set(r->err, SD_ERR, "internal error: too many columns in a catalog query");
    rc = sd_pg__query(r->s, q->sql, r->f, q->purpose, &res, r->err);
    for (size_t i = 0; i < q->ncols && rc == SD_OK; i++)
        rc = sd_pg__col(res, q->cols[i], &c[i], r->err);
    int n = rc == SD_OK ? PQntuples(res) : 0;
    for (int i = 0; i < n && rc == SD_OK; i++)
        rc = fn(r, res, i, c, state);
    PQclear(res);
    if (rc == SD_OK && sd_arena_failed(sd_model_arena(r->m)))
        rc = nomem(r);
    return rc;
}

/* Record o under the OID in column col of the row (NULL or 0: nothing). */
static sd_status
put_oid(reader *r, sd_pg_cat cat, const PGresult *res, int row, int col, sd_object *o)
{
    return sd_pg__oid_put(r->oids, cat, sd_pg__str(res, row, col), NULL, o, r->err);
}

/* A type is named in pg_depend by its own OID and by its array type's. */
static sd_status
put_type_oids(reader *r, const PGresult *res, int row, int oid_col, int array_col, sd_object *o)
{
    sd_status rc = put_oid(r, SD_PG_CAT_TYPE, res, row, oid_col, o);
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_TYPE, res, row, array_col, o) : rc;
}

/* Set owner, acl and comment (the kind's fields with those roles) from the COL_OWNER,
 * COL_ACL, COL_COMMENT columns. */
static sd_status
set_common(reader *r, sd_object *o, const PGresult *res, int row, const int *c)
{
    const char *acl = sd_pg__str(res, row, c[COL_ACL]);
    sd_obj_set_str(r->m, o, sd_kind_role_field(o->kind, SD_ROLE_OWNER),
                   sd_pg__str(res, row, c[COL_OWNER]));
    sd_obj_set_str(r->m, o, sd_kind_role_field(o->kind, SD_ROLE_COMMENT),
                   sd_pg__str(res, row, c[COL_COMMENT]));
    return acl != NULL
               ? sd_pg__add_array(r->m, o, sd_kind_role_field(o->kind, SD_ROLE_ACL), acl, r->err)
               : SD_OK;
}

/* Append ", KEY = schema.name" (quoted) when name is not NULL. */
static void
append_option(sd_buf *b, const char *key, const char *schema, const char *name)
{
    if (name == NULL)
        return;
    sd_buf_appendf(b, ", %s = ", key);
    sd_sql_qualified(b, SD_ENGINE_PG, schema, name);
}

/* ---- schemas ---- */

enum {
    SC_NAME = COL__COMMON,
    SC_DEFAULT_ACL,
    SC__N
};
static const char *const SCHEMA_COLS[SC__N] = { COMMON_COLS, "nspname", "default_acl" };
static const char SCHEMAS_SQL[] =
    "SELECT n.nspname, " NSP_COMMON ", "
    "ARRAY(SELECT q.s FROM (SELECT pg_get_userbyid(d.defaclrole)::text || ':' || "
    "d.defaclobjtype::text || ':' || a::text AS s FROM pg_default_acl d, "
    "unnest(d.defaclacl) AS a WHERE d.defaclnamespace = n.oid) AS q "
    "ORDER BY q.s COLLATE \"C\") AS default_acl "
    "FROM pg_namespace n " NSP_COMMENT "WHERE " SD_PG_SCHEMA_FILTER " AND " NSP_NOT_EXT;

static sd_status
schema_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *name = sd_pg__str(res, row, c[SC_NAME]);
    const char *defacl = sd_pg__str(res, row, c[SC_DEFAULT_ACL]);
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_SCHEMA, name, NULL, name, &o, r->err);
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    if (rc == SD_OK && defacl != NULL)
        rc = sd_pg__add_array(r->m, o, SD_SCHEMA_DEFAULT_ACL, defacl, r->err);
    return rc;
}

/* ---- extensions ---- */

enum {
    EX_NAME,
    EX_SCHEMA,
    EX_VERSION,
    EX_COMMENT,
    EX__N
};
static const char *const EXTENSION_COLS[EX__N] = { "extname", "nspname", "extversion", "comment" };
static const char EXTENSIONS_SQL[] =
    "SELECT x.extname, n.nspname, x.extversion, ds.description AS comment FROM pg_extension x "
    "JOIN pg_namespace n ON n.oid = x.extnamespace " COMMENT_JOIN(
        "pg_extension",
        "x.oid") "WHERE " SD_PG_SCHEMA_FILTER;

static sd_status
extension_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_EXTENSION, sd_pg__str(res, row, c[EX_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[EX_NAME]), &o, r->err);
    if (rc == SD_OK) {
        sd_obj_set_str(r->m, o, SD_EXTENSION_VERSION, sd_pg__str(res, row, c[EX_VERSION]));
        sd_obj_set_str(r->m, o, SD_EXTENSION_COMMENT, sd_pg__str(res, row, c[EX_COMMENT]));
    }
    return rc;
}

/* ---- collations ---- */

enum {
    CL_OWNER,
    CL_COMMENT,
    CL_SCHEMA,
    CL_NAME,
    CL_OID,
    CL_PROVIDER,
    CL_DETERMINISTIC,
    CL_LOCALE,
    CL_LC_COLLATE,
    CL_LC_CTYPE,
    CL__N
};
static const char *const COLLATION_COLS[CL__N] = {
    "owner",    "comment",       "nspname", "collname",   "oid",
    "provider", "deterministic", "locale",  "lc_collate", "lc_ctype",
};
/* clang-format off */

/* The locale settings as pg_dump's dumpCollation() writes them: an ICU locale (PostgreSQL
 * 15's colliculocale; before, collcollate held it) or LC_COLLATE and LC_CTYPE when equal as
 * locale alone, else lc_collate and lc_ctype. icu is the ICU locale column's expression. */
#define COLLATIONS_SQL(icu)                                                                \
    "SELECT n.nspname, co.collname, co.oid, pg_get_userbyid(co.collowner)::text AS owner, " \
    "ds.description AS comment, "                                                          \
    "CASE co.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' "                       \
    "ELSE co.collprovider::text END AS provider, "                                         \
    "co.collisdeterministic AS deterministic, "                                            \
    "COALESCE(" icu ", CASE WHEN co.collcollate = co.collctype THEN co.collcollate END) "  \
    "AS locale, "                                                                          \
    "CASE WHEN " icu " IS NULL AND co.collcollate <> co.collctype THEN co.collcollate END " \
    "AS lc_collate, "                                                                      \
    "CASE WHEN " icu " IS NULL AND co.collcollate <> co.collctype THEN co.collctype END "  \
    "AS lc_ctype "                                                                         \
    "FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace "                \
    COMMENT_JOIN("pg_collation", "co.oid")                                                 \
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_collation", "co.oid")
static const char COLLATIONS_SQL_15[] = COLLATIONS_SQL("co.colliculocale");
/* PostgreSQL 12 to 14 (collisdeterministic is 12's). */
static const char COLLATIONS_SQL_OLD[] = COLLATIONS_SQL("NULL::text");

/* clang-format on */

static sd_status
collation_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_COLLATION, sd_pg__str(res, row, c[CL_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[CL_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_COLLATION_PROVIDER, sd_pg__str(res, row, c[CL_PROVIDER]));
    sd_obj_set_str(r->m, o, SD_COLLATION_LOCALE, sd_pg__str(res, row, c[CL_LOCALE]));
    sd_obj_set_str(r->m, o, SD_COLLATION_LC_COLLATE, sd_pg__str(res, row, c[CL_LC_COLLATE]));
    sd_obj_set_str(r->m, o, SD_COLLATION_LC_CTYPE, sd_pg__str(res, row, c[CL_LC_CTYPE]));
    sd_obj_set_bool(o, SD_COLLATION_DETERMINISTIC, sd_pg__bool(res, row, c[CL_DETERMINISTIC]));
    sd_obj_set_str(r->m, o, SD_COLLATION_OWNER, sd_pg__str(res, row, c[CL_OWNER]));
    sd_obj_set_str(r->m, o, SD_COLLATION_COMMENT, sd_pg__str(res, row, c[CL_COMMENT]));
    return put_oid(r, SD_PG_CAT_COLLATION, res, row, c[CL_OID], o);
}

/* ---- text search parsers, templates, dictionaries, configurations ---- */

/* A support function as regproc renders it (qualified outside pg_catalog: search_path is
 * empty), as pg_dump's convertTSFunction() writes it; NULL when unset. */
#define TS_FN(col) "CASE WHEN " col " <> 0 THEN " col "::regproc::text END"

enum {
    TP_COMMENT,
    TP_SCHEMA,
    TP_NAME,
    TP_OID,
    TP_START,
    TP_GETTOKEN,
    TP_END,
    TP_HEADLINE,
    TP_LEXTYPES,
    TP__N
};
static const char *const TS_PARSER_COLS[TP__N] = {
    "comment", "nspname", "prsname", "oid", "start", "gettoken", "end", "headline", "lextypes",
};
/* clang-format off */
static const char TS_PARSERS_SQL[] =
    "SELECT n.nspname, p.prsname, p.oid, ds.description AS comment, "
    TS_FN("p.prsstart") " AS start, " TS_FN("p.prstoken") " AS gettoken, "
    TS_FN("p.prsend") " AS \"end\", " TS_FN("p.prsheadline") " AS headline, "
    TS_FN("p.prslextype") " AS lextypes "
    "FROM pg_ts_parser p JOIN pg_namespace n ON n.oid = p.prsnamespace "
    COMMENT_JOIN("pg_ts_parser", "p.oid")
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_ts_parser", "p.oid");
/* clang-format on */

static sd_status
ts_parser_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_TS_PARSER, sd_pg__str(res, row, c[TP_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[TP_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    static const int FIELDS[][2] = {
        { SD_TS_PARSER_START, TP_START },       { SD_TS_PARSER_GETTOKEN, TP_GETTOKEN },
        { SD_TS_PARSER_END, TP_END },           { SD_TS_PARSER_HEADLINE, TP_HEADLINE },
        { SD_TS_PARSER_LEXTYPES, TP_LEXTYPES }, { SD_TS_PARSER_COMMENT, TP_COMMENT },
    };
    for (size_t i = 0; i < SD_ARRAY_LEN(FIELDS); i++)
        sd_obj_set_str(r->m, o, FIELDS[i][0], sd_pg__str(res, row, c[FIELDS[i][1]]));
    return put_oid(r, SD_PG_CAT_TS_PARSER, res, row, c[TP_OID], o);
}

enum {
    TT_COMMENT,
    TT_SCHEMA,
    TT_NAME,
    TT_OID,
    TT_INIT,
    TT_LEXIZE,
    TT__N
};
static const char *const TS_TEMPLATE_COLS[TT__N] = {
    "comment", "nspname", "tmplname", "oid", "init", "lexize",
};
/* clang-format off */
static const char TS_TEMPLATES_SQL[] =
    "SELECT n.nspname, t.tmplname, t.oid, ds.description AS comment, "
    TS_FN("t.tmplinit") " AS init, " TS_FN("t.tmpllexize") " AS lexize "
    "FROM pg_ts_template t JOIN pg_namespace n ON n.oid = t.tmplnamespace "
    COMMENT_JOIN("pg_ts_template", "t.oid")
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_ts_template", "t.oid");
/* clang-format on */

static sd_status
ts_template_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_TS_TEMPLATE, sd_pg__str(res, row, c[TT_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[TT_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_TS_TEMPLATE_INIT, sd_pg__str(res, row, c[TT_INIT]));
    sd_obj_set_str(r->m, o, SD_TS_TEMPLATE_LEXIZE, sd_pg__str(res, row, c[TT_LEXIZE]));
    sd_obj_set_str(r->m, o, SD_TS_TEMPLATE_COMMENT, sd_pg__str(res, row, c[TT_COMMENT]));
    return put_oid(r, SD_PG_CAT_TS_TMPL, res, row, c[TT_OID], o);
}

enum {
    TD_OWNER,
    TD_COMMENT,
    TD_SCHEMA,
    TD_NAME,
    TD_OID,
    TD_TEMPLATE,
    TD_OPTIONS,
    TD__N
};
static const char *const TS_DICT_COLS[TD__N] = {
    "owner", "comment", "nspname", "dictname", "oid", "template", "options",
};
/* clang-format off */
/* The template always qualified, as pg_dump's fmtQualifiedDumpable() writes it. */
static const char TS_DICTS_SQL[] =
    "SELECT n.nspname, d.dictname, d.oid, pg_get_userbyid(d.dictowner)::text AS owner, "
    "ds.description AS comment, "
    "quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname) AS template, "
    "d.dictinitoption AS options "
    "FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace "
    "JOIN pg_ts_template t ON t.oid = d.dicttemplate "
    "JOIN pg_namespace tn ON tn.oid = t.tmplnamespace "
    COMMENT_JOIN("pg_ts_dict", "d.oid")
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_ts_dict", "d.oid");
/* clang-format on */

static sd_status
ts_dict_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_TS_DICT, sd_pg__str(res, row, c[TD_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[TD_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_TS_DICT_TEMPLATE, sd_pg__str(res, row, c[TD_TEMPLATE]));
    sd_obj_set_str(r->m, o, SD_TS_DICT_OPTIONS, sd_pg__str(res, row, c[TD_OPTIONS]));
    sd_obj_set_str(r->m, o, SD_TS_DICT_OWNER, sd_pg__str(res, row, c[TD_OWNER]));
    sd_obj_set_str(r->m, o, SD_TS_DICT_COMMENT, sd_pg__str(res, row, c[TD_COMMENT]));
    return put_oid(r, SD_PG_CAT_TS_DICT, res, row, c[TD_OID], o);
}

enum {
    TC_OWNER,
    TC_COMMENT,
    TC_SCHEMA,
    TC_NAME,
    TC_OID,
    TC_PARSER,
    TC_MAPPINGS,
    TC__N
};
static const char *const TS_CONFIG_COLS[TC__N] = {
    "owner", "comment", "nspname", "cfgname", "oid", "parser", "mappings",
};
/* clang-format off */
/* The mappings as pg_dump's dumpTSConfig() reads them: per token type (in the parser's token
 * order, named by its alias), the dictionaries in mapping order. */
static const char TS_CONFIGS_SQL[] =
    "SELECT n.nspname, c.cfgname, c.oid, pg_get_userbyid(c.cfgowner)::text AS owner, "
    "ds.description AS comment, "
    "quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) AS parser, "
    "ARRAY(SELECT quote_ident(tt.alias) || ':' || "
    "string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno) "
    "FROM pg_ts_config_map m JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype "
    "WHERE m.mapcfg = c.oid GROUP BY m.maptokentype, tt.alias ORDER BY m.maptokentype)::text "
    "AS mappings "
    "FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace "
    "JOIN pg_ts_parser p ON p.oid = c.cfgparser "
    "JOIN pg_namespace pn ON pn.oid = p.prsnamespace "
    COMMENT_JOIN("pg_ts_config", "c.oid")
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_ts_config", "c.oid");
/* clang-format on */

static sd_status
ts_config_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_TS_CONFIG, sd_pg__str(res, row, c[TC_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[TC_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_TS_CONFIG_PARSER, sd_pg__str(res, row, c[TC_PARSER]));
    sd_obj_set_str(r->m, o, SD_TS_CONFIG_OWNER, sd_pg__str(res, row, c[TC_OWNER]));
    sd_obj_set_str(r->m, o, SD_TS_CONFIG_COMMENT, sd_pg__str(res, row, c[TC_COMMENT]));
    rc = sd_pg__add_array(r->m, o, SD_TS_CONFIG_MAPPINGS, sd_pg__str(res, row, c[TC_MAPPINGS]),
                          r->err);
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_TS_CONFIG, res, row, c[TC_OID], o) : rc;
}

/* ---- base types and shell types ---- */

enum {
    BT_SCHEMA = COL__COMMON,
    BT_NAME,
    BT_OID,
    BT_ARRAY,
    BT_DEFINED,
    BT_INPUT,
    BT_OUTPUT,
    BT_RECEIVE,
    BT_SEND,
    BT_TYPMOD_IN,
    BT_TYPMOD_OUT,
    BT_ANALYZE,
    BT_SUBSCRIPT,
    BT_LEN,
    BT_BYVAL,
    BT_ALIGN,
    BT_STORAGE,
    BT_CATEGORY,
    BT_PREFERRED,
    BT_DEFAULT,
    BT_ELEMENT,
    BT_DELIM,
    BT_COLLATABLE,
    BT__N
};
static const char *const BASE_TYPE_COLS[BT__N] = {
    COMMON_COLS, "nspname",   "typname",    "oid",      "typarray",  "defined",
    "input",     "output",    "receive",    "send",     "typmod_in", "typmod_out",
    "analyze",   "subscript", "typlen",     "typbyval", "typalign",  "typstorage",
    "category",  "preferred", "typdefault", "element",  "typdelim",  "collatable",
};
/* A support function as {schema,name} (NULL when unset): names, not regproc text, so that
 * the emitter quotes them itself. */
#define BT_FUNC(col, alias)                                              \
    "(SELECT ARRAY[fn.nspname::text, fp.proname::text] FROM pg_proc fp " \
    "JOIN pg_namespace fn ON fn.oid = fp.pronamespace WHERE fp.oid = t." col ") AS " alias ", "
/* Base types (typtype 'b', not the array type every type gets) and shell types (a pseudo
 * type that is not defined: only CREATE TYPE t; makes one). SUBSCRIPT: PostgreSQL 14 on. */
#define BASE_TYPES_SQL(subscript)                                                             \
    "SELECT n.nspname, t.typname, t.oid, t.typarray, t.typisdefined AS defined, " TYPE_COMMON \
    ", " BT_FUNC("typinput", "input") BT_FUNC("typoutput", "output")                          \
        BT_FUNC("typreceive", "receive") BT_FUNC("typsend", "send")                           \
            BT_FUNC("typmodin", "typmod_in") BT_FUNC("typmodout", "typmod_out")               \
                BT_FUNC("typanalyze", "analyze") subscript                                    \
        "t.typlen, t.typbyval, t.typalign::text AS typalign, "                                \
        "t.typstorage::text AS typstorage, "                                                  \
        "t.typcategory::text AS category, t.typispreferred AS preferred, "                    \
        "t.typdefault, "                                                                      \
        "CASE WHEN t.typelem <> 0 THEN format_type(t.typelem, NULL) END AS "                  \
        "element, "                                                                           \
        "t.typdelim::text AS typdelim, t.typcollation <> 0 AS collatable "                    \
        "FROM pg_type t JOIN pg_namespace n ON n.oid = "                                      \
        "t.typnamespace " TYPE_COMMENT                                                        \
        "WHERE (t.typtype = 'b' OR (t.typtype = 'p' AND NOT t.typisdefined)) "                \
        "AND NOT EXISTS (SELECT 1 FROM pg_type el WHERE el.typarray = t.oid) "                \
        "AND " SD_PG_SCHEMA_FILTER " AND " TYPE_NOT_EXT
static const char BASE_TYPES_SQL_14[] = BASE_TYPES_SQL(BT_FUNC("typsubscript", "subscript"));
static const char BASE_TYPES_SQL_OLD[] = BASE_TYPES_SQL("NULL::text[] AS subscript, ");

/* A pg_type one-letter code as CREATE TYPE's word (NULL: not one of them). */
static const char *
type_code_word(const char *code)
{
    static const char LETTERS[] = "csidpexm";
    static const char *const WORDS[] = { "char",  "int2",     "int4",     "double",
                                         "plain", "external", "extended", "main" };
    const char *at =
        code != NULL && code[0] != '\0' && code[1] == '\0' ? strchr(LETTERS, code[0]) : NULL;
    return at != NULL ? WORDS[at - LETTERS] : NULL;
}

static sd_status
base_type_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    static const struct {
        int col;
        int field;
    } FUNCS[] = {
        { BT_INPUT, SD_BASE_TYPE_INPUT },         { BT_OUTPUT, SD_BASE_TYPE_OUTPUT },
        { BT_RECEIVE, SD_BASE_TYPE_RECEIVE },     { BT_SEND, SD_BASE_TYPE_SEND },
        { BT_TYPMOD_IN, SD_BASE_TYPE_TYPMOD_IN }, { BT_TYPMOD_OUT, SD_BASE_TYPE_TYPMOD_OUT },
        { BT_ANALYZE, SD_BASE_TYPE_ANALYZE },     { BT_SUBSCRIPT, SD_BASE_TYPE_SUBSCRIPT },
    };
    sd_object *o = NULL;
    int64_t len = -1;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_BASE_TYPE, sd_pg__str(res, row, c[BT_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[BT_NAME]), &o, r->err);
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    if (rc == SD_OK)
        rc = put_type_oids(r, res, row, c[BT_OID], c[BT_ARRAY], o);
    if (rc != SD_OK || !sd_pg__bool(res, row, c[BT_DEFINED]))
        return rc; /* a shell type: a name, an owner, a comment */
    for (size_t i = 0; i < SD_ARRAY_LEN(FUNCS) && rc == SD_OK; i++) {
        const char *fn = sd_pg__str(res, row, c[FUNCS[i].col]);
        if (fn != NULL)
            rc = sd_pg__add_array(r->m, o, FUNCS[i].field, fn, r->err);
    }
    if (rc == SD_OK)
        rc = sd_pg__int64(res, row, c[BT_LEN], &len, r->err);
    sd_obj_set_int(o, SD_BASE_TYPE_INTERNAL_LENGTH, len);
    sd_obj_set_bool(o, SD_BASE_TYPE_PASSED_BY_VALUE, sd_pg__bool(res, row, c[BT_BYVAL]));
    sd_obj_set_str(r->m, o, SD_BASE_TYPE_ALIGNMENT,
                   type_code_word(sd_pg__str(res, row, c[BT_ALIGN])));
    sd_obj_set_str(r->m, o, SD_BASE_TYPE_STORAGE,
                   type_code_word(sd_pg__str(res, row, c[BT_STORAGE])));
    sd_obj_set_str(r->m, o, SD_BASE_TYPE_CATEGORY, sd_pg__str(res, row, c[BT_CATEGORY]));
    sd_obj_set_bool(o, SD_BASE_TYPE_PREFERRED, sd_pg__bool(res, row, c[BT_PREFERRED]));
    sd_obj_set_str(r->m, o, SD_BASE_TYPE_DEFAULT, sd_pg__str(res, row, c[BT_DEFAULT]));
    sd_obj_set_str(r->m, o, SD_BASE_TYPE_ELEMENT, sd_pg__str(res, row, c[BT_ELEMENT]));
    sd_obj_set_str(r->m, o, SD_BASE_TYPE_DELIMITER, sd_pg__str(res, row, c[BT_DELIM]));
    sd_obj_set_bool(o, SD_BASE_TYPE_COLLATABLE, sd_pg__bool(res, row, c[BT_COLLATABLE]));
    return rc;
}

/* ---- enums ---- */

enum {
    EN_SCHEMA = COL__COMMON,
    EN_NAME,
    EN_VALUES,
    EN_OID,
    EN_ARRAY,
    EN__N
};
static const char *const ENUM_COLS[EN__N] = {
    COMMON_COLS, "nspname", "typname", "labels", "oid", "typarray",
};
static const char ENUMS_SQL[] =
    "SELECT n.nspname, t.typname, t.oid, t.typarray, " TYPE_COMMON ", "
    "ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid "
    "ORDER BY e.enumsortorder) AS labels "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace " TYPE_COMMENT
    "WHERE t.typtype = 'e' AND " SD_PG_SCHEMA_FILTER " AND " TYPE_NOT_EXT;

static sd_status
enum_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *labels = sd_pg__str(res, row, c[EN_VALUES]);
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_ENUM, sd_pg__str(res, row, c[EN_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[EN_NAME]), &o, r->err);
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    if (rc == SD_OK && labels != NULL)
        rc = sd_pg__add_array(r->m, o, SD_ENUM_VALUES, labels, r->err);
    if (rc == SD_OK)
        rc = put_type_oids(r, res, row, c[EN_OID], c[EN_ARRAY], o);
    return rc;
}

/* ---- domains: one row per CHECK constraint (or one row without), grouped by type ---- */

enum {
    DO_SCHEMA = COL__COMMON,
    DO_NAME,
    DO_BASE_TYPE,
    DO_DEFAULT,
    DO_NOT_NULL,
    DO_COLL_SCHEMA,
    DO_COLL_NAME,
    DO_CON_NAME,
    DO_CON_DEF,
    DO_OID,
    DO_ARRAY,
    DO_CON_OID,
    DO_CON_COMMENT,
    DO__N
};
static const char *const DOMAIN_COLS[DO__N] = {
    COMMON_COLS, "nspname", "typname", "base_type", "typdefault", "typnotnull", "coll_schema",
    "coll_name", "conname", "condef",  "oid",       "typarray",   "con_oid",    "con_comment",
};
/* A domain's default is its typdefaultbin: without one, typdefault is the literal default of a
 * base type, copied when the domain was made, which CREATE DOMAIN without DEFAULT copies
 * again (written as DEFAULT it would become an expression of its own). */
static const char DOMAINS_SQL[] =
    "SELECT n.nspname, t.typname, t.oid, t.typarray, k.oid AS con_oid, " TYPE_COMMON ", "
    "format_type(t.typbasetype, t.typtypmod) AS base_type, "
    "pg_get_expr(t.typdefaultbin, 0) AS typdefault, t.typnotnull, "
    "cn.nspname AS coll_schema, co.collname AS coll_name, k.conname, "
    "pg_get_constraintdef(k.oid) AS condef, kd.description AS con_comment "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
    "JOIN pg_type bt ON bt.oid = t.typbasetype "
    "LEFT JOIN pg_collation co ON co.oid = t.typcollation "
    "AND t.typcollation <> bt.typcollation "
    "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace "
    "LEFT JOIN pg_constraint k ON k.contypid = t.oid AND k.contype = 'c' "
    "LEFT JOIN pg_description kd ON kd.objoid = k.oid "
    "AND kd.classoid = 'pg_catalog.pg_constraint'::regclass::oid AND kd.objsubid = 0 " TYPE_COMMENT
    "WHERE t.typtype = 'd' AND " SD_PG_SCHEMA_FILTER " AND " TYPE_NOT_EXT
    " ORDER BY t.oid, k.conname COLLATE \"C\"";

/* The object a grouped row belongs to: the previous row's, or a new one. */
typedef struct group {
    sd_object *cur; /* object of the current group, or NULL before the first row */
    sd_buf text;    /* composites: the attribute list being built */
} group;

static bool
same_object(const sd_object *o, const char *schema, const char *name)
{
    return o != NULL && strcmp(o->schema, schema) == 0 && strcmp(o->name, name) == 0;
}

static sd_status
domain_start(reader *r, const PGresult *res, int row, const int *c, sd_object **out)
{
    sd_buf coll = SD_BUF_INIT;
    sd_object *o = NULL;
    sd_status rc = sd_model_add(r->m, SD_KIND_DOMAIN, sd_pg__str(res, row, c[DO_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[DO_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_DOMAIN_BASE_TYPE, sd_pg__str(res, row, c[DO_BASE_TYPE]));
    sd_obj_set_sql(r->m, o, SD_DOMAIN_DEFAULT, sd_pg__str(res, row, c[DO_DEFAULT]));
    sd_obj_set_bool(o, SD_DOMAIN_NOT_NULL, sd_pg__bool(res, row, c[DO_NOT_NULL]));
    if (sd_pg__str(res, row, c[DO_COLL_NAME]) != NULL) {
        sd_sql_qualified(&coll, SD_ENGINE_PG, sd_pg__str(res, row, c[DO_COLL_SCHEMA]),
                         sd_pg__str(res, row, c[DO_COLL_NAME]));
        if (sd_buf_failed(&coll))
            rc = nomem(r);
        else
            sd_obj_set_str(r->m, o, SD_DOMAIN_COLLATION, sd_buf_cstr(&coll));
    }
    sd_buf_dispose(&coll);
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    if (rc == SD_OK)
        rc = put_type_oids(r, res, row, c[DO_OID], c[DO_ARRAY], o);
    *out = o;
    return rc;
}

static sd_status
domain_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    group *g = state;
    const char *con = sd_pg__str(res, row, c[DO_CON_NAME]);
    sd_buf b = SD_BUF_INIT;
    sd_status rc = SD_OK;

    if (!same_object(g->cur, sd_pg__str(res, row, c[DO_SCHEMA]), sd_pg__str(res, row, c[DO_NAME])))
        rc = domain_start(r, res, row, c, &g->cur);
    if (rc != SD_OK || con == NULL)
        return rc;
    /* What depends on a domain's CHECK depends on the domain. */
    rc = put_oid(r, SD_PG_CAT_CONSTRAINT, res, row, c[DO_CON_OID], g->cur);
    if (rc != SD_OK)
        return rc;
    /* "CONSTRAINT name CHECK (...)": pg_get_constraintdef adds NOT VALID when it applies. */
    sd_buf_append(&b, "CONSTRAINT ");
    sd_sql_ident(&b, SD_ENGINE_PG, con);
    sd_buf_putc(&b, ' ');
    sd_buf_append(&b, sd_pg__str(res, row, c[DO_CON_DEF]));
    if (sd_buf_failed(&b))
        rc = nomem(r);
    else
        sd_obj_add_name(r->m, g->cur, SD_DOMAIN_CHECKS, sd_buf_cstr(&b));
    const char *comment = sd_pg__str(res, row, c[DO_CON_COMMENT]);
    if (rc == SD_OK && comment != NULL) {
        sd_buf_reset(&b);
        sd_sql_ident(&b, SD_ENGINE_PG, con);
        sd_buf_putc(&b, ':');
        sd_buf_append(&b, comment);
        if (sd_buf_failed(&b))
            rc = nomem(r);
        else
            sd_obj_add_name(r->m, g->cur, SD_DOMAIN_CHECK_COMMENTS, sd_buf_cstr(&b));
    }
    sd_buf_dispose(&b);
    return rc;
}

/* ---- composite types: one row per attribute (or one row without), grouped by type ---- */

enum {
    CO_SCHEMA = COL__COMMON,
    CO_NAME,
    CO_ATTNAME,
    CO_ATTTYPE,
    CO_COLL_SCHEMA,
    CO_COLL_NAME,
    CO_OID,
    CO_ARRAY,
    CO_RELID,
    CO__N
};
static const char *const COMPOSITE_COLS[CO__N] = {
    COMMON_COLS,   "nspname",   "typname", "attname",  "atttype",
    "coll_schema", "coll_name", "oid",     "typarray", "typrelid",
};
static const char COMPOSITES_SQL[] =
    "SELECT n.nspname, t.typname, t.oid, t.typarray, t.typrelid, " TYPE_COMMON ", a.attname, "
    "format_type(a.atttypid, a.atttypmod) AS atttype, cn.nspname AS coll_schema, "
    "co.collname AS coll_name "
    "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
    "JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c' "
    "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 "
    "AND NOT a.attisdropped "
    "LEFT JOIN pg_type aty ON aty.oid = a.atttypid "
    "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
    "AND a.attcollation <> aty.typcollation "
    "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace " TYPE_COMMENT
    "WHERE t.typtype = 'c' AND " SD_PG_SCHEMA_FILTER " AND " TYPE_NOT_EXT
    " ORDER BY t.oid, a.attnum";

/* Store the attribute list built so far in the current composite. */
static sd_status
composite_flush(reader *r, group *g)
{
    if (g->cur == NULL)
        return SD_OK;
    if (sd_buf_failed(&g->text))
        return nomem(r);
    sd_obj_set_sql(r->m, g->cur, SD_COMPOSITE_ATTRIBUTES, sd_buf_cstr(&g->text));
    sd_buf_reset(&g->text);
    return SD_OK;
}

static sd_status
composite_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    group *g = state;
    const char *schema = sd_pg__str(res, row, c[CO_SCHEMA]);
    const char *name = sd_pg__str(res, row, c[CO_NAME]);
    const char *att = sd_pg__str(res, row, c[CO_ATTNAME]);
    sd_status rc = SD_OK;

    if (!same_object(g->cur, schema, name)) {
        rc = composite_flush(r, g);
        if (rc == SD_OK)
            rc = sd_model_add(r->m, SD_KIND_COMPOSITE, schema, NULL, name, &g->cur, r->err);
        if (rc == SD_OK)
            rc = set_common(r, g->cur, res, row, c);
        if (rc == SD_OK)
            rc = put_type_oids(r, res, row, c[CO_OID], c[CO_ARRAY], g->cur);
        if (rc == SD_OK)
            rc = put_oid(r, SD_PG_CAT_CLASS, res, row, c[CO_RELID], g->cur);
    }
    if (rc != SD_OK || att == NULL)
        return rc;
    if (g->text.len > 0)
        sd_buf_append(&g->text, ", ");
    sd_sql_ident(&g->text, SD_ENGINE_PG, att);
    sd_buf_putc(&g->text, ' ');
    sd_buf_append(&g->text, sd_pg__str(res, row, c[CO_ATTTYPE]));
    if (sd_pg__str(res, row, c[CO_COLL_NAME]) != NULL) {
        sd_buf_append(&g->text, " COLLATE ");
        sd_sql_qualified(&g->text, SD_ENGINE_PG, sd_pg__str(res, row, c[CO_COLL_SCHEMA]),
                         sd_pg__str(res, row, c[CO_COLL_NAME]));
    }
    return SD_OK;
}

/* ---- range types ---- */

enum {
    RA_SCHEMA = COL__COMMON,
    RA_NAME,
    RA_SUBTYPE,
    RA_OPC_SCHEMA,
    RA_OPC_NAME,
    RA_COLL_SCHEMA,
    RA_COLL_NAME,
    RA_CANON_SCHEMA,
    RA_CANON_NAME,
    RA_DIFF_SCHEMA,
    RA_DIFF_NAME,
    RA_MULTI_SCHEMA,
    RA_MULTI_NAME,
    RA_OID,
    RA_ARRAY,
    RA_MULTI_OID,
    RA__N
};
static const char *const RANGE_COLS[RA__N] = {
    COMMON_COLS,    "nspname",    "typname",      "subtype",    "opc_schema",  "opc_name",
    "coll_schema",  "coll_name",  "canon_schema", "canon_name", "diff_schema", "diff_name",
    "multi_schema", "multi_name", "oid",          "typarray",   "multi_oid",
};
/* multi: the multirange type's OID (pg_range.rngmultitypid, PostgreSQL 14 and later). */
#define RANGES_SQL(multi)                                                               \
    "SELECT n.nspname, t.typname, t.oid, t.typarray, mt.oid AS multi_oid, " TYPE_COMMON \
    ", format_type(r.rngsubtype, NULL) AS subtype, "                                    \
    "CASE WHEN NOT opc.opcdefault THEN opn.nspname END AS opc_schema, "                 \
    "CASE WHEN NOT opc.opcdefault THEN opc.opcname END AS opc_name, "                   \
    "cn.nspname AS coll_schema, co.collname AS coll_name, "                             \
    "cpn.nspname AS canon_schema, cp.proname AS canon_name, "                           \
    "dpn.nspname AS diff_schema, dp.proname AS diff_name, "                             \
    "mtn.nspname AS multi_schema, mt.typname AS multi_name "                            \
    "FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid "                             \
    "JOIN pg_namespace n ON n.oid = t.typnamespace "                                    \
    "JOIN pg_type st ON st.oid = r.rngsubtype "                                         \
    "JOIN pg_opclass opc ON opc.oid = r.rngsubopc "                                     \
    "JOIN pg_namespace opn ON opn.oid = opc.opcnamespace "                              \
    "LEFT JOIN pg_collation co ON co.oid = r.rngcollation "                             \
    "AND r.rngcollation <> st.typcollation "                                            \
    "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace "                           \
    "LEFT JOIN pg_proc cp ON cp.oid = r.rngcanonical::oid "                             \
    "LEFT JOIN pg_namespace cpn ON cpn.oid = cp.pronamespace "                          \
    "LEFT JOIN pg_proc dp ON dp.oid = r.rngsubdiff::oid "                               \
    "LEFT JOIN pg_namespace dpn ON dpn.oid = dp.pronamespace "                          \
    "LEFT JOIN pg_type mt ON mt.oid = " multi " "                                       \
    "LEFT JOIN pg_namespace mtn ON mtn.oid = mt.typnamespace " TYPE_COMMENT             \
    "WHERE t.typtype = 'r' AND " SD_PG_SCHEMA_FILTER " AND " TYPE_NOT_EXT
static const char RANGES_SQL_14[] = RANGES_SQL("r.rngmultitypid");
static const char RANGES_SQL_OLD[] = RANGES_SQL("0");

/* The multirange name CREATE TYPE ... AS RANGE picks by itself (makeMultirangeTypeName):
 * "range" becomes "multirange", or "_multirange" is appended, cut to NAMEDATALEN - 1 bytes.
 * A multibyte name cut elsewhere only makes us spell out a name that was the default. */
static bool
default_multirange(const char *schema, const char *name, const char *mr_schema, const char *mr_name)
{
    char buf[160];
    const char *p = strstr(name, "range");
    if (strcmp(schema, mr_schema) != 0 || strlen(name) > 63)
        return false;
    if (p != NULL)
        (void)snprintf(buf, sizeof(buf), "%.*smulti%s", (int)(p - name), name, p);
    else
        (void)snprintf(buf, sizeof(buf), "%.52s_multirange", name);
    buf[63] = '\0';
    return strcmp(buf, mr_name) == 0;
}

static sd_status
range_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *schema = sd_pg__str(res, row, c[RA_SCHEMA]);
    const char *name = sd_pg__str(res, row, c[RA_NAME]);
    const char *mr_schema = sd_pg__str(res, row, c[RA_MULTI_SCHEMA]);
    const char *mr_name = sd_pg__str(res, row, c[RA_MULTI_NAME]);
    sd_buf b = SD_BUF_INIT;
    sd_object *o = NULL;
    (void)state;

    sd_status rc = sd_model_add(r->m, SD_KIND_RANGE, schema, NULL, name, &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_buf_append(&b, "SUBTYPE = ");
    sd_buf_append(&b, sd_pg__str(res, row, c[RA_SUBTYPE]));
    append_option(&b, "SUBTYPE_OPCLASS", sd_pg__str(res, row, c[RA_OPC_SCHEMA]),
                  sd_pg__str(res, row, c[RA_OPC_NAME]));
    append_option(&b, "COLLATION", sd_pg__str(res, row, c[RA_COLL_SCHEMA]),
                  sd_pg__str(res, row, c[RA_COLL_NAME]));
    append_option(&b, "CANONICAL", sd_pg__str(res, row, c[RA_CANON_SCHEMA]),
                  sd_pg__str(res, row, c[RA_CANON_NAME]));
    append_option(&b, "SUBTYPE_DIFF", sd_pg__str(res, row, c[RA_DIFF_SCHEMA]),
                  sd_pg__str(res, row, c[RA_DIFF_NAME]));
    if (mr_name != NULL && !default_multirange(schema, name, mr_schema, mr_name))
        append_option(&b, "MULTIRANGE_TYPE_NAME", mr_schema, mr_name);
    if (sd_buf_failed(&b))
        rc = nomem(r);
    else
        sd_obj_set_sql(r->m, o, SD_RANGE_DEFINITION, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    if (rc == SD_OK)
        rc = put_type_oids(r, res, row, c[RA_OID], c[RA_ARRAY], o);
    if (rc == SD_OK) /* a multirange stands for its range */
        rc = put_oid(r, SD_PG_CAT_TYPE, res, row, c[RA_MULTI_OID], o);
    return rc;
}

/* ---- functions, procedures and window functions (aggregates: below) ---- */

enum {
    FN_SCHEMA = COL__COMMON,
    FN_NAME,
    FN_KIND,
    FN_ARGS,
    FN_SIG,
    FN_RESULT,
    FN_DEF,
    FN_OID,
    FN__N
};
static const char *const FUNCTION_COLS[FN__N] = {
    COMMON_COLS, "nspname", "proname", "prokind", "args", "sig", "result", "def", "oid",
};
static const char FUNCTIONS_SQL[] =
    "SELECT n.nspname, p.proname, p.prokind, p.oid, " PROC_COMMON ", "
    "pg_get_function_identity_arguments(p.oid) AS args, "
    "pg_catalog.oidvectortypes(p.proargtypes) AS sig, "
    "CASE WHEN p.prokind IN ('f', 'w') THEN pg_get_function_result(p.oid) END AS result, "
    "CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) END AS def "
    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace " PROC_COMMENT
    "WHERE " SD_PG_SCHEMA_FILTER " AND " PROC_NOT_EXT " AND " PROC_NOT_INTERNAL;

static sd_status
function_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *schema = sd_pg__str(res, row, c[FN_SCHEMA]);
    const char *proname = sd_pg__str(res, row, c[FN_NAME]);
    const char *kind = sd_pg__str(res, row, c[FN_KIND]);
    const char *args = sd_pg__str(res, row, c[FN_ARGS]);
    const char *sig = sd_pg__str(res, row, c[FN_SIG]);
    bool proc = kind != NULL && strcmp(kind, "p") == 0;
    bool window = kind != NULL && strcmp(kind, "w") == 0;
    sd_buf name = SD_BUF_INIT;
    sd_object *o = NULL;
    sd_status rc = SD_OK;
    (void)state;

    /* Identified as PostgreSQL does (pg_proc's unique key): name and input argument types.
     * A parameter renamed or a function turned procedure is then a change of one object,
     * which the emitter carries out with DROP and CREATE. */
    sd_buf_appendf(&name, "%s(%s)", proname, sig != NULL ? sig : "");
    if (sd_buf_failed(&name)) {
        rc = nomem(r);
    } else if (kind != NULL && strcmp(kind, "a") == 0) {
        /* read by the aggregate query */
    } else if (!proc && !window && (kind == NULL || strcmp(kind, "f") != 0)) {
        rc = sd_err_set(r->err, SD_ERR, "internal error: function %s.%s of unknown kind \"%s\"",
                        schema, sd_buf_cstr(&name), kind != NULL ? kind : "null");
    } else {
        rc = sd_model_add(r->m, SD_KIND_FUNCTION, schema, NULL, sd_buf_cstr(&name), &o, r->err);
    }
    sd_buf_dispose(&name);
    if (rc != SD_OK || o == NULL)
        return rc;
    sd_obj_set_str(r->m, o, SD_FUNCTION_KIND, proc ? "procedure" : window ? "window" : "function");
    sd_obj_set_str(r->m, o, SD_FUNCTION_NAME, proname);
    sd_obj_set_str(r->m, o, SD_FUNCTION_ARGUMENTS, args);
    sd_obj_set_str(r->m, o, SD_FUNCTION_RESULT, sd_pg__str(res, row, c[FN_RESULT]));
    sd_obj_set_sql(r->m, o, SD_FUNCTION_DEFINITION, sd_pg__str(res, row, c[FN_DEF]));
    rc = set_common(r, o, res, row, c);
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_PROC, res, row, c[FN_OID], o) : rc;
}

/* ---- aggregates ---- */

enum {
    AG_SCHEMA = COL__COMMON,
    AG_NAME,
    AG_SIG,
    AG_ARGS,
    AG_DEF,
    AG_OID,
    AG__N
};
static const char *const AGGREGATE_COLS[AG__N] = {
    COMMON_COLS, "nspname", "proname", "sig", "args", "def", "oid",
};
/* SQL text is laid out by hand: clang-format cannot break string concatenations with macro
 * calls readably. */
/* clang-format off */

/* A support function of pg_aggregate a as the option "KW = f" (NULL when unset): regproc
 * text, qualified outside pg_catalog (search_path is empty), enough for CREATE AGGREGATE,
 * which resolves it by the argument types it needs. */
#define AGG_FN(kw, col) \
    "CASE WHEN a." col " <> 0 THEN '" kw " = ' || a." col "::regproc::text END"
#define AGG_MODIFY(kw, fn, col)                                                  \
    "CASE WHEN a." fn " <> 0 THEN '" kw " = ' || CASE a." col " WHEN 'r' THEN " \
    "'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END"

/* The options of CREATE AGGREGATE, in the order the documentation lists them (concat_ws
 * skips the NULLs of options that are not set). */
static const char AGGREGATES_SQL[] =
    "SELECT n.nspname, p.proname, p.oid, " PROC_COMMON ", "
    "pg_catalog.oidvectortypes(p.proargtypes) AS sig, "
    "pg_get_function_arguments(p.oid) AS args, "
    "concat_ws(', ', 'SFUNC = ' || a.aggtransfn::regproc::text, "
    "'STYPE = ' || format_type(a.aggtranstype, NULL), "
    "CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END, "
    AGG_FN("FINALFUNC", "aggfinalfn") ", "
    "CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END, "
    AGG_MODIFY("FINALFUNC_MODIFY", "aggfinalfn", "aggfinalmodify") ", "
    AGG_FN("COMBINEFUNC", "aggcombinefn") ", "
    AGG_FN("SERIALFUNC", "aggserialfn") ", "
    AGG_FN("DESERIALFUNC", "aggdeserialfn") ", "
    "'INITCOND = ' || quote_literal(a.agginitval), "
    AGG_FN("MSFUNC", "aggmtransfn") ", "
    AGG_FN("MINVFUNC", "aggminvtransfn") ", "
    "CASE WHEN a.aggmtranstype <> 0 "
    "THEN 'MSTYPE = ' || format_type(a.aggmtranstype, NULL) END, "
    "CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END, "
    AGG_FN("MFINALFUNC", "aggmfinalfn") ", "
    "CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END, "
    AGG_MODIFY("MFINALFUNC_MODIFY", "aggmfinalfn", "aggmfinalmodify") ", "
    "'MINITCOND = ' || quote_literal(a.aggminitval), "
    "CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = OPERATOR(' || quote_ident(son.nspname) "
    "|| '.' || so.oprname || ')' END, "
    "CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' "
    "WHEN 'r' THEN 'PARALLEL = RESTRICTED' END, "
    "CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END) AS def "
    "FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid "
    "JOIN pg_namespace n ON n.oid = p.pronamespace "
    "LEFT JOIN pg_operator so ON so.oid = a.aggsortop "
    "LEFT JOIN pg_namespace son ON son.oid = so.oprnamespace " PROC_COMMENT
    "WHERE " SD_PG_SCHEMA_FILTER " AND " PROC_NOT_EXT;

/* clang-format on */

static sd_status
aggregate_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *proname = sd_pg__str(res, row, c[AG_NAME]);
    const char *sig = sd_pg__str(res, row, c[AG_SIG]);
    sd_buf name = SD_BUF_INIT;
    sd_object *o = NULL;
    (void)state;

    /* The identity of functions (pg_proc's unique key): name and input argument types. */
    sd_buf_appendf(&name, "%s(%s)", proname, sig != NULL ? sig : "");
    sd_status rc = SD_ERR_NOMEM;
    if (sd_buf_failed(&name))
        (void)nomem(r);
    else
        rc = sd_model_add(r->m, SD_KIND_AGGREGATE, sd_pg__str(res, row, c[AG_SCHEMA]), NULL,
                          sd_buf_cstr(&name), &o, r->err);
    sd_buf_dispose(&name);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_AGGREGATE_NAME, proname);
    sd_obj_set_str(r->m, o, SD_AGGREGATE_ARGUMENTS, sd_pg__str(res, row, c[AG_ARGS]));
    sd_obj_set_sql(r->m, o, SD_AGGREGATE_DEFINITION, sd_pg__str(res, row, c[AG_DEF]));
    rc = set_common(r, o, res, row, c);
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_PROC, res, row, c[AG_OID], o) : rc;
}

/* ---- event triggers (database-wide) ---- */

enum {
    ET_OID,
    ET_NAME,
    ET_OWNER,
    ET_COMMENT,
    ET_EVENT,
    ET_TAGS,
    ET_FN_SCHEMA,
    ET_FN_NAME,
    ET_ENABLED,
    ET__N
};
static const char *const EVENT_TRIGGER_COLS[ET__N] = {
    "oid",  "evtname",         "owner",         "comment", "event",
    "tags", "function_schema", "function_name", "enabled",
};
/* Event triggers as pg_dump dumps them: every one but an extension's, only when no --schema
 * filter is given (they belong to no schema). The tags as stored, in order. */
static const char EVENT_TRIGGERS_SQL[] =
    "SELECT e.oid, e.evtname, pg_get_userbyid(e.evtowner)::text AS owner, "
    "ds.description AS comment, e.evtevent AS event, e.evttags AS tags, "
    "fn.nspname AS function_schema, p.proname AS function_name, "
    "CASE e.evtenabled WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica' "
    "WHEN 'A' THEN 'always' END AS enabled "
    "FROM pg_event_trigger e JOIN pg_proc p ON p.oid = e.evtfoid "
    "JOIN pg_namespace fn ON fn.oid = p.pronamespace " COMMENT_JOIN(
        "pg_event_trigger",
        "e.oid") "WHERE " SD_PG_DATABASE_FILTER " AND " NOT_EXT("pg_event_trigger", "e.oid");

static sd_status
event_trigger_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_EVENT_TRIGGER, NULL, NULL,
                                sd_pg__str(res, row, c[ET_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_EVENT_TRIGGER_EVENT, sd_pg__str(res, row, c[ET_EVENT]));
    sd_obj_set_str(r->m, o, SD_EVENT_TRIGGER_FUNCTION_SCHEMA,
                   sd_pg__str(res, row, c[ET_FN_SCHEMA]));
    sd_obj_set_str(r->m, o, SD_EVENT_TRIGGER_FUNCTION_NAME, sd_pg__str(res, row, c[ET_FN_NAME]));
    sd_obj_set_str(r->m, o, SD_EVENT_TRIGGER_ENABLED, sd_pg__str(res, row, c[ET_ENABLED]));
    sd_obj_set_str(r->m, o, SD_EVENT_TRIGGER_OWNER, sd_pg__str(res, row, c[ET_OWNER]));
    sd_obj_set_str(r->m, o, SD_EVENT_TRIGGER_COMMENT, sd_pg__str(res, row, c[ET_COMMENT]));
    rc = sd_pg__add_array(r->m, o, SD_EVENT_TRIGGER_TAGS, sd_pg__str(res, row, c[ET_TAGS]), r->err);
    /* pg_depend names its function from its pg_event_trigger row. */
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_EVENT_TRIGGER, res, row, c[ET_OID], o) : rc;
}

/* ---- casts (database-wide) ---- */

enum {
    CA_OID,
    CA_NAME,
    CA_SOURCE,
    CA_TARGET,
    CA_METHOD,
    CA_FUNCTION,
    CA_CONTEXT,
    CA_COMMENT,
    CA__N
};
static const char *const CAST_COLS[CA__N] = {
    "oid", "name", "source", "target", "method", "function", "context", "comment",
};
#define CAST_NOT_EXT      NOT_EXT("pg_cast", "k.oid")
#define CAST_NOT_INTERNAL NOT_INTERNAL("pg_cast", "k.oid")
/* Casts as pg_dump's selectDumpableCast() picks them: made after initdb (OID 16384 and up),
 * not an extension's, only when no --schema filter is given; not the casts a range type
 * makes to its multirange (internal to the type, which pg_dump skips too). */
static const char CASTS_SQL[] =
    "SELECT k.oid, '(' || format_type(k.castsource, NULL) || ' AS ' || "
    "format_type(k.casttarget, NULL) || ')' AS name, "
    "format_type(k.castsource, NULL) AS source, format_type(k.casttarget, NULL) AS target, "
    "CASE k.castmethod WHEN 'f' THEN 'function' WHEN 'i' THEN 'inout' "
    "WHEN 'b' THEN 'binary' ELSE k.castmethod::text END AS method, "
    "CASE WHEN k.castmethod = 'f' THEN k.castfunc::regprocedure::text END AS function, "
    "CASE k.castcontext WHEN 'a' THEN 'assignment' WHEN 'i' THEN 'implicit' "
    "WHEN 'e' THEN NULL ELSE k.castcontext::text END AS context, ds.description AS comment "
    "FROM pg_cast k " COMMENT_JOIN("pg_cast", "k.oid") "WHERE " SD_PG_DATABASE_FILTER
                                                       " AND k.oid >= 16384 AND " CAST_NOT_EXT
                                                       " AND " CAST_NOT_INTERNAL;

static sd_status
cast_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc =
        sd_model_add(r->m, SD_KIND_CAST, NULL, NULL, sd_pg__str(res, row, c[CA_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_CAST_SOURCE, sd_pg__str(res, row, c[CA_SOURCE]));
    sd_obj_set_str(r->m, o, SD_CAST_TARGET, sd_pg__str(res, row, c[CA_TARGET]));
    sd_obj_set_str(r->m, o, SD_CAST_METHOD, sd_pg__str(res, row, c[CA_METHOD]));
    sd_obj_set_str(r->m, o, SD_CAST_FUNCTION, sd_pg__str(res, row, c[CA_FUNCTION]));
    sd_obj_set_str(r->m, o, SD_CAST_CONTEXT, sd_pg__str(res, row, c[CA_CONTEXT]));
    sd_obj_set_str(r->m, o, SD_CAST_COMMENT, sd_pg__str(res, row, c[CA_COMMENT]));
    /* pg_depend names its function and both types from its pg_cast row. */
    return put_oid(r, SD_PG_CAT_CAST, res, row, c[CA_OID], o);
}

/* ---- languages, transforms, access methods (database-wide) ---- */

/* A function OID column as regproc renders it ("public.h"; pg_catalog's unqualified), NULL
 * for 0 (unset). */
#define OPT_REGPROC(col) "CASE WHEN " col " <> 0 THEN " col "::regproc::text END"

enum {
    LG_OWNER = COL_OWNER,
    LG_ACL = COL_ACL,
    LG_COMMENT = COL_COMMENT,
    LG_OID = COL__COMMON,
    LG_NAME,
    LG_TRUSTED,
    LG_HANDLER,
    LG_INLINE,
    LG_VALIDATOR,
    LG__N
};
static const char *const LANGUAGE_COLS[LG__N] = {
    COMMON_COLS, "oid", "lanname", "trusted", "handler", "inline", "validator",
};
/* Procedural languages as pg_dump's selectDumpableProcLang() picks them: made after initdb
 * (OID 16384 and up), not an extension's (plpgsql is), only when no --schema filter is
 * given; the handler, inline and validator functions by name, as CREATE LANGUAGE takes them. */
#define LANGUAGE_HANDLER   OPT_REGPROC("l.lanplcallfoid") " AS handler, "
#define LANGUAGE_INLINE    OPT_REGPROC("l.laninline") " AS inline, "
#define LANGUAGE_VALIDATOR OPT_REGPROC("l.lanvalidator") " AS validator "
#define LANGUAGE_COMMON    COMMON("l.lanowner", "l.lanacl", "l")
#define LANGUAGE_COMMENT   COMMENT_JOIN("pg_language", "l.oid")
#define LANGUAGE_NOT_EXT   NOT_EXT("pg_language", "l.oid")
static const char LANGUAGES_SQL[] =
    "SELECT l.oid, l.lanname, " LANGUAGE_COMMON
    ", l.lanpltrusted AS trusted, " LANGUAGE_HANDLER LANGUAGE_INLINE LANGUAGE_VALIDATOR
    "FROM pg_language l " LANGUAGE_COMMENT "WHERE " SD_PG_DATABASE_FILTER
    " AND l.lanispl AND l.oid >= 16384 AND " LANGUAGE_NOT_EXT;

static sd_status
language_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_LANGUAGE, NULL, NULL,
                                sd_pg__str(res, row, c[LG_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_bool(o, SD_LANGUAGE_TRUSTED, sd_pg__bool(res, row, c[LG_TRUSTED]));
    sd_obj_set_str(r->m, o, SD_LANGUAGE_HANDLER, sd_pg__str(res, row, c[LG_HANDLER]));
    sd_obj_set_str(r->m, o, SD_LANGUAGE_INLINE, sd_pg__str(res, row, c[LG_INLINE]));
    sd_obj_set_str(r->m, o, SD_LANGUAGE_VALIDATOR, sd_pg__str(res, row, c[LG_VALIDATOR]));
    rc = set_common(r, o, res, row, c);
    /* pg_depend names its functions from its pg_language row, and functions written in it
     * name it. */
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_LANGUAGE, res, row, c[LG_OID], o) : rc;
}

enum {
    TF_OID,
    TF_NAME,
    TF_TYPE,
    TF_LANGUAGE,
    TF_FROM_SQL,
    TF_TO_SQL,
    TF_COMMENT,
    TF__N
};
static const char *const TRANSFORM_COLS[TF__N] = {
    "oid", "name", "type", "language", "from_sql", "to_sql", "comment",
};
/* Transforms as pg_dump's selectDumpableObject() picks them: made after initdb, not an
 * extension's, only when no --schema filter is given; named as DROP TRANSFORM names them. */
static const char TRANSFORMS_SQL[] =
    "SELECT tf.oid, 'FOR ' || format_type(tf.trftype, NULL) || ' LANGUAGE ' || l.lanname AS name, "
    "format_type(tf.trftype, NULL) AS type, l.lanname::text AS language, "
    "CASE WHEN tf.trffromsql <> 0 THEN tf.trffromsql::oid::regprocedure::text END AS from_sql, "
    "CASE WHEN tf.trftosql <> 0 THEN tf.trftosql::oid::regprocedure::text END AS to_sql, "
    "ds.description AS comment FROM pg_transform tf JOIN pg_language l ON l.oid = "
    "tf.trflang " COMMENT_JOIN("pg_transform",
                               "tf.oid") "WHERE " SD_PG_DATABASE_FILTER
                                         " AND tf.oid >= 16384 AND " NOT_EXT("pg_transform",
                                                                             "tf.oid");

static sd_status
transform_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_TRANSFORM, NULL, NULL,
                                sd_pg__str(res, row, c[TF_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    static const int FIELDS[][2] = {
        { SD_TRANSFORM_TYPE, TF_TYPE },         { SD_TRANSFORM_LANGUAGE, TF_LANGUAGE },
        { SD_TRANSFORM_FROM_SQL, TF_FROM_SQL }, { SD_TRANSFORM_TO_SQL, TF_TO_SQL },
        { SD_TRANSFORM_COMMENT, TF_COMMENT },
    };
    for (size_t i = 0; i < SD_ARRAY_LEN(FIELDS); i++)
        sd_obj_set_str(r->m, o, FIELDS[i][0], sd_pg__str(res, row, c[FIELDS[i][1]]));
    /* pg_depend names its type, language and functions from its pg_transform row. */
    return put_oid(r, SD_PG_CAT_TRANSFORM, res, row, c[TF_OID], o);
}

enum {
    AM_OID,
    AM_NAME,
    AM_TYPE,
    AM_HANDLER,
    AM_COMMENT,
    AM__N
};
static const char *const ACCESS_METHOD_COLS[AM__N] = {
    "oid", "amname", "type", "handler", "comment",
};
/* Access methods as pg_dump's selectDumpableAccessMethod() picks them: made after initdb,
 * not an extension's, only when no --schema filter is given. */
static const char ACCESS_METHODS_SQL[] =
    "SELECT a.oid, a.amname, CASE a.amtype WHEN 'i' THEN 'index' WHEN 't' THEN 'table' "
    "ELSE a.amtype::text END AS type, " OPT_REGPROC(
        "a.amhandler") " AS handler, "
                       "ds.description AS comment FROM pg_am a " COMMENT_JOIN(
                           "pg_am",
                           "a.oid") "WHERE " SD_PG_DATABASE_FILTER
                                    " AND a.oid >= 16384 AND " NOT_EXT("pg_am", "a.oid");

static sd_status
access_method_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_ACCESS_METHOD, NULL, NULL,
                                sd_pg__str(res, row, c[AM_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_ACCESS_METHOD_TYPE, sd_pg__str(res, row, c[AM_TYPE]));
    sd_obj_set_str(r->m, o, SD_ACCESS_METHOD_HANDLER, sd_pg__str(res, row, c[AM_HANDLER]));
    sd_obj_set_str(r->m, o, SD_ACCESS_METHOD_COMMENT, sd_pg__str(res, row, c[AM_COMMENT]));
    /* pg_depend names its handler from its pg_am row, and operator families and classes
     * and tables name it. */
    return put_oid(r, SD_PG_CAT_AM, res, row, c[AM_OID], o);
}

/* ---- default privileges in every schema (database-wide) ---- */

enum {
    DA_NAME,
    DA_ROLE,
    DA_TYPE,
    DA_ACL,
    DA__N
};
static const char *const DEFAULT_ACL_COLS[DA__N] = { "name", "role", "object_type", "privileges" };
/* pg_default_acl rows without a schema (ALTER DEFAULT PRIVILEGES without IN SCHEMA), as
 * pg_dump dumps them: only when no --schema filter is given. The row holds the whole ACL;
 * PostgreSQL deletes it when it equals the built-in defaults. */
#define DEFAULT_ACL_TYPE                                                       \
    "CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' "   \
    "WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' " \
    "ELSE d.defaclobjtype::text END"
static const char DEFAULT_ACLS_SQL[] =
    "SELECT pg_get_userbyid(d.defaclrole)::text || ' on ' || " DEFAULT_ACL_TYPE " AS name, "
    "pg_get_userbyid(d.defaclrole)::text AS role, " DEFAULT_ACL_TYPE " AS object_type, "
    "ARRAY(SELECT a::text FROM unnest(d.defaclacl) AS a ORDER BY a::text COLLATE \"C\") "
    "AS privileges "
    "FROM pg_default_acl d WHERE " SD_PG_DATABASE_FILTER " AND d.defaclnamespace = 0";

static sd_status
default_acl_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_DEFAULT_ACL, NULL, NULL,
                                sd_pg__str(res, row, c[DA_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_DEFAULT_ACL_ROLE, sd_pg__str(res, row, c[DA_ROLE]));
    sd_obj_set_str(r->m, o, SD_DEFAULT_ACL_OBJECT_TYPE, sd_pg__str(res, row, c[DA_TYPE]));
    const char *acl = sd_pg__str(res, row, c[DA_ACL]);
    return acl != NULL ? sd_pg__add_array(r->m, o, SD_DEFAULT_ACL_PRIVILEGES, acl, r->err) : SD_OK;
}

/* ---- foreign-data wrappers, servers, user mappings (database-wide) ---- */

enum {
    FW_OWNER,
    FW_ACL,
    FW_COMMENT,
    FW_OID,
    FW_NAME,
    FW_HANDLER,
    FW_VALIDATOR,
    FW_OPTIONS,
    FW__N
};
static const char *const FDW_COLS[FW__N] = {
    COMMON_COLS, "oid", "fdwname", "handler", "validator", "options",
};
/* Wrappers as pg_dump dumps them: not an extension's (postgres_fdw's is the extension's),
 * only when no --schema filter is given. Options sorted by name, as pg_dump writes them. */
static const char FDWS_SQL[] = "SELECT w.oid, w.fdwname, " COMMON(
    "w.fdwowner",
    "w.fdwacl",
    "F") ", "
         "CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::regproc::text END AS handler, "
         "CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::regproc::text END AS "
         "validator, " SD_PG_FDW_OPTIONS(
             "w.fdwoptions") " AS options FROM pg_foreign_data_wrapper "
                             "w " COMMENT_JOIN("pg_foreign_data_wrapper",
                                               "w.oid") "WHERE " SD_PG_DATABASE_FILTER
                                                        " AND " NOT_EXT("pg_foreign_data_wrapper",
                                                                        "w.oid");

static sd_status
fdw_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc =
        sd_model_add(r->m, SD_KIND_FDW, NULL, NULL, sd_pg__str(res, row, c[FW_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_FDW_HANDLER, sd_pg__str(res, row, c[FW_HANDLER]));
    sd_obj_set_str(r->m, o, SD_FDW_VALIDATOR, sd_pg__str(res, row, c[FW_VALIDATOR]));
    const char *options = sd_pg__str(res, row, c[FW_OPTIONS]);
    rc = options != NULL ? sd_pg__add_array(r->m, o, SD_FDW_OPTIONS, options, r->err) : SD_OK;
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    /* pg_depend names its handler and validator from its row. */
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_FDW, res, row, c[FW_OID], o) : rc;
}

enum {
    SV_OWNER,
    SV_ACL,
    SV_COMMENT,
    SV_OID,
    SV_NAME,
    SV_FDW,
    SV_TYPE,
    SV_VERSION,
    SV_OPTIONS,
    SV__N
};
static const char *const SERVER_COLS[SV__N] = {
    COMMON_COLS, "oid", "srvname", "fdw", "type", "version", "options",
};
static const char SERVERS_SQL[] = "SELECT s.oid, s.srvname, " COMMON(
    "s.srvowner",
    "s.srvacl",
    "S") ", "
         "w.fdwname AS fdw, s.srvtype AS type, s.srvversion AS version, " SD_PG_FDW_OPTIONS(
             "s.srvoptions") " AS options "
                             "FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = "
                             "s.srvfdw " COMMENT_JOIN("pg_foreign_server",
                                                      "s.oid") "WHERE " SD_PG_DATABASE_FILTER
                                                               " AND " NOT_EXT("pg_foreign_server",
                                                                               "s.oid");

static sd_status
server_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_SERVER, NULL, NULL, sd_pg__str(res, row, c[SV_NAME]),
                                &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_SERVER_FDW, sd_pg__str(res, row, c[SV_FDW]));
    sd_obj_set_str(r->m, o, SD_SERVER_TYPE, sd_pg__str(res, row, c[SV_TYPE]));
    sd_obj_set_str(r->m, o, SD_SERVER_VERSION, sd_pg__str(res, row, c[SV_VERSION]));
    const char *options = sd_pg__str(res, row, c[SV_OPTIONS]);
    rc = options != NULL ? sd_pg__add_array(r->m, o, SD_SERVER_OPTIONS, options, r->err) : SD_OK;
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    /* pg_depend names its wrapper from its row. */
    return rc == SD_OK ? put_oid(r, SD_PG_CAT_SERVER, res, row, c[SV_OID], o) : rc;
}

enum {
    UM_OID,
    UM_NAME,
    UM_USER,
    UM_SERVER,
    UM_OPTIONS,
    UM__N
};
static const char *const USER_MAPPING_COLS[UM__N] = { "oid", "name", "mapped_user", "server",
                                                      "options" };
/*
 * Through pg_user_mappings (pg_user_mapping is the superuser's alone). Its umoptions is NULL
 * for a reader the view does not show them to: the view's own test (PostgreSQL 15's
 * system_views.sql, with pg_roles for pg_authid) tells that from "no options", and options
 * reads NULL then (options_hidden). A secret's value never leaves the server: any option but
 * the few known to hold none (UM_PLAIN: a user name, whether a password is required, the
 * paths of a client certificate and key) is read as its name alone, which says that it is
 * set; wrappers name their secrets as they like (password, sslpassword, odbc_PWD, api_key).
 * The plain ones are name=value. Sorted by name, as pg_dump writes them.
 */
#define UM_PLAIN "('user', 'username', 'password_required', 'sslcert', 'sslkey')"
#define UM_VISIBLE                                                                          \
    "((um.umuser <> 0 AND um.usename = current_user AND (pg_has_role(s.srvowner, 'USAGE') " \
    "OR has_server_privilege(s.oid, 'USAGE'))) OR (um.umuser = 0 AND "                      \
    "pg_has_role(s.srvowner, 'USAGE')) OR coalesce((SELECT r.rolsuper FROM pg_roles r "     \
    "WHERE r.rolname = current_user), false))"
static const char USER_MAPPINGS_SQL[] =
    "SELECT um.umid AS oid, um.usename::text || '@' || um.srvname::text AS name, "
    "um.usename::text AS mapped_user, um.srvname::text AS server, "
    "CASE WHEN " UM_VISIBLE " THEN ARRAY(SELECT CASE WHEN o.option_name IN " UM_PLAIN
    " THEN o.option_name || '=' || o.option_value ELSE o.option_name END FROM "
    "pg_options_to_table(coalesce(um.umoptions, '{}')) o "
    "ORDER BY o.option_name COLLATE \"C\") END AS options "
    "FROM pg_user_mappings um JOIN pg_foreign_server s ON s.oid = um.srvid "
    "WHERE " SD_PG_DATABASE_FILTER " AND " NOT_EXT("pg_foreign_server", "um.srvid");

static sd_status
user_mapping_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    const char *name = sd_pg__str(res, row, c[UM_NAME]);
    sd_status rc = sd_model_add(r->m, SD_KIND_USER_MAPPING, NULL, NULL, name, &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_USER_MAPPING_USER, sd_pg__str(res, row, c[UM_USER]));
    sd_obj_set_str(r->m, o, SD_USER_MAPPING_SERVER, sd_pg__str(res, row, c[UM_SERVER]));
    const char *options = sd_pg__str(res, row, c[UM_OPTIONS]);
    if (options != NULL) {
        rc = sd_pg__add_array(r->m, o, SD_USER_MAPPING_OPTIONS, options, r->err);
        if (rc != SD_OK)
            return rc;
    } else {
        /* Not shown to this role: compared as hidden, and listed as not compared. */
        sd_obj_set_bool(o, SD_USER_MAPPING_OPTIONS_HIDDEN, true);
        sd_model_add_uncompared(r->m, "user mapping options", name);
    }
    /* pg_depend names its server from its pg_user_mapping row. */
    return put_oid(r, SD_PG_CAT_USER_MAPPING, res, row, c[UM_OID], o);
}

/* ---- operators ---- */

enum {
    OP_OWNER,
    OP_COMMENT,
    OP_SCHEMA,
    OP_NAME,
    OP_DEF,
    OP_OID,
    OP__N
};
static const char *const OPERATOR_COLS[OP__N] = {
    "owner", "comment", "nspname", "name", "def", "oid",
};
/* SQL text is laid out by hand, as for aggregates. */
/* clang-format off */

/* An operator's argument type, NONE for a prefix operator's missing left one. */
#define OPR_TYPE(col) "CASE WHEN " col " = 0 THEN 'NONE' ELSE format_type(" col ", NULL) END"
#define OPR_LEFT  OPR_TYPE("o.oprleft")
#define OPR_RIGHT OPR_TYPE("o.oprright")
/* The option "KW = OPERATOR(schema.name)" for the operator linked by column col (NULL when
 * unset), as pg_dump writes it; the joined operator's alias is al, its schema's aln. */
#define OPR_LINK(kw, col, al)                                                          \
    "CASE WHEN o." col " <> 0 THEN '" kw " = OPERATOR(' || quote_ident(" al "n.nspname) " \
    "|| '.' || " al ".oprname || ')' END"
#define OPR_LINK_JOIN(col, al)                                                         \
    "LEFT JOIN pg_operator " al " ON " al ".oid = o." col " "                         \
    "LEFT JOIN pg_namespace " al "n ON " al "n.oid = " al ".oprnamespace "
/* A support function as the option "KW = f" (NULL when unset): regproc text, qualified
 * outside pg_catalog (search_path is empty), which CREATE OPERATOR resolves by the types. */
#define OPR_FN(kw, col) "CASE WHEN o." col " <> 0 THEN '" kw " = ' || o." col "::regproc::text END"

/* The options of CREATE OPERATOR, in the order the documentation lists them (concat_ws
 * skips the NULLs of options that are not set). Shell operators (no function: only named as
 * another's commutator or negator) are skipped, as pg_dump does: creating that other one
 * makes them again. */
static const char OPERATORS_SQL[] =
    "SELECT n.nspname, o.oid, pg_get_userbyid(o.oprowner)::text AS owner, "
    "ds.description AS comment, "
    "o.oprname || '(' || " OPR_LEFT " || ', ' || " OPR_RIGHT " || ')' AS name, "
    "concat_ws(', ', " OPR_FN("FUNCTION", "oprcode") ", "
    "CASE WHEN o.oprleft <> 0 THEN 'LEFTARG = ' || format_type(o.oprleft, NULL) END, "
    "CASE WHEN o.oprright <> 0 THEN 'RIGHTARG = ' || format_type(o.oprright, NULL) END, "
    OPR_LINK("COMMUTATOR", "oprcom", "oc") ", "
    OPR_LINK("NEGATOR", "oprnegate", "ng") ", "
    OPR_FN("RESTRICT", "oprrest") ", "
    OPR_FN("JOIN", "oprjoin") ", "
    "CASE WHEN o.oprcanhash THEN 'HASHES' END, "
    "CASE WHEN o.oprcanmerge THEN 'MERGES' END) AS def "
    "FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace "
    OPR_LINK_JOIN("oprcom", "oc") OPR_LINK_JOIN("oprnegate", "ng")
    COMMENT_JOIN("pg_operator", "o.oid")
    "WHERE o.oprcode <> 0 AND " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_operator", "o.oid");

/* clang-format on */

static sd_status
operator_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_OPERATOR, sd_pg__str(res, row, c[OP_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[OP_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_sql(r->m, o, SD_OPERATOR_DEFINITION, sd_pg__str(res, row, c[OP_DEF]));
    sd_obj_set_str(r->m, o, SD_OPERATOR_OWNER, sd_pg__str(res, row, c[OP_OWNER]));
    sd_obj_set_str(r->m, o, SD_OPERATOR_COMMENT, sd_pg__str(res, row, c[OP_COMMENT]));
    return put_oid(r, SD_PG_CAT_OPERATOR, res, row, c[OP_OID], o);
}

/* ---- operator families, operator classes ---- */

/* clang-format off */

/*
 * The members of a family or class as rows (k 0 an operator, 1 a support function; num, its
 * strategy or support number; lt, rt its operand types; item, its text as CREATE OPERATOR
 * CLASS ... AS and ALTER OPERATOR FAMILY ... ADD take it; oid, its pg_amop / pg_amproc row),
 * those pg_depend ties to the row refoid of catalog refcat, as pg_dump reads them: a class's
 * own, or a family's loose ones.
 */
#define MEMBER_DEP(cat, oid, refcat, refoid)                                               \
    "JOIN pg_depend md ON md.classid = 'pg_catalog." cat "'::regclass::oid "               \
    "AND md.objid = " oid " AND md.refclassid = 'pg_catalog." refcat "'::regclass::oid "   \
    "AND md.refobjid = " refoid " "
#define MEMBER_ROWS(refcat, refoid)                                                        \
    "(SELECT 0 AS k, ao.amopstrategy AS num, format_type(ao.amoplefttype, NULL) AS lt, "   \
    "format_type(ao.amoprighttype, NULL) AS rt, 'OPERATOR ' || ao.amopstrategy || ' ' || " \
    "ao.amopopr::regoperator::text || CASE WHEN ao.amoppurpose = 'o' THEN "                \
    "' FOR ORDER BY ' || quote_ident(sfn.nspname) || '.' || quote_ident(sf.opfname) "      \
    "ELSE '' END AS item, ao.oid FROM pg_amop ao "                                         \
    MEMBER_DEP("pg_amop", "ao.oid", refcat, refoid)                                        \
    "LEFT JOIN pg_opfamily sf ON sf.oid = ao.amopsortfamily "                              \
    "LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace "                             \
    "UNION ALL SELECT 1, ap.amprocnum, format_type(ap.amproclefttype, NULL), "             \
    "format_type(ap.amprocrighttype, NULL), 'FUNCTION ' || ap.amprocnum || ' (' || "       \
    "format_type(ap.amproclefttype, NULL) || ', ' || "                                     \
    "format_type(ap.amprocrighttype, NULL) || ') ' || ap.amproc::regprocedure::text, "     \
    "ap.oid FROM pg_amproc ap " MEMBER_DEP("pg_amproc", "ap.oid", refcat, refoid) ")"
/* members (text[], in the model's order), amop_oids and amproc_oids (space-separated, for
 * the dependency pass: pg_depend names what a member uses from its own row). */
#define MEMBERS(refcat, refoid)                                                            \
    "ARRAY(SELECT m.item FROM " MEMBER_ROWS(refcat, refoid) " m "                          \
    "ORDER BY m.k, m.num, m.lt COLLATE \"C\", m.rt COLLATE \"C\", m.item COLLATE \"C\") "  \
    "AS members, "                                                                         \
    "(SELECT string_agg(m.oid::text, ' ') FROM " MEMBER_ROWS(refcat, refoid) " m "         \
    "WHERE m.k = 0) AS amop_oids, "                                                        \
    "(SELECT string_agg(m.oid::text, ' ') FROM " MEMBER_ROWS(refcat, refoid) " m "         \
    "WHERE m.k = 1) AS amproc_oids"

static const char OPFAMILIES_SQL[] =
    "SELECT n.nspname, f.opfname || ' using ' || am.amname AS name, f.oid, "
    "pg_get_userbyid(f.opfowner)::text AS owner, ds.description AS comment, "
    MEMBERS("pg_opfamily", "f.oid") " "
    "FROM pg_opfamily f JOIN pg_am am ON am.oid = f.opfmethod "
    "JOIN pg_namespace n ON n.oid = f.opfnamespace "
    COMMENT_JOIN("pg_opfamily", "f.oid")
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_opfamily", "f.oid");

/* STORAGE only when it differs from the indexed type (opckeytype 0 otherwise). */
static const char OPCLASSES_SQL[] =
    "SELECT n.nspname, oc.opcname || ' using ' || am.amname AS name, oc.oid, "
    "pg_get_userbyid(oc.opcowner)::text AS owner, ds.description AS comment, "
    "format_type(oc.opcintype, NULL) AS type, oc.opcdefault AS is_default, "
    "fn.nspname AS family_schema, f.opfname AS family, "
    "CASE WHEN oc.opckeytype <> 0 THEN format_type(oc.opckeytype, NULL) END AS storage, "
    MEMBERS("pg_opclass", "oc.oid") " "
    "FROM pg_opclass oc JOIN pg_am am ON am.oid = oc.opcmethod "
    "JOIN pg_namespace n ON n.oid = oc.opcnamespace "
    "JOIN pg_opfamily f ON f.oid = oc.opcfamily "
    "JOIN pg_namespace fn ON fn.oid = f.opfnamespace "
    COMMENT_JOIN("pg_opclass", "oc.oid")
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_opclass", "oc.oid");

/* clang-format on */

enum {
    OC_OWNER,
    OC_COMMENT,
    OC_SCHEMA,
    OC_NAME,
    OC_OID,
    OC_MEMBERS,
    OC_AMOP_OIDS,
    OC_AMPROC_OIDS,
    OC_TYPE,
    OC_DEFAULT,
    OC_FAMILY_SCHEMA,
    OC_FAMILY,
    OC_STORAGE,
    OC__N
};
/* A family's query has the columns up to OC_AMPROC_OIDS. */
#define OF__N (OC_AMPROC_OIDS + 1)
static const char *const OPFAMILY_COLS[OF__N] = {
    "owner", "comment", "nspname", "name", "oid", "members", "amop_oids", "amproc_oids",
};
static const char *const OPCLASS_COLS[OC__N] = {
    "owner",       "comment", "nspname",    "name",          "oid",    "members", "amop_oids",
    "amproc_oids", "type",    "is_default", "family_schema", "family", "storage",
};

/* Record o under every OID of a space-separated list (members' pg_amop / pg_amproc rows). */
static sd_status
put_oid_list(reader *r, sd_pg_cat cat, const char *list, sd_object *o)
{
    char oid[24];
    sd_status rc = SD_OK;
    for (const char *p = list; p != NULL && *p != '\0' && rc == SD_OK;) {
        size_t len = strcspn(p, " ");
        if (len > 0 && len < sizeof oid) {
            memcpy(oid, p, len);
            oid[len] = '\0';
            rc = sd_pg__oid_put(r->oids, cat, oid, NULL, o, r->err);
        }
        p += len + (p[len] == ' ');
    }
    return rc;
}

/* The columns a family and a class share: identity, members, owner, comment, OIDs. */
static sd_status
opfamily_common(reader *r,
                sd_kind kind,
                const PGresult *res,
                int row,
                const int *c,
                sd_object **out)
{
    sd_object *o = NULL;
    sd_status rc = sd_model_add(r->m, kind, sd_pg__str(res, row, c[OC_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[OC_NAME]), &o, r->err);
    bool family = kind == SD_KIND_OPFAMILY;
    if (rc == SD_OK)
        rc = sd_pg__add_array(r->m, o, family ? SD_OPFAMILY_MEMBERS : SD_OPCLASS_MEMBERS,
                              sd_pg__str(res, row, c[OC_MEMBERS]), r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, family ? SD_OPFAMILY_OWNER : SD_OPCLASS_OWNER,
                   sd_pg__str(res, row, c[OC_OWNER]));
    sd_obj_set_str(r->m, o, family ? SD_OPFAMILY_COMMENT : SD_OPCLASS_COMMENT,
                   sd_pg__str(res, row, c[OC_COMMENT]));
    rc = put_oid(r, family ? SD_PG_CAT_OPFAMILY : SD_PG_CAT_OPCLASS, res, row, c[OC_OID], o);
    if (rc == SD_OK)
        rc = put_oid_list(r, SD_PG_CAT_AMOP, sd_pg__str(res, row, c[OC_AMOP_OIDS]), o);
    if (rc == SD_OK)
        rc = put_oid_list(r, SD_PG_CAT_AMPROC, sd_pg__str(res, row, c[OC_AMPROC_OIDS]), o);
    *out = o;
    return rc;
}

static sd_status
opfamily_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    return opfamily_common(r, SD_KIND_OPFAMILY, res, row, c, &o);
}

static sd_status
opclass_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = opfamily_common(r, SD_KIND_OPCLASS, res, row, c, &o);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_OPCLASS_TYPE, sd_pg__str(res, row, c[OC_TYPE]));
    sd_obj_set_bool(o, SD_OPCLASS_DEFAULT, sd_pg__bool(res, row, c[OC_DEFAULT]));
    sd_obj_set_str(r->m, o, SD_OPCLASS_FAMILY_SCHEMA, sd_pg__str(res, row, c[OC_FAMILY_SCHEMA]));
    sd_obj_set_str(r->m, o, SD_OPCLASS_FAMILY, sd_pg__str(res, row, c[OC_FAMILY]));
    sd_obj_set_str(r->m, o, SD_OPCLASS_STORAGE, sd_pg__str(res, row, c[OC_STORAGE]));
    return SD_OK;
}

/* ---- conversions ---- */

enum {
    CV_OWNER,
    CV_COMMENT,
    CV_SCHEMA,
    CV_NAME,
    CV_OID,
    CV_SOURCE,
    CV_TARGET,
    CV_FUNCTION,
    CV_DEFAULT,
    CV__N
};
static const char *const CONVERSION_COLS[CV__N] = {
    "owner", "comment", "nspname", "conname", "oid", "source", "target", "function", "is_default",
};
static const char CONVERSIONS_SQL[] =
    "SELECT n.nspname, cv.conname, cv.oid, pg_get_userbyid(cv.conowner)::text AS owner, "
    "ds.description AS comment, pg_encoding_to_char(cv.conforencoding)::text AS source, "
    "pg_encoding_to_char(cv.contoencoding)::text AS target, "
    "cv.conproc::regproc::text AS function, cv.condefault AS is_default "
    "FROM pg_conversion cv JOIN pg_namespace n ON n.oid = cv.connamespace " COMMENT_JOIN(
        "pg_conversion",
        "cv.oid") "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT("pg_conversion", "cv.oid");

static sd_status
conversion_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_CONVERSION, sd_pg__str(res, row, c[CV_SCHEMA]), NULL,
                                sd_pg__str(res, row, c[CV_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_CONVERSION_SOURCE, sd_pg__str(res, row, c[CV_SOURCE]));
    sd_obj_set_str(r->m, o, SD_CONVERSION_TARGET, sd_pg__str(res, row, c[CV_TARGET]));
    sd_obj_set_str(r->m, o, SD_CONVERSION_FUNCTION, sd_pg__str(res, row, c[CV_FUNCTION]));
    sd_obj_set_bool(o, SD_CONVERSION_DEFAULT, sd_pg__bool(res, row, c[CV_DEFAULT]));
    sd_obj_set_str(r->m, o, SD_CONVERSION_OWNER, sd_pg__str(res, row, c[CV_OWNER]));
    sd_obj_set_str(r->m, o, SD_CONVERSION_COMMENT, sd_pg__str(res, row, c[CV_COMMENT]));
    return put_oid(r, SD_PG_CAT_CONVERSION, res, row, c[CV_OID], o);
}

/* ---- views and materialized views ---- */

enum {
    VI_SCHEMA = COL__COMMON,
    VI_NAME,
    VI_RELKIND,
    VI_DEF,
    VI_OPTIONS,
    VI_COLUMN_ACLS,
    VI_COLUMN_COMMENTS,
    VI_COLUMNS,
    VI_OID,
    VI_ROWTYPE,
    VI_ROWTYPE_ARRAY,
    VI_RULE_OID,
    VI_NO_DATA,
    VI_ACCESS_METHOD,
    VI__N
};
static const char *const VIEW_COLS[VI__N] = {
    COMMON_COLS, "nspname",       "relname",         "relkind", "def",
    "options",   "column_acls",   "column_comments", "columns", "oid",
    "rowtype",   "rowtype_array", "rule_oid",        "no_data", "access_method",
};
/* A view is named in pg_depend by its pg_class row, its row type (and that type's array)
 * and its _RETURN rule, which holds what the view reads. */
static const char VIEWS_SQL[] =
    "SELECT n.nspname, c.relname, c.relkind, c.oid, c.reltype AS rowtype, "
    "rt.typarray AS rowtype_array, w.oid AS rule_oid, NOT c.relispopulated AS "
    "no_data, " SD_PG_ACCESS_METHOD(
        "c") " AS access_method, " REL_COMMON ", "
             "pg_get_viewdef(c.oid) AS def, "
             "ARRAY(SELECT o FROM unnest(c.reloptions) AS o ORDER BY o COLLATE \"C\") "
             "AS options, "
             "ARRAY(SELECT e.v FROM (SELECT quote_ident(a.attname) || ':' || x::text AS v "
             "FROM pg_attribute a, unnest(a.attacl) x WHERE a.attrelid = c.oid AND a.attnum > 0) e "
             "ORDER BY e.v COLLATE \"C\") AS column_acls, "
             "ARRAY(SELECT e.v FROM (SELECT quote_ident(a.attname) || ':' || cd.description AS v "
             "FROM pg_attribute a JOIN pg_description cd ON cd.objoid = c.oid "
             "AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum "
             "WHERE a.attrelid = c.oid AND a.attnum > 0) e "
             "ORDER BY e.v COLLATE \"C\") AS column_comments, "
             "ARRAY(SELECT quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) "
             "|| CASE WHEN a.attcollation <> at.typcollation THEN ' COLLATE ' "
             "|| quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' END "
             "FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid "
             "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
             "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace "
             "WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
             "ORDER BY a.attnum) AS columns "
             "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
             "LEFT JOIN pg_type rt ON rt.oid = c.reltype "
             "LEFT JOIN pg_rewrite w ON w.ev_class = c.oid AND w.rulename = '_RETURN' " REL_COMMENT
             "WHERE c.relkind IN ('v', 'm') AND " SD_PG_SCHEMA_FILTER " AND " REL_NOT_EXT;

static sd_status
view_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *relkind = sd_pg__str(res, row, c[VI_RELKIND]);
    const char *options = sd_pg__str(res, row, c[VI_OPTIONS]);
    bool mat = relkind != NULL && strcmp(relkind, "m") == 0;
    sd_object *o = NULL;
    (void)state;

    sd_status rc =
        sd_model_add(r->m, mat ? SD_KIND_MATVIEW : SD_KIND_VIEW, sd_pg__str(res, row, c[VI_SCHEMA]),
                     NULL, sd_pg__str(res, row, c[VI_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_sql(r->m, o, mat ? SD_MATVIEW_SQL : SD_VIEW_SQL, sd_pg__str(res, row, c[VI_DEF]));
    rc = set_common(r, o, res, row, c);
    if (rc == SD_OK && options != NULL)
        rc = sd_pg__add_array(r->m, o, mat ? SD_MATVIEW_OPTIONS : SD_VIEW_OPTIONS, options, r->err);
    if (rc == SD_OK)
        rc = sd_pg__add_array(r->m, o, mat ? SD_MATVIEW_COLUMN_ACLS : SD_VIEW_COLUMN_ACLS,
                              sd_pg__str(res, row, c[VI_COLUMN_ACLS]), r->err);
    if (rc == SD_OK)
        rc = sd_pg__add_array(r->m, o, mat ? SD_MATVIEW_COLUMN_COMMENTS : SD_VIEW_COLUMN_COMMENTS,
                              sd_pg__str(res, row, c[VI_COLUMN_COMMENTS]), r->err);
    if (rc == SD_OK && !mat)
        rc =
            sd_pg__add_array(r->m, o, SD_VIEW_COLUMNS, sd_pg__str(res, row, c[VI_COLUMNS]), r->err);
    if (mat) {
        sd_obj_set_bool(o, SD_MATVIEW_NO_DATA, sd_pg__bool(res, row, c[VI_NO_DATA]));
        sd_obj_set_str(r->m, o, SD_MATVIEW_ACCESS_METHOD,
                       sd_pg__str(res, row, c[VI_ACCESS_METHOD]));
    }
    if (rc == SD_OK)
        rc = put_oid(r, SD_PG_CAT_CLASS, res, row, c[VI_OID], o);
    if (rc == SD_OK)
        rc = put_type_oids(r, res, row, c[VI_ROWTYPE], c[VI_ROWTYPE_ARRAY], o);
    if (rc == SD_OK)
        rc = put_oid(r, SD_PG_CAT_REWRITE, res, row, c[VI_RULE_OID], o);
    return rc;
}

/* ---- triggers ---- */

enum {
    TR_SCHEMA,
    TR_TABLE,
    TR_NAME,
    TR_DEF,
    TR_COMMENT,
    TR_OID,
    TR_ENABLED,
    TR__N
};
static const char *const TRIGGER_COLS[TR__N] = {
    "nspname", "relname", "tgname", "def", "comment", "oid", "enabled",
};
/* clone: true for a trigger a partition got from its parent's (tgparentid, PostgreSQL 13
 * and later; before, clones were tgisinternal). */
#define TRIGGERS_SQL(clone)                                                                    \
    "SELECT n.nspname, c.relname, g.tgname, g.oid, pg_get_triggerdef(g.oid) AS def, "          \
    "ds.description AS comment, CASE g.tgenabled WHEN 'D' THEN 'disabled' "                    \
    "WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END AS enabled "                           \
    "FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "                                  \
    "JOIN pg_namespace n ON n.oid = c.relnamespace " TRIGGER_COMMENT                           \
    "WHERE NOT g.tgisinternal AND NOT (" clone ") AND c.relkind IN ('r', 'p', 'f', 'v', 'm') " \
    "AND " SD_PG_SCHEMA_FILTER " AND " REL_NOT_EXT
static const char TRIGGERS_SQL_13[] = TRIGGERS_SQL("g.tgparentid <> 0");
static const char TRIGGERS_SQL_OLD[] = TRIGGERS_SQL("false");

static sd_status
trigger_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_TRIGGER, sd_pg__str(res, row, c[TR_SCHEMA]),
                                sd_pg__str(res, row, c[TR_TABLE]), sd_pg__str(res, row, c[TR_NAME]),
                                &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_sql(r->m, o, SD_TRIGGER_SQL, sd_pg__str(res, row, c[TR_DEF]));
    sd_obj_set_str(r->m, o, SD_TRIGGER_COMMENT, sd_pg__str(res, row, c[TR_COMMENT]));
    sd_obj_set_str(r->m, o, SD_TRIGGER_ENABLED, sd_pg__str(res, row, c[TR_ENABLED]));
    return put_oid(r, SD_PG_CAT_TRIGGER, res, row, c[TR_OID], o);
}

/* ---- rules ---- */

enum {
    RU_SCHEMA,
    RU_TABLE,
    RU_NAME,
    RU_DEF,
    RU_COMMENT,
    RU_OID,
    RU_ENABLED,
    RU__N
};
static const char *const RULE_COLS[RU__N] = {
    "nspname", "relname", "rulename", "def", "comment", "oid", "enabled",
};
/* Rules as pg_dump dumps them: every rewrite rule but a view's own _RETURN rule (the view's
 * query, read with the view), on the relations of the filtered schemas. */
static const char RULES_SQL[] =
    "SELECT n.nspname, c.relname, w.rulename, w.oid, pg_get_ruledef(w.oid) AS def, "
    "ds.description AS comment, CASE w.ev_enabled WHEN 'D' THEN 'disabled' "
    "WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END AS enabled "
    "FROM pg_rewrite w JOIN pg_class c ON c.oid = w.ev_class "
    "JOIN pg_namespace n ON n.oid = c.relnamespace " RULE_COMMENT
    "WHERE NOT (w.rulename = '_RETURN' AND w.ev_type = '1') "
    "AND " SD_PG_SCHEMA_FILTER " AND " REL_NOT_EXT " AND " NOT_EXT("pg_rewrite", "w.oid");

static sd_status
rule_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_RULE, sd_pg__str(res, row, c[RU_SCHEMA]),
                                sd_pg__str(res, row, c[RU_TABLE]), sd_pg__str(res, row, c[RU_NAME]),
                                &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_sql(r->m, o, SD_RULE_DEFINITION, sd_pg__str(res, row, c[RU_DEF]));
    sd_obj_set_str(r->m, o, SD_RULE_ENABLED, sd_pg__str(res, row, c[RU_ENABLED]));
    sd_obj_set_str(r->m, o, SD_RULE_COMMENT, sd_pg__str(res, row, c[RU_COMMENT]));
    /* pg_depend names what the rule's actions and condition use from its pg_rewrite row. */
    return put_oid(r, SD_PG_CAT_REWRITE, res, row, c[RU_OID], o);
}

/* ---- statistics objects ---- */

enum {
    SX_SCHEMA,
    SX_NAME,
    SX_OID,
    SX_DEF,
    SX_TARGET,
    SX_OWNER,
    SX_COMMENT,
    SX__N
};
static const char *const STATISTICS_COLS[SX__N] = {
    "nspname", "stxname", "oid", "def", "target", "owner", "comment",
};
/* Extended statistics objects as pg_dump dumps them: the whole CREATE STATISTICS statement,
 * the target set by ALTER STATISTICS (-1: the default; PostgreSQL 17 writes NULL; before 13
 * there is no target), owner and comment. */
#define STATISTICS_SQL(target)                                                               \
    "SELECT n.nspname, sx.stxname, sx.oid, pg_get_statisticsobjdef(sx.oid) AS def, " target  \
    " AS target, pg_get_userbyid(sx.stxowner)::text AS owner, ds.description AS comment "    \
    "FROM pg_statistic_ext sx JOIN pg_namespace n ON n.oid = sx.stxnamespace " COMMENT_JOIN( \
        "pg_statistic_ext", "sx.oid") "WHERE " SD_PG_SCHEMA_FILTER                           \
                                      " AND " NOT_EXT("pg_statistic_ext", "sx.oid")
static const char STATISTICS_SQL_13[] = STATISTICS_SQL("COALESCE(sx.stxstattarget, -1)");
static const char STATISTICS_SQL_OLD[] = STATISTICS_SQL("-1");

static sd_status
statistics_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    int64_t target = -1;
    (void)state;
    sd_status rc = sd_pg__int64(res, row, c[SX_TARGET], &target, r->err);
    if (rc == SD_OK)
        rc = sd_model_add(r->m, SD_KIND_STATISTICS, sd_pg__str(res, row, c[SX_SCHEMA]), NULL,
                          sd_pg__str(res, row, c[SX_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_sql(r->m, o, SD_STATISTICS_DEFINITION, sd_pg__str(res, row, c[SX_DEF]));
    sd_obj_set_int(o, SD_STATISTICS_TARGET, target);
    sd_obj_set_str(r->m, o, SD_STATISTICS_OWNER, sd_pg__str(res, row, c[SX_OWNER]));
    sd_obj_set_str(r->m, o, SD_STATISTICS_COMMENT, sd_pg__str(res, row, c[SX_COMMENT]));
    /* pg_depend names the table and the columns (or the whole table) it is on. */
    return put_oid(r, SD_PG_CAT_STATISTIC, res, row, c[SX_OID], o);
}

/* ---- dependencies ---- */

enum {
    DP_CAT,
    DP_OID,
    DP_SUB,
    DP_REF_CAT,
    DP_REF_OID,
    DP_REF_SUB,
    DP_TYPE,
    DP__N
};
static const char *const DEP_COLS[DP__N] = {
    "cat", "objid", "objsubid", "ref_cat", "refobjid", "refobjsubid", "deptype",
};

/*
 * Every pg_depend row between two rows of the catalogs that stand for model objects
 * (SD_PG_CATS_SQL); the client maps both ends to objects through the OIDs the readers
 * recorded, so that rows naming anything outside the model (system objects, extension
 * members, constraint-backed indexes, filtered-out schemas) simply find nothing.
 * Normal, automatic and internal dependencies only: partition dependencies (P/S) and
 * extension membership are not ordering edges. OIDs below 16384 are the system's.
 */
static const char DEPS_SQL[] =
    "SELECT k.cat, d.objid, d.objsubid, rk.cat AS ref_cat, d.refobjid, d.refobjsubid, "
    "d.deptype FROM pg_depend d "
    "JOIN " SD_PG_CATS_SQL " AS k(classid, cat) ON k.classid = d.classid "
    "JOIN " SD_PG_CATS_SQL " AS rk(classid, cat) ON rk.classid = d.refclassid "
    "WHERE d.deptype IN ('n', 'a', 'i') AND d.objid >= 16384 AND d.refobjid >= 16384";

/* The model object one end of a dependency row stands for (c: cat, oid, sub-id), or NULL.
 * A relation with a column number is that column when it is a table's; a view's column
 * is the view. */
static const sd_object *
dep_end(const reader *r, const PGresult *res, int row, const int *c)
{
    const char *cat = sd_pg__str(res, row, c[0]);
    const char *oid = sd_pg__str(res, row, c[1]);
    const char *sub = sd_pg__str(res, row, c[2]);

    /* The code of SD_PG_CATS_SQL: one or two digits. */
    if (cat == NULL || cat[0] < '0' || cat[0] > '9' ||
        (cat[1] != '\0' && (cat[1] < '0' || cat[1] > '9' || cat[2] != '\0')))
        return NULL;
    int code = cat[1] == '\0' ? cat[0] - '0' : (cat[0] - '0') * 10 + (cat[1] - '0');
    if (code >= SD_PG_CAT__N)
        return NULL;
    sd_pg_cat k = (sd_pg_cat)code;
    if (k != SD_PG_CAT_CLASS || sub == NULL || strcmp(sub, "0") == 0)
        return sd_pg__oid_get(r->oids, k, oid, "0");
    const sd_object *col = sd_pg__oid_get(r->oids, k, oid, sub);
    if (col != NULL)
        return col;
    const sd_object *rel = sd_pg__oid_get(r->oids, k, oid, "0");
    return rel != NULL && rel->kind != SD_KIND_TABLE ? rel : NULL;
}

/* from is owned by to (a column, constraint or policy of that table): implied, no edge. */
static bool
owned_by(const sd_object *from, const sd_object *to)
{
    return sd_kind_get(from->kind)->owner == to->kind && from->table != NULL &&
           strcmp(from->schema, to->schema) == 0 && strcmp(from->table, to->name) == 0;
}

static sd_status
dep_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const sd_object *from = dep_end(r, res, row, c + DP_CAT);
    const sd_object *to = dep_end(r, res, row, c + DP_REF_CAT);
    const char *type = sd_pg__str(res, row, c[DP_TYPE]);
    (void)state;
    /* A view that reads its own columns (its _RETURN rule's normal dependency on one; every
     * rule has one on the whole view, and an internal one) keeps that as a dependency on
     * itself: it must be created as a stub first. */
    const char *ref_sub = sd_pg__str(res, row, c[DP_REF_SUB]);
    bool self_view = from == to && from != NULL && from->kind == SD_KIND_VIEW && type != NULL &&
                     type[0] == 'n' && ref_sub != NULL && strcmp(ref_sub, "0") != 0;
    /* A sequence's automatic dependency is OWNED BY: the column's default depends on the
     * sequence instead, and that is the edge that orders them. */
    if (from == NULL || to == NULL || (from == to && !self_view) || owned_by(from, to) ||
        (from->kind == SD_KIND_SEQUENCE && type != NULL && type[0] == 'a'))
        return SD_OK;
    /* The object is the model's own (the index hands out const pointers). */
    sd_obj_add_dep(r->m, (sd_object *)from, to->kind, to->schema, to->table, to->name);
    return SD_OK;
}

/* ---- publications (database-wide) ---- */

enum {
    PB_OWNER,
    PB_ACL,
    PB_COMMENT,
    PB_OID,
    PB_NAME,
    PB_ALL_TABLES,
    PB_PUBLISH,
    PB_VIA_ROOT,
    PB_TABLES,
    PB_SCHEMAS,
    PB_REL_OIDS,
    PB_NSP_OIDS,
    PB__N
};
static const char *const PUBLICATION_COLS[PB__N] = {
    COMMON_COLS, "oid",    "pubname", "all_tables", "publish",
    "via_root",  "tables", "schemas", "rel_oids",   "nsp_oids",
};
/* clang-format off */
/* The operations as pg_dump writes them; the table entries "s.t [(a, b)] [WHERE (expr)]",
 * and the OIDs of the pg_publication_rel / _namespace rows, by which pg_depend names what
 * the publication uses (its tables, their columns, what a row filter calls). */
#define PUB_HEAD                                                                              \
    "SELECT p.oid, p.pubname, pg_get_userbyid(p.pubowner)::text AS owner, NULL::text AS acl, " \
    "ds.description AS comment, p.puballtables AS all_tables, "                               \
    "array_to_string(array_remove(ARRAY[CASE WHEN p.pubinsert THEN 'insert' END, "            \
    "CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END, "      \
    "CASE WHEN p.pubtruncate THEN 'truncate' END], NULL), ', ') AS publish, "                 \
    "(to_jsonb(p) ->> 'pubviaroot')::bool IS TRUE AS via_root, "                              \
    "(SELECT string_agg(pr.oid::text, ' ') FROM pg_publication_rel pr "                       \
    "WHERE pr.prpubid = p.oid) AS rel_oids, "
#define PUB_REL_NAME "quote_ident(rn.nspname) || '.' || quote_ident(rc.relname)"
#define PUB_REL_FROM                                                                    \
    " FROM pg_publication_rel pr JOIN pg_class rc ON rc.oid = pr.prrelid "               \
    "JOIN pg_namespace rn ON rn.oid = rc.relnamespace WHERE pr.prpubid = p.oid) AS tables, "
#define PUB_TAIL                                                                         \
    " FROM pg_publication p " COMMENT_JOIN("pg_publication", "p.oid") "WHERE "            \
        SD_PG_DATABASE_FILTER " AND " NOT_EXT("pg_publication", "p.oid")
static const char PUBLICATIONS_SQL_15[] =
    PUB_HEAD "(SELECT array_agg(" PUB_REL_NAME " || "
    "COALESCE(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) "
    "FROM unnest(pr.prattrs::int2[]) WITH ORDINALITY k(attnum, ord) JOIN pg_attribute a "
    "ON a.attrelid = pr.prrelid AND a.attnum = k.attnum) || ')', '') || "
    "COALESCE(' WHERE (' || pg_get_expr(pr.prqual, pr.prrelid) || ')', '') "
    "ORDER BY rn.nspname COLLATE \"C\", rc.relname COLLATE \"C\")" PUB_REL_FROM
    "(SELECT array_agg(n.nspname::text ORDER BY n.nspname COLLATE \"C\") "
    "FROM pg_publication_namespace pn JOIN pg_namespace n ON n.oid = pn.pnnspid "
    "WHERE pn.pnpubid = p.oid) AS schemas, "
    "(SELECT string_agg(pn.oid::text, ' ') FROM pg_publication_namespace pn "
    "WHERE pn.pnpubid = p.oid) AS nsp_oids" PUB_TAIL;
/* Before PostgreSQL 15: no column lists, row filters or schemas. */
static const char PUBLICATIONS_SQL_OLD[] =
    PUB_HEAD "(SELECT array_agg(" PUB_REL_NAME
    " ORDER BY rn.nspname COLLATE \"C\", rc.relname COLLATE \"C\")" PUB_REL_FROM
    "NULL::text[] AS schemas, NULL::text AS nsp_oids" PUB_TAIL;
/* clang-format on */

static sd_status
publication_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_PUBLICATION, NULL, NULL,
                                sd_pg__str(res, row, c[PB_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_bool(o, SD_PUBLICATION_ALL_TABLES, sd_pg__bool(res, row, c[PB_ALL_TABLES]));
    sd_obj_set_str(r->m, o, SD_PUBLICATION_PUBLISH, sd_pg__str(res, row, c[PB_PUBLISH]));
    sd_obj_set_bool(o, SD_PUBLICATION_VIA_ROOT, sd_pg__bool(res, row, c[PB_VIA_ROOT]));
    const char *tables = sd_pg__str(res, row, c[PB_TABLES]);
    const char *schemas = sd_pg__str(res, row, c[PB_SCHEMAS]);
    rc = tables != NULL ? sd_pg__add_array(r->m, o, SD_PUBLICATION_TABLES, tables, r->err) : SD_OK;
    if (rc == SD_OK && schemas != NULL)
        rc = sd_pg__add_array(r->m, o, SD_PUBLICATION_SCHEMAS, schemas, r->err);
    if (rc == SD_OK)
        rc = set_common(r, o, res, row, c);
    if (rc == SD_OK)
        rc = put_oid(r, SD_PG_CAT_PUBLICATION, res, row, c[PB_OID], o);
    /* pg_depend names its tables, columns and schemas from its entries' rows. */
    if (rc == SD_OK)
        rc = put_oid_list(r, SD_PG_CAT_PUB_REL, sd_pg__str(res, row, c[PB_REL_OIDS]), o);
    return rc == SD_OK ? put_oid_list(r, SD_PG_CAT_PUB_NSP, sd_pg__str(res, row, c[PB_NSP_OIDS]), o)
                       : rc;
}

/* ---- objects not compared ---- */

enum {
    UN_KIND,
    UN_NAME,
    UN__N
};
static const char *const UNCOMPARED_COLS[UN__N] = { "kind", "name" };

/* " UNION ALL" a row (label, "schema.name") per schema-level object of catalog cat. */
#define IN_SCHEMA(label, cat, alias, name, nsp)                                \
    " UNION ALL SELECT '" label "', n.nspname || '.' || " alias "." name " "   \
    "FROM " cat " " alias " JOIN pg_namespace n ON n.oid = " alias "." nsp " " \
    "WHERE " SD_PG_SCHEMA_FILTER " AND " NOT_EXT(cat, alias ".oid")
/* " UNION ALL" a row (label, name) per user-made database-wide object of catalog cat. */
#define DB_WIDE(label, cat, alias, name)                                              \
    " UNION ALL SELECT '" label "', " alias "." name "::text FROM " cat " " alias " " \
    "WHERE " alias ".oid >= 16384 AND " NOT_EXT(cat, alias ".oid")
/* Security labels of this database's objects (pg_seclabel) and of the database itself
 * (pg_shseclabel), one row per object and provider: a label needs a provider module loaded
 * in the server (sepgsql), so no round trip could prove them. */
#define UN_SECURITY_LABELS                                                                  \
    " UNION ALL SELECT 'security label', pg_describe_object(sl.classoid, sl.objoid, "       \
    "sl.objsubid) || ' (' || sl.provider || ')' FROM pg_seclabel sl"                        \
    " UNION ALL SELECT 'security label', pg_describe_object(sl.classoid, sl.objoid, 0) || " \
    "' (' || sl.provider || ')' FROM pg_shseclabel sl JOIN pg_database db "                 \
    "ON sl.classoid = 'pg_catalog.pg_database'::regclass AND db.oid = sl.objoid "           \
    "WHERE db.datname = current_database()"

/* Everything in the filtered schemas and the database that the model has no kind for
 */
/* A first SELECT that names the columns and yields nothing, so that every kind is a
 * " UNION ALL" and one can leave the list without another taking its place. */
#define UN_COLUMNS "SELECT NULL::text AS kind, NULL::text AS name WHERE false"
static const char UNCOMPARED_SQL[] = UN_COLUMNS UN_SECURITY_LABELS;

/*
 * Subscriptions (database-wide). pg_subscription is a shared catalog that not every role may
 * read in every version (subconninfo, the connection string, is never read here: it holds
 * passwords), and a failed query would abort the read transaction, so the columns read are
 * checked first. Before PostgreSQL 15 there is no
 * two_phase nor disable_on_error, before 14 no binary nor streaming: those read as false.
 */
enum {
    SB_READABLE,
    SB__N
};
static const char *const SUB_CHECK_COLS[SB__N] = { "readable" };
/* clang-format off */
#define SUB_READABLE(col) "has_column_privilege('pg_catalog.pg_subscription', '" col "', 'SELECT')"
static const char SUB_CHECK_SQL[] =
    "SELECT " SUB_READABLE("subname") " AND " SUB_READABLE("subdbid") " AND "
    SUB_READABLE("subowner") " AND " SUB_READABLE("subslotname") " AND "
    SUB_READABLE("subpublications") " AS readable";
enum {
    SU_OWNER,
    SU_ACL,
    SU_COMMENT,
    SU_OID,
    SU_NAME,
    SU_PUBLICATIONS,
    SU_SLOT_NAME,
    SU_BINARY,
    SU_STREAMING,
    SU_TWO_PHASE,
    SU_DISABLE_ON_ERROR,
    SU_SYNCHRONOUS_COMMIT,
    SU__N
};
static const char *const SUBSCRIPTION_COLS[SU__N] = {
    COMMON_COLS, "oid", "subname", "publications", "slot_name", "binary", "streaming",
    "two_phase", "disable_on_error", "synchronous_commit",
};
#define SUBS_SQL(opts)                                                                         \
    "SELECT s.oid, s.subname, pg_get_userbyid(s.subowner)::text AS owner, NULL::text AS acl, " \
    "ds.description AS comment, s.subpublications AS publications, "                          \
    "s.subslotname AS slot_name, " opts ", s.subsynccommit AS synchronous_commit "              \
    "FROM pg_subscription s JOIN pg_database db ON db.oid = s.subdbid "                        \
    COMMENT_JOIN("pg_subscription", "s.oid")                                                   \
    "WHERE db.datname = current_database() AND " SD_PG_DATABASE_FILTER
static const char SUBSCRIPTIONS_SQL_15[] = SUBS_SQL(
    "s.subbinary AS binary, s.substream::text NOT IN ('f', 'false') AS streaming, "
    "s.subtwophasestate <> 'd' AS two_phase, "
    "s.subdisableonerr AS disable_on_error");
static const char SUBSCRIPTIONS_SQL_14[] = SUBS_SQL(
    "s.subbinary AS binary, s.substream AS streaming, false AS two_phase, "
    "false AS disable_on_error");
static const char SUBSCRIPTIONS_SQL_OLD[] = SUBS_SQL(
    "false AS binary, false AS streaming, false AS two_phase, false AS disable_on_error");
/* clang-format on */

static const char *
subscriptions_sql(int version)
{
    return version >= 150000   ? SUBSCRIPTIONS_SQL_15
           : version >= 140000 ? SUBSCRIPTIONS_SQL_14
                               : SUBSCRIPTIONS_SQL_OLD;
}

static sd_status
subscription_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    sd_object *o = NULL;
    (void)state;
    sd_status rc = sd_model_add(r->m, SD_KIND_SUBSCRIPTION, NULL, NULL,
                                sd_pg__str(res, row, c[SU_NAME]), &o, r->err);
    if (rc != SD_OK)
        return rc;
    sd_obj_set_str(r->m, o, SD_SUBSCRIPTION_SLOT_NAME, sd_pg__str(res, row, c[SU_SLOT_NAME]));
    sd_obj_set_bool(o, SD_SUBSCRIPTION_BINARY, sd_pg__bool(res, row, c[SU_BINARY]));
    sd_obj_set_bool(o, SD_SUBSCRIPTION_STREAMING, sd_pg__bool(res, row, c[SU_STREAMING]));
    sd_obj_set_bool(o, SD_SUBSCRIPTION_TWO_PHASE, sd_pg__bool(res, row, c[SU_TWO_PHASE]));
    sd_obj_set_bool(o, SD_SUBSCRIPTION_DISABLE_ON_ERROR,
                    sd_pg__bool(res, row, c[SU_DISABLE_ON_ERROR]));
    sd_obj_set_str(r->m, o, SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT,
                   sd_pg__str(res, row, c[SU_SYNCHRONOUS_COMMIT]));
    const char *pubs = sd_pg__str(res, row, c[SU_PUBLICATIONS]);
    rc = pubs != NULL ? sd_pg__add_array(r->m, o, SD_SUBSCRIPTION_PUBLICATIONS, pubs, r->err)
                      : SD_OK;
    return rc == SD_OK ? set_common(r, o, res, row, c) : rc;
}

static sd_status
uncompared_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    const char *kind = sd_pg__str(res, row, c[UN_KIND]);
    const char *name = sd_pg__str(res, row, c[UN_NAME]);
    (void)state;
    if (kind != NULL && name != NULL)
        sd_model_add_uncompared(r->m, kind, name);
    return SD_OK;
}

static sd_status
sub_check_row(reader *r, const PGresult *res, int row, const int *c, void *state)
{
    bool *readable = state;
    (void)r;
    *readable = sd_pg__bool(res, row, c[SB_READABLE]);
    return SD_OK;
}

/* ---- entry point ---- */

#define QUERY(sql, purpose, cols)                    \
    {                                                \
        (sql), (purpose), (cols), SD_ARRAY_LEN(cols) \
    }

static sd_status
read_types(reader *r)
{
    const query enums = QUERY(ENUMS_SQL, "reading enum types", ENUM_COLS);
    const query domains = QUERY(DOMAINS_SQL, "reading domains", DOMAIN_COLS);
    const query composites = QUERY(COMPOSITES_SQL, "reading composite types", COMPOSITE_COLS);
    const query ranges = QUERY(r->version >= 140000 ? RANGES_SQL_14 : RANGES_SQL_OLD,
                               "reading range types", RANGE_COLS);
    const query base_types = QUERY(r->version >= 140000 ? BASE_TYPES_SQL_14 : BASE_TYPES_SQL_OLD,
                                   "reading base types", BASE_TYPE_COLS);
    group g = { NULL, SD_BUF_INIT };

    sd_status rc = run(r, &base_types, base_type_row, NULL);
    if (rc == SD_OK)
        rc = run(r, &enums, enum_row, NULL);
    if (rc == SD_OK)
        rc = run(r, &domains, domain_row, &g);
    g.cur = NULL;
    if (rc == SD_OK)
        rc = run(r, &composites, composite_row, &g);
    if (rc == SD_OK)
        rc = composite_flush(r, &g);
    sd_buf_dispose(&g.text);
    if (rc == SD_OK)
        rc = run(r, &ranges, range_row, NULL);
    return rc;
}

static sd_status
read_uncompared(reader *r)
{
    const query all = QUERY(UNCOMPARED_SQL, "reading objects not compared", UNCOMPARED_COLS);
    const query check = QUERY(SUB_CHECK_SQL, "checking access to subscriptions", SUB_CHECK_COLS);
    const query subs =
        QUERY(subscriptions_sql(r->version), "reading subscriptions", SUBSCRIPTION_COLS);
    bool readable = false;

    sd_status rc = run(r, &all, uncompared_row, NULL);
    if (rc == SD_OK)
        rc = run(r, &check, sub_check_row, &readable);
    if (rc == SD_OK && readable)
        rc = run(r, &subs, subscription_row, NULL);
    return rc;
}

/* The queries of sd_pg__read_objects in the order it runs them, but for the subscriptions,
 * which run only when the query before says they can be read. */
size_t
sd_pg__object_plan(int version, const char **sql, size_t cap)
{
    const char *const plan[] = {
        SCHEMAS_SQL,
        EXTENSIONS_SQL,
        version >= 150000 ? COLLATIONS_SQL_15 : COLLATIONS_SQL_OLD,
        TS_PARSERS_SQL,
        TS_TEMPLATES_SQL,
        TS_DICTS_SQL,
        TS_CONFIGS_SQL,
        version >= 140000 ? BASE_TYPES_SQL_14 : BASE_TYPES_SQL_OLD,
        ENUMS_SQL,
        DOMAINS_SQL,
        COMPOSITES_SQL,
        version >= 140000 ? RANGES_SQL_14 : RANGES_SQL_OLD,
        FUNCTIONS_SQL,
        AGGREGATES_SQL,
        EVENT_TRIGGERS_SQL,
        CASTS_SQL,
        LANGUAGES_SQL,
        TRANSFORMS_SQL,
        ACCESS_METHODS_SQL,
        OPERATORS_SQL,
        OPFAMILIES_SQL,
        OPCLASSES_SQL,
        CONVERSIONS_SQL,
        FDWS_SQL,
        SERVERS_SQL,
        USER_MAPPINGS_SQL,
        VIEWS_SQL,
        version >= 130000 ? TRIGGERS_SQL_13 : TRIGGERS_SQL_OLD,
        RULES_SQL,
        version >= 130000 ? STATISTICS_SQL_13 : STATISTICS_SQL_OLD,
        DEFAULT_ACLS_SQL,
        version >= 150000 ? PUBLICATIONS_SQL_15 : PUBLICATIONS_SQL_OLD,
        DEPS_SQL,
        UNCOMPARED_SQL,
        SUB_CHECK_SQL,
    };
    size_t n = 0;
    for (size_t i = 0; i < SD_ARRAY_LEN(plan) && n < cap; i++)
        sql[n++] = plan[i];
    return n;
}

sd_status
sd_pg__read_objects(sd_pg_session *s,
                    sd_model *m,
                    const sd_pg_filter *f,
                    sd_pg_oids *oids,
                    sd_err *err)
{
    reader r = { s, m, f, s->version, oids, err };
    const query schemas = QUERY(SCHEMAS_SQL, "reading schemas", SCHEMA_COLS);
    const query extensions = QUERY(EXTENSIONS_SQL, "reading extensions", EXTENSION_COLS);
    const query collations = QUERY(r.version >= 150000 ? COLLATIONS_SQL_15 : COLLATIONS_SQL_OLD,
                                   "reading collations", COLLATION_COLS);
    const query ts_parsers = QUERY(TS_PARSERS_SQL, "reading text search parsers", TS_PARSER_COLS);
    const query ts_templates =
        QUERY(TS_TEMPLATES_SQL, "reading text search templates", TS_TEMPLATE_COLS);
    const query ts_dicts = QUERY(TS_DICTS_SQL, "reading text search dictionaries", TS_DICT_COLS);
    const query ts_configs =
        QUERY(TS_CONFIGS_SQL, "reading text search configurations", TS_CONFIG_COLS);
    const query functions = QUERY(FUNCTIONS_SQL, "reading functions", FUNCTION_COLS);
    const query aggregates = QUERY(AGGREGATES_SQL, "reading aggregates", AGGREGATE_COLS);
    const query event_triggers =
        QUERY(EVENT_TRIGGERS_SQL, "reading event triggers", EVENT_TRIGGER_COLS);
    const query casts = QUERY(CASTS_SQL, "reading casts", CAST_COLS);
    const query languages = QUERY(LANGUAGES_SQL, "reading languages", LANGUAGE_COLS);
    const query transforms = QUERY(TRANSFORMS_SQL, "reading transforms", TRANSFORM_COLS);
    const query access_methods =
        QUERY(ACCESS_METHODS_SQL, "reading access methods", ACCESS_METHOD_COLS);
    const query operators = QUERY(OPERATORS_SQL, "reading operators", OPERATOR_COLS);
    const query opfamilies = QUERY(OPFAMILIES_SQL, "reading operator families", OPFAMILY_COLS);
    const query opclasses = QUERY(OPCLASSES_SQL, "reading operator classes", OPCLASS_COLS);
    const query conversions = QUERY(CONVERSIONS_SQL, "reading conversions", CONVERSION_COLS);
    const query fdws = QUERY(FDWS_SQL, "reading foreign-data wrappers", FDW_COLS);
    const query servers = QUERY(SERVERS_SQL, "reading foreign servers", SERVER_COLS);
    const query user_mappings =
        QUERY(USER_MAPPINGS_SQL, "reading user mappings", USER_MAPPING_COLS);
    const query views = QUERY(VIEWS_SQL, "reading views", VIEW_COLS);
    const query triggers = QUERY(r.version >= 130000 ? TRIGGERS_SQL_13 : TRIGGERS_SQL_OLD,
                                 "reading triggers", TRIGGER_COLS);
    const query rules = QUERY(RULES_SQL, "reading rules", RULE_COLS);
    const query statistics = QUERY(r.version >= 130000 ? STATISTICS_SQL_13 : STATISTICS_SQL_OLD,
                                   "reading statistics objects", STATISTICS_COLS);
    const query default_acls =
        QUERY(DEFAULT_ACLS_SQL, "reading default privileges", DEFAULT_ACL_COLS);
    const query publications =
        QUERY(r.version >= 150000 ? PUBLICATIONS_SQL_15 : PUBLICATIONS_SQL_OLD,
              "reading publications", PUBLICATION_COLS);
    const query deps = QUERY(DEPS_SQL, "reading dependencies", DEP_COLS);

    sd_status rc = run(&r, &schemas, schema_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &extensions, extension_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &collations, collation_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &ts_parsers, ts_parser_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &ts_templates, ts_template_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &ts_dicts, ts_dict_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &ts_configs, ts_config_row, NULL);
    if (rc == SD_OK)
        rc = read_types(&r);
    if (rc == SD_OK)
        rc = run(&r, &functions, function_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &aggregates, aggregate_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &event_triggers, event_trigger_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &casts, cast_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &languages, language_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &transforms, transform_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &access_methods, access_method_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &operators, operator_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &opfamilies, opfamily_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &opclasses, opclass_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &conversions, conversion_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &fdws, fdw_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &servers, server_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &user_mappings, user_mapping_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &views, view_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &triggers, trigger_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &rules, rule_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &statistics, statistics_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &default_acls, default_acl_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &publications, publication_row, NULL);
    if (rc == SD_OK)
        rc = run(&r, &deps, dep_row, NULL);
    if (rc == SD_OK)
        rc = read_uncompared(&r);
    return rc;
}
