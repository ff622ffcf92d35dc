-- covers: a new parent table is created and an existing child with rows gets a FK to it; the parent is created empty, so the FK is added NOT VALID
CREATE TABLE region (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE store (id integer PRIMARY KEY, region_id integer, name text);
ALTER TABLE store ADD CONSTRAINT store_region_fk FOREIGN KEY (region_id) REFERENCES region (id) NOT VALID;
