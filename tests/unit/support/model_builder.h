/*
 * model_builder.h: building models in unit tests, shared by every test that builds one.
 *
 * Each builder asserts (cmocka) that the model accepted the call, so a test states the model
 * it wants and a mistake in it fails the test. A test that writes every object in one schema
 * binds it in short local helpers (add, add_column); the emit tests take theirs from
 * short_builders.h. The library links only the model, like the tests of the model itself.
 */
#ifndef SD_TESTS_UNIT_SUPPORT_MODEL_BUILDER_H
#define SD_TESTS_UNIT_SUPPORT_MODEL_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "util/err.h"

/* Fail the running test at the caller's line unless rc is SD_OK, printing err in full. */
#define ASSERT_SD_OK(rc, err) sdt_ok_at((rc), (err), __FILE__, __LINE__)
void sdt_ok_at(sd_status rc, const sd_err *err, const char *file, int line);

/* Fail the running test at the caller's line unless haystack contains needle. */
#define ASSERT_CONTAINS(haystack, needle) sdt_contains_at((haystack), (needle), __FILE__, __LINE__)
void sdt_contains_at(const char *haystack, const char *needle, const char *file, int line);

/* The schema a test's objects go in when it does not say: public for PostgreSQL, main for
 * SQLite (where every table is in main). */
const char *sdt_default_schema(const sd_model *m);
/* An empty model (never NULL). */
sd_model *sdt_model_new(sd_engine e);
/* sd_model_add(), which must succeed; the new object. */
sd_object *
sdt_add(sd_model *m, sd_kind kind, const char *schema, const char *table, const char *name);
/* A column of table at position pos; type may be NULL. */
sd_object *sdt_column(sd_model *m,
                      const char *schema,
                      const char *table,
                      const char *name,
                      int64_t pos,
                      const char *type);
/* sd_model_freeze(), which must succeed. */
void sdt_freeze(sd_model *m);

/* Add the names of list, separated by single spaces ("" adds none), to the names field. */
void sdt_names(sd_model *m, sd_object *o, int field, const char *list);
/* A primary key or a unique constraint on the columns of cols (space separated). */
sd_object *
sdt_pk(sd_model *m, const char *schema, const char *table, const char *name, const char *cols);
sd_object *
sdt_unique(sd_model *m, const char *schema, const char *table, const char *name, const char *cols);
/* A check constraint with expression expr. */
sd_object *
sdt_check(sd_model *m, const char *schema, const char *table, const char *name, const char *expr);

/*
 * Set field f (described by fi) of o to variant v: 0 leaves the zero value, 1 and 2 are two
 * different non-default values. False when the type has no such variant (bool has no 2).
 */
bool sdt_set_variant(sd_model *m, sd_object *o, size_t f, const sd_field_info *fi, int v);
/*
 * A frozen model of engine e with schema main, a sibling table "other" (one column), table
 * "t" and one object of kind k named "o" (for k == TABLE the object is "t" itself; for
 * k == SCHEMA it is schema "o"), field f at variant v (sdt_set_variant(); *ok is its result).
 */
sd_model *sdt_field_model(sd_engine e, sd_kind k, size_t f, int v, bool *ok);
/* True when kind k and its field f both exist for engine e. */
bool sdt_field_in_engine(sd_kind k, size_t f, sd_engine e);

#endif
