-- covers: foreign_key ref_table changed on a named FK (fk_articles_category: old_categories(id) -> categories(id)); old_categories is kept and has no more referrers
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
  CONSTRAINT fk_articles_category FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE RESTRICT
);
