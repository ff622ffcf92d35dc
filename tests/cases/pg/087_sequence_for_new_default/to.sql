-- covers: a new sequence (mixed-case name) feeding a new NOT NULL column default on a table with rows
CREATE SEQUENCE "Order_No_Seq" START WITH 1000;
CREATE TABLE orders (
    id integer PRIMARY KEY,
    item text NOT NULL,
    order_no bigint NOT NULL DEFAULT nextval('"Order_No_Seq"')
);
