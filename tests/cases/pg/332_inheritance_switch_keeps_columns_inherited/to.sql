-- covers: children with rows switch parents (to a new parent and to an existing one) while their columns stay inherited, not declared locally (no DROP COLUMN of the child's data); the old parent loses a column its children keep; a plain table with rows starts inheriting and receives the parent's other columns as inherited ones
CREATE TABLE vehicle (name text COLLATE "C", wheels integer);
CREATE TABLE machine (id bigint NOT NULL, name text COLLATE "C", wheels integer, power integer);
CREATE TABLE conveyance (id bigserial NOT NULL, name text COLLATE "C", wheels integer);
CREATE TABLE car (doors integer) INHERITS (conveyance);
CREATE TABLE bike (gears integer) INHERITS (machine);
CREATE TABLE scooter (id bigint NOT NULL, top_speed integer) INHERITS (machine);
