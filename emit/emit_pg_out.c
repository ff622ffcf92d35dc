/*
 * emit_pg_out.c: what every PostgreSQL statement builder shares: errors, units (the
 * statements of one change), SQL fragments stored in the model, the names DROP / ALTER /
 * COMMENT ON take, and owners, privileges and comments.
 *
 * Fragments (types, defaults, expressions, definitions) are server renderings and are
 * written as stored, after a scan that they are one piece: quotes ('', E'', "", $tag$)
 * close, parentheses balance, no comment, no ';' (except inside a BEGIN ATOMIC function
 * body), no top-level ',' unless the place takes a list. A hand-edited snapshot therefore
 * cannot smuggle a second statement into the script.
 *
 * Privileges are compared as sets of (grantee, privilege, grant option) read from aclitem
 * text; grantors are ignored (GRANT runs as the current user, or as the owner for a
 * superuser). An empty ACL means the default privileges of the object's owner (acldefault()).
 */

#include <string.h>

#include "emit/emit_pg_int.h"
#include "parse/parse.h"

/* ---- units ---- */

void
sd_emit__pg_unit_begin(pg_ctx *c, sd_step_op op, const sd_object *from, const sd_object *to)
{
    const sd_object *o = to != NULL ? to : from;
    bool listed = (from != NULL && sd_changelist_find(c->cl, from) != NULL) ||
                  (to != NULL && sd_changelist_find(c->cl, to) != NULL);
    c->unit_step = (sd_step){ .op = op,
                              .kind = o != NULL ? o->kind : SD_KIND_TABLE,
                              .from = from,
                              .to = to,
                              .why = listed ? SD_WHY_CHANGE : SD_WHY_AROUND,
                              .txn = c->txn };
    sd_buf_reset(&c->unit);
    c->w.out = &c->unit;
    c->spath.len = 0;
}

void
sd_emit__pg_step(pg_ctx *c, const sd_step *s)
{
    if (c->w.rc != SD_OK)
        return;
    sd_step t = *s;
    t.sql_start = c->script->len;
    c->w.rc = sd_plan_append(c->plan, &t, c->w.err);
}

void
sd_emit__pg_unit_end(pg_ctx *c)
{
    sd_emit__pg_spath_wrap(c);
    c->w.out = c->script;
    if (sd_buf_failed(&c->unit))
        sd_writer_nomem(&c->w);
    if (c->w.rc != SD_OK || c->unit.len == 0)
        return;
    sd_emit__pg_step(c, &c->unit_step);
    sd_buf_putc(c->script, '\n');
    sd_buf_appendn(c->script, sd_buf_cstr(&c->unit), c->unit.len);
}

/* ---- fragments ---- */

static bool
word_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '$' || (unsigned char)ch >= 0x80;
}

static bool
word_start(char ch)
{
    return word_char(ch) && ch != '$' && !(ch >= '0' && ch <= '9');
}

/* End (one past the closing quote) of the quoted text starting at s[i], or NOT_FOUND. */
static size_t
skip_quoted(const char *s, size_t n, size_t i, char q, bool backslash)
{
    for (size_t j = i + 1; j < n; j++) {
        if (backslash && s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] != q)
            continue;
        if (j + 1 < n && s[j + 1] == q) {
            j++;
            continue;
        }
        return j + 1;
    }
    return NOT_FOUND;
}

/*
 * A dollar quote at s[i] ($$ or $tag$): its end past the closing tag, NOT_FOUND when it does
 * not close, or i when s[i] starts no dollar quote ($1 or a '$' inside a word).
 */
static size_t
skip_dollar(const char *s, size_t n, size_t i)
{
    if (i > 0 && word_char(s[i - 1]))
        return i;
    size_t j = i + 1;
    if (j < n && word_start(s[j]))
        while (j < n && word_char(s[j]) && s[j] != '$')
            j++;
    if (j >= n || s[j] != '$')
        return i;
    size_t taglen = j + 1 - i;
    for (size_t k = j + 1; k + taglen <= n; k++)
        if (s[k] == '$' && strncmp(s + k, s + i, taglen) == 0)
            return k + taglen;
    return NOT_FOUND;
}

typedef struct frag_scan {
    const char *s;       /* the text */
    size_t n;            /* its length (trailing blanks and ';' trimmed when asked) */
    unsigned flags;      /* FRAG_* */
    size_t depth;        /* parenthesis depth */
    size_t start;        /* first non-blank byte */
    bool any;            /* a token was seen */
    bool atomic;         /* BEGIN ATOMIC seen: ';' allowed */
    bool prev_begin;     /* the previous word was BEGIN */
    const char *problem; /* why the text is refused */
} frag_scan;

static bool
word_is(const char *s, size_t len, const char *w)
{
    size_t wl = strlen(w);
    if (len != wl)
        return false;
    for (size_t i = 0; i < len; i++)
        if (sd_ascii_upper(s[i]) != w[i])
            return false;
    return true;
}

/* A word at s[i]: tracks CREATE and BEGIN ATOMIC; returns its end. */
static size_t
scan_word(frag_scan *f, size_t i)
{
    size_t j = i;
    while (j < f->n && word_char(f->s[j]))
        j++;
    if (!f->any && (f->flags & FRAG_CREATE) && !word_is(f->s + i, j - i, "CREATE"))
        f->problem = "it does not start with CREATE";
    if (f->prev_begin && word_is(f->s + i, j - i, "ATOMIC"))
        f->atomic = true;
    f->prev_begin = word_is(f->s + i, j - i, "BEGIN");
    return j;
}

/* One token or punctuation character at s[i]; returns the position after it. */
static size_t
scan_punct(frag_scan *f, size_t i)
{
    char ch = f->s[i];
    f->prev_begin = false;
    if (ch == '(' || ch == '[') {
        f->depth++;
    } else if (ch == ')' || ch == ']') {
        if (f->depth == 0)
            f->problem = "unbalanced parentheses";
        else
            f->depth--;
    } else if (ch == ';') {
        if (!((f->flags & FRAG_SEMI) && f->atomic) && !((f->flags & FRAG_PSEMI) && f->depth > 0))
            f->problem = "it contains ';'";
    } else if (ch == ',' && f->depth == 0 && !(f->flags & FRAG_COMMA)) {
        f->problem = "it contains a top-level ','";
    } else if ((ch == '-' && i + 1 < f->n && f->s[i + 1] == '-') ||
               (ch == '/' && i + 1 < f->n && f->s[i + 1] == '*')) {
        f->problem = "it contains a comment";
    } else if (ch == '\\') {
        f->problem = "it contains a backslash outside quotes (psql would read a meta-command)";
    }
    return i + 1;
}

