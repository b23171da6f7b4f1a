CREATE TABLE "listing_expiry_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need_id" uuid,
	"seed_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_expiry_reminders_one_listing" CHECK (("listing_expiry_reminders"."need_id" IS NULL) <> ("listing_expiry_reminders"."seed_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "listing_expiry_reminders" ADD CONSTRAINT "listing_expiry_reminders_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_expiry_reminders" ADD CONSTRAINT "listing_expiry_reminders_seed_id_seeds_id_fk" FOREIGN KEY ("seed_id") REFERENCES "public"."seeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "listing_expiry_reminders_need_uq" ON "listing_expiry_reminders" USING btree ("need_id","expires_at","days_before");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_expiry_reminders_seed_uq" ON "listing_expiry_reminders" USING btree ("seed_id","expires_at","days_before");