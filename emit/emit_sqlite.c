/*
 * emit_sqlite.c: the SQLite emitter. It plans the whole script from the change list and the
 * two full models, then writes it in fixed phases:
 *
 *   PRAGMA foreign_keys=OFF; BEGIN;
 *   renames (ALTER TABLE ... RENAME TO / RENAME COLUMN) from the change list;
 *   drop triggers, views (dependents first) and indexes that go or change, plus every view
 *     and trigger that refers to a table about to be rebuilt or dropped or to a view that
 *     goes (transitively);
 *   create new tables (referenced tables first);
 *   rebuild the tables SQLite cannot alter in place, following
 *     https://www.sqlite.org/lang_altertable.html#otheralter: every new table is created
 *     and filled before any old one is dropped, then each old table is dropped and its
 *     replacement renamed;
 *   drop tables; ALTER TABLE ... DROP COLUMN / ADD COLUMN where SQLite allows it;
 *   create indexes (new, changed, and all of every rebuilt table), views (dependencies
 *     first) and triggers;
 *   guards: foreign keys of rebuilt tables and of their children hold; the guard table
 *     dropped; COMMIT; PRAGMA foreign_keys=ON;
 *
 * Before each copy, guards refuse NULLs under a new NOT NULL; after it, that every row was
 * copied. A failed guard stops the script before anything is dropped or committed.
 *
 * foreign_keys goes off before BEGIN (inside a transaction the pragma is a no-op) so that
 * dropping a rebuilt parent table cascades nothing. Views and triggers are dropped before a
 * rebuild because SQLite 3.26+ re-checks the whole schema on RENAME and DROP COLUMN and
 * refuses a view or trigger that names a missing table.
 *
 * Identifiers go through util/sql.h only. SQL fragments from the model (types, defaults,
 * expressions, view and trigger text) are written as stored, after a check that each is one
 * well-formed fragment (it tokenizes, parentheses balance, no top-level ',' or ';'), so a
 * hand-edited snapshot cannot smuggle a second statement into the script. A line
 * "-- destructive: ..." precedes every statement that loses data.
 *
 * Not supported: schema changes (SQLite has one schema per file: SD_ERR_UNSUPPORTED), and
 * opts->quote_all_identifiers (util/sql.h has no such mode yet; names are quoted when they
 * need it). Rowids of tables without an INTEGER PRIMARY KEY are not kept by a rebuild.
 */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "emit/emit_int.h"
#include "util/util.h"

#define BIT(f) (UINT64_C(1) << (f))
#define ENGINE SD_ENGINE_SQLITE

/* How a change of each kind is carried out (ARCHITECTURE.md, Tables as data). */
typedef enum role {
    ROLE_UNSUPPORTED = 0, /* cannot be expressed in SQLite: SD_ERR_UNSUPPORTED */
    ROLE_TABLE,           /* created, dropped, or rebuilt (STRICT, WITHOUT ROWID changes) */
    ROLE_COLUMN,          /* added or dropped in place when SQLite allows it, else rebuild */
    ROLE_CONSTRAINT,      /* any change rebuilds the owning table */
    ROLE_STATEMENT        /* index, view, trigger: dropped and created whole */
} role;

static const role ROLES[] = {
    [SD_KIND_SCHEMA] = ROLE_UNSUPPORTED,     [SD_KIND_TABLE] = ROLE_TABLE,
    [SD_KIND_COLUMN] = ROLE_COLUMN,          [SD_KIND_PRIMARY_KEY] = ROLE_CONSTRAINT,
    [SD_KIND_UNIQUE] = ROLE_CONSTRAINT,      [SD_KIND_CHECK] = ROLE_CONSTRAINT,
    [SD_KIND_FOREIGN_KEY] = ROLE_CONSTRAINT, [SD_KIND_INDEX] = ROLE_STATEMENT,
    [SD_KIND_VIEW] = ROLE_STATEMENT,         [SD_KIND_TRIGGER] = ROLE_STATEMENT,
};
_Static_assert(SD_ARRAY_LEN(ROLES) == SD_KIND__COUNT, "every sd_kind needs a ROLES entry");

/* What happens to a table present in both models. */
typedef struct plan {
    const sd_object *from; /* the table in "from"; NULL when the table is new */
    const sd_object *to;   /* the table in "to" */
    bool rebuild;          /* rebuilt with the 12-step procedure */
    const char *tmp;       /* rebuild: name of the replacement while it is filled */
    size_t nadd;           /* columns to add (marked in create[SD_KIND_COLUMN]) */
    size_t ndrop;          /* columns to drop (marked in drop[SD_KIND_COLUMN]) */
} plan;

typedef struct ctx {
    const sd_changelist *cl;      /* the change list */
    const sd_model *from;         /* its "from" model */
    const sd_model *to;           /* its "to" model */
    sd_buf *out;                  /* the script */
    sd_err *err;                  /* first error */
    sd_status rc;                 /* first error's code; later writes are no-ops */
    sd_arena *scratch;            /* everything below lives here */
    plan *plans;                  /* one per "to" table, by canonical index */
    bool *drop[SD_KIND__COUNT];   /* per "from" object: dropped explicitly */
    bool *create[SD_KIND__COUNT]; /* per "to" object: created */
    sd_map gone;                  /* lower-case names of relations that go for a while */
    sd_map taken;                 /* lower-case names in use (temporary names) */
    sd_plan *plan;                /* the steps, appended as they are written */
    sd_guard_kind guard_kind;     /* the guard guard_open() is writing */
    unsigned nguards;             /* guards written so far */
} ctx;

/* ---- errors ---- */

