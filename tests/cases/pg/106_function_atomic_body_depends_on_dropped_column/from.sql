CREATE TABLE member (id integer PRIMARY KEY, nick text, display_name text);
CREATE FUNCTION member_label(p_id integer) RETURNS text LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT nick FROM member WHERE id = p_id;
END;
INSERT INTO member VALUES (1, 'ace', 'Ace Ventura'), (2, 'bo', 'Bo Peep');
