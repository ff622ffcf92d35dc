/*
 * test_core.c: unit tests for the core helpers in util/: arena, sd_buf, SD_VEC, sd_map,
 * sd_sort / sd_strcmp_c, sd_err, the file helpers and sd_thread_both.
 *
 * Each test asserts on observable behaviour (contents, addresses, return codes, sticky
 * failure flags, printed bytes), so a regression in any helper makes one of them fail.
 */
/* clang-format off */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
/* clang-format on */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/map.h"
#include "util/sort.h"
#include "util/thread.h"
#include "util/vec.h"

/* A tiny deterministic PRNG (xorshift32), so failures reproduce. */
static uint32_t
next_rand(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* ---- arena ---- */

static void
test_arena_alignment(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    assert_non_null(a);
    /* Odd sizes in a row must still each come back aligned for any type. */
    static const size_t sizes[] = { 1, 3, 7, 8, 13, 16, 17, 31, 33, 63, 100, 1, 2 };
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        void *p = sd_arena_alloc(a, sizes[i]);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
    }
    /* A long double stored at an arena address must round-trip (UBSan checks alignment). */
    long double *ld = sd_arena_alloc(a, sizeof(*ld));
    assert_non_null(ld);
    *ld = 1.5L;
    assert_true(*ld == 1.5L);
    assert_false(sd_arena_failed(a));
    sd_arena_free(a);
}

static void
test_arena_zeroed_and_distinct(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    unsigned char *p = sd_arena_alloc(a, 64);
    unsigned char *q = sd_arena_alloc(a, 64);
    unsigned char *z = sd_arena_alloc(a, 0);
    assert_non_null(p);
    assert_non_null(q);
    assert_non_null(z); /* size 0 still yields a usable, distinct pointer */
    assert_ptr_not_equal(p, q);
    assert_ptr_not_equal(z, p);
    assert_ptr_not_equal(z, q);
    for (size_t i = 0; i < 64; i++) {
        assert_int_equal(p[i], 0);
        assert_int_equal(q[i], 0);
    }
    memset(p, 0xAB, 64);
    for (size_t i = 0; i < 64; i++)
        assert_int_equal(q[i], 0); /* writing p did not touch q */
    assert_true(sd_arena_used(a) >= 129);
    sd_arena_free(a);
}

/* Many small allocations spill over several pages; none overlaps another. */
static void
test_arena_growth_across_pages(void **state)
{
    (void)state;
    enum {
        N = 20000,
        SZ = 40
    };
    sd_arena *a = sd_arena_new();
    unsigned char **ptrs = calloc(N, sizeof(*ptrs));
    assert_non_null(ptrs);
    size_t before = sd_arena_used(a);
    for (size_t i = 0; i < N; i++) {
        ptrs[i] = sd_arena_alloc(a, SZ);
        assert_non_null(ptrs[i]);
        assert_int_equal((uintptr_t)ptrs[i] % _Alignof(max_align_t), 0);
        memset(ptrs[i], (int)(i & 0xff), SZ);
    }
    /* Every block still holds its own pattern: no allocation overlapped another. */
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < SZ; j++)
            assert_int_equal(ptrs[i][j], (unsigned char)(i & 0xff));
    assert_true(sd_arena_used(a) - before >= (size_t)N * SZ);
    assert_false(sd_arena_failed(a));
    free(ptrs);
    sd_arena_free(a);
}

static void
test_arena_big_allocations(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    /* A big allocation as the very first request (no page yet). */
    size_t big = (size_t)3 << 20;
    unsigned char *b1 = sd_arena_alloc(a, big);
    assert_non_null(b1);
    assert_int_equal((uintptr_t)b1 % _Alignof(max_align_t), 0);
    assert_int_equal(b1[0], 0);
    assert_int_equal(b1[big - 1], 0);
    memset(b1, 0x11, big);
    /* Small allocations after it, then another big one, then small ones again. */
    char *s1 = sd_arena_strdup(a, "small one");
    unsigned char *b2 = sd_arena_alloc(a, 5000);
    char *s2 = sd_arena_strdup(a, "small two");
    unsigned char *b3 = sd_arena_alloc(a, (size_t)2 << 20);
    char *s3 = sd_arena_strdup(a, "small three");
    assert_non_null(s1);
    assert_non_null(b2);
    assert_non_null(s2);
    assert_non_null(b3);
    assert_non_null(s3);
    for (size_t i = 0; i < 5000; i++)
        assert_int_equal(b2[i], 0);
    memset(b2, 0x22, 5000);
    memset(b3, 0x33, (size_t)2 << 20);
    assert_string_equal(s1, "small one");
    assert_string_equal(s2, "small two");
    assert_string_equal(s3, "small three");
    assert_int_equal(b1[0], 0x11);
    assert_int_equal(b1[big - 1], 0x11);
    assert_int_equal(b2[4999], 0x22);
    assert_true(sd_arena_used(a) >= big + 5000 + ((size_t)2 << 20));
    assert_false(sd_arena_failed(a));
    sd_arena_free(a);
}

