/*
 * test_model.c: unit tests for the schema model (model/): the kind registry, building and
 * freezing, lookups, canonical order, fingerprints, identity rules and error reporting.
 *
 * Models are built in C; no database is involved. The fingerprint tests walk the registry's
 * field tables, so a field added to a kind is covered without touching this file.
 */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "model/model.h"
#include "model/model_int.h"
#include "support/model_builder.h"
#include "util/buf.h"
#include "util/err.h"

/* ---- helpers ---- */

/* Teardown for tests that keep their model in *state (so a failing test does not leak). */
static int
free_model_state(void **state)
{
    sd_model_free(*state);
    *state = NULL;
    return 0;
}

/* A column of table in schema main. */
static sd_object *
add_column(sd_model *m, const char *table, const char *name, int64_t pos, const char *type)
{
    return sdt_column(m, "main", table, name, pos, type);
}

static void
describe_is(const sd_object *o, const char *expect)
{
    sd_buf b = SD_BUF_INIT;
    sd_object_describe(&b, o);
    assert_string_equal(sd_buf_cstr(&b), expect);
    sd_buf_dispose(&b);
}

/* ---- the registry ---- */

/* The field table of one kind: names, types, allowed lists, engine masks. */
static void
check_registry_fields(const sd_kind_info *ki)
{
    const unsigned every_engine = SD_E_SQLITE | SD_E_PG;
    for (size_t f = 0; ki->fields != NULL && f < ki->nfields; f++) {
        const sd_field_info *fi = &ki->fields[f];
        assert_non_null(fi->name);
        assert_true(fi->name[0] != '\0');
        assert_true(fi->type < SD_FIELD__COUNT);
        if (fi->allowed != NULL) {
            assert_int_equal(fi->type, SD_FIELD_STRING);
            assert_non_null(fi->allowed[0]);
        }
        for (size_t g = 0; g < f; g++)
            assert_string_not_equal(ki->fields[g].name, fi->name);
        assert_int_equal(fi->engines & ~every_engine, 0);
        /* No dead field: some engine has both the kind and the field. */
        bool alive = false;
        for (int e = 0; e < SD_ENGINE__COUNT; e++) {
            bool expect = fi->engines == 0 || (fi->engines & (1u << e)) != 0;
            assert_int_equal(sd_field_for_engine(fi, (sd_engine)e), expect);
            alive |= sdt_field_in_engine(ki->kind, f, (sd_engine)e);
        }
        if (!alive)
            print_error("%s.%s exists for no engine\n", ki->name, fi->name);
        assert_true(alive);
        /* Content identity must exist wherever the kind does, or two engines would
         * identify the same unnamed object differently. */
        bool identity = f < 32 && (ki->unnamed_identity & (1u << f)) != 0;
        for (int e = 0; identity && e < SD_ENGINE__COUNT; e++) {
            if (sd_kind_for_engine(ki, (sd_engine)e))
                assert_true(sd_field_for_engine(fi, (sd_engine)e));
        }
    }
}

static void
test_registry_completeness(void **state)
{
    (void)state;
    /* The number of fields each kind must have, from the per-kind field enums. */
    static const size_t expect_nfields[] = {
        [SD_KIND_SCHEMA] = SD_SCHEMA__NFIELDS,
        [SD_KIND_EXTENSION] = SD_EXTENSION__NFIELDS,
        [SD_KIND_COLLATION] = SD_COLLATION__NFIELDS,
        [SD_KIND_TS_PARSER] = SD_TS_PARSER__NFIELDS,
        [SD_KIND_TS_TEMPLATE] = SD_TS_TEMPLATE__NFIELDS,
        [SD_KIND_TS_DICT] = SD_TS_DICT__NFIELDS,
        [SD_KIND_TS_CONFIG] = SD_TS_CONFIG__NFIELDS,
        [SD_KIND_BASE_TYPE] = SD_BASE_TYPE__NFIELDS,
        [SD_KIND_ENUM] = SD_ENUM__NFIELDS,
        [SD_KIND_DOMAIN] = SD_DOMAIN__NFIELDS,
        [SD_KIND_COMPOSITE] = SD_COMPOSITE__NFIELDS,
        [SD_KIND_RANGE] = SD_RANGE__NFIELDS,
        [SD_KIND_SEQUENCE] = SD_SEQUENCE__NFIELDS,
        [SD_KIND_FUNCTION] = SD_FUNCTION__NFIELDS,
        [SD_KIND_AGGREGATE] = SD_AGGREGATE__NFIELDS,
        [SD_KIND_EVENT_TRIGGER] = SD_EVENT_TRIGGER__NFIELDS,
        [SD_KIND_CAST] = SD_CAST__NFIELDS,
        [SD_KIND_LANGUAGE] = SD_LANGUAGE__NFIELDS,
        [SD_KIND_TRANSFORM] = SD_TRANSFORM__NFIELDS,
        [SD_KIND_ACCESS_METHOD] = SD_ACCESS_METHOD__NFIELDS,
        [SD_KIND_OPERATOR] = SD_OPERATOR__NFIELDS,
        [SD_KIND_OPFAMILY] = SD_OPFAMILY__NFIELDS,
        [SD_KIND_OPCLASS] = SD_OPCLASS__NFIELDS,
        [SD_KIND_CONVERSION] = SD_CONVERSION__NFIELDS,
        [SD_KIND_FDW] = SD_FDW__NFIELDS,
        [SD_KIND_SERVER] = SD_SERVER__NFIELDS,
        [SD_KIND_USER_MAPPING] = SD_USER_MAPPING__NFIELDS,
        [SD_KIND_DEFAULT_ACL] = SD_DEFAULT_ACL__NFIELDS,
        [SD_KIND_TABLE] = SD_TABLE__NFIELDS,
        [SD_KIND_COLUMN] = SD_COLUMN__NFIELDS,
        [SD_KIND_PRIMARY_KEY] = SD_PK__NFIELDS,
        [SD_KIND_UNIQUE] = SD_UNIQUE__NFIELDS,
        [SD_KIND_CHECK] = SD_CHECK__NFIELDS,
        [SD_KIND_EXCLUSION] = SD_EXCLUSION__NFIELDS,
        [SD_KIND_FOREIGN_KEY] = SD_FK__NFIELDS,
        [SD_KIND_POLICY] = SD_POLICY__NFIELDS,
        [SD_KIND_VIEW] = SD_VIEW__NFIELDS,
        [SD_KIND_MATVIEW] = SD_MATVIEW__NFIELDS,
        [SD_KIND_INDEX] = SD_INDEX__NFIELDS,
        [SD_KIND_TRIGGER] = SD_TRIGGER__NFIELDS,
        [SD_KIND_RULE] = SD_RULE__NFIELDS,
        [SD_KIND_STATISTICS] = SD_STATISTICS__NFIELDS,
        [SD_KIND_PUBLICATION] = SD_PUBLICATION__NFIELDS,
        [SD_KIND_SUBSCRIPTION] = SD_SUBSCRIPTION__NFIELDS,
    };
    _Static_assert(sizeof(expect_nfields) / sizeof(expect_nfields[0]) == SD_KIND__COUNT,
                   "test table covers every kind");
    const unsigned every_engine = SD_E_SQLITE | SD_E_PG;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        assert_non_null(ki);
        assert_int_equal(ki->kind, k);
        assert_non_null(ki->name);
        assert_non_null(ki->plural);
        assert_non_null(ki->label);
        assert_true(ki->name[0] != '\0');
        assert_true(ki->plural[0] != '\0');
        assert_true(ki->label[0] != '\0');
        assert_string_not_equal(ki->name, ki->plural);
        assert_int_equal(ki->nfields, expect_nfields[k]);
        assert_true((ki->fields == NULL) == (ki->nfields == 0));
        /* A change record names fields by bit; SD_CHANGE_NAME_BIT (63) is taken. */
        assert_true(ki->nfields < 63);
        /* Identity rules are consistent. */
        if (ki->owner != SD_KIND__COUNT) {
            assert_true(ki->owner < SD_KIND__COUNT);
            assert_int_equal(sd_kind_get(ki->owner)->owner, SD_KIND__COUNT); /* one level */
            assert_true(ki->has_table);
            /* An owned kind exists wherever it is used: its owner exists for its engines. */
            for (int e = 0; e < SD_ENGINE__COUNT; e++)
                if (sd_kind_for_engine(ki, (sd_engine)e))
                    assert_true(sd_kind_for_engine(sd_kind_get(ki->owner), (sd_engine)e));
        }
        if (ki->nfields < 32)
            assert_int_equal(ki->unnamed_identity >> ki->nfields, 0);
        if (!ki->name_required && ki->name_is_identity)
            assert_true(ki->unnamed_identity != 0); /* unnamed needs content identity */
        if (ki->name_required)
            assert_true(ki->name_is_identity);
        /* Engine masks name known engines only; 0 means every engine. */
        assert_int_equal(ki->engines & ~every_engine, 0);
        bool in_some_engine = false;
        for (int e = 0; e < SD_ENGINE__COUNT; e++) {
            bool expect = ki->engines == 0 || (ki->engines & (1u << e)) != 0;
            assert_int_equal(sd_kind_for_engine(ki, (sd_engine)e), expect);
            in_some_engine |= expect;
        }
        assert_true(in_some_engine);
        check_registry_fields(ki);
        /* Names and plurals are unique across kinds, so lookups are unambiguous. */
        for (size_t j = 0; j < k; j++) {
            const sd_kind_info *kj = sd_kind_get((sd_kind)j);
            assert_string_not_equal(kj->name, ki->name);
            assert_string_not_equal(kj->plural, ki->plural);
            assert_string_not_equal(kj->name, ki->plural);
            assert_string_not_equal(kj->plural, ki->name);
            assert_string_not_equal(kj->label, ki->label);
        }
        sd_kind out = SD_KIND__COUNT;
        assert_true(sd_kind_from_name(ki->name, &out));
        assert_int_equal(out, k);
        out = SD_KIND__COUNT;
        assert_true(sd_kind_from_name(ki->plural, &out));
        assert_int_equal(out, k);
        assert_int_equal(sd_kind_is_relation((sd_kind)k),
                         k == SD_KIND_TABLE || k == SD_KIND_VIEW || k == SD_KIND_MATVIEW);
    }
    assert_null(sd_kind_get(SD_KIND__COUNT));
    sd_kind out = SD_KIND_VIEW;
    assert_false(sd_kind_from_name("colum", &out));
    assert_false(sd_kind_from_name("", &out));
    assert_false(sd_kind_from_name("tables ", &out));
    assert_int_equal(out, SD_KIND_VIEW); /* untouched on failure */
}

/*
 * The kind order is the creation priority (model.h): what others depend on comes first.
 * Schemas first; an owned kind after its owner; kinds that live beside tables and are used
 * by them (types, sequences, functions, extensions) before tables; kinds attached to a
 * relation (indexes, triggers, rules by name; statistics objects by definition) after every
 * relation kind.
 */
static void
test_registry_kind_order(void **state)
{
    (void)state;
    assert_int_equal(SD_KIND_SCHEMA, 0);
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        if (ki->owner != SD_KIND__COUNT)
            assert_true(ki->owner < k);
        if (ki->owner == SD_KIND__COUNT && ki->has_table) {
            for (size_t r = 0; r < SD_KIND__COUNT; r++)
                if (sd_kind_is_relation((sd_kind)r))
                    assert_true(r < k);
        }
        /* Statistics objects are built on a relation but identified in their schema alone;
         * publications (database-wide) name tables. Both come after every relation. */
        if (k == SD_KIND_STATISTICS || k == SD_KIND_PUBLICATION) {
            for (size_t r = 0; r < SD_KIND__COUNT; r++)
                if (sd_kind_is_relation((sd_kind)r))
                    assert_true(r < k);
        } else if (k != SD_KIND_SCHEMA && !ki->has_table && !sd_kind_is_relation((sd_kind)k))
            assert_true(k < SD_KIND_TABLE);
    }
}

