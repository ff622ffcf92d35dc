#!/usr/bin/env python3
"""plan_check.py UP.sql PLAN.json: the JSON plan of `diff --format json` describes the script
`diff` prints, step by step: its steps' SQL, in order, is the script (blank lines aside); steps
are numbered from 1 and wait only for earlier steps; a step loses data exactly when its SQL
carries a "-- destructive:" line; every field has a known value. Exit 1 with the first
mismatch."""
import json
import sys

OPS = {"create", "drop", "alter", "rebuild", "swap", "rename", "guard", "setup"}
WHYS = {"change", "around", "rebuild", "script"}
TXNS = {"main", "enum_values", "none"}


def fail(msg):
    print("plan_check: " + msg, file=sys.stderr)
    sys.exit(1)


script = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read()
plan = json.load(open(sys.argv[2], encoding="utf-8"))
if plan.get("schemadrift_plan") != 1:
    fail("not a version 1 plan")
steps = plan["steps"]
if not script.strip():
    if steps:
        fail("an empty script has %d steps" % len(steps))
    sys.exit(0)
lines = []
for i, s in enumerate(steps, 1):
    if s["step"] != i:
        fail("step %d is numbered %r" % (i, s["step"]))
    if s["op"] not in OPS or s["why"] not in WHYS or s["transaction"] not in TXNS:
        fail("step %d: unknown op, why or transaction: %r" % (i, s))
    if not s["sql"].strip():
        fail("step %d (%s %s) has no SQL" % (i, s["op"], s.get("object")))
    if any(not 1 <= w < i for w in s["waits_for"]):
        fail("step %d waits for a step that is not earlier: %r" % (i, s["waits_for"]))
    destructive = "-- destructive:" in s["sql"]
    if destructive != s["loses_data"] or (s["loses"] is not None) != destructive:
        fail("step %d: loses_data %r but its SQL %s a destructive line" %
             (i, s["loses_data"], "has" if destructive else "has no"))
    if s["op"] != "setup" and "object" not in s:
        fail("step %d (%s) names no object" % (i, s["op"]))
    lines += [l for l in s["sql"].split("\n") if l.strip()]
want = [l for l in script.split("\n") if l.strip()]
if lines != want:
    for n, (a, b) in enumerate(zip(lines, want)):
        if a != b:
            fail("the steps' SQL differs from the script at line %d:\n  plan:   %s\n  script: %s" % (n + 1, a, b))
    fail("the steps hold %d lines, the script %d" % (len(lines), len(want)))
