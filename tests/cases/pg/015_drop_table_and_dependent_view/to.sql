-- covers: dropping a table together with the view that references it (and a view on that view)
CREATE TABLE keep (id integer PRIMARY KEY);
