-- covers: comments on the indexes behind primary key, unique and exclusion constraints (COMMENT ON INDEX): added, changed, removed, on a new table and a new constraint, dropped with their constraint or table; the constraint's own comment stays apart
CREATE TABLE acct (id integer PRIMARY KEY, email text CONSTRAINT acct_email_key UNIQUE, code text);
COMMENT ON INDEX acct_pkey IS 'account key';
COMMENT ON INDEX acct_email_key IS 'new email index';
COMMENT ON CONSTRAINT acct_email_key ON acct IS 'one account per email';
CREATE TABLE room (id integer CONSTRAINT room_pkey PRIMARY KEY, during int4range,
    CONSTRAINT room_no_overlap EXCLUDE USING gist (during WITH &&));
COMMENT ON INDEX room_pkey IS 'room key v2';
CREATE TABLE fresh (id integer CONSTRAINT fresh_pkey PRIMARY KEY, tag text CONSTRAINT fresh_tag_key UNIQUE,
    span int4range, CONSTRAINT fresh_x EXCLUDE USING gist (span WITH &&));
COMMENT ON INDEX fresh_pkey IS 'fresh key';
COMMENT ON INDEX fresh_tag_key IS 'fresh tag';
COMMENT ON INDEX fresh_x IS 'fresh exclusion';
CREATE TABLE old_pk (id integer, k integer CONSTRAINT old_pk_k_key UNIQUE);
COMMENT ON INDEX old_pk_k_key IS 'new unique on a kept table';
CREATE TABLE excl2 (id integer, span int4range, CONSTRAINT excl2_x EXCLUDE USING gist (span WITH &&));
COMMENT ON INDEX excl2_x IS 'exclusion index comment added';
