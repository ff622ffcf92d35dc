CREATE FUNCTION can_see(o text) RETURNS boolean LANGUAGE sql STABLE RETURN o = current_user;
CREATE FUNCTION norm(t text) RETURNS text LANGUAGE sql IMMUTABLE RETURN lower(t);
CREATE FUNCTION width(t text) RETURNS integer LANGUAGE sql IMMUTABLE RETURN length(t);
CREATE TABLE note (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    code text NOT NULL,
    code_width integer GENERATED ALWAYS AS (width(code)) STORED,
    body text,
    legacy text,
    EXCLUDE USING btree (norm(code) WITH =)
);
CREATE FUNCTION legacy_count() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(legacy) FROM note;
END;
CREATE TABLE tally (id integer PRIMARY KEY, n bigint DEFAULT legacy_count());
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_owner ON note USING (can_see(owner));
INSERT INTO note (id, owner, code, body, legacy) VALUES (1, 'ann', 'AB', 'x', 'l1'), (2, 'bob', 'Cd', NULL, NULL);
INSERT INTO tally VALUES (1, 5), (2, 7);
