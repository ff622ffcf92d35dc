-- roles: sd_alice, sd_bob
-- covers: foreign servers created with a type, a version, options, an owner, USAGE granted and a comment, on a new wrapper and on a kept one; a server with none of them; a server dropped (type, version, options, USAGE granted, comment) with its wrapper
CREATE FOREIGN DATA WRAPPER kept_wrapper;
CREATE SERVER kept_server FOREIGN DATA WRAPPER kept_wrapper;
CREATE FOREIGN DATA WRAPPER new_wrapper;
GRANT USAGE ON FOREIGN DATA WRAPPER new_wrapper TO sd_alice;
CREATE SERVER "Remote DB" TYPE 'postgres' VERSION '15.2' FOREIGN DATA WRAPPER new_wrapper OPTIONS (host 'db.example', port '5432', "Odd Name" 'it''s');
ALTER SERVER "Remote DB" OWNER TO sd_alice;
GRANT USAGE ON FOREIGN SERVER "Remote DB" TO sd_bob;
COMMENT ON SERVER "Remote DB" IS 'the remote';
CREATE SERVER plain_server FOREIGN DATA WRAPPER kept_wrapper;
CREATE TABLE note (id integer PRIMARY KEY, body text);
