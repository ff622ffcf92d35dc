CREATE DOMAIN price AS integer CONSTRAINT price_nonneg CHECK (VALUE >= 0);
CREATE TABLE item (id integer PRIMARY KEY, p price NOT NULL DEFAULT 0, hist price[]);
CREATE INDEX item_p_idx ON item (p);
CREATE VIEW item_prices AS SELECT id, p, hist FROM item;
INSERT INTO item VALUES (1, 5, '{1,2}'), (2, 250, NULL);
