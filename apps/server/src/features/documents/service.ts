// Shared documents: create, list, rename, archive, and set which cities may write or read. A
// proposal's document is managed by its proposal (applyManagedState), not by these endpoints.
import { type Database, type DocumentAccessLevel, schema } from '@uccn/db';
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { recordActivity } from '../../activity/activity-log';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { canManageDocument, type DocumentAccessFacts, documentAccessFor } from './access';

const { documents, documentAccess, cities } = schema;

export interface CityAccessInput {
  slug: string;
  access: DocumentAccessLevel;
}

export interface DocumentView {
  id: string;
  title: string;
  kind: 'document' | 'proposal';
  ownerCity: { slug: string; name: string } | null;
  /** What the requesting user may do. */
  access: DocumentAccessLevel;
  canManage: boolean;
  cities: { slug: string; name: string; access: DocumentAccessLevel }[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Who owns a managed document, whether it is locked, and its access list (city ids). */
export interface ManagedDocumentState {
  title?: string;
  ownerCityId: number;
  locked: boolean;
  cities: { cityId: number; access: DocumentAccessLevel }[];
}

/** A transaction or the database: managed documents change inside their owner's transaction. */
type Writer = Pick<Database, 'insert' | 'update' | 'delete'>;

/** Notified when who may open a document changes, so open connections are checked at once. */
export type AccessChangeListener = (documentId: string) => void;

type DocumentRow = typeof documents.$inferSelect;

export class DocumentService {
  private readonly listeners: AccessChangeListener[] = [];

  constructor(private readonly db: Database) {}

  onAccessChange(listener: AccessChangeListener) {
    this.listeners.push(listener);
  }

  /** The access facts of a document, or null when there is no such document. */
  async facts(documentId: string): Promise<(DocumentAccessFacts & { row: DocumentRow }) | null> {
    // One round trip: every WebSocket upgrade to a document not cached yet waits on this.
    const joined = await this.db
      .select({
        row: documents,
        cityId: documentAccess.cityId,
        access: documentAccess.access,
      })
      .from(documents)
      .leftJoin(documentAccess, eq(documentAccess.documentId, documents.id))
      .where(eq(documents.id, documentId));
    const row = joined[0]?.row;
    if (!row) return null;
    const entries = joined.flatMap(({ cityId, access }) =>
      cityId === null || access === null ? [] : [{ cityId, access }],
    );
    return {
      row,
      ownerCityId: row.ownerCityId,
      archived: row.archivedAt !== null,
      locked: row.lockedAt !== null,
      cities: new Map(entries.map((entry) => [entry.cityId, entry.access])),
    };
  }

  /** The document and the user's access to it; 404 when unknown, 403 when not allowed. */
  async authorize(user: SessionUser, documentId: string, need: 'read' | 'write' | 'manage') {
    const facts = await this.facts(documentId);
    if (!facts) throw new AppError('document_not_found', 'There is no such document.');
    const access = documentAccessFor(user, facts);
    const allowed =
      need === 'manage'
        ? canManageDocument(user, facts)
        : need === 'write'
          ? access === 'write'
          : access !== null;
    if (!allowed || access === null) {
      throw new AppError(
        'forbidden',
        need === 'read'
          ? 'This document is not shared with your city.'
          : `You may not ${need === 'write' ? 'edit' : 'manage'} this document.`,
      );
    }
    return { facts, access };
  }

  async create(user: SessionUser, input: { title: string; cities: CityAccessInput[] }) {
    if (user.cityId === null) {
      throw new AppError(
        'forbidden',
        'Documents belong to a city; the Secretariat reads them all.',
      );
    }
    const ownerCityId = user.cityId;
    const resolved = await this.resolveCities(input.cities);
    const id = await this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(documents)
        .values({ title: input.title, ownerCityId, createdById: user.id })
        .returning({ id: documents.id });
      if (!created) throw new Error('insert returned nothing');
      const shared = resolved.filter((entry) => entry.cityId !== ownerCityId);
      if (shared.length > 0) {
        await tx
          .insert(documentAccess)
          .values(shared.map((entry) => ({ documentId: created.id, ...entry })));
      }
      await recordActivity(tx, {
        actorId: user.id,
        action: 'document.created',
        subjectType: 'document',
        subjectId: created.id,
        cityId: ownerCityId,
        details: { title: input.title, cities: input.cities },
      });
      return created.id;
    });
    return this.view(user, id);
  }