static size_t
scan_token(frag_scan *f, size_t i)
{
    const char *s = f->s;
    char ch = s[i];
    size_t end = 0;
    if (ch == '\'') {
        bool e = i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') && (i < 2 || !word_char(s[i - 2]));
        end = skip_quoted(s, f->n, i, '\'', e);
    } else if (ch == '"') {
        end = skip_quoted(s, f->n, i, '"', false);
    } else if (ch == '$' && skip_dollar(s, f->n, i) != i) {
        end = skip_dollar(s, f->n, i);
    } else if (word_start(ch) || (ch >= '0' && ch <= '9')) {
        return scan_word(f, i);
    } else {
        return scan_punct(f, i);
    }
    if (end == NOT_FOUND)
        f->problem = "a quoted string or name does not end";
    f->prev_begin = false;
    return end;
}

static bool
blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static void
function_parts(pg_ctx *c, const sd_object *o, const char **name_out, const char **args_out);

/*
 * The fragment as it will be written (len bytes at text), proved by PostgreSQL's own parser
 * to be one thing of its kind (parse/parse.h): a function's or trigger's CREATE statement, a
 * view's query, an expression, else a piece in which the lexer finds no ';'. The scan above
 * only trims and refuses early what no catalog holds (comments, a backslash psql would take
 * for a meta-command).
 */
static bool
parse_fragment(pg_ctx *c,
               const sd_object *o,
               const char *what,
               const char *text,
               size_t len,
               unsigned flags)
{
    sd_sql_shape shape = SD_SQL_PIECE;
    if ((flags & FRAG_CREATE) && o->kind == SD_KIND_FUNCTION)
        shape = SD_SQL_CREATE_FUNCTION;
    else if ((flags & FRAG_CREATE) && o->kind == SD_KIND_TRIGGER)
        shape = SD_SQL_CREATE_TRIGGER;
    else if ((flags & FRAG_CREATE) && o->kind == SD_KIND_RULE)
        shape = SD_SQL_CREATE_RULE;
    else if ((flags & FRAG_CREATE) && o->kind == SD_KIND_OPCLASS)
        shape = SD_SQL_CREATE_OPCLASS;
    else if ((flags & FRAG_CREATE) && o->kind == SD_KIND_CONVERSION)
        shape = SD_SQL_CONVERSION;
    else if ((flags & FRAG_ALTER) && o->kind == SD_KIND_OPFAMILY)
        shape = SD_SQL_ALTER_OPFAMILY;
    else if ((flags & FRAG_CREATE) && o->kind == SD_KIND_STATISTICS)
        shape = SD_SQL_CREATE_STATS;
    else if (flags & FRAG_QUERY)
        shape = SD_SQL_QUERY;
    else if (flags & FRAG_EXPR)
        shape = SD_SQL_EXPR;
    sd_buf copy = SD_BUF_INIT;
    sd_buf_appendn(&copy, text, len);
    sd_err e = SD_ERR_INIT;
    /* A statement stored whole must also create this very object, not another one. */
    sd_pg_creates want = { o->schema, o->name, o->table };
    if (o->kind == SD_KIND_FUNCTION) {
        const char *args = NULL;
        function_parts(c, o, &want.name, &args);
    }
    bool whole = shape == SD_SQL_CREATE_FUNCTION || shape == SD_SQL_CREATE_TRIGGER ||
                 shape == SD_SQL_CREATE_RULE || shape == SD_SQL_CREATE_STATS;
    sd_status rc = sd_buf_failed(&copy) ? SD_ERR_NOMEM
                   : whole              ? sd_parse_pg_create(sd_buf_cstr(&copy), shape, &want, &e)
                                        : sd_parse_pg(sd_buf_cstr(&copy), shape, &e);
    if (rc == SD_ERR_NOMEM)
        sd_writer_nomem(&c->w);
    else if (rc != SD_OK)
        sd_writer_fail_text(&c->w, o, what, sd_buf_cstr(&copy), e.msg);
    sd_buf_dispose(&copy);
    return rc == SD_OK;
}

/* Whether psql takes ch after a lone ':' outside quotes for a variable (:name, :'name',
 * :"name", :{?name}) and substitutes it when one is set (psql -v). */
static bool
psql_variable_start(char ch)
{
    return word_char(ch) || ch == '\'' || ch == '"' || ch == '{';
}

/*
 * Appends a scanned fragment as psql must read it: the text verbatim, except that a lone ':'
 * (an array slice, a[1:n]) is followed by a blank, so that a variable the user set with
 * psql -v never changes what the statement says. "::" and ":=" are left alone, as psql does.
 */
static void
append_for_psql(pg_ctx *c, const frag_scan *scanned)
{
    /* A second scan from the start, in a fresh state: the same tokens as the first. */
    frag_scan f = { .s = scanned->s,
                    .n = scanned->n,
                    .flags = scanned->flags,
                    .start = scanned->start };
    const char *s = f.s;
    size_t done = f.start;
    for (size_t i = f.start; i < f.n;) {
        if (blank(s[i])) {
            i++;
            continue;
        }
        if (s[i] == ':' && i + 1 < f.n && (i == 0 || s[i - 1] != ':') &&
            psql_variable_start(s[i + 1])) {
            sd_buf_appendn(c->w.out, s + done, i + 1 - done);
            sd_buf_putc(c->w.out, ' ');
            done = i + 1;
        }
        i = scan_token(&f, i);
    }
    sd_buf_appendn(c->w.out, s + done, f.n - done);
}

void
sd_emit__pg_fragment(pg_ctx *c,
                     const sd_object *o,
                     const char *what,
                     const char *text,
                     unsigned flags)
{
    if (c->w.rc != SD_OK)
        return;
    if (text == NULL) {
        sd_writer_fail_text(&c->w, o, what, "", "it is missing");
        return;
    }
    frag_scan f = { 0 };
    f.s = text;
    f.n = strlen(text);
    f.flags = flags;
    while (f.n > 0 && (blank(text[f.n - 1]) || ((flags & FRAG_TRIM) && text[f.n - 1] == ';')))
        f.n--;
    for (size_t i = 0; i < f.n && f.problem == NULL;) {
        if (blank(text[i])) {
            i++;
            continue;
        }
        if (!f.any)
            f.start = i;
        i = scan_token(&f, i);
        f.any = true;
    }
    if (f.problem == NULL && f.depth != 0)
        f.problem = "unbalanced parentheses";
    if (f.problem == NULL && !f.any)
        f.problem = "it is empty";
    if (f.problem != NULL) {
        sd_writer_fail_text(&c->w, o, what, text, f.problem);
        return;
    }
    if (parse_fragment(c, o, what, text + f.start, f.n - f.start, flags))
        append_for_psql(c, &f);
}

/* ---- names ---- */

