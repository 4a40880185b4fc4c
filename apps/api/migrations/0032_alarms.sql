CREATE TABLE "alarm_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alarm_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_pins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"pin_hash" text NOT NULL,
	"duress_hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarm_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"alarm_id" uuid NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"accuracy_m" double precision NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"department_id" uuid,
	"raised_at" timestamp with time zone NOT NULL,
	"client_time" timestamp with time zone,
	"visit_address" text,
	"status" text DEFAULT 'open' NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"accuracy_m" double precision,
	"position_at" timestamp with time zone,
	"duress_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"closed_as" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"close_note" text,
	CONSTRAINT "alarms_status" CHECK ("alarms"."status" IN ('open', 'closed')),
	CONSTRAINT "alarms_closed_as" CHECK ("alarms"."closed_as" IS NULL OR "alarms"."closed_as" IN ('cancelled', 'help_arrived', 'false_alarm', 'police', 'other')),
	CONSTRAINT "alarms_closed_whole" CHECK (("alarms"."status" = 'closed') = ("alarms"."closed_as" IS NOT NULL AND "alarms"."closed_at" IS NOT NULL)),
	CONSTRAINT "alarms_acknowledged_whole" CHECK (("alarms"."acknowledged_by" IS NULL) = ("alarms"."acknowledged_at" IS NULL)),
	CONSTRAINT "alarms_position_whole" CHECK (("alarms"."lat" IS NULL) = ("alarms"."lon" IS NULL) AND ("alarms"."lat" IS NULL) = ("alarms"."position_at" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "alarm_notes" ADD CONSTRAINT "alarm_notes_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_notes" ADD CONSTRAINT "alarm_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_pins" ADD CONSTRAINT "alarm_pins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_positions" ADD CONSTRAINT "alarm_positions_alarm_id_alarms_id_fk" FOREIGN KEY ("alarm_id") REFERENCES "public"."alarms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_notes_alarm_idx" ON "alarm_notes" USING btree ("alarm_id","created_at");--> statement-breakpoint
CREATE INDEX "alarm_positions_alarm_idx" ON "alarm_positions" USING btree ("alarm_id","recorded_at");--> statement-breakpoint
CREATE INDEX "alarms_status_raised_idx" ON "alarms" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "alarms_user_raised_idx" ON "alarms" USING btree ("user_id","raised_at");