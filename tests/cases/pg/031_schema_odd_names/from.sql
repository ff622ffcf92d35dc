CREATE SCHEMA "Old Stuff";
CREATE TABLE "Old Stuff"."Thing" (id integer);
CREATE SCHEMA keep;
CREATE TABLE keep.t (id integer);
INSERT INTO "Old Stuff"."Thing" VALUES (1);
INSERT INTO keep.t VALUES (1);
