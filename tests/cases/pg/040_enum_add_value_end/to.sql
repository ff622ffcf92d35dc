-- covers: enum value added at the end while a column with rows and a default uses the enum
CREATE TYPE ticket_state AS ENUM ('open', 'pending', 'closed', 'archived');
CREATE TABLE ticket (id integer PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open');
CREATE INDEX ticket_state_idx ON ticket (state);
