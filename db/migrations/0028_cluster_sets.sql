CREATE TABLE "cluster_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"cluster_ids" uuid[] NOT NULL,
	CONSTRAINT "cluster_sets_cluster_ids_uniq" UNIQUE("cluster_ids")
);
--> statement-breakpoint
-- The sets the stored attributions have, numbered; each attribution keeps its set's number instead of the array.
INSERT INTO "cluster_sets" ("cluster_ids")
  SELECT DISTINCT "cluster_ids" FROM "match_attribution" ORDER BY "cluster_ids";--> statement-breakpoint
ALTER TABLE "match_attribution" ADD COLUMN "set_id" integer;--> statement-breakpoint
UPDATE "match_attribution" a SET "set_id" = s."id" FROM "cluster_sets" s WHERE s."cluster_ids" = a."cluster_ids";--> statement-breakpoint
ALTER TABLE "match_attribution" ALTER COLUMN "set_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "match_attribution_clusters_idx";--> statement-breakpoint
ALTER TABLE "match_attribution" ADD CONSTRAINT "match_attribution_set_id_cluster_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."cluster_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_attribution" DROP COLUMN "cluster_ids";--> statement-breakpoint
CREATE INDEX "match_attribution_set_idx" ON "match_attribution" USING btree ("set_id");--> statement-breakpoint
CREATE INDEX "match_attribution_created_idx" ON "match_attribution" USING btree ("created_at","set_id","domain");--> statement-breakpoint
-- Recomputes the matches given (as in 0027), now writing each match's set by number: a set not seen before is
-- added first, in its own statement, so that one added meanwhile by another transaction (the insert waits for it
-- on the unique constraint) is seen by the next statement, which reads what was committed.
CREATE OR REPLACE FUNCTION "match_attribution_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM match_attribution WHERE match_id = ANY (ids) ORDER BY match_id FOR UPDATE;
  INSERT INTO cluster_sets (cluster_ids)
  SELECT DISTINCT cluster_ids FROM match_attribution_derived WHERE match_id = ANY (ids) ORDER BY cluster_ids
  ON CONFLICT (cluster_ids) DO NOTHING;
  INSERT INTO match_attribution (match_id, set_id, domain, created_at)
  SELECT d.match_id, s.id, d.domain, d.created_at
  FROM match_attribution_derived d JOIN cluster_sets s ON s.cluster_ids = d.cluster_ids
  WHERE d.match_id = ANY (ids)
  ON CONFLICT (match_id) DO UPDATE
    SET set_id = excluded.set_id, domain = excluded.domain, created_at = excluded.created_at
    WHERE (match_attribution.set_id, match_attribution.domain, match_attribution.created_at)
      IS DISTINCT FROM (excluded.set_id, excluded.domain, excluded.created_at);
END $$;
