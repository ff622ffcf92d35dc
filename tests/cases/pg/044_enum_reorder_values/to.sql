-- covers: enum values reordered (type must be rebuilt) while a column with rows uses it
CREATE TYPE tshirt AS ENUM ('small', 'medium', 'large');
CREATE TABLE stock (id integer PRIMARY KEY, size tshirt NOT NULL, qty integer NOT NULL DEFAULT 0);
