CREATE TABLE "name_frequencies" (
	"kind" text NOT NULL,
	"word" text NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "name_frequencies_kind_word_pk" PRIMARY KEY("kind","word")
);
--> statement-breakpoint
-- Counted per statement from its transition table: one aggregate per statement, so a bulk load
-- of 20,000 key rows costs one upsert of its words, not one per row. The words go in key order
-- so concurrent statements lock the counters in the same order.
CREATE FUNCTION name_frequencies_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO name_frequencies (kind, word, persons)
    SELECT c.kind, c.word, c.n FROM (
      SELECT 'family' AS kind, r.word, count(DISTINCT r.person_id)::int AS n
        FROM changed_rows r WHERE r.word <> '' GROUP BY r.word
      UNION ALL
      SELECT 'given', r.given_word, count(DISTINCT r.person_id)::int
        FROM changed_rows r WHERE r.given_word IS NOT NULL GROUP BY r.given_word
      UNION ALL
      SELECT 'all', '', count(DISTINCT r.person_id)::int FROM changed_rows r HAVING count(*) > 0
    ) c ORDER BY c.kind, c.word
    ON CONFLICT (kind, word) DO UPDATE SET persons = name_frequencies.persons + excluded.persons;
  ELSE
    UPDATE name_frequencies f SET persons = greatest(0, f.persons - c.n) FROM (
      SELECT 'family' AS kind, r.word, count(DISTINCT r.person_id)::int AS n
        FROM changed_rows r WHERE r.word <> '' GROUP BY r.word
      UNION ALL
      SELECT 'given', r.given_word, count(DISTINCT r.person_id)::int
        FROM changed_rows r WHERE r.given_word IS NOT NULL GROUP BY r.given_word
      UNION ALL
      SELECT 'all', '', count(DISTINCT r.person_id)::int FROM changed_rows r HAVING count(*) > 0
    ) c WHERE f.kind = c.kind AND f.word = c.word;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_search_keys_count_inserted AFTER INSERT ON person_search_keys
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION name_frequencies_count();
--> statement-breakpoint
CREATE TRIGGER person_search_keys_count_deleted AFTER DELETE ON person_search_keys
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION name_frequencies_count();
--> statement-breakpoint
-- Persons keyed before this migration.
INSERT INTO name_frequencies (kind, word, persons)
SELECT 'family', word, count(DISTINCT person_id)::int FROM person_search_keys WHERE word <> '' GROUP BY word
UNION ALL
SELECT 'given', given_word, count(DISTINCT person_id)::int FROM person_search_keys WHERE given_word IS NOT NULL GROUP BY given_word
UNION ALL
SELECT 'all', '', count(DISTINCT person_id)::int FROM person_search_keys HAVING count(*) > 0;
