-- covers: unique constraints added: single column, multi-column NULLS NOT DISTINCT, DEFERRABLE INITIALLY DEFERRED with a comment; new table with the same
CREATE TABLE person (
    id integer PRIMARY KEY, email text, first text, last text, badge integer,
    CONSTRAINT person_email_key UNIQUE (email),
    CONSTRAINT person_name_key UNIQUE NULLS NOT DISTINCT (first, last),
    CONSTRAINT person_badge_key UNIQUE (badge) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON CONSTRAINT person_badge_key ON person IS 'badges are unique';
CREATE TABLE login (
    name text,
    realm text,
    CONSTRAINT login_key UNIQUE NULLS NOT DISTINCT (name, realm) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON CONSTRAINT login_key ON login IS 'one login per realm';
