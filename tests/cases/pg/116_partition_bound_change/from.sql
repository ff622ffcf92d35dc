CREATE TABLE reading (id integer NOT NULL, v integer NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE reading_a PARTITION OF reading FOR VALUES FROM (1) TO (100);
CREATE TABLE reading_b PARTITION OF reading FOR VALUES FROM (100) TO (200);
CREATE TABLE shop (id integer NOT NULL, country text NOT NULL) PARTITION BY LIST (country);
CREATE TABLE shop_eu PARTITION OF shop FOR VALUES IN ('de', 'fr');
CREATE TABLE shop_other PARTITION OF shop FOR VALUES IN ('xx');
INSERT INTO reading VALUES (1, 1), (10, 2), (120, 3), (199, 4);
INSERT INTO shop VALUES (1, 'de'), (2, 'xx');
