CREATE TABLE "order" (
  "select" INTEGER PRIMARY KEY,
  "group" TEXT NOT NULL,
  "Mixed Case" TEXT,
  "we""ird" TEXT,
  "it's" TEXT
);
CREATE TABLE [order details] (
  [line no] INTEGER NOT NULL,
  `order` INTEGER NOT NULL REFERENCES "order"("select") ON DELETE CASCADE,
  "café" TEXT,
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
INSERT INTO "order" ("select", "group", "we""ird", "it's") VALUES (1, 'a', 'x"y', 'it''s'), (2, 'b', NULL, 'o''clock');
INSERT INTO [order details] VALUES (1, 1, 'crème', 'ひとつ'), (2, 1, 'thé', NULL), (1, 2, NULL, 'ふたつ');
