-- covers: functions dropped and created (a parameter renamed, a result type changed, a BEGIN ATOMIC body that reads a dropped column) while a policy, an EXCLUDE constraint, a generated column in the middle of a table and a default on another table call them: detached first, restored after, rows kept
CREATE FUNCTION can_see(who text) RETURNS boolean LANGUAGE sql STABLE RETURN who = current_user;
CREATE FUNCTION norm(v text) RETURNS text LANGUAGE sql IMMUTABLE RETURN lower(v);
CREATE FUNCTION width(t text) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN length(t);
CREATE TABLE note (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    code text NOT NULL,
    code_width integer GENERATED ALWAYS AS (width(code)) STORED,
    body text,
    EXCLUDE USING btree (norm(code) WITH =)
);
CREATE FUNCTION legacy_count() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(body) FROM note;
END;
CREATE TABLE tally (id integer PRIMARY KEY, n bigint DEFAULT legacy_count());
ALTER TABLE note ENABLE ROW LEVEL SECURITY;
CREATE POLICY note_owner ON note USING (can_see(owner));
