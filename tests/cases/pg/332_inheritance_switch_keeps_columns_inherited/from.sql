CREATE TABLE vehicle (id bigserial NOT NULL, name text COLLATE "C", wheels integer);
CREATE TABLE machine (id bigint NOT NULL, name text COLLATE "C", wheels integer, power integer);
CREATE TABLE car (doors integer) INHERITS (vehicle);
CREATE TABLE bike (gears integer) INHERITS (vehicle);
INSERT INTO vehicle (name, wheels) VALUES ('generic', 4);
INSERT INTO car (name, wheels, doors) VALUES ('sedan', 4, 4);
INSERT INTO bike (name, wheels, gears) VALUES ('road', 2, 21);
CREATE TABLE scooter (id bigint NOT NULL, top_speed integer);
INSERT INTO scooter VALUES (7, 25);
