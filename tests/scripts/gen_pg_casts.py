#!/usr/bin/env python3
"""gen_pg_casts.py: PostgreSQL's built-in cast paths, read from a live server's catalog, as the
tables PG_TYPES and PG_CASTS between the "BEGIN pg_cast" and "END pg_cast" lines of
plan/plan_pg.c (ARCHITECTURE.md, Tables as data). The planner reads them to decide whether a
column's type change has a path `USING col::newtype` takes (sd_plan_pg_cast_path()).

  gen_pg_casts.py write FILE   rewrite FILE's section from the server (PG* environment)
  gen_pg_casts.py check FILE   exit 1, with a diff, when FILE's section differs from the server's

What is read: every type of pg_catalog that is not an array, a pseudo-type or a row type
(their names as format_type() writes them without a type modifier, and whether they are of
the string category, which PostgreSQL converts to and from any type through I/O), and every
pg_cast entry between two of them (any context, any method: an explicit cast accepts all).
The rules on top (same type, I/O to and from strings, arrays of castable elements, domains
over their base) are PostgreSQL's own (find_coercion_pathway()) and live in plan_pg.c.
The output goes through clang-format, so that the file stays as lint.format wants it.
"""
import difflib
import os
import subprocess
import sys

BEGIN = "/* BEGIN pg_cast: tests/scripts/gen_pg_casts.py writes this section, do not edit */"
END = "/* END pg_cast */"

TYPES_SQL = """
SELECT format_type(t.oid, NULL), t.typcategory = 'S'
FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'pg_catalog' AND t.typtype IN ('b', 'r', 'm')
  AND t.typcategory NOT IN ('A', 'P')
"""

CASTS_SQL = """
WITH ty AS (
  SELECT t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  WHERE n.nspname = 'pg_catalog' AND t.typtype IN ('b', 'r', 'm')
    AND t.typcategory NOT IN ('A', 'P'))
SELECT format_type(c.castsource, NULL), format_type(c.casttarget, NULL)
FROM pg_catalog.pg_cast c
WHERE c.castsource IN (SELECT oid FROM ty) AND c.casttarget IN (SELECT oid FROM ty)
  AND c.castsource <> c.casttarget
"""


def query(sql):
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                          "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def section():
    types = sorted(query(TYPES_SQL), key=lambda r: r[0].encode())
    casts = sorted(query(CASTS_SQL), key=lambda r: (r[0].encode(), r[1].encode()))
    version = query("SELECT current_setting('server_version_num')::int / 10000")[0][0]
    lines = [BEGIN,
             "/* PostgreSQL %s's pg_catalog types (not arrays, pseudo-types or row types), in"
             " byte order; string: of the string category (typcategory 'S'). */" % version,
             "static const pg_builtin_type PG_TYPES[] = {"]
    for name, string in types:
        extra = ", .string = true" if string == "t" else ""
        lines.append("    { .name = %s%s }," % (c_string(name), extra))
    lines.append("};")
    lines.append("/* Its pg_cast entries between two of them (any context or method), in byte order"
                 " of (source, target). */")
    lines.append("static const pg_builtin_cast PG_CASTS[] = {")
    for src, dst in casts:
        lines.append("    { .source = %s, .target = %s }," % (c_string(src), c_string(dst)))
    lines.append("};")
    lines.append(END)
    return "\n".join(lines)


def rewrite(text):
    b = text.find(BEGIN)
    e = text.find(END)
    if b < 0 or e < b:
        sys.exit("gen_pg_casts.py: no BEGIN/END pg_cast section in the file")
    new = text[:b] + section() + text[e + len(END):]
    return subprocess.run(["clang-format", "--assume-filename=plan/plan_pg.c"], cwd=ROOT,
                          input=new, check=True, capture_output=True, text=True).stdout


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("write", "check"):
        sys.exit("usage: gen_pg_casts.py write|check FILE")
    with open(sys.argv[2], encoding="utf-8") as f:
        old = f.read()
    new = rewrite(old)
    if sys.argv[1] == "write":
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(new)
        sys.exit(0)
    if new != old:
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                   "plan/plan_pg.c", "from the live server"))
        print("gen_pg_casts.py: the pg_cast tables of %s differ from the server's:"
              " run tests/scripts/gen_pg_casts.py write %s" % (sys.argv[2], sys.argv[2]))
        sys.exit(1)
