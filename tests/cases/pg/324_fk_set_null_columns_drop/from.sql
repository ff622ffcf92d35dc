CREATE TABLE parent (tenant integer NOT NULL, id integer NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE child (
    id integer PRIMARY KEY,
    tenant integer NOT NULL DEFAULT 0,
    parent_id integer,
    other_id integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (tenant, parent_id) REFERENCES parent (tenant, id) ON DELETE SET NULL (parent_id),
    CONSTRAINT child_other_fk FOREIGN KEY (tenant, other_id) REFERENCES parent (tenant, id) ON DELETE SET DEFAULT (other_id)
);
INSERT INTO parent VALUES (1, 1), (1, 2);
INSERT INTO child VALUES (1, 1, 1, 2), (2, 1, NULL, NULL);
