DROP INDEX "needs_search_idx";--> statement-breakpoint
DROP INDEX "seeds_search_idx";--> statement-breakpoint
ALTER TABLE "needs" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "seeds" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "needs_open_newest_idx" ON "needs" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "needs"."status" = 'open';--> statement-breakpoint
CREATE INDEX "needs_search_vector_idx" ON "needs" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "seeds_open_newest_idx" ON "seeds" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "seeds"."status" = 'open';--> statement-breakpoint
CREATE INDEX "seeds_search_vector_idx" ON "seeds" USING gin ("search_vector");