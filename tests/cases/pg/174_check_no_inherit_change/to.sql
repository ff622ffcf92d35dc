-- covers: CHECK NO INHERIT toggled on a parent table that has a child with rows
CREATE TABLE parent (id integer NOT NULL, v integer,
    CONSTRAINT parent_v_pos CHECK (v > 0) NO INHERIT,
    CONSTRAINT parent_id_small CHECK (id < 100));
CREATE TABLE child (note text) INHERITS (parent);
