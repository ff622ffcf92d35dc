-- covers: text column with rows converted to an enum (new type) and an enum column converted back to text; both have defaults
CREATE TYPE old_state AS ENUM ('on', 'off');
CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE device (id integer PRIMARY KEY, color color NOT NULL DEFAULT 'red', state text NOT NULL DEFAULT 'off');
