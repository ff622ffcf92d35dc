-- covers: narrowing type changes whose rows still fit (destructive in general): varchar(50) -> varchar(10), text -> varchar(30), bigint -> integer, numeric -> numeric(10,2)
CREATE TABLE t (id integer PRIMARY KEY, v varchar(10), t varchar(30), b integer, n numeric(10,2));
