CREATE TABLE t (id integer NOT NULL, v text, CONSTRAINT t_pkey PRIMARY KEY (id));
CREATE TABLE slot (day date NOT NULL, seat integer NOT NULL,
    CONSTRAINT slot_pk PRIMARY KEY (day, seat) DEFERRABLE INITIALLY DEFERRED);
COMMENT ON CONSTRAINT slot_pk ON slot IS 'one booking per seat and day';
INSERT INTO t VALUES (1, 'a'), (2, 'b');
INSERT INTO slot VALUES ('2024-01-01', 1);
