-- match_documents.packed: the vectors of `vec` in binary (lib/matching/packed.ts), which candidate
-- re-scoring reads. Written with `vec` by every write path; documents written before this
-- migration get theirs from the background re-weighing (lib/matching/store.ts reweigh), and
-- meanwhile are scored from `vec`. Floats do not compress: stored out of line as they are.
ALTER TABLE "match_documents" ADD COLUMN "packed" "bytea";--> statement-breakpoint
ALTER TABLE "match_documents" ALTER COLUMN "packed" SET STORAGE EXTERNAL;