/* A function's name and identity arguments, from its fields or else its object name. */
static void
function_parts(pg_ctx *c, const sd_object *o, const char **name_out, const char **args_out)
{
    const char *name = o->v[SD_FUNCTION_NAME].s;
    const char *args = o->v[SD_FUNCTION_ARGUMENTS].s;
    const char *paren = strchr(o->name, '(');
    if (name == NULL && paren != NULL)
        name = sd_arena_strndup(c->scratch, o->name, (size_t)(paren - o->name));
    if (args == NULL && paren != NULL) {
        size_t len = strlen(paren + 1);
        args =
            len > 0 && paren[len] == ')' ? sd_arena_strndup(c->scratch, paren + 1, len - 1) : NULL;
    }
    if (name == NULL)
        name = o->name;
    if (args == NULL)
        args = "";
    *name_out = name;
    *args_out = args;
}

/* An aggregate as DROP / ALTER / COMMENT ON AGGREGATE name it: its name and input types
 * (the identity: ordered-set aggregates may run direct and aggregated arguments into one
 * list there), "(*)" when it has none. */
static void
aggregate_target(pg_ctx *c, const sd_object *o)
{
    const char *name = o->v[SD_AGGREGATE_NAME].s;
    const char *paren = strchr(o->name, '(');
    size_t len = paren != NULL ? strlen(paren + 1) : 0;
    if (name == NULL || len == 0 || paren[len] != ')') {
        sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid aggregate identity");
        return;
    }
    put_qname(c, o->schema, name);
    put(c, "(");
    if (len == 1)
        put(c, "*");
    else
        sd_emit__pg_fragment(c, o, "argument list",
                             sd_arena_strndup(c->scratch, paren + 1, len - 1), FRAG_COMMA);
    put(c, ")");
}

/* Whether name is an operator name PostgreSQL accepts: operator characters only, and no
 * "--" or slash-star (which would start a comment), so that it can be written bare. */
static bool
operator_name_ok(const char *name)
{
    if (name == NULL || name[0] == '\0' || strstr(name, "--") != NULL || strstr(name, "/*"))
        return false;
    return strspn(name, "+-*/<>=~!@#%^&|`?") == strlen(name);
}

void
sd_emit__pg_operator_name(pg_ctx *c, const sd_object *o, size_t len)
{
    const char *name = sd_arena_strndup(c->scratch, o->name, len);
    if (name == NULL) {
        sd_writer_nomem(&c->w);
        return;
    }
    if (!operator_name_ok(name)) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid operator name");
        return;
    }
    /* An operator name is not an identifier: only the schema is quoted. */
    put_ident(c, o->schema);
    put(c, ".");
    put(c, name);
}

/* An operator as DROP / ALTER / COMMENT ON OPERATOR name it: schema.name (left, right), the
 * identity "name(left, right)" with NONE for a prefix operator's left type. */
static void
operator_target(pg_ctx *c, const sd_object *o)
{
    const char *paren = strchr(o->name, '(');
    size_t len = paren != NULL ? strlen(paren + 1) : 0;
    if (len < 2 || paren[len] != ')') {
        sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid operator identity");
        return;
    }
    sd_emit__pg_operator_name(c, o, (size_t)(paren - o->name));
    put(c, " (");
    sd_emit__pg_fragment(c, o, "operand types", sd_arena_strndup(c->scratch, paren + 1, len - 1),
                         FRAG_COMMA);
    put(c, ")");
}

bool
sd_emit__pg_opclass_parts(pg_ctx *c, const sd_object *o, const char **name, const char **am)
{
    /* The access method is the last word: pg_am names have no spaces, object names may. */
    const char *sep = NULL;
    for (const char *p = strstr(o->name, " using "); p != NULL; p = strstr(p + 1, " using "))
        sep = p;
    if (sep == NULL || sep == o->name || sep[7] == '\0') {
        sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid identity (expected \"name using method\")");
        return false;
    }
    *name = sd_arena_strndup(c->scratch, o->name, (size_t)(sep - o->name));
    *am = sep + 7;
    if (*name == NULL)
        sd_writer_nomem(&c->w);
    return *name != NULL;
}

void
sd_emit__pg_opclass_name(pg_ctx *c, const sd_object *o)
{
    const char *name = NULL;
    const char *am = NULL;
    if (!sd_emit__pg_opclass_parts(c, o, &name, &am))
        return;
    put_qname(c, o->schema, name);
    put(c, " USING ");
    put_ident(c, am);
}

const char *
sd_emit__pg_keyword(const sd_object *o)
{
    if (o->kind == SD_KIND_FUNCTION && streq(o->v[SD_FUNCTION_KIND].s, "procedure"))
        return "PROCEDURE";
    if (o->kind == SD_KIND_TABLE && sd_table_is_foreign(o))
        return "FOREIGN TABLE"; /* DROP / COMMENT ON TABLE refuse a foreign table */
    return sd_emit__pg_ops(o->kind)->keyword;
}

void
sd_emit__pg_target(pg_ctx *c, const sd_object *o)
{
    const char *fname = NULL;
    const char *args = NULL;
    switch (sd_emit__pg_ops(o->kind)->target) {
    case PG_TARGET_NAME:
        put_ident(c, o->name);
        return;
    case PG_TARGET_FUNCTION:
        function_parts(c, o, &fname, &args);
        put_qname(c, o->schema, fname);
        put(c, "(");
        if (args[0] != '\0')
            sd_emit__pg_fragment(c, o, "argument list", args, FRAG_COMMA);
        put(c, ")");
        return;
    case PG_TARGET_AGGREGATE:
        aggregate_target(c, o);
        return;
    case PG_TARGET_OPERATOR:
        operator_target(c, o);
        return;
    case PG_TARGET_CAST:
        sd_emit__pg_cast_target(c, o);
        return;
    case PG_TARGET_TRANSFORM:
        sd_emit__pg_transform_target(c, o);
        return;
    case PG_TARGET_OPCLASS:
        sd_emit__pg_opclass_name(c, o);
        return;
    case PG_TARGET_COLUMN:
        put_qname(c, o->schema, o->table);
        put(c, ".");
        put_ident(c, o->name);
        return;
    case PG_TARGET_ON_TABLE:
        put_ident(c, o->name);
        put(c, " ON ");
        put_qname(c, o->schema, o->table);
        return;
    case PG_TARGET_QNAME:
        break;
    }
    put_qname(c, o->schema, o->name);
}

void
sd_emit__pg_comment_name(pg_ctx *c, const sd_object *o)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_qualified(&b, PGE, o->schema, o->table != NULL ? o->table : o->name);
    if (o->table != NULL && o->name != NULL) {
        sd_buf_putc(&b, '.');
        sd_sql_ident(&b, PGE, o->name);
    }
    if (sd_buf_failed(&b))
        sd_writer_nomem(&c->w);
    sd_writer_comment_text(&c->w, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
}

