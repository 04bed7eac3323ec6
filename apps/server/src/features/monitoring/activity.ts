// Activity counts for the Secretariat, in a period: proposals by status (per field, region and
// country of the lead city, and per year), messages per channel, and active cities (distinct
// cities in the activity log) per field, region, country and year.
import { type Database, schema } from '@uccn/db';
import { and, count, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { loadCityRefs } from '../network-refs';

const { proposals, messages, channels, activityLog } = schema;

export type Dimension = 'field' | 'region' | 'country' | 'year';
const DIMENSIONS: readonly Dimension[] = ['field', 'region', 'country', 'year'];

export interface ActivityPeriod {
  /** ISO date, inclusive. */
  from?: string | undefined;
  /** ISO date, exclusive. */
  to?: string | undefined;
}

export interface GroupCount {
  dimension: Dimension;
  key: string;
  name: string;
  count: number;
}

export interface StatusCount extends GroupCount {
  status: string;
}

const start = (date: string) => new Date(`${date}T00:00:00Z`);

export class ActivityCounts {
  constructor(private readonly db: Database) {}

  async counts(period: ActivityPeriod) {
    const cities = await loadCityRefs(this.db);
    const groupsOf = (cityId: number, year: number) => {
      const city = cities.get(cityId);
      if (!city) return [];
      const { field, region, country } = city.ref;
      return [
        { dimension: 'field' as const, key: field.slug, name: field.name },
        { dimension: 'region' as const, key: region.slug, name: region.name },
        { dimension: 'country' as const, key: country.iso2, name: country.name },
        { dimension: 'year' as const, key: String(year), name: String(year) },
      ];
    };

    const created = sql<number>`extract(year from ${proposals.createdAt})::int`;
    const proposalRows = await this.db
      .select({ cityId: proposals.leadCityId, status: proposals.status, year: created, n: count() })
      .from(proposals)
      .where(
        and(
          period.from ? gte(proposals.createdAt, start(period.from)) : undefined,
          period.to ? lt(proposals.createdAt, start(period.to)) : undefined,
        ),
      )
      .groupBy(proposals.leadCityId, proposals.status, created);
    const byStatus = new Map<string, StatusCount>();
    for (const row of proposalRows) {
      for (const group of groupsOf(row.cityId, Number(row.year))) {
        const key = `${group.dimension}|${group.key}|${row.status}`;
        const entry = byStatus.get(key) ?? { ...group, status: row.status, count: 0 };
        entry.count += row.n;
        byStatus.set(key, entry);
      }
    }

    const messageRows = await this.db
      .select({ slug: channels.slug, kind: channels.kind, n: count() })
      .from(messages)
      .innerJoin(channels, eq(channels.id, messages.channelId))
      .where(
        and(
          isNull(messages.deletedAt),
          period.from ? gte(messages.createdAt, start(period.from)) : undefined,
          period.to ? lt(messages.createdAt, start(period.to)) : undefined,
        ),
      )
      .groupBy(channels.slug, channels.kind);

    const at = sql<number>`extract(year from ${activityLog.at})::int`;
    const activeRows = await this.db
      .selectDistinct({ cityId: activityLog.cityId, year: at })
      .from(activityLog)
      .where(
        and(
          isNotNull(activityLog.cityId),
          period.from ? gte(activityLog.at, start(period.from)) : undefined,
          period.to ? lt(activityLog.at, start(period.to)) : undefined,
        ),
      );
    const active = new Map<string, GroupCount & { ids: Set<number> }>();
    for (const row of activeRows) {
      if (row.cityId === null) continue;
      for (const group of groupsOf(row.cityId, Number(row.year))) {
        const key = `${group.dimension}|${group.key}`;
        const entry = active.get(key) ?? { ...group, count: 0, ids: new Set<number>() };
        entry.ids.add(row.cityId);
        entry.count = entry.ids.size;
        active.set(key, entry);
      }
    }
    const order = (a: GroupCount, b: GroupCount) =>
      DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension) ||
      a.key.localeCompare(b.key);

    return {
      period: { from: period.from ?? null, to: period.to ?? null },
      proposalsByStatus: [...byStatus.values()].sort(
        (a, b) => order(a, b) || a.status.localeCompare(b.status),
      ),
      messagesByChannel: messageRows
        .map((row) => ({ channel: row.slug, kind: row.kind, messages: row.n }))
        .sort((a, b) => b.messages - a.messages || a.channel.localeCompare(b.channel)),
      activeCities: {
        total: new Set(activeRows.flatMap((row) => (row.cityId === null ? [] : [row.cityId]))).size,
        groups: [...active.values()].map(({ ids: _ids, ...group }) => group).sort(order),
      },
    };
  }
}
