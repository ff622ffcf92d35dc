-- covers: used sequences change direction: integer ascending -> bigint descending (bounds widened with the larger type first), descending -> ascending
CREATE SEQUENCE s_up AS bigint INCREMENT BY -1;
CREATE SEQUENCE s_down;
CREATE TABLE t (id integer PRIMARY KEY);
