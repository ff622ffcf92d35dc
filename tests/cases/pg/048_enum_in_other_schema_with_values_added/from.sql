CREATE SCHEMA lookup;
CREATE TYPE lookup."Status" AS ENUM ('In Progress', 'Done');
CREATE TABLE lookup.job (id integer PRIMARY KEY, st lookup."Status" NOT NULL);
INSERT INTO lookup.job VALUES (1, 'In Progress'), (2, 'Done');
