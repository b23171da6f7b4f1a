CREATE TYPE "public"."attachment_owner_type" AS ENUM('funding_proposal', 'need', 'seed');--> statement-breakpoint
CREATE TYPE "public"."funding_access_action" AS ENUM('viewed', 'downloaded');--> statement-breakpoint
CREATE TYPE "public"."funding_decline_reason" AS ENUM('insufficient_collateral', 'ip_value_uncertain', 'cash_flow_insufficient', 'business_plan_unclear', 'outside_lending_policy', 'other');--> statement-breakpoint
CREATE TYPE "public"."funding_proposal_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."funding_purpose" AS ENUM('equipment', 'working_capital', 'research_development', 'commercialisation', 'other');--> statement-breakpoint
CREATE TYPE "public"."funding_share_status" AS ENUM('submitted', 'under_review', 'info_requested', 'resubmitted', 'approved', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."partner_consent" AS ENUM('requested', 'given', 'refused');--> statement-breakpoint
CREATE TYPE "public"."patent_right" AS ENUM('ownership', 'exclusive_licence', 'non_exclusive_licence');--> statement-breakpoint
CREATE TYPE "public"."patent_source" AS ENUM('own', 'seed');--> statement-breakpoint
CREATE TYPE "public"."repayment_method" AS ENUM('equal_instalments', 'equal_principal', 'bullet');--> statement-breakpoint
CREATE TYPE "public"."valuation_method" AS ENUM('cost', 'market', 'income', 'relief_from_royalty');--> statement-breakpoint
CREATE TABLE "attachment_chunks" (
	"attachment_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "attachment_chunks_attachment_id_seq_pk" PRIMARY KEY("attachment_id","seq")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_type" "attachment_owner_type" NOT NULL,
	"owner_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_size_positive" CHECK ("attachments"."size_bytes" > 0)
);
--> statement-breakpoint
CREATE TABLE "funding_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action" "funding_access_action" NOT NULL,
	"attachment_id" uuid,
	"file_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_evaluations" (
	"share_id" uuid PRIMARY KEY NOT NULL,
	"advance_rate_percent" numeric(5, 2),
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_evaluations_advance_rate" CHECK ("funding_evaluations"."advance_rate_percent" IS NULL OR "funding_evaluations"."advance_rate_percent" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "funding_patents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"source" "patent_source" NOT NULL,
	"seed_id" uuid,
	"ip_record_id" uuid,
	"number" text,
	"title" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"status" "ip_status" NOT NULL,
	"filed_on" date,
	"granted_on" date,
	"expires_on" date,
	"right" "patent_right" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"match_id" uuid,
	"partner_organisation_id" uuid,
	"partner_consent" "partner_consent",
	"partner_consent_version" integer,
	"partner_consent_by" uuid,
	"partner_consent_at" timestamp with time zone,
	"partner_consent_note" text,
	"status" "funding_proposal_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"purpose" "funding_purpose",
	"purpose_details" text DEFAULT '' NOT NULL,
	"amount_jpy" bigint,
	"term_months" integer,
	"repayment_method" "repayment_method",
	"grace_period_months" integer,
	"repayment_plan" text DEFAULT '' NOT NULL,
	"business_plan" text DEFAULT '' NOT NULL,
	"projected_revenue" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_proposals_amount" CHECK ("funding_proposals"."amount_jpy" IS NULL OR "funding_proposals"."amount_jpy" BETWEEN 1 AND 100000000000),
	CONSTRAINT "funding_proposals_term" CHECK ("funding_proposals"."term_months" IS NULL OR "funding_proposals"."term_months" BETWEEN 1 AND 360),
	CONSTRAINT "funding_proposals_grace" CHECK ("funding_proposals"."grace_period_months" IS NULL OR ("funding_proposals"."grace_period_months" >= 0 AND "funding_proposals"."grace_period_months" <= 120)),
	CONSTRAINT "funding_proposals_partner" CHECK (("funding_proposals"."match_id" IS NULL) = ("funding_proposals"."partner_organisation_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "funding_share_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"share_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_side" text NOT NULL,
	"from_status" "funding_share_status",
	"to_status" "funding_share_status" NOT NULL,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"lender_organisation_id" uuid NOT NULL,
	"status" "funding_share_status" DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"approved_amount_jpy" bigint,
	"interest_rate_percent" numeric(6, 3),
	"approved_term_months" integer,
	"conditions" text,
	"collateral" text,
	"decline_reason" "funding_decline_reason",
	"decline_text" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_shares_terms" CHECK (("funding_shares"."approved_amount_jpy" IS NULL OR "funding_shares"."approved_amount_jpy" > 0) AND ("funding_shares"."interest_rate_percent" IS NULL OR "funding_shares"."interest_rate_percent" BETWEEN 0 AND 100))
);
--> statement-breakpoint
CREATE TABLE "funding_valuations" (
	"share_id" uuid NOT NULL,
	"patent_id" uuid NOT NULL,
	"method" "valuation_method",
	"value_jpy" bigint,
	CONSTRAINT "funding_valuations_share_id_patent_id_pk" PRIMARY KEY("share_id","patent_id"),
	CONSTRAINT "funding_valuations_value" CHECK ("funding_valuations"."value_jpy" IS NULL OR "funding_valuations"."value_jpy" >= 0)
);
--> statement-breakpoint
ALTER TABLE "attachment_chunks" ADD CONSTRAINT "attachment_chunks_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_access_log" ADD CONSTRAINT "funding_access_log_proposal_id_funding_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."funding_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_access_log" ADD CONSTRAINT "funding_access_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_access_log" ADD CONSTRAINT "funding_access_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_access_log" ADD CONSTRAINT "funding_access_log_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_evaluations" ADD CONSTRAINT "funding_evaluations_share_id_funding_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."funding_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_evaluations" ADD CONSTRAINT "funding_evaluations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_patents" ADD CONSTRAINT "funding_patents_proposal_id_funding_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."funding_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_patents" ADD CONSTRAINT "funding_patents_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_patents" ADD CONSTRAINT "funding_patents_ip_record_id_ip_records_id_fk" FOREIGN KEY ("ip_record_id") REFERENCES "public"."ip_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_proposals" ADD CONSTRAINT "funding_proposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_proposals" ADD CONSTRAINT "funding_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_proposals" ADD CONSTRAINT "funding_proposals_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_proposals" ADD CONSTRAINT "funding_proposals_partner_organisation_id_organisations_id_fk" FOREIGN KEY ("partner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_proposals" ADD CONSTRAINT "funding_proposals_partner_consent_by_users_id_fk" FOREIGN KEY ("partner_consent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_share_events" ADD CONSTRAINT "funding_share_events_share_id_funding_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."funding_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_share_events" ADD CONSTRAINT "funding_share_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_shares" ADD CONSTRAINT "funding_shares_proposal_id_funding_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."funding_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_shares" ADD CONSTRAINT "funding_shares_lender_organisation_id_organisations_id_fk" FOREIGN KEY ("lender_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_shares" ADD CONSTRAINT "funding_shares_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_valuations" ADD CONSTRAINT "funding_valuations_share_id_funding_evaluations_share_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."funding_evaluations"("share_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_valuations" ADD CONSTRAINT "funding_valuations_patent_id_funding_patents_id_fk" FOREIGN KEY ("patent_id") REFERENCES "public"."funding_patents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "attachments_uploaded_by_idx" ON "attachments" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "attachments_organisation_idx" ON "attachments" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "funding_access_log_proposal_idx" ON "funding_access_log" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "funding_access_log_user_idx" ON "funding_access_log" USING btree ("user_id","proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "funding_access_log_organisation_idx" ON "funding_access_log" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "funding_access_log_attachment_idx" ON "funding_access_log" USING btree ("attachment_id");--> statement-breakpoint
CREATE INDEX "funding_evaluations_updated_by_idx" ON "funding_evaluations" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "funding_patents_proposal_idx" ON "funding_patents" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE INDEX "funding_patents_seed_idx" ON "funding_patents" USING btree ("seed_id");--> statement-breakpoint
CREATE INDEX "funding_patents_ip_record_idx" ON "funding_patents" USING btree ("ip_record_id");--> statement-breakpoint
CREATE INDEX "funding_proposals_organisation_idx" ON "funding_proposals" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "funding_proposals_created_by_idx" ON "funding_proposals" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "funding_proposals_match_idx" ON "funding_proposals" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "funding_proposals_partner_idx" ON "funding_proposals" USING btree ("partner_organisation_id");--> statement-breakpoint
CREATE INDEX "funding_proposals_consent_by_idx" ON "funding_proposals" USING btree ("partner_consent_by");--> statement-breakpoint
CREATE INDEX "funding_share_events_share_idx" ON "funding_share_events" USING btree ("share_id","created_at");--> statement-breakpoint
CREATE INDEX "funding_share_events_actor_idx" ON "funding_share_events" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_shares_proposal_lender_uq" ON "funding_shares" USING btree ("proposal_id","lender_organisation_id");--> statement-breakpoint
CREATE INDEX "funding_shares_lender_idx" ON "funding_shares" USING btree ("lender_organisation_id","status");--> statement-breakpoint
CREATE INDEX "funding_shares_decided_by_idx" ON "funding_shares" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "funding_valuations_patent_idx" ON "funding_valuations" USING btree ("patent_id");