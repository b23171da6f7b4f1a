DROP INDEX "match_documents_keys_idx";--> statement-breakpoint
CREATE INDEX "match_documents_seed_keys_idx" ON "match_documents" USING gin ("keys") WHERE "match_documents"."kind" = 'seed';--> statement-breakpoint
CREATE INDEX "match_documents_need_keys_idx" ON "match_documents" USING gin ("keys") WHERE "match_documents"."kind" = 'need';