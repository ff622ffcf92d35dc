-- roles: sd_alice, sd_bob
-- covers: new views with security_barrier, LOCAL and CASCADED check options, security_invoker, owner, grant and comment
CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, age integer NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE VIEW active_users WITH (security_barrier) AS SELECT id, name FROM users WHERE active;
ALTER VIEW active_users OWNER TO sd_alice;
GRANT SELECT ON active_users TO sd_bob;
COMMENT ON VIEW active_users IS 'users that can log in';
CREATE VIEW adults AS SELECT id, name, age FROM users WHERE age >= 18 WITH LOCAL CHECK OPTION;
CREATE VIEW senior_adults AS SELECT id, name, age FROM adults WHERE age >= 40 WITH CASCADED CHECK OPTION;
CREATE VIEW invoker_users WITH (security_invoker = true) AS SELECT id FROM users;
