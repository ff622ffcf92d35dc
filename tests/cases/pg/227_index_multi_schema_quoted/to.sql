-- covers: indexes in a non-public schema with quoted names and a multi-expression key on a quoted column
CREATE SCHEMA app;
CREATE TABLE app."Item" ("Name" text, "Price" numeric(8,2), qty integer);
CREATE INDEX "Item Name Idx" ON app."Item" (lower("Name"), ("Price" * qty) DESC);
CREATE UNIQUE INDEX "Item_UQ" ON app."Item" ("Name") WHERE qty > 0;
