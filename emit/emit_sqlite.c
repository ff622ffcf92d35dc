/*
 * emit_sqlite.c: the SQLite emitter. It writes, one by one, the steps that plan/plan_sqlite.c
 * decided (which tables are altered in place and which rebuilt, under which temporary name,
 * what is dropped and created again around them, where the guards go, and in what order; the
 * phases are in that file's header comment) and records each step's SQL in the plan. It
 * decides nothing: every choice it makes is how to spell a step.
 *
 * The script runs between PRAGMA foreign_keys=OFF; BEGIN; and COMMIT; PRAGMA
 * foreign_keys=ON;. foreign_keys goes off before BEGIN (inside a transaction the pragma is a
 * no-op) so that dropping a rebuilt parent table cascades nothing. A rebuild follows
 * https://www.sqlite.org/lang_altertable.html#otheralter: the replacement is created under
 * its temporary name and filled with the kept columns, AUTOINCREMENT's counter carried over;
 * a swap drops the old table and renames the replacement. Guards refuse NULLs under a new NOT
 * NULL before a copy, a copy that misses rows after it, and rows that break foreign keys
 * before COMMIT; a failed guard stops the script before anything is dropped or committed.
 *
 * Identifiers go through util/sql.h only. SQL fragments from the model (types, defaults,
 * expressions, view and trigger text) are written as stored, after a check that each is one
 * well-formed fragment (it tokenizes, parentheses balance, no top-level ',' or ';'), so a
 * hand-edited snapshot cannot smuggle a second statement into the script. A line
 * "-- destructive: ..." precedes every statement that loses data.
 *
 * Not supported: opts->quote_all_identifiers (util/sql.h has no such mode yet; names are
 * quoted when they need it). Rowids of tables without an INTEGER PRIMARY KEY are not kept by
 * a rebuild.
 */
#include <stdint.h>
#include <string.h>

#include "emit/emit_int.h"
#include "parse/parse.h"
#include "plan/plan_sqlite.h"
#include "util/util.h"

#define BIT(f) (UINT64_C(1) << (f))
#define ENGINE SD_ENGINE_SQLITE

typedef struct ctx {
    const sd_changelist *cl; /* the change list */
    const sd_model *from;    /* its "from" model */
    const sd_model *to;      /* its "to" model */
    sd_writer w;             /* the script and the first error (emit_writer_int.h) */
    sd_arena *scratch;       /* strings made while writing */
    sd_plan *plan;           /* the steps, appended as they are written */
    unsigned nguards;        /* guards written so far */
} ctx;

/* ---- names ---- */

static void
lower_into(sd_buf *b, const char *s)
{
    sd_buf_reset(b);
    for (; *s != '\0'; s++)
        sd_buf_putc(b, sd_ascii_lower(*s));
}

static const sd_sqltext *
stmt_sql(const sd_object *o)
{
    return &o->v[o->kind == SD_KIND_VIEW ? SD_VIEW_SQL : SD_TRIGGER_SQL].sql;
}

/* ---- output helpers (all no-ops after an error) ---- */

static void
put(ctx *c, const char *s)
{
    sd_writer_put(&c->w, s);
}

static void
put_ident(ctx *c, const char *name)
{
    sd_writer_ident(&c->w, name);
}

/* An object name: unqualified in "main" (the script runs on one database). */
static void
put_name(ctx *c, const char *schema, const char *name)
{
    if (schema == NULL || strcmp(schema, "main") == 0)
        sd_writer_ident(&c->w, name);
    else
        sd_writer_qualified(&c->w, schema, name);
}

/*
 * A collation name. SQLite matches collations ignoring case, so NOCASE is written bare
 * when its lower-case spelling would be; quoting is still decided by util/sql.h.
 */
static void
put_collation(ctx *c, const char *name)
{
    sd_buf low = SD_BUF_INIT;
    lower_into(&low, name);
    if (!sd_buf_failed(&low) && sd_sql_ident_is_bare(ENGINE, sd_buf_cstr(&low)))
        put(c, name);
    else
        put_ident(c, name);
    sd_buf_dispose(&low);
}

static void
put_names(ctx *c, const sd_names *n)
{
    put(c, "(");
    sd_writer_idents(&c->w, n);
    put(c, ")");
}

/* Text in a comment line: control bytes escaped so a name cannot end the comment. */
static void
put_comment_text(ctx *c, const char *s)
{
    sd_writer_comment_text(&c->w, s);
}

