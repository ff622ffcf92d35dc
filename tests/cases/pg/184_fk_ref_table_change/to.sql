-- covers: foreign key retargeted to another table (rows exist in both targets)
CREATE TABLE old_owner (id integer PRIMARY KEY);
CREATE TABLE new_owner (id integer PRIMARY KEY);
CREATE TABLE pet (id integer PRIMARY KEY, owner_id integer CONSTRAINT pet_owner_fk REFERENCES new_owner (id));
