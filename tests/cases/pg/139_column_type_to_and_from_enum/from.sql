CREATE TYPE old_state AS ENUM ('on', 'off');
CREATE TABLE device (id integer PRIMARY KEY, color text NOT NULL DEFAULT 'red', state old_state NOT NULL DEFAULT 'off');
INSERT INTO device VALUES (1, 'red', 'on'), (2, 'green', 'off');