static void
test_arena_strings(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    const char *src = "orders";
    char *d = sd_arena_strdup(a, src);
    assert_string_equal(d, "orders");
    assert_ptr_not_equal(d, src);
    assert_null(sd_arena_strdup(a, NULL));
    assert_false(sd_arena_failed(a)); /* NULL in is not a failure */
    char *n = sd_arena_strndup(a, "abcdef", 3);
    assert_string_equal(n, "abc");
    char *e = sd_arena_strndup(a, "", 0);
    assert_string_equal(e, "");
    /* strndup copies exactly n bytes, embedded NULs included. */
    char *z = sd_arena_strndup(a, "a\0b", 3);
    assert_memory_equal(z, "a\0b", 4);
    char *f = sd_arena_sprintf(a, "%s.%s:%d", "main", "orders", 42);
    assert_string_equal(f, "main.orders:42");
    char *empty = sd_arena_sprintf(a, "%s", "");
    assert_non_null(empty);
    assert_string_equal(empty, "");
    /* A formatted string longer than a first page. */
    char *longer = sd_arena_sprintf(a, "%09000d", 7);
    assert_non_null(longer);
    assert_int_equal(strlen(longer), 9000);
    assert_int_equal(longer[8999], '7');
    assert_false(sd_arena_failed(a));
    sd_arena_free(a);
}

static void
test_arena_calloc_overflow_is_sticky(void **state)
{
    (void)state;
    sd_arena *a = sd_arena_new();
    int *ok = sd_arena_array(a, int, 10);
    assert_non_null(ok);
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(ok[i], 0);
    assert_false(sd_arena_failed(a));
    assert_null(sd_arena_calloc(a, SIZE_MAX / 2 + 1, 2));
    assert_true(sd_arena_failed(a));
    /* Sticky: later requests fail too, however small. */
    assert_null(sd_arena_alloc(a, 1));
    assert_null(sd_arena_strdup(a, "x"));
    assert_true(sd_arena_failed(a));
    sd_arena_free(a);

    /* An impossible single allocation (rounding would overflow) fails the same way. */
    a = sd_arena_new();
    assert_null(sd_arena_alloc(a, SIZE_MAX - 3));
    assert_true(sd_arena_failed(a));
    assert_null(sd_arena_alloc(a, 8));
    sd_arena_free(a);

    assert_true(sd_arena_failed(NULL));
    assert_null(sd_arena_alloc(NULL, 8));
    sd_arena_free(NULL); /* accepted */
}

/* ---- sd_buf ---- */

static void
test_buf_untouched(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    assert_string_equal(sd_buf_cstr(&b), "");
    assert_int_equal(b.len, 0);
    assert_false(sd_buf_failed(&b));
    char *s = sd_buf_take(&b); /* an empty, freeable string even when nothing was added */
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    sd_buf_dispose(&b);
    sd_buf_dispose(&b); /* twice is fine */
}

static void
test_buf_append_variants(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_buf_append(&b, "create ");
    sd_buf_appendn(&b, "table_xyz", 5);
    sd_buf_putc(&b, ' ');
    sd_buf_appendf(&b, "%s(%d)", "t", 3);
    sd_buf_appendf(&b, "%s", "");
    sd_buf_appendn(&b, "ignored", 0);
    assert_string_equal(sd_buf_cstr(&b), "create table t(3)");
    assert_int_equal(b.len, strlen("create table t(3)"));
    assert_true(b.cap > b.len);
    assert_int_equal(b.ptr[b.len], '\0');
    /* appendn copies embedded NULs; len counts them. */
    sd_buf_reset(&b);
    sd_buf_appendn(&b, "a\0b", 3);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.ptr, "a\0b", 4);
    sd_buf_dispose(&b);
}

/* The printf-free number appenders agree with printf at the edges. */
static void
test_buf_append_numbers(void **state)
{
    (void)state;
    static const long long ints[] = { 0, 7, -7, 10, 1234567890123LL, LLONG_MAX, LLONG_MIN };
    static const unsigned long long hexes[] = { 0, 0xabcULL, 0x0123456789abcdefULL, ULLONG_MAX };
    char want[64];
    for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
        sd_buf b = SD_BUF_INIT;
        sd_buf_append(&b, "x");
        sd_buf_append_int(&b, ints[i]);
        (void)snprintf(want, sizeof(want), "x%lld", ints[i]);
        assert_string_equal(sd_buf_cstr(&b), want);
        sd_buf_dispose(&b);
    }
    for (size_t i = 0; i < sizeof(hexes) / sizeof(hexes[0]); i++) {
        sd_buf b = SD_BUF_INIT;
        sd_buf_append_hex64(&b, hexes[i]);
        (void)snprintf(want, sizeof(want), "%016llx", hexes[i]);
        assert_string_equal(sd_buf_cstr(&b), want);
        sd_buf_dispose(&b);
    }
}

static void
test_buf_growth(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    for (int i = 0; i < 10000; i++)
        sd_buf_appendf(&b, "%04d,", i % 10000);
    assert_false(sd_buf_failed(&b));
    assert_int_equal(b.len, 50000);
    assert_int_equal(strlen(b.ptr), 50000);
    assert_memory_equal(b.ptr, "0000,0001,0002,", 15);
    assert_memory_equal(b.ptr + 50000 - 5, "9999,", 5);
    /* One formatted piece larger than everything before. */
    sd_buf_reset(&b);
    sd_buf_appendf(&b, "%0100000d", 1);
    assert_int_equal(b.len, 100000);
    assert_int_equal(b.ptr[99999], '1');
    assert_int_equal(b.ptr[100000], '\0');
    sd_buf_dispose(&b);
}

