/*
 * vec.c: the growth step behind SD_VEC (doubling, overflow-checked).
 */
#include "util/vec.h"

#include <stdint.h>

sd_status
sd_vec__grow(void **items, size_t *cap, size_t need, size_t sz)
{
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return SD_ERR_NOMEM;
        c *= 2;
    }
    if (c > SIZE_MAX / sz)
        return SD_ERR_NOMEM;
    void *p = realloc(*items, c * sz);
    if (p == NULL)
        return SD_ERR_NOMEM;
    *items = p;
    *cap = c;
    return SD_OK;
}
