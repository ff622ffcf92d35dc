CREATE TABLE "Data Set" ("Row ID" integer PRIMARY KEY, "Value" integer);
INSERT INTO "Data Set" VALUES (1, 10), (2, 20);
