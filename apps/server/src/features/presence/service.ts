// Who is live now, from the presence store: everything for the Secretariat, and the people in
// one document for anyone who may read it.
import { type Database, schema } from '@uccn/db';
import type { PresenceEntry, PresenceStore } from '@uccn/realtime';
import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors';
import type { SessionUser } from '../../http/context';
import type { DocumentService } from '../documents/service';

export interface PersonLive {
  userId: string;
  name: string;
  city: string | null;
  citySlug: string | null;
  /** The earliest of this person's connections to the place. */
  since: string;
  /** Open connections (tabs, devices), across nodes. */
  connections: number;
  nodes: string[];
}

/** One line per person: several tabs or devices of the same user count once. */
export function peopleOf(entries: PresenceEntry[]): PersonLive[] {
  const byUser = new Map<string, PersonLive>();
  for (const entry of entries) {
    const person = byUser.get(entry.userId);
    if (!person) {
      byUser.set(entry.userId, {
        userId: entry.userId,
        name: entry.name,
        city: entry.cityName,
        citySlug: entry.citySlug,
        since: entry.since,
        connections: 1,
        nodes: [entry.node],
      });
      continue;
    }
    person.connections += 1;
    if (entry.since < person.since) person.since = entry.since;
    if (!person.nodes.includes(entry.node)) person.nodes.push(entry.node);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function countBy<T>(items: T[], key: (item: T) => string | null) {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

export class PresenceService {
  constructor(
    private readonly store: PresenceStore,
    private readonly db: Database,
    private readonly documents: DocumentService,
  ) {}

  async inDocument(user: SessionUser, documentId: string) {
    await this.documents.authorize(user, documentId, 'read');
    const entries = (await this.store.list()).filter(
      (entry) => entry.kind === 'document' && entry.targetId === documentId,
    );
    return peopleOf(entries);
  }

  /** Everything live now, by document, thread, city and field: the Secretariat only. */
  async overview(user: SessionUser) {
    if (user.role !== 'secretariat')
      throw new AppError('forbidden', 'Only the Secretariat sees everyone who is live.');
    const entries = await this.store.list();
    const documentIds = [
      ...new Set(
        entries.filter((entry) => entry.kind === 'document').map((entry) => entry.targetId),
      ),
    ];
    const titles = documentIds.length
      ? await this.db
          .select({ id: schema.documents.id, title: schema.documents.title })
          .from(schema.documents)
          .where(inArray(schema.documents.id, documentIds))
      : [];
    const cityIds = [
      ...new Set(entries.map((entry) => entry.cityId).filter((id): id is number => id !== null)),
    ];
    const cityRows = cityIds.length
      ? await this.db
          .select({
            id: schema.cities.id,
            slug: schema.cities.slug,
            name: schema.cities.name,
            field: schema.creativeFields.slug,
          })
          .from(schema.cities)
          .innerJoin(schema.creativeFields, eq(schema.creativeFields.id, schema.cities.fieldId))
          .where(inArray(schema.cities.id, cityIds))
      : [];
    const cityById = new Map(cityRows.map((city) => [city.id, city]));
    const people = peopleOf(entries);
    const groupBy = (kind: 'document' | 'thread') =>
      [
        ...new Set(entries.filter((entry) => entry.kind === kind).map((entry) => entry.targetId)),
      ].map((id) => ({
        id,
        title: titles.find((row) => row.id === id)?.title ?? null,
        people: peopleOf(entries.filter((entry) => entry.kind === kind && entry.targetId === id)),
      }));
    const perUserCity = new Map(entries.map((entry) => [entry.userId, entry.cityId]));
    const userCities = [...perUserCity.values()];
    return {
      people: people.length,
      connections: entries.length,
      documents: groupBy('document'),
      threads: groupBy('thread'),
      cities: [...countBy(userCities, (id) => (id === null ? null : String(id)))].map(
        ([id, count]) => {
          const city = cityById.get(Number(id));
          return { slug: city?.slug ?? null, name: city?.name ?? null, people: count };
        },
      ),
      fields: [
        ...countBy(userCities, (id) => (id === null ? null : (cityById.get(id)?.field ?? null))),
      ].map(([field, count]) => ({ field, people: count })),
    };
  }
}
