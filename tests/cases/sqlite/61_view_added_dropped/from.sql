CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  region TEXT NOT NULL,
  amount REAL NOT NULL
);
CREATE VIEW old_totals AS SELECT region AS region, count(*) AS n FROM sales GROUP BY region;
INSERT INTO sales VALUES (1, 'north', 10), (2, 'south', 5.5), (3, 'north', 2);
