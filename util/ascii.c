/*
 * ascii.c: ASCII-only case folding (see ascii.h for why not <ctype.h>).
 */
#include "util/ascii.h"

char
sd_ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

char
sd_ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

void
sd_ascii_lower_str(char *s)
{
    for (; *s != '\0'; s++)
        *s = sd_ascii_lower(*s);
}

void
sd_ascii_upper_str(char *s)
{
    for (; *s != '\0'; s++)
        *s = sd_ascii_upper(*s);
}
