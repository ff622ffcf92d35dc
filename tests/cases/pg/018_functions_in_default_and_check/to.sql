-- covers: new functions used by a column DEFAULT and by a CHECK constraint on a table with rows
CREATE FUNCTION slugify(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT lower(regexp_replace(t, '[^A-Za-z0-9]+', '-', 'g')) $$;
CREATE FUNCTION next_article_code() RETURNS text LANGUAGE sql VOLATILE
    AS $$ SELECT 'A-' || (floor(random() * 1000000))::bigint::text $$;
CREATE TABLE article (
    id integer PRIMARY KEY,
    title text NOT NULL CONSTRAINT article_title_sluggable CHECK (slugify(title) <> ''),
    code text NOT NULL DEFAULT next_article_code()
);
