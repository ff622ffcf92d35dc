CREATE TYPE mood AS ENUM ('ok', 'meh', 'happy');
CREATE TABLE t (id integer PRIMARY KEY, m mood DEFAULT 'meh', q integer CHECK (q > 0));
