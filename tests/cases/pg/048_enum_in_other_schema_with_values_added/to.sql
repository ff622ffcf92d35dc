-- covers: enum in a non-public schema with a mixed-case name and quoted labels gains values; labels with spaces and quotes
CREATE SCHEMA lookup;
CREATE TYPE lookup."Status" AS ENUM ('Not Started', 'In Progress', 'Won''t Do', 'Done');
CREATE TABLE lookup.job (id integer PRIMARY KEY, st lookup."Status" NOT NULL DEFAULT 'Not Started');