void
sd_emit__pg_drop_plain(pg_ctx *c, const sd_object *from)
{
    put(c, "DROP ");
    put(c, sd_emit__pg_keyword(from));
    put(c, " ");
    sd_emit__pg_target(c, from);
    put(c, ";\n");
}

void
sd_emit__pg_comment_on(pg_ctx *c, const sd_object *o, const char *text)
{
    put(c, "COMMENT ON ");
    put(c, sd_emit__pg_keyword(o));
    put(c, " ");
    sd_emit__pg_target(c, o);
    put(c, " IS ");
    if (text != NULL)
        put_literal(c, text);
    else
        put(c, "NULL");
    put(c, ";\n");
}

static void
put_owner(pg_ctx *c, const sd_object *o, const char *owner)
{
    put(c, "ALTER ");
    put(c, sd_emit__pg_keyword(o));
    put(c, " ");
    sd_emit__pg_target(c, o);
    put(c, " OWNER TO ");
    put_ident(c, owner);
    put(c, ";\n");
}

static bool put_default_acl_reset(pg_ctx *c, const sd_object *o, const char *owner);

void
sd_emit__pg_extras(pg_ctx *c, const sd_object *to)
{
    int owner_f = sd_kind_role_field(to->kind, SD_ROLE_OWNER);
    int acl_f = sd_kind_role_field(to->kind, SD_ROLE_ACL);
    int comment_f = sd_kind_role_field(to->kind, SD_ROLE_COMMENT);
    const char *owner = owner_f != NO_FIELD ? to->v[owner_f].s : NULL;
    if (owner != NULL)
        put_owner(c, to, owner);
    if (acl_f != NO_FIELD && put_default_acl_reset(c, to, owner)) {
        static const char *const NOTHING[] = { "none" };
        static const sd_names REVOKED = { (const char **)NOTHING, 1 };
        sd_emit__pg_acl(c, to, &REVOKED, owner, NULL);
    } else if (acl_f != NO_FIELD && to->v[acl_f].names.len > 0) {
        static const sd_names NONE = { NULL, 0 };
        sd_emit__pg_acl(c, to, &NONE, owner, to->kind == SD_KIND_COLUMN ? to->name : NULL);
    }
    if (comment_f != NO_FIELD && to->v[comment_f].s != NULL)
        sd_emit__pg_comment_on(c, to, to->v[comment_f].s);
}

/* The change-mask bit of a field index, or 0 for NO_FIELD. */
static uint64_t
field_bit(int f)
{
    return f == NO_FIELD ? 0 : FBIT(f);
}

void
sd_emit__pg_alter_extras(pg_ctx *c, const sd_change *ch)
{
    int owner_f = sd_kind_role_field(ch->kind, SD_ROLE_OWNER);
    int acl_f = sd_kind_role_field(ch->kind, SD_ROLE_ACL);
    int comment_f = sd_kind_role_field(ch->kind, SD_ROLE_COMMENT);
    const char *from_owner = owner_f != NO_FIELD ? ch->from->v[owner_f].s : NULL;
    const char *to_owner = owner_f != NO_FIELD ? ch->to->v[owner_f].s : NULL;
    /* A sequence that stays OWNED BY a column is refused an owner of its own: it follows
     * its table's ALTER TABLE ... OWNER TO (always the same owner). */
    bool linked = ch->kind == SD_KIND_SEQUENCE && ch->to->v[SD_SEQUENCE_OWNED_BY].s != NULL &&
                  !(ch->fields & FBIT(SD_SEQUENCE_OWNED_BY));
    if ((ch->fields & field_bit(owner_f)) && to_owner != NULL && !linked)
        put_owner(c, ch->to, to_owner);
    /* An owner change moves privileges too: compare them whenever either changed. */
    if (acl_f != NO_FIELD && (ch->fields & (field_bit(acl_f) | field_bit(owner_f))))
        sd_emit__pg_acl(c, ch->to, &ch->from->v[acl_f].names, from_owner,
                        ch->kind == SD_KIND_COLUMN ? ch->to->name : NULL);
    if (ch->fields & field_bit(comment_f))
        sd_emit__pg_comment_on(c, ch->to, ch->to->v[comment_f].s);
}

/* ---- privileges ---- */

typedef struct acl_item {
    const char *role;    /* default privileges: the role they are for; else NULL */
    char objtype;        /* default privileges: r, S, f, T or n; else 0 */
    const char *grantee; /* "" for PUBLIC */
    char priv;           /* privilege letter */
    bool grant_option;   /* WITH GRANT OPTION */
} acl_item;

typedef struct acl_set {
    acl_item *items; /* entries */
    size_t len;      /* used */
    size_t cap;      /* allocated */
} acl_set;

static const struct {
    char letter;
    const char *word;
} PRIVS[] = {
    { 'r', "SELECT" },   { 'w', "UPDATE" },     { 'a', "INSERT" },       { 'd', "DELETE" },
    { 'D', "TRUNCATE" }, { 'x', "REFERENCES" }, { 't', "TRIGGER" },      { 'X', "EXECUTE" },
    { 'U', "USAGE" },    { 'C', "CREATE" },     { 'c', "CONNECT" },      { 'T', "TEMPORARY" },
    { 'm', "MAINTAIN" }, { 's', "SET" },        { 'A', "ALTER SYSTEM" },
};

static const char *
priv_word(char letter)
{
    for (size_t i = 0; i < SD_ARRAY_LEN(PRIVS); i++)
        if (PRIVS[i].letter == letter)
            return PRIVS[i].word;
    return NULL;
}

static void
acl_add(pg_ctx *c, acl_set *s, acl_item it)
{
    if (s->len == s->cap) {
        size_t cap = s->cap == 0 ? 16 : s->cap * 2;
        acl_item *n = sd_arena_array(c->scratch, acl_item, cap);
        if (n == NULL) {
            sd_writer_nomem(&c->w);
            return;
        }
        if (s->len > 0)
            memcpy(n, s->items, s->len * sizeof(*n));
        s->items = n;
        s->cap = cap;
    }
    s->items[s->len++] = it;
}

static const acl_item *
acl_find(const acl_set *s, const acl_item *k)
{
    for (size_t i = 0; i < s->len; i++) {
        const acl_item *e = &s->items[i];
        if (e->priv == k->priv && e->objtype == k->objtype && streq(e->grantee, k->grantee) &&
            streq(e->role, k->role))
            return e;
    }
    return NULL;
}

static bool
not_equals_sign(char ch)
{
    return ch != '=';
}

static bool
not_colon(char ch)
{
    return ch != ':';
}

/* A name at s (an aclitem's role, a column entry's column: bare, or "quoted" with doubled
 * quotes), unquoted into the scratch arena; a bare one ends
 * where bare_char says. An unterminated quote takes the rest. */
