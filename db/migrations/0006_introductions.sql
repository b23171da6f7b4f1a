CREATE TYPE "public"."decline_reason" AS ENUM('too_early', 'benefit_unclear', 'route_to_market_unclear', 'description_vague', 'not_our_field', 'other');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('open', 'confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."nda_status" AS ENUM('draft', 'signed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."nda_type" AS ENUM('mutual', 'one_way');--> statement-breakpoint
CREATE TYPE "public"."outcome_kind" AS ENUM('meeting_held', 'nda_signed', 'joint_rd_started', 'licence_signed', 'partnership_formed', 'new_business_launched', 'no_deal');--> statement-breakpoint
CREATE TYPE "public"."intro_response" AS ENUM('pending', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "match_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_role" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_introductions" (
	"match_id" uuid PRIMARY KEY NOT NULL,
	"requester_user_id" uuid,
	"created_by" uuid,
	"interest_offer" text,
	"interest_want" text,
	"interest_timing" text,
	"coordinator_note" text,
	"need_response" "intro_response",
	"seed_response" "intro_response",
	"requester_response" "intro_response",
	"deadline" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"decline_reason" "decline_reason",
	"decline_text" text,
	"introduced_at" timestamp with time zone,
	"check_in_30_at" timestamp with time zone,
	"check_in_90_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_message_reads" (
	"match_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_message_reads_match_id_user_id_pk" PRIMARY KEY("match_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "match_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"kind" "outcome_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposer_side" text NOT NULL,
	"slots" timestamp with time zone[] NOT NULL,
	"location" text,
	"chosen_slot" timestamp with time zone,
	"chosen_by" uuid,
	"status" "meeting_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ndas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"type" "nda_type" NOT NULL,
	"status" "nda_status" DEFAULT 'draft' NOT NULL,
	"signed_on" date,
	"expires_on" date,
	"reminded_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_message_reads" ADD CONSTRAINT "match_message_reads_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_message_reads" ADD CONSTRAINT "match_message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_messages" ADD CONSTRAINT "match_messages_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_messages" ADD CONSTRAINT "match_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_proposals" ADD CONSTRAINT "meeting_proposals_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_proposals" ADD CONSTRAINT "meeting_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_proposals" ADD CONSTRAINT "meeting_proposals_chosen_by_users_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ndas" ADD CONSTRAINT "ndas_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ndas" ADD CONSTRAINT "ndas_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_events_match_idx" ON "match_events" USING btree ("match_id","created_at");--> statement-breakpoint
CREATE INDEX "match_events_actor_idx" ON "match_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "match_introductions_deadline_idx" ON "match_introductions" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "match_introductions_introduced_idx" ON "match_introductions" USING btree ("introduced_at");--> statement-breakpoint
CREATE INDEX "match_introductions_requester_idx" ON "match_introductions" USING btree ("requester_user_id");--> statement-breakpoint
CREATE INDEX "match_introductions_created_by_idx" ON "match_introductions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "match_message_reads_user_idx" ON "match_message_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "match_messages_match_idx" ON "match_messages" USING btree ("match_id","created_at");--> statement-breakpoint
CREATE INDEX "match_messages_author_idx" ON "match_messages" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_match_idx" ON "match_outcomes" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_recorded_by_idx" ON "match_outcomes" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "meeting_proposals_match_idx" ON "meeting_proposals" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "meeting_proposals_proposed_by_idx" ON "meeting_proposals" USING btree ("proposed_by");--> statement-breakpoint
CREATE INDEX "meeting_proposals_chosen_by_idx" ON "meeting_proposals" USING btree ("chosen_by");--> statement-breakpoint
CREATE INDEX "ndas_match_idx" ON "ndas" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "ndas_recorded_by_idx" ON "ndas" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "ndas_expires_idx" ON "ndas" USING btree ("expires_on") WHERE "ndas"."status" = 'signed';