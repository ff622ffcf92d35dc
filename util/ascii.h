/*
 * ascii.h: locale-independent ASCII case folding. SQL keywords and SQLite identifiers fold
 * only ASCII letters; <ctype.h> would follow the locale, which output must never depend on.
 */
#ifndef SD_UTIL_ASCII_H
#define SD_UTIL_ASCII_H

char sd_ascii_lower(char c);
char sd_ascii_upper(char c);
/* Fold a NUL-terminated string in place. */
void sd_ascii_lower_str(char *s);
void sd_ascii_upper_str(char *s);

#endif