static void fail(ctx *c, sd_status code, const sd_object *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Record the first error only; o (may be NULL) names the object in err->where. */
static void
fail(ctx *c, sd_status code, const sd_object *o, const char *fmt, ...)
{
    if (c->rc != SD_OK)
        return;
    sd_buf msg = SD_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sd_buf_vappendf(&msg, fmt, ap);
    va_end(ap);
    c->rc = sd_err_set(c->err, code, "%s", sd_buf_cstr(&msg));
    if (o != NULL) {
        sd_buf where = SD_BUF_INIT;
        sd_object_describe(&where, o);
        sd_err_where(c->err, "%s", sd_buf_cstr(&where));
        sd_buf_dispose(&where);
    }
    sd_buf_dispose(&msg);
}

/* A bad SQL fragment in the model: the text goes to err->detail, escaped. */
static void
fail_text(ctx *c, const sd_object *o, const char *what, const char *text, const char *problem)
{
    if (c->rc != SD_OK)
        return;
    fail(c, SD_ERR_PARSE, o, "invalid %s: %s", what, problem);
    sd_buf d = SD_BUF_INIT;
    sd_buf_append_repr(&d, text);
    sd_err_detail(c->err, "The %s is: %s", what, sd_buf_cstr(&d));
    sd_buf_dispose(&d);
}

static void
nomem(ctx *c)
{
    fail(c, SD_ERR_NOMEM, NULL, "out of memory");
}

/* ---- names ---- */

static char
ascii_lower(char ch)
{
    if (ch >= 'A' && ch <= 'Z')
        return (char)(ch - 'A' + 'a');
    return ch;
}

static char
ascii_upper(char ch)
{
    if (ch >= 'a' && ch <= 'z')
        return (char)(ch - 'a' + 'A');
    return ch;
}

/* SQLite compares identifiers ignoring ASCII case only. */
static bool
ident_eq(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    while (*a != '\0' && ascii_lower(*a) == ascii_lower(*b)) {
        a++;
        b++;
    }
    return ascii_lower(*a) == ascii_lower(*b);
}

static void
lower_into(sd_buf *b, const char *s)
{
    sd_buf_reset(b);
    for (; *s != '\0'; s++)
        sd_buf_putc(b, ascii_lower(*s));
}

/* Add a name to a set of lower-case names (keys live in the scratch arena). */
static void
set_add(ctx *c, sd_map *set, const char *name)
{
    sd_buf b = SD_BUF_INIT;
    lower_into(&b, name);
    char *key = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
    if (key == NULL || sd_map_put(set, key, key) != SD_OK)
        nomem(c);
    sd_buf_dispose(&b);
}

static bool
set_has(const sd_map *set, const char *name)
{
    sd_buf b = SD_BUF_INIT;
    lower_into(&b, name);
    /* Out of memory answers "yes": every caller is conservative on a yes. */
    bool has = sd_buf_failed(&b) || sd_map_get(set, sd_buf_cstr(&b)) != NULL;
    sd_buf_dispose(&b);
    return has;
}

static bool
names_have(const sd_names *n, const char *name)
{
    for (size_t i = 0; i < n->len; i++)
        if (ident_eq(n->items[i], name))
            return true;
    return false;
}

typedef bool (*ident_pred)(const char *ident, const void *arg);

/*
 * True when text names an identifier for which pred holds, as a word, a quoted identifier
 * or a string (SQLite takes 'x' for an identifier in places). Text that does not tokenize
 * counts as a mention: every caller is conservative.
 */
static bool
text_mentions(const char *text, ident_pred pred, const void *arg)
{
    if (text == NULL)
        return false;
    sd_lexer lx;
    sd_tok tok;
    sd_err e = SD_ERR_INIT;
    sd_buf id = SD_BUF_INIT;
    bool hit = false;
    sd_lexer_init(&lx, text, strlen(text), 0);
    for (;;) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK) {
            hit = true;
            break;
        }
        if (tok.type == SD_TOK_EOF)
            break;
        if (tok.type != SD_TOK_WORD && tok.type != SD_TOK_QIDENT && tok.type != SD_TOK_STRING)
            continue;
        sd_buf_reset(&id);
        sd_tok_ident(&id, text, &tok);
        if (sd_buf_failed(&id) || pred(sd_buf_cstr(&id), arg)) {
            hit = true;
            break;
        }
    }
    sd_buf_dispose(&id);
    return hit;
}

static bool
is_name(const char *ident, const void *arg)
{
    return ident_eq(ident, arg);
}

static bool
is_gone(const char *ident, const void *arg)
{
    return set_has(arg, ident);
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
    if (c->rc == SD_OK)
        sd_buf_append(c->out, s);
}

static void
put_ident(ctx *c, const char *name)
{
    if (c->rc == SD_OK)
        sd_sql_ident(c->out, ENGINE, name);
}

/* An object name: unqualified in "main" (the script runs on one database). */
static void
put_name(ctx *c, const char *schema, const char *name)
{
    if (c->rc != SD_OK)
        return;
    if (schema == NULL || strcmp(schema, "main") == 0)
        sd_sql_ident(c->out, ENGINE, name);
    else
        sd_sql_qualified(c->out, ENGINE, schema, name);
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
    for (size_t i = 0; i < n->len; i++) {
        if (i > 0)
            put(c, ", ");
        put_ident(c, n->items[i]);
    }
    put(c, ")");
}

