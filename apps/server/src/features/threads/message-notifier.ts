// Who hears about a message: people and cities mentioned in it (a city's members, if they may
// read the channel) and the topic's author when someone replies.
import { type Database, schema } from '@uccn/db';
import type { Mention, ThreadMessage, Topic } from '@uccn/protocol';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SessionUser } from '../../http/context';
import { documentAccessFor } from '../documents/access';
import type { DocumentService } from '../documents/service';
import type { NotificationInput, NotificationService } from '../notifications/service';
import { channelPermissions } from './access';
import type { ResolvedChannel } from './channels';
import { findMentions, type MentionCandidate, mentionPrefixes } from './mentions';

const { cities, users } = schema;

const CITY_CACHE_MS = 5 * 60_000;
const EXCERPT_LENGTH = 140;

export function topicUrl(channel: { slug: string }, topicId: string, messageId: string) {
  return `/discussions/${channel.slug}/${topicId}?message=${messageId}`;
}

function excerpt(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

export class MessageNotifier {
  private cityCandidates: { at: number; list: (MentionCandidate & { cityId: number })[] } | null =
    null;

  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
    private readonly notifications: NotificationService,
  ) {}

  private async cities() {
    if (this.cityCandidates && Date.now() - this.cityCandidates.at < CITY_CACHE_MS) {
      return this.cityCandidates.list;
    }
    const rows = await this.db
      .select({ id: cities.id, slug: cities.slug, name: cities.name })
      .from(cities);
    const list = rows.map((row) => ({
      type: 'city' as const,
      id: row.slug,
      name: row.name,
      aliases: [row.slug],
      cityId: row.id,
    }));
    this.cityCandidates = { at: Date.now(), list };
    return list;
  }

  /** The mentions in a message body, resolved against the cities and the people who exist. */
  async findMentions(body: string): Promise<Mention[]> {
    const prefixes = mentionPrefixes(body);
    if (prefixes.length === 0) return [];
    const people = await this.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        and(
          eq(users.disabled, false),
          or(
            ...prefixes.map((prefix) => sql`lower(${users.name}) like ${`${likeEscape(prefix)}%`}`),
          ),
        ),
      )
      .limit(200);
    const candidates: MentionCandidate[] = [
      ...people.map((person) => ({ type: 'user' as const, id: person.id, name: person.name })),
      ...(await this.cities()),
    ];
    return findMentions(body, candidates);
  }

  /** Cities and people to offer after an `@`, for the composer's autocomplete. */
  async mentionables(query: string) {
    const q = query.trim().toLowerCase();
    const cityList = (await this.cities())
      .filter((city) => !q || city.name.toLowerCase().startsWith(q) || city.id.startsWith(q))
      .slice(0, 8);
    const people = await this.db
      .select({ id: users.id, name: users.name, citySlug: cities.slug, cityName: cities.name })
      .from(users)
      .leftJoin(cities, eq(cities.id, users.cityId))
      .where(
        and(
          eq(users.disabled, false),
          q ? sql`lower(${users.name}) like ${`%${likeEscape(q)}%`}` : undefined,
        ),
      )
      .orderBy(users.name)
      .limit(8);
    return [
      ...people.map((person) => ({
        type: 'user' as const,
        id: person.id,
        name: person.name,
        city:
          person.citySlug && person.cityName
            ? { slug: person.citySlug, name: person.cityName }
            : null,
      })),
      ...cityList.map((city) => ({
        type: 'city' as const,
        id: city.id,
        name: city.name,
        city: { slug: city.id, name: city.name },
      })),
    ];
  }

  /** Notifies the mentioned and, for a reply, the topic's author. Never the sender. */
  async messagePosted(
    sender: SessionUser,
    channel: ResolvedChannel,
    topic: Topic,
    message: ThreadMessage,
    isReply: boolean,
  ) {
    const recipients = new Map<string, NotificationInput>();
    const url = topicUrl(channel.row, topic.id, message.id);
    const where = `${channel.name} · ${topic.title}`;
    const mentionedUsers = message.mentions.filter((m) => m.type === 'user').map((m) => m.id);
    const mentionedCitySlugs = message.mentions.filter((m) => m.type === 'city').map((m) => m.id);
    const cityIds = (await this.cities())
      .filter((city) => mentionedCitySlugs.includes(city.id))
      .map((city) => city.cityId);
    if (mentionedUsers.length > 0 || cityIds.length > 0) {
      const people = await this.db
        .select({ id: users.id, role: users.role, cityId: users.cityId })
        .from(users)
        .where(
          and(
            eq(users.disabled, false),
            or(
              mentionedUsers.length ? inArray(users.id, mentionedUsers) : undefined,
              cityIds.length ? inArray(users.cityId, cityIds) : undefined,
            ),
          ),
        );
      for (const person of await this.readers(channel, people)) {
        recipients.set(person.id, {
          userId: person.id,
          kind: 'mention',
          title: `${sender.name} mentioned ${mentionedUsers.includes(person.id) ? 'you' : 'your city'} in ${where}`,
          body: excerpt(message.body),
          url,
          actorId: sender.id,
          subject: `message:${message.id}`,
        });
      }
    }
    const topicAuthor = topic.author?.id;
    if (isReply && topicAuthor && !recipients.has(topicAuthor)) {
      const [author] = await this.db
        .select({ id: users.id, role: users.role, cityId: users.cityId })
        .from(users)
        .where(and(eq(users.id, topicAuthor), eq(users.disabled, false)));
      if (author && (await this.readers(channel, [author])).length > 0) {
        recipients.set(author.id, {
          userId: author.id,
          kind: 'reply',
          title: `${sender.name} replied to your topic in ${where}`,
          body: excerpt(message.body),
          url,
          actorId: sender.id,
          subject: `message:${message.id}`,
        });
      }
    }
    recipients.delete(sender.id);
    await this.notifications.notify([...recipients.values()]);
  }

  /** Those of `people` who may read the channel. */
  private async readers<T extends { role: SessionUser['role']; cityId: number | null }>(
    channel: ResolvedChannel,
    people: T[],
  ): Promise<T[]> {
    if (channel.row.kind !== 'document' || !channel.row.documentId) return people;
    const facts = await this.documents.facts(channel.row.documentId);
    if (!facts) return [];
    return people.filter(
      (person) => channelPermissions(person, 'document', documentAccessFor(person, facts)).read,
    );
  }
}

function likeEscape(text: string) {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