/* Which engines the well-known fields and kinds belong to. */
static void
test_registry_engines(void **state)
{
    (void)state;
    const sd_kind_info *tbl = sd_kind_get(SD_KIND_TABLE);
    const sd_kind_info *col = sd_kind_get(SD_KIND_COLUMN);
    const sd_kind_info *pk = sd_kind_get(SD_KIND_PRIMARY_KEY);
    /* SQLite-only. */
    assert_true(sd_field_for_engine(&tbl->fields[SD_TABLE_STRICT], SD_ENGINE_SQLITE));
    assert_false(sd_field_for_engine(&tbl->fields[SD_TABLE_STRICT], SD_ENGINE_PG));
    assert_false(sd_field_for_engine(&tbl->fields[SD_TABLE_WITHOUT_ROWID], SD_ENGINE_PG));
    assert_false(sd_field_for_engine(&pk->fields[SD_PK_AUTOINCREMENT], SD_ENGINE_PG));
    /* PostgreSQL-only. */
    assert_false(sd_field_for_engine(&tbl->fields[SD_TABLE_OWNER], SD_ENGINE_SQLITE));
    assert_true(sd_field_for_engine(&tbl->fields[SD_TABLE_OWNER], SD_ENGINE_PG));
    assert_false(sd_field_for_engine(&col->fields[SD_COLUMN_IDENTITY], SD_ENGINE_SQLITE));
    assert_false(sd_field_for_engine(&col->fields[SD_COLUMN_COMMENT], SD_ENGINE_SQLITE));
    /* Both. */
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        assert_true(sd_field_for_engine(&col->fields[SD_COLUMN_TYPE], (sd_engine)e));
        assert_true(sd_field_for_engine(&pk->fields[SD_PK_COLUMNS], (sd_engine)e));
        assert_true(sd_kind_for_engine(tbl, (sd_engine)e));
        assert_true(sd_kind_for_engine(sd_kind_get(SD_KIND_SCHEMA), (sd_engine)e));
        assert_true(sd_kind_for_engine(sd_kind_get(SD_KIND_INDEX), (sd_engine)e));
    }
    /* The PostgreSQL kinds, and nothing else, are missing from SQLite. */
    static const sd_kind pg_only[] = {
        SD_KIND_EXTENSION,    SD_KIND_COLLATION,     SD_KIND_ENUM,          SD_KIND_TS_PARSER,
        SD_KIND_TS_TEMPLATE,  SD_KIND_TS_DICT,       SD_KIND_TS_CONFIG,     SD_KIND_DOMAIN,
        SD_KIND_COMPOSITE,    SD_KIND_RANGE,         SD_KIND_SEQUENCE,      SD_KIND_FUNCTION,
        SD_KIND_AGGREGATE,    SD_KIND_EVENT_TRIGGER, SD_KIND_CAST,          SD_KIND_OPERATOR,
        SD_KIND_OPFAMILY,     SD_KIND_OPCLASS,       SD_KIND_CONVERSION,    SD_KIND_EXCLUSION,
        SD_KIND_POLICY,       SD_KIND_MATVIEW,       SD_KIND_RULE,          SD_KIND_STATISTICS,
        SD_KIND_LANGUAGE,     SD_KIND_TRANSFORM,     SD_KIND_ACCESS_METHOD, SD_KIND_DEFAULT_ACL,
        SD_KIND_FDW,          SD_KIND_SERVER,        SD_KIND_USER_MAPPING,  SD_KIND_PUBLICATION,
        SD_KIND_SUBSCRIPTION, SD_KIND_BASE_TYPE
    };
    size_t missing = 0;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        assert_true(sd_kind_for_engine(ki, SD_ENGINE_PG));
        bool listed = false;
        for (size_t i = 0; i < sizeof(pg_only) / sizeof(pg_only[0]); i++)
            listed |= pg_only[i] == (sd_kind)k;
        assert_int_equal(sd_kind_for_engine(ki, SD_ENGINE_SQLITE), !listed);
        missing += !sd_kind_for_engine(ki, SD_ENGINE_SQLITE);
    }
    assert_int_equal(missing, sizeof(pg_only) / sizeof(pg_only[0]));
}

/* The field enums and the tables agree on what each index means. */
static void
test_registry_field_positions(void **state)
{
    (void)state;
    const sd_kind_info *col = sd_kind_get(SD_KIND_COLUMN);
    assert_string_equal(col->fields[SD_COLUMN_POSITION].name, "position");
    assert_int_equal(col->fields[SD_COLUMN_POSITION].type, SD_FIELD_INT);
    assert_true(col->fields[SD_COLUMN_POSITION].flags & SD_FF_ORDER);
    assert_string_equal(col->fields[SD_COLUMN_TYPE].name, "type");
    assert_string_equal(col->fields[SD_COLUMN_NOT_NULL].name, "not_null");
    assert_string_equal(col->fields[SD_COLUMN_DEFAULT].name, "default");
    assert_int_equal(col->fields[SD_COLUMN_DEFAULT].type, SD_FIELD_SQL);
    /* Only position is an order-only field. */
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        for (size_t f = 0; f < ki->nfields; f++)
            if (ki->fields[f].flags & SD_FF_ORDER)
                assert_true(k == SD_KIND_COLUMN && f == SD_COLUMN_POSITION);
    }
    const sd_kind_info *fk = sd_kind_get(SD_KIND_FOREIGN_KEY);
    assert_string_equal(fk->fields[SD_FK_REF_TABLE].name, "ref_table");
    assert_string_equal(fk->fields[SD_FK_ON_DELETE].name, "on_delete");
    assert_non_null(fk->fields[SD_FK_ON_DELETE].allowed);
    assert_string_equal(sd_kind_get(SD_KIND_INDEX)->fields[SD_INDEX_KEYS].name, "keys");
    assert_string_equal(sd_kind_get(SD_KIND_VIEW)->fields[SD_VIEW_SQL].name, "sql");
    assert_false(sd_kind_get(SD_KIND_PRIMARY_KEY)->name_is_identity);
    assert_false(sd_kind_get(SD_KIND_UNIQUE)->name_required);
    assert_true(sd_kind_get(SD_KIND_TABLE)->name_required);
}

/* Field roles: at most one field per role in a kind, of the role's type and name (the
 * introspector and the emitters write owner, acl and comment the same way for every kind),
 * and sd_kind_role_field() finds it. */
static void
test_registry_field_roles(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        sd_field_type type;
    } ROLE[SD_ROLE__COUNT] = {
        [SD_ROLE_OWNER] = { "owner", SD_FIELD_STRING },
        [SD_ROLE_ACL] = { "acl", SD_FIELD_NAMES },
        [SD_ROLE_COMMENT] = { "comment", SD_FIELD_STRING },
    };
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        for (int r = SD_ROLE_NONE + 1; r < SD_ROLE__COUNT; r++) {
            int found = -1;
            for (size_t f = 0; f < ki->nfields; f++) {
                if (ki->fields[f].role != (sd_field_role)r)
                    continue;
                assert_int_equal(found, -1); /* one field per role */
                found = (int)f;
                assert_string_equal(ki->fields[f].name, ROLE[r].name);
                assert_int_equal(ki->fields[f].type, ROLE[r].type);
            }
            assert_int_equal(sd_kind_role_field((sd_kind)k, (sd_field_role)r), found);
        }
        assert_int_equal(sd_kind_role_field((sd_kind)k, SD_ROLE_NONE), -1);
    }
    assert_int_equal(sd_kind_role_field(SD_KIND_TABLE, SD_ROLE_OWNER), SD_TABLE_OWNER);
    assert_int_equal(sd_kind_role_field(SD_KIND_VIEW, SD_ROLE_COMMENT), SD_VIEW_COMMENT);
    assert_int_equal(sd_kind_role_field(SD_KIND_COLUMN, SD_ROLE_ACL), SD_COLUMN_ACL);
    assert_int_equal(sd_kind_role_field(SD_KIND_COLUMN, SD_ROLE_OWNER), -1);
    assert_int_equal(sd_kind_role_field(SD_KIND_OPERATOR, SD_ROLE_ACL), -1);
    assert_int_equal(sd_kind_role_field(SD_KIND_COLLATION, SD_ROLE_ACL), -1);
    assert_int_equal(sd_kind_role_field(SD_KIND_OPCLASS, SD_ROLE_OWNER), SD_OPCLASS_OWNER);
    assert_int_equal(sd_kind_role_field(SD_KIND_OPFAMILY, SD_ROLE_COMMENT), SD_OPFAMILY_COMMENT);
    assert_int_equal(sd_kind_role_field(SD_KIND_CONVERSION, SD_ROLE_ACL), -1);
    assert_int_equal(sd_kind_role_field(SD_KIND_TS_PARSER, SD_ROLE_OWNER), -1);
    assert_int_equal(sd_kind_role_field(SD_KIND_TS_TEMPLATE, SD_ROLE_OWNER), -1);
    assert_int_equal(sd_kind_role_field(SD_KIND_TS_DICT, SD_ROLE_OWNER), SD_TS_DICT_OWNER);
    assert_int_equal(sd_kind_role_field(SD_KIND_TS_CONFIG, SD_ROLE_COMMENT), SD_TS_CONFIG_COMMENT);
    assert_int_equal(sd_kind_role_field(SD_KIND_EXTENSION, SD_ROLE_COMMENT), SD_EXTENSION_COMMENT);
    assert_int_equal(sd_kind_role_field(SD_KIND__COUNT, SD_ROLE_OWNER), -1);
}

static void
test_value_helpers(void **state)
{
    (void)state;
    sd_value a;
    sd_value b;
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    for (int t = 0; t < SD_FIELD__COUNT; t++) {
        assert_true(sd_value_is_default((sd_field_type)t, &a));
        assert_true(sd_value_equal((sd_field_type)t, &a, &b));
    }
    /* SQL compares by normalized form, not as written. */
    a.sql.text = "select  1";
    a.sql.norm = "SELECT 1";
    b.sql.text = "SELECT 1";
    b.sql.norm = "SELECT 1";
    assert_true(sd_value_equal(SD_FIELD_SQL, &a, &b));
    assert_false(sd_value_is_default(SD_FIELD_SQL, &a));
    b.sql.norm = "SELECT 2";
    assert_false(sd_value_equal(SD_FIELD_SQL, &a, &b));

    const char *n1[] = { "a", "b" };
    const char *n2[] = { "b", "a" };
    sd_value x;
    sd_value y;
    memset(&x, 0, sizeof(x));
    memset(&y, 0, sizeof(y));
    x.names.items = n1;
    x.names.len = 2;
    y.names.items = n2;
    y.names.len = 2;
    assert_false(sd_value_equal(SD_FIELD_NAMES, &x, &y)); /* order matters */
    y.names.items = n1;
    assert_true(sd_value_equal(SD_FIELD_NAMES, &x, &y));
    y.names.len = 1;
    assert_false(sd_value_equal(SD_FIELD_NAMES, &x, &y));

    sd_buf out = SD_BUF_INIT;
    sd_value_describe(&out, SD_FIELD_NAMES, &x);
    assert_string_equal(sd_buf_cstr(&out), "(a, b)");
    sd_buf_reset(&out);
    sd_value v;
    memset(&v, 0, sizeof(v));
    sd_value_describe(&out, SD_FIELD_STRING, &v);
    assert_string_equal(sd_buf_cstr(&out), "(none)");
    sd_buf_reset(&out);
    v.i = -42;
    sd_value_describe(&out, SD_FIELD_INT, &v);
    assert_string_equal(sd_buf_cstr(&out), "-42");
    sd_buf_reset(&out);
    v.b = true;
    sd_value_describe(&out, SD_FIELD_BOOL, &v);
    assert_string_equal(sd_buf_cstr(&out), "true");
    sd_buf_reset(&out);
    sd_keypart kp[2];
    memset(kp, 0, sizeof(kp));
    kp[0].column = "name";
    kp[0].collation = "nocase";
    kp[0].desc = true;
    kp[1].expr.text = "lower(email)";
    kp[1].nulls = "last";
    memset(&v, 0, sizeof(v));
    v.keys.items = kp;
    v.keys.len = 2;
    sd_value_describe(&out, SD_FIELD_KEYS, &v);
    assert_string_equal(sd_buf_cstr(&out), "(name COLLATE nocase DESC, lower(email) NULLS last)");
    sd_buf_dispose(&out);
}

/* ---- building, freezing, finding ---- */

