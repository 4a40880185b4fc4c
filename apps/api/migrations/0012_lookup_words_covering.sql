DROP INDEX "lookup_words_code_idx";--> statement-breakpoint
DROP INDEX "lookup_words_initial_length_idx";--> statement-breakpoint
CREATE INDEX "lookup_words_code_idx" ON "lookup_words" USING btree ("code","word");--> statement-breakpoint
CREATE INDEX "lookup_words_initial_length_idx" ON "lookup_words" USING btree (left("word", 1),length("word"),"word","code");