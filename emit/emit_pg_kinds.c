/*
 * emit_pg_kinds.c: the PostgreSQL emitter's per-kind table (PG_OPS) and the SQL of every
 * kind that is not a table or owned by one: schemas, extensions, collations, text search
 * parsers / templates / dictionaries / configurations, enums, domains, composite
 * and range types, sequences, functions, views, materialized views, indexes, triggers,
 * rules, statistics objects and database-wide default privileges.
 *
 * Supported changes, by kind:
 *  - schema: create, drop, owner, privileges, default privileges, comment;
 *  - extension: create (IF NOT EXISTS, WITH SCHEMA, VERSION), version update, drop; a lower
 *    version drops and creates it (version_cmp() in plan/plan_pg.c);
 *  - collation: create, drop; a definition change (provider, locale, deterministic) drops
 *    and creates it, or, while columns use it, renames the old one away, creates it,
 *    converts those columns (ALTER COLUMN ... TYPE ... COLLATE) and drops the old one; a
 *    domain, composite or range type of it would keep the old one: refused
 *    (SD_ERR_UNSUPPORTED);
 *  - text search parser, template: create, drop; a definition change drops and creates it
 *    (refused, SD_ERR_UNSUPPORTED, while a configuration or dictionary uses it);
 *  - text search dictionary: create, drop, options in place (ALTER ... (name, name = value));
 *    a template change drops and creates it, or, while configurations map it, renames the
 *    old one away, creates it, moves the mappings over (ALTER MAPPING REPLACE) and drops the
 *    old one;
 *  - text search configuration: create, drop, mappings in place (ADD / ALTER / DROP
 *    MAPPING); a parser change drops and creates it, what uses it rebuilt by the plan;
 *  - enum: create, drop, values appended anywhere (ADD VALUE BEFORE/AFTER, run in a
 *    transaction of their own by emit_pg.c), values removed or reordered (the type is
 *    renamed, created again, every column of it converted through text, the old one
 *    dropped); a domain or composite attribute of the enum keeps the old type and makes
 *    that DROP TYPE fail (not supported); functions using it are dropped before and created
 *    after (emit_pg.c);
 *  - domain: create, drop, default, NOT NULL, named CHECK constraints added or dropped;
 *    a base type or collation change renames the old one away, creates it, converts its
 *    columns and drops the old one (domains and composites of it: not supported, as for
 *    enums; functions using it as for enums);
 *  - composite types: create, drop; attributes dropped, retyped or appended in place; a
 *    retype while a column uses the type (PostgreSQL refuses it) renames the old type away,
 *    creates it, converts the columns through text and drops the old one; any other change
 *    (reordering) drops and creates the type (fails while in use);
 *  - range types: create, drop; a change drops and creates it, its columns converted to
 *    text and back around that (multirange columns: not supported);
 *  - sequence: create, drop, every option in place (OWNED BY is set by emit_pg.c once the
 *    tables exist); a MINVALUE raised above the current value (ascending) or a MAXVALUE
 *    lowered below it (descending) first moves the current value inside the new bounds;
 *  - function / procedure: create and definition changes as the stored CREATE OR REPLACE
 *    statement; a result type, kind or parameter (name, mode) change drops and creates it,
 *    as does a body (BEGIN ATOMIC) that uses a column or table that goes, or calls a
 *    function that is dropped and created (dropped first: planned by emit_pg.c);
 *  - aggregate, operator: create, drop; a definition change drops and creates it;
 *  - view: SQL change drops and creates (always: CREATE OR REPLACE is refused for anything
 *    but appended columns, and dependents are rebuilt by the plan anyway); options in place;
 *  - materialized view, index, trigger: any change drops and creates (a trigger's enable
 *    state in place);
 *  - rule: a definition change drops and creates it; enable state and comment in place;
 *  - statistics: a definition change drops and creates it; target, owner and comment in
 *    place;
 *  - publication: create, drop; tables and schemas (ALTER PUBLICATION SET, or DROP of the
 *    old ones when none is left), options, owner and comment in place; FOR ALL TABLES
 *    changed drops and creates it;
 *  - database-wide default privileges: ALTER DEFAULT PRIVILEGES FOR ROLE without IN SCHEMA,
 *    from PostgreSQL's built-in privileges (no row) to the new row, between two rows, or
 *    back to the built-in ones (a REVOKE of a built-in privilege, as pg_dump writes).
 *
 * Domain check entries (model field "checks") are expected as "CONSTRAINT name CHECK (...)":
 * the name is needed to drop one; an entry without it can be added but not dropped.
 */
#include <string.h>

#include "emit/emit_pg_int.h"

/* ---- small helpers ---- */

void
sd_emit__pg_int(pg_ctx *c, int64_t n)
{
    if (c->w.rc == SD_OK)
        sd_buf_appendf(c->w.out, "%lld", (long long)n);
}

/* The qualified SQL name of a schema object, in the scratch arena ("" when out of memory). */
static const char *
qualified(pg_ctx *c, const char *schema, const char *name, const char *suffix)
{
    sd_buf b = SD_BUF_INIT;
    sd_sql_qualified(&b, PGE, schema, name);
    sd_buf_append(&b, suffix);
    const char *s = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    if (s == NULL) {
        sd_writer_nomem(&c->w);
        return "";
    }
    return s;
}

static void
put_names_list(pg_ctx *c, const sd_names *n)
{
    sd_writer_idents(&c->w, n);
}

static void
put_literals(pg_ctx *c, const sd_names *n)
{
    for (size_t i = 0; i < n->len; i++) {
        if (i > 0)
            put(c, ", ");
        put_literal(c, n->items[i]);
    }
}

/* ---- schema ---- */

static void
create_schema(pg_ctx *c, const sd_object *s)
{
    static const sd_names NONE = { NULL, 0 };
    put(c, "CREATE SCHEMA ");
    put_ident(c, s->name);
    put(c, ";\n");
    sd_emit__pg_extras(c, s);
    if (s->v[SD_SCHEMA_DEFAULT_ACL].names.len > 0)
        sd_emit__pg_default_acl(c, s, &NONE, &s->v[SD_SCHEMA_DEFAULT_ACL].names);
}

static void
alter_schema(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & FBIT(SD_SCHEMA_DEFAULT_ACL))
        sd_emit__pg_default_acl(c, ch->to, &ch->from->v[SD_SCHEMA_DEFAULT_ACL].names,
                                &ch->to->v[SD_SCHEMA_DEFAULT_ACL].names);
}

/* ---- extension ---- */

static void
create_extension(pg_ctx *c, const sd_object *e)
{
    put(c, "CREATE EXTENSION IF NOT EXISTS ");
    put_ident(c, e->name);
    put(c, " WITH SCHEMA ");
    put_ident(c, e->schema);
    if (e->v[SD_EXTENSION_VERSION].s != NULL) {
        put(c, " VERSION ");
        put_literal(c, e->v[SD_EXTENSION_VERSION].s);
    }
    put(c, ";\n");
    /* CREATE EXTENSION gives it the comment of its control file, whatever "to" has. */
    sd_emit__pg_comment_on(c, e, e->v[SD_EXTENSION_COMMENT].s);
}

static void
recreate_extension(pg_ctx *c, const sd_change *ch)
{
    put(c, "-- destructive: extension ");
    sd_emit__pg_comment_name(c, ch->from);
    put(c, " goes back to version ");
    sd_writer_comment_text(&c->w, ch->to->v[SD_EXTENSION_VERSION].s);
    put(c, " (no downgrade script): dropped and created again, with the data of its tables\n");
    sd_emit__pg_drop_plain(c, ch->from);
    create_extension(c, ch->to);
}

static void
alter_extension(pg_ctx *c, const sd_change *ch)
{
    if (!(ch->fields & FBIT(SD_EXTENSION_VERSION)) || ch->to->v[SD_EXTENSION_VERSION].s == NULL)
        return;
    put(c, "ALTER EXTENSION ");
    put_ident(c, ch->to->name);
    put(c, " UPDATE TO ");
    put_literal(c, ch->to->v[SD_EXTENSION_VERSION].s);
    put(c, ";\n");
}

/* ---- collation ---- */

static void
create_collation(pg_ctx *c, const sd_object *o)
{
    const sd_value *v = o->v;
    const char *provider = v[SD_COLLATION_PROVIDER].s;
    if (provider != NULL && !streq(provider, "libc") && !streq(provider, "icu")) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, o, "invalid collation provider");
        return;
    }
    /* As pg_dump writes it: provider, deterministic = false, then locale alone or
     * lc_collate and lc_ctype. */
    put(c, "CREATE COLLATION ");
    put_qname(c, o->schema, o->name);
    put(c, " (provider = ");
    put(c, provider != NULL ? provider : "libc");
    if (!v[SD_COLLATION_DETERMINISTIC].b)
        put(c, ", deterministic = false");
    if (v[SD_COLLATION_LOCALE].s != NULL) {
        put(c, ", locale = ");
        put_literal(c, v[SD_COLLATION_LOCALE].s);
    }
    if (v[SD_COLLATION_LC_COLLATE].s != NULL) {
        put(c, ", lc_collate = ");
        put_literal(c, v[SD_COLLATION_LC_COLLATE].s);
    }
    if (v[SD_COLLATION_LC_CTYPE].s != NULL) {
        put(c, ", lc_ctype = ");
        put_literal(c, v[SD_COLLATION_LC_CTYPE].s);
    }
    put(c, ");\n");
    sd_emit__pg_extras(c, o);
}

static const char *free_type_name(pg_ctx *c, const sd_object *e);

/* A domain, composite or range type of "from" that uses collation coll (named name), or NULL:
 * it would keep the old collation, whose DROP would then fail. */
static const sd_object *
collation_type_user(const pg_ctx *c, const sd_object *coll, const char *name)
{
    static const sd_kind TYPES[] = { SD_KIND_DOMAIN, SD_KIND_COMPOSITE, SD_KIND_RANGE };
    for (size_t k = 0; k < SD_ARRAY_LEN(TYPES); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->from, TYPES[k], &n);
        for (size_t i = 0; i < n; i++) {
            if (TYPES[k] == SD_KIND_DOMAIN && streq(o[i]->v[SD_DOMAIN_COLLATION].s, name))
                return o[i];
            for (size_t d = 0; d < o[i]->ndeps; d++)
                if (sd_model_find_ref(c->from, &o[i]->deps[d]) == coll)
                    return o[i];
        }
    }
    return NULL;
}

/*
 * A definition change: ALTER COLLATION cannot make it. DROP COLLATION is refused while
 * columns use it, so then, as for a domain, the old one is renamed out of the way, the new
 * one created, every column of it converted to it (the same type, COLLATE the new one: no
 * rewrite, its indexes rebuilt by PostgreSQL) and the old one dropped. emit_pg.c rebuilds
 * the views over those columns, and what depends on the collation itself, around it.
 */
static void
recreate_collation(pg_ctx *c, const sd_change *ch)
{
    const char *name = qualified(c, ch->from->schema, ch->from->name, "");
    const sd_object *type = collation_type_user(c, ch->from, name);
    if (type != NULL) {
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->to,
                       "a definition change while %s %s uses it is not supported",
                       sd_kind_get(type->kind)->label, qualified(c, type->schema, type->name, ""));
        return;
    }
    size_t n = 0;
    size_t used = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_object *to_col = sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key);
        if (to_col != NULL && !cols[i]->v[SD_COLUMN_INHERITED].b &&
            streq(cols[i]->v[SD_COLUMN_COLLATION].s, name))
            used++;
    }
    if (used == 0) {
        sd_emit__pg_drop_plain(c, ch->from);
        create_collation(c, ch->to);
        return;
    }
    const char *old = free_type_name(c, ch->from);
    put(c, "ALTER COLLATION ");
    put_qname(c, ch->from->schema, ch->from->name);
    put(c, " RENAME TO ");
    put_ident(c, old);
    put(c, ";\n");
    create_collation(c, ch->to);
    for (size_t i = 0; i < n; i++) {
        const sd_object *to_col = sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key);
        if (to_col != NULL && !cols[i]->v[SD_COLUMN_INHERITED].b &&
            streq(cols[i]->v[SD_COLUMN_COLLATION].s, name))
            sd_emit__pg_column_collate(c, to_col, cols[i]->v[SD_COLUMN_TYPE].s, name);
    }
    put(c, "DROP COLLATION ");
    put_qname(c, ch->from->schema, old);
    put(c, ";\n");
}

/* ---- text search parser, template, dictionary, configuration ---- */

/* ", KW = f" (or "KW = f" first): a support function as regproc rendered it, one piece. */
static void
put_ts_function(pg_ctx *c, const sd_object *o, const char *kw, const char *fn, bool first)
{
    put(c, first ? "" : ", ");
    put(c, kw);
    put(c, " = ");
    sd_emit__pg_fragment(c, o, "text search function", fn, 0);
}

/* As pg_dump's dumpTSParser() writes it; HEADLINE only when set. */
static void
create_ts_parser(pg_ctx *c, const sd_object *o)
{
    const sd_value *v = o->v;
    put(c, "CREATE TEXT SEARCH PARSER ");
    put_qname(c, o->schema, o->name);
    put(c, " (");
    put_ts_function(c, o, "START", v[SD_TS_PARSER_START].s, true);
    put_ts_function(c, o, "GETTOKEN", v[SD_TS_PARSER_GETTOKEN].s, false);
    put_ts_function(c, o, "END", v[SD_TS_PARSER_END].s, false);
    if (v[SD_TS_PARSER_HEADLINE].s != NULL)
        put_ts_function(c, o, "HEADLINE", v[SD_TS_PARSER_HEADLINE].s, false);
    put_ts_function(c, o, "LEXTYPES", v[SD_TS_PARSER_LEXTYPES].s, false);
    put(c, ");\n");
    sd_emit__pg_extras(c, o);
}

/* As pg_dump's dumpTSTemplate() writes it; INIT only when set. */
static void
create_ts_template(pg_ctx *c, const sd_object *o)
{
    const sd_value *v = o->v;
    put(c, "CREATE TEXT SEARCH TEMPLATE ");
    put_qname(c, o->schema, o->name);
    put(c, " (");
    bool init = v[SD_TS_TEMPLATE_INIT].s != NULL;
    if (init)
        put_ts_function(c, o, "INIT", v[SD_TS_TEMPLATE_INIT].s, true);
    put_ts_function(c, o, "LEXIZE", v[SD_TS_TEMPLATE_LEXIZE].s, !init);
    put(c, ");\n");
    sd_emit__pg_extras(c, o);
}

/* As pg_dump's dumpTSDictionary() writes it: the template, then the stored options. */
static void
create_ts_dict(pg_ctx *c, const sd_object *o)
{
    const sd_value *v = o->v;
    put(c, "CREATE TEXT SEARCH DICTIONARY ");
    put_qname(c, o->schema, o->name);
    put(c, " (TEMPLATE = ");
    sd_emit__pg_fragment(c, o, "text search template", v[SD_TS_DICT_TEMPLATE].s, 0);
    if (v[SD_TS_DICT_OPTIONS].s != NULL) {
        put(c, ", ");
        sd_emit__pg_fragment(c, o, "dictionary options", v[SD_TS_DICT_OPTIONS].s, FRAG_COMMA);
    }
    put(c, ");\n");
    sd_emit__pg_extras(c, o);
}

static bool
ts_word_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '$' ||
           (unsigned char)ch >= 0x80;
}

/*
 * The identifier at s (as quote_ident() renders one: a plain lower-case word, or a quoted
 * name with "" for "), unquoted into the scratch arena; *end is past it. NULL when s holds
 * none.
 */
static const char *
ts_ident(pg_ctx *c, const char *s, const char **end)
{
    sd_buf b = SD_BUF_INIT;
    const char *p = sd_sql_read_ident(s, ts_word_char, &b);
    const char *name = NULL;
    if (sd_buf_failed(&b))
        sd_writer_nomem(&c->w);
    else if (p != NULL && p != s && b.len > 0)
        name = sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    *end = p != NULL ? p : s + strlen(s);
    return name;
}

/* A configuration mapping "token:dict, dict" (model.h, Value formats): the token unquoted;
 * *dicts is the dictionary list. NULL (the writer failed, naming o) when malformed. */
static const char *
ts_mapping(pg_ctx *c, const sd_object *o, const char *item, const char **dicts)
{
    const char *end = NULL;
    const char *token = ts_ident(c, item, &end);
    if (token == NULL || *end != ':' || end[1] == '\0') {
        sd_writer_fail_text(&c->w, o, "text search mapping", item, "it is not \"token:dicts\"");
        return NULL;
    }
    *dicts = end + 1;
    return token;
}

/* ALTER TEXT SEARCH CONFIGURATION o verb MAPPING FOR token [WITH dicts]. */
static void
put_ts_mapping(pg_ctx *c, const sd_object *o, const char *verb, const char *item)
{
    const char *dicts = NULL;
    const char *token = ts_mapping(c, o, item, &dicts);
    if (token == NULL)
        return;
    put(c, "ALTER TEXT SEARCH CONFIGURATION ");
    put_qname(c, o->schema, o->name);
    put(c, " ");
    put(c, verb);
    put(c, " MAPPING FOR ");
    put_ident(c, token);
    if (!streq(verb, "DROP")) {
        put(c, " WITH ");
        sd_emit__pg_fragment(c, o, "text search mapping", dicts, FRAG_COMMA);
    }
    put(c, ";\n");
}

/* As pg_dump's dumpTSConfig() writes it: the parser, then one ADD MAPPING per token type. */
static void
create_ts_config(pg_ctx *c, const sd_object *o)
{
    put(c, "CREATE TEXT SEARCH CONFIGURATION ");
    put_qname(c, o->schema, o->name);
    put(c, " (PARSER = ");
    sd_emit__pg_fragment(c, o, "text search parser", o->v[SD_TS_CONFIG_PARSER].s, 0);
    put(c, ");\n");
    const sd_names *m = &o->v[SD_TS_CONFIG_MAPPINGS].names;
    for (size_t i = 0; i < m->len; i++)
        put_ts_mapping(c, o, "ADD", m->items[i]);
    sd_emit__pg_extras(c, o);
}

/* The item of mapping list m for token (unquoted), or NULL. */
static const char *
ts_mapping_for(pg_ctx *c, const sd_object *o, const sd_names *m, const char *token)
{
    for (size_t i = 0; i < m->len && c->w.rc == SD_OK; i++) {
        const char *dicts = NULL;
        const char *t = ts_mapping(c, o, m->items[i], &dicts);
        if (t != NULL && streq(t, token))
            return m->items[i];
    }
    return NULL;
}

/* Mappings in place: token types no longer mapped dropped, new ones added, changed ones
 * altered (ALTER MAPPING FOR ... WITH replaces the whole dictionary list). */
static void
alter_ts_config(pg_ctx *c, const sd_change *ch)
{
    if (!(ch->fields & FBIT(SD_TS_CONFIG_MAPPINGS)))
        return;
    const sd_names *from = &ch->from->v[SD_TS_CONFIG_MAPPINGS].names;
    const sd_names *to = &ch->to->v[SD_TS_CONFIG_MAPPINGS].names;
    for (size_t i = 0; i < from->len && c->w.rc == SD_OK; i++) {
        const char *dicts = NULL;
        const char *token = ts_mapping(c, ch->from, from->items[i], &dicts);
        if (token != NULL && ts_mapping_for(c, ch->to, to, token) == NULL)
            put_ts_mapping(c, ch->to, "DROP", from->items[i]);
    }
    for (size_t i = 0; i < to->len && c->w.rc == SD_OK; i++) {
        const char *dicts = NULL;
        const char *token = ts_mapping(c, ch->to, to->items[i], &dicts);
        const char *old = token != NULL ? ts_mapping_for(c, ch->from, from, token) : NULL;
        if (token == NULL || (old != NULL && streq(old, to->items[i])))
            continue;
        put_ts_mapping(c, ch->to, old == NULL ? "ADD" : "ALTER", to->items[i]);
    }
}

/* Past a quoted string at s (quote char q; in an E'' string a backslash escapes the next
 * character), or NULL when it does not end. */
static const char *
ts_skip_quoted(const char *s, char q, bool e)
{
    for (const char *p = s + 1; *p != '\0'; p++) {
        bool escaped = (e && *p == '\\' && p[1] != '\0') || (*p == q && p[1] == q);
        if (escaped)
            p++;
        else if (*p == q)
            return p + 1;
    }
    return NULL;
}