static void
test_add_freeze_find(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    assert_int_equal(sd_model_engine(m), SD_ENGINE_PG);
    assert_non_null(sd_model_arena(m));
    sd_object *s = sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
    sd_object *t = sdt_add(m, SD_KIND_TABLE, "main", NULL, "orders");
    sd_object *c1 = add_column(m, "orders", "id", 1, "integer");
    sd_object *c2 = add_column(m, "orders", "total", 2, "numeric");
    sd_object *pk = sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "orders", "orders_pkey");
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, "id");
    sd_object *uq = sdt_add(m, SD_KIND_UNIQUE, "main", "orders", NULL);
    sd_obj_add_name(m, uq, SD_UNIQUE_COLUMNS, "total");
    sd_object *ix = sdt_add(m, SD_KIND_INDEX, "main", "orders", "orders_total_idx");
    sd_keypart kp = { .column = "total" };
    sd_obj_add_key(m, ix, SD_INDEX_KEYS, &kp);
    sd_object *v = sdt_add(m, SD_KIND_VIEW, "main", NULL, "big");
    sd_obj_set_sql(m, v, SD_VIEW_SQL, "SELECT id FROM orders WHERE total > 100");
    sd_obj_add_dep(m, v, SD_KIND_TABLE, "main", NULL, "orders");
    sd_obj_add_dep(m, v, SD_KIND_TABLE, "main", NULL, "orders"); /* duplicate: ignored */
    sd_obj_add_dep(m, v, SD_KIND_COLUMN, "main", "orders", "total");
    sd_object *tg = sdt_add(m, SD_KIND_TRIGGER, "main", "orders", "trg");
    sd_obj_set_sql(m, tg, SD_TRIGGER_SQL, "CREATE TRIGGER trg ...");
    sdt_freeze(m);

    assert_int_equal(sd_model_size(m), 9);
    assert_int_equal(sd_model_count(m, SD_KIND_COLUMN), 2);
    assert_int_equal(sd_model_count(m, SD_KIND_FOREIGN_KEY), 0);
    assert_ptr_equal(sd_model_find(m, SD_KIND_SCHEMA, "main", NULL, "main"), s);
    assert_ptr_equal(sd_model_find(m, SD_KIND_TABLE, "main", NULL, "orders"), t);
    assert_ptr_equal(sd_model_find_table(m, "main", "orders"), t);
    assert_ptr_equal(sd_model_find(m, SD_KIND_COLUMN, "main", "orders", "id"), c1);
    assert_ptr_equal(sd_model_find(m, SD_KIND_COLUMN, "main", "orders", "total"), c2);
    assert_ptr_equal(sd_model_find(m, SD_KIND_INDEX, "main", "orders", "orders_total_idx"), ix);
    assert_ptr_equal(sd_model_find(m, SD_KIND_VIEW, "main", NULL, "big"), v);
    assert_ptr_equal(sd_model_find(m, SD_KIND_TRIGGER, "main", "orders", "trg"), tg);
    assert_ptr_equal(sd_model_find(m, SD_KIND_PRIMARY_KEY, "main", "orders", "orders_pkey"), pk);
    /* Misses: wrong schema, kind, table, name, case. */
    assert_null(sd_model_find_table(m, "other", "orders"));
    assert_null(sd_model_find_table(m, "main", "Orders"));
    assert_null(sd_model_find_table(m, "main", "big")); /* a view is not a table */
    assert_null(sd_model_find(m, SD_KIND_VIEW, "main", NULL, "orders"));
    assert_null(sd_model_find(m, SD_KIND_COLUMN, "main", "big", "id"));
    assert_null(sd_model_find(m, SD_KIND_COLUMN, "main", "orders", "nope"));
    /* Every object is found by its own identity key and by a reference. */
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        for (size_t i = 0; i < sd_model_count(m, (sd_kind)k); i++) {
            const sd_object *o = sd_model_at(m, (sd_kind)k, i);
            assert_non_null(o->key);
            assert_int_equal(o->index, i);
            assert_ptr_equal(sd_model_find_key(m, (sd_kind)k, o->key), o);
        }
        assert_null(sd_model_at(m, (sd_kind)k, sd_model_count(m, (sd_kind)k)));
    }
    assert_ptr_equal(sd_model_find_key(m, SD_KIND_UNIQUE, uq->key), uq);
    assert_null(sd_model_find_key(m, SD_KIND_TABLE, uq->key));
    /* Owners are linked for owned kinds only. */
    assert_ptr_equal(c1->owner, t);
    assert_ptr_equal(pk->owner, t);
    assert_ptr_equal(uq->owner, t);
    assert_null(ix->owner);
    assert_null(tg->owner);
    assert_null(t->owner);
    /* Dependencies: duplicates dropped, references resolve. */
    assert_int_equal(v->ndeps, 2);
    assert_ptr_equal(sd_model_find_ref(m, &v->deps[0]), t);
    assert_ptr_equal(sd_model_find_ref(m, &v->deps[1]), c2);
    /* Setters copied and stored the values. */
    assert_string_equal(c2->v[SD_COLUMN_TYPE].s, "numeric");
    assert_int_equal(pk->v[SD_PK_COLUMNS].names.len, 1);
    assert_string_equal(pk->v[SD_PK_COLUMNS].names.items[0], "id");
    assert_int_equal(ix->v[SD_INDEX_KEYS].keys.len, 1);
    assert_string_equal(ix->v[SD_INDEX_KEYS].keys.items[0].column, "total");
    assert_string_equal(v->v[SD_VIEW_SQL].sql.text, "SELECT id FROM orders WHERE total > 100");
    assert_non_null(v->v[SD_VIEW_SQL].sql.norm);
    sd_model_free(m);
    sd_model_free(NULL);
}

static void
test_strings_are_copied_and_interned(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    char schema[] = "main";
    char table[] = "orders";
    char col[] = "id";
    char type[] = "integer";
    char nm[] = "id";
    sdt_add(m, SD_KIND_TABLE, schema, NULL, table);
    sd_object *c = sdt_add(m, SD_KIND_COLUMN, schema, table, col);
    sd_obj_set_str(m, c, SD_COLUMN_TYPE, type);
    sd_object *pk = sdt_add(m, SD_KIND_PRIMARY_KEY, schema, table, NULL);
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, nm);
    char sql[] = "SELECT 1";
    sd_object *v = sdt_add(m, SD_KIND_VIEW, schema, NULL, "v");
    sd_obj_set_sql(m, v, SD_VIEW_SQL, sql);
    /* Scribble over the caller's buffers: the model must hold its own copies. */
    schema[0] = table[0] = col[0] = type[0] = nm[0] = sql[0] = 'X';
    sdt_freeze(m);
    const sd_object *t = sd_model_find_table(m, "main", "orders");
    assert_non_null(t);
    const sd_object *cc = sd_model_find(m, SD_KIND_COLUMN, "main", "orders", "id");
    assert_ptr_equal(cc, c);
    assert_string_equal(c->v[SD_COLUMN_TYPE].s, "integer");
    assert_string_equal(pk->v[SD_PK_COLUMNS].names.items[0], "id");
    assert_string_equal(v->v[SD_VIEW_SQL].sql.text, "SELECT 1");
    /* Interned: equal schema and table names share one copy. */
    assert_ptr_equal(t->schema, c->schema);
    assert_ptr_equal(c->table, pk->table);
    assert_ptr_equal(t->schema, v->schema);
    sd_model_free(m);
}

/* Columns come back ordered by position however they were inserted. */
static void
test_children_by_position(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_SQLITE);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "b_table");
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "a_table");
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "empty");
    add_column(m, "b_table", "zz", 3, "TEXT");
    add_column(m, "a_table", "y", 2, "TEXT");
    add_column(m, "b_table", "aa", 1, "TEXT");
    add_column(m, "a_table", "x", 10, "TEXT");
    add_column(m, "b_table", "mm", 2, "TEXT");
    add_column(m, "a_table", "w", 1, "TEXT");
    sd_object *u2 = sdt_add(m, SD_KIND_UNIQUE, "main", "b_table", "u_two");
    sd_obj_add_name(m, u2, SD_UNIQUE_COLUMNS, "mm");
    sd_object *u1 = sdt_add(m, SD_KIND_UNIQUE, "main", "b_table", "u_one");
    sd_obj_add_name(m, u1, SD_UNIQUE_COLUMNS, "aa");
    sdt_freeze(m);

    static const char *const a_cols[] = { "w", "y", "x" };
    static const char *const b_cols[] = { "aa", "mm", "zz" };
    const sd_object *a = sd_model_find_table(m, "main", "a_table");
    const sd_object *b = sd_model_find_table(m, "main", "b_table");
    const sd_object *e = sd_model_find_table(m, "main", "empty");
    size_t n = 99;
    const sd_object *const *kids = sd_model_children(m, a, SD_KIND_COLUMN, &n);
    assert_int_equal(n, 3);
    assert_non_null(kids);
    for (size_t i = 0; kids != NULL && i < 3; i++) {
        assert_string_equal(kids[i]->name, a_cols[i]);
        assert_ptr_equal(kids[i]->owner, a);
    }
    kids = sd_model_children(m, b, SD_KIND_COLUMN, &n);
    assert_int_equal(n, 3);
    assert_non_null(kids);
    for (size_t i = 0; kids != NULL && i < 3; i++) {
        assert_string_equal(kids[i]->name, b_cols[i]);
        assert_ptr_equal(kids[i]->owner, b);
    }
    kids = sd_model_children(m, b, SD_KIND_UNIQUE, &n);
    assert_int_equal(n, 2);
    assert_string_equal(kids[0]->name, "u_one");
    assert_string_equal(kids[1]->name, "u_two");
    n = 99;
    sd_model_children(m, e, SD_KIND_COLUMN, &n);
    assert_int_equal(n, 0);
    sd_model_children(m, a, SD_KIND_UNIQUE, &n);
    assert_int_equal(n, 0);
    /* Tables themselves are in name order. */
    assert_string_equal(sd_model_at(m, SD_KIND_TABLE, 0)->name, "a_table");
    assert_string_equal(sd_model_at(m, SD_KIND_TABLE, 1)->name, "b_table");
    assert_string_equal(sd_model_at(m, SD_KIND_TABLE, 2)->name, "empty");
    sd_model_free(m);
}

/* Every kind's children of o: none. */
static void
assert_no_children(const sd_model *m, const sd_object *o)
{
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = 99;
        assert_null(sd_model_children(m, o, (sd_kind)k, &n));
        assert_int_equal(n, 0);
    }
}

/*
 * Owners carry lazily allocated per-kind slices: a table with no children (alone, or in a
 * model with no owned objects at all, or added by a later freeze) has zero children of every
 * kind; objects that own nothing (views, indexes, columns, schemas) have no slices at all and
 * zero children too.
 */
static void
test_children_of_childless(void **state)
{
    (void)state;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        /* No owned object anywhere in the model. */
        sd_model *m = sdt_model_new((sd_engine)e);
        sd_object *s = sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
        sd_object *t = sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
        sd_object *v = sdt_add(m, SD_KIND_VIEW, "main", NULL, "v");
        sd_obj_set_sql(m, v, SD_VIEW_SQL, "SELECT 1");
        sd_object *ix = sdt_add(m, SD_KIND_INDEX, "main", "t", "ix");
        sdt_freeze(m);
        assert_no_children(m, t);
        assert_no_children(m, s);
        assert_no_children(m, v);
        assert_no_children(m, ix);
        assert_null(sd_model__obj(v)->child_len);
        assert_null(sd_model__obj(ix)->child_len);
        assert_null(sd_model__obj(s)->child_len);
        /* The childless table's fingerprint is stable across freezes. */
        uint64_t tfp = t->fingerprint;
        sdt_freeze(m);
        assert_int_equal(t->fingerprint, tfp);
        assert_no_children(m, t);

        /* A second table, added after the first freeze, gets children; the first still has
         * none, and the new table's children are its own. */
        sd_object *u = sdt_add(m, SD_KIND_TABLE, "main", NULL, "u");
        sd_object *c = add_column(m, "u", "a", 1, "int");
        sd_object *pk = sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "u", NULL);
        sd_obj_add_name(m, pk, SD_PK_COLUMNS, "a");
        sdt_freeze(m);
        assert_no_children(m, t);
        assert_no_children(m, c);
        assert_null(sd_model__obj(c)->child_len);
        assert_int_equal(t->fingerprint, tfp);
        size_t n = 0;
        const sd_object *const *kids = sd_model_children(m, u, SD_KIND_COLUMN, &n);
        assert_int_equal(n, 1);
        assert_ptr_equal(kids[0], c);
        kids = sd_model_children(m, u, SD_KIND_PRIMARY_KEY, &n);
        assert_int_equal(n, 1);
        assert_ptr_equal(kids[0], pk);
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            if (k == SD_KIND_COLUMN || k == SD_KIND_PRIMARY_KEY)
                continue;
            n = 99;
            assert_null(sd_model_children(m, u, (sd_kind)k, &n));
            assert_int_equal(n, 0);
        }
        sd_model_free(m);
    }
}

/* ---- the not-compared list ---- */

static void
assert_uncompared(const sd_model *m, size_t i, const char *kind, const char *name)
{
    const char *k = NULL;
    const char *n = NULL;
    sd_model_uncompared_at(m, i, &k, &n);
    assert_non_null(k);
    assert_non_null(n);
    assert_string_equal(k, kind);
    assert_string_equal(n, name);
}

/*
 * Objects the model does not compare are kept, copied, sorted by (kind, name) when the model
 * is frozen, kept across freezes (also when more are added), and are no part of the model's
 * fingerprint (they are not compared, so they cannot be drift).
 */
