SET st = Varff;
SELECT 'a\';