CREATE TABLE old_owner (id integer PRIMARY KEY);
CREATE TABLE new_owner (id integer PRIMARY KEY);
CREATE TABLE pet (id integer PRIMARY KEY, owner_id integer CONSTRAINT pet_owner_fk REFERENCES old_owner (id));
INSERT INTO old_owner VALUES (1), (2);
INSERT INTO new_owner VALUES (1), (2), (3);
INSERT INTO pet VALUES (1, 1), (2, 2);
