-- covers: identifiers containing double quotes, dots and spaces: type change, default, constraint and index named with them
CREATE TABLE "a""b" (
    "x.y" bigint DEFAULT 0,
    "a b" text,
    "it's" text,
    CONSTRAINT "we""ird" UNIQUE ("x.y")
);
CREATE INDEX "idx.""a b"" x" ON "a""b" ("a b") WHERE "it's" IS NOT NULL;
