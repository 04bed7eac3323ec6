// The channels: one per creative field and the Secretariat's announcements (kept in step with
// the fields table at start-up), one per shared document or proposal (made on first use), and
// what each user may do in each, with their unread counts.
import { type Database, schema } from '@uccn/db';
import type { ChannelSummary } from '@uccn/protocol';
import { and, asc, count, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import { documentAccessFor } from '../documents/access';
import type { DocumentService } from '../documents/service';
import { type ChannelPermissions, channelPermissions } from './access';

const { channels, channelMutes, creativeFields, documents, documentAccess, messages, topicReads } =
  schema;

type ChannelRow = typeof channels.$inferSelect;

export interface ResolvedChannel {
  row: ChannelRow;
  name: string;
  field: ChannelSummary['field'];
  permissions: ChannelPermissions;
  mutedUntil: Date | null;
}

export const ANNOUNCEMENTS_SLUG = 'announcements';

export class ChannelDirectory {
  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
  ) {}

  /** A channel per creative field and the announcements channel; safe to run on every start. */
  async ensureNetworkChannels() {
    const fields = await this.db.select().from(creativeFields);
    await this.db
      .insert(channels)
      .values([
        ...fields.map((field) => ({ kind: 'field' as const, slug: field.slug, fieldId: field.id })),
        { kind: 'announcements' as const, slug: ANNOUNCEMENTS_SLUG },
      ])
      .onConflictDoNothing();
  }

  /** The discussion channel of a document the user may open, made on first use. */
  async forDocument(user: SessionUser, documentId: string): Promise<ResolvedChannel> {
    await this.documents.authorize(user, documentId, 'read');
    await this.db
      .insert(channels)
      .values({ kind: 'document', slug: `document-${documentId}`, documentId })
      .onConflictDoNothing();
    const [row] = await this.db.select().from(channels).where(eq(channels.documentId, documentId));
    if (!row) throw new AppError('channel_not_found', 'There is no such channel.');
    return this.resolve(user, row.id, 'read');
  }

  /** The channel and what the user may do there; 404 when unknown, 403 when not theirs. */
  async resolve(
    user: SessionUser,
    channelId: string,
    need: 'read' | 'post' = 'read',
  ): Promise<ResolvedChannel> {
    const [found] = await this.db
      .select({ row: channels, field: creativeFields, title: documents.title })
      .from(channels)
      .leftJoin(creativeFields, eq(creativeFields.id, channels.fieldId))
      .leftJoin(documents, eq(documents.id, channels.documentId))
      .where(eq(channels.id, channelId));
    if (!found) throw new AppError('channel_not_found', 'There is no such channel.');
    let access = null;
    if (found.row.kind === 'document' && found.row.documentId) {
      const facts = await this.documents.facts(found.row.documentId);
      access = facts ? documentAccessFor(user, facts) : null;
    }
    const permissions = channelPermissions(user, found.row.kind, access);
    if (!permissions.read) throw new AppError('forbidden', 'This channel is not open to you.');
    const [mute] = await this.db
      .select({ until: channelMutes.until })
      .from(channelMutes)
      .where(
        and(
          eq(channelMutes.channelId, channelId),
          eq(channelMutes.userId, user.id),
          gt(channelMutes.until, new Date()),
        ),
      );
    const resolved = toResolved(found, permissions, mute?.until ?? null);
    if (need === 'post') assertCanPost(resolved);
    return resolved;
  }

  /** Every channel the user may read: fields in their order, announcements, then documents. */
  async list(user: SessionUser): Promise<ChannelSummary[]> {
    const visibleDocuments =
      user.role === 'secretariat'
        ? sql`true`
        : user.cityId === null
          ? sql`false`
          : or(
              eq(documents.ownerCityId, user.cityId),
              inArray(
                documents.id,
                this.db
                  .select({ id: documentAccess.documentId })
                  .from(documentAccess)
                  .where(eq(documentAccess.cityId, user.cityId)),
              ),
            );
    // One query for every channel, its field and document; the document filter above is the
    // same rule as documentAccessFor (owner, access list, Secretariat).
    const rows = await this.db
      .select({ row: channels, field: creativeFields, title: documents.title })
      .from(channels)
      .leftJoin(creativeFields, eq(creativeFields.id, channels.fieldId))
      .leftJoin(documents, eq(documents.id, channels.documentId))
      .where(or(ne(channels.kind, 'document'), and(isNull(documents.archivedAt), visibleDocuments)))
      .orderBy(
        sql`case ${channels.kind} when 'field' then 0 when 'announcements' then 1 else 2 end`,
        asc(creativeFields.position),
        asc(documents.title),
      );
    const mutes = await this.db
      .select({ channelId: channelMutes.channelId, until: channelMutes.until })
      .from(channelMutes)
      .where(and(eq(channelMutes.userId, user.id), gt(channelMutes.until, new Date())));
    const mutedUntil = new Map(mutes.map((mute) => [mute.channelId, mute.until]));
    const resolved = rows.map((found) =>
      toResolved(
        found,
        channelPermissions(user, found.row.kind, found.row.kind === 'document' ? 'read' : null),
        mutedUntil.get(found.row.id) ?? null,
      ),
    );
    return this.summaries(user, resolved);
  }

  /** The wire shape of channels, with the user's unread counts and topic counts. */
  async summaries(user: SessionUser, list: ResolvedChannel[]): Promise<ChannelSummary[]> {
    const ids = list.map((channel) => channel.row.id);
    if (ids.length === 0) return [];
    const unread = await this.db
      .select({ channelId: messages.channelId, unread: count() })
      .from(messages)
      .leftJoin(
        topicReads,
        and(eq(topicReads.topicId, messages.topicId), eq(topicReads.userId, user.id)),
      )
      .where(
        and(
          inArray(messages.channelId, ids),
          sql`${messages.postedSeq} > coalesce(${topicReads.readSeq}, 0)`,
          sql`${messages.authorId} is distinct from ${user.id}`,
          isNull(messages.deletedAt),
          isNull(messages.hiddenAt),
        ),
      )
      .groupBy(messages.channelId);
    const topicCounts = await this.db
      .select({ channelId: schema.topics.channelId, topics: count() })
      .from(schema.topics)
      .where(inArray(schema.topics.channelId, ids))
      .groupBy(schema.topics.channelId);
    const unreadById = new Map(unread.map((row) => [row.channelId, row.unread]));
    const topicsById = new Map(topicCounts.map((row) => [row.channelId, row.topics]));
    return list.map((channel) => ({
      id: channel.row.id,
      kind: channel.row.kind,
      slug: channel.row.slug,
      name: channel.name,
      field: channel.field,
      documentId: channel.row.documentId,
      canPost: channel.permissions.post && channel.mutedUntil === null,
      mutedUntil: channel.mutedUntil?.toISOString() ?? null,
      seq: channel.row.seq,
      unread: unreadById.get(channel.row.id) ?? 0,
      topicCount: topicsById.get(channel.row.id) ?? 0,
      lastActivityAt: channel.row.lastActivityAt?.toISOString() ?? null,
    }));
  }

  async summary(user: SessionUser, channel: ResolvedChannel): Promise<ChannelSummary> {
    const [summary] = await this.summaries(user, [channel]);
    if (!summary) throw new AppError('channel_not_found', 'There is no such channel.');
    return summary;
  }
}

function toResolved(
  found: {
    row: ChannelRow;
    field: typeof creativeFields.$inferSelect | null;
    title: string | null;
  },
  permissions: ChannelPermissions,
  mutedUntil: Date | null,
): ResolvedChannel {
  return {
    row: found.row,
    name: found.field?.name ?? found.title ?? 'Announcements',
    field: found.field
      ? { slug: found.field.slug, name: found.field.name, nameFr: found.field.nameFr }
      : null,
    permissions,
    mutedUntil,
  };
}

/** Throws unless the user may post in the channel now. */
export function assertCanPost(channel: ResolvedChannel) {
  if (!channel.permissions.post) {
    throw new AppError(
      'forbidden',
      channel.row.kind === 'announcements'
        ? 'Only the Secretariat posts announcements.'
        : 'You may not post in this channel.',
    );
  }
  if (channel.mutedUntil) {
    const seconds = Math.ceil((channel.mutedUntil.getTime() - Date.now()) / 1000);
    throw new AppError(
      'muted',
      `You are muted in this channel until ${channel.mutedUntil.toISOString()}.`,
      { retryAfter: Math.max(1, seconds) },
    );
  }
}
