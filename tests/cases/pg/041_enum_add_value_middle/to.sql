-- covers: enum value inserted in the middle (ADD VALUE ... BEFORE) with rows using the enum
CREATE TYPE priority AS ENUM ('low', 'medium', 'high');
CREATE TABLE task (id integer PRIMARY KEY, prio priority NOT NULL);