static void
test_buf_truncate_reset_take(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_buf_append(&b, "abcdef");
    sd_buf_truncate(&b, 3);
    assert_string_equal(sd_buf_cstr(&b), "abc");
    assert_int_equal(b.len, 3);
    sd_buf_truncate(&b, 10); /* longer than len: unchanged */
    assert_string_equal(sd_buf_cstr(&b), "abc");
    assert_int_equal(b.len, 3);
    sd_buf_append(&b, "XY");
    assert_string_equal(sd_buf_cstr(&b), "abcXY");
    size_t cap = b.cap;
    sd_buf_reset(&b);
    assert_string_equal(sd_buf_cstr(&b), "");
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, cap); /* memory kept */
    sd_buf_append(&b, "taken");
    char *t = sd_buf_take(&b);
    assert_string_equal(t, "taken");
    assert_null(b.ptr);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    assert_string_equal(sd_buf_cstr(&b), "");
    free(t);
    /* Usable again after take. */
    sd_buf_append(&b, "again");
    assert_string_equal(sd_buf_cstr(&b), "again");
    sd_buf_dispose(&b);
    sd_buf_truncate(&b, 0); /* on a disposed buffer: no crash */
}

static void
test_buf_sticky_failure(void **state)
{
    (void)state;
    sd_buf b = SD_BUF_INIT;
    sd_buf_append(&b, "ok");
    /* A length that cannot possibly be reserved. The data pointer is never read. */
    sd_buf_appendn(&b, "x", SIZE_MAX);
    assert_true(sd_buf_failed(&b));
    sd_buf_append(&b, "more");
    sd_buf_appendf(&b, "%d", 5);
    sd_buf_putc(&b, '!');
    assert_true(sd_buf_failed(&b));
    assert_int_equal(b.len, 2); /* nothing was appended after the failure */
    sd_buf_reset(&b);
    assert_true(sd_buf_failed(&b)); /* reset clears contents only */
    sd_buf_dispose(&b);
    assert_false(sd_buf_failed(&b));
}

static void
check_repr(const char *in, const char *expect)
{
    sd_buf b = SD_BUF_INIT;
    sd_buf_append(&b, "<");
    sd_buf_append_repr(&b, in);
    sd_buf_append(&b, ">");
    char got[256];
    snprintf(got, sizeof(got), "%s", sd_buf_cstr(&b));
    sd_buf_dispose(&b); /* before asserting, so a failure leaks nothing */
    assert_string_equal(got, expect);
}

static void
test_buf_repr(void **state)
{
    (void)state;
    check_repr("orders", "<orders>");
    check_repr("", "<>");
    check_repr("a\nb", "<a\\nb>");
    check_repr("a\rb\tc", "<a\\rb\\tc>");
    check_repr("back\\slash", "<back\\\\slash>");
    check_repr("\x1b[31mred", "<\\x1b[31mred>");
    check_repr("\x01\x1f\x7f", "<\\x01\\x1f\\x7f>");
    /* Bytes of UTF-8 text pass through unchanged, up to four-byte sequences. */
    check_repr("caf\xc3\xa9", "<caf\xc3\xa9>");
    check_repr("\xe2\x82\xac \xf0\x9f\x98\x80", "<\xe2\x82\xac \xf0\x9f\x98\x80>");
    /* C1 controls (CSI is U+009B) are escaped like C0; so are bytes that are not UTF-8:
     * a lone 0x9b (CSI to an 8-bit terminal), a truncated sequence, an overlong form. */
    check_repr("a\xc2\x9b[31mb\xc2\x85", "<a\\u009b[31mb\\u0085>");
    check_repr("\x9b[2J", "<\\x9b[2J>");
    check_repr("\xc3", "<\\xc3>");
    check_repr("\xc0\xaf", "<\\xc0\\xaf>");
    check_repr("\xed\xa0\x80", "<\\xed\\xa0\\x80>"); /* a surrogate */
    check_repr("\xc2\xa0", "<\xc2\xa0>");            /* U+00A0 is no control */
    /* Printable ASCII other than backslash (and quotes, see below) is unchanged. */
    check_repr(" ~;-- x", "< ~;-- x>");
}

/*
 * buf.h documents sd_buf_append_repr() as escaping "control bytes, quotes and backslashes".
 * BUG (util/buf.c, sd_buf_append_repr): a double quote is appended unescaped, so a name like
 * a"b shows as "a"b" inside a quoted message. Expected a\"b. Fails until fixed.
 */
static void
test_buf_repr_escapes_quotes(void **state)
{
    (void)state;
    check_repr("a\"b", "<a\\\"b>");
}

/* ---- SD_VEC ---- */

static void
test_utf8_check(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t n;
        size_t bad; /* expected result */
    } CASES[] = {
        { "", 0, 0 },
        { "plain ascii", 11, 11 },
        { "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, 14 },
        { "a\0b", 3, 1 },             /* NUL */
        { "ab\xff", 3, 2 },           /* never a UTF-8 byte */
        { "a\xc0\xaf", 3, 1 },        /* overlong */
        { "a\xed\xa0\x80", 4, 1 },    /* surrogate */
        { "ab\xe2\x82", 4, 2 },       /* cut short by the end */
        { "\xc3\xa9\x80", 3, 2 },     /* stray continuation byte */
        { "\xf4\x90\x80\x80", 4, 0 }, /* past U+10FFFF */
    };
    for (size_t i = 0; i < sizeof(CASES) / sizeof(CASES[0]); i++)
        assert_int_equal(sd_utf8_check(CASES[i].s, CASES[i].n), CASES[i].bad);
    /* Only n bytes are looked at: what follows inside the string does not count. */
    assert_int_equal(sd_utf8_check("ab\xff", 2), 2);
}

