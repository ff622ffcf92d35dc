-- covers: view dropped (old_totals), views added including a view on a view (big_regions reads region_totals)
CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  region TEXT NOT NULL,
  amount REAL NOT NULL
);
CREATE VIEW region_totals AS SELECT region AS region, sum(amount) AS total FROM sales GROUP BY region;
CREATE VIEW big_regions AS SELECT region AS region FROM region_totals WHERE total > 10;
