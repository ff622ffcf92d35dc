-- covers: mixed-case and space-containing identifiers: new column, index, check and comment on "UserAccount"
CREATE TABLE "UserAccount" (
    "Id" integer PRIMARY KEY,
    "First Name" text NOT NULL,
    "eMail" text,
    "Last Name" text DEFAULT '' NOT NULL,
    CONSTRAINT "Name Check" CHECK ("First Name" <> '')
);
CREATE INDEX "IX_UserAccount_Name" ON "UserAccount" ("Last Name", "First Name");
COMMENT ON COLUMN "UserAccount"."eMail" IS 'Mixed case column';
