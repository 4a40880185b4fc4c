CREATE TABLE "data_keys" (
	"id" integer PRIMARY KEY NOT NULL,
	"wrapped_key" text NOT NULL,
	"kek_id" text NOT NULL,
	"active" boolean NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "data_keys_one_active" ON "data_keys" USING btree ("active") WHERE active;