/*
 * The option names of a dictionary's stored options ("name = value, ...", as PostgreSQL's
 * serialize_deflist() writes them: the name as quote_ident() renders it, the value a number
 * or a quoted string, E'' when it holds a backslash), each written as ", name" (the first
 * without the comma). False (the writer failed) when the text is not such a list.
 */
static bool
put_ts_option_names(pg_ctx *c, const sd_object *o, const char *text)
{
    const char *p = text;
    for (bool first = true; *p != '\0'; first = false) {
        while (*p == ' ')
            p++;
        const char *end = NULL;
        const char *name = ts_ident(c, p, &end);
        p = end;
        while (*p == ' ')
            p++;
        if (name == NULL || *p != '=')
            break;
        for (p++; *p == ' '; p++)
            ;
        bool e = (*p == 'E' || *p == 'e') && p[1] == '\'';
        if (e || *p == '\'')
            p = ts_skip_quoted(p + (e ? 1 : 0), '\'', e);
        else
            while (*p != '\0' && *p != ',' && *p != ' ')
                p++;
        if (p == NULL)
            break;
        while (*p == ' ')
            p++;
        if (*p != '\0' && *p != ',')
            break;
        if (*p == ',')
            p++;
        put(c, first ? "" : ", ");
        put_ident(c, name);
        if (*p == '\0')
            return true;
    }
    sd_writer_fail_text(&c->w, o, "dictionary options", text,
                        "it is not a list of \"name = value\" options");
    return false;
}

/*
 * Options in place. ALTER TEXT SEARCH DICTIONARY keeps the options it does not name and
 * appends the ones it sets, so every old option is named first without a value (removed),
 * then the new list follows: the result is exactly the new options, in their order.
 */
static void
alter_ts_dict(pg_ctx *c, const sd_change *ch)
{
    if (!(ch->fields & FBIT(SD_TS_DICT_OPTIONS)))
        return;
    const char *from = ch->from->v[SD_TS_DICT_OPTIONS].s;
    const char *to = ch->to->v[SD_TS_DICT_OPTIONS].s;
    put(c, "ALTER TEXT SEARCH DICTIONARY ");
    put_qname(c, ch->to->schema, ch->to->name);
    put(c, " (");
    if (from != NULL && !put_ts_option_names(c, ch->from, from))
        return;
    if (to != NULL) {
        put(c, from != NULL ? ", " : "");
        sd_emit__pg_fragment(c, ch->to, "dictionary options", to, FRAG_COMMA);
    }
    put(c, ");\n");
}

/* A "from" object of kind k that depends on o (a configuration on its parser or a
 * dictionary, a dictionary on its template), or NULL. */
static const sd_object *
ts_user(const pg_ctx *c, sd_kind k, const sd_object *o)
{
    size_t n = 0;
    const sd_object *const *objs = sd_model_objects(c->from, k, &n);
    for (size_t i = 0; i < n; i++) {
        for (size_t d = 0; d < objs[i]->ndeps; d++) {
            if (sd_model_find_ref(c->from, &objs[i]->deps[d]) == o)
                return objs[i];
        }
    }
    return NULL;
}

/* A parser or template definition change: nothing alters one, and DROP is refused while a
 * configuration (parser) or dictionary (template) uses it, which could not be moved over. */
static void
recreate_ts_base(pg_ctx *c, const sd_change *ch)
{
    sd_kind k = ch->kind == SD_KIND_TS_PARSER ? SD_KIND_TS_CONFIG : SD_KIND_TS_DICT;
    const sd_object *user = ts_user(c, k, ch->from);
    if (user != NULL) {
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->to,
                       "a definition change while %s %s uses it is not supported",
                       sd_kind_get(user->kind)->label, qualified(c, user->schema, user->name, ""));
        return;
    }
    sd_emit__pg_drop_plain(c, ch->from);
    sd_emit__pg_ops(ch->kind)->create(c, ch->to);
}

/*
 * A dictionary's template change: only CREATE sets it. DROP is refused while configurations
 * map it, so then, as for a collation, the old one is renamed out of the way, the new one
 * created, every configuration's mappings moved over to it (ALTER MAPPING REPLACE) and the
 * old one dropped. Its other dependents (an expression naming it) are rebuilt around it by
 * the plan.
 */
static void
recreate_ts_dict(pg_ctx *c, const sd_change *ch)
{
    if (ts_user(c, SD_KIND_TS_CONFIG, ch->from) == NULL) {
        sd_emit__pg_drop_plain(c, ch->from);
        create_ts_dict(c, ch->to);
        return;
    }
    const char *old = free_type_name(c, ch->from);
    put(c, "ALTER TEXT SEARCH DICTIONARY ");
    put_qname(c, ch->from->schema, ch->from->name);
    put(c, " RENAME TO ");
    put_ident(c, old);
    put(c, ";\n");
    create_ts_dict(c, ch->to);
    size_t n = 0;
    const sd_object *const *cfgs = sd_model_objects(c->from, SD_KIND_TS_CONFIG, &n);
    for (size_t i = 0; i < n; i++) {
        for (size_t d = 0; d < cfgs[i]->ndeps; d++) {
            if (sd_model_find_ref(c->from, &cfgs[i]->deps[d]) != ch->from)
                continue;
            put(c, "ALTER TEXT SEARCH CONFIGURATION ");
            put_qname(c, cfgs[i]->schema, cfgs[i]->name);
            put(c, " ALTER MAPPING REPLACE ");
            put_qname(c, ch->from->schema, old);
            put(c, " WITH ");
            put_qname(c, ch->to->schema, ch->to->name);
            put(c, ";\n");
            break;
        }
    }
    put(c, "DROP TEXT SEARCH DICTIONARY ");
    put_qname(c, ch->from->schema, old);
    put(c, ";\n");
}

/* ---- enum ---- */

static void
create_enum(pg_ctx *c, const sd_object *e)
{
    put(c, "CREATE TYPE ");
    put_qname(c, e->schema, e->name);
    put(c, " AS ENUM (");
    put_literals(c, &e->v[SD_ENUM_VALUES].names);
    put(c, ");\n");
    sd_emit__pg_extras(c, e);
}

void
sd_emit__pg_enum_add_values(pg_ctx *c, const sd_object *from, const sd_object *to)
{
    const sd_names *f = &from->v[SD_ENUM_VALUES].names;
    const sd_names *t = &to->v[SD_ENUM_VALUES].names;
    for (size_t i = 0; i < t->len; i++) {
        if (names_have(f, t->items[i]))
            continue;
        put(c, "ALTER TYPE ");
        put_qname(c, to->schema, to->name);
        put(c, " ADD VALUE ");
        put_literal(c, t->items[i]);
        if (i > 0) {
            put(c, " AFTER ");
            put_literal(c, t->items[i - 1]);
        } else if (f->len > 0) {
            /* The first value: before the first value that already exists. */
            size_t k = 1;
            while (k < t->len && !names_have(f, t->items[k]))
                k++;
            put(c, " BEFORE ");
            put_literal(c, t->items[k < t->len ? k : 0]);
        }
        put(c, ";\n");
    }
}

static bool
type_name_taken(const pg_ctx *c, sd_kind kind, const char *schema, const char *name)
{
    static const sd_kind TYPES[] = { SD_KIND_BASE_TYPE, SD_KIND_ENUM,    SD_KIND_DOMAIN,
                                     SD_KIND_COMPOSITE, SD_KIND_RANGE,   SD_KIND_TABLE,
                                     SD_KIND_VIEW,      SD_KIND_MATVIEW, SD_KIND_SEQUENCE };
    const sd_model *models[] = { c->from, c->to };
    for (size_t m = 0; m < SD_ARRAY_LEN(models); m++) {
        if (kind == SD_KIND_COLLATION || kind == SD_KIND_TS_DICT) { /* namespaces of their own */
            if (sd_model_find(models[m], kind, schema, NULL, name) != NULL)
                return true;
            continue;
        }
        for (size_t k = 0; k < SD_ARRAY_LEN(TYPES); k++)
            if (sd_model_find(models[m], TYPES[k], schema, NULL, name) != NULL)
                return true;
    }
    return false;
}

/* "<name>_sd_old[N]", at most 63 bytes (PostgreSQL truncates longer names), unused (by a type,
 * or for a collation or text search dictionary by one of its kind). */
static const char *
free_type_name(pg_ctx *c, const sd_object *e)
{
    size_t base = strlen(e->name);
    if (base > 48) {
        base = 48;
        while (base > 0 && ((unsigned char)e->name[base] & 0xC0) == 0x80)
            base--; /* never cut a UTF-8 sequence */
    }
    for (unsigned n = 1; c->w.rc == SD_OK; n++) {
        const char *cand =
            n == 1 ? sd_arena_sprintf(c->scratch, "%.*s_sd_old", (int)base, e->name)
                   : sd_arena_sprintf(c->scratch, "%.*s_sd_old%u", (int)base, e->name, n);
        if (cand == NULL)
            sd_writer_nomem(&c->w);
        else if (!type_name_taken(c, e->kind, e->schema, cand))
            return cand;
    }
    return "";
}

static void
put_removed_values(pg_ctx *c, const sd_object *from, const sd_object *to)
{
    const sd_names *f = &from->v[SD_ENUM_VALUES].names;
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (names_have(&to->v[SD_ENUM_VALUES].names, f->items[i]))
            continue;
        if (n++ == 0) {
            put(c, "-- destructive: enum type ");
            sd_emit__pg_comment_name(c, from);
            put(c, " loses values ");
        } else {
            put(c, ", ");
        }
        sd_buf lit = SD_BUF_INIT;
        sd_sql_literal(&lit, PGE, f->items[i]);
        sd_writer_comment_text(&c->w, sd_buf_cstr(&lit));
        sd_buf_dispose(&lit);
    }
    if (n > 0)
        put(c, "; the guard at the start refuses rows that hold one\n");
}

/*
 * Values removed or reordered: PostgreSQL cannot drop or move enum values, so the type is
 * renamed out of the way, created again, every column of it converted through text, and
 * the old type dropped.
 */
static void
recreate_enum(pg_ctx *c, const sd_change *ch)
{
    const char *old = free_type_name(c, ch->from);
    put_removed_values(c, ch->from, ch->to);
    put(c, "ALTER TYPE ");
    put_qname(c, ch->from->schema, ch->from->name);
    put(c, " RENAME TO ");
    put_ident(c, old);
    put(c, ";\n");
    create_enum(c, ch->to);
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        const sd_object *to_col = sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key);
        if (to_col == NULL || cols[i]->v[SD_COLUMN_INHERITED].b ||
            !sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        const char *type = qualified(c, ch->to->schema, ch->to->name, array ? "[]" : "");
        const char *cast =
            sd_arena_sprintf(c->scratch, array ? "::text[]::%s" : "::text::%s", type);
        if (cast == NULL)
            sd_writer_nomem(&c->w);
        else
            sd_emit__pg_column_retype(c, cols[i], to_col, type, NULL, cast);
    }
    put(c, "DROP TYPE ");
    put_qname(c, ch->from->schema, old);
    put(c, ";\n");
}

/* ---- domain ---- */

/* The name in a "CONSTRAINT name ..." check entry (scratch arena), or NULL. */
static const char *
check_entry_name(pg_ctx *c, const char *entry)
{
    static const char KW[] = "CONSTRAINT";
    const char *p = entry;
    while (*p == ' ')
        p++;
    for (size_t i = 0; i < sizeof(KW) - 1; i++, p++)
        if (sd_ascii_upper(*p) != KW[i])
            return NULL;
    if (*p != ' ')
        return NULL;
    while (*p == ' ')
        p++;
    sd_buf b = SD_BUF_INIT;
    if (*p == '"') {
        for (p++; *p != '\0' && !(p[0] == '"' && p[1] != '"'); p++) {
            if (*p == '"')
                p++;
            sd_buf_putc(&b, *p);
        }
    } else {
        while (*p != '\0' && *p != ' ')
            sd_buf_putc(&b, *p++);
    }
    const char *name = sd_buf_failed(&b) ? NULL : sd_arena_strdup(c->scratch, sd_buf_cstr(&b));
    sd_buf_dispose(&b);
    if (name == NULL)
        sd_writer_nomem(&c->w);
    return name;
}

static void
create_domain(pg_ctx *c, const sd_object *d)
{
    const sd_value *v = d->v;
    put(c, "CREATE DOMAIN ");
    put_qname(c, d->schema, d->name);
    put(c, " AS ");
    sd_emit__pg_fragment(c, d, "base type", v[SD_DOMAIN_BASE_TYPE].s, 0);
    if (v[SD_DOMAIN_COLLATION].s != NULL) {
        put(c, " COLLATE ");
        sd_emit__pg_fragment(c, d, "collation", v[SD_DOMAIN_COLLATION].s, 0);
    }
    /* CHECKs and default put off (a dependency loop) come with their own change. */
    bool later = sd_emit__pg_deferred(c, d);
    if (v[SD_DOMAIN_DEFAULT].sql.text != NULL && !later) {
        put(c, " DEFAULT ");
        sd_emit__pg_fragment(c, d, "default", v[SD_DOMAIN_DEFAULT].sql.text, FRAG_EXPR);
    }
    if (v[SD_DOMAIN_NOT_NULL].b)
        put(c, " NOT NULL");
    for (size_t i = 0; i < v[SD_DOMAIN_CHECKS].names.len && !later; i++) {
        put(c, " ");
        sd_emit__pg_fragment(c, d, "check", v[SD_DOMAIN_CHECKS].names.items[i], 0);
    }
    put(c, ";\n");
    sd_emit__pg_extras(c, d);
    if (!later)
        sd_emit__pg_check_comments(c, d, NULL, NULL);
}

static void alter_domain_head(pg_ctx *c, const sd_object *d);

/* The default and CHECKs create_domain left out. */
static void
complete_domain(pg_ctx *c, const sd_object *d)
{
    const sd_value *v = d->v;
    if (v[SD_DOMAIN_DEFAULT].sql.text != NULL) {
        alter_domain_head(c, d);
        put(c, "SET DEFAULT ");
        sd_emit__pg_fragment(c, d, "default", v[SD_DOMAIN_DEFAULT].sql.text, FRAG_EXPR);
        put(c, ";\n");
    }
    for (size_t i = 0; i < v[SD_DOMAIN_CHECKS].names.len; i++) {
        alter_domain_head(c, d);
        put(c, "ADD ");
        sd_emit__pg_fragment(c, d, "check", v[SD_DOMAIN_CHECKS].names.items[i], 0);
        put(c, ";\n");
    }
    sd_emit__pg_check_comments(c, d, NULL, NULL);
}

static void
alter_domain_head(pg_ctx *c, const sd_object *d)
{
    put(c, "ALTER DOMAIN ");
    put_qname(c, d->schema, d->name);
    put(c, " ");
}

static void
alter_domain_checks(pg_ctx *c, const sd_change *ch)
{
    const sd_names *f = &ch->from->v[SD_DOMAIN_CHECKS].names;
    const sd_names *t = &ch->to->v[SD_DOMAIN_CHECKS].names;
    for (size_t i = 0; i < f->len; i++) {
        if (names_have(t, f->items[i]))
            continue;
        const char *name = check_entry_name(c, f->items[i]);
        if (name == NULL) {
            sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->from,
                           "cannot drop a domain check without a constraint name");
            return;
        }
        alter_domain_head(c, ch->to);
        put(c, "DROP CONSTRAINT ");
        put_ident(c, name);
        put(c, ";\n");
    }
    for (size_t i = 0; i < t->len; i++) {
        if (names_have(f, t->items[i]))
            continue;
        alter_domain_head(c, ch->to);
        put(c, "ADD ");
        sd_emit__pg_fragment(c, ch->to, "check", t->items[i], 0);
        put(c, ";\n");
    }
}

static void
alter_domain(pg_ctx *c, const sd_change *ch)
{
    const sd_value *v = ch->to->v;
    if (ch->fields & FBIT(SD_DOMAIN_DEFAULT)) {
        alter_domain_head(c, ch->to);
        if (v[SD_DOMAIN_DEFAULT].sql.text != NULL) {
            put(c, "SET DEFAULT ");
            sd_emit__pg_fragment(c, ch->to, "default", v[SD_DOMAIN_DEFAULT].sql.text, FRAG_EXPR);
            put(c, ";\n");
        } else {
            put(c, "DROP DEFAULT;\n");
        }
    }
    if (ch->fields & FBIT(SD_DOMAIN_NOT_NULL)) {
        alter_domain_head(c, ch->to);
        put(c, v[SD_DOMAIN_NOT_NULL].b ? "SET NOT NULL;\n" : "DROP NOT NULL;\n");
    }
    if (ch->fields & FBIT(SD_DOMAIN_CHECKS))
        alter_domain_checks(c, ch);
    if (ch->fields & (FBIT(SD_DOMAIN_CHECKS) | FBIT(SD_DOMAIN_CHECK_COMMENTS)))
        sd_emit__pg_check_comments(c, ch->to, &ch->from->v[SD_DOMAIN_CHECKS].names,
                                   &ch->from->v[SD_DOMAIN_CHECK_COMMENTS].names);
}

/*
 * A base type or collation change: ALTER DOMAIN cannot do it and DROP DOMAIN is refused while
 * columns use it. So, as for an enum: the old domain is renamed out of the way, the new one
 * created, every column of it converted (USING col::domain, which casts from the old base
 * type and checks the new constraints), and the old one dropped. emit_pg.c rebuilds what
 * depends on those columns around it.
 */
static void
recreate_domain(pg_ctx *c, const sd_change *ch)
{
    const char *old = free_type_name(c, ch->from);
    alter_domain_head(c, ch->from);
    put(c, "RENAME TO ");
    put_ident(c, old);
    put(c, ";\n");
    create_domain(c, ch->to);
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        const sd_object *to_col = sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key);
        if (to_col == NULL || cols[i]->v[SD_COLUMN_INHERITED].b ||
            !sd_plan_pg_type_is(cols[i], ch->from, &array))
            continue;
        const char *type = qualified(c, ch->to->schema, ch->to->name, array ? "[]" : "");
        const char *cast = sd_arena_sprintf(c->scratch, "::%s", type);
        if (sd_emit__pg_type_narrows(ch->from->v[SD_DOMAIN_BASE_TYPE].s,
                                     ch->to->v[SD_DOMAIN_BASE_TYPE].s)) {
            put(c, "-- destructive: column ");
            sd_emit__pg_comment_name(c, cols[i]);
            put(c, " changes type with its domain; values that do not convert are changed or "
                   "rejected\n");
        }
        if (cast == NULL)
            sd_writer_nomem(&c->w);
        else
            sd_emit__pg_column_retype(c, cols[i], to_col, type, NULL, cast);
    }
    put(c, "DROP DOMAIN ");
    put_qname(c, ch->from->schema, old);
    put(c, ";\n");
}

/* ---- composite and range types ---- */

static void
create_composite(pg_ctx *c, const sd_object *t)
{
    put(c, "CREATE TYPE ");
    put_qname(c, t->schema, t->name);
    put(c, " AS (");
    const char *attrs = t->v[SD_COMPOSITE_ATTRIBUTES].sql.text;
    if (attrs != NULL && attrs[strspn(attrs, " \n\t")] != '\0')
        sd_emit__pg_fragment(c, t, "attribute list", attrs, FRAG_COMMA);
    put(c, ");\n");
    sd_emit__pg_extras(c, t);
}

typedef sd_pg_attr attr;

/* Split "a integer, \"B\" text COLLATE x, ..." at top-level commas into at most cap items. */
static size_t
split_attrs(const char *text, attr *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = text; n < cap && sd_plan_pg_next_attr(&p, &out[n]);)
        n++;
    return n;
}

static bool
same_name(const attr *a, const attr *b)
{
    return a->name_len == b->name_len && strncmp(a->item, b->item, a->name_len) == 0;
}

static size_t
find_attr(const attr *set, size_t n, const attr *a)
{
    for (size_t i = 0; i < n; i++)
        if (same_name(&set[i], a))
            return i;
    return NOT_FOUND;
}

typedef struct attr_lists {
    attr *from; /* old attributes */
    attr *to;   /* new attributes */
    size_t nf;  /* old count */
    size_t nt;  /* new count */
} attr_lists;

