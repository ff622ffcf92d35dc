/*
 * model_int.h: declarations shared between the model's own files; no other module
 * includes this (the layering test enforces it).
 */
#ifndef SD_MODEL_MODEL_INT_H
#define SD_MODEL_MODEL_INT_H

#include <xxhash.h>

#include "model/model.h"
#include "util/map.h"
#include "util/sort.h"
#include "util/util.h"
#include "util/vec.h"

/* An object the model does not compare, kept for "not compared" reports. */
typedef struct sd_uncompared {
    const char *kind; /* "rule", "operator", ... */
    const char *name; /* qualified name as the catalog shows it */
} sd_uncompared;

struct sd_model {
    sd_arena *arena;                          /* owns every object and string */
    sd_engine engine;                         /* engine the model describes */
    SD_VEC(sd_object *) objs[SD_KIND__COUNT]; /* per kind; canonical order once frozen */
    sd_map index[SD_KIND__COUNT];             /* identity key -> object (frozen) */
    sd_map interned;                          /* string -> arena copy */
    SD_VEC(sd_uncompared) uncompared;         /* objects not compared, sorted by freeze */
    uint64_t fingerprint;                     /* over all objects (frozen) */
    bool frozen;                              /* sd_model_freeze() succeeded */
    bool failed;                              /* a builder call failed (NOMEM, misuse) */
};

/*
 * An object as sd_model_add() allocates it: the public sd_object first, then the bookkeeping
 * only model/ reads. Every sd_object * of a model points at the pub member of one of these,
 * so sd_model__obj() may convert back (C11 6.7.2.1: a struct and its first member share
 * their address).
 */
typedef struct sd_object_int {
    sd_object pub;       /* what other modules see */
    size_t depcap;       /* allocated pub.deps */
    size_t *child_start; /* owners only: per kind, slice start in that kind's array */
    size_t *child_len;   /* owners only: per kind, slice length (NULL: owns nothing) */
} sd_object_int;

static inline sd_object_int *
sd_model__obj(const sd_object *o)
{
    return (sd_object_int *)o;
}

/* Arena copy of s, shared with every equal string already in the model. */
const char *sd_model__intern(sd_model *m, const char *s);
/* Append an unambiguous (length-prefixed) encoding of a value; SQL by its normalized form.
 * Used for fingerprints and for the identity of unnamed constraints. */
void sd_model__put_value(sd_buf *b, sd_field_type type, const sd_value *v);
/* Compute o->fingerprint (owned objects' fingerprints must be set already), serializing into
 * scratch; false when scratch ran out of memory. */
bool sd_model__fingerprint(const sd_model *m, sd_object *o, sd_buf *scratch);

#endif
