/*
 * diff_int.h: declarations shared between the diff module's files.
 */
#ifndef SD_DIFF_DIFF_INT_H
#define SD_DIFF_DIFF_INT_H

#include "diff/diff.h"
#include "util/util.h"

struct sd_changelist {
    sd_arena *arena;                     /* owns the change records */
    const sd_model *from;                /* "from" model (not owned) */
    const sd_model *to;                  /* "to" model (not owned) */
    SD_VEC(sd_change *) changes;         /* in output order */
    size_t *from_change[SD_KIND__COUNT]; /* per kind, by object index: change index + 1, or 0 */
    size_t *to_change[SD_KIND__COUNT];   /* the same for "to" objects */
    size_t *to_deferred[SD_KIND__COUNT]; /* the same for SD_CHG_DEFERRED changes */
    size_t drift;                        /* changes that are drift */
};

/* Order cl->changes: drops before creates/alters, dependencies respected (order.c). */
sd_status sd_diff__order(sd_changelist *cl, sd_err *err);

#endif