/* Attribute lists can hold at most as many items as they have commas, plus one. */
static size_t
max_attrs(const char *text)
{
    size_t n = 1;
    for (const char *p = text; p != NULL && *p != '\0'; p++)
        n += *p == ',';
    return n;
}

static bool
load_attrs(pg_ctx *c, const sd_change *ch, attr_lists *l)
{
    const char *f = ch->from->v[SD_COMPOSITE_ATTRIBUTES].sql.text;
    const char *t = ch->to->v[SD_COMPOSITE_ATTRIBUTES].sql.text;
    l->from = sd_arena_array(c->scratch, attr, max_attrs(f));
    l->to = sd_arena_array(c->scratch, attr, max_attrs(t));
    if (l->from == NULL || l->to == NULL) {
        sd_writer_nomem(&c->w);
        return false;
    }
    l->nf = split_attrs(f, l->from, max_attrs(f));
    l->nt = split_attrs(t, l->to, max_attrs(t));
    return true;
}

/* The columns of "from" of type t (or an array of it) that are kept in "to" and declared in
 * their table (inherited ones follow their parent's): each with its "to" column, or NULL. */
static const sd_object *
converted_column(const pg_ctx *c, const sd_object *col, const sd_object *t, bool *array)
{
    if (col->v[SD_COLUMN_INHERITED].b || !sd_plan_pg_type_is(col, t, array))
        return NULL;
    return sd_model_find_key(c->to, SD_KIND_COLUMN, col->key);
}

/* ALTER TYPE t <what> <text>; where text is n bytes at s. */
static void
put_attr_change(pg_ctx *c, const sd_object *t, const char *what, const char *s, size_t n)
{
    sd_buf text = SD_BUF_INIT;
    sd_buf_appendn(&text, s, n);
    if (sd_buf_failed(&text))
        sd_writer_nomem(&c->w);
    put(c, "ALTER TYPE ");
    put_qname(c, t->schema, t->name);
    put(c, what);
    sd_emit__pg_fragment(c, t, "attribute", sd_buf_cstr(&text), 0);
    put(c, ";\n");
    sd_buf_dispose(&text);
}

static void
retype_attr(pg_ctx *c, const sd_object *t, const attr *a)
{
    sd_buf text = SD_BUF_INIT; /* "name TYPE type [COLLATE c]" */
    sd_buf_appendn(&text, a->item, a->name_len);
    sd_buf_append(&text, " TYPE");
    sd_buf_appendn(&text, a->item + a->name_len, a->len - a->name_len);
    put_attr_change(c, t, " ALTER ATTRIBUTE ", sd_buf_cstr(&text), text.len);
    sd_buf_dispose(&text);
}

/* The attribute changes ALTER TYPE can make (retypes too unless retype is false). */
static void
alter_attrs(pg_ctx *c, const sd_change *ch, bool retype)
{
    attr_lists l = { 0 };
    if (!(ch->fields & FBIT(SD_COMPOSITE_ATTRIBUTES)) || !load_attrs(c, ch, &l))
        return;
    for (size_t i = 0; i < l.nf; i++) {
        const attr *a = &l.from[i];
        size_t j = find_attr(l.to, l.nt, a);
        if (j == NOT_FOUND) {
            put(c, "-- destructive: composite type ");
            sd_emit__pg_comment_name(c, ch->from);
            put(c, " loses an attribute and the values stored in it\n");
            put_attr_change(c, ch->to, " DROP ATTRIBUTE ", a->item, a->name_len);
        } else if (retype &&
                   (l.to[j].len != a->len || strncmp(l.to[j].item, a->item, a->len) != 0)) {
            retype_attr(c, ch->to, &l.to[j]);
        }
    }
    for (size_t i = 0; i < l.nt; i++)
        if (find_attr(l.from, l.nf, &l.to[i]) == NOT_FOUND)
            put_attr_change(c, ch->to, " ADD ATTRIBUTE ", l.to[i].item, l.to[i].len);
}

static void
alter_composite(pg_ctx *c, const sd_change *ch)
{
    alter_attrs(c, ch, true);
}

/* Convert every kept column of type from (or an array of it) to the type named to_name
 * through its text form (NULL and every attribute kept). */
static void
convert_columns(pg_ctx *c, const sd_object *from, const char *schema, const char *to_name)
{
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n; i++) {
        bool array = false;
        const sd_object *to_col = converted_column(c, cols[i], from, &array);
        if (to_col == NULL)
            continue;
        const char *type =
            to_name == NULL ? "text" : qualified(c, schema, to_name, array ? "[]" : "");
        const char *cast = sd_arena_sprintf(
            c->scratch, "::text%s%s", to_name == NULL ? "" : "::", to_name == NULL ? "" : type);
        if (cast == NULL)
            sd_writer_nomem(&c->w);
        else
            sd_emit__pg_column_retype(c, cols[i], to_col, type, NULL, cast);
    }
}

/*
 * A composite whose kept attributes change type while columns use it: attributes dropped and
 * added in place, then the type renamed out of the way, created as in "to", its columns
 * converted through text (same attributes in the same order by then), the old one dropped.
 * Any other recreate (reordered attributes) drops and creates it (refused while in use).
 */
static void
recreate_composite(pg_ctx *c, const sd_change *ch)
{
    if (!sd_plan_pg_attrs_in_place(ch->from->v[SD_COMPOSITE_ATTRIBUTES].sql.text,
                                   ch->to->v[SD_COMPOSITE_ATTRIBUTES].sql.text)) {
        sd_emit__pg_drop_plain(c, ch->from);
        create_composite(c, ch->to);
        return;
    }
    alter_attrs(c, ch, false);
    const char *old = free_type_name(c, ch->from);
    put(c, "ALTER TYPE ");
    put_qname(c, ch->from->schema, ch->from->name);
    put(c, " RENAME TO ");
    put_ident(c, old);
    put(c, ";\n");
    create_composite(c, ch->to);
    convert_columns(c, ch->from, ch->to->schema, ch->to->name);
    put(c, "DROP TYPE ");
    put_qname(c, ch->from->schema, old);
    put(c, ";\n");
}

static void
create_range(pg_ctx *c, const sd_object *t)
{
    put(c, "CREATE TYPE ");
    put_qname(c, t->schema, t->name);
    put(c, " AS RANGE (");
    sd_emit__pg_fragment(c, t, "range definition", t->v[SD_RANGE_DEFINITION].sql.text, FRAG_COMMA);
    put(c, ");\n");
    sd_emit__pg_extras(c, t);
}

/*
 * A range type cannot be altered: it is dropped and created. Its columns (and arrays of it)
 * are converted to text first and back after, keeping their values (renaming it away as
 * for a composite would leave its multirange's name taken).
 */
static void
recreate_range(pg_ctx *c, const sd_change *ch)
{
    convert_columns(c, ch->from, NULL, NULL);
    sd_emit__pg_drop_plain(c, ch->from);
    create_range(c, ch->to);
    convert_columns(c, ch->from, ch->to->schema, ch->to->name);
}

/* ---- base types and shell types ---- */

/* A shell type (CREATE TYPE t;) has no input function. */
static bool
base_type_shell(const sd_object *t)
{
    return t->v[SD_BASE_TYPE_INPUT].names.len == 0;
}

/* The support functions, in CREATE TYPE's order; settable: ALTER TYPE ... SET takes it. */
static const struct {
    const char *key;
    int field;
    bool settable;
} BASE_TYPE_FUNCS[] = {
    { "INPUT", SD_BASE_TYPE_INPUT, false },        { "OUTPUT", SD_BASE_TYPE_OUTPUT, false },
    { "RECEIVE", SD_BASE_TYPE_RECEIVE, true },     { "SEND", SD_BASE_TYPE_SEND, true },
    { "TYPMOD_IN", SD_BASE_TYPE_TYPMOD_IN, true }, { "TYPMOD_OUT", SD_BASE_TYPE_TYPMOD_OUT, true },
    { "ANALYZE", SD_BASE_TYPE_ANALYZE, true },     { "SUBSCRIPT", SD_BASE_TYPE_SUBSCRIPT, true },
};

/* "KEY = s.f" of a support function ([schema, name]), "KEY = NONE" when unset. */
static void
put_type_func(pg_ctx *c, const sd_object *t, const char *key, int field)
{
    const sd_names *f = &t->v[field].names;
    put(c, key);
    put(c, " = ");
    if (f->len == 0) {
        put(c, "NONE");
        return;
    }
    if (f->len != 2) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, t, "a base type's %s function must be [schema, name]",
                       key);
        return;
    }
    put_qname(c, f->items[0], f->items[1]);
}

/* A word of a field with a fixed list of words (alignment, storage), checked here too. */
static void
put_type_word(pg_ctx *c, const sd_object *t, const char *sep, const char *key, int field)
{
    static const char *const WORDS[] = { "char",  "int2",     "int4",     "double",
                                         "plain", "external", "extended", "main" };
    const char *w = t->v[field].s;
    for (size_t i = 0; i < SD_ARRAY_LEN(WORDS) && w != NULL; i++) {
        if (!streq(w, WORDS[i]))
            continue;
        put(c, sep);
        put(c, key);
        put(c, " = ");
        put(c, w);
        return;
    }
    if (w != NULL)
        sd_writer_fail(&c->w, SD_ERR_PARSE, t, "invalid %s of a base type: %s", key, w);
}

/* CREATE TYPE t (...): every option pg_dump writes, those at their defaults left out. */
static void
put_base_type_definition(pg_ctx *c, const sd_object *t)
{
    const sd_value *v = t->v;
    put(c, "CREATE TYPE ");
    put_qname(c, t->schema, t->name);
    put(c, " (");
    for (size_t i = 0; i < SD_ARRAY_LEN(BASE_TYPE_FUNCS); i++) {
        if (i >= 2 && v[BASE_TYPE_FUNCS[i].field].names.len == 0)
            continue;
        put(c, i > 0 ? ", " : "");
        put_type_func(c, t, BASE_TYPE_FUNCS[i].key, BASE_TYPE_FUNCS[i].field);
    }
    put(c, ", INTERNALLENGTH = ");
    if (v[SD_BASE_TYPE_INTERNAL_LENGTH].i == -1)
        put(c, "VARIABLE");
    else
        sd_emit__pg_int(c, v[SD_BASE_TYPE_INTERNAL_LENGTH].i);
    if (v[SD_BASE_TYPE_PASSED_BY_VALUE].b)
        put(c, ", PASSEDBYVALUE");
    put_type_word(c, t, ", ", "ALIGNMENT", SD_BASE_TYPE_ALIGNMENT);
    put_type_word(c, t, ", ", "STORAGE", SD_BASE_TYPE_STORAGE);
    if (v[SD_BASE_TYPE_CATEGORY].s != NULL && !streq(v[SD_BASE_TYPE_CATEGORY].s, "U")) {
        put(c, ", CATEGORY = ");
        put_literal(c, v[SD_BASE_TYPE_CATEGORY].s);
    }
    if (v[SD_BASE_TYPE_PREFERRED].b)
        put(c, ", PREFERRED = true");
    if (v[SD_BASE_TYPE_DEFAULT].s != NULL) {
        put(c, ", DEFAULT = ");
        put_literal(c, v[SD_BASE_TYPE_DEFAULT].s);
    }
    if (v[SD_BASE_TYPE_ELEMENT].s != NULL) {
        put(c, ", ELEMENT = ");
        sd_emit__pg_fragment(c, t, "element type", v[SD_BASE_TYPE_ELEMENT].s, 0);
    }
    if (v[SD_BASE_TYPE_DELIMITER].s != NULL && !streq(v[SD_BASE_TYPE_DELIMITER].s, ",")) {
        put(c, ", DELIMITER = ");
        put_literal(c, v[SD_BASE_TYPE_DELIMITER].s);
    }
    if (v[SD_BASE_TYPE_COLLATABLE].b)
        put(c, ", COLLATABLE = true");
    put(c, ");\n");
}

static void
put_shell_type(pg_ctx *c, const sd_object *t)
{
    put(c, "CREATE TYPE ");
    put_qname(c, t->schema, t->name);
    put(c, ";\n");
}

/* A new base type whose definition the change list puts off (always, diff/order.c): the
 * shell alone, for its I/O functions; the definition and extras come with the deferred
 * change (complete_base_type), as pg_dump writes them. */
static void
create_base_type(pg_ctx *c, const sd_object *t)
{
    put_shell_type(c, t);
    if (base_type_shell(t)) {
        sd_emit__pg_extras(c, t);
        return;
    }
    if (sd_emit__pg_deferred(c, t))
        return;
    put_base_type_definition(c, t);
    sd_emit__pg_extras(c, t);
}

static void
complete_base_type(pg_ctx *c, const sd_object *t)
{
    put_base_type_definition(c, t);
    sd_emit__pg_extras(c, t);
}

/* Whether o of "from" uses base type t or one of its I/O functions (which DROP TYPE ...
 * CASCADE takes along: a view or default calling one would go with them). */
static bool
uses_base_type(const pg_ctx *c, const sd_object *o, const sd_object *t)
{
    if (sd_object_depends_on(c->from, o, t))
        return true;
    for (size_t d = 0; d < o->ndeps; d++) {
        const sd_object *f = sd_model_find_ref(c->from, &o->deps[d]);
        if (f != NULL && sd_base_type_io_function(c->from, t, f))
            return true;
    }
    return false;
}

/* An object of "from" other than t and its own I/O functions that uses base type t or one
 * of those functions, or NULL. */
static const sd_object *
base_type_user(const pg_ctx *c, const sd_object *t)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = 0;
        const sd_object *const *objs = sd_model_objects(c->from, (sd_kind)k, &n);
        for (size_t i = 0; i < n; i++) {
            if (objs[i] != t && !sd_base_type_io_function(c->from, t, objs[i]) &&
                uses_base_type(c, objs[i], t))
                return objs[i];
        }
    }
    return NULL;
}

/*
 * DROP TYPE ... CASCADE, the one exception to "nothing is dropped with CASCADE": a base type
 * and its I/O functions depend on each other, and PostgreSQL drops neither alone (pg_dump's
 * own DROP TYPE of one has CASCADE too). Everything else that used it went before it (the
 * change list drops dependents first, and the I/O functions' drops leave them to this one);
 * the guard makes sure of it, so that CASCADE takes nothing but those functions and the
 * type's array type.
 */
static void
drop_base_type_cascade(pg_ctx *c, const sd_object *t, const sd_object *to)
{
    sd_buf name = SD_BUF_INIT;
    sd_buf lit = SD_BUF_INIT;
    sd_buf body = SD_BUF_INIT;
    sd_buf also = SD_BUF_INIT;
    sd_sql_qualified(&name, PGE, t->schema, t->name);
    sd_sql_literal(&lit, PGE, sd_buf_cstr(&name));
    const char *l = sd_buf_cstr(&lit);
    /* A type dropped to be created again (to): "to"'s I/O functions of it are made again
     * after it, those the script has already created among them (a new input function)
     * included. */
    size_t n = 0;
    const sd_object *const *fns = to != NULL ? sd_model_objects(c->to, SD_KIND_FUNCTION, &n) : NULL;
    for (size_t i = 0; i < n; i++) {
        const char *fname = fns[i]->v[SD_FUNCTION_NAME].s;
        if (fname == NULL || !sd_base_type_io_function(c->to, to, fns[i]) ||
            strncmp(fns[i]->name, fname, strlen(fname)) != 0)
            continue;
        size_t len = strlen(fname);
        sd_buf sig = SD_BUF_INIT;
        sd_sql_qualified(&sig, PGE, fns[i]->schema, fname);
        sd_buf_append(&sig, fns[i]->name + len);
        sd_buf_append(&also, " OR d.objid = pg_catalog.to_regprocedure(");
        sd_sql_literal(&also, PGE, sd_buf_cstr(&sig));
        sd_buf_append(&also, ")::pg_catalog.oid");
        if (sd_buf_failed(&sig))
            sd_writer_nomem(&c->w);
        sd_buf_dispose(&sig);
    }
    sd_buf_appendf(&body,
                   "\nDECLARE\n    u text;\nBEGIN\n"
                   "    SELECT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid) "
                   "INTO u\n    FROM pg_catalog.pg_depend d\n"
                   "    WHERE d.deptype = 'n' AND ((d.refclassid = "
                   "'pg_catalog.pg_type'::pg_catalog.regclass\n"
                   "    AND d.refobjid IN (%s::pg_catalog.regtype, (SELECT y.typarray FROM "
                   "pg_catalog.pg_type y WHERE y.oid = %s::pg_catalog.regtype)))\n"
                   "    OR (d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND "
                   "d.refobjid IN (SELECT f.refobjid FROM pg_catalog.pg_depend f WHERE f.classid "
                   "= 'pg_catalog.pg_type'::pg_catalog.regclass AND f.objid = "
                   "%s::pg_catalog.regtype AND f.refclassid = "
                   "'pg_catalog.pg_proc'::pg_catalog.regclass)\n"
                   "    AND NOT (d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND "
                   "d.objid IN (%s::pg_catalog.regtype, (SELECT y.typarray FROM "
                   "pg_catalog.pg_type y WHERE y.oid = %s::pg_catalog.regtype)))))\n"
                   "    AND NOT (d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND "
                   "(d.objid IN (SELECT f.refobjid FROM pg_catalog.pg_depend f WHERE f.classid "
                   "= 'pg_catalog.pg_type'::pg_catalog.regclass AND f.objid = "
                   "%s::pg_catalog.regtype AND f.refclassid = "
                   "'pg_catalog.pg_proc'::pg_catalog.regclass)%s))\n"
                   "    ORDER BY 1 LIMIT 1;\n"
                   "    IF u IS NOT NULL THEN\n"
                   "        RAISE EXCEPTION 'base type %% is still used by %%', %s, u\n"
                   "            USING HINT = ",
                   l, l, l, l, l, l, sd_buf_cstr(&also), l);
    sd_sql_literal(&body, PGE, "Nothing was changed: DROP TYPE ... CASCADE would take it along.");
    sd_buf_append(&body, ";\n    END IF;\nEND\n");
    if (sd_buf_failed(&name) || sd_buf_failed(&lit) || sd_buf_failed(&body) || sd_buf_failed(&also))
        sd_writer_nomem(&c->w);
    put(c, "-- guard: nothing but its own I/O functions uses base type ");
    sd_emit__pg_comment_name(c, t);
    put(c, "\nDO ");
    if (c->w.rc == SD_OK)
        sd_sql_dollar_body(c->w.out, sd_buf_cstr(&body));
    put(c, ";\n-- CASCADE takes its I/O functions along (each depends on the other)\nDROP TYPE ");
    put_qname(c, t->schema, t->name);
    put(c, " CASCADE;\n");
    sd_buf_dispose(&name);
    sd_buf_dispose(&lit);
    sd_buf_dispose(&body);
    sd_buf_dispose(&also);
}

static void
drop_base_type(pg_ctx *c, const sd_object *t)
{
    if (base_type_shell(t))
        sd_emit__pg_drop_plain(c, t);
    else
        drop_base_type_cascade(c, t, NULL);
}

/* A base type's own I/O function that a DROP TYPE ... CASCADE of the change list takes
 * along: its type, else NULL. */
static const sd_object *
cascading_type(const pg_ctx *c, const sd_object *f)
{
    for (size_t d = 0; d < f->ndeps; d++) {
        const sd_object *t = sd_model_find_ref(c->from, &f->deps[d]);
        const sd_change *ch = t != NULL ? sd_changelist_find(c->cl, t) : NULL;
        bool goes = ch != NULL && (ch->op == SD_OP_DROP || sd_plan_pg_recreates(c->cl, ch));
        if (goes && sd_base_type_io_function(c->from, t, f))
            return t;
    }
    return NULL;
}

static void
drop_function(pg_ctx *c, const sd_object *f)
{
    const sd_object *t = cascading_type(c, f);
    if (t == NULL) {
        sd_emit__pg_drop_plain(c, f);
        return;
    }
    put(c, "-- ");
    sd_emit__pg_comment_name(c, f);
    put(c, " goes with base type ");
    sd_emit__pg_comment_name(c, t);
    put(c, " (DROP TYPE ... CASCADE)\n");
}

/* ALTER TYPE ... SET (STORAGE) leaves the columns that exist as they were: those kept whose
 * storage in "to" is the type's own get it. */
