-- covers: an access method dropped with its comment after the operator class and index that use it; one created with a comment before a new operator family, class and index using it; type and handler changed (DROP and CREATE: there is no ALTER ACCESS METHOD) with a comment added; a comment changed in place
CREATE ACCESS METHOD am_change TYPE TABLE HANDLER heap_tableam_handler;
COMMENT ON ACCESS METHOD am_change IS 'a table method now';
CREATE ACCESS METHOD am_kept TYPE INDEX HANDLER bthandler;
COMMENT ON ACCESS METHOD am_kept IS 'new';
CREATE ACCESS METHOD am_new TYPE INDEX HANDLER hashhandler;
COMMENT ON ACCESS METHOD am_new IS 'comes';
CREATE OPERATOR FAMILY new_fam USING am_new;
CREATE OPERATOR CLASS new_ops DEFAULT FOR TYPE integer USING am_new FAMILY new_fam AS
    OPERATOR 1 =, FUNCTION 1 hashint4(integer);
CREATE TABLE item (id integer PRIMARY KEY, n integer);
CREATE INDEX item_n ON item USING am_new (n);
