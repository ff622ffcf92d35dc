-- covers: partition bounds change on partitions with rows: RANGE bounds moved, LIST value added, a LIST partition becomes the DEFAULT partition
CREATE TABLE reading (id integer NOT NULL, v integer NOT NULL) PARTITION BY RANGE (id);
CREATE TABLE reading_a PARTITION OF reading FOR VALUES FROM (1) TO (50);
CREATE TABLE reading_b PARTITION OF reading FOR VALUES FROM (50) TO (300);
CREATE TABLE shop (id integer NOT NULL, country text NOT NULL) PARTITION BY LIST (country);
CREATE TABLE shop_eu PARTITION OF shop FOR VALUES IN ('de', 'fr', 'it');
CREATE TABLE shop_other PARTITION OF shop DEFAULT;
