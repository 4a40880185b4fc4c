DROP INDEX "person_address_keys_street_idx";--> statement-breakpoint
DROP INDEX "person_address_keys_postal_idx";--> statement-breakpoint
CREATE INDEX "person_address_keys_street_house_idx" ON "person_address_keys" USING btree ("street_key","house_number","person_id");--> statement-breakpoint
CREATE INDEX "person_address_keys_street_idx" ON "person_address_keys" USING btree ("street_key","postal_code","house_number","person_id");--> statement-breakpoint
CREATE INDEX "person_address_keys_postal_idx" ON "person_address_keys" USING btree ("postal_code","house_number","person_id");