static void
restore_column_storage(pg_ctx *c, const sd_change *ch)
{
    const char *word = sd_emit__pg_storage_keyword(ch->to->v[SD_BASE_TYPE_STORAGE].s);
    size_t n = 0;
    const sd_object *const *cols = sd_model_objects(c->from, SD_KIND_COLUMN, &n);
    for (size_t i = 0; i < n && word != NULL; i++) {
        bool array = false;
        const sd_object *tc = sd_model_find_key(c->to, SD_KIND_COLUMN, cols[i]->key);
        if (tc == NULL || !sd_plan_pg_type_is(cols[i], ch->from, &array) || array ||
            !sd_plan_pg_type_is(tc, ch->to, &array) || array ||
            tc->v[SD_COLUMN_STORAGE].s != NULL || cols[i]->v[SD_COLUMN_INHERITED].b ||
            sd_table_is_foreign(cols[i]->owner))
            continue;
        put(c, "ALTER TABLE ");
        put_qname(c, tc->schema, tc->table);
        put(c, " ALTER COLUMN ");
        put_ident(c, tc->name);
        put(c, " SET STORAGE ");
        put(c, word);
        put(c, ";\n");
    }
}

/*
 * A shell type gets its definition in place (CREATE TYPE over the shell); the support
 * functions but input and output, and the storage, change with ALTER TYPE ... SET (anything
 * else: recreate_base_type()).
 */
static void
alter_base_type(pg_ctx *c, const sd_change *ch)
{
    const sd_object *t = ch->to;
    if (base_type_shell(ch->from)) {
        if (base_type_shell(t))
            return;
        /* PostgreSQL fills in a shell only for its owner: the script's user takes it over
         * for the definition, and "from"'s owner has it back (the owner change, if any,
         * follows). */
        const char *owner = ch->from->v[SD_BASE_TYPE_OWNER].s;
        if (owner != NULL) {
            put(c, "ALTER TYPE ");
            put_qname(c, t->schema, t->name);
            put(c, " OWNER TO CURRENT_USER;\n");
        }
        put_base_type_definition(c, t);
        if (owner != NULL) {
            put(c, "ALTER TYPE ");
            put_qname(c, t->schema, t->name);
            put(c, " OWNER TO ");
            put_ident(c, owner);
            put(c, ";\n");
        }
        return;
    }
    bool first = true;
    for (size_t i = 0; i < SD_ARRAY_LEN(BASE_TYPE_FUNCS); i++) {
        if (!BASE_TYPE_FUNCS[i].settable || !(ch->fields & FBIT(BASE_TYPE_FUNCS[i].field)))
            continue;
        put(c, first ? "ALTER TYPE " : ", ");
        if (first) {
            put_qname(c, t->schema, t->name);
            put(c, " SET (");
        }
        first = false;
        put_type_func(c, t, BASE_TYPE_FUNCS[i].key, BASE_TYPE_FUNCS[i].field);
    }
    if (ch->fields & FBIT(SD_BASE_TYPE_STORAGE)) {
        if (first) {
            put(c, "ALTER TYPE ");
            put_qname(c, t->schema, t->name);
            put(c, " SET (");
        }
        put_type_word(c, t, first ? "" : ", ", "STORAGE", SD_BASE_TYPE_STORAGE);
        first = false;
    }
    if (!first)
        put(c, ");\n");
    if (ch->fields & FBIT(SD_BASE_TYPE_STORAGE))
        restore_column_storage(c, ch);
}

/*
 * A change no ALTER TYPE makes: DROP TYPE ... CASCADE (guarded, as for a drop: it takes the
 * type's own I/O functions along), the shell, "to"'s I/O functions of it (those of "from"
 * went with it; a new one its change created before went too), the definition. Refused
 * while anything else uses it: CASCADE would take every column of the type along.
 */
static void
recreate_base_type(pg_ctx *c, const sd_change *ch)
{
    const sd_object *t = ch->to;
    const sd_object *user = base_type_user(c, ch->from);
    if (user != NULL) {
        sd_buf u = SD_BUF_INIT;
        sd_object_describe(&u, user);
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, t,
                       "a change no ALTER TYPE makes (it takes DROP TYPE and CREATE TYPE) while "
                       "%s uses it is not supported",
                       sd_buf_cstr(&u));
        sd_err_hint(c->w.err, "ALTER TYPE ... SET changes only RECEIVE, SEND, TYPMOD_IN, "
                              "TYPMOD_OUT, ANALYZE, SUBSCRIPT and STORAGE: create the new "
                              "definition under another type name and move the columns over, "
                              "or drop and create the type by hand");
        sd_buf_dispose(&u);
        return;
    }
    drop_base_type_cascade(c, ch->from, t);
    put_shell_type(c, t);
    if (!base_type_shell(t)) {
        size_t n = 0;
        const sd_object *const *fns = sd_model_objects(c->to, SD_KIND_FUNCTION, &n);
        for (size_t i = 0; i < n; i++) {
            if (!sd_base_type_io_function(c->to, t, fns[i]))
                continue;
            c->created[SD_KIND_FUNCTION][fns[i]->index] = true;
            sd_emit__pg_ops(SD_KIND_FUNCTION)->create(c, fns[i]);
        }
        put_base_type_definition(c, t);
    }
    sd_emit__pg_extras(c, t);
}

/* ---- sequence ---- */

/* The options of fields in mask (all for a CREATE), each preceded by a space. */
static void
put_sequence_options(pg_ctx *c, const sd_object *s, uint64_t mask)
{
    const sd_value *v = s->v;
    if ((mask & FBIT(SD_SEQUENCE_TYPE)) && v[SD_SEQUENCE_TYPE].s != NULL) {
        put(c, " AS ");
        sd_emit__pg_fragment(c, s, "sequence type", v[SD_SEQUENCE_TYPE].s, 0);
    }
    static const struct {
        int field;
        const char *word;
    } NUMS[] = { { SD_SEQUENCE_START, " START WITH " },
                 { SD_SEQUENCE_INCREMENT, " INCREMENT BY " },
                 { SD_SEQUENCE_MIN, " MINVALUE " },
                 { SD_SEQUENCE_MAX, " MAXVALUE " },
                 { SD_SEQUENCE_CACHE, " CACHE " } };
    for (size_t i = 0; i < SD_ARRAY_LEN(NUMS); i++) {
        if (!(mask & FBIT(NUMS[i].field)))
            continue;
        put(c, NUMS[i].word);
        sd_emit__pg_int(c, v[NUMS[i].field].i);
    }
    if (mask & FBIT(SD_SEQUENCE_CYCLE))
        put(c, v[SD_SEQUENCE_CYCLE].b ? " CYCLE" : " NO CYCLE");
}

#define SEQ_OPTIONS                                                                   \
    (FBIT(SD_SEQUENCE_TYPE) | FBIT(SD_SEQUENCE_START) | FBIT(SD_SEQUENCE_INCREMENT) | \
     FBIT(SD_SEQUENCE_MIN) | FBIT(SD_SEQUENCE_MAX) | FBIT(SD_SEQUENCE_CACHE) |        \
     FBIT(SD_SEQUENCE_CYCLE))

static void
create_sequence(pg_ctx *c, const sd_object *s)
{
    put(c, "CREATE SEQUENCE ");
    put_qname(c, s->schema, s->name);
    put_sequence_options(c, s, SEQ_OPTIONS);
    put(c, ";\n");
    sd_emit__pg_extras(c, s);
}

static void
drop_sequence(pg_ctx *c, const sd_object *s)
{
    put(c, "-- destructive: drops sequence ");
    sd_emit__pg_comment_name(c, s);
    put(c, " and its current value\n");
    sd_emit__pg_drop_plain(c, s);
}

/* smallint 1, integer 2, bigint (or unknown) 3: which of two sequence types holds more. */
static int
seq_type_rank(const char *t)
{
    return streq(t, "smallint") ? 1 : streq(t, "integer") ? 2 : 3;
}

/*
 * ALTER SEQUENCE refuses bounds that exclude the current value. An ascending sequence whose
 * MINVALUE rises (or a descending one whose MAXVALUE falls, as when it turns from ascending
 * to descending) is first moved to the new bound, where its new direction starts; that only
 * skips values it would not have produced anyway. setval() checks the old bounds, so when
 * the new bound lies outside them they are first widened to cover both ranges (with the
 * larger of the two types).
 */
static void
sequence_clamp(pg_ctx *c, const sd_change *ch)
{
    const sd_value *f = ch->from->v;
    const sd_value *t = ch->to->v;
    int64_t fmin = f[SD_SEQUENCE_MIN].i;
    int64_t fmax = f[SD_SEQUENCE_MAX].i;
    int64_t tmin = t[SD_SEQUENCE_MIN].i;
    int64_t tmax = t[SD_SEQUENCE_MAX].i;
    bool up = t[SD_SEQUENCE_INCREMENT].i > 0 && tmin > fmin;
    bool down = t[SD_SEQUENCE_INCREMENT].i < 0 && tmax < fmax;
    if (!up && !down)
        return;
    int64_t bound = up ? tmin : tmax;
    if (bound < fmin || bound > fmax) {
        const char *ft = f[SD_SEQUENCE_TYPE].s;
        const char *tt = t[SD_SEQUENCE_TYPE].s;
        put(c, "ALTER SEQUENCE ");
        put_qname(c, ch->from->schema, ch->from->name);
        if ((ch->fields & FBIT(SD_SEQUENCE_TYPE)) && tt != NULL &&
            seq_type_rank(tt) > seq_type_rank(ft)) {
            put(c, " AS ");
            sd_emit__pg_fragment(c, ch->to, "sequence type", tt, 0);
        }
        put(c, " MINVALUE ");
        sd_emit__pg_int(c, fmin < tmin ? fmin : tmin);
        put(c, " MAXVALUE ");
        sd_emit__pg_int(c, fmax > tmax ? fmax : tmax);
        put(c, ";\n");
    }
    sd_buf name = SD_BUF_INIT;
    sd_sql_qualified(&name, PGE, ch->from->schema, ch->from->name);
    /* A moved value is not called yet, so the bound itself comes next. */
    put(c, "SELECT pg_catalog.setval(");
    put_literal(c, sd_buf_cstr(&name));
    put(c, up ? ", GREATEST(last_value, " : ", LEAST(last_value, ");
    sd_emit__pg_int(c, bound);
    put(c, up ? "), is_called AND last_value >= " : "), is_called AND last_value <= ");
    sd_emit__pg_int(c, bound);
    put(c, ") FROM ");
    put(c, sd_buf_cstr(&name));
    put(c, ";\n");
    if (sd_buf_failed(&name))
        sd_writer_nomem(&c->w);
    sd_buf_dispose(&name);
}

static void
alter_sequence(pg_ctx *c, const sd_change *ch)
{
    if (!(ch->fields & SEQ_OPTIONS))
        return;
    sequence_clamp(c, ch);
    put(c, "ALTER SEQUENCE ");
    put_qname(c, ch->to->schema, ch->to->name);
    put_sequence_options(c, ch->to, ch->fields & SEQ_OPTIONS);
    put(c, ";\n");
}

void
sd_emit__pg_sequence_owned_by(pg_ctx *c, const sd_object *seq, const char *owned_by)
{
    put(c, "ALTER SEQUENCE ");
    put_qname(c, seq->schema, seq->name);
    put(c, " OWNED BY ");
    if (owned_by != NULL)
        sd_emit__pg_fragment(c, seq, "owned_by", owned_by, 0);
    else
        put(c, "NONE");
    put(c, ";\n");
}

/* ---- function ---- */

static void
put_function_definition(pg_ctx *c, const sd_object *f)
{
    sd_emit__pg_fragment(c, f, "function definition", f->v[SD_FUNCTION_DEFINITION].sql.text,
                         FRAG_COMMA | FRAG_SEMI | FRAG_CREATE | FRAG_TRIM);
    put(c, ";\n");
}

static void
create_function(pg_ctx *c, const sd_object *f)
{
    put_function_definition(c, f);
    sd_emit__pg_extras(c, f);
}

static void
alter_function(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & FBIT(SD_FUNCTION_DEFINITION))
        put_function_definition(c, ch->to); /* CREATE OR REPLACE, as stored */
}

/* ---- views and materialized views ---- */

/* A reloption "key=value" (view, matview, table, index): word characters only, written as
 * is; a table's TOAST options have the key prefix "toast.". */
static bool
option_ok(const char *s)
{
    const char *eq = strchr(s, '=');
    if (eq == NULL || eq == s || eq[1] == '\0')
        return false;
    for (const char *p = s; *p != '\0'; p++) {
        bool lower = (*p >= 'a' && *p <= 'z') || *p == '_' || (p < eq && *p == '.');
        bool value = p > eq && ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
                                *p == '-');
        if (!lower && !value && p != eq)
            return false;
    }
    return true;
}

static void
put_option(pg_ctx *c, const sd_object *v, const char *opt, bool key_only)
{
    if (!option_ok(opt)) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, v, "invalid option \"%s\"", opt);
        return;
    }
    if (key_only) {
        if (c->w.rc == SD_OK)
            sd_buf_appendn(c->w.out, opt, (size_t)(strchr(opt, '=') - opt));
    } else {
        put(c, opt);
    }
}

static void put_with_options(pg_ctx *c, const sd_object *o, const sd_names *n);

/* The end of a "column type" entry's (quoted) column name. */
static const char *
view_column_end(const char *p)
{
    if (*p != '"')
        return strchr(p, ' ');
    for (p++; *p != '\0'; p++) {
        if (*p == '"' && p[1] == '"')
            p++;
        else if (*p == '"')
            return p + 1;
    }
    return NULL;
}

/*
 * As pg_dump does for a view in a dependency loop: the view with its columns' names and
 * types, NULL each (SELECT NULL::type AS column, ...), so that what reads it can be created;
 * its query replaces it later (put_view with CREATE OR REPLACE), when what the query reads exists.
 */
static void
create_view_stub(pg_ctx *c, const sd_object *v)
{
    const sd_names *cols = &v->v[SD_VIEW_COLUMNS].names;
    put(c, "CREATE VIEW ");
    put_qname(c, v->schema, v->name);
    put(c, " AS SELECT");
    for (size_t i = 0; i < cols->len; i++) {
        const char *e = cols->items[i];
        const char *end = view_column_end(e);
        if (end == NULL || *end != ' ') {
            sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, v, "malformed view column entry");
            return;
        }
        sd_buf name = SD_BUF_INIT;
        if (*e == '"') {
            for (const char *p = e + 1; p + 1 < end; p++) {
                sd_buf_putc(&name, *p);
                if (*p == '"')
                    p++; /* "" stands for one " */
            }
        } else {
            sd_buf_appendn(&name, e, (size_t)(end - e));
        }
        put(c, i > 0 ? ", NULL::" : " NULL::");
        sd_emit__pg_fragment(c, v, "view column type", end + 1, 0);
        put(c, " AS ");
        put_ident(c, sd_buf_cstr(&name));
        sd_buf_dispose(&name);
    }
    put(c, ";\n");
}

/* CREATE VIEW, or CREATE OR REPLACE VIEW over a stub, then its owner, grants and comments. */
static void
put_view(pg_ctx *c, const sd_object *v, const char *verb)
{
    put(c, verb);
    put_qname(c, v->schema, v->name);
    put_with_options(c, v, &v->v[SD_VIEW_OPTIONS].names);
    put(c, " AS ");
    sd_emit__pg_fragment(c, v, "view query", v->v[SD_VIEW_SQL].sql.text,
                         FRAG_COMMA | FRAG_TRIM | FRAG_QUERY);
    put(c, ";\n");
    sd_emit__pg_extras(c, v);
    sd_emit__pg_column_extras(c, v, SD_VIEW_COLUMN_ACLS, SD_VIEW_COLUMN_COMMENTS);
}

static void
create_view(pg_ctx *c, const sd_object *v)
{
    if (sd_emit__pg_deferred(c, v)) {
        create_view_stub(c, v);
        return;
    }
    put_view(c, v, "CREATE VIEW ");
}

/* Length of the key of a "key=value" option. */
static size_t
option_key_len(const char *opt)
{
    const char *eq = strchr(opt, '=');
    return eq != NULL ? (size_t)(eq - opt) : strlen(opt);
}

static bool
has_option_key(const sd_names *n, const char *opt)
{
    size_t len = option_key_len(opt);
    for (size_t i = 0; i < n->len; i++)
        if (option_key_len(n->items[i]) == len && strncmp(n->items[i], opt, len) == 0)
            return true;
    return false;
}

/* " WITH (k=v, ...)" for the options in n (nothing when there are none). */
static void
put_with_options(pg_ctx *c, const sd_object *o, const sd_names *n)
{
    for (size_t i = 0; i < n->len; i++) {
        put(c, i == 0 ? " WITH (" : ", ");
        put_option(c, o, n->items[i], false);
    }
    put(c, n->len > 0 ? ")" : "");
}

void
sd_emit__pg_with_options(pg_ctx *c, const sd_object *o, const sd_names *n)
{
    put_with_options(c, o, n);
}

/* "ALTER <kw> o", or for a column "ALTER TABLE ONLY t ALTER COLUMN o" (ONLY: a child's
 * attribute options are its own, as pg_dump writes them). */
static void
put_options_head(pg_ctx *c, const sd_object *o, const char *kw)
{
    if (o->kind == SD_KIND_COLUMN) {
        put(c, "ALTER TABLE ONLY ");
        put_qname(c, o->schema, o->table);
        put(c, " ALTER COLUMN ");
        put_ident(c, o->name);
        return;
    }
    put(c, "ALTER ");
    put(c, kw);
    put(c, " ");
    put_qname(c, o->schema, o->name);
}

/* ALTER <kw> o RESET (...) / SET (...) turning the options from into to; kw NULL: o's
 * kind's keyword. */
static void
put_alter_options(pg_ctx *c,
                  const sd_object *o,
                  const char *kw,
                  const sd_names *f,
                  const sd_names *t)
{
    if (kw == NULL)
        kw = sd_emit__pg_keyword(o);
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++) {
        if (has_option_key(t, f->items[i]))
            continue;
        if (n++ == 0) {
            put_options_head(c, o, kw);
            put(c, " RESET (");
        } else {
            put(c, ", ");
        }
        put_option(c, o, f->items[i], true);
    }
    put(c, n > 0 ? ");\n" : "");
    n = 0;
    for (size_t i = 0; i < t->len; i++) {
        if (names_have(f, t->items[i]))
            continue;
        if (n++ == 0) {
            put_options_head(c, o, kw);
            put(c, " SET (");
        } else {
            put(c, ", ");
        }
        put_option(c, o, t->items[i], false);
    }
    put(c, n > 0 ? ");\n" : "");
}

void
sd_emit__pg_alter_options(pg_ctx *c, const sd_change *ch, int field)
{
    if (ch->fields & FBIT(field))
        put_alter_options(c, ch->to, NULL, &ch->from->v[field].names, &ch->to->v[field].names);
}

void
sd_emit__pg_alter_index_options(pg_ctx *c, const sd_change *ch, int field)
{
    if (ch->fields & FBIT(field))
        put_alter_options(c, ch->to, "INDEX", &ch->from->v[field].names, &ch->to->v[field].names);
}

void
sd_emit__pg_put_options(pg_ctx *c, const sd_object *o, const sd_names *f, const sd_names *t)
{
    put_alter_options(c, o, NULL, f, t);
}

void
sd_emit__pg_set_options(pg_ctx *c, const sd_object *o, int field)
{
    static const sd_names NONE = { NULL, 0 };
    put_alter_options(c, o, NULL, &NONE, &o->v[field].names);
}

static void
alter_view(pg_ctx *c, const sd_change *ch)
{
    sd_emit__pg_alter_options(c, ch, SD_VIEW_OPTIONS);
    sd_emit__pg_alter_column_extras(c, ch, SD_VIEW_COLUMN_ACLS, SD_VIEW_COLUMN_COMMENTS);
}

/* " USING am" of a table or materialized view whose access method is not heap (NULL): heap
 * is what the script's header makes the default. */
void
sd_emit__pg_using(pg_ctx *c, const char *am)
{
    if (am == NULL)
        return;
    put(c, " USING ");
    put_ident(c, am);
}

