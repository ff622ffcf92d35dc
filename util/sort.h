/*
 * sort.h: stable merge sort (qsort is not stable, and ties must never decide output order)
 * and the byte-wise string comparison used for every canonical order.
 */
#ifndef SD_UTIL_SORT_H
#define SD_UTIL_SORT_H

#include <stddef.h>

#include "util/err.h"

typedef int (*sd_cmp_fn)(const void *a, const void *b, void *ctx);

/* Stable sort of n elements of sz bytes. SD_ERR_NOMEM if the scratch buffer cannot be had. */
sd_status sd_sort(void *base, size_t n, size_t sz, sd_cmp_fn cmp, void *ctx);
/* strcmp on bytes with NULL ordered before every string. */
int sd_strcmp_c(const char *a, const char *b);

#endif
