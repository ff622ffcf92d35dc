-- roles: sd_alice, sd_bob
CREATE TABLE item (id integer PRIMARY KEY, code smallint);
CREATE SEQUENCE item_code_seq AS smallint INCREMENT BY 5 MINVALUE 5 MAXVALUE 30000 START WITH 10 CACHE 10 CYCLE OWNED BY item.code;
CREATE SEQUENCE batch_seq;
ALTER SEQUENCE batch_seq OWNER TO sd_alice;
GRANT USAGE, SELECT ON SEQUENCE batch_seq TO sd_bob;
COMMENT ON SEQUENCE batch_seq IS 'batch numbers';
CREATE SEQUENCE countdown INCREMENT BY -1;
INSERT INTO item VALUES (1, nextval('item_code_seq')), (2, nextval('item_code_seq'));
