CREATE TYPE "public"."sales_channel_kind" AS ENUM('distributor', 'agent', 'oem', 'export');--> statement-breakpoint
CREATE TABLE "listing_follows" (
	"user_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"need_id" uuid,
	"seed_id" uuid,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_follows_user_id_listing_id_pk" PRIMARY KEY("user_id","listing_id"),
	CONSTRAINT "listing_follows_one_listing" CHECK (("listing_follows"."need_id" IS NULL) <> ("listing_follows"."seed_id" IS NULL)),
	CONSTRAINT "listing_follows_listing_id" CHECK ("listing_follows"."listing_id" = coalesce("listing_follows"."need_id", "listing_follows"."seed_id"))
);
--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "via_need_id" uuid;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "via_seed_id" uuid;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "source_match_id" uuid;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "show_organisation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "channel_product" text;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "channel_territories" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "channel_kinds" "sales_channel_kind"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "channel_volumes" text;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD COLUMN "channel_terms" text;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "royalty_min_pct" real;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "royalty_max_pct" real;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "upfront_fee_min_jpy" bigint;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "upfront_fee_max_jpy" bigint;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "milestone_fee_min_jpy" bigint;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "milestone_fee_max_jpy" bigint;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "licence_territories" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "field_of_use" text;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "exclusivity_months" integer;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "sublicensing" boolean;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "option_agreement" boolean;--> statement-breakpoint
ALTER TABLE "listing_follows" ADD CONSTRAINT "listing_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_follows" ADD CONSTRAINT "listing_follows_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_follows" ADD CONSTRAINT "listing_follows_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_follows_need_idx" ON "listing_follows" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "listing_follows_seed_idx" ON "listing_follows" USING btree ("seed_id");--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_via_need_id_needs_id_fk" FOREIGN KEY ("via_need_id") REFERENCES "public"."needs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_via_seed_id_seeds_id_fk" FOREIGN KEY ("via_seed_id") REFERENCES "public"."seeds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_introductions" ADD CONSTRAINT "match_introductions_source_match_id_matches_id_fk" FOREIGN KEY ("source_match_id") REFERENCES "public"."matches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_introductions_via_need_idx" ON "match_introductions" USING btree ("via_need_id");--> statement-breakpoint
CREATE INDEX "match_introductions_via_seed_idx" ON "match_introductions" USING btree ("via_seed_id");--> statement-breakpoint
CREATE INDEX "match_introductions_source_match_idx" ON "match_introductions" USING btree ("source_match_id");--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_royalty_range" CHECK (("seeds"."royalty_min_pct" IS NULL OR "seeds"."royalty_min_pct" BETWEEN 0 AND 100) AND ("seeds"."royalty_max_pct" IS NULL OR "seeds"."royalty_max_pct" BETWEEN 0 AND 100) AND ("seeds"."royalty_min_pct" IS NULL OR "seeds"."royalty_max_pct" IS NULL OR "seeds"."royalty_min_pct" <= "seeds"."royalty_max_pct"));--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_fee_ranges" CHECK (("seeds"."upfront_fee_min_jpy" IS NULL OR "seeds"."upfront_fee_min_jpy" >= 0) AND ("seeds"."upfront_fee_min_jpy" IS NULL OR "seeds"."upfront_fee_max_jpy" IS NULL OR "seeds"."upfront_fee_min_jpy" <= "seeds"."upfront_fee_max_jpy") AND ("seeds"."milestone_fee_min_jpy" IS NULL OR "seeds"."milestone_fee_min_jpy" >= 0) AND ("seeds"."milestone_fee_min_jpy" IS NULL OR "seeds"."milestone_fee_max_jpy" IS NULL OR "seeds"."milestone_fee_min_jpy" <= "seeds"."milestone_fee_max_jpy"));--> statement-breakpoint
ALTER TABLE "seeds" ADD CONSTRAINT "seeds_exclusivity_months" CHECK ("seeds"."exclusivity_months" IS NULL OR "seeds"."exclusivity_months" >= 0);