/* ALTER ... SET ACCESS METHOD (PostgreSQL 15; it rewrites the relation); NULL: heap. */
void
sd_emit__pg_set_access_method(pg_ctx *c, const sd_object *o, const char *am)
{
    put(c, o->kind == SD_KIND_MATVIEW ? "ALTER MATERIALIZED VIEW " : "ALTER TABLE ");
    put_qname(c, o->schema, o->name);
    put(c, " SET ACCESS METHOD ");
    put_ident(c, am != NULL ? am : "heap");
    put(c, ";\n");
}

static void
create_matview(pg_ctx *c, const sd_object *m)
{
    put(c, "CREATE MATERIALIZED VIEW ");
    put_qname(c, m->schema, m->name);
    sd_emit__pg_using(c, m->v[SD_MATVIEW_ACCESS_METHOD].s);
    put_with_options(c, m, &m->v[SD_MATVIEW_OPTIONS].names);
    put(c, " AS ");
    sd_emit__pg_fragment(c, m, "materialized view query", m->v[SD_MATVIEW_SQL].sql.text,
                         FRAG_COMMA | FRAG_TRIM | FRAG_QUERY);
    put(c, m->v[SD_MATVIEW_NO_DATA].b ? " WITH NO DATA;\n" : " WITH DATA;\n");
    sd_emit__pg_extras(c, m);
    sd_emit__pg_column_extras(c, m, SD_MATVIEW_COLUMN_ACLS, SD_MATVIEW_COLUMN_COMMENTS);
}

static void
alter_matview(pg_ctx *c, const sd_change *ch)
{
    sd_emit__pg_alter_options(c, ch, SD_MATVIEW_OPTIONS);
    sd_emit__pg_alter_column_extras(c, ch, SD_MATVIEW_COLUMN_ACLS, SD_MATVIEW_COLUMN_COMMENTS);
    if (ch->fields & FBIT(SD_MATVIEW_ACCESS_METHOD))
        sd_emit__pg_set_access_method(c, ch->to, ch->to->v[SD_MATVIEW_ACCESS_METHOD].s);
    if (ch->fields & FBIT(SD_MATVIEW_NO_DATA)) {
        put(c, "REFRESH MATERIALIZED VIEW ");
        put_qname(c, ch->to->schema, ch->to->name);
        put(c, ch->to->v[SD_MATVIEW_NO_DATA].b ? " WITH NO DATA;\n" : ";\n");
    }
}

/* ---- index ---- */

static void
put_keypart(pg_ctx *c, const sd_object *ix, const sd_keypart *k)
{
    if (k->column != NULL) {
        put_ident(c, k->column);
    } else {
        put(c, "(");
        sd_emit__pg_fragment(c, ix, "index expression", k->expr.text, FRAG_EXPR);
        put(c, ")");
    }
    if (k->collation != NULL) {
        put(c, " COLLATE ");
        sd_emit__pg_fragment(c, ix, "collation", k->collation, 0);
    }
    if (k->opclass != NULL) {
        put(c, " ");
        sd_emit__pg_fragment(c, ix, "operator class", k->opclass, 0);
    }
    if (k->desc)
        put(c, " DESC");
    if (k->nulls != NULL) {
        if (streq(k->nulls, "first"))
            put(c, " NULLS FIRST");
        else if (streq(k->nulls, "last"))
            put(c, " NULLS LAST");
        else
            sd_writer_fail(&c->w, SD_ERR_PARSE, ix, "invalid NULLS ordering of an index key");
    }
}

/* ALTER TABLE (or MATERIALIZED VIEW) CLUSTER ON ix, or SET WITHOUT CLUSTER. */
static void
put_cluster(pg_ctx *c, const sd_object *ix, bool on)
{
    bool mat = sd_model_find(c->to, SD_KIND_MATVIEW, ix->schema, NULL, ix->table) != NULL;
    put(c, mat ? "ALTER MATERIALIZED VIEW " : "ALTER TABLE ");
    put_qname(c, ix->schema, ix->table);
    if (on) {
        put(c, " CLUSTER ON ");
        put_ident(c, ix->name);
        put(c, ";\n");
    } else {
        put(c, " SET WITHOUT CLUSTER;\n");
    }
}

/* Whether s is "n=t": a column number, then a statistics target (digits, maybe negative);
 * *len is the length of "n=", the key to match items of the other side by. */
static bool
stat_item(const char *s, size_t *len)
{
    size_t n = strspn(s, "0123456789");
    if (n == 0 || s[n] != '=')
        return false;
    const char *t = s + n + 1;
    if (*t == '-')
        t++;
    *len = n + 1;
    return *t != '\0' && strspn(t, "0123456789") == strlen(t);
}

/* The statistics item of names for the column key "n=", or NULL. */
static const char *
stat_find(const sd_names *names, const char *key, size_t len)
{
    for (size_t i = 0; names != NULL && i < names->len; i++)
        if (strncmp(names->items[i], key, len) == 0)
            return names->items[i];
    return NULL;
}

static void
put_stat(pg_ctx *c, const sd_object *ix, const char *item, size_t len, const char *target)
{
    put(c, "ALTER INDEX ");
    put_qname(c, ix->schema, ix->name);
    put(c, " ALTER COLUMN ");
    if (c->w.rc == SD_OK)
        sd_buf_appendn(c->w.out, item, len - 1);
    put(c, " SET STATISTICS ");
    put(c, target);
    put(c, ";\n");
}

/* ALTER INDEX ... ALTER COLUMN n SET STATISTICS for the targets of ix that from (NULL: a new
 * index) lacks or has otherwise; -1 (the default) for those only from has. */
static void
put_index_statistics(pg_ctx *c, const sd_object *ix, const sd_object *from)
{
    const sd_names *to_st = &ix->v[SD_INDEX_STATISTICS].names;
    const sd_names *from_st = from != NULL ? &from->v[SD_INDEX_STATISTICS].names : NULL;
    size_t nto = to_st->len; /* read first: stat_find() accepting NULL misleads the analyzer */
    size_t len = 0;
    for (size_t i = 0; from_st != NULL && i < from_st->len; i++) {
        if (!stat_item(from_st->items[i], &len))
            sd_writer_fail(&c->w, SD_ERR_PARSE, ix, "invalid index statistics target");
        else if (stat_find(to_st, from_st->items[i], len) == NULL)
            put_stat(c, ix, from_st->items[i], len, "-1");
    }
    for (size_t i = 0; i < nto; i++) {
        const char *item = to_st->items[i];
        if (!stat_item(item, &len))
            sd_writer_fail(&c->w, SD_ERR_PARSE, ix, "invalid index statistics target");
        else if (!streq(stat_find(from_st, item, len), item))
            put_stat(c, ix, item, len, item + len);
    }
}

static void
create_index(pg_ctx *c, const sd_object *ix)
{
    const sd_value *v = ix->v;
    put(c, v[SD_INDEX_UNIQUE].b ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    put_ident(c, ix->name);
    put(c, " ON ");
    put_qname(c, ix->schema, ix->table);
    if (v[SD_INDEX_METHOD].s != NULL) {
        put(c, " USING ");
        put_ident(c, v[SD_INDEX_METHOD].s);
    }
    put(c, " (");
    for (size_t i = 0; i < v[SD_INDEX_KEYS].keys.len; i++) {
        if (i > 0)
            put(c, ", ");
        put_keypart(c, ix, &v[SD_INDEX_KEYS].keys.items[i]);
    }
    put(c, ")");
    if (v[SD_INDEX_INCLUDE].names.len > 0) {
        put(c, " INCLUDE (");
        put_names_list(c, &v[SD_INDEX_INCLUDE].names);
        put(c, ")");
    }
    if (v[SD_INDEX_NULLS_NOT_DISTINCT].b)
        put(c, " NULLS NOT DISTINCT");
    put_with_options(c, ix, &v[SD_INDEX_OPTIONS].names);
    if (v[SD_INDEX_WHERE].sql.text != NULL) {
        put(c, " WHERE (");
        sd_emit__pg_fragment(c, ix, "index predicate", v[SD_INDEX_WHERE].sql.text, FRAG_EXPR);
        put(c, ")");
    }
    put(c, ";\n");
    if (v[SD_INDEX_CLUSTERED].b)
        put_cluster(c, ix, true);
    if (v[SD_INDEX_REPLICA_IDENTITY].b)
        sd_emit__pg_replica_index(c, ix);
    put_index_statistics(c, ix, NULL);
    sd_emit__pg_extras(c, ix);
}

/* Whether another index of ix's relation (a plain one, or one behind a primary key or
 * unique constraint) is clustered in "to" (its CLUSTER ON moves the mark, so ix needs no
 * SET WITHOUT CLUSTER, which would undo it if it came later). */
static bool
other_clustered(const pg_ctx *c, const sd_object *ix)
{
    static const struct {
        sd_kind kind;
        int field;
    } MARKED[] = {
        { .kind = SD_KIND_INDEX, .field = SD_INDEX_CLUSTERED },
        { .kind = SD_KIND_PRIMARY_KEY, .field = SD_PK_CLUSTERED },
        { .kind = SD_KIND_UNIQUE, .field = SD_UNIQUE_CLUSTERED },
    };
    for (size_t k = 0; k < SD_ARRAY_LEN(MARKED); k++) {
        size_t n = 0;
        const sd_object *const *all = sd_model_objects(c->to, MARKED[k].kind, &n);
        for (size_t i = 0; i < n; i++) {
            if (all[i] != ix && all[i]->v[MARKED[k].field].b && streq(all[i]->schema, ix->schema) &&
                streq(all[i]->table, ix->table))
                return true;
        }
    }
    return false;
}

void
sd_emit__pg_cluster_mark(pg_ctx *c, const sd_object *ix, bool on)
{
    if (on || !other_clustered(c, ix))
        put_cluster(c, ix, on);
}

void
sd_emit__pg_replica_index(pg_ctx *c, const sd_object *ix)
{
    put(c, "ALTER TABLE ");
    put_qname(c, ix->schema, ix->table);
    put(c, " REPLICA IDENTITY USING INDEX ");
    put_ident(c, ix->name);
    put(c, ";\n");
}

static void
alter_index(pg_ctx *c, const sd_change *ch)
{
    sd_emit__pg_alter_options(c, ch, SD_INDEX_OPTIONS);
    if (ch->fields & FBIT(SD_INDEX_STATISTICS))
        put_index_statistics(c, ch->to, ch->from);
    if ((ch->fields & FBIT(SD_INDEX_REPLICA_IDENTITY)) && ch->to->v[SD_INDEX_REPLICA_IDENTITY].b)
        sd_emit__pg_replica_index(c, ch->to);
    if (ch->fields & FBIT(SD_INDEX_CLUSTERED))
        sd_emit__pg_cluster_mark(c, ch->to, ch->to->v[SD_INDEX_CLUSTERED].b);
}

/* ---- trigger ---- */

/* ALTER TABLE ... ENABLE / DISABLE TRIGGER or RULE (word): when t fires, its "enabled"
 * field state. */
/* The ENABLE / DISABLE words of an "enabled" field state (NULL: plain ENABLE); the
 * registry's allowed list is the one the reader enforces. */
static const char *
enabled_words(const char *state)
{
    static const struct {
        const char *state;
        const char *words;
    } WORDS[] = {
        { .state = "disabled", .words = "DISABLE" },
        { .state = "replica", .words = "ENABLE REPLICA" },
        { .state = "always", .words = "ENABLE ALWAYS" },
    };
    for (size_t i = 0; state != NULL && i < SD_ARRAY_LEN(WORDS); i++) {
        if (streq(state, WORDS[i].state))
            return WORDS[i].words;
    }
    return "ENABLE";
}

static void
put_enabled(pg_ctx *c, const sd_object *t, const char *state, const char *word)
{
    put(c, "ALTER TABLE ");
    put_qname(c, t->schema, t->table);
    put(c, " ");
    put(c, enabled_words(state));
    put(c, " ");
    put(c, word);
    put(c, " ");
    put_ident(c, t->name);
    put(c, ";\n");
}

static void
create_trigger(pg_ctx *c, const sd_object *t)
{
    sd_emit__pg_fragment(c, t, "trigger definition", t->v[SD_TRIGGER_SQL].sql.text,
                         FRAG_COMMA | FRAG_CREATE | FRAG_TRIM);
    put(c, ";\n");
    if (t->v[SD_TRIGGER_ENABLED].s != NULL)
        put_enabled(c, t, t->v[SD_TRIGGER_ENABLED].s, "TRIGGER");
    sd_emit__pg_extras(c, t);
}

static void
alter_trigger(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & FBIT(SD_TRIGGER_ENABLED))
        put_enabled(c, ch->to, ch->to->v[SD_TRIGGER_ENABLED].s, "TRIGGER");
}

/* ---- event trigger ---- */

/* ALTER EVENT TRIGGER name ENABLE / DISABLE ...: its "enabled" state (NULL: ENABLE). */
static void
put_event_trigger_enabled(pg_ctx *c, const sd_object *e)
{
    put(c, "ALTER EVENT TRIGGER ");
    put_ident(c, e->name);
    put(c, " ");
    put(c, enabled_words(e->v[SD_EVENT_TRIGGER_ENABLED].s));
    put(c, ";\n");
}

/* As pg_dump writes it: CREATE EVENT TRIGGER, then its enable state unless enabled. The
 * tags are literals and the function a quoted name: nothing from the model is spliced. */
static void
create_event_trigger(pg_ctx *c, const sd_object *e)
{
    const sd_value *v = e->v;
    if (v[SD_EVENT_TRIGGER_EVENT].s == NULL || v[SD_EVENT_TRIGGER_FUNCTION_NAME].s == NULL ||
        v[SD_EVENT_TRIGGER_FUNCTION_SCHEMA].s == NULL) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, e, "an event trigger needs an event and a function");
        return;
    }
    put(c, "CREATE EVENT TRIGGER ");
    put_ident(c, e->name);
    put(c, " ON ");
    put_ident(c, v[SD_EVENT_TRIGGER_EVENT].s);
    const sd_names *tags = &v[SD_EVENT_TRIGGER_TAGS].names;
    for (size_t i = 0; i < tags->len; i++) {
        put(c, i == 0 ? "\n    WHEN TAG IN (" : ", ");
        put_literal(c, tags->items[i]);
    }
    if (tags->len > 0)
        put(c, ")");
    put(c, "\n    EXECUTE FUNCTION ");
    put_qname(c, v[SD_EVENT_TRIGGER_FUNCTION_SCHEMA].s, v[SD_EVENT_TRIGGER_FUNCTION_NAME].s);
    put(c, "();\n");
    if (v[SD_EVENT_TRIGGER_ENABLED].s != NULL)
        put_event_trigger_enabled(c, e);
    sd_emit__pg_extras(c, e);
}

static void
alter_event_trigger(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & FBIT(SD_EVENT_TRIGGER_ENABLED))
        put_event_trigger_enabled(c, ch->to);
}

/* ---- cast ---- */

/* A cast's name must be "(source AS target)" of its own fields: the diff matches casts by
 * name and the statements name them by the fields. */
static bool
cast_consistent(pg_ctx *c, const sd_object *k)
{
    const char *src = k->v[SD_CAST_SOURCE].s;
    const char *tgt = k->v[SD_CAST_TARGET].s;
    const char *want =
        src != NULL && tgt != NULL ? sd_arena_sprintf(c->scratch, "(%s AS %s)", src, tgt) : NULL;
    if (src != NULL && tgt != NULL && want == NULL) {
        sd_writer_nomem(&c->w);
        return false;
    }
    if (want == NULL || !streq(want, k->name)) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, k,
                       "a cast's name must be (source AS target) of its source and target");
        return false;
    }
    return true;
}

void
sd_emit__pg_cast_target(pg_ctx *c, const sd_object *k)
{
    if (!cast_consistent(c, k))
        return;
    put(c, "(");
    sd_emit__pg_fragment(c, k, "source type", k->v[SD_CAST_SOURCE].s, 0);
    put(c, " AS ");
    sd_emit__pg_fragment(c, k, "target type", k->v[SD_CAST_TARGET].s, 0);
    put(c, ")");
}

/* As pg_dump's dumpCast() writes it: the method, then the context unless explicit. */
static void
create_cast(pg_ctx *c, const sd_object *k)
{
    const sd_value *v = k->v;
    const char *method = v[SD_CAST_METHOD].s;
    put(c, "CREATE CAST ");
    sd_emit__pg_cast_target(c, k);
    if (streq(method, "function") && v[SD_CAST_FUNCTION].s != NULL) {
        put(c, " WITH FUNCTION ");
        sd_emit__pg_fragment(c, k, "cast function", v[SD_CAST_FUNCTION].s, FRAG_COMMA);
    } else if (streq(method, "inout") && v[SD_CAST_FUNCTION].s == NULL) {
        put(c, " WITH INOUT");
    } else if (streq(method, "binary") && v[SD_CAST_FUNCTION].s == NULL) {
        put(c, " WITHOUT FUNCTION");
    } else {
        sd_writer_fail(&c->w, SD_ERR_PARSE, k,
                       "a cast's method must be function (with a function), inout or binary");
        return;
    }
    if (streq(v[SD_CAST_CONTEXT].s, "assignment"))
        put(c, " AS ASSIGNMENT");
    else if (streq(v[SD_CAST_CONTEXT].s, "implicit"))
        put(c, " AS IMPLICIT");
    else if (v[SD_CAST_CONTEXT].s != NULL)
        sd_writer_fail(&c->w, SD_ERR_PARSE, k, "invalid cast context");
    put(c, ";\n");
    sd_emit__pg_extras(c, k);
}

/* ---- language ---- */

/* [TRUSTED] LANGUAGE name HANDLER h [INLINE i] [VALIDATOR v], as pg_dump's dumpProcLang()
 * writes it; the functions are regproc renderings, each proved one piece. */
static void
put_language(pg_ctx *c, const sd_object *l)
{
    const sd_value *v = l->v;
    put(c, v[SD_LANGUAGE_TRUSTED].b ? "TRUSTED LANGUAGE " : "LANGUAGE ");
    put_ident(c, l->name);
    put(c, " HANDLER ");
    sd_emit__pg_fragment(c, l, "handler function", v[SD_LANGUAGE_HANDLER].s, 0);
    if (v[SD_LANGUAGE_INLINE].s != NULL) {
        put(c, " INLINE ");
        sd_emit__pg_fragment(c, l, "inline function", v[SD_LANGUAGE_INLINE].s, 0);
    }
    if (v[SD_LANGUAGE_VALIDATOR].s != NULL) {
        put(c, " VALIDATOR ");
        sd_emit__pg_fragment(c, l, "validator function", v[SD_LANGUAGE_VALIDATOR].s, 0);
    }
    put(c, ";\n");
}

static void
create_language(pg_ctx *c, const sd_object *l)
{
    put(c, "CREATE ");
    put_language(c, l);
    sd_emit__pg_extras(c, l);
}

/* A language made untrusted: GRANT and REVOKE are refused on an untrusted language, so its
 * owner and privileges change first, while it is still trusted. */
static bool
language_untrusted_now(const sd_change *ch)
{
    return ch->from->v[SD_LANGUAGE_TRUSTED].b && !ch->to->v[SD_LANGUAGE_TRUSTED].b;
}

/* CREATE OR REPLACE LANGUAGE sets trust and every function at once and keeps the language's
 * OID, so the functions written in it stay; owner and privileges are left as they are. */
static void
replace_language(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & (FBIT(SD_LANGUAGE_TRUSTED) | FBIT(SD_LANGUAGE_HANDLER) |
                      FBIT(SD_LANGUAGE_INLINE) | FBIT(SD_LANGUAGE_VALIDATOR))) {
        put(c, "CREATE OR REPLACE ");
        put_language(c, ch->to);
    }
}

static void
alter_language(pg_ctx *c, const sd_change *ch)
{
    if (!language_untrusted_now(ch))
        replace_language(c, ch);
}

static void
alter_language_after(pg_ctx *c, const sd_change *ch)
{
    if (language_untrusted_now(ch))
        replace_language(c, ch);
}

/* ---- transform ---- */

/* A transform's name must be "FOR type LANGUAGE language" of its own fields: the diff
 * matches transforms by name and the statements name them by the fields. */
