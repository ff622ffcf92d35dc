-- Dropped with its comment after the operator class and index that use it.
CREATE ACCESS METHOD am_gone TYPE INDEX HANDLER hashhandler;
COMMENT ON ACCESS METHOD am_gone IS 'goes';
CREATE OPERATOR CLASS gone_ops DEFAULT FOR TYPE integer USING am_gone AS
    OPERATOR 1 =, FUNCTION 1 hashint4(integer);
-- Type and handler changed (dropped and created: nothing uses it); comment added.
CREATE ACCESS METHOD am_change TYPE INDEX HANDLER bthandler;
-- Comment changed in place.
CREATE ACCESS METHOD am_kept TYPE INDEX HANDLER bthandler;
COMMENT ON ACCESS METHOD am_kept IS 'old';
CREATE TABLE item (id integer PRIMARY KEY, n integer);
CREATE INDEX item_n ON item USING am_gone (n);
INSERT INTO item VALUES (1, 10), (2, 20);
