CREATE TABLE parent (id integer NOT NULL, v integer,
    CONSTRAINT parent_v_pos CHECK (v > 0),
    CONSTRAINT parent_id_small CHECK (id < 100) NO INHERIT);
CREATE TABLE child (note text) INHERITS (parent);
INSERT INTO parent VALUES (1, 1);
INSERT INTO child VALUES (2, 5, 'n');
