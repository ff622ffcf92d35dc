CREATE TABLE vehicle (id integer NOT NULL, maker text NOT NULL);
CREATE TABLE taxable (tax_code text);
INSERT INTO vehicle VALUES (1, 'ford'), (2, 'fiat');
