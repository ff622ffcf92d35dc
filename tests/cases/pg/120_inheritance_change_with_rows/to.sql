-- covers: inheritance changes on tables with rows: a plain table starts inheriting (columns declared locally), a child stops inheriting, a child switches parent
CREATE TABLE animal (id integer NOT NULL, name text NOT NULL);
CREATE TABLE plant (id integer NOT NULL, name text NOT NULL);
CREATE TABLE dog (id integer NOT NULL, name text NOT NULL, breed text) INHERITS (animal);
CREATE TABLE cat (id integer NOT NULL, name text NOT NULL, indoor boolean);
CREATE TABLE fern (id integer NOT NULL, name text NOT NULL, spores boolean) INHERITS (plant);
