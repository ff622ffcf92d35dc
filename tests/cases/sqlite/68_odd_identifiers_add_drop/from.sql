CREATE TABLE "UserAccounts" (
  "Id" INTEGER PRIMARY KEY,
  "FirstName" TEXT NOT NULL,
  "e-mail address" TEXT,
  "obsolete ""flag""" INTEGER
);
CREATE TABLE "table" (
  "key" TEXT PRIMARY KEY,
  "value" TEXT
);
CREATE TABLE "legacy's data" ("x" INTEGER);
INSERT INTO "UserAccounts" VALUES (1, 'Ada', 'ada@x.org', 0), (2, 'Bob', NULL, 1);
INSERT INTO "table" VALUES ('where', 'here'), ('from', 'there');
INSERT INTO "legacy's data" VALUES (1);
