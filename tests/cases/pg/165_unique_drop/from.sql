CREATE TABLE person (
    id integer PRIMARY KEY, email text, first text, last text, badge integer,
    CONSTRAINT person_email_key UNIQUE (email),
    CONSTRAINT person_name_key UNIQUE NULLS NOT DISTINCT (first, last),
    CONSTRAINT person_badge_key UNIQUE (badge) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE login (
    name text,
    realm text,
    CONSTRAINT login_key UNIQUE NULLS NOT DISTINCT (name, realm) DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON CONSTRAINT login_key ON login IS 'one login per realm';
INSERT INTO person VALUES (1, 'a@x', 'Ann', 'Lee', 1), (2, NULL, 'Bob', NULL, 2);
INSERT INTO login VALUES ('ann', NULL);
