-- covers: new child tables inheriting from a parent with rows: single and multiple inheritance, child with extra columns
CREATE TABLE vehicle (id integer NOT NULL, maker text NOT NULL);
CREATE TABLE taxable (tax_code text);
CREATE TABLE car (doors integer NOT NULL DEFAULT 4) INHERITS (vehicle);
CREATE TABLE truck (payload integer) INHERITS (vehicle, taxable);
