/*
 * map.c: open-addressing hash index keyed by byte strings, hashed with XXH3. Deliberately
 * has no iteration: callers keep canonically ordered arrays for anything that is output.
 */
#include "util/map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

struct sd_map_slot {
    const char *key; /* NULL: empty slot */
    size_t keylen;   /* key length in bytes */
    uint64_t hash;   /* XXH3 of the key */
    void *value;     /* caller's pointer */
};

static size_t
find_slot(const struct sd_map_slot *slots,
          size_t cap,
          const char *key,
          size_t keylen,
          uint64_t hash)
{
    size_t i = (size_t)hash & (cap - 1);
    while (slots[i].key != NULL) {
        if (slots[i].hash == hash && slots[i].keylen == keylen &&
            memcmp(slots[i].key, key, keylen) == 0)
            return i;
        i = (i + 1) & (cap - 1);
    }
    return i;
}

static sd_status
grow(sd_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    struct sd_map_slot *slots = calloc(cap, sizeof(*slots));
    if (slots == NULL)
        return SD_ERR_NOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (m->slots[i].key == NULL)
            continue;
        size_t j = find_slot(slots, cap, m->slots[i].key, m->slots[i].keylen, m->slots[i].hash);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return SD_OK;
}

sd_status
sd_map_putn(sd_map *m, const char *key, size_t keylen, void *value)
{
    if ((m->len + 1) * 4 > m->cap * 3) {
        sd_status rc = grow(m);
        if (rc != SD_OK)
            return rc;
    }
    uint64_t h = XXH3_64bits(key, keylen);
    size_t i = find_slot(m->slots, m->cap, key, keylen, h);
    if (m->slots[i].key == NULL)
        m->len++;
    m->slots[i].key = key;
    m->slots[i].keylen = keylen;
    m->slots[i].hash = h;
    m->slots[i].value = value;
    return SD_OK;
}

sd_status
sd_map_put(sd_map *m, const char *key, void *value)
{
    return sd_map_putn(m, key, strlen(key), value);
}

void *
sd_map_getn(const sd_map *m, const char *key, size_t keylen)
{
    if (m->cap == 0)
        return NULL;
    uint64_t h = XXH3_64bits(key, keylen);
    size_t i = find_slot(m->slots, m->cap, key, keylen, h);
    return m->slots[i].key != NULL ? m->slots[i].value : NULL;
}

void *
sd_map_get(const sd_map *m, const char *key)
{
    return sd_map_getn(m, key, strlen(key));
}

void
sd_map_dispose(sd_map *m)
{
    free(m->slots);
    m->slots = NULL;
    m->len = m->cap = 0;
}
