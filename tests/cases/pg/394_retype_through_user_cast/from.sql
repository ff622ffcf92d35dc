-- A user-defined cast from integer to date: the retype converts through it (USING d::date)
-- instead of dropping the column, so the rows keep their values.
CREATE FUNCTION public.day_number_to_date(integer) RETURNS date
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT DATE '2000-01-01' + ($1 % 10000) $$;
CREATE CAST (integer AS date) WITH FUNCTION public.day_number_to_date(integer);
CREATE TABLE public.visits (
    id integer PRIMARY KEY,
    day integer,
    note text
);
INSERT INTO public.visits VALUES (1, 10, 'a'), (2, NULL, 'b'), (3, 366, 'c');
