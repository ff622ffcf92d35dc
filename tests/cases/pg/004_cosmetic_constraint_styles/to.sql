-- covers: inline vs table-level vs ALTER TABLE constraints with the same names, DEFAULT 0 vs (0), explicit USING btree ASC NULLS LAST (expect no diff)
CREATE TABLE parent (
    id integer NOT NULL,
    email text,
    qty integer DEFAULT (0) NOT NULL,
    flag boolean DEFAULT TRUE,
    CONSTRAINT parent_pkey PRIMARY KEY (id),
    CONSTRAINT parent_email_key UNIQUE (email),
    CONSTRAINT parent_qty_check CHECK ((qty >= 0))
);
CREATE TABLE child (id integer NOT NULL, parent_id integer);
ALTER TABLE ONLY child ADD CONSTRAINT child_pkey PRIMARY KEY (id);
ALTER TABLE ONLY child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent(id) MATCH SIMPLE ON UPDATE NO ACTION ON DELETE NO ACTION;
CREATE INDEX child_parent_idx ON public.child USING btree (parent_id ASC NULLS LAST);