static void
test_vec_push_growth(void **state)
{
    (void)state;
    SD_VEC(int) v = SD_VEC_INIT;
    assert_null(v.items);
    for (int i = 0; i < 5000; i++) {
        assert_int_equal(sd_vec_push(&v, i * 3), SD_OK);
        assert_int_equal(v.len, (size_t)i + 1);
        assert_true(v.cap >= v.len);
    }
    for (int i = 0; i < 5000; i++)
        assert_int_equal(v.items[i], i * 3);
    sd_vec_dispose(&v);
    assert_null(v.items);
    assert_int_equal(v.len, 0);
    assert_int_equal(v.cap, 0);

    /* Elements larger than a pointer keep their bytes across regrowth. */
    typedef struct {
        char name[24];
        double x;
    } rec;
    SD_VEC(rec) r = SD_VEC_INIT;
    for (int i = 0; i < 300; i++) {
        rec x;
        memset(&x, 0, sizeof(x));
        snprintf(x.name, sizeof(x.name), "r%d", i);
        x.x = i / 2.0;
        assert_int_equal(sd_vec_push(&r, x), SD_OK);
    }
    assert_string_equal(r.items[0].name, "r0");
    assert_string_equal(r.items[299].name, "r299");
    assert_true(r.items[123].x == 61.5);
    sd_vec_dispose(&r);
}

static void
test_vec_grow_overflow(void **state)
{
    (void)state;
    void *items = NULL;
    size_t cap = 0;
    assert_int_equal(sd_vec__grow(&items, &cap, SIZE_MAX / 4, 16), SD_ERR_NOMEM);
    assert_null(items);
    assert_int_equal(cap, 0);
    assert_int_equal(sd_vec__grow(&items, &cap, 3, 16), SD_OK);
    assert_non_null(items);
    assert_true(cap >= 3);
    free(items);
}

/* ---- sd_map ---- */

static void
test_map_basic(void **state)
{
    (void)state;
    sd_map m = SD_MAP_INIT;
    int one = 1;
    int two = 2;
    int three = 3;
    assert_null(sd_map_get(&m, "absent")); /* empty map */
    assert_int_equal(sd_map_put(&m, "a", &one), SD_OK);
    assert_int_equal(sd_map_put(&m, "b", &two), SD_OK);
    assert_int_equal(sd_map_put(&m, "", &three), SD_OK); /* the empty key is a key */
    assert_int_equal(m.len, 3);
    assert_ptr_equal(sd_map_get(&m, "a"), &one);
    assert_ptr_equal(sd_map_get(&m, "b"), &two);
    assert_ptr_equal(sd_map_get(&m, ""), &three);
    assert_null(sd_map_get(&m, "c"));
    assert_null(sd_map_get(&m, "A")); /* case-sensitive */
    /* Lookup goes by content, not by pointer. */
    char key[] = { 'b', '\0' };
    assert_ptr_equal(sd_map_get(&m, key), &two);
    /* Replace keeps the count. */
    assert_int_equal(sd_map_put(&m, "a", &three), SD_OK);
    assert_int_equal(m.len, 3);
    assert_ptr_equal(sd_map_get(&m, "a"), &three);
    sd_map_dispose(&m);
    assert_null(sd_map_get(&m, "a"));
    assert_int_equal(m.len, 0);
}

static void
test_map_nul_keys(void **state)
{
    (void)state;
    sd_map m = SD_MAP_INIT;
    int x = 1;
    int y = 2;
    int z = 3;
    int w = 4;
    assert_int_equal(sd_map_putn(&m, "a\0b", 3, &x), SD_OK);
    assert_int_equal(sd_map_putn(&m, "a\0c", 3, &y), SD_OK);
    assert_int_equal(sd_map_put(&m, "a", &z), SD_OK);
    assert_int_equal(sd_map_putn(&m, "a\0", 2, &w), SD_OK);
    assert_int_equal(m.len, 4);
    assert_ptr_equal(sd_map_getn(&m, "a\0b", 3), &x);
    assert_ptr_equal(sd_map_getn(&m, "a\0c", 3), &y);
    assert_ptr_equal(sd_map_get(&m, "a"), &z);
    assert_ptr_equal(sd_map_getn(&m, "a", 1), &z);
    assert_ptr_equal(sd_map_getn(&m, "a\0", 2), &w);
    assert_null(sd_map_getn(&m, "a\0d", 3));
    assert_null(sd_map_getn(&m, "a\0b\0", 4));
    sd_map_dispose(&m);
}

