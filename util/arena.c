/*
 * arena.c: region allocator backing every model and change list.
 *
 * Normal mode carves allocations out of pages that double in size up to a cap; a request
 * larger than a page gets a block of its own. Debug mode (SD_ARENA_DEBUG) gives every
 * allocation its own malloc so AddressSanitizer can see overruns between objects.
 */
#include "util/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sd_arena_block {
    struct sd_arena_block *next; /* previously allocated block */
    size_t cap;                  /* usable bytes in data */
    size_t used;                 /* bytes handed out from data */
    max_align_t data[];          /* the memory itself, aligned for any type */
} sd_arena_block;

struct sd_arena {
    sd_arena_block *head; /* current block (newest first) */
    size_t next_cap;      /* capacity of the next page */
    size_t used;          /* total bytes handed out */
    bool failed;          /* an allocation failed */
};

#define ARENA_FIRST_PAGE 4096u
#define ARENA_MAX_PAGE   (1u << 20)
#define ARENA_ALIGN      (sizeof(max_align_t))

sd_arena *
sd_arena_new(void)
{
    sd_arena *a = calloc(1, sizeof(*a));
    if (a != NULL)
        a->next_cap = ARENA_FIRST_PAGE;
    return a;
}

void
sd_arena_free(sd_arena *a)
{
    if (a == NULL)
        return;
    sd_arena_block *b = a->head;
    while (b != NULL) {
        sd_arena_block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

static sd_arena_block *
new_block(size_t cap)
{
    if (cap > SIZE_MAX - sizeof(sd_arena_block))
        return NULL;
    sd_arena_block *b = malloc(sizeof(*b) + cap);
    if (b == NULL)
        return NULL;
    b->cap = cap;
    b->used = 0;
    b->next = NULL;
    return b;
}

/*
 * n bytes aligned to align (1 or ARENA_ALIGN), zeroed unless zero is false. Strings take
 * align 1: most are short, and rounding each to 16 bytes wasted about a third of a model's
 * string memory. The page offset is rounded up only when an aligned request follows.
 */
static void *
arena_alloc(sd_arena *a, size_t n, size_t align, bool zero)
{
    if (a == NULL || a->failed)
        return NULL;
    if (n == 0)
        n = 1;
    size_t rounded = (n + align - 1) / align * align;
    if (rounded < n) {
        a->failed = true;
        return NULL;
    }
#ifdef SD_ARENA_DEBUG
    sd_arena_block *b = new_block(n);
    if (b == NULL) {
        a->failed = true;
        return NULL;
    }
    b->used = n;
    b->next = a->head;
    a->head = b;
    a->used += n;
    if (zero)
        memset(b->data, 0, n);
    return b->data;
#else
    sd_arena_block *b = a->head;
    size_t start = b == NULL ? 0 : (b->used + align - 1) / align * align;
    if (b == NULL || start > b->cap || b->cap - start < rounded) {
        if (rounded > a->next_cap / 2) {
            /* Big request: its own block, placed behind the current page so that page
             * keeps serving small allocations. */
            sd_arena_block *big = new_block(rounded);
            if (big == NULL) {
                a->failed = true;
                return NULL;
            }
            big->used = rounded;
            if (b == NULL) {
                a->head = big;
            } else {
                big->next = b->next;
                b->next = big;
            }
            a->used += rounded;
            if (zero)
                memset(big->data, 0, rounded);
            return big->data;
        }
        b = new_block(a->next_cap);
        if (b == NULL) {
            a->failed = true;
            return NULL;
        }
        if (a->next_cap < ARENA_MAX_PAGE)
            a->next_cap *= 2;
        b->next = a->head;
        a->head = b;
        start = 0;
    }
    void *p = (char *)b->data + start;
    b->used = start + rounded;
    a->used += rounded;
    if (zero)
        memset(p, 0, rounded);
    return p;
#endif
}

void *
sd_arena_alloc(sd_arena *a, size_t n)
{
    return arena_alloc(a, n, ARENA_ALIGN, true);
}

void *
sd_arena_calloc(sd_arena *a, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size) {
        if (a != NULL)
            a->failed = true;
        return NULL;
    }
    return sd_arena_alloc(a, n * size);
}

char *
sd_arena_strndup(sd_arena *a, const char *s, size_t n)
{
    if (s == NULL)
        return NULL;
    if (n == SIZE_MAX) {
        if (a != NULL)
            a->failed = true;
        return NULL;
    }
    char *p = arena_alloc(a, n + 1, 1, false);
    if (p == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
sd_arena_strdup(sd_arena *a, const char *s)
{
    if (s == NULL)
        return NULL;
    return sd_arena_strndup(a, s, strlen(s));
}

char *
sd_arena_sprintf(sd_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        a->failed = true;
        return NULL;
    }
    char *p = sd_arena_alloc(a, (size_t)n + 1);
    if (p == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

bool
sd_arena_failed(const sd_arena *a)
{
    return a == NULL || a->failed;
}

size_t
sd_arena_used(const sd_arena *a)
{
    return a == NULL ? 0 : a->used;
}
