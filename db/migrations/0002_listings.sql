CREATE TYPE "public"."disclosure_level" AS ENUM('members', 'interest_accepted', 'nda', 'introduced');--> statement-breakpoint
CREATE TYPE "public"."ip_status" AS ENUM('unpublished_application', 'filed', 'granted', 'expired');--> statement-breakpoint
CREATE TYPE "public"."licensing_terms" AS ENUM('exclusive', 'non_exclusive', 'joint_research', 'assignment');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'pending_review', 'open', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."need_visibility" AS ENUM('members', 'anonymous', 'private');--> statement-breakpoint
CREATE TYPE "public"."seed_visibility" AS ENUM('public_teaser', 'members', 'private');--> statement-breakpoint
CREATE TABLE "ip_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seed_id" uuid NOT NULL,
	"number" text,
	"jurisdiction" text NOT NULL,
	"status" "ip_status" NOT NULL,
	"title" text NOT NULL,
	"filed_on" date,
	"granted_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"contact_user_id" uuid,
	"language" "locale" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"domain" "domain" NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"prefecture" text,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"closed_reason" text,
	"review_comment" text,
	"disclosure" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone DEFAULT now() + interval '12 months' NOT NULL,
	"published_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trl_min" integer,
	"trl_max" integer,
	"budget_min_jpy" integer,
	"budget_max_jpy" integer,
	"timeline" text,
	"partner_kinds" "organisation_kind"[] DEFAULT '{}' NOT NULL,
	"region_preference" text,
	"visibility" "need_visibility" DEFAULT 'members' NOT NULL,
	"anonymous_label" text,
	CONSTRAINT "needs_trl_range" CHECK (("needs"."trl_min" IS NULL OR "needs"."trl_min" BETWEEN 1 AND 9) AND ("needs"."trl_max" IS NULL OR "needs"."trl_max" BETWEEN 1 AND 9) AND ("needs"."trl_min" IS NULL OR "needs"."trl_max" IS NULL OR "needs"."trl_min" <= "needs"."trl_max")),
	CONSTRAINT "needs_budget_range" CHECK (("needs"."budget_min_jpy" IS NULL OR "needs"."budget_min_jpy" >= 0) AND ("needs"."budget_min_jpy" IS NULL OR "needs"."budget_max_jpy" IS NULL OR "needs"."budget_min_jpy" <= "needs"."budget_max_jpy"))
);
--> statement-breakpoint
CREATE TABLE "seeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"contact_user_id" uuid,
	"language" "locale" NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"domain" "domain" NOT NULL,
	"keywords" text[] DEFAULT '{}' NOT NULL,
	"prefecture" text,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"closed_reason" text,
	"review_comment" text,
	"disclosure" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"expires_at" timestamp with time zone DEFAULT now() + interval '12 months' NOT NULL,
	"published_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trl" integer,
	"lead_researcher" text,
	"licensing" "licensing_terms"[] DEFAULT '{}' NOT NULL,
	"advantages" text DEFAULT '' NOT NULL,
	"visibility" "seed_visibility" DEFAULT 'members' NOT NULL,
	"ip_status" "ip_status",
	CONSTRAINT "seeds_trl_range" CHECK ("seeds"."trl" IS NULL OR "seeds"."trl" BETWEEN 1 AND 9)
);
--> statement-breakpoint
ALTER TABLE "ip_records" ADD CONSTRAINT "ip_records_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_contact_user_id_users_id_fk" FOREIGN KEY ("contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_records_seed_idx" ON "ip_records" USING btree ("seed_id");--> statement-breakpoint
CREATE INDEX "needs_organisation_idx" ON "needs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "needs_created_by_idx" ON "needs" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "needs_contact_user_idx" ON "needs" USING btree ("contact_user_id");--> statement-breakpoint
CREATE INDEX "needs_status_domain_idx" ON "needs" USING btree ("status","domain");--> statement-breakpoint
CREATE INDEX "needs_published_idx" ON "needs" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "needs_search_idx" ON "needs" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "needs_title_trgm_idx" ON "needs" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "seeds_organisation_idx" ON "seeds" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "seeds_created_by_idx" ON "seeds" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "seeds_contact_user_idx" ON "seeds" USING btree ("contact_user_id");--> statement-breakpoint
CREATE INDEX "seeds_status_domain_idx" ON "seeds" USING btree ("status","domain");--> statement-breakpoint
CREATE INDEX "seeds_published_idx" ON "seeds" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "seeds_trl_idx" ON "seeds" USING btree ("trl");--> statement-breakpoint
CREATE INDEX "seeds_search_idx" ON "seeds" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "seeds_title_trgm_idx" ON "seeds" USING gin ("title" gin_trgm_ops);