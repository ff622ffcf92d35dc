-- covers: self-referencing foreign keys: added to an existing tree table with rows, and a new self-referencing table
CREATE TABLE category (
    id integer PRIMARY KEY,
    parent_id integer REFERENCES category (id) ON DELETE CASCADE,
    name text NOT NULL
);
CREATE TABLE comment_thread (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reply_to bigint,
    body text,
    CONSTRAINT comment_thread_reply_fk FOREIGN KEY (reply_to) REFERENCES comment_thread (id) ON DELETE SET NULL
);
CREATE INDEX category_parent_idx ON category (parent_id);