static void
test_uncompared_list(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    assert_int_equal(sd_model_uncompared_count(m), 0);
    sdt_add(m, SD_KIND_SCHEMA, "public", NULL, "public");
    sdt_freeze(m);
    uint64_t fp = sd_model_fingerprint(m);
    assert_int_equal(sd_model_uncompared_count(m), 0);
    const char *k = "x";
    const char *n = "x";
    sd_model_uncompared_at(m, 0, &k, &n); /* out of range: NULLs */
    assert_null(k);
    assert_null(n);

    char kind[] = "rule";
    char name[] = "public.r_b";
    sd_model_add_uncompared(m, kind, name);
    kind[0] = name[0] = 'X'; /* the model holds copies */
    sd_model_add_uncompared(m, "operator", "public.===(integer, integer)");
    sd_model_add_uncompared(m, "rule", "public.r_a");
    sd_model_add_uncompared(m, "cast", "(text AS public.t)");
    sd_model_add_uncompared(m, "operator", "public.<=>(integer, integer)");
    sd_model_add_uncompared(m, "rule", "Public.r_c"); /* bytewise: upper case sorts first */
    assert_int_equal(sd_model_uncompared_count(m), 6);
    sdt_freeze(m);
    assert_int_equal(sd_model_uncompared_count(m), 6);
    assert_uncompared(m, 0, "cast", "(text AS public.t)");
    assert_uncompared(m, 1, "operator", "public.<=>(integer, integer)");
    assert_uncompared(m, 2, "operator", "public.===(integer, integer)");
    assert_uncompared(m, 3, "rule", "Public.r_c");
    assert_uncompared(m, 4, "rule", "public.r_a");
    assert_uncompared(m, 5, "rule", "public.r_b");
    sd_model_uncompared_at(m, 6, &k, &n);
    assert_null(k);
    assert_null(n);
    assert_int_equal(sd_model_fingerprint(m), fp);

    /* Freezing again keeps the list; one added later is sorted into it by the next freeze. */
    sdt_freeze(m);
    assert_int_equal(sd_model_uncompared_count(m), 6);
    assert_uncompared(m, 0, "cast", "(text AS public.t)");
    assert_uncompared(m, 5, "rule", "public.r_b");
    sd_model_add_uncompared(m, "aggregate", "public.agg(integer)");
    sdt_add(m, SD_KIND_TABLE, "public", NULL, "t");
    sdt_freeze(m);
    assert_int_equal(sd_model_uncompared_count(m), 7);
    assert_uncompared(m, 0, "aggregate", "public.agg(integer)");
    assert_uncompared(m, 1, "cast", "(text AS public.t)");
    assert_uncompared(m, 6, "rule", "public.r_b");
    for (size_t i = 1; i < sd_model_uncompared_count(m); i++) {
        const char *k0 = NULL;
        const char *n0 = NULL;
        sd_model_uncompared_at(m, i - 1, &k0, &n0);
        sd_model_uncompared_at(m, i, &k, &n);
        int c = strcmp(k0, k);
        assert_true(c < 0 || (c == 0 && strcmp(n0, n) < 0));
    }
    sd_model_free(m);

    /* An empty list and a model without one freeze the same. */
    sd_model *a = sdt_model_new(SD_ENGINE_PG);
    sd_model *b = sdt_model_new(SD_ENGINE_PG);
    sdt_add(a, SD_KIND_SCHEMA, "public", NULL, "public");
    sdt_add(b, SD_KIND_SCHEMA, "public", NULL, "public");
    sd_model_add_uncompared(b, "rule", "public.r");
    sdt_freeze(a);
    sdt_freeze(b);
    assert_int_equal(sd_model_fingerprint(a), sd_model_fingerprint(b));
    assert_int_equal(sd_model_uncompared_count(a), 0);
    assert_int_equal(sd_model_uncompared_count(b), 1);
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- canonical order and insertion-order independence ---- */

typedef void (*fill_fn)(sd_model *m, sd_object *o, bool reverse);

typedef struct spec {
    sd_kind kind;
    const char *schema;
    const char *table;
    const char *name;
    fill_fn fill;
} spec;

static void
fill_nothing(sd_model *m, sd_object *o, bool reverse)
{
    (void)m;
    (void)o;
    (void)reverse;
}

static void
fill_orders_id(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_int(o, SD_COLUMN_POSITION, 1);
    sd_obj_set_str(m, o, SD_COLUMN_TYPE, "integer");
    sd_obj_set_bool(o, SD_COLUMN_NOT_NULL, true);
}

static void
fill_orders_customer(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_int(o, SD_COLUMN_POSITION, 2);
    sd_obj_set_str(m, o, SD_COLUMN_TYPE, "integer");
}

static void
fill_orders_total(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_int(o, SD_COLUMN_POSITION, 3);
    sd_obj_set_str(m, o, SD_COLUMN_TYPE, "numeric(10,2)");
    sd_obj_set_sql(m, o, SD_COLUMN_DEFAULT, "0");
}

static void
fill_customers_id(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_int(o, SD_COLUMN_POSITION, 1);
    sd_obj_set_str(m, o, SD_COLUMN_TYPE, "integer");
}

static void
fill_customers_name(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_int(o, SD_COLUMN_POSITION, 2);
    sd_obj_set_str(m, o, SD_COLUMN_TYPE, "text");
    sd_obj_set_str(m, o, SD_COLUMN_COLLATION, "C");
}

static void
fill_log_msg(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_int(o, SD_COLUMN_POSITION, 1);
    sd_obj_set_str(m, o, SD_COLUMN_TYPE, "text");
}

static void
fill_pk_id(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_add_name(m, o, SD_PK_COLUMNS, "id");
}

static void
fill_unique_pair(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_add_name(m, o, SD_UNIQUE_COLUMNS, "customer_id");
    sd_obj_add_name(m, o, SD_UNIQUE_COLUMNS, "total");
}

static void
fill_unique_total(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_add_name(m, o, SD_UNIQUE_COLUMNS, "total");
}

static void
fill_unique_name(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_add_name(m, o, SD_UNIQUE_COLUMNS, "name");
}

static void
fill_check_total(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_sql(m, o, SD_CHECK_EXPRESSION, "total >= 0");
}

static void
fill_check_id(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_sql(m, o, SD_CHECK_EXPRESSION, "id > 0");
}

static void
fill_fk(sd_model *m, sd_object *o, bool reverse)
{
    sd_obj_add_name(m, o, SD_FK_COLUMNS, "customer_id");
    sd_obj_set_str(m, o, SD_FK_REF_TABLE, "customers");
    sd_obj_add_name(m, o, SD_FK_REF_COLUMNS, "id");
    sd_obj_set_str(m, o, SD_FK_ON_DELETE, "CASCADE");
    if (reverse) {
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "orders");
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "customers");
    } else {
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "customers");
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "orders");
    }
}

static void
fill_index(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_keypart k1 = { .column = "total", .desc = true };
    sd_keypart k2 = { .expr = { .text = "lower(customer_id)" } };
    sd_obj_add_key(m, o, SD_INDEX_KEYS, &k1);
    sd_obj_add_key(m, o, SD_INDEX_KEYS, &k2);
    sd_obj_set_sql(m, o, SD_INDEX_WHERE, "total > 0");
}

static void
fill_view_big(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_sql(m, o, SD_VIEW_SQL, "SELECT id FROM orders WHERE total > 100");
    sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "orders");
}

static void
fill_view_top(sd_model *m, sd_object *o, bool reverse)
{
    sd_obj_set_sql(m, o, SD_VIEW_SQL, "SELECT * FROM big_orders JOIN customers USING (id)");
    if (reverse) {
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "customers");
        sd_obj_add_dep(m, o, SD_KIND_VIEW, "main", NULL, "big_orders");
    } else {
        sd_obj_add_dep(m, o, SD_KIND_VIEW, "main", NULL, "big_orders");
        sd_obj_add_dep(m, o, SD_KIND_TABLE, "main", NULL, "customers");
    }
}

static void
fill_trigger(sd_model *m, sd_object *o, bool reverse)
{
    (void)reverse;
    sd_obj_set_sql(m, o, SD_TRIGGER_SQL,
                   "CREATE TRIGGER trg_audit AFTER INSERT ON orders BEGIN SELECT 1; END");
}

static void
fill_table_strict(sd_model *m, sd_object *o, bool reverse)
{
    (void)m;
    (void)reverse;
    sd_obj_set_bool(o, SD_TABLE_STRICT, true);
}

static const spec SAMPLE[] = {
    { SD_KIND_SCHEMA, "main", NULL, "main", fill_nothing },
    { SD_KIND_SCHEMA, "aux", NULL, "aux", fill_nothing },
    { SD_KIND_TABLE, "main", NULL, "orders", fill_nothing },
    { SD_KIND_TABLE, "main", NULL, "customers", fill_table_strict },
    { SD_KIND_TABLE, "aux", NULL, "log", fill_nothing },
    { SD_KIND_COLUMN, "main", "orders", "id", fill_orders_id },
    { SD_KIND_COLUMN, "main", "orders", "customer_id", fill_orders_customer },
    { SD_KIND_COLUMN, "main", "orders", "total", fill_orders_total },
    { SD_KIND_COLUMN, "main", "customers", "id", fill_customers_id },
    { SD_KIND_COLUMN, "main", "customers", "name", fill_customers_name },
    { SD_KIND_COLUMN, "aux", "log", "msg", fill_log_msg },
    { SD_KIND_PRIMARY_KEY, "main", "orders", "orders_pkey", fill_pk_id },
    { SD_KIND_PRIMARY_KEY, "main", "customers", NULL, fill_pk_id },
    { SD_KIND_UNIQUE, "main", "orders", NULL, fill_unique_pair },
    { SD_KIND_UNIQUE, "main", "orders", NULL, fill_unique_total },
    { SD_KIND_UNIQUE, "main", "customers", "customers_name_key", fill_unique_name },
    { SD_KIND_CHECK, "main", "orders", NULL, fill_check_total },
    { SD_KIND_CHECK, "main", "orders", NULL, fill_check_id },
    { SD_KIND_FOREIGN_KEY, "main", "orders", NULL, fill_fk },
    { SD_KIND_INDEX, "main", "orders", "orders_total_idx", fill_index },
    { SD_KIND_VIEW, "main", NULL, "top_orders", fill_view_top },
    { SD_KIND_VIEW, "main", NULL, "big_orders", fill_view_big },
    { SD_KIND_TRIGGER, "main", "orders", "trg_audit", fill_trigger },
};
#define NSAMPLE (sizeof(SAMPLE) / sizeof(SAMPLE[0]))

static sd_model *
build_sample(sd_engine e, bool reverse)
{
    sd_model *m = sdt_model_new(e);
    for (size_t j = 0; j < NSAMPLE; j++) {
        const spec *s = &SAMPLE[reverse ? NSAMPLE - 1 - j : j];
        sd_object *o = sdt_add(m, s->kind, s->schema, s->table, s->name);
        s->fill(m, o, reverse);
    }
    sdt_freeze(m);
    return m;
}

static void
assert_models_identical(const sd_model *a, const sd_model *b)
{
    assert_int_equal(sd_model_fingerprint(a), sd_model_fingerprint(b));
    assert_int_equal(sd_model_size(a), sd_model_size(b));
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        assert_int_equal(sd_model_count(a, (sd_kind)k), sd_model_count(b, (sd_kind)k));
        for (size_t i = 0; i < sd_model_count(a, (sd_kind)k); i++) {
            const sd_object *x = sd_model_at(a, (sd_kind)k, i);
            const sd_object *y = sd_model_at(b, (sd_kind)k, i);
            assert_string_equal(x->key, y->key);
            assert_int_equal(x->fingerprint, y->fingerprint);
            sd_buf bx = SD_BUF_INIT;
            sd_buf by = SD_BUF_INIT;
            sd_object_canonical(&bx, a, x);
            sd_object_canonical(&by, b, y);
            assert_string_equal(sd_buf_cstr(&bx), sd_buf_cstr(&by));
            sd_buf_dispose(&bx);
            sd_buf_dispose(&by);
        }
    }
}

static void
test_canonical_order_independent_of_insertion(void **state)
{
    (void)state;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        sd_model *fwd = build_sample((sd_engine)e, false);
        sd_model *rev = build_sample((sd_engine)e, true);
        assert_int_equal(sd_model_size(fwd), NSAMPLE);
        assert_models_identical(fwd, rev);
        /* The canonical order itself: by schema, then name (columns by position). */
        assert_string_equal(sd_model_at(fwd, SD_KIND_SCHEMA, 0)->name, "aux");
        assert_string_equal(sd_model_at(fwd, SD_KIND_TABLE, 0)->name, "log");
        assert_string_equal(sd_model_at(fwd, SD_KIND_TABLE, 1)->name, "customers");
        assert_string_equal(sd_model_at(fwd, SD_KIND_TABLE, 2)->name, "orders");
        assert_string_equal(sd_model_at(fwd, SD_KIND_VIEW, 0)->name, "big_orders");
        const sd_object *orders = sd_model_find_table(fwd, "main", "orders");
        size_t n = 0;
        const sd_object *const *cols = sd_model_children(fwd, orders, SD_KIND_COLUMN, &n);
        assert_int_equal(n, 3);
        assert_string_equal(cols[0]->name, "id");
        assert_string_equal(cols[1]->name, "customer_id");
        assert_string_equal(cols[2]->name, "total");
        /* Distinct objects have distinct fingerprints (the hash is not degenerate). */
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            for (size_t i = 1; i < sd_model_count(fwd, (sd_kind)k); i++) {
                assert_int_not_equal(sd_model_at(fwd, (sd_kind)k, i - 1)->fingerprint,
                                     sd_model_at(fwd, (sd_kind)k, i)->fingerprint);
            }
        }
        /* Freezing again changes nothing. */
        uint64_t fp = sd_model_fingerprint(fwd);
        sdt_freeze(fwd);
        assert_int_equal(sd_model_fingerprint(fwd), fp);
        assert_models_identical(fwd, rev);
        sd_model_free(fwd);
        sd_model_free(rev);
    }
    /* The same objects described for another engine are a different schema. */
    sd_model *pg = build_sample(SD_ENGINE_PG, false);
    sd_model *lite = build_sample(SD_ENGINE_SQLITE, false);
    assert_int_not_equal(sd_model_fingerprint(pg), sd_model_fingerprint(lite));
    sd_model_free(pg);
    sd_model_free(lite);
}

