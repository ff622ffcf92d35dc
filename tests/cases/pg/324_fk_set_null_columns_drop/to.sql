-- covers: ON DELETE SET NULL (column list) widened to every column; a FK with ON DELETE SET DEFAULT (column list) dropped
CREATE TABLE parent (tenant integer NOT NULL, id integer NOT NULL, PRIMARY KEY (tenant, id));
CREATE TABLE child (
    id integer PRIMARY KEY,
    tenant integer NOT NULL DEFAULT 0,
    parent_id integer,
    other_id integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (tenant, parent_id) REFERENCES parent (tenant, id) ON DELETE SET NULL
);
