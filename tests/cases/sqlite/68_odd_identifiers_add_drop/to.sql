-- covers: odd identifiers in in-place changes: ADD COLUMN with non-ASCII and keyword names, DROP COLUMN with embedded quotes, CREATE/DROP TABLE with a single quote in the name, new table named with a keyword and backticks, indexes/views/triggers with spaces and keywords in their names
CREATE TABLE "UserAccounts" (
  "Id" INTEGER PRIMARY KEY,
  "FirstName" TEXT NOT NULL,
  "e-mail address" TEXT,
  "名前" TEXT DEFAULT 'なし',
  "where" TEXT COLLATE NOCASE
);
CREATE TABLE "table" (
  "key" TEXT PRIMARY KEY,
  "value" TEXT
);
CREATE TABLE `group` (
  `id` INTEGER PRIMARY KEY,
  `user id` INTEGER REFERENCES "UserAccounts"("Id"),
  [from] TEXT
);
CREATE INDEX "UserAccounts by e-mail" ON "UserAccounts"("e-mail address" COLLATE NOCASE);
CREATE UNIQUE INDEX [select] ON "table"("value") WHERE "value" IS NOT NULL;
CREATE VIEW "Café View" AS SELECT "Id" AS "Id", "FirstName" AS "First Name" FROM "UserAccounts";
CREATE TRIGGER "on ""table"" update" AFTER UPDATE ON "table" BEGIN
  UPDATE "table" SET "value" = trim(NEW."value") WHERE "key" = NEW."key";
END;