/* Text in a comment line: control bytes escaped so a name cannot end the comment. */
static void
put_comment_text(ctx *c, const char *s)
{
    if (c->rc == SD_OK)
        sd_buf_append_printable(c->out, s != NULL ? s : "(none)");
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
        nomem(c);
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

/* Start the plan step that the SQL written next belongs to; it ends where the next starts. */
static void
step(ctx *c, sd_step_op op, const sd_object *from, const sd_object *to, sd_step_why why)
{
    if (c->rc != SD_OK)
        return;
    const sd_object *o = to != NULL ? to : from;
    sd_step s = { .op = op,
                  .kind = o != NULL ? o->kind : SD_KIND_TABLE,
                  .from = from,
                  .to = to,
                  .why = why,
                  .txn = op == SD_STEP_SETUP ? SD_TXN_NONE : SD_TXN_MAIN,
                  .sql_start = c->out->len };
    if ((op == SD_STEP_REBUILD || op == SD_STEP_SWAP) && to != NULL)
        s.temp_name = c->plans[to->index].tmp;
    if (op == SD_STEP_GUARD)
        s.guard = c->guard_kind;
    c->rc = sd_plan_append(c->plan, &s, c->err);
}

/* A statement object's step: the change list's own, or brought by another change. */
static sd_step_why
why_of(const ctx *c, const sd_object *o, sd_step_why otherwise)
{
    return sd_changelist_find(c->cl, o) != NULL ? SD_WHY_CHANGE : otherwise;
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

/* A guard step on object o: "-- guard: <problem>", its column, and the insert up to its
 * condition; the caller writes the condition (an expression that is 1 when the data allows
 * the next step) and guard_close. */
static void
guard_open(ctx *c, sd_guard_kind kind, const sd_object *o, const char *problem)
{
    c->guard_kind = kind;
    step(c, SD_STEP_GUARD, NULL, o, SD_WHY_SCRIPT);
    if (c->rc != SD_OK)
        return;
    unsigned n = ++c->nguards;
    put(c, "\n-- guard: ");
    put_comment_text(c, problem);
    if (n == 1)
        sd_buf_appendf(c->out, "\nCREATE TEMP TABLE %s (g1 INTEGER CONSTRAINT ", GUARD_TABLE);
    else
        sd_buf_appendf(c->out, "\nALTER TABLE temp.%s ADD COLUMN g%u INTEGER CONSTRAINT ",
                       GUARD_TABLE, n);
    sd_sql_ident(c->out, ENGINE, problem);
    sd_buf_appendf(c->out, " CHECK (g%u)%s;\nINSERT INTO temp.%s (g%u) SELECT ", n,
                   n == 1 ? ")" : "", GUARD_TABLE, n);
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
        nomem(c);
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
    if (problem != NULL)
        fail_text(c, o, what, text, problem);
    return problem == NULL;
}

static void
put_fragment(ctx *c, const sd_object *o, const char *what, const char *text)
{
    size_t start = 0;
    size_t end = 0;
    if (c->rc != SD_OK || !check_fragment(c, o, what, text, &start, &end))
        return;
    sd_buf_appendn(c->out, text + start, end - start);
}

/*
 * A stored CREATE VIEW / CREATE TRIGGER statement, terminated: written from its first to its
 * last token (comments around it and trailing ';' dropped), then ";". A view holds no other ';'; a
 * trigger body holds several, so only the leading CREATE is checked for it.
 */
static void
put_statement(ctx *c, const sd_object *o)
{
    const char *text = stmt_sql(o)->text;
    if (c->rc != SD_OK)
        return;
    if (text == NULL) {
        fail(c, SD_ERR_UNSUPPORTED, o, "%s has no SQL text", sd_kind_get(o->kind)->label);
        return;
    }
    sd_lexer lx;
    sd_tok tok;
    sd_err e = SD_ERR_INIT;
    size_t start = 0;
    size_t end = 0;
    size_t ntok = 0;
    bool semicolon = false;
    const char *problem = NULL;
    sd_lexer_init(&lx, text, strlen(text), 0);
    while (problem == NULL) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK) {
            problem = e.msg;
            break;
        }
        if (tok.type == SD_TOK_EOF)
            break;
        if (sd_tok_is_punct(text, &tok, ";")) {
            semicolon = true;
            continue;
        }
        if (semicolon && o->kind == SD_KIND_VIEW)
            problem = "it holds more than one statement";
        if (ntok++ == 0) {
            start = tok.start;
            if (!sd_tok_is_word(text, &tok, "CREATE"))
                problem = "it does not start with CREATE";
        }
        semicolon = false;
        end = tok.start + tok.len;
    }
    if (problem == NULL && ntok == 0)
        problem = "it is empty";
    if (problem != NULL) {
        fail(c, SD_ERR_PARSE, o, "invalid SQL text of %s: %s", sd_kind_get(o->kind)->label,
             problem);
        return;
    }
    sd_buf_appendn(c->out, text + start, end - start);
    put(c, ";\n");
}

/* ---- statements ---- */