static const char *
ident_at(pg_ctx *c, const char **s, bool (*bare_char)(char ch))
{
    sd_buf b = SD_BUF_INIT;
    const char *p = sd_sql_read_ident(*s, bare_char, &b);
    const char *r = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
    if (r == NULL)
        sd_writer_nomem(&c->w);
    sd_buf_dispose(&b);
    *s = p != NULL ? p : *s + strlen(*s);
    return r != NULL ? r : "";
}

/* Parse "grantee=privs/grantor" into set entries (with role/objtype of default ACLs). */
static void
acl_parse_item(pg_ctx *c, acl_set *s, const sd_object *o, const char *text, acl_item base)
{
    const char *p = text;
    base.grantee = ident_at(c, &p, not_equals_sign);
    if (*p != '=') {
        sd_writer_fail_text(&c->w, o, "privilege entry", text,
                            "it is not an aclitem (grantee=privileges/grantor)");
        return;
    }
    for (p++; *p != '\0' && *p != '/'; p++) {
        if (priv_word(*p) == NULL) {
            sd_writer_fail_text(&c->w, o, "privilege entry", text, "unknown privilege letter");
            return;
        }
        base.priv = *p;
        base.grant_option = p[1] == '*';
        if (base.grant_option)
            p++;
        acl_add(c, s, base);
    }
}

/* Privileges of an object: its ACL, or the defaults of its owner when the ACL is empty, or
 * nothing for the model's "none" (every privilege revoked). */
/* PostgreSQL's built-in privileges of a kind (ops): all of them for the owner (none when
 * owner is NULL), and PUBLIC's; each added to s as base with its grantee and letter. */
static void
acl_add_builtin(pg_ctx *c, acl_set *s, const pg_ops *ops, const char *owner, acl_item base)
{
    for (const char *p = ops->all_privs; owner != NULL && p != NULL && *p != '\0'; p++) {
        base.grantee = owner;
        base.priv = *p;
        acl_add(c, s, base);
    }
    for (const char *p = ops->public_privs; p != NULL && *p != '\0'; p++) {
        base.grantee = "";
        base.priv = *p;
        acl_add(c, s, base);
    }
}

static void
acl_load_as(pg_ctx *c,
            acl_set *s,
            const sd_object *o,
            sd_kind kind,
            const sd_names *acl,
            const char *owner)
{
    const pg_ops *ops = sd_emit__pg_ops(kind);
    acl_item base = { 0 };
    if (acl->len == 1 && strcmp(acl->items[0], "none") == 0)
        return;
    if (acl->len > 0) {
        for (size_t i = 0; i < acl->len; i++)
            acl_parse_item(c, s, o, acl->items[i], base);
        return;
    }
    acl_add_builtin(c, s, ops, owner, base);
}

static void
acl_load(pg_ctx *c, acl_set *s, const sd_object *o, const sd_names *acl, const char *owner)
{
    acl_load_as(c, s, o, o->kind, acl, owner);
}

typedef enum acl_verb {
    ACL_REVOKE = 0,    /* REVOKE p FROM g */
    ACL_REVOKE_OPTION, /* REVOKE GRANT OPTION FOR p FROM g */
    ACL_GRANT,         /* GRANT p TO g */
    ACL_GRANT_OPTION   /* GRANT p TO g WITH GRANT OPTION */
} acl_verb;

/* Which statement item `it` of set a needs, given set b (NULL: none). Revokes look at the
 * old set's items against the new set, grants at the new set's against the old. */
static bool
acl_needs(const acl_item *it, const acl_set *other, acl_verb v)
{
    const acl_item *o = acl_find(other, it);
    switch (v) {
    case ACL_REVOKE:
        return o == NULL;
    case ACL_REVOKE_OPTION:
        return o != NULL && it->grant_option && !o->grant_option;
    case ACL_GRANT:
        return !it->grant_option && o == NULL;
    case ACL_GRANT_OPTION:
        return it->grant_option && (o == NULL || !o->grant_option);
    }
    return false;
}

/* What a GRANT / REVOKE applies to: "ON TABLE s.t", "ON TABLES" (default privileges). */
typedef struct acl_target {
    const sd_object *o;    /* the object (a column: its table is the target) */
    const char *column;    /* column privileges: the column */
    const sd_object *dflt; /* default privileges: the schema, or the database-wide object */
    const char *sequence;  /* an identity column's sequence (o the column), in o's schema */
    bool every_schema;     /* default privileges without IN SCHEMA */
} acl_target;

static bool put_default_acl_reset_as(pg_ctx *c,
                                     const sd_object *o,
                                     char objtype,
                                     const acl_target *t,
                                     const char *owner);

static const char *
default_objtype_word(char t)
{
    switch (t) {
    case 'r':
        return "TABLES";
    case 'S':
        return "SEQUENCES";
    case 'f':
        return "FUNCTIONS";
    case 'T':
        return "TYPES";
    case 'n':
        return "SCHEMAS";
    default:
        return NULL;
    }
}

static void
put_acl_on(pg_ctx *c, const acl_target *t, const acl_item *first)
{
    if (t->o == NULL)
        return;
    put(c, " ON ");
    if (t->dflt != NULL) {
        put(c, default_objtype_word(first->objtype));
        return;
    }
    if (t->sequence != NULL) {
        put(c, "SEQUENCE ");
        put_qname(c, t->o->schema, t->sequence);
        return;
    }
    if (t->column != NULL) {
        /* A table column names its table; a view's column list entry, the view itself. */
        put(c, "TABLE ");
        put_qname(c, t->o->schema, t->o->table != NULL ? t->o->table : t->o->name);
        return;
    }
    const pg_ops *ops = sd_emit__pg_ops(t->o->kind);
    put(c, t->o->kind == SD_KIND_FUNCTION ? sd_emit__pg_keyword(t->o) : ops->grant_on);
    put(c, " ");
    sd_emit__pg_target(c, t->o);
}

/* One statement for the items of set `s` at [i..] sharing grantee (and role/objtype). */
static void
put_acl_statement(pg_ctx *c,
                  const acl_target *t,
                  const acl_set *s,
                  const acl_set *other,
                  size_t i,
                  acl_verb v)
{
    const acl_item *first = &s->items[i];
    bool grant = v == ACL_GRANT || v == ACL_GRANT_OPTION;
    size_t n = 0;
    if (t->dflt != NULL) {
        put(c, "ALTER DEFAULT PRIVILEGES FOR ROLE ");
        put_ident(c, first->role);
        if (!t->every_schema) {
            put(c, " IN SCHEMA ");
            put_ident(c, t->dflt->name);
        }
        put(c, " ");
    }
    put(c, grant ? "GRANT " : "REVOKE ");
    if (v == ACL_REVOKE_OPTION)
        put(c, "GRANT OPTION FOR ");
    for (size_t j = i; j < s->len; j++) {
        const acl_item *it = &s->items[j];
        if (!streq(it->grantee, first->grantee) || !streq(it->role, first->role) ||
            it->objtype != first->objtype || !acl_needs(it, other, v))
            continue;
        put(c, n++ > 0 ? ", " : "");
        put(c, priv_word(it->priv));
        if (t->column != NULL) {
            put(c, " (");
            put_ident(c, t->column);
            put(c, ")");
        }
    }
    put_acl_on(c, t, first);
    put(c, grant ? " TO " : " FROM ");
    if (first->grantee[0] == '\0')
        put(c, "PUBLIC");
    else
        put_ident(c, first->grantee);
    put(c, v == ACL_GRANT_OPTION ? " WITH GRANT OPTION;\n" : ";\n");
}

