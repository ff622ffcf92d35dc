-- covers: foreign key keeps its name and target but its local column changes (a -> b), and a multi-column FK swaps column order
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE p2 (x integer, y integer, PRIMARY KEY (x, y));
CREATE TABLE c (id integer PRIMARY KEY, a integer, b integer, u integer, v integer,
    CONSTRAINT c_p_fk FOREIGN KEY (b) REFERENCES p (id),
    CONSTRAINT c_p2_fk FOREIGN KEY (v, u) REFERENCES p2 (x, y));
