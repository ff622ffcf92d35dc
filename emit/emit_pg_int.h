/*
 * emit_pg_int.h: shared by the PostgreSQL emitter's files (emit_pg.c: planning and phases;
 * emit_pg_out.c: output primitives, SQL fragments, names, owners, privileges, comments;
 * emit_pg_kinds.c: the per-kind table and the non-table kinds; emit_pg_table.c: tables,
 * columns, constraints, policies; emit_pg_rename.c: renames and enum guards; emit_pg_spath.c:
 * the search_path of functions run over existing rows). Nothing outside emit/
 * includes this.
 */
#ifndef SD_EMIT_EMIT_PG_INT_H
#define SD_EMIT_EMIT_PG_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emit/emit_int.h"
#include "plan/plan.h"
#include "plan/plan_pg.h"
#include "util/util.h"

#define PGE       SD_ENGINE_PG
#define FBIT(f)   (UINT64_C(1) << (f))
#define NO_FIELD  (-1)
#define NOT_FOUND ((size_t)-1)

/* Flags of sd_emit__pg_fragment(): what a stored SQL fragment may contain. */
#define FRAG_COMMA  1u   /* top-level commas (lists: composite attributes, range options) */
#define FRAG_SEMI   2u   /* ';' after BEGIN ATOMIC (SQL-standard function bodies) */
#define FRAG_CREATE 4u   /* a whole statement: must start with CREATE */
#define FRAG_TRIM   8u   /* trailing ';' dropped (pg_get_viewdef ends with one) */
#define FRAG_EXPR   16u  /* one scalar expression (parsed as one: parse/parse.h) */
#define FRAG_QUERY  32u  /* one query: a view's (parsed as one) */
#define FRAG_PSEMI  64u  /* ';' inside parentheses (a rule's actions; psql splits at depth 0) */
#define FRAG_ALTER  128u /* a whole ALTER statement: ALTER OPERATOR FAMILY ... ADD / DROP */

typedef struct pg_ctx pg_ctx;

/* Functions the current unit runs over existing rows whose body resolves names through the
 * caller's search_path, without duplicates (emit_pg_spath.c). */
typedef struct pg_spath {
    const sd_object **items; /* in the scratch arena */
    size_t len, cap;
} pg_spath;

/* How DROP / ALTER / COMMENT ON name an object of a kind (sd_emit__pg_target()). */
typedef enum pg_target {
    PG_TARGET_QNAME = 0, /* schema-qualified name: "s.t" */
    PG_TARGET_NAME,      /* the name alone: a schema, an extension */
    PG_TARGET_ON_TABLE,  /* "n ON s.t": constraints, policies, triggers */
    PG_TARGET_COLUMN,    /* "s.t.c" */
    PG_TARGET_FUNCTION,  /* "s.f(argument list)" */
    PG_TARGET_AGGREGATE, /* "s.a(input types)", "s.a(*)" */
    PG_TARGET_OPERATOR,  /* "s.+(left, right)" */
    PG_TARGET_CAST,      /* "(source AS target)" (sd_emit__pg_cast_target()) */
    PG_TARGET_TRANSFORM, /* "FOR type LANGUAGE l" (sd_emit__pg_transform_target()) */
    PG_TARGET_OPCLASS    /* "s.n USING am": operator families and classes */
} pg_target;

/* How the emitter writes one kind (ARCHITECTURE.md, Tables as data); what PostgreSQL does with
 * it (in place or recreated, planned, dropped late) is plan/plan_pg.h's sd_pg_rule. The owner,
 * acl and comment fields are the registry's field roles (sd_kind_role_field()). */
typedef struct pg_ops {
    const char *keyword;      /* ALTER / DROP / COMMENT ON word; NULL: the kind's own way */
    const char *grant_on;     /* object class after GRANT ... ON; NULL: no privileges */
    const char *all_privs;    /* privilege letters the owner holds by default */
    const char *public_privs; /* privilege letters PUBLIC holds by default */
    pg_target target;         /* how statements name it */
    void (*create)(pg_ctx *c, const sd_object *to);
    void (*drop)(pg_ctx *c, const sd_object *from);
    /* Carry out an ALTER that recreates it (NULL: drop, then create). */
    void (*recreate)(pg_ctx *c, const sd_change *ch);
    /* In-place ALTER of every field except owner, acl and comment (NULL: nothing). */
    void (*alter)(pg_ctx *c, const sd_change *ch);
    /* In-place ALTER written after owner, acl and comment (NULL: nothing): a language made
     * untrusted, whose privileges can be changed only while it is trusted. */
    void (*alter_after)(pg_ctx *c, const sd_change *ch);
} pg_ops;

