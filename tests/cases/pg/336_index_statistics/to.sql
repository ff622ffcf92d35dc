-- covers: statistics targets of expression index columns (ALTER INDEX ... ALTER COLUMN n SET STATISTICS): set on a new index (a GIN one, as in real/danbooru.sql), kept, changed and added on a second column, reset to the default (-1), set on an index that had none, dropped with their index
CREATE TABLE post (id integer PRIMARY KEY, tags text, score integer);
CREATE INDEX post_lower_tags ON post (lower(tags));
ALTER INDEX post_lower_tags ALTER COLUMN 1 SET STATISTICS 100;
CREATE INDEX post_two ON post ((score + 1), lower(tags));
ALTER INDEX post_two ALTER COLUMN 1 SET STATISTICS 500;
ALTER INDEX post_two ALTER COLUMN 2 SET STATISTICS 10;
CREATE INDEX post_reset ON post ((score * 2));
CREATE INDEX post_plain ON post ((score - 1));
ALTER INDEX post_plain ALTER COLUMN 1 SET STATISTICS 20;
CREATE INDEX post_tag_array ON post USING gin (string_to_array(tags, ' '));
ALTER INDEX post_tag_array ALTER COLUMN 1 SET STATISTICS 3000;
