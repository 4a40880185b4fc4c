ALTER TABLE "departments" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD COLUMN "confirmed_at" timestamp with time zone;--> statement-breakpoint
-- Codes issued before this column were confirmed in the app at the time: they count as confirmed.
UPDATE "recovery_codes" SET "confirmed_at" = "created_at";
