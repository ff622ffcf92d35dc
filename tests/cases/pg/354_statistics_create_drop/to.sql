-- roles: sd_alice
-- covers: statistics objects (CREATE STATISTICS) created after their tables, in a schema whose name needs quoting: all kinds, ndistinct alone, dependencies alone, mcv alone, expressions with a column (ON (a + b), c), an expression alone, one in another schema than its table; created with a target, an owner and a comment; dropped (with a comment, and with its table, a target and an owner)
CREATE SCHEMA "Stats Land";
CREATE TABLE person (id integer PRIMARY KEY, city text, zip text, age integer);
CREATE TABLE "Stats Land".orders (id integer PRIMARY KEY, a integer, b integer, c text, "Mixed" integer);
CREATE STATISTICS "Stats Land".orders_all ON a, b, c FROM "Stats Land".orders;
CREATE STATISTICS "Stats Land".orders_nd (ndistinct) ON a, b FROM "Stats Land".orders;
CREATE STATISTICS "Stats Land"."Orders Dep" (dependencies) ON b, "Mixed" FROM "Stats Land".orders;
CREATE STATISTICS "Stats Land".orders_mcv (mcv) ON a, c FROM "Stats Land".orders;
CREATE STATISTICS "Stats Land".orders_expr ON (a + b), c FROM "Stats Land".orders;
ALTER STATISTICS "Stats Land".orders_expr SET STATISTICS 250;
COMMENT ON STATISTICS "Stats Land".orders_expr IS 'sum and c';
CREATE STATISTICS "Stats Land".orders_lower ON (lower(c)) FROM "Stats Land".orders;
CREATE STATISTICS person_age_city (ndistinct, mcv) ON age, city FROM person;
ALTER STATISTICS person_age_city OWNER TO sd_alice;
CREATE STATISTICS "Stats Land".person_elsewhere ON city, age FROM public.person;
ALTER STATISTICS "Stats Land".person_elsewhere SET STATISTICS 0;