static void
test_map_many_keys(void **state)
{
    (void)state;
    enum {
        N = 10000
    };
    char(*keys)[16] = calloc(N, sizeof(*keys));
    int *vals = calloc(N, sizeof(*vals));
    assert_non_null(keys);
    assert_non_null(vals);
    sd_map m = SD_MAP_INIT;
    for (int i = 0; i < N; i++) {
        snprintf(keys[i], sizeof(keys[i]), "key%d", i);
        vals[i] = i;
        assert_int_equal(sd_map_put(&m, keys[i], &vals[i]), SD_OK);
    }
    assert_int_equal(m.len, N);
    assert_true(m.cap >= N);
    assert_int_equal(m.cap & (m.cap - 1), 0); /* power of two */
    for (int i = 0; i < N; i++) {
        char probe[16];
        snprintf(probe, sizeof(probe), "key%d", i);
        int *p = sd_map_get(&m, probe);
        assert_non_null(p);
        assert_int_equal(*p, i);
        snprintf(probe, sizeof(probe), "nokey%d", i);
        assert_null(sd_map_get(&m, probe));
    }
    /* Replacing every key leaves the count alone. */
    for (int i = 0; i < N; i++)
        assert_int_equal(sd_map_put(&m, keys[i], &vals[N - 1 - i]), SD_OK);
    assert_int_equal(m.len, N);
    assert_int_equal(*(int *)sd_map_get(&m, "key0"), N - 1);
    assert_int_equal(*(int *)sd_map_get(&m, "key9999"), 0);
    sd_map_dispose(&m);
    free(keys);
    free(vals);
}

/* ---- sd_sort / sd_strcmp_c ---- */

typedef struct item {
    int key; /* sort key, with many ties */
    int seq; /* input position */
} item;

static int
cmp_item(const void *pa, const void *pb, void *ctx)
{
    const item *a = pa;
    const item *b = pb;
    if (ctx != NULL)
        (*(size_t *)ctx)++;
    return (a->key > b->key) - (a->key < b->key);
}

static void
check_sorted_stable(const item *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        assert_true(v[i - 1].key <= v[i].key);
        if (v[i - 1].key == v[i].key)
            assert_true(v[i - 1].seq < v[i].seq); /* ties keep input order */
    }
    /* A permutation of the input: every seq 0..n-1 exactly once. */
    unsigned char *seen = calloc(n + 1, 1);
    assert_non_null(seen);
    for (size_t i = 0; i < n; i++) {
        assert_true(v[i].seq >= 0 && (size_t)v[i].seq < n);
        assert_int_equal(seen[v[i].seq], 0);
        seen[v[i].seq] = 1;
    }
    free(seen);
}

static void
test_sort_stable_random(void **state)
{
    (void)state;
    uint32_t rng = 0x9e3779b9u;
    item *v = calloc(1000, sizeof(*v));
    assert_non_null(v);
    for (size_t n = 0; n <= 1000; n += (n < 70 ? 1 : 37)) {
        for (size_t i = 0; i < n; i++) {
            v[i].key = (int)(next_rand(&rng) % 7); /* few distinct keys: many ties */
            v[i].seq = (int)i;
        }
        size_t calls = 0;
        assert_int_equal(sd_sort(v, n, sizeof(*v), cmp_item, &calls), SD_OK);
        check_sorted_stable(v, n);
        if (n >= 2)
            assert_true(calls > 0); /* ctx reaches the comparator */
    }
    /* Exactly 1000, all ties: the input order is the output order. */
    for (size_t i = 0; i < 1000; i++) {
        v[i].key = 5;
        v[i].seq = (int)i;
    }
    assert_int_equal(sd_sort(v, 1000, sizeof(*v), cmp_item, NULL), SD_OK);
    for (size_t i = 0; i < 1000; i++)
        assert_int_equal(v[i].seq, (int)i);
    /* Reverse-sorted input with pairs of ties. */
    for (size_t i = 0; i < 1000; i++) {
        v[i].key = (int)((999 - i) / 2);
        v[i].seq = (int)i;
    }
    assert_int_equal(sd_sort(v, 1000, sizeof(*v), cmp_item, NULL), SD_OK);
    check_sorted_stable(v, 1000);
    assert_int_equal(v[0].seq, 998);
    assert_int_equal(v[1].seq, 999);
    assert_int_equal(v[999].seq, 1);
    free(v);
}

static int
cmp_str_ptr(const void *pa, const void *pb, void *ctx)
{
    (void)ctx;
    return sd_strcmp_c(*(const char *const *)pa, *(const char *const *)pb);
}

static void
test_sort_pointers(void **state)
{
    (void)state;
    const char *v[] = { "b", NULL, "B", "a", "", "ab", NULL };
    assert_int_equal(sd_sort(v, 7, sizeof(v[0]), cmp_str_ptr, NULL), SD_OK);
    assert_null(v[0]);
    assert_null(v[1]);
    assert_string_equal(v[2], "");
    assert_string_equal(v[3], "B");
    assert_string_equal(v[4], "a");
    assert_string_equal(v[5], "ab");
    assert_string_equal(v[6], "b");
}

static void
test_strcmp_c(void **state)
{
    (void)state;
    assert_int_equal(sd_strcmp_c(NULL, NULL), 0);
    assert_true(sd_strcmp_c(NULL, "") < 0);
    assert_true(sd_strcmp_c("", NULL) > 0);
    assert_true(sd_strcmp_c(NULL, "a") < 0);
    assert_int_equal(sd_strcmp_c("abc", "abc"), 0);
    assert_true(sd_strcmp_c("B", "a") < 0); /* byte order, not locale order */
    assert_true(sd_strcmp_c("a", "ab") < 0);
    assert_true(sd_strcmp_c("Z", "_") < 0);
    /* Bytes compare unsigned: UTF-8 lead bytes sort after ASCII. */
    assert_true(sd_strcmp_c("caf\xc3\xa9", "cafz") > 0);
    const char *same = "x";
    assert_int_equal(sd_strcmp_c(same, same), 0);
}