static bool
transform_consistent(pg_ctx *c, const sd_object *t)
{
    const char *type = t->v[SD_TRANSFORM_TYPE].s;
    const char *lang = t->v[SD_TRANSFORM_LANGUAGE].s;
    const char *want = type != NULL && lang != NULL
                           ? sd_arena_sprintf(c->scratch, "FOR %s LANGUAGE %s", type, lang)
                           : NULL;
    if (type != NULL && lang != NULL && want == NULL) {
        sd_writer_nomem(&c->w);
        return false;
    }
    if (want == NULL || !streq(want, t->name)) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, t,
                       "a transform's name must be FOR type LANGUAGE language of its fields");
        return false;
    }
    return true;
}

void
sd_emit__pg_transform_target(pg_ctx *c, const sd_object *t)
{
    if (!transform_consistent(c, t))
        return;
    put(c, "FOR ");
    sd_emit__pg_fragment(c, t, "transform type", t->v[SD_TRANSFORM_TYPE].s, 0);
    put(c, " LANGUAGE ");
    put_ident(c, t->v[SD_TRANSFORM_LANGUAGE].s);
}

/* TRANSFORM FOR type LANGUAGE l (FROM SQL WITH FUNCTION f(internal), TO SQL WITH FUNCTION
 * g(internal)), as pg_dump's dumpTransform() writes it. */
static void
put_transform(pg_ctx *c, const sd_object *t)
{
    const sd_value *v = t->v;
    if (v[SD_TRANSFORM_FROM_SQL].s == NULL && v[SD_TRANSFORM_TO_SQL].s == NULL) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, t, "a transform needs a FROM SQL or TO SQL function");
        return;
    }
    put(c, "TRANSFORM ");
    sd_emit__pg_transform_target(c, t);
    put(c, " (");
    if (v[SD_TRANSFORM_FROM_SQL].s != NULL) {
        put(c, "FROM SQL WITH FUNCTION ");
        sd_emit__pg_fragment(c, t, "FROM SQL function", v[SD_TRANSFORM_FROM_SQL].s, FRAG_COMMA);
    }
    if (v[SD_TRANSFORM_TO_SQL].s != NULL) {
        put(c, v[SD_TRANSFORM_FROM_SQL].s != NULL ? ", " : "");
        put(c, "TO SQL WITH FUNCTION ");
        sd_emit__pg_fragment(c, t, "TO SQL function", v[SD_TRANSFORM_TO_SQL].s, FRAG_COMMA);
    }
    put(c, ");\n");
}

static void
create_transform(pg_ctx *c, const sd_object *t)
{
    put(c, "CREATE ");
    put_transform(c, t);
    sd_emit__pg_extras(c, t);
}

/* CREATE OR REPLACE TRANSFORM sets both functions at once (one left out is unset). */
static void
alter_transform(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & (FBIT(SD_TRANSFORM_FROM_SQL) | FBIT(SD_TRANSFORM_TO_SQL))) {
        put(c, "CREATE OR REPLACE ");
        put_transform(c, ch->to);
    }
}

/* ---- access method ---- */

/* As pg_dump's dumpAccessMethod() writes it. */
static void
create_access_method(pg_ctx *c, const sd_object *a)
{
    const char *type = a->v[SD_ACCESS_METHOD_TYPE].s;
    if (!streq(type, "index") && !streq(type, "table")) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, a, "an access method's type must be index or table");
        return;
    }
    put(c, "CREATE ACCESS METHOD ");
    put_ident(c, a->name);
    put(c, streq(type, "index") ? " TYPE INDEX HANDLER " : " TYPE TABLE HANDLER ");
    sd_emit__pg_fragment(c, a, "handler function", a->v[SD_ACCESS_METHOD_HANDLER].s, 0);
    put(c, ";\n");
    sd_emit__pg_extras(c, a);
}

/* An access method that anything of "from" uses (an operator family or class, a table),
 * or NULL. */
static const sd_object *
access_method_user(const pg_ctx *c, const sd_object *a)
{
    static const sd_kind USERS[] = { SD_KIND_OPFAMILY, SD_KIND_OPCLASS, SD_KIND_TABLE,
                                     SD_KIND_MATVIEW };
    for (size_t k = 0; k < SD_ARRAY_LEN(USERS); k++) {
        size_t n = 0;
        const sd_object *const *objs = sd_model_objects(c->from, USERS[k], &n);
        for (size_t i = 0; i < n; i++) {
            for (size_t d = 0; d < objs[i]->ndeps; d++) {
                if (sd_model_find_ref(c->from, &objs[i]->deps[d]) == a)
                    return objs[i];
            }
        }
    }
    return NULL;
}

/* Nothing alters an access method's type or handler, and DROP ACCESS METHOD takes its
 * operator families and classes along (automatic dependencies) or is refused for the
 * indexes and tables that use it: only one nothing uses is dropped and created. */
static void
recreate_access_method(pg_ctx *c, const sd_change *ch)
{
    const sd_object *user = access_method_user(c, ch->from);
    if (user != NULL) {
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->to,
                       "a type or handler change while %s %s uses it is not supported",
                       sd_kind_get(user->kind)->label, qualified(c, user->schema, user->name, ""));
        return;
    }
    sd_emit__pg_drop_plain(c, ch->from);
    create_access_method(c, ch->to);
}

/* ---- rule ---- */

/* The stored CREATE RULE statement (pg_get_ruledef(): several actions are "( a; b; )"). */
static void
create_rule(pg_ctx *c, const sd_object *r)
{
    sd_emit__pg_fragment(c, r, "rule definition", r->v[SD_RULE_DEFINITION].sql.text,
                         FRAG_COMMA | FRAG_CREATE | FRAG_TRIM | FRAG_PSEMI);
    put(c, ";\n");
    if (r->v[SD_RULE_ENABLED].s != NULL)
        put_enabled(c, r, r->v[SD_RULE_ENABLED].s, "RULE");
    sd_emit__pg_extras(c, r);
}

static void
alter_rule(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & FBIT(SD_RULE_ENABLED))
        put_enabled(c, ch->to, ch->to->v[SD_RULE_ENABLED].s, "RULE");
}

/* ---- statistics ---- */

/* ALTER STATISTICS s SET STATISTICS n (-1: back to the columns' targets). */
static void
put_stats_target(pg_ctx *c, const sd_object *s)
{
    put(c, "ALTER STATISTICS ");
    put_qname(c, s->schema, s->name);
    put(c, " SET STATISTICS ");
    sd_emit__pg_int(c, s->v[SD_STATISTICS_TARGET].i);
    put(c, ";\n");
}

/* The stored CREATE STATISTICS statement (pg_get_statisticsobjdef()), then its target. */
static void
create_statistics(pg_ctx *c, const sd_object *s)
{
    sd_emit__pg_fragment(c, s, "statistics definition", s->v[SD_STATISTICS_DEFINITION].sql.text,
                         FRAG_COMMA | FRAG_CREATE | FRAG_TRIM);
    put(c, ";\n");
    if (s->v[SD_STATISTICS_TARGET].i != -1)
        put_stats_target(c, s);
    sd_emit__pg_extras(c, s);
}

static void
alter_statistics(pg_ctx *c, const sd_change *ch)
{
    if (ch->fields & FBIT(SD_STATISTICS_TARGET))
        put_stats_target(c, ch->to);
}

/* ---- publications ---- */

/* One table entry of a publication, "s.t [(a, b)] [WHERE (expr)]" (model.h): the names
 * unquoted, the column list as names, the row filter as its text (NULL: none). */
typedef struct pub_entry {
    const char *schema;
    const char *table;
    sd_names cols;
    const char *where;
} pub_entry;

/* Split an entry; false (the writer failed, naming p) when it is not of that shape. */
static bool
pub_entry_parse(pg_ctx *c, const sd_object *p, const char *item, pub_entry *e)
{
    static const char SHAPE[] = "it is not schema.table [(columns)] [WHERE (expression)]";
    const char *s = item;
    *e = (pub_entry){ 0 };
    e->schema = ts_ident(c, s, &s);
    if (e->schema != NULL && *s == '.')
        e->table = ts_ident(c, s + 1, &s);
    if (e->table == NULL) {
        sd_writer_fail_text(&c->w, p, "publication table", item, SHAPE);
        return false;
    }
    if (strncmp(s, " (", 2) == 0) {
        const char **cols = sd_arena_array(c->scratch, const char *, strlen(s));
        s += 2;
        while (cols != NULL) {
            const char *col = ts_ident(c, s, &s);
            if (col == NULL)
                break;
            cols[e->cols.len++] = col;
            if (strncmp(s, ", ", 2) != 0)
                break;
            s += 2;
        }
        if (cols == NULL || e->cols.len == 0 || *s != ')') {
            sd_writer_fail_text(&c->w, p, "publication table", item, SHAPE);
            return false;
        }
        e->cols.items = cols;
        s++;
    }
    if (strncmp(s, " WHERE ", 7) == 0)
        e->where = s + 7;
    else if (*s != '\0') {
        sd_writer_fail_text(&c->w, p, "publication table", item, SHAPE);
        return false;
    }
    return true;
}

/* "TABLE ONLY s.t (a, b) WHERE (expr)": ONLY, because every table it holds (an inheritance
 * child too) is an entry of its own; the names quoted here, the row filter proved one
 * expression. */
static void
put_pub_table(pg_ctx *c, const sd_object *p, const char *item)
{
    pub_entry e;
    if (!pub_entry_parse(c, p, item, &e))
        return;
    put(c, "TABLE ONLY ");
    put_qname(c, e.schema, e.table);
    if (e.cols.len > 0) {
        put(c, " (");
        put_names_list(c, &e.cols);
        put(c, ")");
    }
    if (e.where != NULL) {
        put(c, " WHERE ");
        sd_emit__pg_fragment(c, p, "publication row filter", e.where, FRAG_EXPR);
    }
}

/* The tables and schemas of p, comma-separated (nothing when it has none). */
static void
put_pub_objects(pg_ctx *c, const sd_object *p)
{
    const sd_names *t = &p->v[SD_PUBLICATION_TABLES].names;
    const sd_names *n = &p->v[SD_PUBLICATION_SCHEMAS].names;
    for (size_t i = 0; i < t->len; i++) {
        put(c, i > 0 ? ", " : "");
        put_pub_table(c, p, t->items[i]);
    }
    for (size_t i = 0; i < n->len; i++) {
        put(c, i > 0 || t->len > 0 ? ", " : "");
        put(c, "TABLES IN SCHEMA ");
        put_ident(c, n->items[i]);
    }
}

/* "publish = '...', publish_via_partition_root = ..." */
static void
put_pub_options(pg_ctx *c, const sd_object *p)
{
    const char *publish = p->v[SD_PUBLICATION_PUBLISH].s;
    put(c, "publish = ");
    put_literal(c, publish != NULL ? publish : "");
    put(c, ", publish_via_partition_root = ");
    put(c, p->v[SD_PUBLICATION_VIA_ROOT].b ? "true" : "false");
}

static void
create_publication(pg_ctx *c, const sd_object *p)
{
    const sd_value *v = p->v;
    put(c, "CREATE PUBLICATION ");
    put_ident(c, p->name);
    if (v[SD_PUBLICATION_ALL_TABLES].b)
        put(c, " FOR ALL TABLES");
    else if (v[SD_PUBLICATION_TABLES].names.len + v[SD_PUBLICATION_SCHEMAS].names.len > 0) {
        put(c, " FOR ");
        put_pub_objects(c, p);
    }
    put(c, " WITH (");
    put_pub_options(c, p);
    put(c, ");\n");
    sd_emit__pg_extras(c, p);
}

/* No table or schema left: DROP those of from that still exist when this runs (a table
 * or schema the script drops left the publication with it). */
static void
drop_pub_objects(pg_ctx *c, const sd_object *from)
{
    const sd_names *t = &from->v[SD_PUBLICATION_TABLES].names;
    const sd_names *n = &from->v[SD_PUBLICATION_SCHEMAS].names;
    size_t written = 0;
    for (size_t i = 0; i < t->len + n->len && c->w.rc == SD_OK; i++) {
        pub_entry e = { 0 };
        if (i < t->len ? !pub_entry_parse(c, from, t->items[i], &e)
                       : (e.schema = n->items[i - t->len]) == NULL)
            return;
        if (i < t->len ? sd_model_find_table(c->to, e.schema, e.table) == NULL
                       : sd_model_find(c->to, SD_KIND_SCHEMA, e.schema, NULL, e.schema) == NULL)
            continue;
        if (written++ == 0) {
            put(c, "ALTER PUBLICATION ");
            put_ident(c, from->name);
            put(c, " DROP ");
        } else
            put(c, ", ");
        if (i < t->len) {
            put(c, "TABLE ONLY ");
            put_qname(c, e.schema, e.table);
        } else {
            put(c, "TABLES IN SCHEMA ");
            put_ident(c, e.schema);
        }
    }
    if (written > 0)
        put(c, ";\n");
}

/* ALTER PUBLICATION SET replaces the whole list of tables and schemas, or the options
 * (FOR ALL TABLES is plan_pg.c's recreate_fields). */
static void
alter_publication(pg_ctx *c, const sd_change *ch)
{
    const sd_object *to = ch->to;
    if (ch->fields & (FBIT(SD_PUBLICATION_TABLES) | FBIT(SD_PUBLICATION_SCHEMAS))) {
        if (to->v[SD_PUBLICATION_TABLES].names.len + to->v[SD_PUBLICATION_SCHEMAS].names.len > 0) {
            put(c, "ALTER PUBLICATION ");
            put_ident(c, to->name);
            put(c, " SET ");
            put_pub_objects(c, to);
            put(c, ";\n");
        } else
            drop_pub_objects(c, ch->from);
    }
    if (ch->fields & (FBIT(SD_PUBLICATION_PUBLISH) | FBIT(SD_PUBLICATION_VIA_ROOT))) {
        put(c, "ALTER PUBLICATION ");
        put_ident(c, to->name);
        put(c, " SET (");
        put_pub_options(c, to);
        put(c, ");\n");
    }
}

/* ---- subscriptions ---- */

/* "p1, p2": the publications, names as identifiers. */
static void
put_sub_publications(pg_ctx *c, const sd_object *s)
{
    const sd_names *p = &s->v[SD_SUBSCRIPTION_PUBLICATIONS].names;
    if (p->len == 0) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, s, "a subscription needs a publication");
        return;
    }
    for (size_t i = 0; i < p->len; i++) {
        put(c, i > 0 ? ", " : "");
        put_ident(c, p->items[i]);
    }
}

/* The options pg_dump writes after "connect = false" (all: for SET, those that differ from
 * from's; from NULL: a new subscription, those not at their defaults). */
static void
put_sub_options(pg_ctx *c, const sd_object *from, const sd_object *s, bool first)
{
    static const struct {
        int field;
        const char *name;
    } BOOLS[] = {
        { SD_SUBSCRIPTION_BINARY, "binary" },
        { SD_SUBSCRIPTION_STREAMING, "streaming" },
        { SD_SUBSCRIPTION_TWO_PHASE, "two_phase" },
        { SD_SUBSCRIPTION_DISABLE_ON_ERROR, "disable_on_error" },
    };
    const sd_value *v = s->v;
    if (from == NULL || !sd_value_equal(SD_FIELD_STRING, &from->v[SD_SUBSCRIPTION_SLOT_NAME],
                                        &v[SD_SUBSCRIPTION_SLOT_NAME])) {
        put(c, first ? "slot_name = " : ", slot_name = ");
        first = false;
        if (v[SD_SUBSCRIPTION_SLOT_NAME].s != NULL)
            put_literal(c, v[SD_SUBSCRIPTION_SLOT_NAME].s);
        else
            put(c, "NONE");
    }
    for (size_t i = 0; i < SD_ARRAY_LEN(BOOLS); i++) {
        bool on = v[BOOLS[i].field].b;
        if (from != NULL ? from->v[BOOLS[i].field].b == on : !on)
            continue;
        put(c, first ? "" : ", ");
        first = false;
        put(c, BOOLS[i].name);
        put(c, on ? " = true" : " = false");
    }
    const char *sync = v[SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT].s;
    if (from != NULL
            ? !sd_value_equal(SD_FIELD_STRING, &from->v[SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT],
                              &v[SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT])
            : sync != NULL && !streq(sync, "off")) {
        put(c, first ? "synchronous_commit = " : ", synchronous_commit = ");
        put_literal(c, sync != NULL ? sync : "off");
    }
}

/* As pg_dump restores one: not connected, so disabled and with no slot made on the publisher.
 * Its connection string is never read: the script names none, and says so. */
static void
create_subscription(pg_ctx *c, const sd_object *s)
{
    sd_buf name = SD_BUF_INIT;
    sd_sql_ident(&name, PGE, s->name);
    if (sd_buf_failed(&name))
        sd_writer_nomem(&c->w);
    put(c, "-- created disabled and without its connection (it is never read): set it with "
           "ALTER SUBSCRIPTION ");
    sd_writer_comment_text(&c->w, sd_buf_cstr(&name));
    sd_buf_dispose(&name);
    put(c, " CONNECTION '...', then ENABLE it\nCREATE SUBSCRIPTION ");
    put_ident(c, s->name);
    put(c, " CONNECTION '' PUBLICATION ");
    put_sub_publications(c, s);
    put(c, " WITH (connect = false, ");
    put_sub_options(c, NULL, s, true);
    put(c, ");\n");
    sd_emit__pg_extras(c, s);
}

/* DROP SUBSCRIPTION with a slot connects to the publisher to drop it, and cannot run in a
 * transaction: the slot is let go first (which needs the subscription disabled), and the
 * script says that the slot stays on the publisher. */
static void
drop_subscription(pg_ctx *c, const sd_object *s)
{
    const char *slot = s->v[SD_SUBSCRIPTION_SLOT_NAME].s;
    if (slot != NULL) {
        put(c, "-- destructive: drops subscription ");
        sd_writer_comment_text(&c->w, s->name);
        put(c, "; its replication slot ");
        sd_writer_comment_text(&c->w, slot);
        put(c, " stays on the publisher: drop it there (pg_drop_replication_slot)\n"
               "ALTER SUBSCRIPTION ");
        put_ident(c, s->name);
        put(c, " DISABLE;\nALTER SUBSCRIPTION ");
        put_ident(c, s->name);
        put(c, " SET (slot_name = NONE);\n");
    }
    sd_emit__pg_drop_plain(c, s);
}

/* Publications without a refresh (which would connect to the publisher), then the options. */
static void
alter_subscription(pg_ctx *c, const sd_change *ch)
{
    const sd_object *to = ch->to;
    if (ch->fields & FBIT(SD_SUBSCRIPTION_PUBLICATIONS)) {
        put(c, "ALTER SUBSCRIPTION ");
        put_ident(c, to->name);
        put(c, " SET PUBLICATION ");
        put_sub_publications(c, to);
        put(c, " WITH (refresh = false);\n");
    }
    const uint64_t opts = FBIT(SD_SUBSCRIPTION_SLOT_NAME) | FBIT(SD_SUBSCRIPTION_BINARY) |
                          FBIT(SD_SUBSCRIPTION_STREAMING) | FBIT(SD_SUBSCRIPTION_DISABLE_ON_ERROR) |
                          FBIT(SD_SUBSCRIPTION_SYNCHRONOUS_COMMIT);
    if (ch->fields & opts) {
        put(c, "ALTER SUBSCRIPTION ");
        put_ident(c, to->name);
        put(c, " SET (");
        put_sub_options(c, ch->from, to, true);
        put(c, ");\n");
    }
}

/* ---- database-wide default privileges ---- */

/* A new pg_default_acl row: from PostgreSQL's built-in privileges to its own. */
static void
create_db_default_acl(pg_ctx *c, const sd_object *d)
{
    sd_emit__pg_db_default_acl(c, NULL, d);
}

/* A row that goes: back to the built-in privileges, which PostgreSQL stores as no row. */
static void
drop_db_default_acl(pg_ctx *c, const sd_object *d)
{
    sd_emit__pg_db_default_acl(c, d, NULL);
}

static void
alter_db_default_acl(pg_ctx *c, const sd_change *ch)
{
    sd_emit__pg_db_default_acl(c, ch->from, ch->to);
}

void
sd_emit__pg_create_planned(pg_ctx *c, const sd_object *to)
{
    sd_emit__pg_ops(to->kind)->create(c, to);
}

bool
sd_emit__pg_deferred(const pg_ctx *c, const sd_object *to)
{
    return sd_changelist_deferred(c->cl, to) != NULL;
}

