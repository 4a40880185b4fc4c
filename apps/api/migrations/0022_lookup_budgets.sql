CREATE TABLE "lookup_budgets" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"counted_at" timestamp with time zone NOT NULL,
	"refused_since" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "lookup_budgets" ADD CONSTRAINT "lookup_budgets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;