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
    legacy_parent integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET NULL,
    CONSTRAINT child_code_fk FOREIGN KEY (parent_code) REFERENCES parent (code) MATCH FULL DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT child_tparent_fk FOREIGN KEY (tenant_id, tparent_id) REFERENCES tenant_parent (tenant_id, id) ON DELETE SET NULL (tparent_id),
    CONSTRAINT child_country_fk FOREIGN KEY (country) REFERENCES ref.country (code) ON UPDATE CASCADE ON DELETE RESTRICT
);
ALTER TABLE child ADD CONSTRAINT child_legacy_fk FOREIGN KEY (legacy_parent) REFERENCES parent (id) NOT VALID;
COMMENT ON CONSTRAINT child_parent_fk ON child IS 'owning parent';
INSERT INTO ref.country VALUES ('de', 'Germany'), ('fr', 'France');
INSERT INTO parent VALUES (1, 'p1'), (2, 'p2');
INSERT INTO tenant_parent VALUES (1, 10), (1, 11);
INSERT INTO child VALUES (1, 1, 'p1', 1, 10, 'de', 1), (2, 2, NULL, 1, NULL, 'fr', NULL), (3, NULL, 'p2', NULL, NULL, NULL, 2);
CREATE TABLE grandchild (id integer PRIMARY KEY, child_id integer REFERENCES child (id) MATCH FULL ON DELETE CASCADE DEFERRABLE);
INSERT INTO grandchild VALUES (1, 1);
