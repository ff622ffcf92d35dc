-- covers: primary key columns change on tables with rows: (id) -> (tenant_id, id), (a, b) -> (a)
CREATE TABLE doc (tenant_id integer NOT NULL, id integer NOT NULL, body text, PRIMARY KEY (tenant_id, id));
CREATE TABLE pairs (a integer NOT NULL, b integer NOT NULL, PRIMARY KEY (a));
