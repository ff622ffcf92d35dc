-- covers: schemas with mixed-case, space and keyword names created and dropped, with tables
CREATE SCHEMA "Sales Dept";
CREATE SCHEMA "order";
CREATE TABLE "Sales Dept"."Lead" (id integer PRIMARY KEY);
CREATE TABLE "order"."select" (id integer PRIMARY KEY, "Lead" integer REFERENCES "Sales Dept"."Lead" (id));
CREATE SCHEMA keep;
CREATE TABLE keep.t (id integer);
