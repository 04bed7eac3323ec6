// The document as it is stored (snapshot plus the log after it), read straight from the database
// the way a node loading it fresh would, with no server in between.
import { DrizzleUpdateStore } from '@uccn/collab/drizzle';
import type { Database } from '@uccn/db';
import * as Y from 'yjs';

/**
 * A new Y.Doc holding exactly what is stored for the document.
 * @example (await loadStoredDocument(cluster.database.db, id)).getText('t').toString()
 */
export async function loadStoredDocument(db: Database, documentId: string): Promise<Y.Doc> {
  const stored = await new DrizzleUpdateStore(db).load(documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}
