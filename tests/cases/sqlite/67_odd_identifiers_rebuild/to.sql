-- covers: quoted and odd identifiers through a rebuild: SQL keywords as names ("order", "select", "group"), spaces, embedded double quotes, single quotes, [bracket] and `backtick` quoting, non-ASCII (café, 名前), mixed case; "order" gets a CHECK and a type change, [order details] gets a collation change (both rebuilt, CASCADE child rows survive); the view and trigger with odd names are recreated
CREATE TABLE "order" (
  "select" INTEGER PRIMARY KEY,
  "group" TEXT NOT NULL CHECK (length("group") > 0),
  "Mixed Case" TEXT,
  "we""ird" VARCHAR(10),
  "it's" TEXT
);
CREATE TABLE [order details] (
  [line no] INTEGER NOT NULL,
  `order` INTEGER NOT NULL REFERENCES "order"("select") ON DELETE CASCADE,
  "café" TEXT COLLATE NOCASE,
  "名前" TEXT,
  PRIMARY KEY ([line no], `order`)
);
CREATE INDEX "idx ""quoted"" name" ON [order details]("名前");
CREATE VIEW "view of ""order""" AS
  SELECT o."select" AS "select", o."group" AS "group", d."café" AS "café"
  FROM "order" o JOIN [order details] d ON d.`order` = o."select";
CREATE TRIGGER "trg's" AFTER INSERT ON "order" BEGIN
  UPDATE "order" SET "Mixed Case" = upper(NEW."group") WHERE "select" = NEW."select";
END;