void
sd_emit__pg_create_deferred(pg_ctx *c, const sd_change *ch)
{
    if (ch->kind == SD_KIND_VIEW)
        put_view(c, ch->to, "CREATE OR REPLACE VIEW "); /* over its stub */
    else if (ch->kind == SD_KIND_DOMAIN)
        complete_domain(c, ch->to);
    else if (ch->kind == SD_KIND_BASE_TYPE)
        complete_base_type(c, ch->to);
    else
        sd_emit__pg_complete_table_part(c, ch);
}

/* ---- aggregate ---- */

static void
create_aggregate(pg_ctx *c, const sd_object *a)
{
    const sd_value *v = a->v;
    put(c, "CREATE AGGREGATE ");
    put_qname(c, a->schema, v[SD_AGGREGATE_NAME].s != NULL ? v[SD_AGGREGATE_NAME].s : a->name);
    put(c, " (");
    if (v[SD_AGGREGATE_ARGUMENTS].s != NULL && v[SD_AGGREGATE_ARGUMENTS].s[0] != '\0')
        sd_emit__pg_fragment(c, a, "argument list", v[SD_AGGREGATE_ARGUMENTS].s, FRAG_COMMA);
    else
        put(c, "*");
    put(c, ") (");
    sd_emit__pg_fragment(c, a, "aggregate definition", v[SD_AGGREGATE_DEFINITION].sql.text,
                         FRAG_COMMA);
    put(c, ");\n");
    sd_emit__pg_extras(c, a);
}

/* ---- operator ---- */

static void
create_operator(pg_ctx *c, const sd_object *o)
{
    const char *paren = strchr(o->name, '(');
    put(c, "CREATE OPERATOR ");
    sd_emit__pg_operator_name(c, o, paren != NULL ? (size_t)(paren - o->name) : strlen(o->name));
    put(c, " (");
    sd_emit__pg_fragment(c, o, "operator definition", o->v[SD_OPERATOR_DEFINITION].sql.text,
                         FRAG_COMMA);
    put(c, ");\n");
    sd_emit__pg_extras(c, o);
}

/* ---- operator family, operator class, conversion ---- */

/* Run build(c, o, arg) into a buffer of its own, then write what it wrote as one statement
 * after the parser proved it one of its kind (flags: FRAG_CREATE or FRAG_ALTER). Every
 * stored piece in it (types, member items, a function name) is proved with the whole. */
static void
put_proved(pg_ctx *c,
           const sd_object *o,
           const char *what,
           unsigned flags,
           void (*build)(pg_ctx *c, const sd_object *o, const void *arg),
           const void *arg)
{
    sd_buf stmt = SD_BUF_INIT;
    sd_buf *out = c->w.out;
    c->w.out = &stmt;
    build(c, o, arg);
    c->w.out = out;
    if (sd_buf_failed(&stmt))
        sd_writer_nomem(&c->w);
    else
        sd_emit__pg_fragment(c, o, what, sd_buf_cstr(&stmt), flags | FRAG_COMMA);
    put(c, ";\n");
    sd_buf_dispose(&stmt);
}

/* Which member items an ALTER OPERATOR FAMILY statement adds or drops. */
typedef struct member_set {
    const sd_names *items; /* the members */
    const sd_names *skip;  /* items also here are left out (NULL: none) */
    bool drop;             /* DROP (strategy or support number and operand types) */
} member_set;

static size_t
members_count(const member_set *ms)
{
    size_t n = 0;
    for (size_t i = 0; i < ms->items->len; i++)
        n += ms->skip == NULL || !names_have(ms->skip, ms->items->items[i]);
    return n;
}

/*
 * A member as ALTER OPERATOR FAMILY ... DROP names it: its first two words ("OPERATOR 1",
 * "FUNCTION 2") and its operand types, the first parenthesized group outside double quotes
 * (an operator's regoperator text "s.<(integer,integer)", a function's "(integer, integer)").
 * A malformed item is written as is, and the parser then refuses the statement.
 */
static void
put_member_drop(pg_ctx *c, const char *item)
{
    size_t words = 0;
    size_t i = 0;
    while (item[i] != '\0' && words < 2) {
        while (item[i] == ' ')
            i++;
        while (item[i] != '\0' && item[i] != ' ')
            i++;
        words++;
    }
    bool quoted = false;
    size_t open = i;
    while (item[open] != '\0' && (quoted || item[open] != '(')) {
        quoted ^= item[open] == '"';
        open++;
    }
    size_t close = open;
    size_t depth = 0;
    for (; item[close] != '\0'; close++) {
        quoted ^= item[close] == '"';
        if (!quoted && item[close] == '(')
            depth++;
        else if (!quoted && item[close] == ')' && --depth == 0)
            break;
    }
    if (item[open] == '\0' || item[close] == '\0') {
        put(c, item);
        return;
    }
    const char *head = sd_arena_strndup(c->scratch, item, i);
    const char *types = sd_arena_strndup(c->scratch, item + open, close + 1 - open);
    if (head == NULL || types == NULL) {
        sd_writer_nomem(&c->w);
        return;
    }
    put(c, head);
    put(c, " ");
    put(c, types);
}

static void
build_family_members(pg_ctx *c, const sd_object *o, const void *arg)
{
    const member_set *ms = arg;
    put(c, "ALTER OPERATOR FAMILY ");
    sd_emit__pg_opclass_name(c, o);
    put(c, ms->drop ? " DROP " : " ADD ");
    const char *sep = "";
    for (size_t i = 0; i < ms->items->len; i++) {
        const char *item = ms->items->items[i];
        if (ms->skip != NULL && names_have(ms->skip, item))
            continue;
        put(c, sep);
        if (ms->drop)
            put_member_drop(c, item);
        else
            put(c, item);
        sep = ", ";
    }
}

static void
put_family_members(pg_ctx *c, const sd_object *o, const member_set *ms)
{
    if (members_count(ms) > 0)
        put_proved(c, o, ms->drop ? "members to drop" : "members", FRAG_ALTER, build_family_members,
                   ms);
}

/* CREATE OPERATOR FAMILY, then its loose members (ALTER OPERATOR FAMILY ... ADD, as
 * pg_dump writes them). */
static void
create_opfamily(pg_ctx *c, const sd_object *o)
{
    put(c, "CREATE OPERATOR FAMILY ");
    sd_emit__pg_opclass_name(c, o);
    put(c, ";\n");
    const member_set add = { &o->v[SD_OPFAMILY_MEMBERS].names, NULL, false };
    put_family_members(c, o, &add);
    sd_emit__pg_extras(c, o);
}

/* Loose members: the ones gone dropped first (a changed one is dropped and added again). */
static void
alter_opfamily(pg_ctx *c, const sd_change *ch)
{
    if (!(ch->fields & FBIT(SD_OPFAMILY_MEMBERS)))
        return;
    const sd_names *from = &ch->from->v[SD_OPFAMILY_MEMBERS].names;
    const sd_names *to = &ch->to->v[SD_OPFAMILY_MEMBERS].names;
    const member_set drop = { from, to, true };
    const member_set add = { to, from, false };
    put_family_members(c, ch->to, &drop);
    put_family_members(c, ch->to, &add);
}

/* CREATE OPERATOR CLASS as pg_dump writes it, but with FAMILY always named: the family is
 * an object of its own, created before. A class with no member of its own (every one loose
 * in the family) still needs an item: STORAGE of its own type, which PostgreSQL records as
 * none. */
static void
build_opclass(pg_ctx *c, const sd_object *o, const void *arg)
{
    const sd_value *v = o->v;
    (void)arg;
    const char *name = NULL;
    const char *am = NULL;
    if (!sd_emit__pg_opclass_parts(c, o, &name, &am))
        return;
    put(c, "CREATE OPERATOR CLASS ");
    put_qname(c, o->schema, name);
    if (v[SD_OPCLASS_DEFAULT].b)
        put(c, " DEFAULT");
    put(c, " FOR TYPE ");
    put(c, v[SD_OPCLASS_TYPE].s);
    put(c, " USING ");
    put_ident(c, am);
    if (v[SD_OPCLASS_FAMILY].s != NULL) {
        put(c, " FAMILY ");
        put_qname(c,
                  v[SD_OPCLASS_FAMILY_SCHEMA].s != NULL ? v[SD_OPCLASS_FAMILY_SCHEMA].s : o->schema,
                  v[SD_OPCLASS_FAMILY].s);
    }
    put(c, " AS ");
    const sd_names *m = &v[SD_OPCLASS_MEMBERS].names;
    for (size_t i = 0; i < m->len; i++) {
        put(c, i > 0 ? ", " : "");
        put(c, m->items[i]);
    }
    const char *storage = v[SD_OPCLASS_STORAGE].s;
    if (storage == NULL && m->len == 0)
        storage = v[SD_OPCLASS_TYPE].s;
    if (storage != NULL) {
        put(c, m->len > 0 ? ", STORAGE " : "STORAGE ");
        put(c, storage);
    }
}

static void
create_opclass(pg_ctx *c, const sd_object *o)
{
    if (o->v[SD_OPCLASS_TYPE].s == NULL) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, o, "no type");
        return;
    }
    put_proved(c, o, "operator class definition", FRAG_CREATE, build_opclass, NULL);
    sd_emit__pg_extras(c, o);
}

/* A constraint of "from", kept in "to", whose index uses class cl: an EXCLUDE constraint that
 * depends on it, or, for a DEFAULT btree class, a PRIMARY KEY or UNIQUE constraint over a
 * column of its type (they name no class: the type's default is used); NULL when none. */
static const sd_object *
class_constraint_user(const pg_ctx *c, const sd_object *cl, const char *am)
{
    size_t nx = 0;
    const sd_object *const *x = sd_model_objects(c->from, SD_KIND_EXCLUSION, &nx);
    for (size_t i = 0; i < nx; i++) {
        if (sd_model_find_key(c->to, SD_KIND_EXCLUSION, x[i]->key) == NULL)
            continue;
        for (size_t d = 0; d < x[i]->ndeps; d++)
            if (sd_model_find_ref(c->from, &x[i]->deps[d]) == cl)
                return x[i];
    }
    if (!cl->v[SD_OPCLASS_DEFAULT].b || !streq(am, "btree"))
        return NULL;
    const char *type = cl->v[SD_OPCLASS_TYPE].s;
    static const sd_kind KEYS[] = { SD_KIND_PRIMARY_KEY, SD_KIND_UNIQUE };
    for (size_t k = 0; k < SD_ARRAY_LEN(KEYS); k++) {
        size_t n = 0;
        const sd_object *const *o = sd_model_objects(c->from, KEYS[k], &n);
        int field = KEYS[k] == SD_KIND_PRIMARY_KEY ? SD_PK_COLUMNS : SD_UNIQUE_COLUMNS;
        for (size_t i = 0; i < n; i++) {
            if (sd_model_find_key(c->to, KEYS[k], o[i]->key) == NULL)
                continue;
            const sd_names *cols = &o[i]->v[field].names;
            for (size_t j = 0; j < cols->len; j++) {
                const sd_object *col = sd_model_find(c->from, SD_KIND_COLUMN, o[i]->schema,
                                                     o[i]->table, cols->items[j]);
                if (col != NULL && streq(col->v[SD_COLUMN_TYPE].s, type))
                    return o[i];
            }
        }
    }
    return NULL;
}

/* DROP + CREATE. The plan rebuilds the indexes that name the class around it, not a
 * constraint's index (DROP OPERATOR CLASS would fail): that is refused. */
static void
recreate_opclass(pg_ctx *c, const sd_change *ch)
{
    const char *name = NULL;
    const char *am = NULL;
    if (!sd_emit__pg_opclass_parts(c, ch->from, &name, &am))
        return;
    const sd_object *user = class_constraint_user(c, ch->from, am);
    if (user != NULL) {
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->to,
                       "a definition change while %s %s on %s uses it is not supported",
                       sd_kind_get(user->kind)->label, user->name != NULL ? user->name : "",
                       qualified(c, user->schema, user->table, ""));
        return;
    }
    sd_emit__pg_drop_plain(c, ch->from);
    create_opclass(c, ch->to);
}

static void
build_conversion(pg_ctx *c, const sd_object *o, const void *arg)
{
    const sd_value *v = o->v;
    (void)arg;
    put(c, v[SD_CONVERSION_DEFAULT].b ? "CREATE DEFAULT CONVERSION " : "CREATE CONVERSION ");
    put_qname(c, o->schema, o->name);
    put(c, " FOR ");
    put_literal(c, v[SD_CONVERSION_SOURCE].s != NULL ? v[SD_CONVERSION_SOURCE].s : "");
    put(c, " TO ");
    put_literal(c, v[SD_CONVERSION_TARGET].s != NULL ? v[SD_CONVERSION_TARGET].s : "");
    put(c, " FROM ");
    put(c, v[SD_CONVERSION_FUNCTION].s != NULL ? v[SD_CONVERSION_FUNCTION].s : "");
}

static void
create_conversion(pg_ctx *c, const sd_object *o)
{
    put_proved(c, o, "conversion definition", FRAG_CREATE, build_conversion, NULL);
    sd_emit__pg_extras(c, o);
}

/* ---- foreign-data wrapper, server, user mapping ---- */

/* Generic option items are "name=value", split at the first '=' as PostgreSQL splits
 * them (option_key_len()). */
static bool
option_key_eq(const char *a, const char *b)
{
    size_t n = option_key_len(a);
    return n == option_key_len(b) && strncmp(a, b, n) == 0;
}

/* The index of the item of n whose name is item's, or n->len. */
static size_t
option_find(const sd_names *n, const char *item)
{
    for (size_t i = 0; i < n->len; i++)
        if (option_key_eq(n->items[i], item))
            return i;
    return n->len;
}

/* Whether from and to differ as sets of options: their order means nothing to PostgreSQL
 * (a snapshot may hold them in any order; the reader sorts them). */
bool
sd_emit__pg_options_differ(const sd_names *from, const sd_names *to)
{
    for (size_t i = 0; i < from->len; i++)
        if (option_find(to, from->items[i]) == to->len)
            return true;
    for (size_t i = 0; i < to->len; i++) {
        size_t f = option_find(from, to->items[i]);
        if (f == from->len || !streq(from->items[f], to->items[i]))
            return true;
    }
    return false;
}

/* One generic option: [verb ]name['value'] (no value for DROP). The name is quoted, the
 * value a literal: nothing of the item is spliced. */
static void
put_generic_option(pg_ctx *c, const sd_object *o, const char *verb, const char *item, bool value)
{
    size_t klen = option_key_len(item);
    const char *key = sd_arena_strndup(c->scratch, item, klen);
    if (key == NULL) {
        sd_writer_nomem(&c->w);
        return;
    }
    if ((value && item[klen] != '=') || klen == 0) {
        sd_writer_fail_text(&c->w, o, "option", item, "it is not name=value");
        return;
    }
    if (verb != NULL) {
        put(c, verb);
        put(c, " ");
    }
    put_ident(c, key);
    if (value) {
        put(c, " ");
        put_literal(c, item + klen + 1);
    }
}

void
sd_emit__pg_generic_options(pg_ctx *c, const sd_object *o, const sd_names *n)
{
    for (size_t i = 0; i < n->len; i++) {
        put(c, i == 0 ? " OPTIONS (" : ", ");
        put_generic_option(c, o, NULL, n->items[i], true);
    }
    if (n->len > 0)
        put(c, ")");
}

/*
 * " OPTIONS (DROP a, SET b 'v', ADD c 'w')" turning from's options into to's. Their order
 * does not matter: the reader sorts them by name, as pg_dump writes them.
 */
void
sd_emit__pg_alter_generic_options(pg_ctx *c,
                                  const sd_object *o,
                                  const sd_names *from,
                                  const sd_names *to)
{
    bool first = true;
    for (size_t i = 0; i < from->len; i++) {
        if (option_find(to, from->items[i]) != to->len)
            continue;
        put(c, first ? " OPTIONS (" : ", ");
        put_generic_option(c, o, "DROP", from->items[i], false);
        first = false;
    }
    for (size_t i = 0; i < to->len; i++) {
        size_t f = option_find(from, to->items[i]);
        if (f != from->len && streq(from->items[f], to->items[i]))
            continue;
        put(c, first ? " OPTIONS (" : ", ");
        put_generic_option(c, o, f != from->len ? "SET" : "ADD", to->items[i], true);
        first = false;
    }
    if (!first)
        put(c, ")");
}

/* HANDLER / VALIDATOR f, or NO HANDLER / NO VALIDATOR: the function (regproc text) is proved
 * one piece. */
static void
put_fdw_function(pg_ctx *c, const sd_object *w, const char *word, const char *fn)
{
    put(c, " ");
    if (fn == NULL) {
        put(c, "NO ");
        put(c, word);
        return;
    }
    put(c, word);
    put(c, " ");
    sd_emit__pg_fragment(c, w, word, fn, 0);
}

static void
create_fdw(pg_ctx *c, const sd_object *w)
{
    const sd_value *v = w->v;
    put(c, "CREATE FOREIGN DATA WRAPPER ");
    put_ident(c, w->name);
    if (v[SD_FDW_HANDLER].s != NULL)
        put_fdw_function(c, w, "HANDLER", v[SD_FDW_HANDLER].s);
    if (v[SD_FDW_VALIDATOR].s != NULL)
        put_fdw_function(c, w, "VALIDATOR", v[SD_FDW_VALIDATOR].s);
    sd_emit__pg_generic_options(c, w, &v[SD_FDW_OPTIONS].names);
    put(c, ";\n");
    sd_emit__pg_extras(c, w);
}

/* One ALTER FOREIGN DATA WRAPPER: the functions first, then the options, which PostgreSQL
 * checks with the new validator. */
static void
alter_fdw(pg_ctx *c, const sd_change *ch)
{
    const sd_value *v = ch->to->v;
    bool options =
        (ch->fields & FBIT(SD_FDW_OPTIONS)) &&
        sd_emit__pg_options_differ(&ch->from->v[SD_FDW_OPTIONS].names, &v[SD_FDW_OPTIONS].names);
    if (!options && !(ch->fields & (FBIT(SD_FDW_HANDLER) | FBIT(SD_FDW_VALIDATOR))))
        return;
    put(c, "ALTER FOREIGN DATA WRAPPER ");
    put_ident(c, ch->to->name);
    if (ch->fields & FBIT(SD_FDW_HANDLER))
        put_fdw_function(c, ch->to, "HANDLER", v[SD_FDW_HANDLER].s);
    if (ch->fields & FBIT(SD_FDW_VALIDATOR))
        put_fdw_function(c, ch->to, "VALIDATOR", v[SD_FDW_VALIDATOR].s);
    if (options)
        sd_emit__pg_alter_generic_options(c, ch->to, &ch->from->v[SD_FDW_OPTIONS].names,
                                          &v[SD_FDW_OPTIONS].names);
    put(c, ";\n");
}

static void
create_server(pg_ctx *c, const sd_object *s)
{
    const sd_value *v = s->v;
    if (v[SD_SERVER_FDW].s == NULL) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, s, "a server needs a foreign-data wrapper");
        return;
    }
    put(c, "CREATE SERVER ");
    put_ident(c, s->name);
    if (v[SD_SERVER_TYPE].s != NULL) {
        put(c, " TYPE ");
        put_literal(c, v[SD_SERVER_TYPE].s);
    }
    if (v[SD_SERVER_VERSION].s != NULL) {
        put(c, " VERSION ");
        put_literal(c, v[SD_SERVER_VERSION].s);
    }
    put(c, " FOREIGN DATA WRAPPER ");
    put_ident(c, v[SD_SERVER_FDW].s);
    sd_emit__pg_generic_options(c, s, &v[SD_SERVER_OPTIONS].names);
    put(c, ";\n");
    sd_emit__pg_extras(c, s);
}

/* ALTER SERVER changes the version and the options (the type and wrapper: plan_pg.c's
 * recreate_fields). */
