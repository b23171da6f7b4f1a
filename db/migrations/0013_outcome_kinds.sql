ALTER TYPE "public"."outcome_kind" ADD VALUE 'first_sale' BEFORE 'no_deal';--> statement-breakpoint
ALTER TYPE "public"."outcome_kind" ADD VALUE 'funding_obtained' BEFORE 'no_deal';--> statement-breakpoint
ALTER TYPE "public"."outcome_kind" ADD VALUE 'managerial_revamp' BEFORE 'no_deal';--> statement-breakpoint
ALTER TYPE "public"."outcome_kind" ADD VALUE 'venture_founded' BEFORE 'no_deal';--> statement-breakpoint
ALTER TABLE "match_outcomes" ALTER COLUMN "match_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD COLUMN "amount_jpy" bigint;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD COLUMN "venture_name" text;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD COLUMN "source_seed_id" uuid;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD COLUMN "incubation_manager_id" uuid;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_source_seed_id_seeds_id_fk" FOREIGN KEY ("source_seed_id") REFERENCES "public"."seeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_incubation_manager_id_users_id_fk" FOREIGN KEY ("incubation_manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_outcomes_organisation_idx" ON "match_outcomes" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_source_seed_idx" ON "match_outcomes" USING btree ("source_seed_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_incubation_manager_idx" ON "match_outcomes" USING btree ("incubation_manager_id");--> statement-breakpoint
CREATE INDEX "match_outcomes_kind_date_idx" ON "match_outcomes" USING btree ("kind","occurred_on");--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_traceable" CHECK ("match_outcomes"."match_id" IS NOT NULL OR "match_outcomes"."organisation_id" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_amount_positive" CHECK ("match_outcomes"."amount_jpy" IS NULL OR "match_outcomes"."amount_jpy" >= 0);