static void
put_drop(ctx *c, const char *keyword, const sd_object *o)
{
    step(c, SD_STEP_DROP, o, NULL, why_of(c, o, SD_WHY_AROUND));
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
    fail_text(c, fk, fi->name, v, "not a value SQLite knows");
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
        fail(c, SD_ERR_PARSE, fk, "foreign key without a referenced table");
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

typedef enum default_kind {
    DEFAULT_EXPR = 0, /* another expression: written in parentheses, as SQLite requires */
    DEFAULT_NULL,     /* no default, or NULL */
    DEFAULT_VALUE,    /* a literal, a signed number, or a bare word (SQLite: a string) */
    DEFAULT_TIME,     /* CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP */
    DEFAULT_PAREN     /* one parenthesized expression */
} default_kind;

/*
 * Classify a stored DEFAULT. PRAGMA table_info reports DEFAULT (expr) without its
 * parentheses, so an expression may arrive bare and must get them back; anything that does
 * not tokenize is an expression (and check_fragment reports it).
 */
static default_kind
classify_default(const char *text)
{
    if (text == NULL)
        return DEFAULT_NULL;
    sd_lexer lx;
    sd_tok t[2];
    sd_tok tok;
    sd_err e = SD_ERR_INIT;
    size_t n = 0;
    size_t depth = 0;
    bool one_group = true; /* nothing follows the first token's group */
    sd_lexer_init(&lx, text, strlen(text), 0);
    for (;;) {
        if (sd_lexer_next(&lx, &tok, &e) != SD_OK)
            return DEFAULT_EXPR;
        if (tok.type == SD_TOK_EOF)
            break;
        if (n > 0 && depth == 0)
            one_group = false;
        if (sd_tok_is_punct(text, &tok, "("))
            depth++;
        else if (sd_tok_is_punct(text, &tok, ")") && depth > 0)
            depth--;
        if (n < SD_ARRAY_LEN(t))
            t[n] = tok;
        n++;
    }
    if (n >= 2 && one_group && depth == 0 && sd_tok_is_punct(text, &t[0], "("))
        return DEFAULT_PAREN;
    if (n == 2 && (sd_tok_is_punct(text, &t[0], "-") || sd_tok_is_punct(text, &t[0], "+")) &&
        t[1].type == SD_TOK_NUMBER)
        return DEFAULT_VALUE;
    if (n != 1 || t[0].type == SD_TOK_PUNCT || t[0].type == SD_TOK_PARAM)
        return DEFAULT_EXPR;
    if (sd_tok_is_word(text, &t[0], "NULL"))
        return DEFAULT_NULL;
    if (sd_tok_is_word(text, &t[0], "CURRENT_TIME") ||
        sd_tok_is_word(text, &t[0], "CURRENT_DATE") ||
        sd_tok_is_word(text, &t[0], "CURRENT_TIMESTAMP"))
        return DEFAULT_TIME;
    return DEFAULT_VALUE;
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
        bool wrap = classify_default(v[SD_COLUMN_DEFAULT].sql.text) == DEFAULT_EXPR;
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

/* ---- planning: what each change needs ---- */

static plan *
plan_of(ctx *c, const sd_object *owned)
{
    const sd_object *t = sd_model_find_table(c->to, owned->schema, owned->table);
    if (t == NULL || c->plans[t->index].from == NULL)
        return NULL; /* the table is created or dropped whole */
    return &c->plans[t->index];
}

static void
mark(ctx *c, const sd_change *ch)
{
    if (ch->from != NULL && ch->op != SD_OP_CREATE)
        c->drop[ch->kind][ch->from->index] = true;
    if (ch->to != NULL)
        c->create[ch->kind][ch->to->index] = true;
}

static void
collect_change(ctx *c, const sd_change *ch)
{
    const sd_object *o = ch->to != NULL ? ch->to : ch->from;
    plan *p = NULL;
    switch (ROLES[ch->kind]) {
    case ROLE_UNSUPPORTED: {
        sd_buf d = SD_BUF_INIT;
        sd_object_describe(&d, o);
        fail(c, SD_ERR_UNSUPPORTED, o, "cannot %s %s in SQLite", sd_op_name(ch->op),
             sd_buf_cstr(&d));
        sd_buf_dispose(&d);
        break;
    }
    case ROLE_TABLE:
        if (ch->op == SD_OP_ALTER && ch->to != NULL)
            c->plans[ch->to->index].rebuild = true;
        else
            mark(c, ch);
        break;
    case ROLE_COLUMN:
        p = plan_of(c, o);
        if (p == NULL)
            break;
        if (ch->op == SD_OP_ALTER)
            p->rebuild = true;
        else
            mark(c, ch);
        p->nadd += ch->op == SD_OP_CREATE;
        p->ndrop += ch->op == SD_OP_DROP;
        break;
    case ROLE_CONSTRAINT:
        p = plan_of(c, o);
        if (p != NULL)
            p->rebuild = true;
        break;
    case ROLE_STATEMENT:
        mark(c, ch);
        break;
    }
}

/*
 * SQLite's ADD COLUMN restrictions (lang_altertable.html): no STORED generated column, a
 * default that is a constant (not CURRENT_*, not a parenthesized expression), NOT NULL only
 * with a non-NULL default. Constraints on the new column are constraint changes and force a
 * rebuild elsewhere. NOT NULL generated columns are rebuilt too (conservative).
 */
static bool
can_add_in_place(const sd_object *col)
{
    const sd_value *v = col->v;
    if (v[SD_COLUMN_GENERATED].sql.text != NULL) {
        const char *kind = v[SD_COLUMN_GENERATED_KIND].s;
        return !v[SD_COLUMN_NOT_NULL].b && (kind == NULL || strcmp(kind, "stored") != 0);
    }
    default_kind k = classify_default(v[SD_COLUMN_DEFAULT].sql.text);
    if (k == DEFAULT_NULL)
        return !v[SD_COLUMN_NOT_NULL].b;
    return k == DEFAULT_VALUE;
}

/* Whether an index of "from" that survives until the ALTERs mentions the column. */
static bool
index_mentions(ctx *c, const sd_object *t, const char *col)
{
    size_t n = sd_model_count(c->from, SD_KIND_INDEX);
    for (size_t i = 0; i < n; i++) {
        const sd_object *ix = sd_model_at(c->from, SD_KIND_INDEX, i);
        if (c->drop[SD_KIND_INDEX][i] || !ident_eq(ix->table, t->name))
            continue;
        const sd_keys *k = &ix->v[SD_INDEX_KEYS].keys;
        for (size_t j = 0; j < k->len; j++) {
            if (ident_eq(k->items[j].column, col) ||
                text_mentions(k->items[j].expr.text, is_name, col))
                return true;
        }
        if (text_mentions(ix->v[SD_INDEX_WHERE].sql.text, is_name, col))
            return true;
    }
    return false;
}

/* Whether a constraint of t, or a foreign key anywhere that references t, names col. */
static bool
constraint_mentions(ctx *c, const sd_object *t, const char *col)
{
    static const struct {
        sd_kind kind;
        int field;
    } NAMED[] = { { SD_KIND_PRIMARY_KEY, SD_PK_COLUMNS },
                  { SD_KIND_UNIQUE, SD_UNIQUE_COLUMNS },
                  { SD_KIND_FOREIGN_KEY, SD_FK_COLUMNS } };
    size_t n = 0;
    for (size_t k = 0; k < SD_ARRAY_LEN(NAMED); k++) {
        const sd_object *const *o = sd_model_children(c->from, t, NAMED[k].kind, &n);
        for (size_t i = 0; i < n; i++)
            if (names_have(&o[i]->v[NAMED[k].field].names, col))
                return true;
    }
    const sd_object *const *o = sd_model_children(c->from, t, SD_KIND_CHECK, &n);
    for (size_t i = 0; i < n; i++)
        if (text_mentions(o[i]->v[SD_CHECK_EXPRESSION].sql.text, is_name, col))
            return true;
    n = sd_model_count(c->from, SD_KIND_FOREIGN_KEY);
    for (size_t i = 0; i < n; i++) {
        const sd_object *fk = sd_model_at(c->from, SD_KIND_FOREIGN_KEY, i);
        if (ident_eq(fk->v[SD_FK_REF_TABLE].s, t->name) &&
            names_have(&fk->v[SD_FK_REF_COLUMNS].names, col))
            return true;
    }
    return false;
}

/*
 * SQLite's DROP COLUMN restrictions: the column is in no PRIMARY KEY, UNIQUE, FOREIGN KEY,
 * CHECK, index (column, expression or WHERE), generated expression, view or trigger. We
 * scan for the name, ignoring case, and rebuild on any mention. Indexes, views and triggers
 * the diff drops anyway are gone by the time the ALTER runs.
 */
static bool
can_drop_in_place(ctx *c, const sd_object *t, const sd_object *col)
{
    if (constraint_mentions(c, t, col->name) || index_mentions(c, t, col->name))
        return false;
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->from, t, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        if (cols[i] != col &&
            text_mentions(cols[i]->v[SD_COLUMN_GENERATED].sql.text, is_name, col->name))
            return false;
    }
    static const sd_kind STMTS[] = { SD_KIND_VIEW, SD_KIND_TRIGGER };
    for (size_t k = 0; k < SD_ARRAY_LEN(STMTS); k++) {
        n = sd_model_count(c->from, STMTS[k]);
        for (size_t i = 0; i < n; i++) {
            const sd_object *o = sd_model_at(c->from, STMTS[k], i);
            if (!c->drop[STMTS[k]][i] && text_mentions(stmt_sql(o)->text, is_name, col->name))
                return false;
        }
    }
    return true;
}

/* Tables with only added and dropped columns: in place when SQLite allows it. */
static void
decide_in_place(ctx *c)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        plan *p = &c->plans[i];
        if (p->from == NULL || p->rebuild || p->nadd + p->ndrop == 0)
            continue;
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(c->to, p->to, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n && !p->rebuild; j++)
            if (c->create[SD_KIND_COLUMN][cols[j]->index] && !can_add_in_place(cols[j]))
                p->rebuild = true;
        cols = sd_model_children(c->from, p->from, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n && !p->rebuild; j++)
            if (c->drop[SD_KIND_COLUMN][cols[j]->index] && !can_drop_in_place(c, p->from, cols[j]))
                p->rebuild = true;
    }
}

