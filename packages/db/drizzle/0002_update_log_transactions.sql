ALTER TABLE "document_snapshots" ADD COLUMN "generation" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "document_updates" ADD COLUMN "tx" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
CREATE INDEX "document_updates_document_id_tx_index" ON "document_updates" USING btree ("document_id","tx");