  async list(user: SessionUser, options: { archived: boolean }): Promise<DocumentView[]> {
    const conditions: (SQL | undefined)[] = [
      options.archived ? undefined : isNull(documents.archivedAt),
    ];
    if (user.role !== 'secretariat') {
      const cityId = user.cityId ?? -1;
      const sharedWithMe = this.db
        .select({ id: documentAccess.documentId })
        .from(documentAccess)
        .where(eq(documentAccess.cityId, cityId));
      conditions.push(or(eq(documents.ownerCityId, cityId), inArray(documents.id, sharedWithMe)));
    }
    const rows = await this.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(...conditions))
      .orderBy(desc(documents.updatedAt));
    return Promise.all(rows.map((row) => this.view(user, row.id)));
  }

  async view(user: SessionUser, documentId: string): Promise<DocumentView> {
    const { facts, access } = await this.authorize(user, documentId, 'read');
    const cityIds = [...facts.cities.keys(), ...(facts.ownerCityId ? [facts.ownerCityId] : [])];
    const cityRows = cityIds.length
      ? await this.db
          .select({ id: cities.id, slug: cities.slug, name: cities.name })
          .from(cities)
          .where(inArray(cities.id, cityIds))
      : [];
    const byId = new Map(cityRows.map((city) => [city.id, city]));
    const owner = facts.ownerCityId ? byId.get(facts.ownerCityId) : undefined;
    return {
      id: facts.row.id,
      title: facts.row.title,
      kind: facts.row.kind,
      ownerCity: owner ? { slug: owner.slug, name: owner.name } : null,
      access,
      canManage: canManageDocument(user, facts),
      cities: [...facts.cities]
        .map(([cityId, cityAccess]) => ({ city: byId.get(cityId), access: cityAccess }))
        .filter(
          (
            entry,
          ): entry is {
            city: { id: number; slug: string; name: string };
            access: DocumentAccessLevel;
          } => entry.city !== undefined,
        )
        .map(({ city, access: cityAccess }) => ({
          slug: city.slug,
          name: city.name,
          access: cityAccess,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      archived: facts.archived,
      createdAt: facts.row.createdAt.toISOString(),
      updatedAt: facts.row.updatedAt.toISOString(),
    };
  }

  async update(
    user: SessionUser,
    documentId: string,
    change: { title?: string | undefined; archived?: boolean | undefined },
  ) {
    const { facts } = await this.authorize(
      user,
      documentId,
      change.archived === undefined ? 'write' : 'manage',
    );
    assertNotManaged(facts.row);
    await this.db.transaction(async (tx) => {
      await tx
        .update(documents)
        .set({
          ...(change.title === undefined ? {} : { title: change.title }),
          ...(change.archived === undefined
            ? {}
            : { archivedAt: change.archived ? new Date() : null }),
          updatedAt: new Date(),
        })
        .where(eq(documents.id, documentId));
      if (change.title !== undefined && change.title !== facts.row.title) {
        await recordActivity(tx, {
          actorId: user.id,
          action: 'document.renamed',
          subjectType: 'document',
          subjectId: documentId,
          cityId: facts.ownerCityId,
          details: { from: facts.row.title, to: change.title },
        });
      }
      if (change.archived !== undefined && change.archived !== facts.archived) {
        await recordActivity(tx, {
          actorId: user.id,
          action: change.archived ? 'document.archived' : 'document.unarchived',
          subjectType: 'document',
          subjectId: documentId,
          cityId: facts.ownerCityId,
        });
      }
    });
    if (change.archived !== undefined) this.notify(documentId);
    return this.view(user, documentId);
  }

  /** Replaces the access list; the owner city always writes whatever the list says. */
  async setAccess(user: SessionUser, documentId: string, entries: CityAccessInput[]) {
    const { facts } = await this.authorize(user, documentId, 'manage');
    assertNotManaged(facts.row);
    const resolved = (await this.resolveCities(entries)).filter(
      (entry) => entry.cityId !== facts.ownerCityId,
    );
    await this.db.transaction(async (tx) => {
      await tx.delete(documentAccess).where(eq(documentAccess.documentId, documentId));
      if (resolved.length > 0) {
        await tx.insert(documentAccess).values(resolved.map((entry) => ({ documentId, ...entry })));
      }
      await tx.update(documents).set({ updatedAt: new Date() }).where(eq(documents.id, documentId));
      await recordActivity(tx, {
        actorId: user.id,
        action: 'document.access_changed',
        subjectType: 'document',
        subjectId: documentId,
        cityId: facts.ownerCityId,
        details: { cities: entries },
      });
    });
    this.notify(documentId);
    return this.view(user, documentId);
  }

  /**
   * Creates a document whose title, owner and access another feature manages (a proposal's body),
   * inside that feature's transaction; call `applyManagedState` next, in the same transaction.
   */
  async insertManaged(
    tx: Writer,
    input: { title: string; kind: DocumentRow['kind']; ownerCityId: number; createdById: string },
  ) {
    const [created] = await tx.insert(documents).values(input).returning({ id: documents.id });
    if (!created) throw new Error('insert returned nothing');
    return created.id;
  }

  /**
   * Sets a managed document's owner, lock and access list (and title) inside the caller's
   * transaction. Call `accessChanged` once it commits, so open connections follow.
   */
  async applyManagedState(tx: Writer, documentId: string, state: ManagedDocumentState) {
    await tx
      .update(documents)
      .set({
        ownerCityId: state.ownerCityId,
        lockedAt: state.locked ? sql`coalesce(${documents.lockedAt}, now())` : null,
        ...(state.title === undefined ? {} : { title: state.title }),
        updatedAt: new Date(),
      })
      .where(eq(documents.id, documentId));
    await tx.delete(documentAccess).where(eq(documentAccess.documentId, documentId));
    const entries = state.cities.filter((entry) => entry.cityId !== state.ownerCityId);
    if (entries.length > 0) {
      await tx.insert(documentAccess).values(entries.map((entry) => ({ documentId, ...entry })));
    }
  }

  /** Tells the listeners (the collaboration server) that access to a document changed. */
  accessChanged(documentId: string) {
    this.notify(documentId);
  }

  private notify(documentId: string) {
    for (const listener of this.listeners) listener(documentId);
  }

  /** City slugs to ids; an unknown slug or a city listed twice is a 400/404 before any write. */
  private async resolveCities(entries: CityAccessInput[]) {
    const slugs = entries.map((entry) => entry.slug);
    if (new Set(slugs).size !== slugs.length) {
      throw new AppError('validation_failed', 'A city is listed more than once.');
    }
    if (slugs.length === 0) return [];
    const rows = await this.db
      .select({ id: cities.id, slug: cities.slug })
      .from(cities)
      .where(inArray(cities.slug, slugs));
    const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
    const unknown = slugs.filter((slug) => !bySlug.has(slug));
    if (unknown.length > 0) {
      throw new AppError(
        'city_not_found',
        `No member city has the slug ${unknown.map((slug) => `"${slug}"`).join(', ')}.`,
      );
    }
    return entries.map((entry) => ({ cityId: bySlug.get(entry.slug) ?? 0, access: entry.access }));
  }
}

/** A proposal's document changes through the proposal, so its rules stay in one place. */
function assertNotManaged(row: DocumentRow) {
  if (row.kind === 'proposal') {
    throw new AppError(
      'managed_by_proposal',
      "This document is a proposal's body: change its title and cities through /api/proposals.",
    );
  }
}