/* A model large enough that freezing fingerprints it on two threads: every fingerprint is
 * still the hash of the object's canonical form, and the model's does not depend on it. */
static void
test_large_model_fingerprints(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
    for (int i = 0; i < 5000; i++) {
        char name[32];
        snprintf(name, sizeof(name), "t%05d", i);
        sdt_add(m, SD_KIND_TABLE, "main", NULL, name);
        add_column(m, name, "id", 1, i % 2 ? "integer" : "bigint");
    }
    sdt_freeze(m);
    sd_buf b = SD_BUF_INIT;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        for (size_t i = 0; i < sd_model_count(m, (sd_kind)k); i++) {
            const sd_object *o = sd_model_at(m, (sd_kind)k, i);
            sd_buf_reset(&b);
            sd_object_canonical(&b, m, o);
            assert_false(sd_buf_failed(&b));
            assert_int_equal(o->fingerprint, XXH3_64bits(sd_buf_cstr(&b), b.len));
        }
    }
    sd_buf_dispose(&b);
    uint64_t fp = sd_model_fingerprint(m);
    sdt_freeze(m);
    assert_int_equal(sd_model_fingerprint(m), fp);
    sd_model_free(m);
}

/* Adding after a freeze and freezing again takes the new object into account. */
static void
test_refreeze_after_add(void **state)
{
    (void)state;
    sd_model *m = build_sample(SD_ENGINE_PG, false);
    uint64_t fp = sd_model_fingerprint(m);
    const sd_object *t = sd_model_find_table(m, "main", "customers");
    uint64_t tfp = t->fingerprint;
    sd_object *c = sdt_add(m, SD_KIND_COLUMN, "main", "customers", "email");
    sd_obj_set_int(c, SD_COLUMN_POSITION, 3);
    sdt_freeze(m);
    assert_int_not_equal(sd_model_fingerprint(m), fp);
    t = sd_model_find_table(m, "main", "customers");
    assert_int_not_equal(t->fingerprint, tfp);
    size_t n = 0;
    const sd_object *const *cols = sd_model_children(m, t, SD_KIND_COLUMN, &n);
    assert_int_equal(n, 3);
    assert_ptr_equal(cols[2], c);
    assert_ptr_equal(sd_model_find(m, SD_KIND_COLUMN, "main", "customers", "email"), c);
    sd_model_free(m);
}

/* ---- fingerprints react to every field ---- */

/* Schema and name of the object sdt_field_model() varies (a schema is its own schema). */
#define SUBJECT_SCHEMA(k) \
    ((k) == SD_KIND_SCHEMA ? "o" : sd_kind_is_database_wide(k) ? NULL : "main")

static const sd_object *
field_subject(const sd_model *m, sd_kind k)
{
    const sd_kind_info *ki = sd_kind_get(k);
    if (k == SD_KIND_TABLE)
        return sd_model_find_table(m, "main", "t");
    return sd_model_find(m, k, SUBJECT_SCHEMA(k), ki->has_table ? "t" : NULL, "o");
}

/* Canonical text of the varied object. */
static char *
subject_canonical(const sd_model *m, sd_kind k)
{
    sd_buf b = SD_BUF_INIT;
    sd_object_canonical(&b, m, field_subject(m, k));
    assert_false(sd_buf_failed(&b));
    return sd_buf_take(&b);
}

/*
 * Field f of kind k in engine e at variants 0, 1 and 2: each non-default value changes the
 * fingerprint of the object, of its owner and of the model, and nothing else's. Returns the
 * number of variants checked.
 */
static size_t
check_field_fingerprints(sd_engine e, sd_kind k, size_t f)
{
    const sd_kind_info *ki = sd_kind_get(k);
    size_t checked = 0;
    sd_model *mv[3] = { NULL, NULL, NULL };
    bool have[3];
    for (int v = 0; v < 3; v++)
        mv[v] = sdt_field_model(e, k, f, v, &have[v]);
    const sd_object *base = field_subject(mv[0], k);
    assert_non_null(base);
    assert_true(sd_value_is_default(ki->fields[f].type, &base->v[f]));
    for (int v = 1; v < 3; v++) {
        if (!have[v])
            continue;
        const sd_object *o = field_subject(mv[v], k);
        assert_non_null(o);
        if (o->fingerprint == base->fingerprint)
            print_error("%s.%s: fingerprint unchanged by variant %d (%s)\n", ki->name,
                        ki->fields[f].name, v, sd_engine_name(e));
        assert_false(sd_value_is_default(ki->fields[f].type, &o->v[f]));
        assert_false(sd_value_equal(ki->fields[f].type, &o->v[f], &base->v[f]));
        assert_int_not_equal(o->fingerprint, base->fingerprint);
        assert_int_not_equal(sd_model_fingerprint(mv[v]), sd_model_fingerprint(mv[0]));
        /* The owner's fingerprint folds in its objects. */
        if (ki->owner != SD_KIND__COUNT) {
            assert_non_null(o->owner);
            assert_int_not_equal(o->owner->fingerprint, base->owner->fingerprint);
        }
        /* Unrelated objects keep theirs. */
        assert_int_equal(sd_model_find_table(mv[v], "main", "other")->fingerprint,
                         sd_model_find_table(mv[0], "main", "other")->fingerprint);
        assert_int_equal(sd_model_find(mv[v], SD_KIND_SCHEMA, "main", NULL, "main")->fingerprint,
                         sd_model_find(mv[0], SD_KIND_SCHEMA, "main", NULL, "main")->fingerprint);
        checked++;
    }
    if (have[1] && have[2]) {
        const sd_object *o1 = field_subject(mv[1], k);
        const sd_object *o2 = field_subject(mv[2], k);
        assert_int_not_equal(o1->fingerprint, o2->fingerprint);
        assert_int_not_equal(sd_model_fingerprint(mv[1]), sd_model_fingerprint(mv[2]));
    }
    for (int v = 0; v < 3; v++)
        sd_model_free(mv[v]);
    return checked;
}

/* Every field of every kind, in every engine that has both the kind and the field. */
static void
test_fingerprint_every_field(void **state)
{
    (void)state;
    size_t checked[SD_ENGINE__COUNT] = { 0 };
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            for (size_t f = 0; f < sd_kind_get((sd_kind)k)->nfields; f++) {
                /* Fields an engine lacks: see test_fingerprint_ignores_other_engines. */
                if (sdt_field_in_engine((sd_kind)k, f, (sd_engine)e))
                    checked[e] += check_field_fingerprints((sd_engine)e, (sd_kind)k, f);
            }
        }
    }
    /* The loop really ran over the registry, for both engines. */
    assert_true(checked[SD_ENGINE_SQLITE] > 40);
    assert_true(checked[SD_ENGINE_PG] > 150);
}

/*
 * A field an engine does not have is no part of that engine's fingerprints: setting it on a
 * model of that engine (a PostgreSQL-only field on a SQLite model, or the reverse) changes
 * neither the object's canonical text nor its fingerprint, its owner's or the model's.
 */
static void
test_fingerprint_ignores_other_engines(void **state)
{
    (void)state;
    size_t checked[SD_ENGINE__COUNT] = { 0 };
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            const sd_kind_info *ki = sd_kind_get((sd_kind)k);
            if (!sd_kind_for_engine(ki, (sd_engine)e))
                continue;
            for (size_t f = 0; f < ki->nfields; f++) {
                if (sd_field_for_engine(&ki->fields[f], (sd_engine)e))
                    continue;
                bool have0 = false;
                bool have1 = false;
                sd_model *m0 = sdt_field_model((sd_engine)e, (sd_kind)k, f, 0, &have0);
                sd_model *m1 = sdt_field_model((sd_engine)e, (sd_kind)k, f, 1, &have1);
                assert_true(have1);
                const sd_object *o0 = field_subject(m0, (sd_kind)k);
                const sd_object *o1 = field_subject(m1, (sd_kind)k);
                assert_false(sd_value_is_default(ki->fields[f].type, &o1->v[f])); /* it is set */
                char *c0 = subject_canonical(m0, (sd_kind)k);
                char *c1 = subject_canonical(m1, (sd_kind)k);
                assert_string_equal(c0, c1);
                char needle[64];
                snprintf(needle, sizeof(needle), "\n%s=", ki->fields[f].name);
                assert_null(strstr(c1, needle));
                if (o0->fingerprint != o1->fingerprint)
                    print_error("%s.%s changes a %s fingerprint\n", ki->name, ki->fields[f].name,
                                sd_engine_name((sd_engine)e));
                assert_int_equal(o0->fingerprint, o1->fingerprint);
                if (ki->owner != SD_KIND__COUNT)
                    assert_int_equal(o0->owner->fingerprint, o1->owner->fingerprint);
                assert_int_equal(sd_model_fingerprint(m0), sd_model_fingerprint(m1));
                free(c0);
                free(c1);
                sd_model_free(m0);
                sd_model_free(m1);
                checked[e]++;
            }
        }
    }
    /* Both directions were exercised: SQLite has PostgreSQL-only fields to ignore (owner,
     * acl, comment...) and PostgreSQL has SQLite-only ones (strict, autoincrement...). */
    assert_true(checked[SD_ENGINE_SQLITE] >= 10);
    assert_true(checked[SD_ENGINE_PG] >= 3);
}

/*
 * Three objects of every kind the engine has, every field the engine has set (variants 1 and
 * 2 alternating), added in forward or reverse order. Objects with a table go on tables t0,
 * t1 and t2 (one each, so that a primary key per table is fine).
 */
static sd_model *
build_every_kind(sd_engine e, bool reverse)
{
    static const char *const names[] = { "b_o", "a_o", "c_o" };
    static const char *const tables[] = { "t2", "t0", "t1" };
    sd_model *m = sdt_model_new(e);
    sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
    for (size_t i = 0; i < 3; i++)
        sdt_add(m, SD_KIND_TABLE, "main", NULL, tables[i]);
    size_t n = (size_t)3 * SD_KIND__COUNT;
    for (size_t j = 0; j < n; j++) {
        size_t at = reverse ? n - 1 - j : j;
        sd_kind k = (sd_kind)(at / 3);
        size_t i = at % 3;
        const sd_kind_info *ki = sd_kind_get(k);
        if (!sd_kind_for_engine(ki, e))
            continue;
        const char *schema = k == SD_KIND_SCHEMA              ? names[i]
                             : ki->scope == SD_SCOPE_DATABASE ? NULL
                                                              : "main";
        sd_object *o = sdt_add(m, k, schema, ki->has_table ? tables[i] : NULL, names[i]);
        for (size_t f = 0; f < ki->nfields; f++) {
            if (sd_field_for_engine(&ki->fields[f], e) &&
                !sdt_set_variant(m, o, f, &ki->fields[f], 1 + (int)((i + f) % 2)))
                sdt_set_variant(m, o, f, &ki->fields[f], 1);
        }
    }
    sdt_freeze(m);
    return m;
}

static int
cmp_nullable(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* Objects of kind k are in canonical order, distinct, and owned ones listed by their table. */
static void
assert_kind_canonical(const sd_model *m, sd_kind k)
{
    const sd_kind_info *ki = sd_kind_get(k);
    size_t n = sd_model_count(m, k);
    for (size_t i = 1; i < n; i++) {
        const sd_object *a = sd_model_at(m, k, i - 1);
        const sd_object *b = sd_model_at(m, k, i);
        int c = cmp_nullable(a->schema, b->schema); /* NULL: database-wide */
        if (c == 0)
            c = cmp_nullable(a->table, b->table);
        if (c == 0 && k == SD_KIND_COLUMN) {
            int64_t x = a->v[SD_COLUMN_POSITION].i;
            int64_t y = b->v[SD_COLUMN_POSITION].i;
            c = x < y ? -1 : x > y;
        }
        if (c == 0)
            c = cmp_nullable(a->name, b->name);
        assert_true(c < 0);
        /* Distinct objects, distinct fingerprints. */
        assert_int_not_equal(a->fingerprint, b->fingerprint);
    }
    /* Owned objects are linked to their table, which lists them (one per table here). */
    for (size_t i = 0; ki->owner != SD_KIND__COUNT && i < n; i++) {
        const sd_object *o = sd_model_at(m, k, i);
        assert_non_null(o->owner);
        assert_string_equal(o->owner->name, o->table);
        size_t nk = 0;
        const sd_object *const *kids = sd_model_children(m, o->owner, k, &nk);
        assert_int_equal(nk, 1);
        assert_ptr_equal(kids[0], o);
    }
}

/* The canonical order holds for every kind of the registry, whatever the insertion order. */
static void
test_canonical_order_every_kind(void **state)
{
    (void)state;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        sd_model *fwd = build_every_kind((sd_engine)e, false);
        sd_model *rev = build_every_kind((sd_engine)e, true);
        assert_models_identical(fwd, rev);
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            size_t expect = sd_kind_for_engine(sd_kind_get((sd_kind)k), (sd_engine)e) ? 3 : 0;
            if (k == SD_KIND_SCHEMA)
                expect += 1; /* main */
            if (k == SD_KIND_TABLE)
                expect += 3; /* t0, t1, t2 */
            assert_int_equal(sd_model_count(fwd, (sd_kind)k), expect);
            assert_kind_canonical(fwd, (sd_kind)k);
        }
        sd_model_free(fwd);
        sd_model_free(rev);
    }
}

