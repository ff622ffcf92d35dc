/*
 * pg_builders.h: short builders of PostgreSQL objects whose shape differs from SQLite's
 * (views without dependency lists, indexes with a method, dependencies in schema public),
 * for the tests that build PostgreSQL models with short_builders.h.
 */
#ifndef SD_TESTS_UNIT_SUPPORT_PG_BUILDERS_H
#define SD_TESTS_UNIT_SUPPORT_PG_BUILDERS_H

#include "model/model.h"
#include "support/short_builders.h"

/* A view with query sql (its dependencies: dep()). */
static inline sd_object *
view(sd_model *m, const char *name, const char *sql)
{
    sd_object *o = add(m, SD_KIND_VIEW, NULL, name);
    sd_obj_set_sql(m, o, SD_VIEW_SQL, sql);
    return o;
}

/* o depends on the object of kind named table.name (table NULL: not an owned object). */
static inline sd_object *
dep(sd_model *m, sd_object *o, sd_kind kind, const char *table, const char *name)
{
    sd_obj_add_dep(m, o, kind, "public", table, name);
    return o;
}

/* A btree index of table t on one column. */
static inline sd_object *
index_on(sd_model *m, const char *t, const char *name, const char *column)
{
    sd_object *o = add(m, SD_KIND_INDEX, t, name);
    sd_keypart kp = { 0 };
    kp.column = column;
    sd_obj_add_key(m, o, SD_INDEX_KEYS, &kp);
    sd_obj_set_str(m, o, SD_INDEX_METHOD, "btree");
    return o;
}

#endif