/* schema.table[.column] for a comment line. */
static void
put_comment_name(ctx *c, const char *schema, const char *table, const char *column)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_ident(&b, ENGINE, schema);
    sd_buf_putc(&b, '.');
    sd_sql_ident(&b, ENGINE, table);
    if (column != NULL) {
        sd_buf_putc(&b, '.');
        sd_sql_ident(&b, ENGINE, column);
    }
    if (sd_buf_failed(&b))
        sd_writer_nomem(&c->w);
    put_comment_text(c, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
}

/* A blank line between the statements of different objects. */
static void
unit(ctx *c)
{
    put(c, "\n");
}

/* ---- plan steps ---- */

/* Record the planned step that the SQL written next belongs to; it ends where the next
 * starts. */
static void
begin(ctx *c, const sd_step *planned)
{
    if (c->w.rc != SD_OK)
        return;
    sd_step s = *planned;
    s.sql_start = c->w.out->len;
    c->w.rc = sd_plan_append(c->plan, &s, c->w.err);
}

/* ---- guards ---- */

/*
 * A guard fails the script inside its transaction, before anything is dropped or committed,
 * when the data does not allow what follows (NULLs under a new NOT NULL, rows a copy would
 * not carry, rows that break a foreign key once enforcement is back): an insert of the
 * guard's condition into a temporary table whose CHECK, named after the problem, rejects
 * false. SQLite reports "CHECK constraint failed: <problem>"; the sqlite3 shell stops there
 * (.bail on), drivers stop at the error, and the open transaction is rolled back when the
 * connection closes. The first guard creates the table, each later one adds its column
 * (NULL passes a CHECK, so each insert tests its own column only); it is dropped before
 * COMMIT.
 */
#define GUARD_TABLE "schemadrift_guard"

/* A guard step's start: "-- guard: <problem>", its column, and the insert up to its
 * condition; the caller writes the condition (an expression that is 1 when the data allows
 * the next step) and guard_close. */
static void
guard_open(ctx *c, const char *problem)
{
    if (c->w.rc != SD_OK)
        return;
    unsigned n = ++c->nguards;
    put(c, "\n-- guard: ");
    put_comment_text(c, problem);
    if (n == 1)
        sd_buf_appendf(c->w.out, "\nCREATE TEMP TABLE %s (g1 INTEGER CONSTRAINT ", GUARD_TABLE);
    else
        sd_buf_appendf(c->w.out, "\nALTER TABLE temp.%s ADD COLUMN g%u INTEGER CONSTRAINT ",
                       GUARD_TABLE, n);
    sd_sql_ident(c->w.out, ENGINE, problem);
    sd_buf_appendf(c->w.out, " CHECK (g%u)%s;\nINSERT INTO temp.%s (g%u) SELECT ", n,
                   n == 1 ? ")" : "", GUARD_TABLE, n);
    c->w.statements++; /* the CREATE / ALTER; guard_close() ends the INSERT */
}

static void
guard_close(ctx *c)
{
    put(c, ";\n");
}

/* A guard's problem text: "main.t.x " (column may be NULL) followed by what. */
static const char *
guard_problem(ctx *c, const sd_object *t, const char *column, const char *what)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_ident(&b, ENGINE, t->schema != NULL ? t->schema : "main");
    sd_buf_putc(&b, '.');
    sd_sql_ident(&b, ENGINE, t->name);
    if (column != NULL) {
        sd_buf_putc(&b, '.');
        sd_sql_ident(&b, ENGINE, column);
    }
    sd_buf_append(&b, what);
    const char *s = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    if (s == NULL)
        sd_writer_nomem(&c->w);
    return s != NULL ? s : "";
}

/* ---- SQL fragments from the model ---- */

/*
 * Check that text is one fragment that can sit inside a statement: it tokenizes, is not
 * empty, its parentheses balance and it holds no top-level ',' nor any ';'. On success
 * [*start_out, *end_out) spans its first to last token: comments around it are left out, so
 * a trailing -- comment cannot swallow what follows the fragment.
 */