/* Every attribute of an index key part is part of the fingerprint. */
static void
test_fingerprint_keypart_attributes(void **state)
{
    (void)state;
    const sd_keypart variants[] = {
        { .column = "a" },
        { .column = "b" },
        { .expr = { .text = "lower(a)" } },
        { .expr = { .text = "upper(a)" } },
        { .column = "a", .collation = "nocase" },
        { .column = "a", .opclass = "text_pattern_ops" },
        { .column = "a", .desc = true },
        { .column = "a", .nulls = "first" },
        { .column = "a", .nulls = "last" },
    };
    size_t nv = sizeof(variants) / sizeof(variants[0]);
    uint64_t fps[sizeof(variants) / sizeof(variants[0])];
    for (size_t i = 0; i < nv; i++) {
        sd_model *m = sdt_model_new(SD_ENGINE_PG);
        sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
        sd_object *ix = sdt_add(m, SD_KIND_INDEX, "main", "t", "ix");
        sd_obj_add_key(m, ix, SD_INDEX_KEYS, &variants[i]);
        sdt_freeze(m);
        fps[i] = ix->fingerprint;
        for (size_t j = 0; j < i; j++)
            assert_int_not_equal(fps[i], fps[j]);
        sd_model_free(m);
    }
}

/* A table's fingerprint changes when one of its columns changes; its siblings' do not. */
static void
test_table_fingerprint_covers_columns(void **state)
{
    (void)state;
    sd_model *a = build_sample(SD_ENGINE_PG, false);
    sd_model *b = sdt_model_new(SD_ENGINE_PG);
    for (size_t j = 0; j < NSAMPLE; j++) {
        const spec *s = &SAMPLE[j];
        sd_object *o = sdt_add(b, s->kind, s->schema, s->table, s->name);
        s->fill(b, o, false);
        if (s->kind == SD_KIND_COLUMN && strcmp(s->name, "total") == 0)
            sd_obj_set_str(b, o, SD_COLUMN_TYPE, "numeric(12,2)");
    }
    sdt_freeze(b);
    assert_int_not_equal(sd_model_fingerprint(a), sd_model_fingerprint(b));
    assert_int_not_equal(sd_model_find_table(a, "main", "orders")->fingerprint,
                         sd_model_find_table(b, "main", "orders")->fingerprint);
    assert_int_equal(sd_model_find_table(a, "main", "customers")->fingerprint,
                     sd_model_find_table(b, "main", "customers")->fingerprint);
    assert_int_equal(sd_model_find_table(a, "aux", "log")->fingerprint,
                     sd_model_find_table(b, "aux", "log")->fingerprint);
    assert_int_equal(sd_model_find(a, SD_KIND_COLUMN, "main", "orders", "id")->fingerprint,
                     sd_model_find(b, SD_KIND_COLUMN, "main", "orders", "id")->fingerprint);
    /* The canonical text of the table names each child's fingerprint. */
    sd_buf text = SD_BUF_INIT;
    sd_object_canonical(&text, a, sd_model_find_table(a, "main", "orders"));
    ASSERT_CONTAINS(sd_buf_cstr(&text), "column:");
    ASSERT_CONTAINS(sd_buf_cstr(&text), "primary_key:");
    ASSERT_CONTAINS(sd_buf_cstr(&text), "foreign_key:");
    sd_buf_dispose(&text);
    sd_model_free(a);
    sd_model_free(b);
}

/* ---- SQL text normalization (SQLite) ---- */

static uint64_t
view_fingerprint(sd_engine e, const char *sql, uint64_t *model_fp)
{
    sd_model *m = sdt_model_new(e);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    add_column(m, "t", "a", 1, "TEXT");
    sd_object *v = sdt_add(m, SD_KIND_VIEW, "main", NULL, "v");
    sd_obj_set_sql(m, v, SD_VIEW_SQL, sql);
    sdt_freeze(m);
    assert_string_equal(v->v[SD_VIEW_SQL].sql.text, sql); /* kept as written */
    assert_non_null(v->v[SD_VIEW_SQL].sql.norm);
    uint64_t fp = v->fingerprint;
    *model_fp = sd_model_fingerprint(m);
    sd_model_free(m);
    return fp;
}

static void
test_sqlite_cosmetic_sql(void **state)
{
    (void)state;
    uint64_t m1 = 0;
    uint64_t m2 = 0;
    uint64_t m3 = 0;
    uint64_t m4 = 0;
    uint64_t m5 = 0;
    uint64_t v1 = view_fingerprint(SD_ENGINE_SQLITE, "SELECT  a FROM t", &m1);
    uint64_t v2 = view_fingerprint(SD_ENGINE_SQLITE, "select a from t", &m2);
    uint64_t v3 = view_fingerprint(SD_ENGINE_SQLITE, "SELECT a\n  FROM t -- all rows\n;", &m3);
    assert_int_equal(v1, v2);
    assert_int_equal(m1, m2);
    assert_int_equal(v1, v3);
    assert_int_equal(m1, m3);
    /* String literal contents are data, not cosmetics. */
    uint64_t v4 = view_fingerprint(SD_ENGINE_SQLITE, "SELECT 'A' FROM t", &m4);
    uint64_t v5 = view_fingerprint(SD_ENGINE_SQLITE, "SELECT 'a' FROM t", &m5);
    assert_int_not_equal(v4, v5);
    assert_int_not_equal(m4, m5);
    /* So is a different column. */
    uint64_t m6;
    uint64_t v6 = view_fingerprint(SD_ENGINE_SQLITE, "SELECT b FROM t", &m6);
    assert_int_not_equal(v1, v6);
}

/* Unnamed CHECKs are identified by their normalized expression. */
static void
test_sqlite_unnamed_check_identity_normalized(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_SQLITE);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *c1 = sdt_add(m, SD_KIND_CHECK, "main", "t", NULL);
    sd_obj_set_sql(m, c1, SD_CHECK_EXPRESSION, "a > 0");
    sd_object *c2 = sdt_add(m, SD_KIND_CHECK, "main", "t", NULL);
    sd_obj_set_sql(m, c2, SD_CHECK_EXPRESSION, "a  >  0 ");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_model_freeze(m, &err), SD_ERR_PARSE);
    ASSERT_CONTAINS(err.msg, "duplicate check constraint main.t");
    sd_model_free(m);

    m = sdt_model_new(SD_ENGINE_SQLITE);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    c1 = sdt_add(m, SD_KIND_CHECK, "main", "t", NULL);
    sd_obj_set_sql(m, c1, SD_CHECK_EXPRESSION, "a > 0");
    c2 = sdt_add(m, SD_KIND_CHECK, "main", "t", NULL);
    sd_obj_set_sql(m, c2, SD_CHECK_EXPRESSION, "a > 1");
    sdt_freeze(m);
    assert_int_equal(sd_model_count(m, SD_KIND_CHECK), 2);
    sd_model_free(m);
}

/* SQL text the tokenizer rejects: SD_ERR_PARSE naming the object and the field. */
static void
test_sqlite_bad_sql_text(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_SQLITE);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *v = sdt_add(m, SD_KIND_VIEW, "main", NULL, "broken");
    sd_obj_set_sql(m, v, SD_VIEW_SQL, "SELECT 'unterminated FROM t");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_model_freeze(m, &err), SD_ERR_PARSE);
    assert_int_equal(err.code, SD_ERR_PARSE);
    ASSERT_CONTAINS(err.msg, "view main.broken");
    ASSERT_CONTAINS(err.msg, "sql");
    sd_model_free(m);
}

/*
 * Regression (model/model.c, normalize_sql, fixed): on a tokenizer error the tokenizer's
 * message used to be put in err->detail before sd_err_set() cleared every part, so the
 * detail was lost. err.detail must hold the tokenizer's message.
 */
static void
test_sqlite_bad_sql_text_keeps_detail(void **state)
{
    sd_model *m = sdt_model_new(SD_ENGINE_SQLITE);
    *state = m; /* freed by free_model_state, also when an assertion fails */
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *v = sdt_add(m, SD_KIND_VIEW, "main", NULL, "broken");
    sd_obj_set_sql(m, v, SD_VIEW_SQL, "SELECT 'unterminated FROM t");
    sd_err err = SD_ERR_INIT;
    assert_int_equal(sd_model_freeze(m, &err), SD_ERR_PARSE);
    ASSERT_CONTAINS(err.detail, "unterminated");
}

/* ---- identity errors ---- */

static void
expect_freeze_error(sd_model *m, sd_status code, const char *needle)
{
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_model_freeze(m, &err);
    if (rc != code)
        print_error("freeze returned %d (%s), expected %d\n", (int)rc, err.msg, (int)code);
    assert_int_equal(rc, code);
    assert_int_equal(err.code, code);
    ASSERT_CONTAINS(err.msg, needle);
}

static void
test_duplicate_identity(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate table main.t");
    sd_model_free(m);

    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    add_column(m, "t", "a", 1, "int");
    add_column(m, "t", "a", 2, "text");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate column main.t.a");
    sd_model_free(m);

    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_VIEW, "s", NULL, "v");
    sdt_add(m, SD_KIND_VIEW, "s", NULL, "v");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate view s.v");
    sd_model_free(m);

    /* Same name in different scopes or kinds is fine. */
    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sdt_add(m, SD_KIND_TABLE, "aux", NULL, "t");
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "u");
    sdt_add(m, SD_KIND_VIEW, "main", NULL, "t2");
    sdt_add(m, SD_KIND_INDEX, "main", "t", "t2");
    add_column(m, "t", "a", 1, "int");
    add_column(m, "u", "a", 1, "int");
    sdt_freeze(m);
    assert_int_equal(sd_model_count(m, SD_KIND_TABLE), 3);
    assert_int_equal(sd_model_count(m, SD_KIND_COLUMN), 2);
    sd_model_free(m);
}

static void
test_owned_object_missing_table(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    add_column(m, "nope", "a", 1, "int");
    expect_freeze_error(m, SD_ERR_PARSE, "column main.nope.a");
    sd_model_free(m);

    /* A table of that name in another schema does not count. */
    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "aux", NULL, "t");
    sd_object *pk = sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "t", NULL);
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, "a");
    expect_freeze_error(m, SD_ERR_PARSE, "primary key main.t");
    sd_model_free(m);

    /* Nor does a view of that name. */
    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_VIEW, "main", NULL, "v");
    sd_object *fk = sdt_add(m, SD_KIND_FOREIGN_KEY, "main", "v", "fk");
    sd_obj_add_name(m, fk, SD_FK_COLUMNS, "a");
    expect_freeze_error(m, SD_ERR_PARSE, "missing table");
    sd_model_free(m);
}

