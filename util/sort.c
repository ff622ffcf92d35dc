/*
 * sort.c: a stable merge sort (qsort is not stable) and byte-wise string comparison, so
 * that canonical orders never depend on locale or on how ties happen to fall.
 */
#include "util/sort.h"

#include <stdlib.h>
#include <string.h>

static void
merge_pass(char *src, char *dst, size_t n, size_t sz, size_t width, sd_cmp_fn cmp, void *ctx)
{
    for (size_t lo = 0; lo < n; lo += 2 * width) {
        size_t mid = lo + width < n ? lo + width : n;
        size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
        size_t i = lo;
        size_t j = mid;
        size_t k = lo;
        while (i < mid && j < hi) {
            /* <= keeps equal elements in their original order: the stability guarantee. */
            if (cmp(src + i * sz, src + j * sz, ctx) <= 0)
                memcpy(dst + (k++) * sz, src + (i++) * sz, sz);
            else
                memcpy(dst + (k++) * sz, src + (j++) * sz, sz);
        }
        if (i < mid)
            memcpy(dst + k * sz, src + i * sz, (mid - i) * sz);
        k += mid - i;
        if (j < hi)
            memcpy(dst + k * sz, src + j * sz, (hi - j) * sz);
    }
}

sd_status
sd_sort(void *base, size_t n, size_t sz, sd_cmp_fn cmp, void *ctx)
{
    if (n < 2)
        return SD_OK;
    char *tmp = malloc(n * sz);
    if (tmp == NULL)
        return SD_ERR_NOMEM;
    char *src = base;
    char *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        merge_pass(src, dst, n, sz, width, cmp, ctx);
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != base)
        memcpy(base, src, n * sz);
    free(tmp);
    return SD_OK;
}

int
sd_strcmp_c(const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (a == NULL)
        return -1;
    if (b == NULL)
        return 1;
    return strcmp(a, b);
}