/* ---- sd_err ---- */

static void
test_err_set_and_parts(void **state)
{
    (void)state;
    sd_err err = SD_ERR_INIT;
    assert_int_equal(err.code, SD_OK);
    assert_int_equal(sd_err_set(&err, SD_ERR_PARSE, "unknown key \"%s\"", "colums"), SD_ERR_PARSE);
    assert_int_equal(err.code, SD_ERR_PARSE);
    assert_string_equal(err.msg, "unknown key \"colums\"");
    sd_err_detail(&err, "detail %d", 1);
    sd_err_hint(&err, "Valid keys are: %s.", "columns");
    sd_err_where(&err, "snap.yaml:%d:%d", 12, 5);
    assert_string_equal(err.detail, "detail 1");
    assert_string_equal(err.hint, "Valid keys are: columns.");
    assert_string_equal(err.where, "snap.yaml:12:5");
    /* An outer layer adding context must not overwrite the inner location. */
    sd_err_where(&err, "table %s", "main.orders");
    assert_string_equal(err.where, "snap.yaml:12:5");
    assert_false(err.truncated);
    /* A new error replaces every part. */
    assert_int_equal(sd_err_set(&err, SD_ERR_IO, "could not read"), SD_ERR_IO);
    assert_string_equal(err.msg, "could not read");
    assert_string_equal(err.detail, "");
    assert_string_equal(err.hint, "");
    assert_string_equal(err.where, "");
    sd_err_where(&err, "table %s", "main.orders");
    assert_string_equal(err.where, "table main.orders");
    sd_err_clear(&err);
    assert_int_equal(err.code, SD_OK);
    assert_string_equal(err.msg, "");
    assert_string_equal(err.where, "");
    /* NULL err: still returns the code, nothing else happens. */
    assert_int_equal(sd_err_set(NULL, SD_ERR_CYCLE, "x"), SD_ERR_CYCLE);
    sd_err_detail(NULL, "x");
    sd_err_hint(NULL, "x");
    sd_err_where(NULL, "x");
    sd_err_clear(NULL);
}

static void
test_err_truncation(void **state)
{
    (void)state;
    sd_err err = SD_ERR_INIT;
    char longtext[2000];
    memset(longtext, 'x', sizeof(longtext) - 1);
    longtext[sizeof(longtext) - 1] = '\0';
    (void)sd_err_set(&err, SD_ERR, "%s", longtext);
    assert_true(err.truncated);
    assert_int_equal(strlen(err.msg), sizeof(err.msg) - 1);
    /* A fresh error resets the flag. */
    (void)sd_err_set(&err, SD_ERR, "short");
    assert_false(err.truncated);
    sd_err_hint(&err, "%s", longtext);
    assert_true(err.truncated);
    assert_int_equal(strlen(err.hint), sizeof(err.hint) - 1);
    (void)sd_err_set(&err, SD_ERR, "short");
    sd_err_where(&err, "%s", longtext);
    assert_true(err.truncated);
    (void)sd_err_set(&err, SD_ERR, "short");
    sd_err_detail(&err, "%s", longtext);
    assert_true(err.truncated);
    /* Exactly fitting is not truncation. */
    (void)sd_err_set(&err, SD_ERR, "%.*s", (int)sizeof(err.msg) - 1, longtext);
    assert_false(err.truncated);
}

/* Print err to memory and return the malloc'd text. */
static char *
print_to_string(const sd_err *err)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    assert_non_null(fp);
    sd_err_print(fp, err);
    assert_int_equal(fclose(fp), 0);
    return text;
}

static void
test_err_print_format(void **state)
{
    (void)state;
    sd_err err = SD_ERR_INIT;
    (void)sd_err_set(&err, SD_ERR_PARSE, "unknown key \"%s\" in table \"%s\"", "colums", "orders");
    sd_err_where(&err, "snap.yaml:12:5");
    sd_err_detail(&err, "The key is not known.");
    sd_err_hint(&err, "Valid keys are: columns, indexes, constraints.");
    char *s = print_to_string(&err);
    assert_string_equal(s, "schemadrift: error: snap.yaml:12:5: unknown key \"colums\" in table "
                           "\"orders\"\n"
                           "detail: The key is not known.\n"
                           "hint: Valid keys are: columns, indexes, constraints.\n");
    free(s);

    /* No where, no detail, no hint. */
    (void)sd_err_set(&err, SD_ERR_IO, "could not read \"%s\"", "x.sql");
    s = print_to_string(&err);
    assert_string_equal(s, "schemadrift: error: could not read \"x.sql\"\n");
    free(s);

    /* Control characters are shown escaped, never sent to the terminal raw. */
    (void)sd_err_set(&err, SD_ERR, "bad name \"a\nb\x1b[2J\"");
    sd_err_where(&err, "table main.\t");
    s = print_to_string(&err);
    assert_string_equal(s, "schemadrift: error: table main.\\t: bad name \"a\\nb\\x1b[2J\"\n");
    free(s);

    /* Truncation shows as "...". */
    char longtext[1000];
    memset(longtext, 'y', sizeof(longtext) - 1);
    longtext[sizeof(longtext) - 1] = '\0';
    (void)sd_err_set(&err, SD_ERR, "%s", longtext);
    s = print_to_string(&err);
    size_t n = strlen(s);
    assert_true(n > 5);
    assert_string_equal(s + n - 4, "...\n");
    free(s);

    /* An empty message still prints something. */
    sd_err_clear(&err);
    s = print_to_string(&err);
    assert_string_equal(s, "schemadrift: error: unknown error\n");
    free(s);
}

