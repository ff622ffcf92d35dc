-- roles: sd_alice, sd_bob
-- covers: dropping sequences that have type, start, increment, bounds, cache, cycle, OWNED BY, owner, grants and comment
CREATE TABLE item (id integer PRIMARY KEY, code smallint);