static void
test_unnamed_constraints(void **state)
{
    (void)state;
    /* Two unnamed uniques on different columns coexist, each found by its key. */
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *u1 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u1, SD_UNIQUE_COLUMNS, "a");
    sd_object *u2 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u2, SD_UNIQUE_COLUMNS, "b");
    sd_object *u3 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u3, SD_UNIQUE_COLUMNS, "a");
    sd_obj_add_name(m, u3, SD_UNIQUE_COLUMNS, "b");
    sd_object *u4 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u4, SD_UNIQUE_COLUMNS, "b");
    sd_obj_add_name(m, u4, SD_UNIQUE_COLUMNS, "a");
    /* A named one on the same columns as an unnamed one is a different constraint. */
    sd_object *u5 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", "t_a_key");
    sd_obj_add_name(m, u5, SD_UNIQUE_COLUMNS, "a");
    sdt_freeze(m);
    assert_int_equal(sd_model_count(m, SD_KIND_UNIQUE), 5);
    const sd_object *all[] = { u1, u2, u3, u4, u5 };
    for (size_t i = 0; i < 5; i++) {
        assert_ptr_equal(sd_model_find_key(m, SD_KIND_UNIQUE, all[i]->key), all[i]);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(all[i]->key, all[j]->key);
    }
    sd_model_free(m);

    /* The same columns twice: a duplicate. */
    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    u1 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u1, SD_UNIQUE_COLUMNS, "a");
    sd_obj_add_name(m, u1, SD_UNIQUE_COLUMNS, "b");
    u2 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u2, SD_UNIQUE_COLUMNS, "a");
    sd_obj_add_name(m, u2, SD_UNIQUE_COLUMNS, "b");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate unique constraint main.t");
    sd_model_free(m);

    /* Unnamed FKs: same columns to different tables coexist; to the same table clash. */
    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *f1 = sdt_add(m, SD_KIND_FOREIGN_KEY, "main", "t", NULL);
    sd_obj_add_name(m, f1, SD_FK_COLUMNS, "x");
    sd_obj_set_str(m, f1, SD_FK_REF_TABLE, "p");
    sd_obj_add_name(m, f1, SD_FK_REF_COLUMNS, "id");
    sd_object *f2 = sdt_add(m, SD_KIND_FOREIGN_KEY, "main", "t", NULL);
    sd_obj_add_name(m, f2, SD_FK_COLUMNS, "x");
    sd_obj_set_str(m, f2, SD_FK_REF_TABLE, "q");
    sd_obj_add_name(m, f2, SD_FK_REF_COLUMNS, "id");
    sdt_freeze(m);
    assert_int_equal(sd_model_count(m, SD_KIND_FOREIGN_KEY), 2);
    /* on_delete is not identity: changing it keeps the key. */
    sd_object *f3 = sdt_add(m, SD_KIND_FOREIGN_KEY, "main", "t", NULL);
    sd_obj_add_name(m, f3, SD_FK_COLUMNS, "x");
    sd_obj_set_str(m, f3, SD_FK_REF_TABLE, "q");
    sd_obj_add_name(m, f3, SD_FK_REF_COLUMNS, "id");
    sd_obj_set_str(m, f3, SD_FK_ON_DELETE, "CASCADE");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate foreign key main.t");
    sd_model_free(m);
}

/*
 * Regression (model/model.c, make_key, fixed): the identity of an unnamed constraint used to
 * be built from sd_value_describe(), which joins names with ", " and is not injective: an
 * unnamed UNIQUE on the single column named "a, b" (a legal quoted identifier) and one on
 * the columns (a, b) clashed. Identities are now length-prefixed; both must coexist.
 */
static void
test_unnamed_identity_is_injective(void **state)
{
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    *state = m; /* freed by free_model_state, also when an assertion fails */
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *u1 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u1, SD_UNIQUE_COLUMNS, "a, b");
    sd_object *u2 = sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sd_obj_add_name(m, u2, SD_UNIQUE_COLUMNS, "a");
    sd_obj_add_name(m, u2, SD_UNIQUE_COLUMNS, "b");
    sdt_freeze(m);
    assert_int_equal(sd_model_count(m, SD_KIND_UNIQUE), 2);
}

static void
test_primary_key_identity_ignores_name(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *pk = sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "t", "t_pkey");
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, "id");
    sdt_freeze(m);
    assert_ptr_equal(sd_model_find(m, SD_KIND_PRIMARY_KEY, "main", "t", "t_pkey"), pk);
    assert_ptr_equal(sd_model_find(m, SD_KIND_PRIMARY_KEY, "main", "t", "other_name"), pk);
    assert_ptr_equal(sd_model_find(m, SD_KIND_PRIMARY_KEY, "main", "t", NULL), pk);
    assert_null(sd_model_find(m, SD_KIND_PRIMARY_KEY, "main", "u", NULL));
    assert_string_equal(pk->name, "t_pkey"); /* kept as an attribute */

    /* The same primary key under another name (or none) has the same identity. */
    sd_model *m2 = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m2, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *pk2 = sdt_add(m2, SD_KIND_PRIMARY_KEY, "main", "t", NULL);
    sd_obj_add_name(m2, pk2, SD_PK_COLUMNS, "id");
    sdt_freeze(m2);
    assert_string_equal(pk->key, pk2->key);
    assert_ptr_equal(sd_model_find_key(m2, SD_KIND_PRIMARY_KEY, pk->key), pk2);
    sd_model_free(m2);

    /* Two primary keys on one table: a duplicate whatever their names. */
    sd_object *pk3 = sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "t", "another");
    sd_obj_add_name(m, pk3, SD_PK_COLUMNS, "x");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate primary key main.t");
    sd_model_free(m);
}

/* SQLite compares identifiers without regard to ASCII case; PostgreSQL names are exact. */
static void
test_identifier_case(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_SQLITE);
    sd_object *t = sdt_add(m, SD_KIND_TABLE, "main", NULL, "Users");
    sd_object *c = add_column(m, "Users", "Id", 1, "INTEGER");
    sd_object *e1 = sdt_add(m, SD_KIND_TABLE, "main", NULL, "\xc3\xa9t\xc3\xa9");
    sd_object *e2 = sdt_add(m, SD_KIND_TABLE, "main", NULL, "\xc3\x89T\xc3\x89");
    sdt_freeze(m);
    assert_ptr_equal(sd_model_find_table(m, "main", "users"), t);
    assert_ptr_equal(sd_model_find_table(m, "main", "USERS"), t);
    assert_ptr_equal(sd_model_find_table(m, "MAIN", "Users"), t);
    assert_ptr_equal(sd_model_find(m, SD_KIND_COLUMN, "main", "users", "ID"), c);
    assert_string_equal(t->name, "Users"); /* the spelling is kept */
    /* Only ASCII folds (SQLite's own rule): these are two tables. */
    assert_ptr_equal(sd_model_find_table(m, "main", "\xc3\xa9T\xc3\xa9"), e1);
    assert_ptr_equal(sd_model_find_table(m, "main", "\xc3\x89t\xc3\x89"), e2);
    assert_int_equal(sd_model_count(m, SD_KIND_TABLE), 3);
    sd_model_free(m);

    m = sdt_model_new(SD_ENGINE_SQLITE);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "T");
    expect_freeze_error(m, SD_ERR_PARSE, "duplicate table main.");
    sd_model_free(m);

    m = sdt_model_new(SD_ENGINE_PG);
    sd_object *lower = sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    sd_object *upper = sdt_add(m, SD_KIND_TABLE, "main", NULL, "T");
    sdt_freeze(m);
    assert_ptr_equal(sd_model_find_table(m, "main", "t"), lower);
    assert_ptr_equal(sd_model_find_table(m, "main", "T"), upper);
    sd_model_free(m);
}

/* ---- describe ---- */

static void
test_object_describe(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sd_object *s = sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
    sd_object *t = sdt_add(m, SD_KIND_TABLE, "main", NULL, "orders");
    sd_object *c = add_column(m, "orders", "id", 1, "int");
    sd_object *pk = sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "orders", "orders_pkey");
    sd_obj_add_name(m, pk, SD_PK_COLUMNS, "id");
    sd_object *uq = sdt_add(m, SD_KIND_UNIQUE, "main", "orders", NULL);
    sd_obj_add_name(m, uq, SD_UNIQUE_COLUMNS, "a");
    sd_obj_add_name(m, uq, SD_UNIQUE_COLUMNS, "b");
    sd_object *nuq = sdt_add(m, SD_KIND_UNIQUE, "main", "orders", "orders_a_key");
    sd_obj_add_name(m, nuq, SD_UNIQUE_COLUMNS, "a");
    sd_object *ck = sdt_add(m, SD_KIND_CHECK, "main", "orders", NULL);
    sd_obj_set_sql(m, ck, SD_CHECK_EXPRESSION, "amount > 0");
    sd_object *fk = sdt_add(m, SD_KIND_FOREIGN_KEY, "main", "orders", NULL);
    sd_obj_add_name(m, fk, SD_FK_COLUMNS, "customer_id");
    sd_obj_set_str(m, fk, SD_FK_REF_TABLE, "customers");
    sd_object *nfk = sdt_add(m, SD_KIND_FOREIGN_KEY, "main", "orders", "orders_fk");
    sd_object *ix = sdt_add(m, SD_KIND_INDEX, "main", "orders", "orders_idx");
    sd_object *v = sdt_add(m, SD_KIND_VIEW, "main", NULL, "big");
    sd_object *tg = sdt_add(m, SD_KIND_TRIGGER, "main", "orders", "trg");
    sd_object *oc = sdt_add(m, SD_KIND_OPCLASS, "main", NULL, "int_ops using btree");
    sd_object *of = sdt_add(m, SD_KIND_OPFAMILY, "main", NULL, "my ops using hash");
    sdt_freeze(m);
    describe_is(s, "schema main");
    describe_is(t, "table main.orders");
    describe_is(c, "column main.orders.id");
    describe_is(pk, "primary key main.orders");
    /* model.h's comment shows "unique constraint main.orders(a, b)"; the code puts a space. */
    describe_is(uq, "unique constraint main.orders (a, b)");
    describe_is(nuq, "unique constraint main.orders.orders_a_key");
    describe_is(ck, "check constraint main.orders (amount > 0)");
    describe_is(fk, "foreign key main.orders (customer_id)");
    describe_is(nfk, "foreign key main.orders.orders_fk");
    describe_is(ix, "index main.orders.orders_idx");
    describe_is(v, "view main.big");
    describe_is(tg, "trigger main.orders.trg");
    /* The access method is no part of the name to quote. */
    describe_is(oc, "operator class main.int_ops using btree");
    describe_is(of, "operator family main.\"my ops\" using hash");
    /* describe appends. */
    sd_buf b = SD_BUF_INIT;
    sd_buf_append(&b, "drop ");
    sd_object_describe(&b, v);
    assert_string_equal(sd_buf_cstr(&b), "drop view main.big");
    sd_buf_dispose(&b);
    sd_model_free(m);
}

/* Every kind of the registry: "label schema.name", "label schema.table.name", or for a kind
 * whose name is no identity (primary key) "label schema.table". */
static void
test_object_describe_every_kind(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "s", NULL, "t");
    const sd_object *objs[SD_KIND__COUNT];
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        objs[k] = sdt_add(m, (sd_kind)k,
                          k == SD_KIND_SCHEMA              ? "o"
                          : ki->scope == SD_SCOPE_DATABASE ? NULL
                                                           : "s",
                          ki->has_table ? "t" : NULL, "o");
    }
    sdt_freeze(m);
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        char expect[128];
        if (k == SD_KIND_SCHEMA || ki->scope == SD_SCOPE_DATABASE)
            snprintf(expect, sizeof(expect), "%s o", ki->label);
        else if (!ki->name_is_identity)
            snprintf(expect, sizeof(expect), "%s s.t", ki->label);
        else if (ki->has_table)
            snprintf(expect, sizeof(expect), "%s s.t.o", ki->label);
        else
            snprintf(expect, sizeof(expect), "%s s.o", ki->label);
        describe_is(objs[k], expect);
    }
    /* A few labels spelled out. */
    describe_is(objs[SD_KIND_MATVIEW], "materialized view s.o");
    describe_is(objs[SD_KIND_EXCLUSION], "exclusion constraint s.t.o");
    describe_is(objs[SD_KIND_POLICY], "policy s.t.o");
    describe_is(objs[SD_KIND_ENUM], "enum type s.o");
    describe_is(objs[SD_KIND_BASE_TYPE], "base type s.o");
    sd_model_free(m);
}

/* ---- database-wide kinds ---- */

/*
 * The scope rules: exactly the database-wide kinds have no schema; they sort, index and
 * fingerprint with a NULL schema, are found with one, describe without one, and count in
 * the model's fingerprint.
 */
