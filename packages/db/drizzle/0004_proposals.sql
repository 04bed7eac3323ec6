CREATE TABLE "proposal_fields" (
	"proposal_id" uuid NOT NULL,
	"field_id" integer NOT NULL,
	CONSTRAINT "proposal_fields_proposal_id_field_id_pk" PRIMARY KEY("proposal_id","field_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_partners" (
	"proposal_id" uuid NOT NULL,
	"city_id" integer NOT NULL,
	"status" text NOT NULL,
	"invited_by_id" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by_id" text,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_partners_proposal_id_city_id_pk" PRIMARY KEY("proposal_id","city_id")
);
--> statement-breakpoint
CREATE TABLE "proposal_sdg_targets" (
	"proposal_id" uuid NOT NULL,
	"target_code" text NOT NULL,
	CONSTRAINT "proposal_sdg_targets_proposal_id_target_code_pk" PRIMARY KEY("proposal_id","target_code")
);
--> statement-breakpoint
CREATE TABLE "proposal_sdgs" (
	"proposal_id" uuid NOT NULL,
	"goal" smallint NOT NULL,
	CONSTRAINT "proposal_sdgs_proposal_id_goal_pk" PRIMARY KEY("proposal_id","goal")
);
--> statement-breakpoint
CREATE TABLE "proposal_status_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "proposal_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"proposal_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_id" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_themes" (
	"proposal_id" uuid NOT NULL,
	"theme_id" integer NOT NULL,
	CONSTRAINT "proposal_themes_proposal_id_theme_id_pk" PRIMARY KEY("proposal_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lead_city_id" integer NOT NULL,
	"document_id" uuid NOT NULL,
	"budget_amount" numeric(14, 2),
	"budget_currency" text,
	"start_date" date,
	"end_date" date,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_note" text,
	"public_summary" text,
	"document_text" text DEFAULT '' NOT NULL,
	"text_indexed_up_to" bigint DEFAULT 0 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('french'::regconfig, coalesce("title", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'B') || setweight(to_tsvector('french'::regconfig, coalesce("summary", '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce("document_text", '')), 'C') || setweight(to_tsvector('french'::regconfig, coalesce("document_text", '')), 'C')) STORED NOT NULL,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_documentId_unique" UNIQUE("document_id")
);
--> statement-breakpoint
CREATE TABLE "sdg_targets" (
	"code" text PRIMARY KEY NOT NULL,
	"goal" smallint NOT NULL,
	"text" text NOT NULL,
	"position" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sdgs" (
	"number" smallint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_fr" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "themes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"name_fr" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "themes_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "locked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proposal_fields" ADD CONSTRAINT "proposal_fields_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_fields" ADD CONSTRAINT "proposal_fields_field_id_creative_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."creative_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_partners" ADD CONSTRAINT "proposal_partners_responded_by_id_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_sdg_targets" ADD CONSTRAINT "proposal_sdg_targets_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_sdg_targets" ADD CONSTRAINT "proposal_sdg_targets_target_code_sdg_targets_code_fk" FOREIGN KEY ("target_code") REFERENCES "public"."sdg_targets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_sdgs" ADD CONSTRAINT "proposal_sdgs_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_sdgs" ADD CONSTRAINT "proposal_sdgs_goal_sdgs_number_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdgs"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_status_history" ADD CONSTRAINT "proposal_status_history_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_status_history" ADD CONSTRAINT "proposal_status_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_themes" ADD CONSTRAINT "proposal_themes_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_themes" ADD CONSTRAINT "proposal_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_city_id_cities_id_fk" FOREIGN KEY ("lead_city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sdg_targets" ADD CONSTRAINT "sdg_targets_goal_sdgs_number_fk" FOREIGN KEY ("goal") REFERENCES "public"."sdgs"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_fields_field_id_index" ON "proposal_fields" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "proposal_partners_city_id_index" ON "proposal_partners" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "proposal_sdgs_goal_index" ON "proposal_sdgs" USING btree ("goal");--> statement-breakpoint
CREATE INDEX "proposal_status_history_proposal_id_id_index" ON "proposal_status_history" USING btree ("proposal_id","id");--> statement-breakpoint
CREATE INDEX "proposal_themes_theme_id_index" ON "proposal_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "proposals_status_index" ON "proposals" USING btree ("status");--> statement-breakpoint
CREATE INDEX "proposals_lead_city_id_index" ON "proposals" USING btree ("lead_city_id");--> statement-breakpoint
CREATE INDEX "proposals_search_index" ON "proposals" USING gin ("search");--> statement-breakpoint
CREATE INDEX "sdg_targets_goal_position_index" ON "sdg_targets" USING btree ("goal","position");