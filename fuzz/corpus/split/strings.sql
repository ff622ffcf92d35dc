SELECT E'a\';b'; SELECT 'c\'; SELECT "a;b", [c;d], `e;f`;