static bool
check_fragment(ctx *c,
               const sd_object *o,
               const char *what,
               const char *text,
               size_t *start_out,
               size_t *end_out)
{
    sd_lexer lx;
    sd_tok tok;
    sd_err e = SD_ERR_INIT;
    size_t depth = 0;
    size_t ntok = 0;
    const char *problem = NULL;
    sd_lexer_init(&lx, text, strlen(text), 0);
    while (problem == NULL) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK) {
            problem = e.msg;
            break;
        }
        if (tok.type == SD_TOK_EOF)
            break;
        if (ntok++ == 0)
            *start_out = tok.start;
        *end_out = tok.start + tok.len;
        if (sd_tok_is_punct(text, &tok, "("))
            depth++;
        else if (sd_tok_is_punct(text, &tok, ")") && depth-- == 0)
            problem = "unbalanced parentheses";
        else if (sd_tok_is_punct(text, &tok, ";"))
            problem = "it contains ';'";
        else if (sd_tok_is_punct(text, &tok, ",") && depth == 0)
            problem = "it contains a top-level ','";
    }
    if (problem == NULL && depth != 0)
        problem = "unbalanced parentheses";
    if (problem == NULL && ntok == 0)
        problem = "it is empty";
    sd_err pe = SD_ERR_INIT;
    if (problem == NULL && sd_parse_sqlite_piece(text, &pe) != SD_OK)
        problem = pe.msg;
    if (problem != NULL)
        sd_writer_fail_text(&c->w, o, what, text, problem);
    return problem == NULL;
}

static void
put_fragment(ctx *c, const sd_object *o, const char *what, const char *text)
{
    size_t start = 0;
    size_t end = 0;
    if (c->w.rc != SD_OK || !check_fragment(c, o, what, text, &start, &end))
        return;
    sd_buf_appendn(c->w.out, text + start, end - start);
}

/*
 * A stored CREATE VIEW / CREATE TRIGGER statement, terminated: written from its first to its
 * last token (comments around it and trailing ';' dropped), then ";". The text is untrusted
 * (a snapshot, a schema written with PRAGMA writable_schema): SQLite's own parser proves first
 * that it is one statement creating this very view or trigger (parse/parse.h).
 */
static void
put_statement(ctx *c, const sd_object *o)
{
    const char *text = stmt_sql(o)->text;
    if (c->w.rc != SD_OK)
        return;
    if (text == NULL) {
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, o, "%s has no SQL text",
                       sd_kind_get(o->kind)->label);
        return;
    }
    sd_err e = SD_ERR_INIT;
    sd_sql_shape shape = o->kind == SD_KIND_VIEW ? SD_SQL_CREATE_VIEW : SD_SQL_CREATE_TRIGGER;
    sd_status prc = sd_parse_sqlite_create(text, shape, o->name, o->table, &e);
    if (prc != SD_OK) {
        if (prc == SD_ERR_NOMEM)
            sd_writer_nomem(&c->w);
        else
            sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid SQL text of %s: %s",
                           sd_kind_get(o->kind)->label, e.msg);
        return;
    }
    /* SQLite proved it one CREATE statement; its span is its first to its last token other
     * than ';' (comments around it and the terminator left out). */
    sd_lexer lx;
    sd_tok tok;
    size_t start = 0;
    size_t end = 0;
    bool any = false;
    sd_lexer_init(&lx, text, strlen(text), 0);
    for (;;) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK) {
            sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid SQL text of %s: %s",
                           sd_kind_get(o->kind)->label, e.msg);
            return;
        }
        if (tok.type == SD_TOK_EOF)
            break;
        if (sd_tok_is_punct(text, &tok, ";"))
            continue;
        if (!any)
            start = tok.start;
        any = true;
        end = tok.start + tok.len;
    }
    sd_buf_appendn(c->w.out, text + start, end - start);
    put(c, ";\n");
}

/* ---- statements ---- */

static void
put_drop(ctx *c, const char *keyword, const sd_object *o)
{
    unit(c);
    put(c, "DROP ");
    put(c, keyword);
    put(c, " ");
    put_name(c, o->schema, o->name);
    put(c, ";\n");
}

/* An FK action or MATCH value: written as is, so it must be one the registry allows. */
static void
put_fk_word(ctx *c, const sd_object *fk, int field, const char *prefix, const char *omit)
{
    const char *v = fk->v[field].s;
    const sd_field_info *fi = &sd_kind_get(SD_KIND_FOREIGN_KEY)->fields[field];
    if (v == NULL || strcmp(v, omit) == 0)
        return;
    for (const char *const *a = fi->allowed; *a != NULL; a++) {
        if (strcmp(*a, v) == 0) {
            put(c, prefix);
            put(c, v);
            return;
        }
    }
    sd_writer_fail_text(&c->w, fk, fi->name, v, "not a value SQLite knows");
}

static void
put_constraint_name(ctx *c, const sd_object *o)
{
    if (o->name == NULL)
        return;
    put(c, "CONSTRAINT ");
    put_ident(c, o->name);
    put(c, " ");
}

