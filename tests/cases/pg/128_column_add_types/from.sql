CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE pair AS (n integer, s text);
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);

CREATE TABLE thing (id integer PRIMARY KEY, name text);
INSERT INTO thing VALUES (1, 'one'), (2, 'two');
