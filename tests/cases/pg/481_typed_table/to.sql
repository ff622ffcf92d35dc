-- covers: typed tables (CREATE TABLE ... OF type): created with a new type, column options (WITH OPTIONS NOT NULL, DEFAULT) and a CHECK, and with no list at all; a kept typed table's default changed in place; a table made typed (ALTER TABLE ... OF) and one made plain (NOT OF), rows kept; one moved to another type of the same shape (NOT OF, then OF); one dropped
CREATE TYPE pt AS (a integer, b text);
CREATE TYPE qt AS (a integer, b text);
CREATE TYPE nt AS (x integer, "Y" text);
CREATE TABLE stays_typed OF pt (a WITH OPTIONS NOT NULL DEFAULT 4, PRIMARY KEY (a));
CREATE TABLE becomes_typed OF pt;
CREATE TABLE becomes_plain (a integer, b text);
CREATE TABLE switches OF qt (b WITH OPTIONS DEFAULT 'x');
CREATE TABLE fresh OF nt (x WITH OPTIONS NOT NULL, CHECK (x > 0));
CREATE TABLE fresh_bare OF nt;
