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
    sd_model *renamed;                   /* owned copy of "from" with the renames applied */
    SD_VEC(sd_rename) renames;           /* in the order they run */
    SD_VEC(const char *) suggestions;    /* possible renames, as hints (arena strings) */
};

/* Order cl->changes: drops before creates/alters, dependencies respected (order.c). */
sd_status sd_diff__order(sd_changelist *cl, sd_err *err);

/* Parse the hints, find the implicit enum value renames, and when there are renames set
 * cl->renamed and cl->renames (rename.c). cl->from is the caller's model. */
sd_status sd_diff__renames(sd_changelist *cl, const sd_diff_options *opts, sd_err *err);
/* Fill cl->suggestions from the changes (rename.c). */
sd_status sd_diff__suggest(sd_changelist *cl, sd_err *err);

#endif
