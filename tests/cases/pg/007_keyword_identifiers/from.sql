CREATE TABLE "user" (id integer PRIMARY KEY, "group" text);
CREATE TABLE "order" (id integer PRIMARY KEY, "user" integer, "from" date);
CREATE TABLE "select" ("where" integer, "limit" text);
INSERT INTO "user" VALUES (1, 'admin'), (2, 'staff');
INSERT INTO "order" VALUES (10, 1, '2024-01-01'), (11, 2, '2024-02-01');
INSERT INTO "select" VALUES (1, 'a'), (2, 'b');
