CREATE TABLE measurements (
    a int,
    b int4,
    c integer,
    d timestamptz,
    e bool,
    f varchar(10),
    g float8,
    h int8,
    i decimal(8,2),
    j char(3),
    k time with time zone,
    l timestamp,
    m int2,
    n real,
    o double precision,
    p bit varying(5),
    q serial4
);
INSERT INTO measurements (a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p)
VALUES (1, 2, 3, '2024-01-01 10:00:00+00', true, 'x', 1.5, 8, 12.34, 'abc', '10:00:00+00', '2024-01-01 10:00:00', 3, 2.5, 3.25, B'101');
