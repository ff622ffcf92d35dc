-- roles: sd_alice, sd_bob
-- covers: dropping functions and a procedure that have owner, privileges and comments
CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,2) NOT NULL, placed date NOT NULL);
