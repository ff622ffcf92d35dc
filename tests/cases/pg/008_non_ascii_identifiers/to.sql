-- covers: non-ASCII schema, table, column, index and constraint names and a non-ASCII comment
CREATE SCHEMA "données";
COMMENT ON SCHEMA "données" IS 'Ünïcødé ☕ schema';
CREATE TABLE "données"."café" (
    "id" integer PRIMARY KEY,
    "naïve" text,
    "prix€" numeric(10,2),
    "日本語" text DEFAULT 'こんにちは',
    CONSTRAINT "prix_positif_✓" CHECK ("prix€" >= 0)
);
CREATE INDEX "idx_naïve" ON "données"."café" ("naïve");
CREATE TABLE "données"."Ωmega" ("ключ" integer PRIMARY KEY);
