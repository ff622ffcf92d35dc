-- covers: domain base type change (integer -> numeric(12,2)) used by a column with a default, an array column, an index and a view that does not change; rows kept
CREATE DOMAIN price AS numeric(12,2) CONSTRAINT price_nonneg CHECK (VALUE >= 0);
CREATE TABLE item (id integer PRIMARY KEY, p price NOT NULL DEFAULT 0, hist price[]);
CREATE INDEX item_p_idx ON item (p);
CREATE VIEW item_prices AS SELECT id, p, hist FROM item;