/* "<name>_sd_new", or with a counter, unused by any table, view, index or trigger. */
static void
name_temporaries(ctx *c)
{
    static const sd_kind NAMED[] = { SD_KIND_TABLE, SD_KIND_VIEW, SD_KIND_INDEX, SD_KIND_TRIGGER };
    const sd_model *models[] = { c->from, c->to };
    for (size_t m = 0; m < SD_ARRAY_LEN(models); m++) {
        for (size_t k = 0; k < SD_ARRAY_LEN(NAMED); k++) {
            for (size_t i = 0; i < sd_model_count(models[m], NAMED[k]); i++)
                set_add(c, &c->taken, sd_model_at(models[m], NAMED[k], i)->name);
        }
    }
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt && c->rc == SD_OK; i++) {
        plan *p = &c->plans[i];
        if (!p->rebuild)
            continue;
        for (unsigned n = 1; p->tmp == NULL && c->rc == SD_OK; n++) {
            const char *cand = n == 1 ? sd_arena_sprintf(c->scratch, "%s_sd_new", p->to->name)
                                      : sd_arena_sprintf(c->scratch, "%s_sd_new%u", p->to->name, n);
            if (cand == NULL)
                nomem(c);
            else if (!set_has(&c->taken, cand))
                p->tmp = cand;
        }
        if (p->tmp != NULL)
            set_add(c, &c->taken, p->tmp);
    }
}

/* Whether a view or trigger of "from" refers to a relation that goes away for a while. */
static bool
refers_to_gone(ctx *c, const sd_object *o)
{
    if (o->table != NULL && set_has(&c->gone, o->table))
        return true;
    for (size_t i = 0; i < o->ndeps; i++)
        if (sd_kind_is_relation(o->deps[i].kind) && set_has(&c->gone, o->deps[i].name))
            return true;
    /* Names in the text too: a conservative net under the declared dependencies. */
    return text_mentions(stmt_sql(o)->text, is_gone, &c->gone);
}

/*
 * Views and triggers that must go before the rebuilds, drops and ALTERs (SQLite re-checks
 * them all on RENAME and DROP COLUMN), and what is recreated afterwards: their "to"
 * counterparts and every index of a rebuilt table.
 */
static void
cascade(ctx *c)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++)
        if (c->plans[i].rebuild)
            set_add(c, &c->gone, c->plans[i].from->name);
    static const sd_kind SEEDS[] = { SD_KIND_TABLE, SD_KIND_VIEW };
    for (size_t k = 0; k < SD_ARRAY_LEN(SEEDS); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, SEEDS[k]); i++) {
            if (c->drop[SEEDS[k]][i])
                set_add(c, &c->gone, sd_model_at(c->from, SEEDS[k], i)->name);
        }
    }
    size_t nv = sd_model_count(c->from, SD_KIND_VIEW);
    for (bool grew = true; grew && c->rc == SD_OK;) {
        grew = false;
        for (size_t i = 0; i < nv; i++) {
            const sd_object *v = sd_model_at(c->from, SD_KIND_VIEW, i);
            if (!c->drop[SD_KIND_VIEW][i] && refers_to_gone(c, v)) {
                c->drop[SD_KIND_VIEW][i] = true;
                set_add(c, &c->gone, v->name);
                grew = true;
            }
        }
    }
    size_t ntr = sd_model_count(c->from, SD_KIND_TRIGGER);
    for (size_t i = 0; i < ntr; i++) {
        if (!c->drop[SD_KIND_TRIGGER][i] &&
            refers_to_gone(c, sd_model_at(c->from, SD_KIND_TRIGGER, i)))
            c->drop[SD_KIND_TRIGGER][i] = true;
    }
    static const sd_kind BACK[] = { SD_KIND_VIEW, SD_KIND_TRIGGER };
    for (size_t k = 0; k < SD_ARRAY_LEN(BACK); k++) {
        for (size_t i = 0; i < sd_model_count(c->from, BACK[k]); i++) {
            const sd_object *o = sd_model_at(c->from, BACK[k], i);
            const sd_object *t = sd_model_find_key(c->to, BACK[k], o->key);
            if (c->drop[BACK[k]][i] && t != NULL)
                c->create[BACK[k]][t->index] = true;
        }
    }
    size_t ni = sd_model_count(c->to, SD_KIND_INDEX);
    for (size_t i = 0; i < ni; i++) {
        const sd_object *ix = sd_model_at(c->to, SD_KIND_INDEX, i);
        const sd_object *t = sd_model_find_table(c->to, ix->schema, ix->table);
        if (t != NULL && c->plans[t->index].rebuild)
            c->create[SD_KIND_INDEX][i] = true;
    }
}

