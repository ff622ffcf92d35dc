-- covers: dropping an inheritance child that holds rows (destructive); the parent keeps its own rows
CREATE TABLE vehicle (id integer NOT NULL, maker text NOT NULL);
