-- covers: numeric and varchar typmod changes with rows: numeric(10,2) -> numeric(12,2), numeric(12,2) -> numeric(8,2), numeric(5,0) -> numeric(9,0)
CREATE TABLE money_t (id integer PRIMARY KEY, a numeric(12,2), b numeric(8,2), c numeric(9,0));
