-- match_documents.words: a document's words as written, compact (lib/matching/words.ts encodeWords),
-- returned with each candidate's packed vectors so that the reasons of the final top ten need no
-- second round trip reading their representations (~3 ms a top-10 at 100,000 seeds). In the heap
-- row like `packed` (MAIN: compressed inline, ~0.9 kB). Filled here from `rep` exactly as
-- encodeWords does (its test checks the two agree), then written with `rep` by every write path.
ALTER TABLE "match_documents" ADD COLUMN "words" text;--> statement-breakpoint
ALTER TABLE "match_documents" ALTER COLUMN "words" SET STORAGE MAIN;--> statement-breakpoint
UPDATE "match_documents" SET "words" = coalesce((
  SELECT string_agg(e.entry, chr(30) ORDER BY e.g, e.key) FROM (
    SELECT 1 AS g, key, 't:' || key || chr(31) || value AS entry FROM jsonb_each_text(rep -> 'surface')
    UNION ALL SELECT 2, key, 'c:' || key || chr(31) || (value ->> 0) FROM jsonb_each(rep -> 'conceptTerms')
    UNION ALL SELECT 3, key, 'l:' || key || chr(31) || value FROM jsonb_each_text(rep -> 'bridge')
  ) e
  WHERE e.entry IS NOT NULL AND e.entry NOT LIKE '%' || chr(31) || '%' || chr(31) || '%'
    AND position(chr(30) IN e.entry) = 0 AND right(e.entry, 1) <> chr(31)
), '');--> statement-breakpoint
ALTER TABLE "match_documents" ALTER COLUMN "words" SET NOT NULL;
