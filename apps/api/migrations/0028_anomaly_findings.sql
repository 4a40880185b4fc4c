CREATE TABLE "anomaly_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"event_seqs" bigint[] NOT NULL,
	"facts" jsonb NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	CONSTRAINT "anomaly_findings_status" CHECK ("anomaly_findings"."status" IN ('open', 'reviewed')),
	CONSTRAINT "anomaly_findings_reviewed_whole" CHECK (("anomaly_findings"."status" = 'reviewed') = ("anomaly_findings"."reviewed_by" IS NOT NULL AND "anomaly_findings"."reviewed_at" IS NOT NULL AND "anomaly_findings"."review_note" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "anomaly_scan" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_position" bigint NOT NULL,
	"scanned_at" timestamp with time zone,
	CONSTRAINT "anomaly_scan_one_row" CHECK ("anomaly_scan"."id" = 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "anomaly_findings_rule_actor_key_idx" ON "anomaly_findings" USING btree ("rule","actor_id","key");--> statement-breakpoint
CREATE INDEX "anomaly_findings_status_detected_idx" ON "anomaly_findings" USING btree ("status","detected_at");--> statement-breakpoint
CREATE INDEX "audit_events_lookup_actor_time_idx" ON "audit_events" USING btree ("actor_id","occurred_at") WHERE "audit_events"."action" = 'register.lookup';