/* ---- fsutil ---- */

typedef struct tmpdir {
    char path[256];
} tmpdir;

static void
make_tmpdir(tmpdir *t)
{
    const char *base = getenv("TMPDIR");
    snprintf(t->path, sizeof(t->path), "%s/sd-ut-XXXXXX",
             base != NULL && base[0] != '\0' ? base : "/tmp");
    assert_non_null(mkdtemp(t->path));
}

/* Number of entries in dir besides . and .. */
static size_t
count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    const struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void
remove_file(const tmpdir *t, const char *name)
{
    char p[512];
    snprintf(p, sizeof(p), "%s/%s", t->path, name);
    unlink(p);
}

static void
test_fs_write_atomic(void **state)
{
    (void)state;
    tmpdir t;
    make_tmpdir(&t);
    char path[512];
    snprintf(path, sizeof(path), "%s/out.yaml", t.path);
    sd_err err = SD_ERR_INIT;
    mode_t old = umask(027); /* a new file: 0666 less the umask, as open(2) makes it */
    const char data[] = "version: 1\n\0binary\xff";
    assert_int_equal(sd_fs_write_atomic(path, data, sizeof(data) - 1, &err), SD_OK);
    umask(old);
    assert_true(sd_fs_exists(path));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal((size_t)st.st_size, sizeof(data) - 1);
    assert_int_equal(count_entries(t.path), 1); /* no temp file left behind */

    sd_buf b = SD_BUF_INIT;
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_int_equal(b.len, sizeof(data) - 1);
    assert_memory_equal(b.ptr, data, sizeof(data) - 1);

    /* Overwriting replaces the whole content (shorter than before) and keeps the mode. */
    assert_int_equal(chmod(path, 0604), 0);
    assert_int_equal(sd_fs_write_atomic(path, "v2\n", 3, &err), SD_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0604);
    sd_buf_reset(&b);
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&b), "v2\n");
    assert_int_equal(count_entries(t.path), 1);

    /* read_all appends to what the buffer holds. */
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&b), "v2\nv2\n");

    /* An empty file. */
    assert_int_equal(sd_fs_write_atomic(path, "", 0, &err), SD_OK);
    sd_buf_reset(&b);
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_int_equal(b.len, 0);

    /* Larger than the read chunk. */
    size_t big = 200000;
    char *blob = malloc(big);
    assert_non_null(blob);
    for (size_t i = 0; i < big; i++)
        blob[i] = (char)('a' + i % 26);
    assert_int_equal(sd_fs_write_atomic(path, blob, big, &err), SD_OK);
    sd_buf_reset(&b);
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_int_equal(b.len, big);
    assert_memory_equal(b.ptr, blob, big);
    free(blob);
    sd_buf_dispose(&b);

    /* A link is written through: the file it names gets the content, the link stays, and
     * both names are the same file. */
    char link[512];
    snprintf(link, sizeof(link), "%s/link.yaml", t.path);
    assert_int_equal(symlink("out.yaml", link), 0);
    assert_int_equal(sd_fs_write_atomic(link, "v3\n", 3, &err), SD_OK);
    struct stat lst;
    assert_int_equal(lstat(link, &lst), 0);
    assert_true(S_ISLNK(lst.st_mode));
    sd_buf_reset(&b);
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&b), "v3\n");
    assert_true(sd_fs_same_file(link, path));
    assert_int_equal(count_entries(t.path), 2);
    sd_buf_dispose(&b);
    remove_file(&t, "link.yaml");
    assert_false(sd_fs_same_file(link, path)); /* gone: not the same as anything */

    remove_file(&t, "out.yaml");
    assert_int_equal(rmdir(t.path), 0);
}

static void
test_fs_errors(void **state)
{
    (void)state;
    tmpdir t;
    make_tmpdir(&t);
    char path[512];
    sd_err err = SD_ERR_INIT;
    sd_buf b = SD_BUF_INIT;

    snprintf(path, sizeof(path), "%s/missing.yaml", t.path);
    assert_false(sd_fs_exists(path));
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_ERR_NOTFOUND);
    assert_int_equal(err.code, SD_ERR_NOTFOUND);
    assert_non_null(strstr(err.msg, path)); /* the message names the file */
    assert_int_equal(b.len, 0);

    /* A directory exists but cannot be read as a file: an I/O error, not "not found". */
    assert_true(sd_fs_exists(t.path));
    sd_err_clear(&err);
    sd_status rc = sd_fs_read_all(&b, t.path, &err);
    assert_int_equal(rc, SD_ERR_IO);
    assert_int_equal(err.code, SD_ERR_IO);

    /* Writing into a directory that does not exist fails and leaves nothing behind. */
    snprintf(path, sizeof(path), "%s/nodir/out.yaml", t.path);
    sd_err_clear(&err);
    assert_int_equal(sd_fs_write_atomic(path, "x", 1, &err), SD_ERR_IO);
    assert_int_equal(err.code, SD_ERR_IO);
    assert_non_null(strstr(err.msg, "nodir/out.yaml"));
    assert_int_equal(count_entries(t.path), 0);

    /* Renaming over a directory fails; the temp file is removed. */
    snprintf(path, sizeof(path), "%s/sub", t.path);
    assert_int_equal(mkdir(path, 0755), 0);
    sd_err_clear(&err);
    assert_int_equal(sd_fs_write_atomic(path, "x", 1, &err), SD_ERR_IO);
    assert_int_equal(count_entries(t.path), 1); /* just "sub" */
    assert_int_equal(rmdir(path), 0);

    sd_buf_dispose(&b);
    assert_int_equal(rmdir(t.path), 0);
}

