ALTER TABLE "needs" ADD COLUMN "accept_royalty_max_pct" real;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "accept_upfront_max_jpy" bigint;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "accept_territories" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "wants_exclusive" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "needs_sublicensing" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_accept_terms" CHECK (("needs"."accept_royalty_max_pct" IS NULL OR "needs"."accept_royalty_max_pct" BETWEEN 0 AND 100) AND ("needs"."accept_upfront_max_jpy" IS NULL OR "needs"."accept_upfront_max_jpy" >= 0));