CREATE TABLE "match_attribution" (
	"match_id" uuid PRIMARY KEY NOT NULL,
	"cluster_ids" uuid[] NOT NULL,
	"domain" "domain" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "needs_published_idx";--> statement-breakpoint
DROP INDEX "seeds_published_idx";--> statement-breakpoint
ALTER TABLE "match_attribution" ADD CONSTRAINT "match_attribution_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_attribution_clusters_idx" ON "match_attribution" USING gin ("cluster_ids");--> statement-breakpoint
CREATE INDEX "needs_published_idx" ON "needs" USING btree ("published_at","organisation_id","domain");--> statement-breakpoint
CREATE INDEX "seeds_published_idx" ON "seeds" USING btree ("published_at","organisation_id","domain");--> statement-breakpoint
-- The attribution of a match, computed from scratch: the clusters of its need's and its seed's organisations,
-- or its own cluster when neither organisation is in any; the need's domain, else the seed's. The triggers
-- below keep match_attribution equal to this view.
CREATE FUNCTION "match_cluster_ids"(need_org uuid, seed_org uuid, own uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT array_agg(DISTINCT x.cluster_id ORDER BY x.cluster_id) FROM organisation_clusters x
      WHERE x.organisation_id = need_org OR x.organisation_id = seed_org),
    CASE WHEN own IS NULL THEN '{}'::uuid[] ELSE ARRAY[own] END)
$$;--> statement-breakpoint
CREATE VIEW "match_attribution_derived" AS
  SELECT m.id AS match_id, match_cluster_ids(n.organisation_id, s.organisation_id, m.cluster_id) AS cluster_ids,
    coalesce(n.domain, s.domain) AS domain, m.created_at
  FROM matches m LEFT JOIN needs n ON n.id = m.need_id LEFT JOIN seeds s ON s.id = m.seed_id;--> statement-breakpoint
-- Recomputes the matches given. Concurrent writes stay right: the rows are locked first (in order) and computed
-- in the next statement, which reads what was committed meanwhile, so of two transactions refreshing one match
-- the later one writes last and sees the earlier one's change.
CREATE FUNCTION "match_attribution_refresh"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM match_attribution WHERE match_id = ANY (ids) ORDER BY match_id FOR UPDATE;
  INSERT INTO match_attribution (match_id, cluster_ids, domain, created_at)
  SELECT match_id, cluster_ids, domain, created_at FROM match_attribution_derived WHERE match_id = ANY (ids)
  ON CONFLICT (match_id) DO UPDATE
    SET cluster_ids = excluded.cluster_ids, domain = excluded.domain, created_at = excluded.created_at
    WHERE (match_attribution.cluster_ids, match_attribution.domain, match_attribution.created_at)
      IS DISTINCT FROM (excluded.cluster_ids, excluded.domain, excluded.created_at);
END $$;--> statement-breakpoint
-- A new match (any insert, one row or many): its listings and their organisations are locked FOR SHARE before it
-- is attributed, so a listing edit or a change of an organisation's clusters committing meanwhile either waits
-- for this transaction (and then sees the match) or is seen by it.
CREATE FUNCTION "match_attribution_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM needs WHERE id IN (SELECT need_id FROM inserted) ORDER BY id FOR SHARE;
  PERFORM 1 FROM seeds WHERE id IN (SELECT seed_id FROM inserted) ORDER BY id FOR SHARE;
  PERFORM 1 FROM organisations WHERE id IN (
    SELECT n.organisation_id FROM inserted i JOIN needs n ON n.id = i.need_id
    UNION SELECT s.organisation_id FROM inserted i JOIN seeds s ON s.id = i.seed_id) ORDER BY id FOR SHARE;
  PERFORM match_attribution_refresh(ARRAY(SELECT id FROM inserted));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "matches_attribution_insert" AFTER INSERT ON "matches"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "match_attribution_on_insert"();--> statement-breakpoint
-- A match moved to other listings, another cluster or another creation time; listings and organisations locked
-- as for a new match.
CREATE FUNCTION "match_attribution_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM needs WHERE id = NEW.need_id FOR SHARE;
  PERFORM 1 FROM seeds WHERE id = NEW.seed_id FOR SHARE;
  PERFORM 1 FROM organisations WHERE id IN (SELECT organisation_id FROM needs WHERE id = NEW.need_id
    UNION SELECT organisation_id FROM seeds WHERE id = NEW.seed_id) ORDER BY id FOR SHARE;
  PERFORM match_attribution_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "matches_attribution_update" AFTER UPDATE OF "need_id", "seed_id", "cluster_id", "created_at" ON "matches"
  FOR EACH ROW WHEN (OLD.need_id IS DISTINCT FROM NEW.need_id OR OLD.seed_id IS DISTINCT FROM NEW.seed_id
    OR OLD.cluster_id IS DISTINCT FROM NEW.cluster_id OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION "match_attribution_on_update"();--> statement-breakpoint
-- A need or seed given another domain or organisation: its matches (the organisations locked as above).
CREATE FUNCTION "match_attribution_on_listing"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM organisations WHERE id IN (OLD.organisation_id, NEW.organisation_id) ORDER BY id FOR SHARE;
  IF TG_TABLE_NAME = 'needs' THEN
    PERFORM match_attribution_refresh(ARRAY(SELECT id FROM matches WHERE need_id = NEW.id));
  ELSE
    PERFORM match_attribution_refresh(ARRAY(SELECT id FROM matches WHERE seed_id = NEW.id));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "needs_match_attribution" AFTER UPDATE OF "organisation_id", "domain" ON "needs"
  FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.domain IS DISTINCT FROM NEW.domain)
  EXECUTE FUNCTION "match_attribution_on_listing"();--> statement-breakpoint
CREATE TRIGGER "seeds_match_attribution" AFTER UPDATE OF "organisation_id", "domain" ON "seeds"
  FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id OR OLD.domain IS DISTINCT FROM NEW.domain)
  EXECUTE FUNCTION "match_attribution_on_listing"();--> statement-breakpoint
-- An organisation joining or leaving a cluster: the matches of its listings. The organisation is locked against
-- new matches of its listings (FOR NO KEY UPDATE conflicts with their FOR SHARE) before they are recomputed.
CREATE FUNCTION "match_attribution_on_membership"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  org uuid;
BEGIN
  FOR org IN SELECT DISTINCT o FROM unnest(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD.organisation_id END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW.organisation_id END]) AS u(o) WHERE o IS NOT NULL ORDER BY o
  LOOP
    PERFORM 1 FROM organisations WHERE id = org FOR NO KEY UPDATE;
    PERFORM match_attribution_refresh(ARRAY(
      SELECT m.id FROM matches m JOIN needs n ON n.id = m.need_id WHERE n.organisation_id = org
      UNION SELECT m.id FROM matches m JOIN seeds s ON s.id = m.seed_id WHERE s.organisation_id = org));
  END LOOP;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "organisation_clusters_match_attribution" AFTER INSERT OR UPDATE OR DELETE ON "organisation_clusters"
  FOR EACH ROW EXECUTE FUNCTION "match_attribution_on_membership"();--> statement-breakpoint
-- Every existing match, at once.
INSERT INTO "match_attribution" ("match_id", "cluster_ids", "domain", "created_at")
  SELECT "match_id", "cluster_ids", "domain", "created_at" FROM "match_attribution_derived";
