CREATE TABLE "a""b" (
    "x.y" integer,
    "a b" text,
    "it's" text
);
INSERT INTO "a""b" VALUES (1, 'one', 'q'), (2, 'two', NULL);
