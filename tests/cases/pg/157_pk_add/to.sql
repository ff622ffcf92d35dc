-- covers: primary key added to an existing table with unique rows; new table with a DEFERRABLE INITIALLY DEFERRED composite primary key and a comment on it
CREATE TABLE t (id integer NOT NULL, v text, CONSTRAINT t_pkey PRIMARY KEY (id));
CREATE TABLE slot (day date NOT NULL, seat integer NOT NULL,
    CONSTRAINT slot_pk PRIMARY KEY (day, seat) DEFERRABLE INITIALLY DEFERRED);
COMMENT ON CONSTRAINT slot_pk ON slot IS 'one booking per seat and day';
