-- A cluster's region in each language (issue 16): the one free-text field becomes the Japanese one,
-- and the English one starts as a copy until the programme office writes it.
ALTER TABLE "clusters" RENAME COLUMN "region" TO "region_ja";--> statement-breakpoint
ALTER TABLE "clusters" ADD COLUMN "region_en" text;--> statement-breakpoint
UPDATE "clusters" SET "region_en" = "region_ja";--> statement-breakpoint
ALTER TABLE "clusters" ALTER COLUMN "region_en" SET NOT NULL;
