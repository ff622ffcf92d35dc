-- covers: a retype with no built-in cast path (integer -> date) through a user-defined cast both sides hold: converted in place with USING, rows kept, no no_cast guard
CREATE FUNCTION public.day_number_to_date(integer) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT DATE '2000-01-01' + ($1 % 10000) $$;
CREATE CAST (integer AS date) WITH FUNCTION public.day_number_to_date(integer);
CREATE TABLE public.visits (
    id integer PRIMARY KEY,
    day date,
    note text
);
