-- covers: dropping tables with row level security enabled and forced (destructive)
CREATE TABLE kept (id integer PRIMARY KEY);
