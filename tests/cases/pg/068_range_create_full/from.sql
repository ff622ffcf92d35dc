-- roles: sd_alice, sd_bob
CREATE TABLE sensor (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO sensor VALUES (1, 'temp'), (2, 'hum');
