-- roles: sd_alice, sd_bob
-- covers: statistics definitions changed (DROP STATISTICS + CREATE STATISTICS: kinds, columns, an expression; the comment kept), target set, reset to the default (-1) and changed in place, owner changed, comment added, changed and removed (all in place: expect_not.txt); statistics on a retyped column (a plain column with a target, an owner and a comment, and one in an expression) recreated around the retype; one on unchanged columns stays
CREATE TABLE person (id integer PRIMARY KEY, city text, zip text, region text, age bigint, score numeric);
CREATE STATISTICS kinds_changed (ndistinct, dependencies) ON city, zip FROM person;
CREATE STATISTICS cols_changed ON city, zip, id FROM person;
CREATE STATISTICS expr_changed ON (id + 2), city FROM person;
COMMENT ON STATISTICS expr_changed IS 'kept across the recreate';
CREATE STATISTICS target_set ON city, region FROM person;
ALTER STATISTICS target_set SET STATISTICS 1000;
CREATE STATISTICS target_reset ON zip, region FROM person;
CREATE STATISTICS target_changed ON city, id FROM person;
ALTER STATISTICS target_changed SET STATISTICS 400;
CREATE STATISTICS owned ON zip, region FROM person;
ALTER STATISTICS owned OWNER TO sd_bob;
CREATE STATISTICS commented ON city, id FROM person;
COMMENT ON STATISTICS commented IS 'new comment';
CREATE STATISTICS uncommented ON zip, id FROM person;
CREATE STATISTICS added_comment ON city, zip, region FROM person;
COMMENT ON STATISTICS added_comment IS 'added';
CREATE STATISTICS on_retyped (dependencies) ON age, score FROM person;
ALTER STATISTICS on_retyped SET STATISTICS 300;
ALTER STATISTICS on_retyped OWNER TO sd_bob;
COMMENT ON STATISTICS on_retyped IS 'on a retyped column';
CREATE STATISTICS expr_retyped ON (score * 2), city FROM person;
CREATE STATISTICS untouched ON city, zip, id FROM person;
