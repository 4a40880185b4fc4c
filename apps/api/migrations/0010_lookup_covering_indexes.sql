DROP INDEX "person_search_keys_word_year_idx";--> statement-breakpoint
DROP INDEX "person_search_keys_word_month_day_idx";--> statement-breakpoint
DROP INDEX "person_search_keys_word_given_idx";--> statement-breakpoint
CREATE INDEX "person_search_keys_word_year_idx" ON "person_search_keys" USING btree ("word","birth_year","birth_month","birth_day","given_code","given_word","person_id");--> statement-breakpoint
CREATE INDEX "person_search_keys_word_month_day_idx" ON "person_search_keys" USING btree ("word","birth_month","birth_day","birth_year","given_code","given_word","person_id");--> statement-breakpoint
CREATE INDEX "person_search_keys_word_given_idx" ON "person_search_keys" USING btree ("word","given_code","birth_year","birth_month","birth_day","given_word","person_id");