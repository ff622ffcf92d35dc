-- covers: exclusion constraints dropped from a kept table and with a dropped table
CREATE EXTENSION btree_gist;
CREATE TABLE booking (id integer PRIMARY KEY, room integer NOT NULL, during tsrange NOT NULL);