struct pg_ctx {
    const sd_changelist *cl;       /* the change list */
    const sd_model *from;          /* its "from" model */
    const sd_model *to;            /* its "to" model */
    sd_buf *script;                /* the whole script */
    sd_writer w;                   /* w.out: where statements go (the current unit); the
                                      first error (emit_writer_int.h) */
    sd_buf unit;                   /* statements of one change, blank-line separated */
    sd_plan *plan;                 /* steps, appended as units reach the script */
    sd_step unit_step;             /* the step the current unit is (sd_emit__pg_unit_begin) */
    sd_txn_kind txn;               /* the transaction units are written in */
    sd_arena *scratch;             /* every array below lives here */
    size_t done;                   /* changes of the create/alter phase written so far */
    const sd_pg_plan *p;           /* what the script does beyond the changes
                                      (plan/plan_pg.h); read only */
    bool *created[SD_KIND__COUNT]; /* "to" objects already created */
    bool *seq_dropped;             /* "from" sequences dropped where a column takes their
                                      place as an identity (not in the late phase) */
    bool *readd_left;              /* "to" tables whose columns and constraints added
                                      again are still to come (from p->readd_table) */
    pg_spath spath;                /* functions the current unit runs over rows */
};

/* ---- output primitives (no-ops after an error) ---- */

static inline void
put(pg_ctx *c, const char *s)
{
    sd_writer_put(&c->w, s);
}

static inline void
put_ident(pg_ctx *c, const char *name)
{
    sd_writer_ident(&c->w, name);
}

static inline void
put_qname(pg_ctx *c, const char *schema, const char *name)
{
    sd_writer_qualified(&c->w, schema, name);
}

static inline void
put_literal(pg_ctx *c, const char *value)
{
    sd_writer_literal(&c->w, value);
}

static inline bool
streq(const char *a, const char *b)
{
    return sd_strcmp_c(a, b) == 0;
}

static inline bool
names_have(const sd_names *n, const char *s)
{
    return sd_names_find(n, s, NULL);
}

/* ---- emit_pg_out.c ---- */

/* Start a unit (the statements of one change); sd_emit__pg_unit_end() appends it to the
 * script after a blank line, or drops it when it is empty. */
/* Start a unit: the statements of one step (op on the object from / to). */
void sd_emit__pg_unit_begin(pg_ctx *c, sd_step_op op, const sd_object *from, const sd_object *to);
/* Start a step written straight to the script (setup, transaction control, guards). */
void sd_emit__pg_step(pg_ctx *c, const sd_step *s);
void sd_emit__pg_unit_end(pg_ctx *c);
/* Write an operator's schema-qualified name, the first len bytes of its identity, after
 * checking it is made of operator characters. */
void sd_emit__pg_operator_name(pg_ctx *c, const sd_object *o, size_t len);
/* An operator family's or class's name and access method, from its identity "n using am"
 * (in the scratch arena); false after failing the writer. */
bool sd_emit__pg_opclass_parts(pg_ctx *c, const sd_object *o, const char **name, const char **am);
/* Write an operator family's or class's name and access method: "s.n USING am". */
void sd_emit__pg_opclass_name(pg_ctx *c, const sd_object *o);
/* Write a SQL fragment stored in the model after checking it is one piece (FRAG_*). */
void sd_emit__pg_fragment(pg_ctx *c,
                          const sd_object *o,
                          const char *what,
                          const char *text,
                          unsigned flags);
