-- covers: foreign keys with every option set are dropped from a kept table, plus a dropped child table with a FK
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
