-- covers: a BEGIN ATOMIC function depends on a column that B drops (destructive); the function is rewritten to use a new column
CREATE TABLE member (id integer PRIMARY KEY, display_name text, handle text);
CREATE FUNCTION member_label(p_id integer) RETURNS text LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT coalesce(handle, display_name) FROM member WHERE id = p_id;
END;