/* The object as DROP / ALTER / COMMENT ON name it ("s.t", "n ON s.t", "s.f(int)"). */
void sd_emit__pg_target(pg_ctx *c, const sd_object *o);
/* The word after DROP / ALTER for o ("TABLE", "PROCEDURE", ...). */
const char *sd_emit__pg_keyword(const sd_object *o);
/* "s.t.c"-style name for a comment line, control bytes escaped. */
void sd_emit__pg_comment_name(pg_ctx *c, const sd_object *o);
/* Comment-line text, control bytes escaped. */
/* DROP <keyword> <target>; */
void sd_emit__pg_drop_plain(pg_ctx *c, const sd_object *from);
/* COMMENT ON <o> IS <text or NULL>; */
void sd_emit__pg_comment_on(pg_ctx *c, const sd_object *o, const char *text);
/* After a CREATE: owner, privileges and comment of to. */
void sd_emit__pg_extras(pg_ctx *c, const sd_object *to);
/* After an in-place ALTER: the owner, privilege and comment changes of ch. */
void sd_emit__pg_alter_extras(pg_ctx *c, const sd_change *ch);
/* GRANT / REVOKE turning the privileges "from_acl" (owned by from_owner) into to's. */
void sd_emit__pg_acl(pg_ctx *c,
                     const sd_object *to,
                     const sd_names *from_acl,
                     const char *from_owner,
                     const char *column);
/* ALTER DEFAULT PRIVILEGES for a schema's default_acl change. */
void sd_emit__pg_default_acl(pg_ctx *c,
                             const sd_object *schema,
                             const sd_names *from,
                             const sd_names *to);
/* ALTER DEFAULT PRIVILEGES without IN SCHEMA from one database-wide default privileges
 * object to another of the same role and object type (NULL: PostgreSQL's built-in ones). */
void sd_emit__pg_db_default_acl(pg_ctx *c, const sd_object *from, const sd_object *to);

/* After creating a view or matview: GRANT ... (column) and COMMENT ON COLUMN for its
 * column_acls / column_comments entries (fields acl_field, comment_field). */
void sd_emit__pg_column_extras(pg_ctx *c, const sd_object *to, int acl_field, int comment_field);
/* The same for an ALTER: the statements turning from's entries into to's. */
void
sd_emit__pg_alter_column_extras(pg_ctx *c, const sd_change *ch, int acl_field, int comment_field);

/* ---- emit_pg_kinds.c ---- */

const pg_ops *sd_emit__pg_ops(sd_kind kind);
/* The ADD VALUE statements turning from's values into to's. */
void sd_emit__pg_enum_add_values(pg_ctx *c, const sd_object *from, const sd_object *to);
/* Create a planned view, matview, index or trigger (with its extras). A view whose query the
 * change list puts off (SD_CHG_DEFERRED) is created as a stub: its columns, NULL each. */
void sd_emit__pg_create_planned(pg_ctx *c, const sd_object *to);
/* Whether a new object's part is put off to an SD_CHG_DEFERRED change of the list. */
bool sd_emit__pg_deferred(const pg_ctx *c, const sd_object *to);
/* The statements of an SD_CHG_DEFERRED change: what completes the object its creation left
 * without the part (a view's query, a domain's CHECKs and default; a column default or a
 * CHECK of a new table: sd_emit__pg_complete_table_part). */
void sd_emit__pg_create_deferred(pg_ctx *c, const sd_change *ch);
void sd_emit__pg_complete_table_part(pg_ctx *c, const sd_change *ch);
/* ALTER SEQUENCE s OWNED BY owned_by (NULL: NONE). */
void sd_emit__pg_sequence_owned_by(pg_ctx *c, const sd_object *seq, const char *owned_by);
/* ALTER <kind> o SET / RESET (...) for a change of the reloptions field (table, matview,
 * index); after a CREATE, SET for every option of o. */
void sd_emit__pg_alter_options(pg_ctx *c, const sd_change *ch, int field);
void sd_emit__pg_set_options(pg_ctx *c, const sd_object *o, int field);
/* COMMENT ON CONSTRAINT ... ON DOMAIN turning from_comments into d's check_comments; from_checks
 * NULL: every check of d is new (a check added again loses its comment). */
void sd_emit__pg_check_comments(pg_ctx *c,
                                const sd_object *d,
                                const sd_names *from_checks,
                                const sd_names *from_comments);
/* ALTER TABLE ... CLUSTER ON ix (on), or SET WITHOUT CLUSTER unless another index of its
 * table is clustered in "to"; ix: an index, or a key constraint (its index has its name). */