static void
put_foreign_key(ctx *c, const sd_object *fk)
{
    const sd_value *v = fk->v;
    if (v[SD_FK_REF_TABLE].s == NULL) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, fk, "foreign key without a referenced table");
        return;
    }
    put_constraint_name(c, fk);
    put(c, "FOREIGN KEY ");
    put_names(c, &v[SD_FK_COLUMNS].names);
    put(c, " REFERENCES ");
    put_ident(c, v[SD_FK_REF_TABLE].s);
    if (v[SD_FK_REF_COLUMNS].names.len > 0) {
        put(c, " ");
        put_names(c, &v[SD_FK_REF_COLUMNS].names);
    }
    put_fk_word(c, fk, SD_FK_ON_DELETE, " ON DELETE ", "NO ACTION");
    put_fk_word(c, fk, SD_FK_ON_UPDATE, " ON UPDATE ", "NO ACTION");
    put_fk_word(c, fk, SD_FK_MATCH, " MATCH ", "NONE");
    if (v[SD_FK_DEFERRABLE].b)
        put(c, v[SD_FK_INITIALLY_DEFERRED].b ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
}

/* A column definition; pk is the table's AUTOINCREMENT key when it goes inline here. */
static void
put_column(ctx *c, const sd_object *col, const sd_object *pk)
{
    const sd_value *v = col->v;
    put_ident(c, col->name);
    if (v[SD_COLUMN_TYPE].s != NULL && v[SD_COLUMN_TYPE].s[0] != '\0') {
        put(c, " ");
        put_fragment(c, col, "type", v[SD_COLUMN_TYPE].s);
    }
    if (pk != NULL) {
        put(c, " ");
        put_constraint_name(c, pk);
        put(c, "PRIMARY KEY AUTOINCREMENT");
    }
    if (v[SD_COLUMN_COLLATION].s != NULL) {
        put(c, " COLLATE ");
        put_collation(c, v[SD_COLUMN_COLLATION].s);
    }
    if (v[SD_COLUMN_NOT_NULL].b)
        put(c, " NOT NULL");
    if (v[SD_COLUMN_DEFAULT].sql.text != NULL) {
        bool wrap = sd_sql_default_kind(v[SD_COLUMN_DEFAULT].sql.text) == SD_DEFAULT_EXPR;
        put(c, wrap ? " DEFAULT (" : " DEFAULT ");
        put_fragment(c, col, "default", v[SD_COLUMN_DEFAULT].sql.text);
        put(c, wrap ? ")" : "");
    }
    if (v[SD_COLUMN_GENERATED].sql.text != NULL) {
        const char *kind = v[SD_COLUMN_GENERATED_KIND].s;
        put(c, " GENERATED ALWAYS AS (");
        put_fragment(c, col, "generated expression", v[SD_COLUMN_GENERATED].sql.text);
        put(c, ")");
        if (kind != NULL)
            put(c, strcmp(kind, "stored") == 0 ? " STORED" : " VIRTUAL");
    }
}

/* The table's primary key when it must go inline (AUTOINCREMENT on one column). */
static const sd_object *
inline_pk(const sd_model *m, const sd_object *t)
{
    size_t n = 0;
    const sd_object *const *pk = sd_model_children(m, t, SD_KIND_PRIMARY_KEY, &n);
    if (n == 0 || !pk[0]->v[SD_PK_AUTOINCREMENT].b || pk[0]->v[SD_PK_COLUMNS].names.len != 1)
        return NULL;
    const char *col = pk[0]->v[SD_PK_COLUMNS].names.items[0];
    return sd_model_find(m, SD_KIND_COLUMN, t->schema, t->name, col) != NULL ? pk[0] : NULL;
}

static void
put_table_constraints(ctx *c, const sd_object *t, const sd_object *pk_inline)
{
    size_t n = 0;
    const sd_object *const *o = sd_model_children(c->to, t, SD_KIND_PRIMARY_KEY, &n);
    for (size_t i = 0; i < n && pk_inline == NULL; i++) {
        put(c, ",\n  ");
        put_constraint_name(c, o[i]);
        put(c, "PRIMARY KEY ");
        /* AUTOINCREMENT on a column that is missing: SQLite's table-level spelling. */
        if (o[i]->v[SD_PK_AUTOINCREMENT].b) {
            sd_names one = o[i]->v[SD_PK_COLUMNS].names;
            put(c, "(");
            put_ident(c, one.len > 0 ? one.items[0] : NULL);
            put(c, " AUTOINCREMENT)");
        } else {
            put_names(c, &o[i]->v[SD_PK_COLUMNS].names);
        }
    }
    o = sd_model_children(c->to, t, SD_KIND_UNIQUE, &n);
    for (size_t i = 0; i < n; i++) {
        put(c, ",\n  ");
        put_constraint_name(c, o[i]);
        put(c, "UNIQUE ");
        put_names(c, &o[i]->v[SD_UNIQUE_COLUMNS].names);
    }
    o = sd_model_children(c->to, t, SD_KIND_CHECK, &n);
    for (size_t i = 0; i < n; i++) {
        put(c, ",\n  ");
        put_constraint_name(c, o[i]);
        put(c, "CHECK (");
        put_fragment(c, o[i], "check expression", o[i]->v[SD_CHECK_EXPRESSION].sql.text);
        put(c, ")");
    }
    o = sd_model_children(c->to, t, SD_KIND_FOREIGN_KEY, &n);
    for (size_t i = 0; i < n; i++) {
        put(c, ",\n  ");
        put_foreign_key(c, o[i]);
    }
}

