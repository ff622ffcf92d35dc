CREATE TABLE t (a INT CHECK ((a > 0) AND (a < 100 OR a IN (-1, -2))), b TEXT CHECK (length(b) <= 10 AND b <> ''));
