-- covers: retyped columns whose defaults must follow: varchar(10) DEFAULT -> text, integer DEFAULT 0 -> numeric(10,2) DEFAULT 0, smallint DEFAULT 0 -> integer DEFAULT 0
CREATE TABLE t (id integer PRIMARY KEY, status text NOT NULL DEFAULT 'new', qty numeric(10,0) NOT NULL DEFAULT 0, active integer NOT NULL DEFAULT 0);