void sd_emit__pg_cluster_mark(pg_ctx *c, const sd_object *ix, bool on);
/* GRANT / REVOKE on an identity column's sequence, turning from_acl (NULL: a new sequence,
 * its owner's defaults) into col's identity_acl. */
void sd_emit__pg_identity_acl(pg_ctx *c, const sd_object *col, const sd_names *from_acl);
/* ALTER TABLE ... REPLICA IDENTITY USING INDEX ix (an index or a key constraint). */
void sd_emit__pg_replica_index(pg_ctx *c, const sd_object *ix);
/* ALTER ... RESET / SET turning o's options from f into t (a column's: its attribute options). */
void sd_emit__pg_put_options(pg_ctx *c, const sd_object *o, const sd_names *f, const sd_names *t);
/* " OPTIONS (name 'value', ...)" of a CREATE for the generic options n (name=value) of o, in
 * their order; nothing when there are none. */
void sd_emit__pg_generic_options(pg_ctx *c, const sd_object *o, const sd_names *n);
/* " USING am" (nothing for NULL: heap) and ALTER TABLE / MATERIALIZED VIEW ... SET ACCESS
 * METHOD. */
void sd_emit__pg_using(pg_ctx *c, const char *am);
void sd_emit__pg_set_access_method(pg_ctx *c, const sd_object *o, const char *am);
/* False (the writer failed) for a column change of a table that stays typed. */
bool sd_emit__pg_typed_column_ok(pg_ctx *c, const sd_change *ch);
/* Whether two lists of generic options (name=value) differ as sets. */
bool sd_emit__pg_options_differ(const sd_names *from, const sd_names *to);
/* " OPTIONS (DROP a, SET b 'v', ADD c 'w')" turning generic options from into to. */
void sd_emit__pg_alter_generic_options(pg_ctx *c,
                                       const sd_object *o,
                                       const sd_names *from,
                                       const sd_names *to);
/* The same for a constraint's index_options: ALTER INDEX, the index named as the constraint. */
void sd_emit__pg_alter_index_options(pg_ctx *c, const sd_change *ch, int field);
/* " WITH (k=v, ...)" for the options n of o (nothing when there are none). */
void sd_emit__pg_with_options(pg_ctx *c, const sd_object *o, const sd_names *n);
/* Append n in decimal. */
void sd_emit__pg_int(pg_ctx *c, int64_t n);

/* ---- emit_pg_rename.c ---- */

/* The start of the first transaction: the renames, then the guards that refuse to remove an
 * enum value some row still holds. */
void sd_emit__pg_preamble(pg_ctx *c);

/* ---- emit_pg_table.c ---- */

void sd_emit__pg_create_table(pg_ctx *c, const sd_object *t);
void sd_emit__pg_drop_table(pg_ctx *c, const sd_object *t);
void sd_emit__pg_alter_table(pg_ctx *c, const sd_change *ch);
/* ALTER TABLE ... NO INHERIT for the parents a table leaves (prepare phase). */
void sd_emit__pg_no_inherit(pg_ctx *c, const sd_change *ch);
/* The bridge parent sd_emit__pg_no_inherit() may have put in, dropped (post phase). */
void sd_emit__pg_drop_bridge(pg_ctx *c, const sd_change *ch);
/* Whether a table keeps its parents but a column of its turns local, which takes leaving
 * and inheriting them again: sd_emit__pg_reinherit() (prepare phase; ch need not be in the
 * change list). */
bool sd_emit__pg_reinherits(const pg_ctx *c, const sd_object *from_t, const sd_object *to_t);
void sd_emit__pg_reinherit(pg_ctx *c, const sd_change *ch);
void sd_emit__pg_create_column(pg_ctx *c, const sd_object *col);
/* SET STORAGE's keyword for a model storage word (plain, main...; NULL: none of them). */
const char *sd_emit__pg_storage_keyword(const char *storage);
void sd_emit__pg_drop_column(pg_ctx *c, const sd_object *col);
void sd_emit__pg_alter_column(pg_ctx *c, const sd_change *ch);
/* A table rebuilt for a partition key change or a column order: its kept rows saved to a
 * temporary table, then the table dropped (prepare phase); the rows put back into the new
 * to_t, which exists with its partitions (at its change). */
