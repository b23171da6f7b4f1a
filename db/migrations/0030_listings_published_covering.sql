DROP INDEX "needs_published_idx";--> statement-breakpoint
DROP INDEX "seeds_published_idx";--> statement-breakpoint
CREATE INDEX "needs_published_idx" ON "needs" USING btree ("published_at","organisation_id","domain","id","language","prefecture");--> statement-breakpoint
CREATE INDEX "seeds_published_idx" ON "seeds" USING btree ("published_at","organisation_id","domain","id","language","prefecture");