CREATE EXTENSION pg_trgm;
CREATE TABLE doc (
    id integer PRIMARY KEY,
    title text,
    body text,
    tags text[],
    meta jsonb,
    created timestamptz,
    span tsrange,
    email text,
    score integer,
    category text
);
CREATE INDEX doc_title_idx ON doc (title);
CREATE UNIQUE INDEX doc_email_idx ON doc (email);
INSERT INTO doc VALUES
    (1, 'Alpha', 'first body', '{a,b}', '{"k": 1}', '2024-01-01 00:00:00+00', '[2024-01-01, 2024-01-02)', 'A@x.org', 5, 'news'),
    (2, 'beta', 'second body', '{b}', '{"k": 2}', '2024-01-02 00:00:00+00', NULL, 'b@x.org', 20, 'blog'),
    (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