/* CREATE TABLE for "to" table t, under the given name (t's own, or a rebuild's temporary). */
static void
put_create_table(ctx *c, const sd_object *t, const char *name)
{
    size_t ncol = 0;
    const sd_object *const *cols = sd_model_children(c->to, t, SD_KIND_COLUMN, &ncol);
    const sd_object *pk = inline_pk(c->to, t);
    put(c, "CREATE TABLE ");
    put_name(c, t->schema, name);
    put(c, " (\n");
    for (size_t i = 0; i < ncol; i++) {
        bool here = pk != NULL && strcmp(pk->v[SD_PK_COLUMNS].names.items[0], cols[i]->name) == 0;
        put(c, i > 0 ? ",\n  " : "  ");
        put_column(c, cols[i], here ? pk : NULL);
    }
    put_table_constraints(c, t, pk);
    put(c, "\n)");
    if (t->v[SD_TABLE_STRICT].b)
        put(c, t->v[SD_TABLE_WITHOUT_ROWID].b ? " STRICT, WITHOUT ROWID" : " STRICT");
    else if (t->v[SD_TABLE_WITHOUT_ROWID].b)
        put(c, " WITHOUT ROWID");
    put(c, ";\n");
}

static void
put_create_index(ctx *c, const sd_object *ix)
{
    const sd_keys *keys = &ix->v[SD_INDEX_KEYS].keys;
    unit(c);
    put(c, ix->v[SD_INDEX_UNIQUE].b ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    put_name(c, ix->schema, ix->name);
    put(c, " ON ");
    put_ident(c, ix->table);
    put(c, " (");
    for (size_t i = 0; i < keys->len; i++) {
        const sd_keypart *k = &keys->items[i];
        if (i > 0)
            put(c, ", ");
        /* An expression as stored: the introspector keeps its text verbatim, so added
         * parentheses would read back as a different key. */
        if (k->column != NULL)
            put_ident(c, k->column);
        else
            put_fragment(c, ix, "index expression", k->expr.text);
        if (k->collation != NULL) {
            put(c, " COLLATE ");
            put_collation(c, k->collation);
        }
        if (k->desc)
            put(c, " DESC");
    }
    put(c, ")");
    if (ix->v[SD_INDEX_WHERE].sql.text != NULL) {
        put(c, " WHERE ");
        put_fragment(c, ix, "index predicate", ix->v[SD_INDEX_WHERE].sql.text);
    }
    put(c, ";\n");
}

/* SQLite affinity of a declared type (datatype3.html, 3.1), as 'I', 'T', 'B', 'R', 'N'. */
static char
affinity(const char *type)
{
    sd_buf up = SD_BUF_INIT;
    for (const char *p = type != NULL ? type : ""; *p != '\0'; p++)
        sd_buf_putc(&up, sd_ascii_upper(*p));
    const char *s = sd_buf_cstr(&up);
    char a = 'N';
    if (strstr(s, "INT") != NULL)
        a = 'I';
    else if (strstr(s, "CHAR") != NULL || strstr(s, "CLOB") != NULL || strstr(s, "TEXT") != NULL)
        a = 'T';
    else if (strstr(s, "BLOB") != NULL || s[0] == '\0')
        a = 'B';
    else if (strstr(s, "REAL") != NULL || strstr(s, "FLOA") != NULL || strstr(s, "DOUB") != NULL)
        a = 'R';
    sd_buf_dispose(&up);
    return a;
}

/* A type change that can alter or reject stored values. */
static bool
narrows(const sd_object *from_col, const sd_object *to_col, bool strict)
{
    if (strict)
        return true;
    char f = affinity(from_col->v[SD_COLUMN_TYPE].s);
    char t = affinity(to_col->v[SD_COLUMN_TYPE].s);
    switch (t) {
    case 'I':
        return f != 'I';
    case 'R':
    case 'N':
        return f == 'T' || f == 'B';
    default:
        return false;
    }
}

/* The "-- destructive:" lines of a rebuild, before the copy that loses the data. */
static void
put_rebuild_losses(ctx *c, const sd_sqlite_table *p)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->from, p->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        if (sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key) != NULL)
            continue;
        put(c, "-- destructive: drops column ");
        put_comment_name(c, cols[i]->schema, cols[i]->table, cols[i]->name);
        put(c, " and its data\n");
    }
    cols = sd_model_children(c->to, p->to, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *old = sd_model_find_key(c->from, SD_KIND_COLUMN, cols[i]->key);
        const sd_change *ch = old != NULL ? sd_changelist_find(c->cl, cols[i]) : NULL;
        if (ch == NULL)
            continue;
        if (cols[i]->v[SD_COLUMN_GENERATED].sql.text != NULL &&
            old->v[SD_COLUMN_GENERATED].sql.text == NULL) {
            put(c, "-- destructive: column ");
            put_comment_name(c, old->schema, old->table, old->name);
            put(c, " becomes generated; its stored values are replaced\n");
        } else if ((ch->fields & BIT(SD_COLUMN_TYPE)) &&
                   narrows(old, cols[i], p->to->v[SD_TABLE_STRICT].b)) {
            put(c, "-- destructive: column ");
            put_comment_name(c, old->schema, old->table, old->name);
            put(c, " changes type from ");
            put_comment_text(c, old->v[SD_COLUMN_TYPE].s);
            put(c, " to ");
            put_comment_text(c, cols[i]->v[SD_COLUMN_TYPE].s);
            put(c, "; values that do not convert are changed or rejected\n");
        }
    }
}

