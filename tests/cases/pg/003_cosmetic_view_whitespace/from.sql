CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,2) NOT NULL, status text NOT NULL);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100 AND status = 'paid';
CREATE VIEW order_stats AS SELECT status, count(*) AS n, sum(amount) AS total FROM orders GROUP BY status;
INSERT INTO orders VALUES (1, 150.00, 'paid'), (2, 20.00, 'open');
