-- roles: sd_alice, sd_bob
CREATE SCHEMA rpt;
CREATE TABLE rpt.daily (day date PRIMARY KEY, total integer NOT NULL);
INSERT INTO rpt.daily VALUES ('2024-01-01', 5), ('2024-01-02', 7);
