/*
 * arena.h: region allocator. A model or change list owns one arena; everything allocated
 * from it is released together by sd_arena_free(). Allocation failure is sticky: the
 * allocation returns NULL and sd_arena_failed() reports it, so builders check once.
 *
 * With SD_ARENA_DEBUG defined (the sanitizer build), every allocation is its own malloc so
 * that AddressSanitizer sees overflows between neighbouring objects.
 */
#ifndef SD_UTIL_ARENA_H
#define SD_UTIL_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sd_arena sd_arena;

sd_arena *sd_arena_new(void);
void sd_arena_free(sd_arena *a); /* accepts NULL */
/* Zeroed memory aligned for any type; NULL (and sticky failure) when out of memory. */
void *sd_arena_alloc(sd_arena *a, size_t n);
/* Overflow-checked n * size allocation. */
void *sd_arena_calloc(sd_arena *a, size_t n, size_t size);
#define sd_arena_array(a, T, n) ((T *)sd_arena_calloc((a), (n), sizeof(T)))
/* Strings are packed with no alignment (they are only ever read as chars). */
char *sd_arena_strdup(sd_arena *a, const char *s);            /* NULL in, NULL out */
char *sd_arena_strndup(sd_arena *a, const char *s, size_t n); /* copies n bytes + NUL */
char *sd_arena_sprintf(sd_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool sd_arena_failed(const sd_arena *a);
/* Bytes handed out so far (for benchmarks and memory reports). */
size_t sd_arena_used(const sd_arena *a);

#endif
