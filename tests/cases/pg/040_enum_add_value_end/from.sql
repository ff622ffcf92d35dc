CREATE TYPE ticket_state AS ENUM ('open', 'pending', 'closed');
CREATE TABLE ticket (id integer PRIMARY KEY, state ticket_state NOT NULL DEFAULT 'open');
CREATE INDEX ticket_state_idx ON ticket (state);
INSERT INTO ticket VALUES (1, 'open'), (2, 'closed'), (3, 'pending');
