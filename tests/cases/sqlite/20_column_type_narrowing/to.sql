-- covers: column type changed that narrows (TEXT -> INTEGER) with text data that converts cleanly; a view on the table whose column type changes must be dropped and recreated around the rebuild
CREATE TABLE stock (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL,
  quantity INTEGER NOT NULL
);
CREATE VIEW stock_report AS SELECT item AS item, quantity AS quantity FROM stock WHERE quantity > 0;
