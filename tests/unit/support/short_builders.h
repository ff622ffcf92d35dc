/*
 * short_builders.h: the model builders of model_builder.h under the short names the emit
 * tests write models with, every object in the engine's default schema (public or main).
 *
 * Static inline, so that a test that includes this and uses only some of them still
 * compiles without warnings. Builders that differ between the engines (foreign keys,
 * views, indexes...) stay in each test.
 */
#ifndef SD_TESTS_UNIT_SUPPORT_SHORT_BUILDERS_H
#define SD_TESTS_UNIT_SUPPORT_SHORT_BUILDERS_H

#include <stdbool.h>

#include "model/model.h"
#include "support/model_builder.h"

static inline sd_object *
add(sd_model *m, sd_kind kind, const char *table, const char *name)
{
    return sdt_add(m, kind, sdt_default_schema(m), table, name);
}

static inline sd_object *
table(sd_model *m, const char *name)
{
    return add(m, SD_KIND_TABLE, NULL, name);
}

/* A column at position pos; type may be NULL. */
static inline sd_object *
col(sd_model *m, const char *t, int pos, const char *name, const char *type)
{
    return sdt_column(m, sdt_default_schema(m), t, name, pos, type);
}

static inline sd_object *
not_null(sd_object *c)
{
    sd_obj_set_bool(c, SD_COLUMN_NOT_NULL, true);
    return c;
}

static inline sd_object *
dflt(sd_model *m, sd_object *c, const char *text)
{
    sd_obj_set_sql(m, c, SD_COLUMN_DEFAULT, text);
    return c;
}

/* Names separated by single spaces ("" adds nothing). */
static inline void
names(sd_model *m, sd_object *o, int field, const char *list)
{
    sdt_names(m, o, field, list);
}

static inline sd_object *
pk(sd_model *m, const char *t, const char *name, const char *cols)
{
    return sdt_pk(m, sdt_default_schema(m), t, name, cols);
}

static inline sd_object *
unique(sd_model *m, const char *t, const char *name, const char *cols)
{
    return sdt_unique(m, sdt_default_schema(m), t, name, cols);
}

static inline sd_object *
check(sd_model *m, const char *t, const char *name, const char *expr)
{
    return sdt_check(m, sdt_default_schema(m), t, name, expr);
}

#endif
