CREATE TYPE "public"."check_in_answer" AS ENUM('met', 'talking', 'agreement', 'stalled', 'ended');--> statement-breakpoint
CREATE TABLE "check_in_responses" (
	"match_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"side" text NOT NULL,
	"answer" "check_in_answer" NOT NULL,
	"note" text,
	"answered_by" uuid NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "check_in_responses_match_id_days_side_pk" PRIMARY KEY("match_id","days","side"),
	CONSTRAINT "check_in_responses_days" CHECK ("check_in_responses"."days" IN (30, 90)),
	CONSTRAINT "check_in_responses_side" CHECK ("check_in_responses"."side" IN ('need', 'seed', 'requester'))
);
--> statement-breakpoint
ALTER TABLE "check_in_responses" ADD CONSTRAINT "check_in_responses_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_responses" ADD CONSTRAINT "check_in_responses_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_in_responses_answered_by_idx" ON "check_in_responses" USING btree ("answered_by");--> statement-breakpoint
CREATE INDEX "check_in_responses_answer_idx" ON "check_in_responses" USING btree ("answer","answered_at");