/* Whether an earlier item of s has the same grantee (and role/objtype) and needs verb v. */
static bool
acl_group_seen(const acl_set *s, const acl_set *other, size_t i, acl_verb v)
{
    const acl_item *it = &s->items[i];
    for (size_t j = 0; j < i; j++) {
        const acl_item *e = &s->items[j];
        if (streq(e->grantee, it->grantee) && streq(e->role, it->role) &&
            e->objtype == it->objtype && acl_needs(e, other, v))
            return true;
    }
    return false;
}

/*
 * Every statement with verb v, one per grantee, in the order grantees first appear, PUBLIC
 * last. The catalog keeps grantees in the order of their first grant, which pg_dump shows;
 * the model's sorted list puts PUBLIC ("=...") first, while scripts usually grant it after
 * named roles.
 */
static void
put_acl_verb(pg_ctx *c, const acl_target *t, const acl_set *s, const acl_set *other, acl_verb v)
{
    for (int pub = 0; pub < 2; pub++) {
        for (size_t i = 0; i < s->len && c->w.rc == SD_OK; i++) {
            if ((s->items[i].grantee[0] == '\0') == (pub == 1) &&
                acl_needs(&s->items[i], other, v) && !acl_group_seen(s, other, i, v))
                put_acl_statement(c, t, s, other, i, v);
        }
    }
}

static void
put_acl_diff(pg_ctx *c, const acl_target *t, const acl_set *from, const acl_set *to)
{
    put_acl_verb(c, t, from, to, ACL_REVOKE);
    put_acl_verb(c, t, from, to, ACL_REVOKE_OPTION);
    put_acl_verb(c, t, to, from, ACL_GRANT);
    put_acl_verb(c, t, to, from, ACL_GRANT_OPTION);
}

void
sd_emit__pg_acl(pg_ctx *c,
                const sd_object *to,
                const sd_names *from_acl,
                const char *from_owner,
                const char *column)
{
    int owner_f = sd_kind_role_field(to->kind, SD_ROLE_OWNER);
    const char *to_owner = owner_f != NO_FIELD ? to->v[owner_f].s : NULL;
    acl_set from = { 0 };
    acl_set want = { 0 };
    acl_load(c, &from, to, from_acl, from_owner);
    acl_load(c, &want, to, &to->v[sd_kind_role_field(to->kind, SD_ROLE_ACL)].names, to_owner);
    /* ALTER ... OWNER TO (written before) hands the old owner's privileges to the new one. */
    for (size_t i = 0; i < from.len && from_owner != NULL && to_owner != NULL; i++)
        if (streq(from.items[i].grantee, from_owner))
            from.items[i].grantee = to_owner;
    acl_target t = { to, column, NULL, NULL, false };
    put_acl_diff(c, &t, &from, &want);
}

void
sd_emit__pg_identity_acl(pg_ctx *c, const sd_object *col, const sd_names *from_acl)
{
    static const sd_names DEFAULTS = { NULL, 0 };
    static const char *const NOTHING[] = { "none" };
    static const sd_names REVOKED = { (const char **)NOTHING, 1 };
    const char *seq = col->v[SD_COLUMN_IDENTITY_SEQUENCE].s;
    const sd_names *to_acl = &col->v[SD_COLUMN_IDENTITY_ACL].names;
    if (seq == NULL || col->v[SD_COLUMN_IDENTITY].s == NULL)
        return;
    /* The sequence belongs to the table's owner, as the table does. */
    const char *owner = col->owner != NULL ? col->owner->v[SD_TABLE_OWNER].s : NULL;
    acl_target t = { col, NULL, NULL, seq, false };
    /* A new sequence gets the default privileges on sequences in force, as any other. */
    if (from_acl == NULL && put_default_acl_reset_as(c, col, 'S', &t, owner))
        from_acl = &REVOKED;
    if (from_acl == NULL)
        from_acl = &DEFAULTS;
    acl_set from = { 0 };
    acl_set want = { 0 };
    acl_load_as(c, &from, col, SD_KIND_SEQUENCE, from_acl, owner);
    acl_load_as(c, &want, col, SD_KIND_SEQUENCE, to_acl, owner);
    put_acl_diff(c, &t, &from, &want);
}

/* "ROLE:OBJTYPE:aclitem" entries of a schema's default_acl. */
static void
default_acl_load(pg_ctx *c, acl_set *s, const sd_object *schema, const sd_names *n)
{
    for (size_t i = 0; i < n->len; i++) {
        const char *text = n->items[i];
        const char *sep = NULL;
        for (const char *p = text; *p != '\0' && sep == NULL; p++)
            if (p[0] == ':' && p[1] != '\0' && default_objtype_word(p[1]) != NULL && p[2] == ':')
                sep = p;
        if (sep == NULL || sep == text) {
            sd_writer_fail_text(&c->w, schema, "default privilege entry", text,
                                "it is not ROLE:OBJTYPE:aclitem");
            return;
        }
        acl_item base = { 0 };
        base.role = sd_arena_strndup(c->scratch, text, (size_t)(sep - text));
        base.objtype = sep[1];
        if (base.role == NULL)
            sd_writer_nomem(&c->w);
        else
            acl_parse_item(c, s, schema, sep + 3, base);
    }
}

/* pg_default_acl.defaclobjtype of a kind's objects, or 0 when default privileges never apply. */
static char
default_acl_objtype(sd_kind kind)
{
    if (kind == SD_KIND_SCHEMA)
        return 'n';
    if (kind == SD_KIND_TABLE || kind == SD_KIND_VIEW || kind == SD_KIND_MATVIEW)
        return 'r';
    if (kind == SD_KIND_SEQUENCE)
        return 'S';
    if (kind == SD_KIND_FUNCTION || kind == SD_KIND_AGGREGATE)
        return 'f';
    if (kind == SD_KIND_BASE_TYPE || kind == SD_KIND_ENUM || kind == SD_KIND_DOMAIN ||
        kind == SD_KIND_COMPOSITE || kind == SD_KIND_RANGE)
        return 'T';
    return 0;
}

