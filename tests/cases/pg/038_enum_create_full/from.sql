-- roles: sd_alice, sd_bob
CREATE TABLE diary (id integer PRIMARY KEY, entry text);
INSERT INTO diary VALUES (1, 'rainy'), (2, 'sunny');
