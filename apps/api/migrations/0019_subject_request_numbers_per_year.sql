CREATE TABLE "subject_request_numbers" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
-- References given out so far counted across years: each year continues after its highest.
INSERT INTO "subject_request_numbers" ("year", "last")
SELECT split_part("reference", '-', 2)::integer, max(split_part("reference", '-', 3)::integer)
FROM "subject_requests"
WHERE "reference" ~ '^BA-[0-9]{4}-[0-9]+$'
GROUP BY 1;
