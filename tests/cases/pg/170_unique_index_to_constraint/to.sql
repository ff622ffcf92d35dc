-- covers: a unique index is replaced by a unique constraint of another name on the same column, and a unique constraint by a partial unique index
CREATE TABLE t (id integer PRIMARY KEY, email text, handle text, CONSTRAINT t_email_key UNIQUE (email));
CREATE UNIQUE INDEX t_handle_uidx ON t (handle) WHERE handle IS NOT NULL;
