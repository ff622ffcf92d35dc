-- covers: an operator class, a family with loose members and a conversion dropped with the schema, operator and functions they use (the index on the class first, then the class, its family and the conversion, then the operator and functions, then the schema)
CREATE TABLE item (id integer PRIMARY KEY, qty integer NOT NULL);
INSERT INTO item VALUES (1, 10), (2, 20), (3, 5);
