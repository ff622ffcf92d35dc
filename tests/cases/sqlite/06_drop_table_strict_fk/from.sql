CREATE TABLE projects (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL
);
CREATE TABLE tasks (
  code TEXT NOT NULL COLLATE NOCASE,
  project_id INTEGER,
  state TEXT NOT NULL DEFAULT 'open',
  hours REAL NOT NULL DEFAULT 0.0,
  minutes REAL GENERATED ALWAYS AS (hours * 60) STORED,
  CONSTRAINT pk_tasks PRIMARY KEY (code),
  CONSTRAINT uq_tasks_project_code UNIQUE (project_id, code),
  CONSTRAINT ck_tasks_state CHECK (state IN ('open', 'done')),
  CONSTRAINT fk_tasks_project FOREIGN KEY (project_id) REFERENCES projects(id)
    ON DELETE SET NULL ON UPDATE CASCADE MATCH PARTIAL DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE UNIQUE INDEX tasks_state_code_uidx ON tasks(state, code DESC) WHERE state = 'open';
CREATE VIEW open_tasks AS SELECT code AS code, hours AS hours FROM tasks WHERE state = 'open';
CREATE TRIGGER tasks_done AFTER UPDATE OF state ON tasks WHEN NEW.state = 'done' BEGIN
  UPDATE projects SET title = title WHERE id = NEW.project_id;
END;
INSERT INTO projects VALUES (1, 'alpha'), (2, 'beta');
INSERT INTO tasks (code, project_id, state, hours) VALUES ('T-1', 1, 'open', 1.5), ('T-2', 1, 'done', 2.0), ('T-3', 2, 'open', 0.25);
