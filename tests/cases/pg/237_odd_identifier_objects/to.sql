-- covers: quoted names needing escaping on every object kind: enum "My Enum" with label it's, domain "Pos Int", sequence "Seq-1", function "Do Thing", view "View ""Q"" 2", trigger "Audit Trigger", policy "Read All", index "Idx Ü", constraint "Chk #1"
CREATE TYPE "My Enum" AS ENUM ('it''s', 'plain', 'UPPER case');
CREATE DOMAIN "Pos Int" AS integer CONSTRAINT "Pos Check" CHECK (VALUE > 0);
CREATE SEQUENCE "Seq-1";
CREATE FUNCTION "Do Thing"("In Value" integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT "In Value" * 2';
CREATE FUNCTION "Touch Row"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW."Value" := coalesce(NEW."Value", 0); RETURN NEW; END $$;
CREATE TABLE "Data Set" (
    "Row ID" integer PRIMARY KEY,
    "Value" integer CONSTRAINT "Chk #1" CHECK ("Value" >= 0),
    "Kind" "My Enum" DEFAULT 'it''s',
    "Pos" "Pos Int",
    "Seq No" bigint DEFAULT nextval('"Seq-1"'),
    "Twice" integer GENERATED ALWAYS AS ("Do Thing"("Value")) STORED
);
CREATE VIEW "View ""Q"" 2" AS SELECT "Row ID", "Twice" FROM "Data Set";
CREATE TRIGGER "Audit Trigger" BEFORE INSERT ON "Data Set" FOR EACH ROW EXECUTE FUNCTION "Touch Row"();
ALTER TABLE "Data Set" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Read All" ON "Data Set" FOR SELECT USING ("Value" IS NOT NULL);
CREATE INDEX "Idx Ü" ON "Data Set" ("Kind", "Value" DESC);
