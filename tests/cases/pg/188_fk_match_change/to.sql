-- covers: MATCH SIMPLE -> MATCH FULL (rows are all-null or all-set) and MATCH FULL -> SIMPLE on two-column foreign keys
CREATE TABLE p (a integer, b integer, PRIMARY KEY (a, b));
CREATE TABLE c1 (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT c1_fk FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH FULL);
CREATE TABLE c2 (id integer PRIMARY KEY, a integer, b integer, CONSTRAINT c2_fk FOREIGN KEY (a, b) REFERENCES p (a, b) MATCH SIMPLE);
