-- roles: sd_alice, sd_bob
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE mood OWNER TO sd_alice;
REVOKE USAGE ON TYPE mood FROM PUBLIC;
GRANT USAGE ON TYPE mood TO sd_bob;
COMMENT ON TYPE mood IS 'how the day felt';
CREATE TABLE diary (id integer PRIMARY KEY, entry text, feeling mood NOT NULL DEFAULT 'ok');
INSERT INTO diary VALUES (1, 'rainy', 'sad'), (2, 'sunny', 'happy');
