SELECT 1;;  -- c;
 /* a /* b; */ ; */ SELECT 2 /* t */ ; SELECT 3 -- x
