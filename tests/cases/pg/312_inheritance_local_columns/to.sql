-- covers: inheritance and pg_dump's local/inherited columns and CHECKs: a column added to a parent is added once, merged into a grandchild that declares it itself (added there first); a partitioned table's new column reaches its partitions; a child leaving its parent keeps the columns as its own and drops the parent's CHECK (NO INHERIT leaves it as the child's own) or keeps it when the target declares it; a child switching to a parent with a CHECK of the same name keeps it inherited (over the bridge) and receives the new parent's other CHECK; an inherited-only column that the target declares in the child becomes its own (the parent left and inherited again over a bridge that keeps the other columns and the CHECK inherited, also a column the parent drops and one it retypes, which then reach the child); a plain table gaining a parent with a CHECK receives it inherited
CREATE TABLE p (id integer NOT NULL, a text, b integer DEFAULT 7, CONSTRAINT p_id_pos CHECK (id > 0));
CREATE TABLE q (id integer NOT NULL, a text, CONSTRAINT p_id_pos CHECK (id > 0), CONSTRAINT q_a_len CHECK (length(a) < 10));
CREATE TABLE z2 (y integer) INHERITS (p);
CREATE TABLE z3 (b integer DEFAULT 7) INHERITS (z2);
CREATE TABLE leaver (id integer NOT NULL, a text, z integer);
CREATE TABLE keeper (id integer NOT NULL, a text, z integer, CONSTRAINT p_id_pos CHECK (id > 0));
CREATE TABLE switcher (s integer) INHERITS (q);
CREATE TABLE undecl (a text, u integer) INHERITS (p);
CREATE TABLE joiner (id integer NOT NULL, a text, w integer) INHERITS (p);
CREATE TABLE pp (id integer NOT NULL, k text, v integer) PARTITION BY LIST (k);
CREATE TABLE pp_a PARTITION OF pp FOR VALUES IN ('a');
CREATE TABLE pp_b (id integer NOT NULL, k text, v integer);
ALTER TABLE pp ATTACH PARTITION pp_b FOR VALUES IN ('b');
CREATE TABLE p2 (id integer NOT NULL, a text, r integer, CONSTRAINT p2_r_pos CHECK (r > 0));
CREATE TABLE f2 (a text) INHERITS (p2);
