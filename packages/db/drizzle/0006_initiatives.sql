CREATE TABLE "initiative_fields" (
	"initiative_id" uuid NOT NULL,
	"field_id" integer NOT NULL,
	CONSTRAINT "initiative_fields_initiative_id_field_id_pk" PRIMARY KEY("initiative_id","field_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_partners" (
	"initiative_id" uuid NOT NULL,
	"city_id" integer NOT NULL,
	CONSTRAINT "initiative_partners_initiative_id_city_id_pk" PRIMARY KEY("initiative_id","city_id")
);
--> statement-breakpoint
CREATE TABLE "initiative_support_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "initiative_support_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"initiative_id" uuid NOT NULL,
	"from_support" text NOT NULL,
	"to_support" text NOT NULL,
	"by_id" text,
	"note" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_themes" (
	"initiative_id" uuid NOT NULL,
	"theme_id" integer NOT NULL,
	CONSTRAINT "initiative_themes_initiative_id_theme_id_pk" PRIMARY KEY("initiative_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_city_id" integer NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" text DEFAULT 'active' NOT NULL,
	"support" text DEFAULT 'none' NOT NULL,
	"decision_note" text,
	"decided_by_id" text,
	"decided_at" timestamp with time zone,
	"demo_key" text,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiatives_demoKey_unique" UNIQUE("demo_key")
);
--> statement-breakpoint
CREATE TABLE "monitoring_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"city_id" integer NOT NULL,
	"cycle_year" smallint NOT NULL,
	"received_on" date NOT NULL,
	"link" text,
	"note" text,
	"recorded_by_id" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_fields" ADD CONSTRAINT "initiative_fields_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_fields" ADD CONSTRAINT "initiative_fields_field_id_creative_fields_id_fk" FOREIGN KEY ("field_id") REFERENCES "public"."creative_fields"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_partners" ADD CONSTRAINT "initiative_partners_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_support_history" ADD CONSTRAINT "initiative_support_history_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_support_history" ADD CONSTRAINT "initiative_support_history_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_themes" ADD CONSTRAINT "initiative_themes_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_themes" ADD CONSTRAINT "initiative_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_lead_city_id_cities_id_fk" FOREIGN KEY ("lead_city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_reports" ADD CONSTRAINT "monitoring_reports_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_fields_field_id_index" ON "initiative_fields" USING btree ("field_id");--> statement-breakpoint
CREATE INDEX "initiative_partners_city_id_index" ON "initiative_partners" USING btree ("city_id");--> statement-breakpoint
CREATE INDEX "initiative_support_history_initiative_id_id_index" ON "initiative_support_history" USING btree ("initiative_id","id");--> statement-breakpoint
CREATE INDEX "initiative_themes_theme_id_index" ON "initiative_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "initiatives_lead_city_id_index" ON "initiatives" USING btree ("lead_city_id");--> statement-breakpoint
CREATE INDEX "initiatives_support_index" ON "initiatives" USING btree ("support");--> statement-breakpoint
CREATE INDEX "monitoring_reports_city_id_cycle_year_index" ON "monitoring_reports" USING btree ("city_id","cycle_year");