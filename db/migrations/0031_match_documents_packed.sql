-- match_documents.packed: the vectors of `vec` in binary (lib/matching/packed.ts), which candidate
-- re-scoring reads, ~1 kB a document. Written with `vec` by every write path; documents written
-- before this migration get theirs from the background re-weighing (lib/matching/store.ts
-- reweigh), and meanwhile are scored from `vec`.
-- A query reads 120 candidates' `packed` and `facts` (~400 bytes): both stay in the heap row
-- (MAIN: out of line only if the row would not fit a page), unlike the other jsonb columns
-- (migration 0010), since a TOAST pointer costs each candidate a probe of the TOAST index and a
-- read of its page. Floats do not compress.
ALTER TABLE "match_documents" ADD COLUMN "packed" "bytea";--> statement-breakpoint
ALTER TABLE "match_documents" ALTER COLUMN "packed" SET STORAGE MAIN;--> statement-breakpoint
ALTER TABLE "match_documents" ALTER COLUMN "facts" SET STORAGE MAIN;
