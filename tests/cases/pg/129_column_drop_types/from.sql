CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE pair AS (n integer, s text);
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);

CREATE TABLE thing (
    id integer PRIMARY KEY,
    name text,
    tags text[],
    price numeric(10,2),
    code varchar(20),
    doc jsonb,
    valid int4range,
    qty posint,
    feeling mood,
    pr pair
);
INSERT INTO thing VALUES
    (1, 'one', '{a,b}', 9.99, 'C1', '{"k": 1}', '[1,5)', 3, 'ok', ROW(1, 'x')),
    (2, 'two', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
