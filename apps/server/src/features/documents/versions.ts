// Version history: named versions, automatic ones while a document is edited, one before every
// restore; viewing a version's state; restoring one as an ordinary edit.
import { type Database, schema } from '@uccn/db';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { DocumentService } from './service';

const { documentVersions, users } = schema;

/** The live side of documents, implemented by the collaboration server. */
export interface LiveDocuments {
  /** The current state of a document (loading it if it is not open). */
  state(documentId: string): Promise<Uint8Array>;
  /** Makes the document show `state`, as an edit everyone connected sees; resolves once saved. */
  restore(documentId: string, state: Uint8Array): Promise<void>;
}

export interface VersionView {
  id: string;
  kind: 'named' | 'auto' | 'before-restore';
  label: string | null;
  createdBy: string | null;
  createdAt: string;
}

export class VersionService {
  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
    private readonly live: LiveDocuments,
  ) {}

  async list(user: SessionUser, documentId: string): Promise<VersionView[]> {
    await this.documents.authorize(user, documentId, 'read');
    const rows = await this.db
      .select({
        id: documentVersions.id,
        kind: documentVersions.kind,
        label: documentVersions.label,
        createdBy: users.name,
        createdAt: documentVersions.createdAt,
      })
      .from(documentVersions)
      .leftJoin(users, eq(users.id, documentVersions.createdById))
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(desc(documentVersions.createdAt));
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }

  async createNamed(user: SessionUser, documentId: string, label: string) {
    const { facts } = await this.documents.authorize(user, documentId, 'write');
    const state = await this.live.state(documentId);
    const version = await this.insert(documentId, 'named', label, state, user.id);
    await recordActivity(this.db, {
      actorId: user.id,
      action: 'document.version_created',
      subjectType: 'document',
      subjectId: documentId,
      cityId: facts.ownerCityId,
      details: { versionId: version.id, label },
    });
    return version;
  }

  /**
   * Called by the collaboration server while a document is being edited. Every node that has the
   * document open may ask; a transaction lock and the time of the last automatic version make
   * one of them take it.
   */
  async createAutomatic(documentId: string, state: Uint8Array, minIntervalMs: number) {
    await this.db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`auto-version:${documentId}`}))`,
      );
      const [latest] = await tx
        .select({ at: max(documentVersions.createdAt) })
        .from(documentVersions)
        .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.kind, 'auto')));
      if (latest?.at && Date.now() - latest.at.getTime() < minIntervalMs * 0.9) return;
      await tx
        .insert(documentVersions)
        .values({ documentId, kind: 'auto', label: null, state, createdById: null });
    });
  }

  async get(user: SessionUser, documentId: string, versionId: string) {
    await this.documents.authorize(user, documentId, 'read');
    const [row] = await this.db
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.id, versionId), eq(documentVersions.documentId, documentId)));
    if (!row) throw new AppError('version_not_found', 'This document has no such version.');
    return row;
  }

  /** Restores a version; the state before it is kept as a version of its own. */
  async restore(user: SessionUser, documentId: string, versionId: string) {
    const { facts } = await this.documents.authorize(user, documentId, 'write');
    const version = await this.get(user, documentId, versionId);
    const before = await this.insert(
      documentId,
      'before-restore',
      null,
      await this.live.state(documentId),
      user.id,
    );
    await this.live.restore(documentId, new Uint8Array(version.state));
    await recordActivity(this.db, {
      actorId: user.id,
      action: 'document.restored',
      subjectType: 'document',
      subjectId: documentId,
      cityId: facts.ownerCityId,
      details: { versionId, beforeRestoreVersionId: before.id },
    });
    return { restored: versionId, beforeRestore: before };
  }

  private async insert(
    documentId: string,
    kind: VersionView['kind'],
    label: string | null,
    state: Uint8Array,
    createdById: string | null,
  ): Promise<VersionView> {
    const [row] = await this.db
      .insert(documentVersions)
      .values({ documentId, kind, label, state, createdById })
      .returning({ id: documentVersions.id, createdAt: documentVersions.createdAt });
    if (!row) throw new Error('insert returned nothing');
    return { id: row.id, kind, label, createdBy: null, createdAt: row.createdAt.toISOString() };
  }
}