/* ---- ordering ---- */

/*
 * Depth-first post-order of the marked views of m: each after the marked views it depends
 * on, otherwise in canonical order. Appends view indexes to order.
 */
static void
visit_view(const sd_model *m,
           const bool *marked,
           uint8_t *state,
           size_t i,
           size_t *order,
           size_t *n)
{
    const sd_object *v = sd_model_at(m, SD_KIND_VIEW, i);
    state[i] = 1;
    for (size_t d = 0; d < v->ndeps; d++) {
        const sd_ref *r = &v->deps[d];
        if (!sd_kind_is_relation(r->kind))
            continue;
        const sd_object *dep = sd_model_find(m, SD_KIND_VIEW, r->schema, NULL, r->name);
        if (dep != NULL && marked[dep->index] && state[dep->index] == 0)
            visit_view(m, marked, state, dep->index, order, n);
    }
    order[(*n)++] = i;
}

/* Marked views of m in dependency order (NULL when out of memory). */
static size_t *
view_order(ctx *c, const sd_model *m, const bool *marked, size_t *n_out)
{
    size_t nv = sd_model_count(m, SD_KIND_VIEW);
    size_t *order = sd_arena_array(c->scratch, size_t, nv + 1);
    uint8_t *state = sd_arena_array(c->scratch, uint8_t, nv + 1);
    *n_out = 0;
    if (order == NULL || state == NULL) {
        nomem(c);
        return NULL;
    }
    for (size_t i = 0; i < nv; i++)
        if (marked[i] && state[i] == 0)
            visit_view(m, marked, state, i, order, n_out);
    return order;
}

/* New tables, each after the new tables its foreign keys reference (cycles: canonical). */
static void
visit_table(ctx *c, uint8_t *state, size_t i)
{
    const sd_object *t = sd_model_at(c->to, SD_KIND_TABLE, i);
    size_t n = 0;
    const sd_object *const *fks = sd_model_children(c->to, t, SD_KIND_FOREIGN_KEY, &n);
    state[i] = 1;
    for (size_t j = 0; j < n; j++) {
        const sd_object *ref = sd_model_find_table(c->to, t->schema, fks[j]->v[SD_FK_REF_TABLE].s);
        if (ref != NULL && c->create[SD_KIND_TABLE][ref->index] && state[ref->index] == 0)
            visit_table(c, state, ref->index);
    }
    step(c, SD_STEP_CREATE, NULL, t, SD_WHY_CHANGE);
    unit(c);
    put_create_table(c, t, t->name);
}

/* ---- the script's phases ---- */

static void
emit_drops(ctx *c)
{
    for (size_t i = 0; i < sd_model_count(c->from, SD_KIND_TRIGGER); i++)
        if (c->drop[SD_KIND_TRIGGER][i])
            put_drop(c, "TRIGGER", sd_model_at(c->from, SD_KIND_TRIGGER, i));
    size_t n = 0;
    const size_t *order = view_order(c, c->from, c->drop[SD_KIND_VIEW], &n);
    for (size_t i = n; i > 0; i--) /* dependents first */
        put_drop(c, "VIEW", sd_model_at(c->from, SD_KIND_VIEW, order[i - 1]));
    for (size_t i = 0; i < sd_model_count(c->from, SD_KIND_INDEX); i++)
        if (c->drop[SD_KIND_INDEX][i])
            put_drop(c, "INDEX", sd_model_at(c->from, SD_KIND_INDEX, i));
}

static void
emit_new_tables(ctx *c)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    uint8_t *state = sd_arena_array(c->scratch, uint8_t, nt + 1);
    if (state == NULL) {
        nomem(c);
        return;
    }
    for (size_t i = 0; i < nt; i++)
        if (c->create[SD_KIND_TABLE][i] && state[i] == 0)
            visit_table(c, state, i);
}

/* SQLite affinity of a declared type (datatype3.html, 3.1), as 'I', 'T', 'B', 'R', 'N'. */
static char
affinity(const char *type)
{
    sd_buf up = SD_BUF_INIT;
    for (const char *p = type != NULL ? type : ""; *p != '\0'; p++)
        sd_buf_putc(&up, ascii_upper(*p));
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
put_rebuild_losses(ctx *c, const plan *p)
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
put_sequence_copy(ctx *c, const plan *p)
{
    const sd_object *old_pk = inline_pk(c->from, p->from);
    if (old_pk == NULL || inline_pk(c->to, p->to) == NULL || c->rc != SD_OK)
        return;
    put(c,
        "UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN (");
    sd_sql_literal(c->out, ENGINE, p->from->name);
    put(c, ", ");
    sd_sql_literal(c->out, ENGINE, p->tmp);
    put(c, ")) WHERE name = ");
    sd_sql_literal(c->out, ENGINE, p->tmp);
    put(c, ";\nINSERT INTO sqlite_sequence (name, seq) SELECT ");
    sd_sql_literal(c->out, ENGINE, p->tmp);
    put(c, ", seq FROM sqlite_sequence WHERE name = ");
    sd_sql_literal(c->out, ENGINE, p->from->name);
    put(c, " AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ");
    sd_sql_literal(c->out, ENGINE, p->tmp);
    put(c, ");\n");
}

/* Kept columns: in both tables and not generated in "to", in "to" order. */
static void
put_kept_columns(ctx *c, const plan *p, size_t *count_out)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->to, p->to, SD_KIND_COLUMN, &n);
    *count_out = 0;
    for (size_t i = 0; i < n; i++) {
        if (cols[i]->v[SD_COLUMN_GENERATED].sql.text != NULL ||
            sd_model_find_key(c->from, SD_KIND_COLUMN, cols[i]->key) == NULL)
            continue;
        if ((*count_out)++ > 0)
            put(c, ", ");
        put_ident(c, cols[i]->name);
    }
}

