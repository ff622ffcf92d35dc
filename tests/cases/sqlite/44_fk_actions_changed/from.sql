CREATE TABLE folders (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL
);
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  folder_id INTEGER DEFAULT 1 REFERENCES folders(id) ON UPDATE CASCADE,
  trash_id INTEGER,
  name TEXT NOT NULL,
  CONSTRAINT fk_files_trash FOREIGN KEY (trash_id) REFERENCES folders(id) ON DELETE RESTRICT ON UPDATE NO ACTION
);
INSERT INTO folders VALUES (1, 'root'), (2, 'docs'), (9, 'trash');
INSERT INTO files VALUES (1, 2, NULL, 'a.txt'), (2, 1, 9, 'b.txt');
