-- covers: foreign key comments: added, removed, changed
CREATE TABLE p (id integer PRIMARY KEY);
CREATE TABLE c (id integer PRIMARY KEY,
    a integer CONSTRAINT c_a REFERENCES p (id),
    b integer CONSTRAINT c_b REFERENCES p (id),
    c integer CONSTRAINT c_c REFERENCES p (id));
COMMENT ON CONSTRAINT c_a ON c IS 'new';
COMMENT ON CONSTRAINT c_c ON c IS 'v2';
