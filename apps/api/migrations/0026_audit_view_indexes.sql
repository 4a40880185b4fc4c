CREATE INDEX "audit_events_actor_seq_idx" ON "audit_events" USING btree ("actor_id","seq");--> statement-breakpoint
CREATE INDEX "audit_events_subject_seq_idx" ON "audit_events" USING btree ("subject_type","subject_id","seq") WHERE "audit_events"."subject_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_action_seq_idx" ON "audit_events" USING btree ("action","seq");