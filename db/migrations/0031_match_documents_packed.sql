-- match_documents.packed: the vectors of `vec` in binary (lib/matching/packed.ts), which candidate
-- re-scoring reads, ~1 kB a document. Written with `vec` by every write path; documents written
-- before this migration get theirs from the background re-weighing (lib/matching/store.ts
-- reweigh), and meanwhile are scored from `vec`.
-- Kept in the heap row (MAIN: moved out of line only if the row would not fit a page; floats
-- do not compress), unlike the jsonb columns (migration 0010): a query reads 120 candidates' vectors, and
-- a TOAST pointer would cost each of them a probe of the TOAST index and a read of its page.
ALTER TABLE "match_documents" ADD COLUMN "packed" "bytea";--> statement-breakpoint
ALTER TABLE "match_documents" ALTER COLUMN "packed" SET STORAGE MAIN;
