CREATE TABLE "order" ("group" INTEGER, [select] TEXT, `from` BLOB, "a""b" REAL, [x"y] NUMERIC);