/*
 * Keep AUTOINCREMENT's promise across a rebuild: the copy sets the new table's counter to
 * its largest id, which forgets ids used by since-deleted rows, so carry the old counter.
 */
static void
put_sequence_copy(ctx *c, const sd_sqlite_table *p)
{
    const sd_object *old_pk = inline_pk(c->from, p->from);
    if (old_pk == NULL || inline_pk(c->to, p->to) == NULL || c->w.rc != SD_OK)
        return;
    put(c,
        "UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN (");
    sd_sql_literal(c->w.out, ENGINE, p->from->name);
    put(c, ", ");
    sd_sql_literal(c->w.out, ENGINE, p->temp_name);
    put(c, ")) WHERE name = ");
    sd_sql_literal(c->w.out, ENGINE, p->temp_name);
    put(c, ";\nINSERT INTO sqlite_sequence (name, seq) SELECT ");
    sd_sql_literal(c->w.out, ENGINE, p->temp_name);
    put(c, ", seq FROM sqlite_sequence WHERE name = ");
    sd_sql_literal(c->w.out, ENGINE, p->from->name);
    put(c, " AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ");
    sd_sql_literal(c->w.out, ENGINE, p->temp_name);
    put(c, ");\n");
}

static void
put_kept_columns(ctx *c, const sd_sqlite_table *p)
{
    for (size_t i = 0; i < p->nkept; i++) {
        if (i > 0)
            put(c, ", ");
        put_ident(c, p->kept[i]->name);
    }
}

/* The replacement under its temporary name, filled with the kept columns' rows. */
static void
put_rebuild(ctx *c, const sd_sqlite_table *p)
{
    unit(c);
    put_create_table(c, p->to, p->temp_name);
    put_rebuild_losses(c, p);
    if (p->nkept == 0)
        return;
    put(c, "INSERT INTO ");
    put_name(c, p->to->schema, p->temp_name);
    put(c, " (");
    put_kept_columns(c, p);
    put(c, ") SELECT ");
    put_kept_columns(c, p);
    put(c, " FROM ");
    put_name(c, p->from->schema, p->from->name);
    put(c, ";\n");
    put_sequence_copy(c, p);
}

static void
put_swap(ctx *c, const sd_sqlite_table *p)
{
    unit(c);
    put(c, "DROP TABLE ");
    put_name(c, p->from->schema, p->from->name);
    put(c, ";\nALTER TABLE ");
    put_name(c, p->to->schema, p->temp_name);
    put(c, " RENAME TO ");
    put_ident(c, p->to->name);
    put(c, ";\n");
}

static void
put_drop_table(ctx *c, const sd_object *t)
{
    unit(c);
    put(c, "-- destructive: drops table ");
    put_comment_name(c, t->schema, t->name, NULL);
    put(c, " and all its rows\n");
    put(c, "DROP TABLE ");
    put_name(c, t->schema, t->name);
    put(c, ";\n");
}

