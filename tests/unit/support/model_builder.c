/*
 * model_builder.c: the model builders and assertions the unit tests share (model_builder.h).
 */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include "support/model_builder.h"

#include <stdbool.h>
#include <string.h>

void
sdt_ok_at(sd_status rc, const sd_err *err, const char *file, int line)
{
    if (rc == SD_OK)
        return;
    print_error("status %d: %s [where: %s] [detail: %s] [hint: %s]\n", (int)rc, err->msg,
                err->where, err->detail, err->hint);
    _fail(file, line);
}

void
sdt_contains_at(const char *haystack, const char *needle, const char *file, int line)
{
    if (strstr(haystack, needle) != NULL)
        return;
    print_error("\"%s\" does not contain \"%s\"\n", haystack, needle);
    _fail(file, line);
}

const char *
sdt_default_schema(const sd_model *m)
{
    return sd_model_engine(m) == SD_ENGINE_PG ? "public" : "main";
}

sd_model *
sdt_model_new(sd_engine e)
{
    sd_model *m = sd_model_new(e);
    assert_non_null(m);
    return m;
}

sd_object *
sdt_add(sd_model *m, sd_kind kind, const char *schema, const char *table, const char *name)
{
    sd_err err = SD_ERR_INIT;
    sd_object *o = NULL;
    sd_status rc = sd_model_add(m, kind, schema, table, name, &o, &err);
    ASSERT_SD_OK(rc, &err);
    assert_non_null(o);
    return o;
}

sd_object *
sdt_column(sd_model *m,
           const char *schema,
           const char *table,
           const char *name,
           int64_t pos,
           const char *type)
{
    sd_object *c = sdt_add(m, SD_KIND_COLUMN, schema, table, name);
    sd_obj_set_int(c, SD_COLUMN_POSITION, pos);
    sd_obj_set_str(m, c, SD_COLUMN_TYPE, type);
    return c;
}

void
sdt_freeze(sd_model *m)
{
    sd_err err = SD_ERR_INIT;
    sd_status rc = sd_model_freeze(m, &err);
    ASSERT_SD_OK(rc, &err);
}

void
sdt_names(sd_model *m, sd_object *o, int field, const char *list)
{
    char buf[512];
    size_t len = strlen(list);
    assert_true(len < sizeof(buf)); /* a longer list would be cut short */
    memcpy(buf, list, len + 1);
    for (char *p = buf; p != NULL && *p != '\0';) {
        char *sp = strchr(p, ' ');
        if (sp != NULL)
            *sp = '\0';
        sd_obj_add_name(m, o, field, p);
        p = sp != NULL ? sp + 1 : NULL;
    }
}

sd_object *
sdt_pk(sd_model *m, const char *schema, const char *table, const char *name, const char *cols)
{
    sd_object *o = sdt_add(m, SD_KIND_PRIMARY_KEY, schema, table, name);
    sdt_names(m, o, SD_PK_COLUMNS, cols);
    return o;
}

sd_object *
sdt_unique(sd_model *m, const char *schema, const char *table, const char *name, const char *cols)
{
    sd_object *o = sdt_add(m, SD_KIND_UNIQUE, schema, table, name);
    sdt_names(m, o, SD_UNIQUE_COLUMNS, cols);
    return o;
}

sd_object *
sdt_check(sd_model *m, const char *schema, const char *table, const char *name, const char *expr)
{
    sd_object *o = sdt_add(m, SD_KIND_CHECK, schema, table, name);
    sd_obj_set_sql(m, o, SD_CHECK_EXPRESSION, expr);
    return o;
}

bool
sdt_set_variant(sd_model *m, sd_object *o, size_t f, const sd_field_info *fi, int v)
{
    if (v == 0)
        return true;
    switch (fi->type) {
    case SD_FIELD_BOOL:
        if (v == 2)
            return false;
        sd_obj_set_bool(o, (int)f, true);
        return true;
    case SD_FIELD_INT:
        sd_obj_set_int(o, (int)f, v == 1 ? 7 : 8);
        return true;
    case SD_FIELD_STRING:
        if (fi->allowed != NULL) {
            if (v == 2 && fi->allowed[1] == NULL)
                return false;
            sd_obj_set_str(m, o, (int)f, fi->allowed[v - 1]);
        } else {
            sd_obj_set_str(m, o, (int)f, v == 1 ? "text" : "other");
        }
        return true;
    case SD_FIELD_SQL:
        sd_obj_set_sql(m, o, (int)f, v == 1 ? "x + 1" : "x + 2");
        return true;
    case SD_FIELD_NAMES:
        /* (x, y) versus (y, x): same set, different order */
        sd_obj_add_name(m, o, (int)f, v == 1 ? "x" : "y");
        sd_obj_add_name(m, o, (int)f, v == 1 ? "y" : "x");
        return true;
    case SD_FIELD_KEYS: {
        sd_keypart kp = { .column = v == 1 ? "x" : "y" };
        sd_obj_add_key(m, o, (int)f, &kp);
        return true;
    }
    case SD_FIELD__COUNT:
        break;
    }
    return false;
}

sd_model *
sdt_field_model(sd_engine e, sd_kind k, size_t f, int v, bool *ok)
{
    const sd_kind_info *ki = sd_kind_get(k);
    sd_model *m = sdt_model_new(e);
    sdt_add(m, SD_KIND_SCHEMA, "main", NULL, "main");
    sdt_add(m, SD_KIND_TABLE, "main", NULL, "other");
    sdt_column(m, "main", "other", "c", 1, "integer");
    sd_object *o = sdt_add(m, SD_KIND_TABLE, "main", NULL, "t");
    if (k != SD_KIND_TABLE)
        o = sdt_add(m, k,
                    k == SD_KIND_SCHEMA              ? "o"
                    : ki->scope == SD_SCOPE_DATABASE ? NULL
                                                     : "main",
                    ki->has_table ? "t" : NULL, "o");
    *ok = sdt_set_variant(m, o, f, &ki->fields[f], v);
    sdt_freeze(m);
    return m;
}

bool
sdt_field_in_engine(sd_kind k, size_t f, sd_engine e)
{
    const sd_kind_info *ki = sd_kind_get(k);
    return sd_kind_for_engine(ki, e) && sd_field_for_engine(&ki->fields[f], e);
}