static void
alter_server(pg_ctx *c, const sd_change *ch)
{
    const sd_value *v = ch->to->v;
    bool options = (ch->fields & FBIT(SD_SERVER_OPTIONS)) &&
                   sd_emit__pg_options_differ(&ch->from->v[SD_SERVER_OPTIONS].names,
                                              &v[SD_SERVER_OPTIONS].names);
    if (!options && !(ch->fields & FBIT(SD_SERVER_VERSION)))
        return;
    put(c, "ALTER SERVER ");
    put_ident(c, ch->to->name);
    if (ch->fields & FBIT(SD_SERVER_VERSION)) {
        put(c, " VERSION ");
        if (v[SD_SERVER_VERSION].s != NULL)
            put_literal(c, v[SD_SERVER_VERSION].s);
        else
            put(c, "NULL");
    }
    if (options)
        sd_emit__pg_alter_generic_options(c, ch->to, &ch->from->v[SD_SERVER_OPTIONS].names,
                                          &v[SD_SERVER_OPTIONS].names);
    put(c, ";\n");
}

/*
 * A type or wrapper change drops and creates a server (its user mappings are rebuilt around
 * it by the plan). PostgreSQL has no way to move a foreign table to another server, and DROP
 * SERVER is refused while one uses it: a foreign table the script keeps on it (not dropped,
 * not rebuilt for its own change) makes the change unsupported, naming the table.
 */
static void
recreate_server(pg_ctx *c, const sd_change *ch)
{
    size_t n = 0;
    const sd_object *const *ts = sd_model_objects(c->from, SD_KIND_TABLE, &n);
    for (size_t i = 0; i < n; i++) {
        const sd_change *tc = sd_changelist_find(c->cl, ts[i]);
        if (!sd_table_is_foreign(ts[i]) ||
            !streq(ts[i]->v[SD_TABLE_FOREIGN_SERVER].s, ch->from->name) ||
            (tc != NULL && tc->op == SD_OP_DROP) || sd_plan_pg_rekeyed(c->p, ts[i]))
            continue;
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->to,
                       "its type or foreign-data wrapper changes (DROP SERVER and CREATE SERVER) "
                       "while foreign table %s keeps using it",
                       qualified(c, ts[i]->schema, ts[i]->name, ""));
        sd_err_hint(c->w.err,
                    "give the changed server a new name in the target: its foreign tables then "
                    "move to it, which the script does by dropping and creating them");
        return;
    }
    sd_emit__pg_drop_plain(c, ch->from);
    create_server(c, ch->to);
}

/* "FOR user SERVER server" of a user mapping, after checking that its name is
 * "user@server" of its own fields (the diff matches mappings by name, the statements name
 * them by the fields). The user "public" is PUBLIC (no role may be named so). */
static void
put_user_mapping_target(pg_ctx *c, const sd_object *u)
{
    const char *user = u->v[SD_USER_MAPPING_USER].s;
    const char *server = u->v[SD_USER_MAPPING_SERVER].s;
    const char *want =
        user != NULL && server != NULL ? sd_arena_sprintf(c->scratch, "%s@%s", user, server) : NULL;
    if (user != NULL && server != NULL && want == NULL) {
        sd_writer_nomem(&c->w);
        return;
    }
    if (want == NULL || !streq(want, u->name)) {
        sd_writer_fail(&c->w, SD_ERR_PARSE, u,
                       "a user mapping's name must be user@server of its user and server");
        return;
    }
    put(c, "FOR ");
    if (streq(user, "public"))
        put(c, "PUBLIC");
    else
        put_ident(c, user);
    put(c, " SERVER ");
    put_ident(c, server);
}

/* Whether a user mapping's option item is a secret: read as its name alone (the reader
 * never reads a secret's value), so that it can be dropped but never written. */
static bool
secret_option(const char *item)
{
    return strchr(item, '=') == NULL;
}

/* The items of n that are not secrets (all: n itself). */
static const sd_names *
plain_options(pg_ctx *c, const sd_names *n)
{
    sd_names *out = sd_arena_alloc(c->scratch, sizeof *out);
    const char **items = sd_arena_array(c->scratch, const char *, n->len + 1);
    if (out == NULL || items == NULL) {
        sd_writer_nomem(&c->w);
        return n;
    }
    out->items = items;
    out->len = 0;
    for (size_t i = 0; i < n->len; i++)
        if (!secret_option(n->items[i]))
            items[out->len++] = n->items[i];
    return out;
}

/* "-- set ..." lines for the secrets of to that from lacks (from NULL: all of to's): their
 * values are never read, so the script cannot write them. */
static void
put_unset_secrets(pg_ctx *c, const sd_names *from, const sd_names *to)
{
    for (size_t i = 0; i < to->len; i++) {
        if (!secret_option(to->items[i]) ||
            (from != NULL && option_find(from, to->items[i]) < from->len))
            continue;
        put(c, "-- its option ");
        sd_writer_comment_text(&c->w, to->items[i]);
        put(c, " is never read (it holds a secret): set it with ALTER USER MAPPING ... OPTIONS "
               "(ADD ");
        sd_writer_comment_text(&c->w, to->items[i]);
        put(c, " '...')\n");
    }
}

/* Created with its options but the secrets (their values are never read), the script
 * saying which ones to set; or without any when the reader could not see them. */
static void
create_user_mapping(pg_ctx *c, const sd_object *u)
{
    if (u->v[SD_USER_MAPPING_OPTIONS_HIDDEN].b)
        put(c, "-- created without options (the role that read them could not see them): set "
               "them with ALTER USER MAPPING\n");
    put_unset_secrets(c, NULL, &u->v[SD_USER_MAPPING_OPTIONS].names);
    put(c, "CREATE USER MAPPING ");
    put_user_mapping_target(c, u);
    sd_emit__pg_generic_options(c, u, plain_options(c, &u->v[SD_USER_MAPPING_OPTIONS].names));
    put(c, ";\n");
}

/* Options in place: secrets only dropped (or said to be set); a side whose options its
 * reader could not see gives nothing to turn into the other. */
static void
alter_user_mapping(pg_ctx *c, const sd_change *ch)
{
    const sd_value *fv = ch->from->v;
    const sd_value *tv = ch->to->v;
    if (!(ch->fields & (FBIT(SD_USER_MAPPING_OPTIONS) | FBIT(SD_USER_MAPPING_OPTIONS_HIDDEN))))
        return;
    if (fv[SD_USER_MAPPING_OPTIONS_HIDDEN].b || tv[SD_USER_MAPPING_OPTIONS_HIDDEN].b) {
        sd_writer_fail(&c->w, SD_ERR_UNSUPPORTED, ch->to,
                       "its options could not be read on the %s side",
                       fv[SD_USER_MAPPING_OPTIONS_HIDDEN].b ? "from" : "to");
        sd_err_hint(c->w.err, "read both sides as a role that sees them: a superuser, the "
                              "server's owner, or the mapped user with USAGE on the server");
        return;
    }
    const sd_names *from = &fv[SD_USER_MAPPING_OPTIONS].names;
    const sd_names *to = &tv[SD_USER_MAPPING_OPTIONS].names;
    put_unset_secrets(c, from, to);
    /* A secret of from's that to lacks is dropped; one both have is kept as it is. */
    sd_names keep = { 0 };
    const char **items = sd_arena_array(c->scratch, const char *, to->len + from->len + 1);
    if (items == NULL) {
        sd_writer_nomem(&c->w);
        return;
    }
    keep.items = items;
    for (size_t i = 0; i < to->len; i++)
        if (!secret_option(to->items[i]) || option_find(from, to->items[i]) < from->len)
            items[keep.len++] = to->items[i];
    if (!sd_emit__pg_options_differ(from, &keep))
        return;
    put(c, "ALTER USER MAPPING ");
    put_user_mapping_target(c, ch->to);
    sd_emit__pg_alter_generic_options(c, ch->to, from, &keep);
    put(c, ";\n");
}

static void
drop_user_mapping(pg_ctx *c, const sd_object *u)
{
    put(c, "DROP USER MAPPING ");
    put_user_mapping_target(c, u);
    put(c, ";\n");
}

/* ---- the table ---- */

#define ALL_REL "arwdDxt"

/* One entry per kind: its words, default privileges (owner, PUBLIC), how it is named, its
 * builders (when an ALTER recreates it and the planning flags are plan/plan_pg.c's RULES,
 * read through sd_plan_pg_rule()). Omitted members are NULL, 0 or false:
 * "none" or "not this kind". The owner, acl and comment fields are the registry's field roles
 * (sd_kind_role_field()), not repeated here. */
static const pg_ops PG_OPS[] = {
    [SD_KIND_SCHEMA] = { .keyword = "SCHEMA",
                         .grant_on = "SCHEMA",
                         .all_privs = "UC",
                         .target = PG_TARGET_NAME,
                         .create = create_schema,
                         .drop = sd_emit__pg_drop_plain,
                         .alter = alter_schema },
    [SD_KIND_EXTENSION] = { .keyword = "EXTENSION",
                            .target = PG_TARGET_NAME,
                            .create = create_extension,
                            .drop = sd_emit__pg_drop_plain,
                            .recreate = recreate_extension,
                            .alter = alter_extension },
    [SD_KIND_COLLATION] = { .keyword = "COLLATION",
                            .create = create_collation,
                            .drop = sd_emit__pg_drop_plain,
                            .recreate = recreate_collation },
    [SD_KIND_TS_PARSER] = { .keyword = "TEXT SEARCH PARSER",
                            .create = create_ts_parser,
                            .drop = sd_emit__pg_drop_plain,
                            .recreate = recreate_ts_base },
    [SD_KIND_TS_TEMPLATE] = { .keyword = "TEXT SEARCH TEMPLATE",
                              .create = create_ts_template,
                              .drop = sd_emit__pg_drop_plain,
                              .recreate = recreate_ts_base },
    [SD_KIND_TS_DICT] = { .keyword = "TEXT SEARCH DICTIONARY",
                          .create = create_ts_dict,
                          .drop = sd_emit__pg_drop_plain,
                          .recreate = recreate_ts_dict,
                          .alter = alter_ts_dict },
    [SD_KIND_TS_CONFIG] = { .keyword = "TEXT SEARCH CONFIGURATION",
                            .create = create_ts_config,
                            .drop = sd_emit__pg_drop_plain,
                            .alter = alter_ts_config },
    [SD_KIND_BASE_TYPE] = { .keyword = "TYPE",
                            .grant_on = "TYPE",
                            .all_privs = "U",
                            .public_privs = "U",
                            .create = create_base_type,
                            .drop = drop_base_type,
                            .recreate = recreate_base_type,
                            .alter = alter_base_type },
    [SD_KIND_ENUM] = { .keyword = "TYPE",
                       .grant_on = "TYPE",
                       .all_privs = "U",
                       .public_privs = "U",
                       .create = create_enum,
                       .drop = sd_emit__pg_drop_plain,
                       .recreate = recreate_enum },
    [SD_KIND_DOMAIN] = { .keyword = "DOMAIN",
                         .grant_on = "DOMAIN",
                         .all_privs = "U",
                         .public_privs = "U",
                         .create = create_domain,
                         .drop = sd_emit__pg_drop_plain,
                         .recreate = recreate_domain,
                         .alter = alter_domain },
    [SD_KIND_COMPOSITE] = { .keyword = "TYPE",
                            .grant_on = "TYPE",
                            .all_privs = "U",
                            .public_privs = "U",
                            .create = create_composite,
                            .drop = sd_emit__pg_drop_plain,
                            .recreate = recreate_composite,
                            .alter = alter_composite },
    [SD_KIND_RANGE] = { .keyword = "TYPE",
                        .grant_on = "TYPE",
                        .all_privs = "U",
                        .public_privs = "U",
                        .create = create_range,
                        .drop = sd_emit__pg_drop_plain,
                        .recreate = recreate_range },
    [SD_KIND_SEQUENCE] = { .keyword = "SEQUENCE",
                           .grant_on = "SEQUENCE",
                           .all_privs = "rwU",
                           .create = create_sequence,
                           .drop = drop_sequence,
                           .alter = alter_sequence },
    [SD_KIND_FUNCTION] = { .keyword = "FUNCTION",
                           .grant_on = "FUNCTION",
                           .all_privs = "X",
                           .public_privs = "X",
                           .target = PG_TARGET_FUNCTION,
                           .create = create_function,
                           .drop = drop_function,
                           .alter = alter_function },
    [SD_KIND_AGGREGATE] = { .keyword = "AGGREGATE",
                            .grant_on = "FUNCTION",
                            .all_privs = "X",
                            .public_privs = "X",
                            .target = PG_TARGET_AGGREGATE,
                            .create = create_aggregate,
                            .drop = sd_emit__pg_drop_plain },
    [SD_KIND_EVENT_TRIGGER] = { .keyword = "EVENT TRIGGER",
                                .target = PG_TARGET_NAME,
                                .create = create_event_trigger,
                                .drop = sd_emit__pg_drop_plain,
                                .alter = alter_event_trigger },
    [SD_KIND_LANGUAGE] = { .keyword = "LANGUAGE",
                           .grant_on = "LANGUAGE",
                           .all_privs = "U",
                           .public_privs = "U",
                           .target = PG_TARGET_NAME,
                           .create = create_language,
                           .drop = sd_emit__pg_drop_plain,
                           .alter = alter_language,
                           .alter_after = alter_language_after },
    [SD_KIND_TRANSFORM] = { .keyword = "TRANSFORM",
                            .target = PG_TARGET_TRANSFORM,
                            .create = create_transform,
                            .drop = sd_emit__pg_drop_plain,
                            .alter = alter_transform },
    [SD_KIND_ACCESS_METHOD] = { .keyword = "ACCESS METHOD",
                                .target = PG_TARGET_NAME,
                                .create = create_access_method,
                                .drop = sd_emit__pg_drop_plain,
                                .recreate = recreate_access_method },
    [SD_KIND_CAST] = { .keyword = "CAST",
                       .target = PG_TARGET_CAST,
                       .create = create_cast,
                       .drop = sd_emit__pg_drop_plain },
    [SD_KIND_OPERATOR] = { .keyword = "OPERATOR",
                           .target = PG_TARGET_OPERATOR,
                           .create = create_operator,
                           .drop = sd_emit__pg_drop_plain },
    [SD_KIND_OPFAMILY] = { .keyword = "OPERATOR FAMILY",
                           .target = PG_TARGET_OPCLASS,
                           .create = create_opfamily,
                           .drop = sd_emit__pg_drop_plain,
                           .alter = alter_opfamily },
    [SD_KIND_OPCLASS] = { .keyword = "OPERATOR CLASS",
                          .target = PG_TARGET_OPCLASS,
                          .create = create_opclass,
                          .drop = sd_emit__pg_drop_plain,
                          .recreate = recreate_opclass },
    [SD_KIND_CONVERSION] = { .keyword = "CONVERSION",
                             .create = create_conversion,
                             .drop = sd_emit__pg_drop_plain },
    [SD_KIND_FDW] = { .keyword = "FOREIGN DATA WRAPPER",
                      .grant_on = "FOREIGN DATA WRAPPER",
                      .all_privs = "U",
                      .target = PG_TARGET_NAME,
                      .create = create_fdw,
                      .drop = sd_emit__pg_drop_plain,
                      .alter = alter_fdw },
    [SD_KIND_SERVER] = { .keyword = "SERVER",
                         .grant_on = "FOREIGN SERVER",
                         .all_privs = "U",
                         .target = PG_TARGET_NAME,
                         .create = create_server,
                         .drop = sd_emit__pg_drop_plain,
                         .recreate = recreate_server,
                         .alter = alter_server },
    [SD_KIND_USER_MAPPING] = { .keyword = "USER MAPPING",
                               .target = PG_TARGET_NAME,
                               .create = create_user_mapping,
                               .drop = drop_user_mapping,
                               .alter = alter_user_mapping },
    [SD_KIND_TABLE] = { .keyword = "TABLE",
                        .grant_on = "TABLE",
                        .all_privs = ALL_REL,
                        .create = sd_emit__pg_create_table,
                        .drop = sd_emit__pg_drop_table,
                        .alter = sd_emit__pg_alter_table },
    [SD_KIND_COLUMN] = { .keyword = "COLUMN",
                         .grant_on = "TABLE",
                         .target = PG_TARGET_COLUMN,
                         .create = sd_emit__pg_create_column,
                         .drop = sd_emit__pg_drop_column,
                         .alter = sd_emit__pg_alter_column },
    [SD_KIND_PRIMARY_KEY] = { .keyword = "CONSTRAINT",
                              .target = PG_TARGET_ON_TABLE,
                              .create = sd_emit__pg_create_constraint,
                              .drop = sd_emit__pg_drop_constraint,
                              .alter = sd_emit__pg_alter_constraint },
    [SD_KIND_UNIQUE] = { .keyword = "CONSTRAINT",
                         .target = PG_TARGET_ON_TABLE,
                         .create = sd_emit__pg_create_constraint,
                         .drop = sd_emit__pg_drop_constraint,
                         .alter = sd_emit__pg_alter_constraint },
    [SD_KIND_CHECK] = { .keyword = "CONSTRAINT",
                        .target = PG_TARGET_ON_TABLE,
                        .create = sd_emit__pg_create_constraint,
                        .drop = sd_emit__pg_drop_constraint,
                        .alter = sd_emit__pg_alter_constraint },
    [SD_KIND_EXCLUSION] = { .keyword = "CONSTRAINT",
                            .target = PG_TARGET_ON_TABLE,
                            .create = sd_emit__pg_create_constraint,
                            .drop = sd_emit__pg_drop_constraint,
                            .alter = sd_emit__pg_alter_constraint },
    [SD_KIND_FOREIGN_KEY] = { .keyword = "CONSTRAINT",
                              .target = PG_TARGET_ON_TABLE,
                              .create = sd_emit__pg_create_constraint,
                              .drop = sd_emit__pg_drop_constraint,
                              .alter = sd_emit__pg_alter_constraint },
    [SD_KIND_POLICY] = { .keyword = "POLICY",
                         .target = PG_TARGET_ON_TABLE,
                         .create = sd_emit__pg_create_policy,
                         .drop = sd_emit__pg_drop_policy,
                         .alter = sd_emit__pg_alter_policy },
    [SD_KIND_VIEW] = { .keyword = "VIEW",
                       .grant_on = "TABLE",
                       .all_privs = ALL_REL,
                       .create = create_view,
                       .drop = sd_emit__pg_drop_plain,
                       .alter = alter_view },
    [SD_KIND_MATVIEW] = { .keyword = "MATERIALIZED VIEW",
                          .grant_on = "TABLE",
                          .all_privs = ALL_REL,
                          .create = create_matview,
                          .drop = sd_emit__pg_drop_plain,
                          .alter = alter_matview },
    [SD_KIND_INDEX] = { .keyword = "INDEX",
                        .create = create_index,
                        .drop = sd_emit__pg_drop_plain,
                        .alter = alter_index },
    [SD_KIND_TRIGGER] = { .keyword = "TRIGGER",
                          .target = PG_TARGET_ON_TABLE,
                          .create = create_trigger,
                          .drop = sd_emit__pg_drop_plain,
                          .alter = alter_trigger },
    [SD_KIND_RULE] = { .keyword = "RULE",
                       .target = PG_TARGET_ON_TABLE,
                       .create = create_rule,
                       .drop = sd_emit__pg_drop_plain,
                       .alter = alter_rule },
    [SD_KIND_STATISTICS] = { .keyword = "STATISTICS",
                             .create = create_statistics,
                             .drop = sd_emit__pg_drop_plain,
                             .alter = alter_statistics },
    [SD_KIND_PUBLICATION] = { .keyword = "PUBLICATION",
                              .target = PG_TARGET_NAME,
                              .create = create_publication,
                              .drop = sd_emit__pg_drop_plain,
                              .alter = alter_publication },
    [SD_KIND_SUBSCRIPTION] = { .keyword = "SUBSCRIPTION",
                               .target = PG_TARGET_NAME,
                               .create = create_subscription,
                               .drop = drop_subscription,
                               .alter = alter_subscription },
    /* No statement names the object itself: ALTER DEFAULT PRIVILEGES does all. */
    [SD_KIND_DEFAULT_ACL] = { .create = create_db_default_acl,
                              .drop = drop_db_default_acl,
                              .alter = alter_db_default_acl },
};
_Static_assert(SD_ARRAY_LEN(PG_OPS) == SD_KIND__COUNT, "every sd_kind needs a PG_OPS entry");

const pg_ops *
sd_emit__pg_ops(sd_kind kind)
{
    return &PG_OPS[(unsigned)kind < SD_KIND__COUNT ? kind : SD_KIND_SCHEMA];
}