/* The defaclobjtype letter of a database-wide default privileges object ("tables": r). */
static char
db_default_objtype(const sd_object *d)
{
    static const struct {
        const char *word;
        char letter;
    } TYPES[] = { { "tables", 'r' },
                  { "sequences", 'S' },
                  { "functions", 'f' },
                  { "types", 'T' },
                  { "schemas", 'n' } };
    const char *w = d->v[SD_DEFAULT_ACL_OBJECT_TYPE].s;
    for (size_t i = 0; i < SD_ARRAY_LEN(TYPES) && w != NULL; i++)
        if (strcmp(TYPES[i].word, w) == 0)
            return TYPES[i].letter;
    return 0;
}

/* The kind whose built-in privileges (PG_OPS all_privs, public_privs) a defaclobjtype has. */
static sd_kind
db_default_kind(char objtype)
{
    switch (objtype) {
    case 'S':
        return SD_KIND_SEQUENCE;
    case 'f':
        return SD_KIND_FUNCTION;
    case 'T':
        return SD_KIND_DOMAIN;
    case 'n':
        return SD_KIND_SCHEMA;
    default:
        return SD_KIND_TABLE;
    }
}

/* The privileges of a database-wide default privileges object, or, for NULL (no
 * pg_default_acl row), PostgreSQL's built-in ones for the role and object type of other. */
static void
db_default_load(pg_ctx *c, acl_set *s, const sd_object *d, const sd_object *other)
{
    const sd_object *o = d != NULL ? d : other;
    acl_item base = { 0 };
    base.role = o->v[SD_DEFAULT_ACL_ROLE].s;
    base.objtype = db_default_objtype(o);
    if (base.role == NULL || base.objtype == 0) {
        sd_writer_fail_text(&c->w, o, "default privileges", o->name,
                            "it has no role or object type");
        return;
    }
    if (d != NULL) {
        const sd_names *n = &d->v[SD_DEFAULT_ACL_PRIVILEGES].names;
        for (size_t i = 0; i < n->len; i++)
            acl_parse_item(c, s, d, n->items[i], base);
        return;
    }
    const pg_ops *ops = sd_emit__pg_ops(db_default_kind(base.objtype));
    acl_add_builtin(c, s, ops, o->v[SD_DEFAULT_ACL_ROLE].s, base);
}

/* Add to s the default privileges of model m (o's schema's and the database-wide ones) that
 * apply to new objects like o; whether any database-wide row applies (even one granting
 * nothing, which leaves a new object no privileges at all). */
static bool
default_acl_for(pg_ctx *c, acl_set *s, const sd_model *m, const sd_object *o, char objtype)
{
    const sd_object *schema = sd_model_find(m, SD_KIND_SCHEMA, o->schema, NULL, o->schema);
    acl_set all = { 0 };
    if (schema != NULL)
        default_acl_load(c, &all, schema, &schema->v[SD_SCHEMA_DEFAULT_ACL].names);
    bool any = false;
    for (size_t i = 0; i < sd_model_count(m, SD_KIND_DEFAULT_ACL); i++) {
        const sd_object *d = sd_model_at(m, SD_KIND_DEFAULT_ACL, i);
        if (db_default_objtype(d) != objtype)
            continue;
        any = true;
        db_default_load(c, &all, d, NULL);
    }
    for (size_t i = 0; i < all.len; i++)
        if (all.items[i].objtype == objtype)
            acl_add(c, s, all.items[i]);
    return any;
}

/*
 * A new object gets the default privileges in force when it is created, which depend on the
 * schema's ALTER DEFAULT PRIVILEGES (before or after this script changes them) and on the role
 * that runs the script. Where any may apply, revoke everything from every role they name,
 * PUBLIC and the owner, so that the grants that follow start from nothing. Whether it did so.
 */
static bool
put_default_acl_reset(pg_ctx *c, const sd_object *o, const char *owner)
{
    acl_target t = { o, NULL, NULL, NULL, false };
    return put_default_acl_reset_as(c, o, default_acl_objtype(o->kind), &t, owner);
}

/* The same for new objects of defaclobjtype objtype in o's schema, named by t (an identity
 * column's sequence: its column). */
static bool
put_default_acl_reset_as(pg_ctx *c,
                         const sd_object *o,
                         char objtype,
                         const acl_target *t,
                         const char *owner)
{
    if (objtype == 0 || owner == NULL)
        return false;
    acl_set d = { 0 };
    bool db_wide = default_acl_for(c, &d, c->from, o, objtype);
    db_wide = default_acl_for(c, &d, c->to, o, objtype) || db_wide;
    if (d.len == 0 && !db_wide)
        return false;
    acl_set who = { 0 };
    acl_item it = { 0 };
    it.grantee = ""; /* PUBLIC */
    acl_add(c, &who, it);
    for (size_t i = 0; i <= d.len; i++) {
        it.grantee = i < d.len ? d.items[i].grantee : owner;
        bool seen = false;
        for (size_t j = 0; j < who.len && !seen; j++)
            seen = streq(who.items[j].grantee, it.grantee);
        if (!seen)
            acl_add(c, &who, it);
    }
    put(c, "REVOKE ALL");
    put_acl_on(c, t, NULL);
    put(c, " FROM ");
    for (size_t i = 0; i < who.len; i++) {
        put(c, i > 0 ? ", " : "");
        if (who.items[i].grantee[0] == '\0')
            put(c, "PUBLIC");
        else
            put_ident(c, who.items[i].grantee);
    }
    put(c, ";\n");
    return true;
}

void
sd_emit__pg_default_acl(pg_ctx *c,
                        const sd_object *schema,
                        const sd_names *from,
                        const sd_names *to)
{
    acl_set a = { 0 };
    acl_set b = { 0 };
    default_acl_load(c, &a, schema, from);
    default_acl_load(c, &b, schema, to);
    acl_target t = { schema, NULL, schema, NULL, false };
    put_acl_diff(c, &t, &a, &b);
}

void
sd_emit__pg_db_default_acl(pg_ctx *c, const sd_object *from, const sd_object *to)
{
    acl_set a = { 0 };
    acl_set b = { 0 };
    db_default_load(c, &a, from, to);
    db_default_load(c, &b, to, from);
    const sd_object *o = to != NULL ? to : from;
    acl_target t = { o, NULL, o, NULL, true };
    put_acl_diff(c, &t, &a, &b);
}

/* ---- view and matview column privileges and comments ---- */

/* Split a "column:value" entry (column as quote_ident() renders it) into the plain column
 * name and the value; false (after failing) when it is not one. */
static bool
column_entry(pg_ctx *c, const sd_object *o, const char *text, const char **col, const char **value)
{
    const char *p = text;
    const char *name = ident_at(c, &p, not_colon);
    if (*p != ':' || p == text || name[0] == '\0') {
        sd_writer_fail_text(&c->w, o, "column entry", text, "it is not column:value");
        return false;
    }
    *col = name;
    *value = p + 1;
    return true;
}

