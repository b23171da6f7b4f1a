CREATE TYPE "public"."listing_kind" AS ENUM('need', 'seed');--> statement-breakpoint
CREATE TYPE "public"."match_kind" AS ENUM('engine', 'manual', 'interest', 'sales_channel');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('proposed', 'approved', 'rejected', 'introduced', 'declined', 'expired', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TABLE "match_corpus_stats" (
	"kind" "listing_kind" NOT NULL,
	"key" text NOT NULL,
	"df" integer NOT NULL,
	CONSTRAINT "match_corpus_stats_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "match_documents" (
	"kind" "listing_kind" NOT NULL,
	"listing_id" uuid NOT NULL,
	"lang" "locale" NOT NULL,
	"rep" jsonb NOT NULL,
	"vec" jsonb NOT NULL,
	"facts" jsonb NOT NULL,
	"keys" "tsvector" NOT NULL,
	"term_norm" real DEFAULT 1 NOT NULL,
	"concept_norm" real DEFAULT 1 NOT NULL,
	"loan_norm" real DEFAULT 1 NOT NULL,
	"weighed_n" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_documents_kind_listing_id_pk" PRIMARY KEY("kind","listing_id")
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "match_kind" NOT NULL,
	"need_id" uuid,
	"seed_id" uuid,
	"requester_organisation_id" uuid,
	"cluster_id" uuid,
	"score" real,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "match_status" DEFAULT 'proposed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_score_range" CHECK ("matches"."score" IS NULL OR "matches"."score" BETWEEN 0 AND 1),
	CONSTRAINT "matches_has_listing" CHECK ("matches"."need_id" IS NOT NULL OR "matches"."seed_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_requester_organisation_id_organisations_id_fk" FOREIGN KEY ("requester_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_documents_keys_idx" ON "match_documents" USING gin ("keys");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_pair_uniq" ON "matches" USING btree ("need_id","seed_id") WHERE "matches"."kind" in ('engine', 'manual');--> statement-breakpoint
CREATE INDEX "matches_need_idx" ON "matches" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "matches_seed_idx" ON "matches" USING btree ("seed_id");--> statement-breakpoint
CREATE INDEX "matches_requester_idx" ON "matches" USING btree ("requester_organisation_id");--> statement-breakpoint
CREATE INDEX "matches_cluster_status_idx" ON "matches" USING btree ("cluster_id","status");