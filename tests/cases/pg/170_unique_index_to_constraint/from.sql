CREATE TABLE t (id integer PRIMARY KEY, email text, handle text, CONSTRAINT t_handle_key UNIQUE (handle));
CREATE UNIQUE INDEX t_email_uidx ON t (email);
INSERT INTO t VALUES (1, 'a@x', 'ann'), (2, 'b@x', NULL);
