/*
 * fingerprint.c: the canonical serialization of an object and its XXH3-64 fingerprint.
 *
 * The serialization is length-prefixed (no value can imitate a separator), uses the
 * normalized form of SQL text (so cosmetic differences do not change a fingerprint), and
 * folds in the fingerprints of owned objects in canonical order, so that an unchanged table
 * with all its columns and constraints is skipped by the diff in one comparison.
 */
#include <string.h>

#include "model/model_int.h"

static void
put_str(sd_buf *b, const char *s)
{
    if (s == NULL)
        sd_buf_append(b, "~");
    else {
        size_t n = strlen(s);
        sd_buf_append_int(b, (long long)n);
        sd_buf_putc(b, ':');
        sd_buf_appendn(b, s, n);
    }
}

void
sd_model__put_value(sd_buf *b, sd_field_type type, const sd_value *v)
{
    switch (type) {
    case SD_FIELD_BOOL:
        sd_buf_append(b, v->b ? "T" : "F");
        break;
    case SD_FIELD_INT:
        sd_buf_append_int(b, (long long)v->i);
        break;
    case SD_FIELD_STRING:
        put_str(b, v->s);
        break;
    case SD_FIELD_SQL:
        put_str(b, v->sql.norm != NULL ? v->sql.norm : v->sql.text);
        break;
    case SD_FIELD_NAMES:
        sd_buf_putc(b, '[');
        sd_buf_append_int(b, (long long)v->names.len);
        for (size_t i = 0; i < v->names.len; i++)
            put_str(b, v->names.items[i]);
        sd_buf_putc(b, ']');
        break;
    case SD_FIELD_KEYS:
        sd_buf_putc(b, '[');
        sd_buf_append_int(b, (long long)v->keys.len);
        for (size_t i = 0; i < v->keys.len; i++) {
            const sd_keypart *k = &v->keys.items[i];
            put_str(b, k->column);
            put_str(b, k->expr.norm != NULL ? k->expr.norm : k->expr.text);
            put_str(b, k->collation);
            put_str(b, k->opclass);
            sd_buf_append(b, k->desc ? "D" : "A");
            put_str(b, k->nulls);
        }
        sd_buf_putc(b, ']');
        break;
    case SD_FIELD__COUNT:
        break;
    }
}

void
sd_object_canonical(sd_buf *out, const sd_model *m, const sd_object *o)
{
    const sd_kind_info *ki = sd_kind_get(o->kind);
    sd_buf_append(out, ki->name);
    sd_buf_putc(out, '\n');
    put_str(out, o->schema);
    put_str(out, o->table);
    put_str(out, o->name);
    sd_buf_putc(out, '\n');
    for (size_t f = 0; f < ki->nfields; f++) {
        /* Fields another engine has are not part of this engine's canonical form, so growing
         * the model for one engine never changes another's fingerprints. */
        if (!sd_field_for_engine(&ki->fields[f], m->engine))
            continue;
        sd_buf_append(out, ki->fields[f].name);
        sd_buf_putc(out, '=');
        sd_model__put_value(out, ki->fields[f].type, &o->v[f]);
        sd_buf_putc(out, '\n');
    }
    if (sd_model__obj(o)->child_len == NULL)
        return; /* owns nothing (columns, most objects) */
    for (size_t k = 0; k < SD_KIND__COUNT; k++) {
        size_t n = 0;
        const sd_object *const *kids = sd_model_children(m, o, (sd_kind)k, &n);
        for (size_t i = 0; i < n; i++) {
            sd_buf_append(out, sd_kind_get((sd_kind)k)->name);
            sd_buf_putc(out, ':');
            sd_buf_append_hex64(out, (unsigned long long)kids[i]->fingerprint);
            sd_buf_putc(out, '\n');
        }
    }
}

bool
sd_model__fingerprint(const sd_model *m, sd_object *o, sd_buf *scratch)
{
    sd_buf_reset(scratch);
    sd_object_canonical(scratch, m, o);
    o->fingerprint = XXH3_64bits(sd_buf_cstr(scratch), scratch->len);
    return !sd_buf_failed(scratch);
}

void
sd_model_versions(sd_buf *out)
{
    unsigned v = XXH_versionNumber(); /* major * 10000 + minor * 100 + release */
    sd_buf_appendf(out, "xxHash %u.%u.%u\n", v / 10000, v / 100 % 100, v % 100);
}