/* Kept columns that become NOT NULL: refused, naming the column, while a row holds NULL. */
static void
guard_not_null(ctx *c, const plan *p)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(c->to, p->to, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        if (!cols[i]->v[SD_COLUMN_NOT_NULL].b || cols[i]->v[SD_COLUMN_GENERATED].sql.text != NULL)
            continue;
        const sd_object *old = sd_model_find_key(c->from, SD_KIND_COLUMN, cols[i]->key);
        if (old == NULL || old->v[SD_COLUMN_NOT_NULL].b)
            continue;
        guard_open(
            c, SD_GUARD_NOT_NULL, cols[i],
            guard_problem(c, p->to, cols[i]->name, " holds NULLs; the target makes it NOT NULL"));
        put(c, "NOT EXISTS (SELECT 1 FROM ");
        put_name(c, p->from->schema, p->from->name);
        put(c, " WHERE ");
        put_ident(c, old->name);
        put(c, " IS NULL)");
        guard_close(c);
    }
}

static void
put_rebuild_fill(ctx *c, const plan *p)
{
    /* The column list is written twice; render it once to learn whether it is empty. */
    sd_buf *script = c->out;
    sd_buf kept = SD_BUF_INIT;
    size_t nkept = 0;
    c->out = &kept;
    put_kept_columns(c, p, &nkept);
    c->out = script;
    if (sd_buf_failed(&kept))
        nomem(c);
    if (nkept > 0)
        guard_not_null(c, p);
    step(c, SD_STEP_REBUILD, p->from, p->to, SD_WHY_CHANGE);
    unit(c);
    put_create_table(c, p->to, p->tmp);
    put_rebuild_losses(c, p);
    if (nkept > 0) {
        put(c, "INSERT INTO ");
        put_name(c, p->to->schema, p->tmp);
        put(c, " (");
        put(c, sd_buf_cstr(&kept));
        put(c, ") SELECT ");
        put(c, sd_buf_cstr(&kept));
        put(c, " FROM ");
        put_name(c, p->from->schema, p->from->name);
        put(c, ";\n");
        put_sequence_copy(c, p);
        /* The copy either errs or carries every row; this holds it to that whoever runs
         * the script, before the old table is dropped. */
        guard_open(c, SD_GUARD_ROWS_KEPT, p->to,
                   guard_problem(c, p->to, NULL,
                                 ": the rebuilt table would not hold every row of the old one"));
        put(c, "(SELECT count(*) FROM ");
        put_name(c, p->to->schema, p->tmp);
        put(c, ") = (SELECT count(*) FROM ");
        put_name(c, p->from->schema, p->from->name);
        put(c, ")");
        guard_close(c);
    }
    sd_buf_dispose(&kept);
}

static void
emit_rebuilds(ctx *c)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    /* All replacements are filled before any old table goes: none of the copies can then
     * read a table that is already dropped or renamed. */
    for (size_t i = 0; i < nt; i++)
        if (c->plans[i].rebuild)
            put_rebuild_fill(c, &c->plans[i]);
    for (size_t i = 0; i < nt; i++) {
        const plan *p = &c->plans[i];
        if (!p->rebuild)
            continue;
        step(c, SD_STEP_SWAP, p->from, p->to, SD_WHY_CHANGE);
        unit(c);
        put(c, "DROP TABLE ");
        put_name(c, p->from->schema, p->from->name);
        put(c, ";\nALTER TABLE ");
        put_name(c, p->to->schema, p->tmp);
        put(c, " RENAME TO ");
        put_ident(c, p->to->name);
        put(c, ";\n");
    }
}

static void
emit_dropped_tables(ctx *c)
{
    for (size_t i = 0; i < sd_model_count(c->from, SD_KIND_TABLE); i++) {
        const sd_object *t = sd_model_at(c->from, SD_KIND_TABLE, i);
        if (!c->drop[SD_KIND_TABLE][i])
            continue;
        step(c, SD_STEP_DROP, t, NULL, SD_WHY_CHANGE);
        unit(c);
        put(c, "-- destructive: drops table ");
        put_comment_name(c, t->schema, t->name, NULL);
        put(c, " and all its rows\n");
        put(c, "DROP TABLE ");
        put_name(c, t->schema, t->name);
        put(c, ";\n");
    }
}

static void
emit_alters(ctx *c)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const plan *p = &c->plans[i];
        if (p->from == NULL || p->rebuild)
            continue;
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(c->from, p->from, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n; j++) {
            if (!c->drop[SD_KIND_COLUMN][cols[j]->index])
                continue;
            step(c, SD_STEP_DROP, cols[j], NULL, SD_WHY_CHANGE);
            unit(c);
            put(c, "-- destructive: drops column ");
            put_comment_name(c, cols[j]->schema, cols[j]->table, cols[j]->name);
            put(c, " and its data\nALTER TABLE ");
            put_name(c, p->from->schema, p->from->name);
            put(c, " DROP COLUMN ");
            put_ident(c, cols[j]->name);
            put(c, ";\n");
        }
        cols = sd_model_children(c->to, p->to, SD_KIND_COLUMN, &n);
        for (size_t j = 0; j < n; j++) {
            if (!c->create[SD_KIND_COLUMN][cols[j]->index])
                continue;
            step(c, SD_STEP_CREATE, NULL, cols[j], SD_WHY_CHANGE);
            unit(c);
            put(c, "ALTER TABLE ");
            put_name(c, p->to->schema, p->to->name);
            put(c, " ADD COLUMN ");
            put_column(c, cols[j], NULL);
            put(c, ";\n");
        }
    }
}

