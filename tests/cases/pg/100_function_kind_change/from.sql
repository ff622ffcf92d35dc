CREATE TABLE job (id integer PRIMARY KEY, done boolean NOT NULL DEFAULT false);
CREATE FUNCTION finish_job(p_id integer) RETURNS void LANGUAGE sql AS 'UPDATE job SET done = true WHERE id = p_id';
CREATE PROCEDURE reset_jobs() LANGUAGE sql AS 'UPDATE job SET done = false';
INSERT INTO job VALUES (1, false), (2, true);
