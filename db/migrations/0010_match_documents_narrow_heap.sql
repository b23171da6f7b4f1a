-- match_documents: keep heap rows narrow (listing id, language, norms; the jsonb and tsvector
-- columns go to TOAST), so the candidate look-ups, which read one heap row per posting, touch
-- few pages that stay cached as the corpus grows. Rows are narrowed as they are (re)written.
ALTER TABLE "match_documents" SET (toast_tuple_target = 128);