static void
test_database_wide_scope(void **state)
{
    (void)state;
    static const sd_kind db_wide[] = {
        SD_KIND_EVENT_TRIGGER, SD_KIND_CAST,        SD_KIND_LANGUAGE,    SD_KIND_TRANSFORM,
        SD_KIND_ACCESS_METHOD, SD_KIND_FDW,         SD_KIND_SERVER,      SD_KIND_USER_MAPPING,
        SD_KIND_DEFAULT_ACL,   SD_KIND_PUBLICATION, SD_KIND_SUBSCRIPTION
    };
    size_t n = 0;
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        bool listed = false;
        for (size_t i = 0; i < sizeof(db_wide) / sizeof(db_wide[0]); i++)
            listed = listed || db_wide[i] == (sd_kind)k;
        assert_int_equal(ki->scope == SD_SCOPE_DATABASE, listed);
        assert_int_equal(sd_kind_is_database_wide((sd_kind)k), listed);
        if (listed) {
            /* Not owned, no table: nothing to nest in but the database. */
            assert_int_equal(ki->owner, SD_KIND__COUNT);
            assert_false(ki->has_table);
            n++;
        }
    }
    assert_int_equal(n, 11);

    sd_model *a = sdt_model_new(SD_ENGINE_PG);
    sdt_add(a, SD_KIND_SCHEMA, "public", NULL, "public");
    sd_object *k2 = sdt_add(a, SD_KIND_CAST, NULL, NULL, "(text AS public.t)");
    sd_object *k1 = sdt_add(a, SD_KIND_CAST, NULL, NULL, "(integer AS public.t)");
    sd_obj_set_str(a, k1, SD_CAST_SOURCE, "integer");
    sd_obj_set_str(a, k1, SD_CAST_TARGET, "public.t");
    sd_obj_add_dep(a, k1, SD_KIND_EVENT_TRIGGER, NULL, NULL, "log_ddl");
    sd_object *e = sdt_add(a, SD_KIND_EVENT_TRIGGER, NULL, NULL, "log_ddl");
    sd_obj_set_str(a, e, SD_EVENT_TRIGGER_EVENT, "ddl_command_end");
    sdt_freeze(a);
    /* Canonical order by name; found with a NULL schema, not with any schema. */
    assert_ptr_equal(sd_model_at(a, SD_KIND_CAST, 0), k1);
    assert_ptr_equal(sd_model_at(a, SD_KIND_CAST, 1), k2);
    assert_ptr_equal(sd_model_find(a, SD_KIND_CAST, NULL, NULL, "(integer AS public.t)"), k1);
    assert_null(sd_model_find(a, SD_KIND_CAST, "public", NULL, "(integer AS public.t)"));
    assert_ptr_equal(sd_model_find_ref(a, &k1->deps[0]), e);
    assert_null(k1->schema);
    describe_is(k1, "cast (integer AS public.t)");
    describe_is(e, "event trigger log_ddl");
    /* The model's fingerprint covers them: a field of one changes it. */
    sd_model *b = sdt_model_new(SD_ENGINE_PG);
    sdt_add(b, SD_KIND_SCHEMA, "public", NULL, "public");
    sdt_add(b, SD_KIND_CAST, NULL, NULL, "(text AS public.t)");
    sd_object *b1 = sdt_add(b, SD_KIND_CAST, NULL, NULL, "(integer AS public.t)");
    sd_obj_set_str(b, b1, SD_CAST_SOURCE, "integer");
    sd_obj_set_str(b, b1, SD_CAST_TARGET, "public.t");
    sd_obj_add_dep(b, b1, SD_KIND_EVENT_TRIGGER, NULL, NULL, "log_ddl");
    sd_object *be = sdt_add(b, SD_KIND_EVENT_TRIGGER, NULL, NULL, "log_ddl");
    sd_obj_set_str(b, be, SD_EVENT_TRIGGER_EVENT, "ddl_command_start");
    sdt_freeze(b);
    assert_true(sd_model_fingerprint(a) != sd_model_fingerprint(b));
    assert_true(sd_model_at(a, SD_KIND_EVENT_TRIGGER, 0)->fingerprint != be->fingerprint);
    assert_true(k1->fingerprint == b1->fingerprint);
    /* A control byte in a cast's name is shown quoted, like any name. */
    sd_model *c = sdt_model_new(SD_ENGINE_PG);
    sd_object *odd = sdt_add(c, SD_KIND_CAST, NULL, NULL, "(a\nb AS c)");
    /* A transform's name is shown as it is too; a language's and an access method's like
     * any name. */
    sd_object *tf = sdt_add(c, SD_KIND_TRANSFORM, NULL, NULL, "FOR public.t LANGUAGE my lang");
    sd_object *lg = sdt_add(c, SD_KIND_LANGUAGE, NULL, NULL, "my lang");
    sd_object *am = sdt_add(c, SD_KIND_ACCESS_METHOD, NULL, NULL, "am");
    sd_object *um = sdt_add(c, SD_KIND_USER_MAPPING, NULL, NULL, "public@remote");
    sdt_freeze(c);
    describe_is(odd, "cast \"(a\nb AS c)\"");
    describe_is(tf, "transform FOR public.t LANGUAGE my lang");
    describe_is(lg, "language \"my lang\"");
    describe_is(am, "access method am");
    /* A user mapping is described by its "user@server" name. */
    describe_is(um, "user mapping public@remote");
    sd_model_free(a);
    sd_model_free(b);
    sd_model_free(c);
}

/* ---- misuse of sd_model_add ---- */

static void
expect_add_error(sd_model *m,
                 sd_kind kind,
                 const char *schema,
                 const char *table,
                 const char *name,
                 const char *needle)
{
    static sd_object dummy;
    sd_err err = SD_ERR_INIT;
    sd_object *o = &dummy; /* must be reset to NULL */
    sd_status rc = sd_model_add(m, kind, schema, table, name, &o, &err);
    assert_int_equal(rc, SD_ERR);
    assert_int_equal(err.code, SD_ERR);
    assert_null(o);
    ASSERT_CONTAINS(err.msg, needle);
}

static void
test_add_misuse(void **state)
{
    (void)state;
    sd_model *m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    expect_add_error(m, SD_KIND_COLUMN, "main", NULL, "a", "column needs a table");
    expect_add_error(m, SD_KIND_INDEX, "main", NULL, "ix", "index needs a table");
    expect_add_error(m, SD_KIND_TABLE, "main", "t", "u", "table must not have a table");
    expect_add_error(m, SD_KIND_VIEW, "main", "t", "v", "view must not have a table");
    expect_add_error(m, SD_KIND_TABLE, "main", NULL, NULL, "table without a name");
    expect_add_error(m, SD_KIND_COLUMN, "main", "t", NULL, "column without a name");
    expect_add_error(m, SD_KIND_TABLE, NULL, NULL, "t", "table needs a schema");
    /* Database-wide kinds have no schema, and must not be given one. */
    expect_add_error(m, SD_KIND_CAST, "main", NULL, "(integer AS text)",
                     "cast must not have a schema");
    expect_add_error(m, SD_KIND_EVENT_TRIGGER, "main", NULL, "e",
                     "event trigger must not have a schema");
    expect_add_error(m, SD_KIND__COUNT, "main", NULL, "x", "bad object kind");
    /* Kinds whose name is optional accept NULL. */
    sdt_add(m, SD_KIND_UNIQUE, "main", "t", NULL);
    sdt_add(m, SD_KIND_PRIMARY_KEY, "main", "t", NULL);
    /* Rejected objects were not added: the model freezes with just the good ones. */
    sdt_freeze(m);
    assert_int_equal(sd_model_size(m), 3);
    assert_int_equal(sd_model_count(m, SD_KIND_COLUMN), 0);
    assert_int_equal(sd_model_count(m, SD_KIND_TABLE), 1);
    sd_model_free(m);

    /* The same rules for every kind of the registry. */
    m = sdt_model_new(SD_ENGINE_PG);
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        const sd_kind_info *ki = sd_kind_get((sd_kind)k);
        bool db_wide = ki->scope == SD_SCOPE_DATABASE;
        const char *schema = db_wide ? NULL : "main"; /* the right one */
        char needle[96];
        if (ki->has_table) {
            snprintf(needle, sizeof(needle), "%s needs a table", ki->label);
            expect_add_error(m, (sd_kind)k, schema, NULL, "x", needle);
        } else {
            snprintf(needle, sizeof(needle), "%s must not have a table", ki->label);
            expect_add_error(m, (sd_kind)k, schema, "t", "x", needle);
        }
        if (ki->name_required) {
            snprintf(needle, sizeof(needle), "%s without a name", ki->label);
            expect_add_error(m, (sd_kind)k, schema, ki->has_table ? "t" : NULL, NULL, needle);
        }
        snprintf(needle, sizeof(needle), "%s %s a schema", ki->label,
                 db_wide ? "must not have" : "needs");
        expect_add_error(m, (sd_kind)k, db_wide ? "main" : NULL, ki->has_table ? "t" : NULL, "x",
                         needle);
    }
    sdt_freeze(m);
    assert_int_equal(sd_model_size(m), 1);
    sd_model_free(m);
}

/* Models of the test below, kept in *state so that a failing assertion does not leak them. */
typedef struct model_pair {
    sd_model *base; /* without the object */
    sd_model *with; /* with the object of a kind the engine does not have */
} model_pair;

static void
free_model_pair_members(model_pair *p)
{
    sd_model_free(p->base);
    sd_model_free(p->with);
    p->base = NULL;
    p->with = NULL;
}

static int
new_model_pair(void **state)
{
    *state = calloc(1, sizeof(model_pair));
    return *state != NULL ? 0 : -1;
}

static int
free_model_pair(void **state)
{
    model_pair *p = *state;
    if (p != NULL)
        free_model_pair_members(p);
    free(p);
    *state = NULL;
    return 0;
}

/*
 * BUG (model/model.c, fingerprint_all): model.h says a kind an engine does not have is
 * absent from that engine's fingerprints, but fingerprint_all() folds in the objects of every
 * kind. Input: a SQLite model (schema main, table t) plus one object of a PostgreSQL-only
 * kind (e.g. sequence main.o). Expected: either sd_model_add() refuses the object, or the
 * model fingerprint equals that of the same model without it. Actual: it is added and the
 * model fingerprint changes. Visible effect: the snapshot writer leaves such objects out
 * (sd_snapshot__nests), so the snapshot it writes fails its own top-level fingerprint check
 * when read back. Fails until fixed.
 */
static void
test_other_engines_kinds_not_fingerprinted(void **state)
{
    model_pair *p = *state;
    size_t checked = 0;
    for (int e = 0; e < SD_ENGINE__COUNT; e++) {
        for (size_t k = 0; k < SD_KIND__COUNT; k++) {
            const sd_kind_info *ki = sd_kind_get((sd_kind)k);
            if (sd_kind_for_engine(ki, (sd_engine)e))
                continue;
            free_model_pair_members(p);
            p->base = sdt_model_new((sd_engine)e);
            sdt_add(p->base, SD_KIND_SCHEMA, "main", NULL, "main");
            sdt_add(p->base, SD_KIND_TABLE, "main", NULL, "t");
            sdt_freeze(p->base);
            p->with = sdt_model_new((sd_engine)e);
            sdt_add(p->with, SD_KIND_SCHEMA, "main", NULL, "main");
            sdt_add(p->with, SD_KIND_TABLE, "main", NULL, "t");
            sd_err err = SD_ERR_INIT;
            sd_object *o = NULL;
            sd_status rc = sd_model_add(p->with, (sd_kind)k, "main", ki->has_table ? "t" : NULL,
                                        "o", &o, &err);
            checked++;
            if (rc != SD_OK) {
                assert_int_equal(rc, SD_ERR);
                assert_null(o);
                continue;
            }
            sdt_freeze(p->with);
            if (sd_model_fingerprint(p->with) != sd_model_fingerprint(p->base))
                print_error("kind %s in a %s model changes its fingerprint\n", ki->name,
                            sd_engine_name((sd_engine)e));
            assert_int_equal(sd_model_fingerprint(p->with), sd_model_fingerprint(p->base));
            assert_int_equal(sd_model_find_table(p->with, "main", "t")->fingerprint,
                             sd_model_find_table(p->base, "main", "t")->fingerprint);
        }
    }
    assert_true(checked >= 10);
}

int
main(void)
{
    /* Regression tests for reported (now fixed) bugs come last: under CMOCKA_TEST_ABORT=1 the
     * first failure stops the run, and it should not hide the other tests. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_registry_completeness),
        cmocka_unit_test(test_registry_kind_order),
        cmocka_unit_test(test_registry_engines),
        cmocka_unit_test(test_registry_field_positions),
        cmocka_unit_test(test_registry_field_roles),
        cmocka_unit_test(test_value_helpers),
        cmocka_unit_test(test_add_freeze_find),
        cmocka_unit_test(test_strings_are_copied_and_interned),
        cmocka_unit_test(test_children_by_position),
        cmocka_unit_test(test_children_of_childless),
        cmocka_unit_test(test_uncompared_list),
        cmocka_unit_test(test_canonical_order_independent_of_insertion),
        cmocka_unit_test(test_canonical_order_every_kind),
        cmocka_unit_test(test_refreeze_after_add),
        cmocka_unit_test(test_fingerprint_every_field),
        cmocka_unit_test(test_fingerprint_ignores_other_engines),
        cmocka_unit_test(test_fingerprint_keypart_attributes),
        cmocka_unit_test(test_table_fingerprint_covers_columns),
        cmocka_unit_test(test_sqlite_cosmetic_sql),
        cmocka_unit_test(test_sqlite_unnamed_check_identity_normalized),
        cmocka_unit_test(test_sqlite_bad_sql_text),
        cmocka_unit_test(test_duplicate_identity),
        cmocka_unit_test(test_owned_object_missing_table),
        cmocka_unit_test(test_unnamed_constraints),
        cmocka_unit_test(test_primary_key_identity_ignores_name),
        cmocka_unit_test(test_identifier_case),
        cmocka_unit_test(test_object_describe),
        cmocka_unit_test(test_object_describe_every_kind),
        cmocka_unit_test(test_database_wide_scope),
        cmocka_unit_test(test_add_misuse),
        cmocka_unit_test_teardown(test_sqlite_bad_sql_text_keeps_detail, free_model_state),
        cmocka_unit_test_teardown(test_unnamed_identity_is_injective, free_model_state),
        cmocka_unit_test(test_large_model_fingerprints),
        /* Known, reported bug: fails until model/model.c is fixed (see its comment). */
        cmocka_unit_test_setup_teardown(test_other_engines_kinds_not_fingerprinted, new_model_pair,
                                        free_model_pair),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
