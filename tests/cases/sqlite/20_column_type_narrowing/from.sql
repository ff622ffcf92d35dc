CREATE TABLE stock (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL,
  quantity TEXT NOT NULL
);
CREATE VIEW stock_report AS SELECT item AS item, quantity AS quantity FROM stock WHERE quantity > 0;
INSERT INTO stock VALUES (1, 'apple', '12'), (2, 'pear', '0'), (3, 'plum', '250');