static void
test_fs_write_new(void **state)
{
    (void)state;
    tmpdir t;
    make_tmpdir(&t);
    char path[512];
    snprintf(path, sizeof(path), "%s/new.sql", t.path);
    sd_err err = SD_ERR_INIT;
    sd_buf b = SD_BUF_INIT;

    assert_int_equal(sd_fs_write_new(path, "one\n", 4, &err), SD_OK);
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&b), "one\n");

    /* An existing file is never replaced: the error says so, the content stays. */
    assert_int_equal(sd_fs_write_new(path, "two\n", 4, &err), SD_ERR_IO);
    assert_non_null(strstr(err.msg, "already exists"));
    assert_non_null(strstr(err.msg, "new.sql"));
    sd_buf_reset(&b);
    assert_int_equal(sd_fs_read_all(&b, path, &err), SD_OK);
    assert_string_equal(sd_buf_cstr(&b), "one\n");

    /* Nor is a link written through, even one naming a file that does not exist yet. */
    char link[512];
    snprintf(link, sizeof(link), "%s/link.sql", t.path);
    assert_int_equal(symlink("target.sql", link), 0);
    sd_err_clear(&err);
    assert_int_equal(sd_fs_write_new(link, "x", 1, &err), SD_ERR_IO);
    assert_int_equal(count_entries(t.path), 2);

    /* A missing directory: SD_ERR_IO naming the file, nothing created. */
    snprintf(path, sizeof(path), "%s/nodir/x.sql", t.path);
    sd_err_clear(&err);
    assert_int_equal(sd_fs_write_new(path, "x", 1, &err), SD_ERR_IO);
    assert_non_null(strstr(err.msg, "nodir/x.sql"));

    sd_buf_dispose(&b);
    remove_file(&t, "link.sql");
    remove_file(&t, "new.sql");
    assert_int_equal(rmdir(t.path), 0);
}

/* ---- sd_thread_both ---- */

typedef struct half_run {
    int runs;         /* how many times fn ran on this argument */
    pthread_t thread; /* the thread it ran on */
} half_run;

static void
record_half(void *arg)
{
    half_run *h = arg;
    h->runs++;
    h->thread = pthread_self();
}

static void
test_thread_both(void **state)
{
    (void)state;
    half_run here = { 0 };
    half_run there = { 0 };
    assert_true(sd_thread_both(record_half, &here, &there));
    assert_int_equal(here.runs, 1);
    assert_int_equal(there.runs, 1);
    assert_true(pthread_equal(here.thread, pthread_self()));
    /* The machine running the tests can make a thread, so the fallback is not taken. */
    assert_false(pthread_equal(there.thread, pthread_self()));
}

int
main(void)
{
    /* Tests for known, reported bugs come last: under CMOCKA_TEST_ABORT=1 the first failure
     * stops the run, and it should not hide the other tests. */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment),
        cmocka_unit_test(test_arena_zeroed_and_distinct),
        cmocka_unit_test(test_arena_growth_across_pages),
        cmocka_unit_test(test_arena_big_allocations),
        cmocka_unit_test(test_arena_strings),
        cmocka_unit_test(test_arena_calloc_overflow_is_sticky),
        cmocka_unit_test(test_buf_untouched),
        cmocka_unit_test(test_buf_append_variants),
        cmocka_unit_test(test_buf_append_numbers),
        cmocka_unit_test(test_buf_growth),
        cmocka_unit_test(test_buf_truncate_reset_take),
        cmocka_unit_test(test_buf_sticky_failure),
        cmocka_unit_test(test_buf_repr),
        cmocka_unit_test(test_utf8_check),
        cmocka_unit_test(test_vec_push_growth),
        cmocka_unit_test(test_vec_grow_overflow),
        cmocka_unit_test(test_map_basic),
        cmocka_unit_test(test_map_nul_keys),
        cmocka_unit_test(test_map_many_keys),
        cmocka_unit_test(test_sort_stable_random),
        cmocka_unit_test(test_sort_pointers),
        cmocka_unit_test(test_strcmp_c),
        cmocka_unit_test(test_err_set_and_parts),
        cmocka_unit_test(test_err_truncation),
        cmocka_unit_test(test_err_print_format),
        cmocka_unit_test(test_fs_write_atomic),
        cmocka_unit_test(test_fs_errors),
        cmocka_unit_test(test_fs_write_new),
        cmocka_unit_test(test_thread_both),
        cmocka_unit_test(test_buf_repr_escapes_quotes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
