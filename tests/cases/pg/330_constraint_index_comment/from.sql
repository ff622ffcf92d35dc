CREATE TABLE acct (id integer PRIMARY KEY, email text CONSTRAINT acct_email_key UNIQUE, code text CONSTRAINT acct_code_key UNIQUE);
COMMENT ON INDEX acct_email_key IS 'old email index';
COMMENT ON INDEX acct_code_key IS 'code index, dropped';
CREATE TABLE room (id integer CONSTRAINT room_pkey PRIMARY KEY, during int4range,
    CONSTRAINT room_no_overlap EXCLUDE USING gist (during WITH &&));
COMMENT ON INDEX room_pkey IS 'room key v1';
COMMENT ON INDEX room_no_overlap IS 'no overlap, removed';
CREATE TABLE gone (id integer CONSTRAINT gone_pkey PRIMARY KEY, span int4range,
    CONSTRAINT gone_x EXCLUDE USING gist (span WITH &&));
COMMENT ON INDEX gone_pkey IS 'gone key';
COMMENT ON INDEX gone_x IS 'gone exclusion';
CREATE TABLE old_pk (id integer CONSTRAINT old_pk_pkey PRIMARY KEY, k integer);
COMMENT ON INDEX old_pk_pkey IS 'dropped primary key index';
CREATE TABLE excl2 (id integer, span int4range, CONSTRAINT excl2_x EXCLUDE USING gist (span WITH &&));
INSERT INTO acct VALUES (1, 'a@x', 'A'), (2, 'b@x', 'B');
INSERT INTO room VALUES (1, '[1,5)'), (2, '[5,9)');
INSERT INTO gone VALUES (1, '[1,2)');
INSERT INTO old_pk VALUES (1, 10);
INSERT INTO excl2 VALUES (1, '[1,3)');
