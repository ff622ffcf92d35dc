/*
 * ascii.c: ASCII-only case folding (see ascii.h for why not <ctype.h>).
 */
#include "util/ascii.h"

char
sd_ascii_lower(char c)
{
    if (c >= 'A' && c <= 'Z')
        return (char)(c + ('a' - 'A'));
    return c;
}

char
sd_ascii_upper(char c)
{
    if (c >= 'a' && c <= 'z')
        return (char)(c - ('a' - 'A'));
    return c;
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
