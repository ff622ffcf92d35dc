CREATE TYPE priority AS ENUM ('low', 'high');
CREATE TABLE task (id integer PRIMARY KEY, prio priority NOT NULL);
INSERT INTO task VALUES (1, 'low'), (2, 'high');