void sd_emit__pg_rebuild_save(pg_ctx *c, const sd_object *from_t, const sd_object *to_t);
void sd_emit__pg_rebuild_restore(pg_ctx *c, const sd_object *from_t, const sd_object *to_t);
/* A new RANGE or LIST partition t whose parent keeps its DEFAULT partition: created
 * standalone, the default partition's rows in its bounds moved into it, attached
 * (emit_pg_partition.c). false, having written nothing, when that does not apply. */
bool sd_emit__pg_partition_from_default(pg_ctx *c, const sd_object *t);
/* ALTER COLUMN ... DROP IDENTITY when a column ALTER removes its identity (drops phase). */
void sd_emit__pg_drop_identity(pg_ctx *c, const sd_change *ch);
void sd_emit__pg_create_constraint(pg_ctx *c, const sd_object *con);
void sd_emit__pg_drop_constraint(pg_ctx *c, const sd_object *con);
void sd_emit__pg_alter_constraint(pg_ctx *c, const sd_change *ch);
/* "(source AS target)" of a cast, its types proved fragments and its name checked. */
void sd_emit__pg_cast_target(pg_ctx *c, const sd_object *k);
/* "FOR type LANGUAGE l" of a transform, its type a proved fragment and its name checked. */
void sd_emit__pg_transform_target(pg_ctx *c, const sd_object *t);
void sd_emit__pg_create_policy(pg_ctx *c, const sd_object *p);
void sd_emit__pg_drop_policy(pg_ctx *c, const sd_object *p);
void sd_emit__pg_alter_policy(pg_ctx *c, const sd_change *ch);
/* ALTER TABLE ... ALTER COLUMN c TYPE type COLLATE collation: a collation change alone. */
void sd_emit__pg_column_collate(pg_ctx *c,
                                const sd_object *col,
                                const char *type,
                                const char *collation);
/*
 * ALTER TABLE ... ALTER COLUMN c TYPE type [COLLATE collation] [USING c<cast>], with the
 * column's default dropped first (it may not cast) and to_col's default set again when
 * to_col has that type. collation and cast may be NULL.
 */
void sd_emit__pg_column_retype(pg_ctx *c,
                               const sd_object *from_col,
                               const sd_object *to_col,
                               const char *type,
                               const char *collation,
                               const char *cast);
/* Add again the constraints of "to" table that a DROP COLUMN of a re-added column took. */
void sd_emit__pg_readd_constraints(pg_ctx *c, const sd_object *table);
/* DROP COLUMN of a generated column added again once the columns it reads are retyped. */
void sd_emit__pg_drop_readd_column(pg_ctx *c, const sd_object *col);
/* A column whose default or generation calls a function that is dropped and created,
 * detached from it (prepare phase): dropped when readd (added again after its table's last
 * change), else DROP EXPRESSION or DROP DEFAULT. */
void sd_emit__pg_unhook_column(pg_ctx *c, const sd_object *col, bool readd);
/* ALTER COLUMN ... SET DEFAULT col's default (nothing when it has none). */
void sd_emit__pg_set_default(pg_ctx *c, const sd_object *col);
/* Whether a type change can lose or reject values. */
bool sd_emit__pg_type_narrows(const char *from, const char *to);

/* Statements of the current unit that evaluate over existing rows: a column or constraint
 * o added, a column col retyped (what PostgreSQL rebuilds with it). The functions they run
 * whose body resolves names through the caller's search_path are noted (emit_pg_spath.c). */
void sd_emit__pg_spath_note(pg_ctx *c, const sd_object *o);
void sd_emit__pg_spath_note_retype(pg_ctx *c, const sd_object *col);
/* A table t created: its partition key and generated columns, and with rows (put back
 * or moved in) its defaults and CHECK and EXCLUDE constraints too. */
void sd_emit__pg_spath_note_table(pg_ctx *c, const sd_object *t, bool rows);
/* Called by sd_emit__pg_unit_end() before the unit reaches the script: the noted functions
 * (and those of the unit's index or materialized view) run with the database's default
 * search_path meanwhile, as in the application. */
void sd_emit__pg_spath_wrap(pg_ctx *c);

#endif
