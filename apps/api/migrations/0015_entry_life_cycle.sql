-- Issue 11, an entry's whole life: expiry, review, extension (four-eyes), decline, restriction
-- until a date, corrections (Art. 16), data-subject requests (Art. 15-18, 21), the deletion
-- ledger's outbox, look-up terms kept apart from the audit chain, disclosures per department,
-- grants that keep their row when revoked.
CREATE TABLE "audit_terms" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"salt" text NOT NULL,
	"terms" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lookup_disclosures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"department_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"audit_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid,
	"incident_id" uuid,
	"actor_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "corrections_one_subject" CHECK ((person_id is null) <> (incident_id is null))
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"identity_check" text NOT NULL,
	"due_on" date NOT NULL,
	"extended_due_on" date,
	"extension_reason" text,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"decision_reason" text,
	"answered_on" date,
	"erasure_proposed_by" uuid,
	"erasure_proposed_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subject_requests_number_unique" UNIQUE("number"),
	CONSTRAINT "subject_requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"rule" text NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ledger_written_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "listing_history" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_roles" ADD COLUMN "lapse_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "restricted_until" date;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "extension_valid_until" date;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "extension_proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "extension_proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lookup_disclosures" ADD CONSTRAINT "lookup_disclosures_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lookup_disclosures" ADD CONSTRAINT "lookup_disclosures_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_erasure_proposed_by_users_id_fk" FOREIGN KEY ("erasure_proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lookup_disclosures_person_idx" ON "lookup_disclosures" USING btree ("person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "corrections_person_idx" ON "corrections" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "corrections_incident_idx" ON "corrections" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "subject_requests_person_idx" ON "subject_requests" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "subject_requests_open_idx" ON "subject_requests" USING btree ("due_on") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "ledger_entries_unwritten_idx" ON "ledger_entries" USING btree ("id") WHERE ledger_written_at is null;--> statement-breakpoint
CREATE INDEX "ledger_entries_subject_idx" ON "ledger_entries" USING btree ("subject_id");--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_extension_proposed_by_users_id_fk" FOREIGN KEY ("extension_proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listings_closed_idx" ON "listings" USING btree ("closed_at") WHERE closed_at is not null;--> statement-breakpoint
UPDATE "listings" SET "closed_at" = coalesce("ended_at", "updated_at") WHERE "status" IN ('expired', 'ended');
