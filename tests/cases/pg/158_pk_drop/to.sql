-- covers: primary key dropped from a kept table (rows stay), and a table with a commented DEFERRABLE INITIALLY DEFERRED primary key dropped
CREATE TABLE t (id integer NOT NULL, v text);
