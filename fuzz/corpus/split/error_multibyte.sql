SELECT 'é';
SELECT 'ü', ) ;
