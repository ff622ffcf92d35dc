-- covers: integer column converted to a domain with a CHECK (rows satisfy) and a domain column converted to its base type
CREATE DOMAIN pct AS integer CHECK (VALUE BETWEEN 0 AND 100);
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE TABLE stat (id integer PRIMARY KEY, qty posint, share integer);
