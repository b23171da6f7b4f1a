CREATE TABLE "cluster_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"vision" text NOT NULL,
	"goals" text NOT NULL,
	"process_flow" text NOT NULL,
	"phases" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_plan_versions_cluster_version_unique" UNIQUE("cluster_id","version"),
	CONSTRAINT "cluster_plan_versions_version_positive" CHECK ("cluster_plan_versions"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "cluster_plan_versions" ADD CONSTRAINT "cluster_plan_versions_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_plan_versions" ADD CONSTRAINT "cluster_plan_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_plan_versions_created_by_idx" ON "cluster_plan_versions" USING btree ("created_by");