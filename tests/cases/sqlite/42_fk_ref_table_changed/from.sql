CREATE TABLE old_categories (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL
);
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  CONSTRAINT fk_articles_category FOREIGN KEY (category_id) REFERENCES old_categories(id) ON DELETE RESTRICT
);
INSERT INTO old_categories VALUES (1, 'news'), (2, 'sport');
INSERT INTO categories VALUES (1, 'News'), (2, 'Sport'), (3, 'Tech');
INSERT INTO articles VALUES (1, 1, 'Election'), (2, 2, 'Final'), (3, 1, 'Weather');
