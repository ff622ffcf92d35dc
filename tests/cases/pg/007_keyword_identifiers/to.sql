-- covers: reserved words as identifiers: tables "user", "order", "select"; columns "from", "group", "where"; FK, type change and index on them
CREATE TABLE "user" (id integer PRIMARY KEY, "group" text NOT NULL DEFAULT 'staff');
CREATE TABLE "order" (id integer PRIMARY KEY, "user" integer REFERENCES "user" (id), "from" date);
CREATE TABLE "select" ("where" bigint, "limit" text, "table" boolean DEFAULT false);
CREATE INDEX "order_from" ON "order" ("from" DESC);
COMMENT ON COLUMN "select"."where" IS 'reserved';
