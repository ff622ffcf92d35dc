CREATE SCHEMA ref;
CREATE TABLE ref.country (code char(2) PRIMARY KEY, name text NOT NULL);
CREATE TABLE parent (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
CREATE TABLE tenant_parent (tenant_id integer NOT NULL, id integer NOT NULL, PRIMARY KEY (tenant_id, id));
CREATE TABLE child (
    id integer PRIMARY KEY,
    parent_id integer,
    parent_code text,
    tenant_id integer,
    tparent_id integer,
    country char(2),
    legacy_parent integer
);
INSERT INTO ref.country VALUES ('de', 'Germany'), ('fr', 'France');
INSERT INTO parent VALUES (1, 'p1'), (2, 'p2');
INSERT INTO tenant_parent VALUES (1, 10), (1, 11);
INSERT INTO child VALUES (1, 1, 'p1', 1, 10, 'de', 1), (2, 2, NULL, 1, NULL, 'fr', NULL), (3, NULL, 'p2', NULL, NULL, NULL, 2);
