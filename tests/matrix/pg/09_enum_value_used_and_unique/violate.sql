INSERT INTO t VALUES (3, 'ok', 'a@x');
