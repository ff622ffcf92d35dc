-- covers: same name and arguments turn from function into procedure and from procedure into function
CREATE TABLE job (id integer PRIMARY KEY, done boolean NOT NULL DEFAULT false);
CREATE PROCEDURE finish_job(p_id integer) LANGUAGE sql AS 'UPDATE job SET done = true WHERE id = p_id';
CREATE FUNCTION reset_jobs() RETURNS void LANGUAGE sql AS 'UPDATE job SET done = false';
