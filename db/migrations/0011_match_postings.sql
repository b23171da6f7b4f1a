-- match_postings: the inverted index of match_documents (see db/schema/matching.ts). The primary
-- key INCLUDEs (lang, weight) so retrieval reads a key's postings from the index alone; index-only
-- scans need the visibility map, so vacuum runs after far fewer changes than the default 20 %.
CREATE TABLE "match_postings" (
	"kind" "listing_kind" NOT NULL,
	"key" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"lang" "locale" NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "match_postings_kind_key_listing_id_pk" PRIMARY KEY("kind","key","listing_id") INCLUDE ("lang","weight")
);
--> statement-breakpoint
DROP INDEX "match_documents_seed_keys_idx";--> statement-breakpoint
DROP INDEX "match_documents_need_keys_idx";--> statement-breakpoint
ALTER TABLE "match_documents" DROP COLUMN "term_norm";--> statement-breakpoint
ALTER TABLE "match_documents" DROP COLUMN "concept_norm";--> statement-breakpoint
ALTER TABLE "match_documents" DROP COLUMN "loan_norm";--> statement-breakpoint
ALTER TABLE "match_postings" SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);--> statement-breakpoint
-- Postings follow their document: written from `vec` on insert and update, removed (by the old
-- document's keys, through the primary key) on update and delete. One place for every write path.
CREATE FUNCTION "match_postings_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM match_postings p
    WHERE p.kind = OLD.kind AND p.key = ANY (tsvector_to_array(OLD.keys)) AND p.listing_id = OLD.listing_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO match_postings (kind, key, listing_id, lang, weight)
    SELECT NEW.kind, g.prefix || e.key, NEW.listing_id, NEW.lang, e.value::real
    FROM (VALUES ('t:', NEW.vec -> 't'), ('c:', NEW.vec -> 'c'), ('l:', NEW.vec -> 'l')) AS g(prefix, entries)
    CROSS JOIN LATERAL jsonb_each_text(coalesce(g.entries, '{}'::jsonb)) AS e(key, value);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "match_documents_postings" AFTER INSERT OR DELETE OR UPDATE OF "kind", "listing_id", "lang", "vec", "keys" ON "match_documents"
  FOR EACH ROW EXECUTE FUNCTION "match_postings_sync"();--> statement-breakpoint
INSERT INTO "match_postings" ("kind", "key", "listing_id", "lang", "weight")
SELECT d.kind, g.prefix || e.key, d.listing_id, d.lang, e.value::real
FROM "match_documents" d
CROSS JOIN LATERAL (VALUES ('t:', d.vec -> 't'), ('c:', d.vec -> 'c'), ('l:', d.vec -> 'l')) AS g(prefix, entries)
CROSS JOIN LATERAL jsonb_each_text(coalesce(g.entries, '{}'::jsonb)) AS e(key, value);