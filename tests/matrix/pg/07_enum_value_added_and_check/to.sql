CREATE TYPE mood AS ENUM ('ok', 'happy', 'great');
CREATE TABLE t (id integer PRIMARY KEY, m mood, qty integer CHECK (qty > 0));
