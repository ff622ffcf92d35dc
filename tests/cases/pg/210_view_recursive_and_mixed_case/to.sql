-- covers: new recursive view, a view with a quoted mixed-case name and columns, and a view with explicit column names
CREATE TABLE node (id integer PRIMARY KEY, parent integer REFERENCES node (id));
CREATE RECURSIVE VIEW node_depth (id, depth) AS
    SELECT id, 0 FROM node WHERE parent IS NULL
    UNION ALL
    SELECT n.id, d.depth + 1 FROM node n JOIN node_depth d ON n.parent = d.id;
CREATE VIEW "Node Summary" ("Node Id", "Has Parent") AS SELECT id, parent IS NOT NULL FROM node;