static void
put_drop_column(ctx *c, const sd_sqlite_table *p, const sd_object *col)
{
    unit(c);
    put(c, "-- destructive: drops column ");
    put_comment_name(c, col->schema, col->table, col->name);
    put(c, " and its data\nALTER TABLE ");
    put_name(c, p->from->schema, p->from->name);
    put(c, " DROP COLUMN ");
    put_ident(c, col->name);
    put(c, ";\n");
}

static void
put_add_column(ctx *c, const sd_sqlite_table *p, const sd_object *col)
{
    unit(c);
    put(c, "ALTER TABLE ");
    put_name(c, p->to->schema, p->to->name);
    put(c, " ADD COLUMN ");
    put_column(c, col, NULL);
    put(c, ";\n");
}

/* ALTER TABLE ... RENAME TO / RENAME COLUMN: names as they are when it runs. */
static void
put_rename(ctx *c, const sd_rename *r)
{
    put(c, "\nALTER TABLE ");
    put_ident(c, r->kind == SD_RENAME_TABLE ? r->old_name : r->table);
    if (r->kind == SD_RENAME_COLUMN) {
        put(c, " RENAME COLUMN ");
        put_ident(c, r->old_name);
        put(c, " TO ");
    } else {
        put(c, " RENAME TO ");
    }
    put_ident(c, r->new_name);
    put(c, ";\n");
}

/* ---- guards ---- */

/* Kept column col becomes NOT NULL: refused, naming the column, while a row holds NULL. */
static void
put_guard_not_null(ctx *c, const sd_sqlite_table *p, const sd_object *col)
{
    const sd_object *old = sd_model_find_key(c->from, SD_KIND_COLUMN, col->key);
    if (old == NULL) {
        sd_writer_fail(&c->w, SD_ERR, col, "internal error: a NOT NULL guard on a new column");
        return;
    }
    guard_open(c, guard_problem(c, p->to, col->name, " holds NULLs; the target makes it NOT NULL"));
    put(c, "NOT EXISTS (SELECT 1 FROM ");
    put_name(c, p->from->schema, p->from->name);
    put(c, " WHERE ");
    put_ident(c, old->name);
    put(c, " IS NULL)");
    guard_close(c);
}

/* The copy either errs or carries every row; this holds it to that whoever runs the script,
 * before the old table is dropped. */
static void
put_guard_rows_kept(ctx *c, const sd_sqlite_table *p)
{
    guard_open(c, guard_problem(c, p->to, NULL,
                                ": the rebuilt table would not hold every row of the old one"));
    put(c, "(SELECT count(*) FROM ");
    put_name(c, p->to->schema, p->temp_name);
    put(c, ") = (SELECT count(*) FROM ");
    put_name(c, p->from->schema, p->from->name);
    put(c, ")");
    guard_close(c);
}

/* Foreign keys are not enforced while the script runs: rows that break one are refused
 * before COMMIT. */
static void
put_guard_foreign_keys(ctx *c, const sd_object *t)
{
    guard_open(c, guard_problem(c, t, NULL,
                                ": rows break its foreign keys (PRAGMA foreign_key_check "
                                "lists them)"));
    put(c, "NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check(");
    if (c->w.rc == SD_OK)
        sd_sql_literal(c->w.out, ENGINE, t->name);
    put(c, "))");
    guard_close(c);
}

/* ---- one step ---- */

/* DROP's keyword per kind of an object dropped with its own statement. */
static const char *const DROP_KEYWORD[SD_KIND__COUNT] = {
    [SD_KIND_INDEX] = "INDEX",
    [SD_KIND_VIEW] = "VIEW",
    [SD_KIND_TRIGGER] = "TRIGGER",
};

/* A step the planner does not hand to this emitter: the two disagree. */
static void
unexpected(ctx *c, const sd_step *s)
{
    const sd_object *o = s->to != NULL ? s->to : s->from;
    sd_writer_fail(&c->w, SD_ERR, o, "internal error: SQLite cannot write a %s step of this kind",
                   sd_step_op_name(s->op));
}

/* The step needs its table's decision. */
static bool
has_table(ctx *c, const sd_sqlite_step *ps)
{
    if (ps->table == NULL || (ps->table->from == NULL && ps->step.op != SD_STEP_CREATE)) {
        unexpected(c, &ps->step);
        return false;
    }
    return true;
}

