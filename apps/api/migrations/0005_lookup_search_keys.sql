CREATE TABLE "lookup_words" (
	"word" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_address_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"street_key" text NOT NULL,
	"house_number" integer,
	"postal_code" text,
	"city_key" text
);
--> statement-breakpoint
CREATE TABLE "person_search_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"name_kind" text NOT NULL,
	"word" text NOT NULL,
	"given_word" text,
	"given_code" text,
	"birth_year" smallint,
	"birth_month" smallint,
	"birth_day" smallint
);
--> statement-breakpoint
ALTER TABLE "person_address_keys" ADD CONSTRAINT "person_address_keys_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_search_keys" ADD CONSTRAINT "person_search_keys_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lookup_words_code_idx" ON "lookup_words" USING btree ("code");--> statement-breakpoint
CREATE INDEX "lookup_words_trgm_idx" ON "lookup_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "person_address_keys_street_idx" ON "person_address_keys" USING btree ("street_key","postal_code");--> statement-breakpoint
CREATE INDEX "person_address_keys_postal_idx" ON "person_address_keys" USING btree ("postal_code","house_number");--> statement-breakpoint
CREATE INDEX "person_address_keys_person_idx" ON "person_address_keys" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_search_keys_word_year_idx" ON "person_search_keys" USING btree ("word","birth_year","person_id");--> statement-breakpoint
CREATE INDEX "person_search_keys_word_month_day_idx" ON "person_search_keys" USING btree ("word","birth_month","birth_day","person_id");--> statement-breakpoint
CREATE INDEX "person_search_keys_person_idx" ON "person_search_keys" USING btree ("person_id");