static void
emit_creates(ctx *c)
{
    for (size_t i = 0; i < sd_model_count(c->to, SD_KIND_INDEX); i++) {
        if (!c->create[SD_KIND_INDEX][i])
            continue;
        const sd_object *ix = sd_model_at(c->to, SD_KIND_INDEX, i);
        step(c, SD_STEP_CREATE, NULL, ix, why_of(c, ix, SD_WHY_REBUILD));
        put_create_index(c, ix);
    }
    size_t n = 0;
    const size_t *order = view_order(c, c->to, c->create[SD_KIND_VIEW], &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *v = sd_model_at(c->to, SD_KIND_VIEW, order[i]);
        step(c, SD_STEP_CREATE, NULL, v, why_of(c, v, SD_WHY_AROUND));
        unit(c);
        put_statement(c, v);
    }
    for (size_t i = 0; i < sd_model_count(c->to, SD_KIND_TRIGGER); i++) {
        if (!c->create[SD_KIND_TRIGGER][i])
            continue;
        const sd_object *tg = sd_model_at(c->to, SD_KIND_TRIGGER, i);
        step(c, SD_STEP_CREATE, NULL, tg, why_of(c, tg, SD_WHY_AROUND));
        unit(c);
        put_statement(c, tg);
    }
}

/*
 * Foreign keys are not enforced while the script runs (foreign_keys=OFF), so rows that break
 * one would be committed silently: every table that is rebuilt (any foreign key change
 * rebuilds) or that references a rebuilt table is checked with pragma_foreign_key_check
 * before COMMIT. Tables the script creates are empty; other tables' rows are not touched.
 */
static bool
rows_rewritten(const ctx *c, const sd_object *t)
{
    const plan *p = &c->plans[t->index];
    return p->from != NULL && p->rebuild;
}

static void
emit_foreign_key_guards(ctx *c)
{
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    for (size_t i = 0; i < nt; i++) {
        const sd_object *t = sd_model_at(c->to, SD_KIND_TABLE, i);
        if (c->plans[i].from == NULL)
            continue;
        size_t n = 0;
        const sd_object *const *fks = sd_model_children(c->to, t, SD_KIND_FOREIGN_KEY, &n);
        bool check = n > 0 && rows_rewritten(c, t);
        for (size_t j = 0; j < n && !check; j++) {
            const sd_object *parent =
                sd_model_find_table(c->to, t->schema, fks[j]->v[SD_FK_REF_TABLE].s);
            check = (parent != NULL && rows_rewritten(c, parent));
        }
        if (!check)
            continue;
        guard_open(c, SD_GUARD_FOREIGN_KEYS, t,
                   guard_problem(c, t, NULL,
                                 ": rows break its foreign keys (PRAGMA foreign_key_check "
                                 "lists them)"));
        put(c, "NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check(");
        if (c->rc == SD_OK)
            sd_sql_literal(c->out, ENGINE, t->name);
        put(c, "))");
        guard_close(c);
    }
}

/* ---- entry point ---- */

static void
setup(ctx *c)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        c->drop[k] = sd_arena_array(c->scratch, bool, sd_model_count(c->from, (sd_kind)k) + 1);
        c->create[k] = sd_arena_array(c->scratch, bool, sd_model_count(c->to, (sd_kind)k) + 1);
    }
    size_t nt = sd_model_count(c->to, SD_KIND_TABLE);
    c->plans = sd_arena_array(c->scratch, plan, nt + 1);
    if (c->plans == NULL || sd_arena_failed(c->scratch)) {
        nomem(c);
        return;
    }
    for (size_t i = 0; i < nt; i++) {
        c->plans[i].to = sd_model_at(c->to, SD_KIND_TABLE, i);
        c->plans[i].from = sd_model_find_key(c->from, SD_KIND_TABLE, c->plans[i].to->key);
    }
}

/* The change list's renames, first of all; the plan is made on "from" with them applied.
 * SQLite updates the views, triggers, indexes and foreign keys that name the table or column
 * (3.26+). Only tables and columns: the diff applies no other rename on SQLite. */
static void
emit_renames(ctx *c)
{
    for (size_t i = 0; i < sd_changelist_rename_count(c->cl); i++) {
        const sd_rename *r = sd_changelist_rename_at(c->cl, i);
        if (r->kind != SD_RENAME_TABLE && r->kind != SD_RENAME_COLUMN) {
            fail(c, SD_ERR_UNSUPPORTED, r->object, "SQLite cannot rename this object");
            return;
        }
        step(c, SD_STEP_RENAME, r->object, NULL, SD_WHY_CHANGE);
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
}

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
    c.out = out;
    c.err = err;
    c.scratch = sd_arena_new();
    if (c.scratch == NULL)
        return sd_err_set(err, SD_ERR_NOMEM, "out of memory");
    setup(&c);
    for (size_t i = 0; i < sd_changelist_count(cl) && c.rc == SD_OK; i++) {
        const sd_change *ch = sd_changelist_at(cl, i);
        if (!(ch->flags & SD_CHG_NOTE_ONLY))
            collect_change(&c, ch);
    }
    if (c.rc == SD_OK) {
        decide_in_place(&c);
        name_temporaries(&c);
        cascade(&c);
    }
    step(&c, SD_STEP_SETUP, NULL, NULL, SD_WHY_SCRIPT);
    put(&c, "PRAGMA foreign_keys=OFF;\nBEGIN;\n");
    emit_renames(&c);
    emit_drops(&c);
    emit_new_tables(&c);
    emit_rebuilds(&c);
    emit_dropped_tables(&c);
    emit_alters(&c);
    emit_creates(&c);
    emit_foreign_key_guards(&c);
    step(&c, SD_STEP_SETUP, NULL, NULL, SD_WHY_SCRIPT);
    if (c.nguards > 0)
        put(&c, "\nDROP TABLE temp." GUARD_TABLE ";\n");
    put(&c, "\nCOMMIT;\nPRAGMA foreign_keys=ON;\n");
    if (c.rc == SD_OK && (sd_buf_failed(out) || sd_arena_failed(c.scratch)))
        nomem(&c);
    sd_map_dispose(&c.gone);
    sd_map_dispose(&c.taken);
    sd_arena_free(c.scratch);
    return c.rc;
}
