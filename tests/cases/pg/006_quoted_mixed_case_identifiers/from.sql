CREATE TABLE "UserAccount" (
    "Id" integer PRIMARY KEY,
    "First Name" text NOT NULL,
    "eMail" text
);
INSERT INTO "UserAccount" VALUES (1, 'Ada', 'ada@x'), (2, 'Bob', NULL);
