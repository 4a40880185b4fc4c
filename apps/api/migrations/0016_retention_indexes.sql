CREATE INDEX "audit_terms_occurred_idx" ON "audit_terms" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("merged_into_id") WHERE merged_into_id is not null;--> statement-breakpoint
CREATE INDEX "listing_incidents_incident_idx" ON "listing_incidents" USING btree ("incident_id");