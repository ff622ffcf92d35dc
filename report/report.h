/*
 * report.h: every output format for drift reports (text for people, JSON for machines).
 * Deterministic: the same change list gives the same bytes.
 */
#ifndef SD_REPORT_REPORT_H
#define SD_REPORT_REPORT_H

#include "diff/diff.h"
#include "plan/plan.h"
#include "util/buf.h"
#include "util/err.h"

/* Version of the JSON document's shape ("schemadrift_report": N). */
#define SD_REPORT_JSON_VERSION 2

typedef enum sd_report_format {
    SD_REPORT_TEXT = 0, /* human-readable lines plus a summary line */
    SD_REPORT_JSON,     /* one JSON document, shape documented in README.md */
    SD_REPORT__COUNT
} sd_report_format;

typedef struct sd_report_info {
    const char *expected; /* label of the expected side (redacted source) */
    const char *actual;   /* label of the actual side */
} sd_report_info;

/* Append the check report: every differing object and how, then a summary with counts. */
SD_MUST_CHECK sd_status sd_report_write(sd_buf *out,
                                        const sd_changelist *cl,
                                        const sd_report_info *info,
                                        sd_report_format fmt,
                                        sd_err *err);

/* Labels of a plan's two sides. */
typedef struct sd_plan_info {
    const char *from; /* label of FROM (redacted source) */
    const char *to;   /* label of TO */
} sd_plan_info;

/*
 * Append the plan as one JSON document (SD_PLAN_JSON_VERSION, shape in README.md, "JSON plan
 * format"): its steps in order, each with its facts and its SQL, script[sql_start, sql_end)
 * without the blank lines around it.
 */
SD_MUST_CHECK sd_status sd_report_plan(sd_buf *out,
                                       const sd_plan *plan,
                                       const char *script,
                                       const sd_plan_info *info,
                                       sd_err *err);

/* "jansson X.Y" line: the library JSON is written with. */
void sd_report_versions(sd_buf *out);

#endif
