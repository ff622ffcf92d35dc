/*
 * map.h: string -> pointer hash index (open addressing, XXH3). An index only: it has no
 * public iteration, so output order can never come from hash order. Keys are not copied:
 * the caller keeps them alive (normally in a model arena) as long as the map.
 */
#ifndef SD_UTIL_MAP_H
#define SD_UTIL_MAP_H

#include <stddef.h>

#include "util/err.h"

typedef struct sd_map {
    struct sd_map_slot *slots; /* cap slots, NULL key = empty */
    size_t len;                /* live entries */
    size_t cap;                /* power of two or 0 */
} sd_map;

#define SD_MAP_INIT \
    {               \
        NULL, 0, 0  \
    }

/* Insert or replace. Returns SD_ERR_NOMEM on allocation failure. */
sd_status sd_map_put(sd_map *m, const char *key, void *value);
/* Length-delimited key variant (keys may contain NUL bytes). */
sd_status sd_map_putn(sd_map *m, const char *key, size_t keylen, void *value);
void *sd_map_get(const sd_map *m, const char *key);
void *sd_map_getn(const sd_map *m, const char *key, size_t keylen);
void sd_map_dispose(sd_map *m);

#endif