/* Whether the entries in n hold column col (with any value). */
static bool
column_listed(pg_ctx *c, const sd_object *o, const sd_names *n, const char *col)
{
    for (size_t i = 0; i < n->len && c->w.rc == SD_OK; i++) {
        const char *name = NULL;
        const char *value = NULL;
        if (column_entry(c, o, n->items[i], &name, &value) && streq(name, col))
            return true;
    }
    return false;
}

static void
put_column_comment(pg_ctx *c, const sd_object *o, const char *col, const char *text)
{
    put(c, "COMMENT ON COLUMN ");
    put_qname(c, o->schema, o->name);
    put(c, ".");
    put_ident(c, col);
    put(c, " IS ");
    if (text != NULL)
        put_literal(c, text);
    else
        put(c, "NULL");
    put(c, ";\n");
}

/* The privileges of column col in entries n (none listed: none at all). */
static void
column_acl_load(pg_ctx *c, acl_set *s, const sd_object *o, const sd_names *n, const char *col)
{
    for (size_t i = 0; i < n->len && c->w.rc == SD_OK; i++) {
        const char *name = NULL;
        const char *value = NULL;
        acl_item base = { 0 };
        if (column_entry(c, o, n->items[i], &name, &value) && streq(name, col))
            acl_parse_item(c, s, o, value, base);
    }
}

/* The entry of checks ("CONSTRAINT name ...") for the constraint quoted (as its name is
 * written there), or NULL. */
static const char *
check_named(const sd_names *checks, const char *quoted, size_t len)
{
    for (size_t i = 0; checks != NULL && i < checks->len; i++) {
        const char *e = checks->items[i];
        if (strncmp(e, "CONSTRAINT ", 11) == 0 && strncmp(e + 11, quoted, len) == 0 &&
            e[11 + len] == ' ')
            return e;
    }
    return NULL;
}

static void
put_check_comment(pg_ctx *c, const sd_object *d, const char *con, const char *text)
{
    put(c, "COMMENT ON CONSTRAINT ");
    put_ident(c, con);
    put(c, " ON DOMAIN ");
    put_qname(c, d->schema, d->name);
    put(c, " IS ");
    if (text != NULL)
        put_literal(c, text);
    else
        put(c, "NULL");
    put(c, ";\n");
}

void
sd_emit__pg_check_comments(pg_ctx *c,
                           const sd_object *d,
                           const sd_names *from_checks,
                           const sd_names *from_comments)
{
    static const sd_names NONE = { NULL, 0 };
    const sd_names *to_checks = &d->v[SD_DOMAIN_CHECKS].names;
    const sd_names *to_comments = &d->v[SD_DOMAIN_CHECK_COMMENTS].names;
    if (from_comments == NULL)
        from_comments = &NONE;
    for (size_t i = 0; i < from_comments->len && c->w.rc == SD_OK; i++) {
        const char *con = NULL;
        const char *value = NULL;
        const char *e = from_comments->items[i];
        if (!column_entry(c, d, e, &con, &value))
            return;
        /* Gone with its constraint, or with it when it is added again. */
        const char *tc = check_named(to_checks, e, (size_t)(value - 1 - e));
        if (tc != NULL && names_have(from_checks, tc) && !column_listed(c, d, to_comments, con))
            put_check_comment(c, d, con, NULL);
    }
    for (size_t i = 0; i < to_comments->len && c->w.rc == SD_OK; i++) {
        const char *con = NULL;
        const char *value = NULL;
        const char *e = to_comments->items[i];
        if (!column_entry(c, d, e, &con, &value))
            return;
        const char *tc = check_named(to_checks, e, (size_t)(value - 1 - e));
        if (tc == NULL) {
            sd_writer_fail_text(&c->w, d, "check comment", e, "its domain has no such constraint");
            return;
        }
        if (!names_have(from_comments, e) || from_checks == NULL || !names_have(from_checks, tc))
            put_check_comment(c, d, con, value);
    }
}

/* GRANT / REVOKE and COMMENT ON COLUMN turning a view's column entries from into to's. */
static void
column_extras(pg_ctx *c,
              const sd_object *o,
              const sd_names *from_acl,
              const sd_names *to_acl,
              const sd_names *from_comments,
              const sd_names *to_comments)
{
    const sd_names *acls[] = { from_acl, to_acl };
    for (size_t k = 0; k < 2; k++) {
        for (size_t i = 0; i < acls[k]->len && c->w.rc == SD_OK; i++) {
            const char *col = NULL;
            const char *value = NULL;
            if (!column_entry(c, o, acls[k]->items[i], &col, &value))
                return;
            /* Each column once: at its first entry, in "to" when it is listed there. */
            bool first = true;
            for (size_t j = 0; j < i && first; j++) {
                const char *pc = NULL;
                const char *pv = NULL;
                first = !(column_entry(c, o, acls[k]->items[j], &pc, &pv) && streq(pc, col));
            }
            if (!first || (k == 0 && column_listed(c, o, to_acl, col)))
                continue;
            acl_set from = { 0 };
            acl_set want = { 0 };
            column_acl_load(c, &from, o, from_acl, col);
            column_acl_load(c, &want, o, to_acl, col);
            acl_target t = { o, col, NULL, NULL, false };
            put_acl_diff(c, &t, &from, &want);
        }
    }
    for (size_t i = 0; i < from_comments->len && c->w.rc == SD_OK; i++) {
        const char *col = NULL;
        const char *value = NULL;
        if (column_entry(c, o, from_comments->items[i], &col, &value) &&
            !column_listed(c, o, to_comments, col))
            put_column_comment(c, o, col, NULL);
    }
    for (size_t i = 0; i < to_comments->len && c->w.rc == SD_OK; i++) {
        const char *col = NULL;
        const char *value = NULL;
        bool same = false;
        for (size_t j = 0; j < from_comments->len && !same; j++)
            same = streq(from_comments->items[j], to_comments->items[i]);
        if (!same && column_entry(c, o, to_comments->items[i], &col, &value))
            put_column_comment(c, o, col, value);
    }
}

void
sd_emit__pg_column_extras(pg_ctx *c, const sd_object *to, int acl_field, int comment_field)
{
    static const sd_names NONE = { NULL, 0 };
    column_extras(c, to, &NONE, &to->v[acl_field].names, &NONE, &to->v[comment_field].names);
}

void
sd_emit__pg_alter_column_extras(pg_ctx *c, const sd_change *ch, int acl_field, int comment_field)
{
    if (!(ch->fields & (FBIT(acl_field) | FBIT(comment_field))))
        return;
    column_extras(c, ch->to, &ch->from->v[acl_field].names, &ch->to->v[acl_field].names,
                  &ch->from->v[comment_field].names, &ch->to->v[comment_field].names);
}
