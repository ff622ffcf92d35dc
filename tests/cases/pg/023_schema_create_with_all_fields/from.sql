-- roles: sd_alice, sd_bob
CREATE TABLE contact (id integer PRIMARY KEY, email text);
INSERT INTO contact VALUES (1, 'a@x'), (2, 'b@x');
