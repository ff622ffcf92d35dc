CREATE TABLE raw (id integer PRIMARY KEY, n text, d text, b text, j text, i integer, js json, u text);
INSERT INTO raw VALUES
    (1, '10', '2024-02-29', 't', '{"a": 1}', 5, '{"b": 2}', '00000000-0000-0000-0000-000000000001'),
    (2, '-3', '1999-12-31', 'f', '[1, 2]', -1, '[]', NULL);