static void
put_create(ctx *c, const sd_sqlite_step *ps)
{
    const sd_object *o = ps->step.to;
    if (o->kind == SD_KIND_TABLE) {
        unit(c);
        put_create_table(c, o, o->name);
    } else if (o->kind == SD_KIND_COLUMN) {
        if (has_table(c, ps))
            put_add_column(c, ps->table, o);
    } else if (o->kind == SD_KIND_INDEX) {
        put_create_index(c, o);
    } else if (o->kind == SD_KIND_VIEW || o->kind == SD_KIND_TRIGGER) {
        unit(c);
        put_statement(c, o);
    } else {
        unexpected(c, &ps->step);
    }
}

static void
put_drop_step(ctx *c, const sd_sqlite_step *ps)
{
    const sd_object *o = ps->step.from;
    if (o->kind == SD_KIND_TABLE) {
        put_drop_table(c, o);
    } else if (o->kind == SD_KIND_COLUMN) {
        if (has_table(c, ps))
            put_drop_column(c, ps->table, o);
    } else if (DROP_KEYWORD[o->kind] != NULL) {
        put_drop(c, DROP_KEYWORD[o->kind], o);
    } else {
        unexpected(c, &ps->step);
    }
}

static void
put_guard(ctx *c, const sd_sqlite_step *ps)
{
    sd_guard_kind g = ps->step.guard;
    if (!has_table(c, ps))
        return;
    if (g == SD_GUARD_NOT_NULL)
        put_guard_not_null(c, ps->table, ps->step.to);
    else if (g == SD_GUARD_ROWS_KEPT)
        put_guard_rows_kept(c, ps->table);
    else if (g == SD_GUARD_FOREIGN_KEYS)
        put_guard_foreign_keys(c, ps->table->to);
    else
        unexpected(c, &ps->step);
}

/* The first SETUP step opens the script, the last one closes it. */
static void
put_setup(ctx *c, bool first)
{
    if (first) {
        put(c, "PRAGMA foreign_keys=OFF;\nBEGIN;\n");
        return;
    }
    if (c->nguards > 0)
        put(c, "\nDROP TABLE temp." GUARD_TABLE ";\n");
    put(c, "\nCOMMIT;\nPRAGMA foreign_keys=ON;\n");
}

static void
put_step(ctx *c, const sd_sqlite_step *ps, bool first)
{
    begin(c, &ps->step);
    if (c->w.rc != SD_OK)
        return;
    switch (ps->step.op) {
    case SD_STEP_SETUP:
        put_setup(c, first);
        break;
    case SD_STEP_RENAME:
        if (ps->rename != NULL)
            put_rename(c, ps->rename);
        else
            unexpected(c, &ps->step);
        break;
    case SD_STEP_DROP:
        put_drop_step(c, ps);
        break;
    case SD_STEP_CREATE:
        put_create(c, ps);
        break;
    case SD_STEP_REBUILD:
        if (has_table(c, ps))
            put_rebuild(c, ps->table);
        break;
    case SD_STEP_SWAP:
        if (has_table(c, ps))
            put_swap(c, ps->table);
        break;
    case SD_STEP_GUARD:
        put_guard(c, ps);
        break;
    case SD_STEP_ALTER:
    case SD_STEP__COUNT:
        unexpected(c, &ps->step);
        break;
    }
}

/* ---- entry point ---- */

sd_status
sd_emit__sqlite(sd_buf *out,
                const sd_changelist *cl,
                sd_plan *steps,
                const sd_emit_options *opts,
                sd_err *err)
{
    ctx c = { 0 };
    c.plan = steps;
    (void)opts; /* quote_all_identifiers: util/sql.h has no such mode yet (see header) */
    c.cl = cl;
    c.from = sd_changelist_from(cl);
    c.to = sd_changelist_to(cl);
    c.w = (sd_writer){ .out = out, .err = err, .engine = ENGINE };
    sd_sqlite_plan *sp = NULL;
    c.w.rc = sd_plan_sqlite(&sp, cl, err);
    if (c.w.rc != SD_OK)
        return c.w.rc;
    c.scratch = sd_arena_new();
    if (c.scratch == NULL) {
        sd_plan_sqlite_free(sp);
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    }
    size_t n = sd_plan_sqlite_count(sp);
    for (size_t i = 0; i < n && c.w.rc == SD_OK; i++)
        put_step(&c, sd_plan_sqlite_at(sp, i), i == 0);
    if (c.w.rc == SD_OK && (sd_buf_failed(out) || sd_arena_failed(c.scratch)))
        sd_writer_nomem(&c.w);
    sd_plan_set_statements(steps, c.w.statements);
    sd_arena_free(c.scratch);
    sd_plan_sqlite_free(sp);
    return c.w.rc;
}
