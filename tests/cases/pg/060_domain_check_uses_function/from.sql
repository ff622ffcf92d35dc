CREATE TABLE member (id integer PRIMARY KEY, email text NOT NULL);
INSERT INTO member VALUES (1, 'ann@example.com'), (2, 'bob@example.org');
