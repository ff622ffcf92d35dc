# PostgreSQL schema generator for bench/pg.sh.
#
#   awk -v N=TABLES -v drift=0|1 -f bench/pg_gen.awk > schema.sql
#
# Writes the base schema (drift=0) or the drifted one (drift=1) of N tables. Every choice
# comes from a fixed arithmetic hash of (table number, purpose), so both files and every run
# are identical, and the drifted file differs from the base one only where a drift decision
# says so. The drifted file ends with the comment "-- drifted objects: N". Any POSIX awk
# (mawk, gawk). The statements are grouped into transactions of TX tables (default 500) so
# that a load never needs more locks than a stock server has.
function rnd(i, k,   s) {              # deterministic hash of (i, k) in [1, 2^31-2]
  s = (i * 7919 + k * 104729 + 12345) % P
  if (s == 0) s = 1
  s = (s * 16807) % P
  s = (s + (s % 9973) * (s % 7919) * 31) % P
  s = (s * 16807) % P
  s = (s + (s % 9967) * (s % 7907) * 29) % P
  s = (s * 16807) % P
  return s
}
function tn(i) { return sprintf("t%05d", i) }
function cn(k) { return sprintf("c%02d", k) }
function en(e) { return sprintf("app.e%04d", e) }
function fn(f) { return sprintf("app.f%04d", f) }
# Enum e's labels; a drifted enum gets one more at the end.
function enum_def(e, ed,   n, j, s) {
  n = 3 + rnd(e, 400) % 4
  s = ""
  for (j = 0; j < n; j++) s = s (j ? ", " : "") sprintf("'a%d'", j)
  if (ed) s = s sprintf(", 'a%d'", n)
  printf "CREATE TYPE %s AS ENUM (%s);\n", en(e), s
  if (e % 2) printf "COMMENT ON TYPE %s IS 'enum %d';\n", en(e), e
}
# SQL function f (pure: used in column defaults and CHECK constraints).
function func_def(f, fd) {
  printf "CREATE FUNCTION %s(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * %d + %d $$;\n", fn(f), 2 + f % 5, (fd ? 2 : 1)
  printf "COMMENT ON FUNCTION %s(integer) IS 'function %d';\n", fn(f), f
}
# Column k of table i. Sets CLS (int, big, text, num, bool, ts, json, enum, dbl, date,
# bytea, uuid) and returns the definition. swap: the drifted type of a last column.
function coldef(i, k, swap,   t, typ, cls, nn, hasdef, def, r, s, chk) {
  if (k == 2) t = 1
  else if (k == 3) t = 0
  else t = rnd(i, 100 + k) % 12
  if (t == 0) { typ = "integer"; cls = "int" }
  else if (t == 1) { typ = "text"; cls = "text" }
  else if (t == 2) { typ = "varchar(64)"; cls = "text" }
  else if (t == 3) { typ = "numeric(10,2)"; cls = "num" }
  else if (t == 4) { typ = "boolean"; cls = "bool" }
  else if (t == 5) { typ = "timestamptz"; cls = "ts" }
  else if (t == 6) { typ = "bigint"; cls = "big" }
  else if (t == 7) { typ = "jsonb"; cls = "json" }
  else if (t == 8) { typ = en(1 + i % NE); cls = "enum" }
  else if (t == 9) { typ = "double precision"; cls = "dbl" }
  else if (t == 10) { typ = "date"; cls = "date" }
  else { typ = (rnd(i, 300 + k) % 2) ? "bytea" : "uuid"; cls = (typ == "uuid") ? "uuid" : "bytea" }
  r = rnd(i, 200 + k)
  nn = (r % 10 < 4)
  hasdef = nn ? (r % 40 >= 10) : (r % 40 < 10)
  s = int(r / 40) % 4
  def = ""
  if (hasdef) {
    if (cls == "int") def = (s == 0) ? "0" : (s == 1) ? "'-1'::integer" : (s == 2) ? "42" : sprintf("%s(0)", fn(1 + i % NF))
    else if (cls == "big") def = (s < 2) ? "0" : "7"
    else if (cls == "text") def = (s == 0) ? "'n/a'" : (s == 1) ? "''" : (s == 2) ? "'it''s'" : "lower('X')"
    else if (cls == "num") def = (s == 0) ? "0" : (s == 1) ? "1.5" : "'-2500'::numeric"
    else if (cls == "bool") def = (s < 2) ? "true" : "false"
    else if (cls == "ts") def = (s < 2) ? "now()" : "'1970-01-01 00:00:00+00'::timestamptz"
    else if (cls == "json") def = (s < 2) ? "'{}'::jsonb" : "'[]'::jsonb"
    else if (cls == "enum") def = sprintf("'a0'::%s", en(1 + i % NE))
    else if (cls == "dbl") def = (s < 2) ? "0" : "3.25"
    else if (cls == "date") def = (s < 2) ? "CURRENT_DATE" : "'2000-01-01'::date"
    else if (cls == "bytea") def = "'\\x00'::bytea"
    else def = "gen_random_uuid()"
  }
  chk = ""
  if (cls == "text" && r % 7 == 0) chk = sprintf(" CHECK (length(%s) <= 64)", cn(k))
  if (cls == "int" && r % 7 == 1) chk = sprintf(" CHECK (%s > -1000)", cn(k))
  if (swap) {                          # drift: the type changes (see the README)
    if (cls == "int") typ = "bigint"
    else if (cls == "big") typ = "integer"
    else if (typ == "text") typ = "varchar(200)"
    else if (cls == "text") typ = "text"
    else if (cls == "num") typ = "numeric(12,4)"
    else { typ = "text"; def = "" }
  }
  CLS = cls
  return sprintf("  %s %s%s%s%s%s", cn(k), typ, ((cls == "text" && k > 3 && r % 9 == 4) ? " COLLATE \"C\"" : ""), \
    (nn ? " NOT NULL" : ""), (def != "" ? " DEFAULT " def : ""), chk)
}
# Table i; kind: 0 unchanged, else the drift applied to it (see BEGIN).
function table(i, kind,   ncol, k, n, out, pk, fk, p, t) {
  t = tn(i)
  ncol = 10 + rnd(i, 1) % 16
  pk = (i % 17 == 0) ? 2 : (i % 5 == 1) ? 1 : (i % 7 == 2) ? 3 : 0
  fk = (i > 1 && i % 3 == 0)
  n = 0
  if (pk == 1) out[++n] = "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
  else if (pk == 3) out[++n] = "  id serial PRIMARY KEY"
  else if (pk == 2) out[++n] = "  id integer NOT NULL"
  else out[++n] = "  id integer PRIMARY KEY"
  for (k = 2; k <= ncol; k++) {
    if (kind == 2 && k == ncol) continue             # drift: last column dropped
    out[++n] = coldef(i, k, (kind == 3 && k == ncol))
  }
  if (kind == 1) out[++n] = sprintf("  %s text DEFAULT 'added'", cn(ncol + 1))
  if (fk) {
    p = i - 1 - rnd(i, 20) % (i - 1 < 50 ? i - 1 : 50)
    if (p % 17 == 0) p = p - 1                       # composite keys have no unique id
    k = rnd(i, 21) % 4
    if (k == 0) out[++n] = sprintf("  parent_id bigint REFERENCES %s(id) ON DELETE CASCADE", tn(p))
    else if (k == 1) {
      out[++n] = "  parent_id bigint"
      out[++n] = sprintf("  CONSTRAINT fk_%s FOREIGN KEY (parent_id) REFERENCES %s(id) ON DELETE SET NULL ON UPDATE CASCADE", t, tn(p))
    } else if (k == 2) out[++n] = sprintf("  parent_id bigint REFERENCES %s(id) DEFERRABLE INITIALLY DEFERRED", tn(p))
    else out[++n] = sprintf("  parent_id bigint REFERENCES %s(id)", tn(p))
  }
  if (pk == 2) out[++n] = "  PRIMARY KEY (id, c03)"
  if (i % 9 == 4) out[++n] = sprintf("  CONSTRAINT uq_%s UNIQUE (c02, c03)", t)
  if (i % 3 == 0) out[++n] = sprintf("  CONSTRAINT ck_%s CHECK (c03 > %d)", t, (kind == 6 ? -50 : -100))
  else if (kind == 6) out[++n] = sprintf("  CONSTRAINT ck_%s CHECK (c03 > -50)", t)  # drift: CHECK added
  if (i % 5 == 2) out[++n] = "  CHECK (c03 <> 13)"
  if (i % 40 == 11) out[++n] = sprintf("  CONSTRAINT fck_%s CHECK (%s(c03) <> 0)", t, fn(1 + i % NF))
  printf "CREATE TABLE %s (\n", t
  for (k = 1; k <= n; k++) printf "%s%s\n", out[k], (k < n ? "," : "")
  printf ");\n"
  if (fk) printf "CREATE INDEX fx_%s ON %s (parent_id);\n", t, t
  if (i % 4 == 0 || kind == 7)
    printf "COMMENT ON TABLE %s IS 'table %d%s';\n", t, i, (kind == 7 ? " (changed)" : "")
  if (i % 6 == 1) printf "COMMENT ON COLUMN %s.c02 IS 'it''s column c02 of %s';\n", t, t
}
function indexes(i, kind,   t, hasix) {
  t = tn(i)
  hasix = (rnd(i, 60) % 10 < 8)
  if (hasix && kind != 4) {                          # drift 4: this index dropped
    if (rnd(i, 61) % 3 == 0) printf "CREATE INDEX ix_%s_c03 ON %s (c03, c04 DESC);\n", t, t
    else printf "CREATE INDEX ix_%s_c03 ON %s (c03);\n", t, t
  }
  if (i % 4 == 2) printf "CREATE INDEX px_%s ON %s (c04) WHERE c04 IS NOT NULL;\n", t, t
  if (i % 5 == 3) printf "CREATE INDEX lx_%s ON %s (lower(c02));\n", t, t
  if (i % 8 == 5) printf "CREATE UNIQUE INDEX ux_%s ON %s (c02, c03)%s;\n", t, t, (i % 16 == 13 ? " WHERE c03 > 0" : "")
  if (i % 7 == 4) printf "CREATE INDEX cx_%s ON %s (c02 COLLATE \"C\", c05 DESC NULLS LAST);\n", t, t
  if (i % 19 == 6) printf "CREATE INDEX hx_%s ON %s USING hash (c02);\n", t, t
  if (kind == 5 || (kind == 4 && !hasix)) printf "CREATE INDEX dx_%s ON %s (c04, c05);\n", t, t
}
function view(i, vd,   v) {
  v = sprintf("v%05d", i)
  if (i % 90 == 0)
    printf "CREATE VIEW %s AS SELECT id, c02 FROM v%05d UNION ALL SELECT id, c02 FROM v%05d%s;\n", v, i - 10, i - 60, (vd ? " WHERE id > 0" : "")
  else if (i % 30 == 0)
    printf "CREATE VIEW %s AS SELECT a.id, a.c02, b.c03 FROM v%05d a JOIN %s b ON b.id = a.id%s;\n", v, i - 10, tn(i), (vd ? " WHERE b.c03 > 0" : "")
  else
    printf "CREATE VIEW %s AS SELECT id, c02, c03 FROM %s WHERE c03 IS NOT NULL%s;\n", v, tn(i), (vd ? " AND id > 0" : "")
  if (i % 30 == 10) printf "COMMENT ON VIEW %s IS 'view %d';\n", v, i
}
# Trigger function and trigger on table i; td: the drifted trigger gets a WHEN condition.
function trigger(i, td,   t, f) {
  t = tn(i)
  f = sprintf("app.trf_%s", t)
  if (i % 50 == 25) {
    printf "CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  IF NEW.c03 < 0 THEN\n    RAISE EXCEPTION 'negative c03';\n  END IF;\n  RETURN NEW;\nEND\n$$;\n", f
    printf "CREATE TRIGGER tr_%s BEFORE INSERT ON %s FOR EACH ROW%s EXECUTE FUNCTION %s();\n", t, t, (td ? " WHEN (NEW.id > 0)" : ""), f
  } else if (i % 20 == 5) {
    printf "CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.c03 := coalesce(NEW.c03, 0);\n  RETURN NEW;\nEND\n$$;\n", f
    printf "CREATE TRIGGER tr_%s BEFORE UPDATE OF c02 ON %s FOR EACH ROW WHEN (NEW.c02 IS DISTINCT FROM OLD.c02%s) EXECUTE FUNCTION %s();\n", t, t, (td ? " AND NEW.id > 0" : ""), f
  } else {
    printf "CREATE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  DELETE FROM public.%s WHERE c03 = OLD.id;\n  RETURN OLD;\nEND\n$$;\n", f, tn(i - 3)
    printf "CREATE TRIGGER tr_%s AFTER DELETE ON %s FOR EACH ROW%s EXECUTE FUNCTION %s();\n", t, t, (td ? " WHEN (OLD.c03 IS NOT NULL)" : ""), f
  }
  if (i % 20 == 15) printf "COMMENT ON TRIGGER tr_%s ON %s IS 'trigger on %s';\n", t, t, t
}
BEGIN {
  P = 2147483647
  TX = (TX > 0) ? TX : 500
  NE = int(N / 50); if (NE < 1) NE = 1
  NF = int(N / 20); if (NF < 1) NF = 1
  changed = 0
  print "BEGIN;"
  print "CREATE SCHEMA app;"
  print "COMMENT ON SCHEMA app IS 'types and functions of the benchmark schema';"
  for (e = 1; e <= NE; e++) {
    ed = (drift && rnd(e, 53) % 100 < 15)
    if (ed) changed++
    enum_def(e, ed)
  }
  for (f = 1; f <= NF; f++) {
    fd = (drift && rnd(f, 54) % 100 < 15)
    if (fd) changed++
    func_def(f, fd)
  }
  for (i = 1; i <= N; i++) {
    kind = 0
    if (drift && rnd(i, 50) % 1000 < 100) { kind = 1 + rnd(i, 51) % 7; changed++ }
    table(i, kind)
    indexes(i, kind)
    if (i % TX == 0 && i < N) print "COMMIT;\nBEGIN;"
  }
  for (i = 10; i <= N; i += 10) {
    vd = (drift && rnd(i, 52) % 100 < 15)
    if (vd) changed++
    view(i, vd)
  }
  for (i = 15; i <= N; i += 10) {
    td = (drift && rnd(i, 55) % 100 < 15)
    if (td) changed++
    trigger(i, td)
  }
  print "COMMIT;"
  if (drift) printf "-- drifted objects: %d\n", changed
}
