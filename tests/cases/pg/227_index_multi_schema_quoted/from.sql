CREATE SCHEMA app;
CREATE TABLE app."Item" ("Name" text, "Price" numeric(8,2), qty integer);
INSERT INTO app."Item" VALUES ('Pen', 1.50, 10), ('Ink', 3.00, 0);
