CREATE SCHEMA "données";
CREATE TABLE "données"."café" (
    "id" integer PRIMARY KEY,
    "naïve" text,
    "prix€" numeric(8,2)
);
INSERT INTO "données"."café" VALUES (1, 'crème', 2.50), (2, 'brûlée', 4.00);
