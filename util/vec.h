/*
 * vec.h: one generic growable array. SD_VEC(T) declares struct { T *items; size_t len, cap; }.
 * sd_vec_push() returns SD_OK or SD_ERR_NOMEM. Heap-allocated; release with sd_vec_dispose().
 */
#ifndef SD_UTIL_VEC_H
#define SD_UTIL_VEC_H

#include <stddef.h>
#include <stdlib.h>

#include "util/err.h"

#define SD_VEC(T)   \
    struct {        \
        T *items;   \
        size_t len; \
        size_t cap; \
    }

#define SD_VEC_INIT \
    {               \
        NULL, 0, 0  \
    }

/* Grow *items so that it holds at least need elements of size sz. */
sd_status sd_vec__grow(void **items, size_t *cap, size_t need, size_t sz);

#define sd_vec_push(v, x)                                                                        \
    (((v)->len < (v)->cap ||                                                                     \
      sd_vec__grow((void **)&(v)->items, &(v)->cap, (v)->len + 1, sizeof(*(v)->items)) == SD_OK) \
         ? ((v)->items[(v)->len++] = (x), SD_OK)                                                 \
         : SD_ERR_NOMEM)

#define sd_vec_dispose(v)        \
    do {                         \
        free((v)->items);        \
        (v)->items = NULL;       \
        (v)->len = (v)->cap = 0; \
    } while (0)

#endif
