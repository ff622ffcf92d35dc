-- covers: view text differing only in whitespace, keyword case, line breaks and a trailing comment (expect no diff)
CREATE TABLE orders (id integer PRIMARY KEY, amount numeric(10,2) NOT NULL, status text NOT NULL);
create view big_orders as
    select   id,
             amount
      from   orders
     where   amount > 100
       and   status = 'paid' ; -- same query, reformatted
CREATE VIEW order_stats AS
SELECT status,
       COUNT(*)    AS n,
       SUM(amount) AS total
  FROM orders
 GROUP BY status;
